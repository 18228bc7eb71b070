"""文号 (document numbers) in every form scrapers meet, normalised to ORG〔YYYY〕N号, 令第N号 or 公告YYYY年第N号."""

from __future__ import annotations

import re

from .normalise import normalise_width

_DOC_NUMBER_RE = re.compile(
    r"([\u4e00-\u9fff]{1,20})\s*"
    r"[〔\[【（(［﹝]\s*((?:19|20)\d{2})\s*[〕\]】）)］﹞]\s*(?:第\s*(\d{1,4})\s*号|号\s*(\d{1,4})|(\d{1,4})\s*(?:号|$))"
)
_DOC_LABEL = re.compile(r"^.*?(发文字号|发文文号|文号|字号)")


_ORDER_NUMBER_RE = re.compile(r"([\u4e00-\u9fff]{1,20}令)\s*第\s*(\d{1,5})\s*号")
# 国家税务总局公告2019年第44号, 农业农村部2019年第4号, 上海市人民政府令2018年第8号
_YEAR_NUMBER_RE = re.compile(r"([\u4e00-\u9fff]{2,20}?)\s*((?:19|20)\d{2})\s*年\s*第\s*(\d{1,4})\s*号")
# An issuer cut by a scraper starts in the middle of a name (号市人大…, 共和国财政部…, 市地方税务局…).
_CUT_ISSUER = re.compile(r"^(号|市(?!场)|省(?!委)|县|区|和|共和国|人民代表大会|业和|公告$|令$)")
_SENTENCE_WORDS = re.compile(r"关于|落实|贯彻|转发|废止|^据|^根据|^依据|发布$|印发$")
_PLACEHOLDER_ISSUERS = {"其他", "其它", "无", "暂无"}


def normalise_doc_number(raw: str) -> str | None:
    """某政办发[2017]3号 / 【】/（）variants → 某政办发〔2017〕3号; 国令第707号; 国家税务总局公告2019年第44号.

    None when the text holds no document number of its own.
    """
    if not raw or "号" not in raw:
        return None
    text = normalise_width(re.sub(r"[\u200b-\u200d\u2060\ufeff]+", "", raw or ""))
    bracketed = _bracketed_number(text)
    if bracketed:
        return bracketed
    compact = re.sub(r"\s+", "", text)
    match = _YEAR_NUMBER_RE.search(compact)
    if match:
        org = _DOC_LABEL.sub("", match.group(1))
        if _CUT_ISSUER.search(org) or _SENTENCE_WORDS.search(org):
            return None
        return f"{org}{match.group(2)}年第{int(match.group(3))}号"
    match = _ORDER_NUMBER_RE.search(compact)
    if match:
        org = _DOC_LABEL.sub("", match.group(1))
        if not re.search(r"关于|落实|贯彻|转发|废止", org):
            return f"{org}第{int(match.group(2))}号"
    return None


def _bracketed_number(text: str) -> str | None:
    for match in _DOC_NUMBER_RE.finditer(text):
        org = _DOC_LABEL.sub("", match.group(1))
        if match.start() > 0 and text[match.start() - 1].isdigit() and org.startswith("日"):
            org = org[1:]  # "2017年6月5日某政办〔2017〕3号": the 日 closes a date
        org = re.sub(r"^.*(?:的通知|的批复|的通告|的意见|通知)", "", org)
        if re.search(r"关于|落实|贯彻|转发|废止", org) or not org:
            continue  # a title citing another document
        if org in _PLACEHOLDER_ISSUERS:
            return None
        number = match.group(3) or match.group(4) or match.group(5)
        return f"{org}〔{match.group(2)}〕{int(number)}号"
    return None
