"""Normalising Chinese text for comparison: width, traditional → simplified, pinyin noise, spam tokens.

Stored text keeps the source's own characters (quotes are verbatim); these functions
are applied only where two texts are compared or a pattern is matched.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .spam import SEO_TOKENS

_FULLWIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_FULLWIDTH[0x3000] = 0x20  # ideographic space


def normalise_width(text: str) -> str:
    """Full-width ASCII forms (２０１７，：) to half-width; keeps 〔〕 and CJK punctuation."""
    return text.translate(_FULLWIDTH)


@lru_cache(maxsize=1)
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Traditional → simplified characters (OpenCC t2s)."""
    return _t2s().convert(text) if text else text


@lru_cache(maxsize=1)
def _s2t():
    import opencc

    return opencc.OpenCC("s2t")


def either_script(pattern: str) -> str:
    """A regular expression written in simplified characters that also matches them as a mirror renders them:
    in traditional characters, each perhaps followed by its pinyin reading ("请" also matches "請" and "請(qǐng)";
    "[日号]" also "日(rì)"). For patterns matched on a source's own characters."""
    reading = f"(?:{_PINYIN.pattern})?"
    out: list[str] = []
    class_start, class_has_hanzi, escaped = None, False, False
    for char in pattern:
        hanzi = "\u4e00" <= char <= "\u9fff" and not escaped
        if escaped:
            out.append(char)
            escaped = False
        elif char == "\\":
            out.append(char)
            escaped = True
        elif class_start is not None:
            if hanzi:
                traditional = _s2t().convert(char)
                out.append(char + traditional if traditional != char else char)
                class_has_hanzi = True
            elif char == "]" and out[class_start + 1:] not in ([], ["^"]):  # "[]…" and "[^]…" hold a literal "]"
                out.append(char)
                if class_has_hanzi:  # "[日号]" → "(?:[日號号](?:(rì))?)": a class of characters, each with its reading
                    out[class_start:] = ["(?:" + "".join(out[class_start:]) + reading + ")"]
                class_start, class_has_hanzi = None, False
            else:
                out.append(char)
        elif char == "[":
            class_start, class_has_hanzi = len(out), False
            out.append(char)
        elif hanzi:
            traditional = _s2t().convert(char)
            either = f"[{char}{traditional}]" if traditional != char else char
            out.append(f"(?:{either}{reading})")
        else:
            out.append(char)
    return "".join(out)


# Mirrors that convert to traditional characters sometimes append the reading: 關(guān), 務(wù).
_PINYIN = re.compile(r"\((?:[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹ]{1,7})\)")


def strip_pinyin(text: str) -> str:
    return _PINYIN.sub("", text)


# Taiwan-style gateways (big5 copies of gov.cn pages) render 信息 as 資訊; the mainland says 信息公开, never 资讯公开.
# Same length, so positions in the text still line up.
_TAIWAN_PHRASES = re.compile(r"资讯(?=公开)|(?<=政府)资讯")


def clean_text(text: str) -> str:
    """Simplified characters, ASCII digits, no pinyin noise, no injected spam tokens."""
    return _TAIWAN_PHRASES.sub("信息", SEO_TOKENS.sub("", to_simplified(strip_pinyin(normalise_width(text)))))


def comparable(text: str) -> str:
    """:func:`clean_text` without any whitespace: the form in which quotes are found in sources."""
    return re.sub(r"\s+", "", clean_text(text))
