"""The structure of a notice as published: lines, numbered headings (一、（一）1.（1）), sentences and
clauses, responsibility notes "(牵头单位：…；完成时限：…)", task tables (cells separated by "|" or one
cell per line) — cut into units whose ``quote`` is the source's own characters.

Analysis never changes a quote: each unit also carries ``text``, its comparable form (simplified
characters, ASCII digits, no pinyin, no whitespace, no injected "@@"), on which patterns are matched.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from core.text import clean_text, either_script

# Heading markers of the genre, outermost first: 一、 （一） 1. （1）; also 第一条 and 一是.
_MARKERS = (
    (0, re.compile(r"^第[一二三四五六七八九十]{1,3}[章编](?![^\s，,。；;]{0,2}[，,。；;])")),  # a rule document's chapter holds its articles
    (1, re.compile(r"^[一二三四五六七八九十]{1,3}\s*[、.．]")),
    # "()推进…": a numeral the capture lost; "一）推进…": its opening bracket
    (2, re.compile(r"^[（(〔]\s*[一二三四五六七八九十]{0,3}\s*[)）〕]|^[一二三四五六七八九十]{1,3}\s*[)）]")),
    (3, re.compile(r"^\d{1,2}\s*[.．、﹒](?:(?!\d)|(?=\d{1,2}月))")),  # "10.6月底前完成…" is item 10, "2.5亿" no item
    (4, re.compile(r"^[（(]\s*\d{1,2}\s*[)）]|^\d{1,2}\s*[)）](?!\d)")),
    (1, re.compile(r"^第[一二三四五六七八九十百]{1,4}条")),  # an article holds its (一)(二) items
)
_SENTENCE_END = re.compile(r"(?<=[。；;！!？?])")
# Inline item starts inside a run-together line: "…配合)二是做好…", "…。 (二)推进…".
_INLINE_ITEM = re.compile(r"(?<=[。；;)）\]〕\s])\s*(?=(?:[一二三四五六七八九十]是|[（(][一二三四五六七八九十]{1,3}[)）]|\d{1,2}[.．、﹒](?!\d))\S)")
_CELL = re.compile(r"\s*\|\s*")
# "…将于6月下旬开展测评，请各单位…于6月1日前完成整改": the request after what the issuer will do is a unit of its own
_REQUEST_START = re.compile(either_script(r"(?<=[,，])(?=(?:@@)*请(?:各|你|有关|相关|市|县|区))"))
# "定于5月20日举办…活动，各单位要在网站发布活动预告": after the issuer's announcement, the addressees' duty
_ANNOUNCED = re.compile(either_script(r"^[^,，。；;]{0,24}(?:定于|将于|拟于)"))
_DUTY_AFTER_ANNOUNCEMENT = re.compile(either_script(r"(?<=[,，])(?=(?:@@)*各[^,，。；;]{1,12}?(?:要|应|须|务必))"))
# "…制定落实措施并在门户网站公开，11月底前将落实情况报市政务公开办": a clause led by its own date is a task of its own
_DATED_CLAUSE_START = re.compile(either_script(
    r"(?<=[,，])(?=(?:@@)*(?:(?:19|20)\d{2}年)?(?:\d{1,2}|[一二三四五六七八九十]{1,3})月(?:底|末|份|\d{1,2}[日号])?(?:前|之前|以前)[^,，;；。]{6,}"
    r"|(?:(?:19|20)\d{2}年|今年)?(?:年底|年末)(?:前|之前|以前)[^,，;；。]{6,})"))
_CLAUSE_DATE = re.compile(r"^(?:(?:19|20)\d{2}年|今年)?(?:(?:\d{1,2}|[一二三四五六七八九十]{1,3})月(?:底|末|份|\d{1,2}[日号])?|年底|年末)"
                          r"(?:前|之前|以前)")
# "当前位置：", "您的位置：", "您当前的位置：": a page's breadcrumb starts here
WHERE_YOU_ARE = r"(?:当前的?|现在的?|您的|你的|所在)位置"
# 要 as a modal verb: not inside 需要, 主要, 重要, 纲要, 摘要, 概要, 纪要, 提要, 简要, 扼要, 只要, 必要, nor 要点, 要求, 要素
MUST = r"(?<![需主重纲摘概纪提简扼只必])要(?![点求素])"
# A numbered piece with a modal verb ("第三条 规范性文件应于…公开。") states a duty: it is no item name.
_STATES_DUTY = re.compile(r"应当?|须|不得|" + MUST)
# mirror noise ("@@"), whitespace, and what a markdown conversion adds: emphasis (**一、总体要求**), a heading's
# "## ", a list bullet ("● 1.…")
_NOISE = re.compile(r"@+|\s+|\*\*|__|^#{1,6}(?=\s)|^[●■◆▪•·](?=\s)")

# The labels of a task's note or of a flattened table's lines: who leads, who helps, by when.
# The labels of a row's time limit, in a note or on a line of their own ("完成时限：6月底前", "(责任时限:年底前,…)",
# "时限：6月底前"; a bare 时限 or 期限 only as a label)
TIME_LIMIT_LABELS = r"完成时限|完成时间|完成期限|时限要求|责任时限|办结时限|时间节点|(?<![\u4e00-\u9fff])(?:时限|期限)(?=\s*[:：】\]])"
# who a unit label names ("牵头单位", "协办部门", "责任股室"): the leading, the responsible or the helping units
UNIT_LABEL_ROLES, UNIT_LABEL_BODIES = r"牵头|责任|配合|落实|承办|主办|主责|协办|协同|参与", r"单位|部门|处室|科室|股室"
ROW_LABELS = r"(?:" + UNIT_LABEL_ROLES + r")(?:" + UNIT_LABEL_BODIES + r")|责任主体|" + TIME_LIMIT_LABELS
# "(牵头单位：…；责任单位：…；完成时限：长期坚持)", "（市财政局牵头）", "〔责任单位：县统计局〕"
# "(区金融办、区财政局、区房管局。)": a note of the units alone, without 责任单位 or 牵头 (not "(以下简称市政府办)")
_UNIT_END = r"(?:办|局|委|厅|中心|政府|办事处|委员会|公司|集团)"
UNITS_NOTE = r"[（(](?!以下|简称|含|下同|即|如|包括)(?:[\u4e00-\u9fff]{2,24}?" + _UNIT_END + r"[、，,]){0,12}[\u4e00-\u9fff]{2,24}?" + _UNIT_END + r"。?[)）]"
# "(区发改委、区科信局、区财政局、" at the end of a capture: the note cut before its closing bracket
UNITS_NOTE_CUT = r"[（(](?!以下|简称|含|下同|即|如|包括)(?:[\u4e00-\u9fff]{2,24}?" + _UNIT_END + r"[、，,]){1,12}[\u4e00-\u9fff]{0,6}"
RESPONSIBILITY = re.compile(
    r"^" + UNITS_NOTE + r"\s*$|^" + UNITS_NOTE_CUT + r"\s*$|"
    r"^[（(〔\[【]\s*(?:(?:" + ROW_LABELS + r")\s*[:：】\]]"
    r"|[^（()）]{2,160}?(?:牵头|负责|配合|按职责分工负责|分别负责)[^（()）]{0,40}[)）〕\]】]?\s*$)"
)
UNITS_CELL = re.compile(
    r"^[\u4e00-\u9fff、，,（）()]{2,200}?(?:牵头落实|负责落实|牵头|负责|配合|按职责分工落实|按职责分工负责|落实)$"
)


def analysis(text: str) -> str:
    """The comparable form on which patterns are matched."""
    return _NOISE.sub("", clean_text(text))


def heading_level(text: str) -> int | None:
    for level, pattern in _MARKERS:
        if pattern.match(text):
            return level
    return None


@dataclass
class Unit:
    quote: str                      # verbatim
    text: str                       # analysis form
    line: int
    sections: list[str] = field(default_factory=list)   # analysis text of the enclosing headings
    heading: bool = False           # a bare heading (no body of its own)
    row: dict | None = None         # table row cells: {"deadline": …, "units": …} when in a table
    intro: str = ""                 # the sentence that introduces a list ("…下列政府信息：")

    @property
    def context(self) -> str:
        return "".join(self.sections)


@dataclass
class Line:
    raw: str
    text: str
    level: int | None


_SPACE_RUN = re.compile(r"[ \u3000\xa0]+")
_ENDS_A_LINE = "。；;！!？?:：)）》”」】"
_DATED_START = re.compile(r"(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日(?=\s|$)")  # a signature's date
# after a time or a date: "日期:2018-08-20 13:00 各相关单位", "办公厅 2020年4月30日 2020年…工作要点"
_CLOCK_END = re.compile(r"(?:\d{1,2}:\d{2}|(?:19|20)\d{2}-\d{1,2}-\d{1,2}|(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)$")


# what follows a number that counts or dates something, not a row's 序号
_MEASURE_WORD = re.compile(r"[ \u3000\xa0]*(?:个|月|日|年|号|条|次|天|小时|分钟|项|件|名|人|家|%|％|万|亿|元|周|批|期|户|篇|份|岁|倍)")
_TIME_LIMIT_WORD = re.compile(r"(?:前|之前|以前|止|为止|后|之后|以后)")


def reline(text: str) -> str:
    """A capture that ran a notice's lines together with spaces (a search service's excerpt: "…的通知 各区人民政府:
    …反映。 广州市人民政府办公厅 2017年12月13日 …实施办法 第一条 …") gets its line breaks back.  In a long line,
    a space after a sentence's end or before a numbered item becomes a newline, and so does any space between two
    words when the line has many (one every 120 characters or more: lines, not a sentence's stray spaces).  Only
    spaces are replaced, one character for one, so a quote read from the result stands at the same place in the
    source (:func:`verbatim`).  Times (13:00), letter-spaced headers (工 作 任 务) and "|" rows are left alone."""
    out = []
    for line in text.split("\n"):
        if len(line) < 200 or line.count("|") >= 3:  # a table row keeps its cells on one line
            out.append(_run_together_breaks(line))  # a signature run into a short line still gets its own lines
            continue
        gaps = []
        for match in _SPACE_RUN.finditer(line):
            start, end = match.span()
            if start == 0 or end == len(line):
                continue
            left, right = line[start - 1], line[end]
            before = line[:start].rsplit(" ", 1)[-1]
            after = line[end:].split(" ", 1)[0]
            if left.isascii() and left.isalpha() and right.isascii() and right.isalpha() \
                    or len(before) == 1 and len(after) == 1:
                continue
            strong = left in _ENDS_A_LINE or heading_level(analysis(line[end:end + 12])) is not None \
                or bool(_DATED_START.match(line[end:end + 12])) \
                or bool(_CLOCK_END.search(line[:start])) and not _TIME_LIMIT_WORD.match(line[end:])  # "12:00 前"
            # "2019 年", "〔2019〕33 号": a PDF's spacing around digits is no line break; a row's 序号 cell is
            # ("…人事司 2 机构设置 …"), but not a count or a date ("在 3 个工作日内", "于 10 月 9 日")
            row_number = (re.fullmatch(r"\d{1,3}", before) and not _MEASURE_WORD.match(line[end:])
                          or re.fullmatch(r"\d{1,3}", after) and not _MEASURE_WORD.match(line[end + len(after):]))
            digits = not strong and (left.isdigit() or right.isdigit()) and not row_number
            gaps.append((start, strong, digits))
        dense = len(gaps) >= len(line) / 120
        chars = list(line)
        for start, strong, digits in gaps:
            if strong or dense and not digits:
                chars[start] = "\n"
        out.extend(_run_together_breaks(piece) for piece in "".join(chars).split("\n"))
    return "\n".join(out)


# A heading or article that starts right after a sentence's end, inside a line; the first heading right after the
# document's title ("…2031年政务公开工作要点一、…"); the addressees after the covering notice's title
# (in either script: a traditional-character mirror runs its lines together too; a break goes at each match's end)
_HEADING_AFTER_END = re.compile(either_script(r"(?<=[。；;！!？?])(?=[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[)）]|第[一二三四五六七八九十百]{1,4}条)"))
# "…现将有关情况通报如下:一、总体情况…": the first heading after the covering letter's "如下:"
_HEADING_AFTER_AS_FOLLOWS = re.compile(either_script(r"如下[:：](?=[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[)）]|第[一二三四五六七八九十百]{1,4}条)"))
# "二、工作要求（一）各单位要…": a heading's short name run into its first item
_HEADING_BEFORE_ITEM = re.compile(either_script(r"(?<![\u4e00-\u9fff])[一二三四五六七八九十]{1,3}、[^。；;，,:：（(]{2,12}(?=[（(][一二三四五六七八九十]{1,3}[)）])"))
_FIRST_HEADING_AFTER_TITLE = re.compile(either_script(r"(?:要点|方案|细则|办法|制度|规定|意见|安排|清单|目录)(?=一、|第一条)"))
_ADDRESSEES_AFTER_TITLE = re.compile(either_script(r"的(?:通知|通报)(?=[^。:：]{2,80}[:：])"))
# A signature run into the text: "…认真贯彻执行。某市人民政府办公室2019年6月26日(此件公开发布)某市2019年…"
_SIGNATURE_INSIDE = re.compile(either_script(r"(?<=[。！!])[^。，,；;:：！!？?]{2,40}?(?:政府|办公室|办公厅|委员会|小组|中心|[局厅委部署院办]|代章[)）])"
                                             r"((?:19|20)\d{2}年\d{1,2}月\d{1,2}日)(?:[（(]此件[^)）]{2,8}[)）])?(?![前起后至止以之内,，、])"))


# A signature's date run onto the end of a line, after the letter's last sentence or the organisation's name:
# "…认真执行。2031年5月11日", "…领导小组办公室2031年2月15日相关阅读" (not "截至2031年5月11日", nor a date inside a sentence)
_SIGNATURE_DATE_AT_END = re.compile(either_script(
    r"(?:[。！!局厅委]|办公室|办公厅|人民政府|委员会|小组|中心)((?:19|20)\d{2}年\d{1,2}月\d{1,2}日)"
    r"(?:[（(]此件[^)）]{2,8}[)）])?(?=$|相关阅读|相关链接|相关文件|附件|【|打印|关闭|分享|[（(]联系)"))


def _run_together_breaks(line: str) -> str:
    """A document-sharing site's text layer runs a notice's paragraphs together with nothing between them
    ("…的通知各区人民政府:…贯彻执行。某市人民政府办公室2019年6月26日某市2019年工作要点一、工作目标…。二、主要任务…"):
    a signature run into a line gets the lines of a signature block, and a line of 200 characters or more in which
    two or more headings start right after a sentence's end gets a line break before each, after the covering
    notice's title and before the first heading under the document's title.  The breaks are inserted, not put in
    place of a character, so every quote read from the result is still a stretch of the source."""
    # the organisation, its date and what follows each on a line of its own, as a signature block is
    breaks = {at for match in _SIGNATURE_INSIDE.finditer(line) for at in (match.start(), match.start(1), match.end(1), match.end())}
    breaks.update(at for match in _SIGNATURE_DATE_AT_END.finditer(line) for at in (match.start(1), match.end()))
    prose = line.split("|", 1)[0]  # a table's "|" rows are left as they are
    headings = [match.end() for pattern in (_HEADING_AFTER_END, _HEADING_AFTER_AS_FOLLOWS)
                for match in pattern.finditer(prose)] if len(line) >= 200 else []
    items_after_headings = [match.end() for match in _HEADING_BEFORE_ITEM.finditer(prose)] if len(line) >= 200 else []
    first = _FIRST_HEADING_AFTER_TITLE.search(prose) if len(line) >= 200 else None
    if len(headings) + bool(first) >= 2 or first and breaks:  # …or the document's title right after a signature
        breaks.update(headings + items_after_headings)
        breaks.update(match.end() for match in (first, _ADDRESSEES_AFTER_TITLE.search(prose)) if match)
    breaks = sorted(at for at in breaks if 0 < at < len(line))
    return "\n".join(line[start:end] for start, end in zip([0, *breaks], [*breaks, len(line)]))


def verbatim(quote: str, relined: str, source: str) -> str:
    """A quote read from :func:`reline`'s text, as the source has it (a space where the line break was put back;
    nothing where one was inserted)."""
    at = relined.find(quote)
    if at < 0 or relined == source:
        return quote
    inside = [p for p in _source_positions(relined, source)[at:at + len(quote)] if p is not None]
    return source[inside[0]:inside[-1] + 1] if inside else quote


@functools.lru_cache(maxsize=4)
def _source_positions(relined: str, source: str) -> tuple[int | None, ...]:
    """Where each character of :func:`reline`'s text stands in the source (None: an inserted line break)."""
    positions, j = [], 0
    for char in relined:
        if j < len(source) and (source[j] == char or char == "\n" and source[j] in " \u3000\xa0"):
            positions.append(j)
            j += 1
        else:
            positions.append(None)
    return tuple(positions)


def _lines(text: str) -> list[Line]:
    lines = []
    for raw in _rows_rejoined(_space_separated_rows([_tabs_as_cells(raw.strip()) for raw in text.splitlines()])):
        if raw and raw != "|":
            lines.append(Line(raw, analysis(raw), heading_level(analysis(raw))))
    return lines


def _tabs_as_cells(raw: str) -> str:
    """A table row whose cells a capture separated by tabs ("公开事项\t公开内容\t公开时限") is read as a "|" row; the
    cells are the source's own characters."""
    cells = [cell.strip() for cell in raw.split("\t")]
    if len([cell for cell in cells if cell]) < 2 or "|" in raw:
        return raw
    return "| " + " | ".join(cell for cell in cells if cell) + " |"


def _space_separated_rows(raws: list[str]) -> list[str]:
    """A table whose cells a capture separated by spaces only ("序号 事项名称 内容要求 公开主体 时限 公开方式" and
    "1  政府领导 《条例》 领导照片、分工… 市政府办公室 20个工作日内 政府网站"): under such a header, a line of
    three or more space-separated cells is read as a "|" row.  The quote is still the source's own characters:
    only the cell boundaries are marked."""
    out, in_table = [], False
    for raw in raws:
        cells = raw.split()
        names = [analysis(c) for c in cells]
        if len(cells) >= 4 and all(len(c) <= 8 for c in names) and "|" not in raw \
                and sum(1 for c in names if _COLUMN_NAME.search(c) or re.fullmatch(r"(事项)?名称|时限|主体|(内容)?要求", c)) \
                >= len(cells) // 2:
            in_table = True
            out.append("| " + " | ".join(cells) + " |")
            continue
        if in_table and heading_level(analysis(raw)) in (1, 2):
            in_table = False
        out.append("| " + " | ".join(cells) + " |" if in_table and len(cells) >= 3 and "|" not in raw else raw)
    return out


def _rows_rejoined(raws: list[str]) -> list[str]:
    """A "|" row whose cell was broken over two lines ("| 1 | 政策解读 | …3个工作日内" + "发布解读材料 | 县政府办 |")
    is one row again, and so is a sentence or a table cell broken after a comma ("依法公开权责清单，" + "并动态调整")
    or at a page's line width (a PDF's text); the line break stays in the quote, which is the source's own
    characters."""
    out: list[str] = []
    width = wrap_width(raws)
    for raw in raws:
        previous = out[-1] if out else ""
        broken_row = previous.startswith("|") and not previous.endswith("|") and previous.count("|") >= 2 \
            and raw and not raw.startswith("|") and raw.endswith("|") and raw.count("|") >= 2
        broken_sentence = previous.endswith(("，", ",")) and "|" not in previous and raw and "|" not in raw \
            and heading_level(analysis(raw)) is None and not re.fullmatch(r"\d{1,3}", raw)
        if broken_row or broken_sentence or _wrapped(previous, raw) or _full_line(previous.rpartition("\n")[2], raw, width):
            out[-1] = previous + "\n" + raw
        else:
            out.append(raw)
    return out


def _wrapped(previous: str, raw: str) -> bool:
    """A prose line hard-wrapped inside its sentence (a PDF's or a printed page's line width): mid-sentence
    punctuation before the break, none at its end, and a next line that is no heading, row number, date or units
    cell of a flattened table."""
    before, after = analysis(previous), analysis(raw)
    # a printed line holds some 20 to 60 characters; a longer line is a paragraph of its own, cut by the capture
    return 20 <= len(before) <= 60 and bool(re.search(r"[，,、]", before)) and re.search(r"[\u4e00-\u9fff\d]$", before) \
        and re.match(r"[\u4e00-\u9fff]", after) \
        and "|" not in previous and bool(after) and "|" not in raw and heading_level(after) is None \
        and not re.fullmatch(r"\d{1,3}", after) and not _looks_like_deadline(after) and not _looks_like_units(after) \
        and not re.match(r"^[（(]?[一二三四五六七八九十\d]{1,3}[)）、.．]", after)


def _printed_length(line: str) -> float:
    """A line's width in full-width characters: ASCII letters, digits and spaces take half a character's place."""
    return sum(0.5 if ord(c) < 128 else 1.0 for c in line.strip())


def wrap_width(raws: list[str]) -> float | None:
    """The line width a text was hard-wrapped at (a PDF's text layer, a printed page copied line by line), or None.
    Wrapped prose shows it plainly: many lines of one and the same printed width, none much wider."""
    widths = [_printed_length(raw) for raw in raws if raw and "|" not in raw and not raw.startswith("http")]
    long = [w for w in widths if w >= 16]
    if len(long) < 6:
        return None
    counts: dict[float, int] = {}
    for w in long:
        counts[round(w)] = counts.get(round(w), 0) + 1
    width = max(counts, key=lambda w: (counts.get(w, 0) + counts.get(w - 1, 0), w))
    full = sum(1 for w in long if width - 1.5 <= w <= width + 1.5)
    wider = sum(1 for w in long if w > width + 3)
    return width if full >= 5 and full >= 0.4 * len(long) and wider <= 0.1 * len(long) else None


def _full_line(previous: str, raw: str, width: float | None) -> bool:
    """A line that fills the text's wrap width without ending its sentence, and a next line that starts no heading,
    item or row: one paragraph the wrap broke."""
    if not width or not previous or not raw or "|" in previous or "|" in raw:
        return False
    before, after = analysis(previous), analysis(raw)
    # a capture may also have cut by characters, not by printed width: either measure fills the line
    return max(_printed_length(previous), len(previous.strip())) >= width - 1.5 and not re.search(r"[。！？!?；;:：]$", before) \
        and heading_level(after) is None and not re.match(r"^[（(]?[一二三四五六七八九十\d]{1,3}[)）、.．]", after)


def _is_bare_heading(line: Line) -> bool:
    """A numbered line that only names a task area ("（一）深化重点领域公开", "一、围绕中心工作，做好发布解读")."""
    body = line.text.rstrip("。；;")
    if line.level is None or re.search(r"[。；;:：]", body):
        return False
    return len(body) <= 32 or (len(body) <= 60 and not re.search(r"[，,]", body))


# A line of a flattened table that only holds a row's units or time limit: "牵头单位：县政务服务局", "完成时限：9月底前"
_ROW_LABEL = re.compile(r"^(?:" + ROW_LABELS + r")\s*[:：]")


_TASK_DUTY = re.compile(r"(?<![回响相适对供])应当?(?!用)|须|不得|" + MUST)


# a 责任单位 cell that says who handles the task: "区政府办会同各有关单位、各镇(街)办理。"
_HANDLED_BY = re.compile(r"^[\u4e00-\u9fff、，,（）()]{2,160}?(?:牵头|会同|负责|配合)[\u4e00-\u9fff、，,（）()]{0,80}?办理。?$")


def _is_task_line(line: Line, following: Line | None) -> bool:
    """A short numbered line that is an item of work, not a heading: what follows it is its own note (its units
    or deadline, in brackets or on labelled lines), or it states a duty or a deadline and no deeper item follows."""
    if following is not None and following.level is not None and following.level > line.level:
        return False  # its items follow: it names their area
    if following is not None and (RESPONSIBILITY.match(following.text) or _DEADLINE_NOTE.match(following.text)
                                  or _ROW_LABEL.match(following.text)):
        return True
    if following is not None and following.level is None and line.level >= 2 and "|" not in following.raw \
            and (UNITS_CELL.match(following.text) or _looks_like_units(following.text) or _HANDLED_BY.match(following.text)):
        return True  # a flattened task table's task cell, followed by its 牵头单位 cell
    if following is not None and following.level is None and (line.level >= 2 or line.text.endswith("。")):
        # a top-level "一、…" heads a part unless it is a whole sentence
        dated = re.search(r"\d{1,2}月|年底|年内|工作日", line.text)
        return bool(dated or _TASK_DUTY.search(re.sub(r"^\S{1,5}?[、.．)）〕]", "", line.text)))
    return False


def _is_group_label(lines: list[Line], index: int) -> bool:
    """A task-table cell that names a group of rows: a short phrase followed by a row number."""
    following = lines[index + 1] if index + 1 < len(lines) else None
    return (following is not None and re.fullmatch(r"\d{1,3}", following.text) is not None
            and len(lines[index].text) <= 20 and not re.search(r"[，,。；;]", lines[index].text))


def _heading_with_its_note(line: Line, pieces: list[str], following: Line | None) -> bool:
    """A numbered line that only names an area and who leads it ("（一）推进…公开。(法制司牵头,有关单位负责)") and is
    followed by deeper items: a heading, not a task."""
    if line.level is None or len(pieces) != 2 or following is None or following.level is None \
            or following.level <= line.level:
        return False
    name = analysis(pieces[0])
    return bool(RESPONSIBILITY.match(analysis(pieces[1]))) and not _STATES_DUTY.search(name) and len(name) <= 40 \
        and not re.search(r"\d{1,2}月|年底|年内|工作日", name)


def _is_item_name(text_: str, following: str) -> bool:
    """A numbered piece with its body on the same line names the item: a phrase, or two short parallel clauses
    ("（一）加强…公开，强化…发布。"), with no modal verb and no date; a piece followed only by its
    "(牵头单位…)" note, a "牵头单位：…" label or a bracketed remark is the task itself."""
    if _STATES_DUTY.search(text_) or RESPONSIBILITY.match(analysis(following)) or _LEADING_NOTE.match(following.strip()) \
            or _DEADLINE_NOTE.match(analysis(following)) or _ROW_LABEL.match(analysis(following)) \
            or _WHOLE_NOTE.match(following):
        return False  # "2.…方案公告。(包括资金预算下达)": only a remark follows, the piece is the task
    if _OWN_DATE.search(text_) and not re.search(r"[:：]$", text_):
        return False  # "（三）各县政府于3月15日前报备案，3月31日前公开": the first of two dated tasks, not a name
    if _marker_kind(text_) is not None and _marker_kind(text_) == _marker_kind(analysis(following)):
        return False  # "（一）公开预算。（二）公开债务。": the first of a list's items run into one line, not its name
    clauses = [c for c in re.split(r"[，,]", re.sub(r"^\S{1,5}?[、.．)）〕]", "", text_).rstrip("。；;")) if c]
    if re.match(r"^\d{1,2}[.．、]", text_) and len(clauses) == 2 \
            and all(re.search(r"(?<!以)(公开|公布|发布)[^，,]{2,}$", c) for c in clauses):
        return False  # "2.依法公开随机抽查事项清单，及时公布抽查结果…。": two things to publish, not an area's name
    return len(clauses) == 1 or (len(clauses) == 2 and all(len(c) <= 14 for c in clauses)
                                 and not re.search(r"\d{1,2}月|年底|年内|工作日", text_))


# "5. 及时公开…信息 牵头单位：县发改局 完成时限：2031年12月": a row's labelled fields after its task, spaces between
_SPACED_LABEL = re.compile(either_script(r"(?<=\s)(?=(?:" + ROW_LABELS + r")\s*[:：])"))
# "[责任单位:县财政局 完成时限:6月底前]": one note, its labels apart by spaces
_WHOLE_NOTE = re.compile(r"^\s*[（(〔\[【][^（()）〔〕\[\]【】]*[)）〕\]】]\s*$")
# "(牵头单位：县统计局)按季度公布…": a note that closes one item and is glued to the next one's text
# (a bracket inside the note, "〔责任单位：各区县政府(含高新区管委会,下同)〕", is part of it)
_LEADING_NOTE = re.compile(either_script(r"^[（(〔【]\s*(?:" + ROW_LABELS + r")(?:[^（()）〔〕【】]|[（(][^（()）〔〕【】]{0,60}[)）]){1,160}[)）〕】]"
                                          r"|^" + UNITS_NOTE))


def _bracket_whole(sentences: list[str]) -> list[str]:
    """Sentences rejoined where a split fell inside brackets: "（责任单位：县财政局；完成时限：6月底前）" is one note."""
    whole: list[str] = []
    depth = 0
    for sentence in sentences:
        if depth > 0 and whole:
            whole[-1] += sentence
        else:
            whole.append(sentence)
        depth = max(0, depth + len(re.findall(r"[（(〔]", sentence)) - len(re.findall(r"[)）〕]", sentence)))
    return whole


# "…于1月20日前将年报报送…审核，审核通过后于1月31日前在网站公开": a second deadline, for a second deliverable
_SECOND_DATE_START = re.compile(either_script(
    r"(?<=[,，])(?=(?:@@)*(?:[^,，;；。]{0,8}?后)?(?:并|同时)?(?:于(?:(?:19|20)\d{2}年)?\d{1,2}月(?:底|\d{1,2}[日号])(?:前|之前|以前)"
    r"|[在于]\d{1,2}个工作日内)"
    # "…要于4月上旬公开本级预算，各部门预算在4月下旬前公开": another subject's own date and publication
    r"|[^,，;；。]{2,12}?[在于](?:(?:19|20)\d{2}年)?\d{1,2}月(?:[上中下]旬|底|\d{1,2}[日号])(?:前|之前|以前)?(?:公开|公布|发布))"))
_OWN_DATE = re.compile(r"\d{1,2}月(?:底|末|\d{1,2}[日号])(?:前|之前|以前)|\d{1,2}月[上中下]旬|年底前|\d{1,2}个工作日内")


def _dated_clauses(sentence: str) -> list[str]:
    """A sentence cut before each clause that opens with its own date, when what precedes it is a task of its own
    (ten characters or more), and before a second dated deliverable ("…并于1月31日前在网站公开") when what precedes
    it has a date of its own; the comma between them belongs to neither."""
    parts = [part for first in _DATED_CLAUSE_START.split(sentence) for part in _second_deadlines(first)]
    whole = [parts[0]]
    for part in parts[1:]:
        # the clause's own task, counted without the pinyin or the spaces a mirror inserted
        own = re.split(r"[,，;；。]", _CLAUSE_DATE.sub("", analysis(part), count=1))[0]
        if len(re.sub(r"\W", "", whole[-1])) >= 10 and len(own) >= 6:
            whole.append(part)
        else:
            whole[-1] += part
    return [clause.rstrip("，,") if position < len(whole) - 1 else clause for position, clause in enumerate(whole)]


def _second_deadlines(clause: str) -> list[str]:
    parts = _SECOND_DATE_START.split(clause)
    whole = [parts[0]]
    for part in parts[1:]:
        if _OWN_DATE.search(analysis(whole[-1])):
            whole.append(part)
        else:
            whole[-1] += part  # "制定…方案，并于4月20日前在网站公开": the plan and its publication are one task
    return [piece for part in whole for piece in _lags_apart(part)]


_LAG_PUBLISHED = re.compile(r"\d{1,2}个工作日(?:之|以)?内[^,，]{0,8}(?:公开|公布|发布|公示)")


def _lags_apart(clause: str) -> list[str]:
    """"…形成之日起20个工作日内予以公开,汇总类信息在…终了后20个工作日内予以公开,即时信息1个工作日内予以公开": items each
    published within its own lag, listed in one sentence, are rules of their own (cut at the comma before each)."""
    text = analysis(clause)
    if len(_LAG_PUBLISHED.findall(text)) < 2:
        return [clause]
    pieces, start = [], 0
    for match in re.finditer(r"[,，]", clause):
        if _LAG_PUBLISHED.search(analysis(clause[start:match.start()])) and _LAG_PUBLISHED.search(analysis(clause[match.end():])):
            pieces.append(clause[start:match.start()])
            start = match.end()
    pieces.append(clause[start:])
    return pieces


def _pieces(raw: str) -> list[str]:
    """Sentences and ；-clauses of a line, with inline item starts and glued notes split off; verbatim."""
    parts = []
    for sentence in _bracket_whole(_SENTENCE_END.split(raw)):
        requests = [part for request in _REQUEST_START.split(sentence)
                    for part in (_DUTY_AFTER_ANNOUNCEMENT.split(request) if _ANNOUNCED.match(request) else [request])]
        for piece in (part for request in requests for clause in _dated_clauses(request)
                      for item in _INLINE_ITEM.split(clause)
                      for part in ([item] if _WHOLE_NOTE.match(item) else _SPACED_LABEL.split(item))):
            piece = piece.strip()
            note = _LEADING_NOTE.match(piece)
            if note and piece[note.end():].strip():
                parts.extend([piece[: note.end()], piece[note.end():].strip()])
            elif piece:
                parts.append(piece)
    return parts


# Where a portal's page goes on after the article: links to the previous and next pages, related news, the site's
# footer.  What follows obliges nobody, however much it reads like a task ("县财政局全面公开2031年部门预算").
_ARTICLE_END = re.compile(r"^(?:上一篇|下一篇|上一条|下一条)[:：]|^(?:相关(?:新闻|链接|阅读|文章|信息|文件)|推荐阅读|小伙伴们都在看|"
                          r"热点(?:新闻|推荐))[:：]?$|网站标识码[:：]?\d|ICP备\d|^主办(?:单位)?[:：].{0,40}承办")


def _article(lines: list[Line]) -> list[Line]:
    """The lines of the notice, without the page that follows it: the end is looked for only after the first
    sentence (a line with a full stop), since a page's header is never the article's end."""
    body = next((index for index, line in enumerate(lines) if re.search(r"[。；;]", line.text)), len(lines))
    end = next((index for index, line in enumerate(lines) if index > body and _ARTICLE_END.search(line.text)), None)
    return lines if end is None else lines[:end]


def units(text: str) -> list[Unit]:
    """Candidate units of the whole notice, in order, with their headings and table rows."""
    lines = _article(_lines(text))
    out: list[Unit] = []
    stack: list[tuple[int, str]] = []
    catalogue = False  # a header row has named a 公开依据 column: the rows are a disclosure catalogue's
    merged_time_limit = None  # a catalogue's last 公开时限 cell: it dates the rows merged under it
    cooperating_first = False  # the header puts the 配合单位 column before the 责任单位 one
    for index, line in enumerate(lines):
        if "|" in line.raw and line.raw.count("|") >= 1 and _CELL.split(line.raw.strip(" |")) != [line.raw]:
            cells = [c for c in _CELL.split(line.raw.strip().strip("|")) if c.strip()]
            catalogue = catalogue or (_is_header_row(cells) and any("依据" in analysis(c) for c in cells))
            if _is_header_row(cells):
                merged_time_limit = None
                cooperating_first = _cooperating_column_first(cells)
            own_time_limit = _time_limit_cell(cells)
            merged_time_limit = own_time_limit or merged_time_limit
            if catalogue and len(cells) >= 2 and _CITED_BASIS.match(analysis(cells[0])) and own_time_limit \
                    and out and out[-1].line == index - 1 and (out[-1].row or {}).get("discloses") \
                    and (not out[-1].row.get("deadline") or out[-1].row.get("merged")):
                # a row cut across two lines at its 依据 cell: the second half dates the content of the first
                out[-1].row = {**out[-1].row, "deadline": own_time_limit, "merged": False}
                continue
            following = lines[index + 1] if index + 1 < len(lines) else None
            if not _is_name_cell(line, following):
                out.extend(_row_units(line, index, stack, catalogue, merged_time_limit, cooperating_first))
            elif re.match(r"^[一二三四五六七八九十]{1,3}、", analysis(line.raw.strip(" |"))):
                stack[:] = [(1, analysis(line.raw.strip(" |")))]  # "一、年底前完成的任务": the rows below it
            continue
        if _is_group_label(lines, index):
            continue
        following = lines[index + 1] if index + 1 < len(lines) else None
        if _is_bare_heading(line) and not _is_task_line(line, following):
            outline_leaf = following is None or (following.level is not None and following.level <= line.level)
            while stack and stack[-1][0] >= line.level:
                stack.pop()
            stack.append((line.level, line.text))
            if outline_leaf:
                out.append(Unit(line.raw, line.text, index, [s for _, s in stack[:-1]], heading=True))
            continue
        if line.level is not None:
            while stack and stack[-1][0] > line.level:
                stack.pop()
        sections = [s for _, s in stack]
        pieces = _pieces(line.raw)
        if _heading_with_its_note(line, pieces, following):
            # "（一）推进权力运行信息公开。(法制司牵头)" above items 1., 2.: the note names who leads the items
            while stack and stack[-1][0] >= line.level:
                stack.pop()
            stack.append((line.level, analysis(pieces[0])))
            continue
        for position, piece in enumerate(pieces):
            text_ = analysis(piece)
            level = heading_level(text_)
            if level is not None and position + 1 < len(pieces) and len(text_) <= 40 and _is_item_name(text_, pieces[position + 1]):
                # "（一）推进重点工作信息公开。围绕…": the item's name; its body follows on the line
                while stack and stack[-1][0] >= level:
                    stack.pop()
                stack.append((level, text_))
                sections = [s for _, s in stack]
                continue
            out.append(Unit(piece, text_, index, list(sections)))
    _attach_responsibility(out)
    _attach_time_limits(out, any(re.fullmatch(r"\|?公开时限\|?", line.text) for line in lines[:80]))
    _attach_intros(out)
    _attach_catalogue_cells(out)
    _attach_catalogue_basis_cells(out)
    _attach_merged_catalogue_rows(out)
    return out


# Column names of the genre's tables: task tables (工作任务, 具体要求, 责任单位, 完成时限) and disclosure
# catalogues in the national standard's column order (公开事项, 公开内容(要素), 公开依据, 公开时限, 公开主体,
# 公开渠道和载体, 公开对象, 公开方式).
_COLUMN_NAME = re.compile(r"序号|工作任务|具体(要求|任务|措施)|工作要求|任务内容|责任(单位|科室|处室|部门|股室)|牵头单位|配合单位|"
                          r"完成(时限|时间|情况)|时限要求|备注|公开(事项|内容|依据|时限|主体|渠道|对象|方式|层级)|[一二三]级事项|"
                          r"评价标准|时间(节点|安排)|(拟|计划)?(发布|完成)时间|(主要|重点)任务|(工作|任务)内容|(发布|承办)(单位|主题)|牵头部门")
# A 公开依据 cell: the law or document an entry rests on ("《中华人民共和国政府信息公开条例》"), or the clause it quotes.
_BASIS_CELL = re.compile(r"^《[^》]{2,60}》([、，,及和]?《[^》]{2,60}》)*(第[^,，。；;]{1,12}条)?[^,，。；;]{0,8}$|^第[一二三四五六七八九十百零\d]{1,5}条")


def _is_header_row(cells: list[str]) -> bool:
    """A row of column names: every cell a short label, some of them the genre's column names."""
    texts = [analysis(c) for c in cells if analysis(c)]
    return bool(texts) and all(len(t) <= 16 and not re.search(r"[，,。；;:：]", t) for t in texts) and \
        sum(1 for t in texts if _COLUMN_NAME.search(t)) >= max(1, len(texts) // 3)


def _is_name_cell(line: Line, following: Line | None) -> bool:
    """A flattened table cell that names a group or a task rather than stating it: a "一、…" section cell, or a
    short numbered name ("1.办事指南公开") followed by the longer cell that says what to do."""
    cells = [c for c in _CELL.split(line.raw.strip().strip("|")) if c.strip()]
    if len(cells) != 1:
        return False
    text_ = analysis(cells[0])
    if re.search(r"[。；;]", text_.rstrip("。")) or _STATES_DUTY.search(text_):
        return False
    if re.match(r"^[一二三四五六七八九十]{1,3}、", text_) and len(text_) <= 30:
        return True
    if re.match(r"^\d{1,2}[.．、]\D", text_) and len(text_) <= 18 and not re.search(r"[，,]", text_) and following is not None:
        next_cells = [c for c in _CELL.split(following.raw.strip().strip("|")) if c.strip()]
        next_text = analysis(next_cells[0]) if len(next_cells) == 1 else ""
        return len(next_text) >= 2 * len(text_) and bool(re.search(r"[。；;，,]", next_text))
    return False


# A catalogue's 公开方式/渠道 cell ("县人民政府网站的县教育局栏目", "政府网站、公开栏").
_CHANNEL_CELL = re.compile(r"^[^，,。；;]{0,30}(网站|栏目|公报|新媒体|公开栏|公示栏|服务中心|显示屏|平台)[^，,。；;]{0,12}$|^(主动|依申请)公开$"
                           r"|^[^，,。；;]{1,20}—[^，,。；;]{1,20}—")  # a site column written as its path ("平台—政策—…")
# In a disclosure catalogue, a cell that opens with a cited law or document (numbered or not) is a 公开依据 cell.
_CITED_BASIS = re.compile(r"^(\d{1,2}[.．、])?([【\[][^】\]]{1,6}[】\]])?《")  # "【规章】《…办法》…": the law's kind before it


def _time_limit_cell(cells: list[str]) -> str | None:
    return next((c for c in cells if _TIME_LIMIT_CELL.match(analysis(c).rstrip("。；;"))), None)


_LEAD_COLUMN = re.compile(r"(责任|牵头|主办|承办|落实|公开)(单位|部门|主体|科室|处室|股室)")
_COOPERATING_COLUMN = re.compile(r"(配合|协办|协同|参与)(单位|部门|科室|处室|股室)")


def _cooperating_column_first(header: list[str]) -> bool:
    """Whether a header row names its 配合单位 column before its 责任单位 (牵头单位) column."""
    texts = [analysis(c) for c in header]
    lead = next((i for i, t in enumerate(texts) if _LEAD_COLUMN.search(t)), None)
    cooperating = next((i for i, t in enumerate(texts) if _COOPERATING_COLUMN.search(t)), None)
    return lead is not None and cooperating is not None and cooperating < lead


def _row_units(line: Line, index: int, stack, catalogue: bool = False, merged_time_limit: str | None = None,
               cooperating_first: bool = False) -> list[Unit]:
    """A task-table row written on one line with "|" between cells.  In a disclosure catalogue's row (one with a
    公开依据 cell) only the content cell — the one just before the first 依据 cell — is disclosed, dated by the
    row's 公开时限 cell; the 事项 names, the basis, the channels and the units are the row's labels.  A catalogue
    row without a 公开时限 cell lies under a merged one: ``merged_time_limit``, the last one above it."""
    cells = [c for c in _CELL.split(line.raw.strip().strip("|")) if c.strip()]
    if _is_header_row(cells):
        return []
    own_time_limit = _time_limit_cell(cells)
    # a row of its own (not the rest of a basis cell cut across lines) lies under a merged 公开时限 cell
    whole_row = len(cells) >= 2 and not _CITED_BASIS.match(analysis(cells[0]))
    time_limit = own_time_limit or (merged_time_limit if catalogue and whole_row else None)
    # in a row with a 公开时限 cell, a cell that opens with a cited law or document is its 依据, however much of
    # the cited text follows ("《条例》国务院令第711号,第二十条第二款:…")
    basis = next((i for i, c in enumerate(cells) if _BASIS_CELL.match(analysis(c))
                  or ((time_limit or catalogue) and i > 0 and _CITED_BASIS.match(analysis(c)))), None)
    if basis and (time_limit or catalogue):
        content = cells[basis - 1]
        after = cells[basis + 1] if basis + 1 < len(cells) else None
        if after is not None and after is not time_limit and not _BASIS_CELL.match(analysis(after)) \
                and not _CITED_BASIS.match(analysis(after)) and not _CHANNEL_CELL.search(analysis(after)) \
                and not UNITS_CELL.match(analysis(after)) and not _looks_like_units(analysis(after)) \
                and len(analysis(after)) > len(analysis(content)):
            content = after  # "事项 | 依据 | 内容 | …": the content follows its basis
        row = {"deadline": time_limit, "units": None, "discloses": True}
        return [Unit(content.strip(), analysis(content), index, [s for _, s in stack], row=row)]
    if time_limit and basis is None:
        # a catalogue without a 依据 column ("类别 | 内容描述 | 责任主体 | 公开方式 | 公开时限"): the content is the
        # longest cell that is not the time limit, the units or the channel
        others = [c for c in cells if c is not time_limit and not _CHANNEL_CELL.search(analysis(c))
                  and not UNITS_CELL.match(analysis(c)) and not _looks_like_units(analysis(c))]
        content = max(others, key=lambda c: len(analysis(c)), default=None)
        if content is not None and len(analysis(content)) >= 6:
            # a merged time limit gives way to one written on the row's next line (a row cut across lines); a task
            # table's row (a 牵头单位 and a 配合单位 cell; a catalogue has one 公开主体) is its lead unit's
            named = [c for c in cells if c is not content and (UNITS_CELL.match(analysis(c)) or _looks_like_units(analysis(c)))]
            lead = (named[-1] if cooperating_first else named[0]) if len(named) >= 2 else None
            row = {"deadline": time_limit, "units": lead, "discloses": True, "merged": own_time_limit is None}
            return [Unit(content.strip(), analysis(content), index, [s for _, s in stack], row=row)]
    if catalogue and len(cells) == 1 and _CITED_BASIS.match(analysis(cells[0])):
        # a 依据 cell on a line of its own: it obliges nobody, and it marks where its row's content ends
        return [Unit(cells[0], analysis(cells[0]), index, [s for _, s in stack], row={"deadline": None, "units": None, "basis": True})]
    if catalogue:
        cells = [c for c in cells if not _CITED_BASIS.match(analysis(c))]  # the rest of a basis cut across lines
    row = {"deadline": None, "units": None}
    texts = []
    for cell in cells:
        text_ = analysis(cell)
        if re.fullmatch(r"\d{1,3}", text_) or not text_:
            continue
        if heading_level(text_) in (1, 2) and len(text_) <= 40 and not re.search(r"[，,]", text_.rstrip("。")):
            continue  # "一、…。" / "（一）…。": the section cells before the row's task
        if UNITS_CELL.match(text_) or _looks_like_units(text_):
            # of a 责任单位 and a 配合单位 cell, the one the header names first answers for the row unless it is the
            # 配合单位 column
            if row["units"] is None or cooperating_first:
                row["units"] = cell
        elif _looks_like_deadline(text_):
            row["deadline"] = cell
            if re.search(r"公开|公布|发布", text_):
                texts.append(cell)  # "6月底前公开决算": the cell states its own deliverable
            elif len(cells) == 1:
                row["time_limit_only"] = True  # a flattened table's time-limit cell, on a line of its own
                texts.append(cell)
        else:
            texts.append(cell)
    result = []
    if len(texts) == 1:
        row["only_task"] = True  # the row's one task cell, however short: no category cell beside it
    for cell in texts:
        # "| 公开财政信息 | 按规定公开部门预算、决算…。 |": the short cell names the task the next one states
        own = dict(row, task_name=_names_a_task_stated_beside(cell, texts))
        for piece in _pieces(cell) if not _looks_like_deadline(analysis(cell)) else re.split(r"(?<=[,，])", cell):
            piece = piece.strip().rstrip(",，")
            if piece:
                result.append(Unit(piece, analysis(piece), index, [s for _, s in stack], row=dict(own)))
    return result


def _names_a_task_stated_beside(cell: str, texts: list[str]) -> bool:
    name = analysis(cell)
    return bool(re.fullmatch(r"[\u4e00-\u9fff“”]{2,12}", name)) and any(
        other is not cell and len(analysis(other)) >= 2 * len(name) and (re.search(r"[，,。；;、]", analysis(other))
                                                                       or len(analysis(other)) >= 20)
        for other in texts)


_UNIT_NAME = re.compile(r"(委|局|厅|办|政府|部门|中心|支行|管委会|单位|机构|办公室|院|会|所|站|队|组|处|科|室|集团|公司|馆|台|校)$")


def without_cut_tail(cell: str) -> str:
    """A units cell without the fragment a capture cut it at ("市农业农村局、市" → "市农业农村局")."""
    tail = re.search(r"[、，,;；]([\u4e00-\u9fff]{1,2})$", cell)
    return cell[: tail.start()] if tail and not (_UNIT_NAME.search(tail.group(1)) or tail.group(1).startswith("各")) else cell


def _looks_like_units(text: str) -> bool:
    """A 责任单位 cell: unit names, a "；" between the city's units and the towns' ("市直有关部门;各镇(街)")."""
    text = without_cut_tail(text)
    parts = [p for p in re.split(r"[、，,；;]", re.sub(r"(等|按职责分工落实|按职责|分别|牵头|负责|配合|落实)+$", "", text)) if p]
    return bool(parts) and len(text) <= 120 and not re.search(r"。", text) and \
        sum(1 for p in parts if _UNIT_NAME.search(p) or p.startswith("各") and len(p) <= 10 and "的" not in p) / len(parts) >= 0.75 and \
        not re.search(r"公开|公布|发布|解读|制定|编制", text)


def _looks_like_deadline(text: str) -> bool:
    """A 完成时限 cell: a date, or a rhythm standing alone ("长期坚持", "及时") — not a task that opens with one
    ("及时更新机构职能、领导信息等基础信息")."""
    if re.match(r"^(长期|持续|及时|常态化|每(?:年|季|月))", text) and len(re.sub(r"\W", "", text)) > 8 \
            and not re.search(r"最迟|最长|不超过|[日月年]内|工作日", text):  # "及时更新,最迟6个月内…" is still a time limit
        return False
    return bool(re.match(r"^((?:19|20)\d{2}年\d{1,2}月|(?:19|20)\d{2}年(?:底|内)|年底|长期|持续|及时|常态化|每(?:年|季|月)|按.{1,10}(?:要求|完成)|全年|\d{1,2}月底)", text)
                or _DATE_ONLY_CELL.match(text) or LAG_ONLY_CELL.match(text)) and len(text) <= 40


# A 完成时限 cell holding only a lag from an issue or approval or a same-time rule ("印发后10个工作日内", "批复后20日内",
# "与文件同步"); a catalogue's "信息形成之日起20个工作日内" is its 公开时限 cell (_TIME_LIMIT_CELL)
LAG_ONLY_CELL = re.compile(r"^[^,，。；;]{0,8}(?:印发|下发|发布|出台|批复)(?:后|之日起|之日后)(?:\d+|[一二三四五六七八九十]+)个?(?:工作日|日|天)(?:内|以内)$"
                            r"|^与[^,，。；;]{2,12}同步(?:公开|发布|解读)?$")


# A 完成时限 cell holding only a date ("10月", "6月30日前", "9月中旬", "上半年", "第三季度", "2030年"): the row's time limit.
_DATE_ONLY_CELL = re.compile(r"^((?:19|20)\d{2}年度?)?(\d{1,2}月(\d{1,2}[日号])?(上旬|中旬|下旬|初|底|末)?|[上下]半年|第?[一二三四1-4]季度(末)?)?"
                             r"(前|之前|以前|完成)?$|^(?:19|20)\d{2}[.\-/]\d{1,2}(前|之前|以前|完成)?$")


_DEADLINE_NOTE = re.compile(r"^[（(〔\[]\s*(?:(?:" + TIME_LIMIT_LABELS + r")[:：]?)?([^（()）]{2,24}?(?:前|底|内|完成|坚持|推进|常态化))\s*[)）〕\]]$")


def _attach_responsibility(out: list[Unit]) -> None:
    """A "(牵头单位…完成时限…)" or "(2019年底前完成)" note belongs to the units of its item — the pieces before
    it on its line, or the previous line's when the note stands on a line of its own; it is not itself an
    obligation."""
    for position, unit in enumerate(out):
        if _ROW_LABEL.match(unit.text) and position:
            _attach_row_label(out, position)
            continue
        only_deadline = _DEADLINE_NOTE.match(unit.text) if not re.search(r"单位|牵头|负责|处室|科室", unit.text) else None
        if RESPONSIBILITY.match(unit.text) or only_deadline or (
                unit.text.startswith(("(", "（", "〔")) and re.search(r"牵头|责任单位|" + TIME_LIMIT_LABELS, unit.text)):
            unit.row = {"responsibility": unit.quote}
            deadline = re.search(r"(?:" + TIME_LIMIT_LABELS + r")\s*[:：】\]]?([^,，;；)）【\[]+)", unit.text)
            deadline_text = deadline.group(1) if deadline else (only_deadline.group(1) if only_deadline else None)
            line = out[position - 1].line if position and out[position - 1].line != unit.line else unit.line
            back = position - 1
            while back >= 0 and out[back].line == line and not (out[back].row or {}).get("responsibility"):
                units_note = unit.quote if not only_deadline else (out[back].row or {}).get("units")
                out[back].row = {**(out[back].row or {}), "units": units_note, "deadline": deadline_text}
                back -= 1


def _attach_row_label(out: list[Unit], position: int) -> None:
    """A flattened table's labelled line ("牵头单位：…", "完成时限：9月底前") belongs to the task line above it and
    to the other labelled lines between them; it is not itself an obligation."""
    unit = out[position]
    unit.row = {"responsibility": unit.quote}
    back = position - 1
    while back >= 0 and (out[back].row or {}).get("responsibility") and _ROW_LABEL.match(out[back].text):
        back -= 1
    if back < 0 or (out[back].row or {}).get("responsibility"):
        return
    label, _, value = unit.text.partition(":")
    task_line = out[back].line
    for task in out[: back + 1]:
        if task.line == task_line:
            row = task.row or {}
            if re.match(r"(?:" + TIME_LIMIT_LABELS + r")\s*[:：]", unit.text):
                task.row = {**row, "deadline": value.strip(), "units": row.get("units")}
            else:
                task.row = {**row, "units": ((row.get("units") or "") + " " + unit.quote).strip()}


# What a 公开时限 cell may add after its lag: "，保持长期公开", "（相关政策法规另有规定的应从其规定）",
# "。法律法规对政府信息公开的期限另有规定的，从其规定" (the statute's reservation, no lag of its own)
_STATUTORY_RESERVATION = (r"(?:[,，。]?(?:保持)?长期(?:公开|保留))?"
                          r"(?:[,，。]?[（(]?[^（()）。；;]{0,30}另有规定的?[,，]?(?:应|的)?从其规定[)）]?)?")
# A 公开时限 cell of a disclosure catalogue or a task table: "信息生成之日起15个工作日内公开", "印发后15个工作日内",
# "与文件同步公开", "与政策文件同步发布，时间跨度不超过5个工作日" (its tolerance is the lag a check allows).
_TIME_LIMIT_CELL = re.compile(
    r"^(?:(?:自|从)?[^,，。；;]{0,12}(?:形成|生成|产生|制作|获取|变更|作出|印发|公布|批复)(?:[（(][^（()）]{1,6}[)）])?(?:[^,，。；;\d]{0,4}?(?:之日起|之日后)|后)?[,，]?)?"
    r"(?:\d+|[一二三四五六七八九十]+)个?工作日(?:内|以内)?"
    r"(?:(?:及时|予以|主动)*(?:公开|发布|更新|公布)|内)*" + _STATUTORY_RESERVATION + r"$|^与[^,，。；;]{2,12}同步(?:公开|发布)+"
    r"(?:[,，][^,，。；;]{0,8}(?:不超过|不得超过|不晚于|最迟)(?:\d+|[一二三四五六七八九十]+)个?工作日(?:内)?)?$"
)


def _attach_time_limits(out: list[Unit], catalogue: bool = False) -> None:
    """A table cell that only states a 公开时限 dates the cell before it, which names what is disclosed — or, in a
    catalogue flattened one cell per line whose 公开形式 column comes first ("…内容 | 网站公开 | 3月底前 |"), the cell
    before the channel; under a 公开时限 header (``catalogue``) a date alone is such a cell too.  It is not itself an
    obligation."""
    for position, unit in enumerate(out):
        limit = _TIME_LIMIT_CELL.match(unit.text.rstrip("。；;")) or catalogue and (unit.row or {}).get("time_limit_only")
        if not (position and limit and unit.row is not None):
            continue
        back = position - 1
        while catalogue and back > 0 and _CHANNEL_CELL.search(out[back].text.rstrip("|")) and out[back].line != unit.line:
            back -= 1  # the 公开形式 cell between the content and its time limit
        basis = next((j for j in range(back, max(back - 3, 0), -1) if _CITED_BASIS.match(out[j].text)
                      and out[j].line != unit.line), None)
        if catalogue and basis is not None:
            back = basis - 1  # "内容 | 《条例》 | 条款内容 | 时限": the content is before its 依据 and the article's text
            while back > 0 and _CITED_BASIS.match(out[back].text):
                back -= 1
            for cited in out[basis + 1:position]:
                cited.row = {**(cited.row or {}), "basis": True}
        previous = out[back]
        if not (previous.row or {}).get("responsibility"):
            # a content cell holding numbered items ("1.…；2.…；3.…。") is dated as a whole, each item by its time limit
            items = [previous]
            while _NUMBERED_ITEM.match(items[-1].text) and back - len(items) >= 0 \
                    and out[back - len(items)].line == previous.line and _NUMBERED_ITEM.match(out[back - len(items)].text):
                items.append(out[back - len(items)])
            for item in items:
                if not (item.row or {}).get("deadline") or (item.row or {}).get("merged"):
                    item.row = {**(item.row or {}), "deadline": unit.quote, "discloses": True}
            unit.row = {"responsibility": unit.quote}


_NUMBERED_ITEM = re.compile(r"^\d{1,2}[.．、]")


_CONTENT_HEADER = re.compile(r"^(公开)?内容(要求|要素|说明)?$")
_UNITS_HEADER = re.compile(r"^(责任|公开|承办|牵头)(单位|主体|科室|处室|股室|部门)$")
_UNITS_ONLY_CELL = re.compile(r"^(相关|各|本)?[\u4e00-\u9fff、]{0,20}(科室|处室|股室|单位|部门|局|办公室|中心)$")


def _attach_catalogue_cells(out: list[Unit]) -> None:
    """A disclosure catalogue flattened one cell per line under a header naming a 内容 column and a 责任单位 column
    ("分类 | 内容要求 | 责任单位"): the cell(s) on the line just before each units cell state what is disclosed; the
    other short cells are its category names."""
    head = [unit.text for unit in out[:16]]
    if not (any(_CONTENT_HEADER.match(t) for t in head) and any(_UNITS_HEADER.match(t) for t in head)):
        return
    time_limits = [i for i, unit in enumerate(out) if unit.row is None and _TIME_LIMIT_CELL.match(unit.text.rstrip("。；;"))]
    if "公开时限" in head and len(time_limits) >= 3:
        content = next(i for i, t in enumerate(head) if _CONTENT_HEADER.match(t))
        _attach_catalogue_time_limits(out, time_limits, head[content + 1:content + 2] == ["公开时限"])
        return
    units_lines = {unit.line for unit in out if _UNITS_ONLY_CELL.match(unit.text) and unit.row is None}
    if len(units_lines) < 3:
        return  # not a table of rows
    for position, unit in enumerate(out):
        if unit.row is not None or unit.line in units_lines:
            continue
        following = next((other.line for other in out[position + 1:] if other.line != unit.line), None)
        if following in units_lines:
            unit.row = {"deadline": None, "units": None, "discloses": True}
        else:
            unit.row = {"deadline": None, "units": None}  # a category cell


def _mark_row_label(unit: Unit) -> None:
    """A catalogue's short cell that only names its row (a category, a 事项 name, a channel, the units): it obliges
    nobody.  A sentence below the table is left to be read as prose."""
    if len(unit.text) <= 40 and not re.search(r"[。；;]", unit.text):
        unit.row = {"deadline": None, "units": None, "label": True}


def _attach_catalogue_time_limits(out: list[Unit], time_limits: list[int], content_first: bool) -> None:
    """A catalogue flattened one cell per line with a 公开时限 column ("类别 | 工作事项 | 公开内容 | 公开时限 | 公开方式 |
    责任主体"): each 公开时限 cell dates the content cell before it (row numbers skipped, and channel cells too unless
    the content column comes just before the time limit's); the other short cells (categories, 事项 names, channels,
    units) name the row and oblige nobody.  A sentence below the table is still read as prose."""
    contents = {}
    for i in time_limits:
        j = i - 1
        while j >= 0 and (re.fullmatch(r"\d{1,3}", out[j].text) or not content_first and _CHANNEL_CELL.search(out[j].text)):
            j -= 1  # the row's 序号 cell, or a 公开方式 cell between the content and its time limit
        if j >= 0 and out[j].row is None and out[j].line != out[i].line and j not in time_limits:
            contents[j] = out[i].quote
    header = next(i for i, unit in enumerate(out) if unit.text == "公开时限")
    for position, unit in enumerate(out):
        if position < header or unit.row is not None:
            continue  # the text above the table is read as prose
        if position in contents:
            unit.row = {"deadline": contents[position], "units": None, "discloses": True}
        elif position in time_limits:
            unit.row = {"responsibility": unit.quote}
        else:
            _mark_row_label(unit)


_BASIS_HEADER = re.compile(r"^(公开)?依据$")


def _attach_catalogue_basis_cells(out: list[Unit]) -> None:
    """A disclosure catalogue flattened one cell per line in the national standard's column order (事项 | 内容(要素) |
    依据 | 时限 | 主体 | …): each cell that opens with a cited law (《…》) is a row's 依据, the cell just before it is what
    is disclosed, and a 公开时限 cell just after it dates that; the 依据 cells oblige nobody."""
    head = [re.sub(r"[（(]要素[)）]|\s|\|", "", unit.text) for unit in out[:60]]
    if not (any(_CONTENT_HEADER.match(t) for t in head) and any(_BASIS_HEADER.match(t) for t in head)):
        return
    bases = [i for i, unit in enumerate(out) if unit.row is None and _CITED_BASIS.match(unit.text)]
    # a row's 依据 may take two cells (the cited law, then the article's text, also opening with 《…》)
    groups = [[i] for i in bases[:1]]
    for i in bases[1:]:
        if i == groups[-1][-1] + 1:
            groups[-1].append(i)
        else:
            groups.append([i])
    for number, group in enumerate(groups):
        first, last = group[0], group[-1]
        for i in group:
            out[i].row = {"deadline": None, "units": None, "basis": True}
        content = next((out[j] for j in range(first - 1, -1, -1) if out[j].line != out[first].line), None)
        if content is None or (content.row is not None and not content.row.get("merged")) \
                or _CITED_BASIS.match(content.text):
            continue
        # the 公开时限 cell follows the basis, after the cited article's text and its 效力位阶 when the catalogue
        # has those columns; it comes before the next row's content
        row_end = groups[number + 1][0] - 1 if number + 1 < len(groups) else len(out)
        after = next((k for k in range(last + 1, min(row_end, last + 6))
                      if _TIME_LIMIT_CELL.match(out[k].text.rstrip("。；; |"))), None)
        content.row = {"deadline": out[after].text if after else None, "units": None, "discloses": True}
        if after is None:
            continue
        for k in range(last + 1, after):
            if out[k].row is None:
                out[k].row = {"deadline": None, "units": None, "basis": True}  # the article's text, its 位阶
        out[after].row = {"responsibility": out[after].quote}
        for k in range(after + 1, row_end):
            if out[k].row is None:
                _mark_row_label(out[k])  # 主体, 类别, 渠道, 对象, 科室


def _attach_merged_catalogue_rows(out: list[Unit]) -> None:
    """A numbered catalogue flattened one cell per line whose later rows lost the cells a page merged across rows
    (the same 依据 and 公开时限 for several rows): each row still states what is disclosed in its 内容 column, found by
    its distance from the row's 序号 cell, and a row without a time limit of its own shares the one above it."""
    first = next((i for i, unit in enumerate(out[:60]) if unit.text == "1"), None)
    if first is None:
        return
    header = [re.sub(r"[（(]要素[)）]|\s|\|", "", unit.text) for unit in out[:first]]
    if "序号" not in header or not any(_CONTENT_HEADER.match(t) for t in header):
        return
    content_column = next(i for i, t in enumerate(header) if _CONTENT_HEADER.match(t)) - header.index("序号")
    if content_column < 1:
        return  # a 内容 header before the 序号 one: not the layout this reads
    numbers, expected = [], 1
    for i, unit in enumerate(out[first:], first):
        if unit.text == str(expected):
            numbers.append(i)
            expected += 1
    if len(numbers) < 3:
        return
    shared = None  # the time limit of the row above, when a merged cell spans this row too
    for number, start in enumerate(numbers):
        end = numbers[number + 1] if number + 1 < len(numbers) else len(out)
        cells = out[start + 1:end]
        stated = next((unit.row["deadline"] for unit in cells if (unit.row or {}).get("discloses")), None)
        if stated is not None or any((unit.row or {}).get("discloses") for unit in cells):
            shared = stated
            continue
        lines = list(dict.fromkeys(unit.line for unit in cells))
        if len(lines) < content_column:
            continue
        content = [unit for unit in cells if unit.line == lines[content_column - 1]]
        if not all((unit.row or {}).get("label") or unit.row is None for unit in content):
            continue
        own = next((unit for unit in cells if _TIME_LIMIT_CELL.match(unit.text.rstrip("。；; |"))), None)
        if own is not None:
            shared = own.quote
        elif any(re.search(r"[。；;]", unit.text) and unit.line > lines[content_column - 1] for unit in cells):
            shared = None  # a time limit written as sentences, read as prose
        for unit in content:
            unit.row = {"deadline": shared, "units": None, "discloses": True}
        if own is not None:
            own.row = {"responsibility": own.quote}


def _marker_kind(text: str) -> int | None:
    """Which of the genre's numbering styles a line starts with (index in _MARKERS)."""
    return next((index for index, (_, pattern) in enumerate(_MARKERS) if pattern.match(text)), None)


# A sentence that introduces a list: "…公开下列信息：", "…包括：", "年度报告主要包括以下内容" (its colon lost).
LIST_INTRO = re.compile(r"(下列|以下|如下)[^。；]{0,24}[:：]$|包括[:：]$|(包括|包含)(下列|以下)(内容|信息|事项|几个方面)$"
                        r"|^符合(下列|以下)(情形|条件)之一的[^。；:：]{2,40}[。；]?$")  # "符合下列情形之一的政策性文件，应当进行解读。"


def _attach_intros(out: list[Unit]) -> None:
    """Items of a list introduced by "…下列…：" / "…包括：" / "…主要包括以下内容" carry that sentence."""
    intro, level = "", None
    for unit in out:
        if LIST_INTRO.search(unit.text):
            intro, level = unit.text, None
            continue
        marker = _marker_kind(unit.text)
        if intro and marker is not None and level in (None, marker):
            unit.intro, level = intro, marker  # the list's items share one kind of number
        elif intro and marker is not None and _MARKERS[marker][0] > _MARKERS[level][0]:
            unit.intro = intro  # "(二)服务信息" then "1.…; 2.…": an item's own items are in the list too
        elif intro and marker is None and re.match(r"^(主要)?包括[:：]", unit.text):
            unit.intro = intro  # "(一)集团概况" then "主要包括：…": what the item holds
        elif intro:
            intro, level = "", None
