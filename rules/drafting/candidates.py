"""Every unit the drafter considers, with what is known about it before the keep/drop decision.

The drafter cuts a notice into units (sentences, ；-clauses, table cells: :mod:`.structure`), dates each
(:mod:`.deadlines`, a task-table row's 完成时限) and then decides which oblige.  :func:`candidates` stops just
before that decision: it returns every unit with its deadline, its table row, the hand-written rules' verdict
(:func:`.obligations.verdict`) and the structural features the learned scorer (:mod:`.scorer`) reads.
The training script (:mod:`.train`) builds its examples from exactly these, so what is learned is what is used.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from . import obligations, structure
from .deadlines import deadline_of
from .tables import is_same_time_cell

# A unit name at the end of a phrase (…局, …办公室, 各乡镇): who is to act.
_UNIT_NAME = re.compile(r"(委|局|厅|办|政府|部门|中心|管委会|单位|办公室|院|所|站|处|科|室|街道|乡镇|镇)(?=[、，,。；;)）]|$|牵头|负责|配合|要|应|须)")
_MODAL = re.compile(r"应当?|须|必须|务必|不得|" + structure.MUST)


@dataclass
class Candidate:
    unit: structure.Unit
    index: int                     # position among the notice's units
    deadline: dict                 # the unit's own deadline, or its row's 完成时限
    row: dict | None               # the flattened task-table row the unit belongs to
    cut_off: bool                  # the capture ends inside this unit
    repeated: bool                 # the same words as an earlier unit or the title
    rules_keep: bool               # the hand-written rules' verdict: it obliges
    features: dict[str, float] = field(default_factory=dict)
    rules_unsure: bool = False     # no rule rejects it, none finds its deliverable: the scorer may keep it

    @property
    def quote(self) -> str:
        return self.unit.quote

    @property
    def text(self) -> str:
        return self.unit.text


def is_cut_off(sentence: str) -> bool:
    """A sentence that visibly stops mid-way: on a separator ("…意见征集、") or inside an unclosed bracket
    ("…的通知》(国办").  A sentence cut between two characters ("…按季度公开房地产") cannot be told from a
    table cell written without a full stop, so it is kept."""
    sentence = sentence.rstrip(" |")
    if re.search(r"[、,，:：(（《“]$", sentence):
        return True  # stops on a separator or an opening mark
    opened = sentence.count("(") + sentence.count("（") - sentence.count(")") - sentence.count("）")
    return opened > 0 and not re.search(r"[。；;]", sentence[sentence.rfind("(") if "(" in sentence else 0:])


def duty_before_the_cut(sentence: str) -> bool:
    """A sentence cut on a separator or inside a bracket after its publication and object were written ("…7个工作日内在
    门户网站进行公示,并同步推送到…(“", "…要主动公布决策草案、决策依据、"): what was lost is a remark or the rest of a
    list, and the duty stands."""
    kept = sentence.rstrip(" |")
    opening = max(kept.rfind("("), kept.rfind("（"))
    if opening >= 0 and not re.search(r"[)）]", kept[opening:]):
        kept = kept[:opening]  # the unclosed bracket and what the capture kept of it
    kept = re.sub(r"[、,，:：《“]+$", "", kept)
    if re.search(r"(要|应当?|须|主动|及时|向社会|向公众)(公开|公示|公布|发布|披露)$|的$", kept):
        return False  # "…要主动向社会公布(", "…公开本单位的、": cut before what is published
    if len(re.sub(r"\W", "", kept)) < 10:
        return False
    # "请各单位于12月10日前,将佐证材料报市政务公开办(邮箱地址:…": a dated report whose object was written out
    return obligations.names_disclosure(kept) or bool(obligations.names_internal_action(kept) and deadline_of(kept, _ANY_YEAR).get("by_date"))


def lost_its_object(unit: structure.Unit) -> bool:
    """The capture's last sentence, stopped between two characters (it ends mid-word, no full stop): its
    object is lost unless the clauses before the cut already name what is published, or the sentence names an
    internal action or a date and more than a word or two survives after its last comma.  A table cell, which is
    often written without a full stop, is not judged this way."""
    text = unit.text
    if unit.row is not None or unit.quote.rstrip().endswith("|") or re.search(r"[。；;！!？?”\"’）)】]$", text):
        return False
    head, comma, last = text.rpartition("，") if "，" in text else text.rpartition(",")
    if not comma or obligations.names_disclosure(head):
        return False
    dated = deadline_of(text, _ANY_YEAR)
    internal = obligations.names_internal_action(text) or dated.get("by_date") or dated.get("working_days") is not None
    return len(re.sub(r"\W", "", last)) <= 6 or not internal


def short_fragment(units: list[structure.Unit], index: int) -> bool:
    """The capture's last unit is a fragment of a few words ("(十三)环境保护、公共卫", "…。按季度公开房地产") after a
    unit that ended properly: the capture stopped a few characters into it, before its object was written out."""
    unit = units[index]
    if index != len(units) - 1 or index == 0 or unit.row is not None or unit.quote.rstrip().endswith("|"):
        return False
    if re.search(r"[。；;！!？?”\"’）)】]$", unit.text) or not re.search(r"[。；;]$", units[index - 1].text):
        return False
    words = re.sub(r"[^\u4e00-\u9fff]", "", re.sub(r"^[（(]?[一二三四五六七八九十\d]{1,3}[)）、.．]?", "", unit.text))
    return len(words) <= 10


# a short note in brackets that holds only a date (and 完成): "(2020年10月底前完成)", "（6月底前）"
_DATE_NOTE = re.compile(r"^[（(][^（）()]{0,6}(?:19|20)?\d{0,4}年?\d{1,2}月[^（）()]{0,12}(?:[)）]|$)")


# a sentence that only dates the one before it: "此项工作于10月底前完成。", "该项任务2020年6月底前完成"
_DATING_SENTENCE = re.compile(r"^(?:此项|该项|这项|本项|上述|以上)(?:工作|任务)[^,，;；。]{0,4}?(?:于|在|须|要|应)?[^,，;；。]{0,16}?"
                              r"(?:前|底|内)[^,，;；。]{0,2}?(?:完成|办结|到位)?[。；;]?$")
# a clause that only says when the deliverable before it on the line is finished: "…开设“惠企政策”专栏，…，6月底前完成专栏建设"
_COMPLETION_CLAUSE = re.compile(r"^(?:于|在)?(?:(?:19|20)\d{2}年)?\d{1,2}月(?:\d{1,2}日|底|末|[上中下]旬)?(?:前|之前|以前)"
                                r"(?:全面|全部)?(?:完成|建成|上线|开通)(?:[^,，;；。]{0,8}?(?:建设|开设|搭建|设置|上线|工作))?[。；;]?$")
# the sentence that closes an item with who answers for it and by when: "由市信息办负责,2009年落实到位" dates the item's clauses
_CLOSING_SENTENCE = re.compile(r"^由[^,，;；。]{2,30}(?:负责|牵头)[,，](?:于|在)?(?:(?:19|20)\d{2}年)?[^,，;；。]{0,12}?(?:前|底)?"
                               r"(?:全面|全部|基本)?(?:落实到位|完成|到位|办结)")


_ANY_YEAR = 2000  # a stand-in year: whether a date is stated at all


def row_for(text: str, rows: list[dict], start: int = 0) -> int | None:
    """Which task-table row a sentence belongs to (its lead units and 完成时限), by index: the first from ``start``
    on, so that a cell repeated in every row ("公开征求意见、合法性审查、集体决策") belongs to the row it is read in."""
    for index in [*range(start, len(rows)), *range(start)]:
        task = structure.analysis(rows[index]["task"])
        if len(text) >= 8 and (text in task or task in text):
            return index
    return None


def candidates(text: str, year: int | None, kind: str, table: list[dict], title: str | None = None) -> list[Candidate]:
    """All units of a notice, in order, before any is kept or dropped."""
    title_key = re.sub(r"\W", "", title) if title else ""
    seen: set[str] = {title_key} if title else set()  # the title obliges nobody
    units = list(structure.units(text))
    # a line holding a meeting's agenda item ("…同志传达…；通报…") is the agenda, all of its pieces
    agenda_lines = {unit.line for unit in units if obligations.AGENDA_ITEM.search(unit.text)}
    # a flattened table's 完成时限 cell written as a sentence ("4月底前公开分解情况，每季度末公开进展") dates its row
    time_limit_cells = {structure.analysis(row["deadline_text"]) for row in table if row.get("deadline_text")}
    out = []
    next_row = 0  # rows are read in order
    for index, unit in enumerate(units):
        found = row_for(unit.text, table, next_row)
        row = None if found is None else table[found]
        next_row = next_row if found is None else found
        deadline = _deadline(units, index, row, year)
        key = re.sub(r"\W", "", unit.text)
        cut_off = index == len(units) - 1 and (not duty_before_the_cut(unit.text) if is_cut_off(unit.text)
                                               else lost_its_object(unit) or short_fragment(units, index))
        # a capture that shows no year still states its deadlines ("应在今年年底前完成"): they date the unit for the
        # verdict, although no by_date can be drafted
        stated = deadline if year is not None else _deadline(units, index, row, _ANY_YEAR)
        dates_the_one_before = index > 0 and units[index - 1].line == unit.line and _COMPLETION_CLAUSE.match(unit.text)
        said = obligations.verdict(unit, stated, kind, title or "") \
            if unit.line not in agenda_lines and unit.text not in time_limit_cells and not dates_the_one_before else obligations.NO
        candidate = Candidate(unit, index, deadline, row, cut_off=cut_off, repeated=key in seen or part_of_title(key, title_key),
                              rules_keep=said == obligations.YES, rules_unsure=said == obligations.UNSURE)
        seen.add(key)
        candidate.features = structural_features(candidate, len(units), kind)
        out.append(candidate)
    _names_of_rows(out)
    return out


def part_of_title(key: str, title_key: str) -> bool:
    """A line of the title broken over lines ("关于印发某区政策文件解读工作" / "实施办法的通知"), or the title run into
    the page's next field ("…实施办法的通知发文机关"): the title again, which obliges nobody."""
    if len(title_key) < 12 or len(key) < 8:
        return False
    return key in title_key or key.startswith(title_key) and len(key) - len(title_key) <= 6


# a unit dated only by the year's end ("年内", "年底前"): a row's 完成时限 cell may set an earlier date
_YEAR_END_ONLY = re.compile(r"^(?!.*\d{1,2}月).*(年内|年底|年末)")


def _deadline(units: list[structure.Unit], index: int, row: dict | None, year: int | None) -> dict:
    """A unit's deadline: its own words', else the first of what dates it from around — its 完成时限 cell (of a "|"
    row, a "(完成时限：…)" note or a flattened table's row; the unit's own rhythm words are kept), a date note or a
    dating sentence after it, the list introduction it belongs to, a section headed by its date."""
    unit = units[index]
    deadline = deadline_of(unit.text, year)
    cell = (unit.row or {}).get("deadline")
    cell_deadline = deadline_of(structure.analysis(cell), year) if cell else \
        {k: row[k] for k in ("by_date", "working_days", "anchor", "rhythm") if row and row.get(k) is not None}
    stated = structure.analysis(cell) if cell else (row or {}).get("deadline_text") or ""
    if "解读" in unit.text and is_same_time_cell(stated):
        cell_deadline = {"working_days": 0, "anchor": "document"}  # an interpretation "与政策文件同步"
    if cell_deadline and not obligations.dated_at_all(deadline):
        deadline = {**cell_deadline, **{k: v for k, v in deadline.items() if k != "rhythm"}}
    elif _YEAR_END_ONLY.search(unit.text) and str(cell_deadline.get("by_date") or "9999") < str(deadline.get("by_date") or ""):
        deadline = {**deadline, "by_date": cell_deadline["by_date"]}  # "年内推动…" in a row due in 11月: the row's date
    if obligations.dated_at_all(deadline):
        return deadline
    # "…编制完成标准目录。(2020年10月底前完成)", "…。此项工作于10月底前完成。": a note or sentence dating the one before it;
    # "公开A。公开B。上述工作于6月底前完成。": one later on the line dates all before it
    following = units[index + 1].text if index + 1 < len(units) else ""
    later = next((u.text for u in units[index + 1:] if u.line == unit.line and (
        re.match(r"^(上述|以上)", u.text) and _DATING_SENTENCE.match(u.text) or _CLOSING_SENTENCE.match(u.text))), "")
    same_line = index + 1 < len(units) and units[index + 1].line == unit.line
    notes = [following] if _DATE_NOTE.match(following) or _DATING_SENTENCE.match(following) \
        or same_line and _COMPLETION_CLAUSE.match(following) else []
    # "（一）2019年6月底前完成以下工作：" dates the items it introduces; "一、年底前完成的任务" the rows under it
    sections = [s for s in reversed(unit.sections) if len(s) <= 30]
    for source in (*notes, later, unit.intro, *sections):
        by_date = deadline_of(source, year).get("by_date") if source else None
        if by_date:
            return {**deadline, "by_date": by_date}
    return deadline


def _names_of_rows(found: list[Candidate]) -> None:
    """In a task table flattened one cell per line, a row's short 工作任务 cell ("推进财政信息公开") followed by its
    longer 具体措施 cell names the task; the measure is the obligation."""
    for name, measure in zip(found, found[1:]):
        # a name too short to find its row by itself ("财政预决算公开") opens the row its measure belongs to
        named = name.row is not None and name.row is measure.row or name.row is None and measure.row is not None \
            and structure.analysis(measure.row["task"]).startswith(name.text)
        if named and len(re.sub(r"\W", "", name.text)) <= 16 \
                and not re.search(r"[,，。；;]", name.text) and len(measure.text) > len(name.text):
            name.rules_keep = name.rules_unsure = False
        # a 工作任务 cell without a number that names a field of work ("做好财政信息公开") above its numbered 具体要求
        # cells ("6.积极推进…"); a cell naming what is published ("公开规范性文件正式文本") is the obligation itself
        if name.unit.line != measure.unit.line and structure.heading_level(name.text) is None \
                and re.match(r"(做好|推进|加强|深化|强化|抓好|做实|提升|完善|加大|突出|聚焦|围绕)", name.text) \
                and re.match(r"^\d{1,2}[.．、]\D", measure.text) and len(re.sub(r"\W", "", name.text)) <= 20 \
                and not re.search(r"[,，。；;:：]|应|须|要(?![点求素])", name.text):
            name.rules_keep = name.rules_unsure = False


NOTICE_KINDS = ("notice", "report", "interpretation", "news", "annual_report_notice", "inspection")


def structural_features(candidate: Candidate, total: int, kind: str) -> dict[str, float]:
    """What the scorer knows besides the unit's characters: where it stands, how it is built, what it carries.
    Values are 0/1 or in [0, 1], so one weight each is comparable with the n-grams'."""
    unit, deadline = candidate.unit, candidate.deadline
    text, row = unit.text, unit.row or {}
    level = structure.heading_level(text)
    length = len(re.sub(r"\W", "", text))
    position = candidate.index / max(total - 1, 1)
    features = {
        "position": position,
        "first_tenth": float(position < 0.1),
        "last_tenth": float(position > 0.9),
        "depth": min(len(unit.sections), 4) / 4,
        "bare_heading": float(unit.heading),
        "in_table": float(unit.row is not None or candidate.row is not None),
        "responsibility_note": float(bool(row.get("responsibility"))),
        "row_units": float(bool(row.get("units")) or bool(candidate.row and candidate.row.get("lead_units"))),
        "catalogue_cell": float(bool(row.get("discloses"))),
        "list_item": float(bool(unit.intro)),
        "by_date": float(deadline.get("by_date") is not None),
        "working_days": float(deadline.get("working_days") is not None),
        "rhythm": float(deadline.get("rhythm") is not None),
        "unit_name": float(bool(_UNIT_NAME.search(text))),
        "modal": float(bool(_MODAL.search(text))),
        "length": min(math.log1p(length) / math.log1p(200), 1.0),
        "short": float(length < 12),
        "long": float(length > 80),
        "cut_off": float(candidate.cut_off),
        "ends_with_colon": float(text.endswith((":", "："))),
        "ends_with_stop": float(text.endswith(("。", "；", ";"))),
    }
    features.update({f"level_{n}": float(level == n) for n in (1, 2, 3, 4)})
    features.update({f"kind_{name}": float(kind == name) for name in NOTICE_KINDS})
    return features
