"""Task tables as rows (task, lead units, cooperating units, deadline): tables flattened one cell per
line (序号/工作任务/具体要求/牵头单位/责任单位/配合单位/完成时限 in any order) and "(落实单位：…)" /
"(…牵头)" paragraphs.  The rows say who must do a task and by when; the rule quotes come from
:mod:`rules.drafting.structure`.
"""

from __future__ import annotations

import re

from .deadlines import deadline_of
from .structure import LAG_ONLY_CELL, TIME_LIMIT_LABELS, UNIT_LABEL_BODIES, UNIT_LABEL_ROLES, without_cut_tail

_TABLE_HEADERS = ("工作任务", "牵头单位", "配合单位", "责任单位", "完成时间", "具体要求", "落实单位", "序号", "责任分工", "时限要求", "完成时限",
                  "时间节点", "计划完成时间", "时间安排", "重点任务", "主要任务", "工作内容", "任务内容", "具体措施", "牵头部门",
                  "责任部门", "责任科室", "承办单位", "发布单位", "发布主题", "拟发布时间",
                  # a catalogue of major decisions (重大行政决策事项目录): each row is decided by its 决策时间
                  "决策事项名称", "决策事项", "决策承办单位", "承办部门", "决策时间", "拟决策时间", "计划决策时间")
# Header cells a table flattened one cell per line may also have, recognised only as whole lines ("任务" inside a
# sentence says nothing about a table).
_HEADER_CELLS = _TABLE_HEADERS + ("任务", "目标", "工作目标", "有关要求", "工作要求", "工作措施", "工作任务及要求", "工作任务和要求", "任务及要求")
_DEADLINE_HEADERS = ("完成时间", "时限要求", "完成时限", "时间节点", "计划完成时间", "时间安排", "拟发布时间", "决策时间", "拟决策时间", "计划决策时间")
_UNIT_SUFFIX = re.compile(
    r"(委|局|厅|办|政府|部门|中心|支行|管委会|单位|机构|办公室|院|会|所|站|队|组|处|集团|示范区|园区|公司|科|室|馆|台|校)$"
)
_UNIT_NOISE = re.compile(r"(按职责分工|按职责|分别|各负其责|牵头落实|牵头|负责落实|负责|配合|落实|等部门|等单位|有关直属机构)+$")
_DEADLINE_CELL = re.compile(
    r"^((?:19|20)\d{2}年\d{1,2}月(?:底前|底|\d{1,2}日前|前)?|(?:19|20)\d{2}年(?:底前|底|内)|年底前|及时公开|"
    r"常态化(?:工作)?|长期(?:坚持)?|持续推进|按.{1,12}完成|全年|每季度|每月|每年.{0,8})$"
)


# What a 完成情况/进展情况 column says of a row: its status, not its task.
_STATUS_CELL = re.compile(r"^(推进中|进行中|正在推进|持续推进中|已完成|未完成|已落实|已启动|未启动|完成)$")


def _units(line: str) -> list[str] | None:
    """The unit names of a units cell, or None when the line is not one."""
    line = without_cut_tail(re.sub(r"\s+", "", line))
    line = re.sub(r"[（(][^（()）]{0,30}[)）]", "", line)  # "各县市区人民政府(园区、示范区管委会)"
    if not line or len(line) > 220 or "。" in line:
        return None
    # "市发改局牵头落实;市工信局、…分别落实"; a 、 inside brackets belongs to its name ("各县〔市、区〕政府")
    parts = [p for p in re.split(r"[、，,;；](?![^（(〔]*[)）〕])|和(?=[省市区县])", line) if p]
    units = []
    for part in parts:
        part = re.sub(r"\(.*?\)|（.*?）", "", _UNIT_NOISE.sub("", part))
        part = _UNIT_NOISE.sub("", part)
        if part:
            units.append(part)
    if not units:
        return None
    good = sum(1 for u in units if _is_unit_name(u))
    return units if good / len(units) >= 0.6 else None


def _is_unit_name(part: str) -> bool:
    """An organisation's name: "县财政局", "县政务公开办", "各乡镇" — not a task that happens to end like one
    ("各部门在批复后20日内公开部门预算", "区政府每季度至少召开1次新闻发布会")."""
    if re.search(r"\d", part):
        return False
    if part.startswith("各") and len(part) <= 12 and not re.search(r"公开|公布|发布|解读", part):
        return True
    return bool(_UNIT_SUFFIX.search(part)) and not (len(part) > 12 and re.search(r"公开|公布|发布|解读|召开|开展", part))


def expand_units(units: list[str]) -> list[str]:
    """省发展改革委、人力资源社会保障厅 → the bare names inherit the first name's 省/市 prefix."""
    expanded = []
    prefix = re.match(r"^(省|市|区|县)", units[0]).group(1) if units and re.match(r"^(省|市|区|县)", units[0]) else ""
    for unit in units:
        if prefix and not re.match(r"^(省|市|区|县|各|全)", unit) and re.search(r"(厅|委|局|办|室)$", unit):
            unit = prefix + unit
        expanded.append(unit)
    return expanded


def task_table(text: str, year: int | None) -> list[dict]:
    """Rows of a task table flattened one cell per line, or of "(落实单位：…)" / "(…牵头)" paragraphs."""
    lines = [re.sub(r"\s+", " ", line).strip() for line in text.splitlines()]
    # a cell flattened with its "|" delimiter ("1 |", "工 作 任 务 |"): the cell is what the delimiter encloses; a short
    # header cell spaced out for layout, with or without its delimiter, is closed up
    lines = [_closed_up(_cell(line)) for line in lines]
    lines = [line for line in lines if line]
    # (a header of "|" cells on one line opens a table read row by row, by :mod:`.structure`, not cell by cell)
    start = next((i for i, line in enumerate(lines) if (len(line) <= 40 and "|" not in line and sum(h in line for h in _TABLE_HEADERS) >= 2)
                  or (line in _HEADER_CELLS and i + 1 < len(lines) and lines[i + 1] in _HEADER_CELLS)), None)
    rows: list[dict] = []
    if start is not None:
        rows = _flattened_rows(lines[start:], year)
    rows += _parenthesised_rows(text, year)
    return rows


def _closed_up(line: str) -> str:
    """A short header cell spaced out for layout ("有 关 要 求", "工 作 任 务"), closed up."""
    closed = line.replace(" ", "")
    return closed if len(closed) <= 8 and re.fullmatch(r"[\u4e00-\u9fff ]+", line) else line


def _cell(line: str) -> str:
    """A line holding one table cell and its "|" delimiter, without the delimiter.  Lines of several cells are left
    as they are."""
    if line.strip() == "|" or line.count("|") != 1 or not re.match(r"^\|?[^|]*\|?$", line) or not (line.startswith("|") or line.endswith("|")):
        return line
    return line.strip("| ").strip()


def is_deadline_cell(line: str) -> bool:
    """A 完成时限 cell in any of the genre's forms: 年底前, 6月底前, 2019年12月31日前, 2021年8月, 长期坚持,
    及时公开, 持续推进, 每季度, 按上级要求 …: short, and a date, a month or a rhythm is all it says."""
    plain = re.sub(r"\s+", "", line)
    if _DEADLINE_CELL.match(plain) or _SAME_TIME_CELL.match(plain) or LAG_ONLY_CELL.match(plain):
        return True
    if len(plain) > 24 or re.search(r"[。；;]", plain):
        return False
    stated = deadline_of(plain + "底前" if re.search(r"\d月$", plain) else plain, 2000)  # any year: form only
    rest = re.sub(r"(?:19|20)\d{2}[.\-/]\d{1,2}(?:[.\-/]\d{1,2})?|((?:19|20)\d{2}年)?(\d{1,2}月)?(\d{1,2}日)?(底|末|份)?(前|之前|以前|内|止)?|年底|年末|年内|长期|持续|"
                  r"及时|常态化|每|季度|按|要求|完成|坚持|推进|开展|公开|发布|全年|上半年|下半年|[,，、至到—\-~～]", "", plain)
    if stated.get("rhythm") and not stated.get("by_date") and (
            _PRODUCT.search(plain) or not re.search(r"每|按|及时|长期|持续|常态化|定期|动态|全年|[季月年]度?[末底初]", plain)):
        return False  # "年度报告", "季度报告": what is published, not when
    return bool(stated.get("by_date") or stated.get("rhythm")) and len(rest) <= 6


# "与政策文件同步", "同步公开": the time limit of an interpretation published with its document
_SAME_TIME_CELL = re.compile(r"^(?:与|随)[^,，。；;]{1,12}(?:同步|同时)(?:公开|发布|更新|解读)*$|^同步(?:公开|发布|解读)+$")
def is_same_time_cell(line: str) -> bool:
    """A 完成时限 cell saying "at the same time as the document" ("与政策文件同步", "同步公开")."""
    return bool(_SAME_TIME_CELL.match(re.sub(r"\s+", "", line)))


# what a short cell names when it is a product of a rhythm ("年度报告"), not the rhythm itself
_PRODUCT = re.compile(r"报告|计划|总结|分析|统计|数据|信息|目录|清单|指南|要点|方案")


def _row_deadline(line: str, year: int | None) -> dict:
    """The deadline a 完成时限 cell states; "2019年6月" in that column means by the end of the month."""
    return {"deadline_text": line, **deadline_of(line + "底前" if re.search(r"\d月$", line) else line, year)}


def _numbered_rows(lines: list[str], year: int | None) -> list[dict]:
    """Rows delimited by their 序号 cells; within a row, cells are told apart by what they say (unit names, a
    deadline, task text), so the columns may come in any order.  A short phrase after a finished row and just
    before the next 序号 names the group of rows that follows."""
    header = [line for line in lines[:12] if line in _HEADER_CELLS]
    cooperating_first = ("配合单位" in header and "牵头单位" in header
                         and header.index("配合单位") < header.index("牵头单位"))
    # no 完成时限 column, and the units after the task: more text after a row's units is the next requirement of the
    # same numbered row ("1 | 加强预期引导 | 要求一 | 单位甲 | 要求二 | 单位乙")
    units_close_a_row = not any(h in header for h in _DEADLINE_HEADERS) and _units_after_task(header)
    rows: list[dict] = []
    current: dict | None = None
    section = ""

    def flush():
        if current and current.pop("implicit", False) and not (current["lead_units"] or current.get("deadline_text")):
            return  # text after the last row that no unit or deadline makes a row
        if current and current["task"]:
            if cooperating_first and current["cooperating_units"]:
                current["lead_units"], current["cooperating_units"] = current["cooperating_units"], current["lead_units"]
            rows.append(current)

    for index, line in enumerate(lines):
        if line in _HEADER_CELLS:
            continue
        if re.fullmatch(r"\d{1,3}", line):
            flush()
            current = {"task": "", "section": section, "lead_units": [], "cooperating_units": []}
            continue
        following = lines[index + 1] if index + 1 < len(lines) else ""
        units = _units(line)
        if re.match(r"^[一二三四五六七八九十]+、", line) or current is None or (
                not units and re.fullmatch(r"\d{1,3}", following) and current.get("deadline_text") and len(line) <= 30
                and not is_deadline_cell(line)):
            section = line  # a section heading, or the label of the group of rows that follows
            continue
        if units:
            key = "lead_units" if not current["lead_units"] else "cooperating_units"
            if not current[key]:
                current[key] = expand_units(units)
                continue
        if is_deadline_cell(line) and not current.get("deadline_text"):
            current.update(_row_deadline(line, year))
            continue
        if re.match(r"^(注|备注|说明)[:：]", line):
            break  # the table's footnote
        if (current.get("deadline_text") or units_close_a_row) and current["lead_units"] and current["task"]:
            flush()  # a finished row and more task text: a row whose 序号 cell was lost, or the next requirement
            current = {"task": "", "section": section, "lead_units": [], "cooperating_units": [], "implicit": True}
        if not current["task"] and len(line) <= 30 and not re.search(r"[。；;]", line) and \
                re.match(r"^[（(][一二三四五六七八九十]+[)）]", line) and following and not _units(following) \
                and not is_deadline_cell(following) and not re.fullmatch(r"\d{1,3}", following):
            section = current["section"] = line  # a merged cell naming the group, repeated in the row
            continue
        if len(current["task"]) < 400:
            current["task"] = (current["task"] + " " + line).strip()
    flush()
    return rows


def _units_after_task(header: list[str]) -> bool:
    """Whether the header names the task column before the units column."""
    task = next((i for i, cell in enumerate(header) if cell in _TASK_HEADERS), None)
    units = next((i for i, cell in enumerate(header) if re.search(r"单位|部门|科室|分工", cell)), None)
    return task is not None and units is not None and task < units


_TASK_HEADERS = ("工作任务", "具体要求", "重点任务", "主要任务", "工作内容", "任务内容", "具体措施", "任务", "有关要求", "工作要求", "工作措施")


def _flattened_rows(lines: list[str], year: int | None) -> list[dict]:
    if sum(1 for line in lines if re.fullmatch(r"\d{1,3}", line)) >= 3:
        return _numbered_rows(lines, year)
    rows: list[dict] = []
    current: dict | None = None
    section = ""
    for line in lines:
        if line in _HEADER_CELLS or re.fullmatch(r"\d{1,3}", line):
            if re.fullmatch(r"\d{1,3}", line) and current and current["lead_units"]:
                rows.append(current)
                current = None
            continue
        if _STATUS_CELL.match(line):
            continue  # a 完成情况 cell ("已完成"): how far the task is, not part of it
        units = _units(line)
        if units and current is not None:
            if not current["lead_units"]:
                current["lead_units"] = expand_units(units)
            elif not current["cooperating_units"] and not current.get("deadline_text"):
                current["cooperating_units"] = expand_units(units)
            continue
        if is_deadline_cell(line) and current is not None:
            current.update(_row_deadline(line, year))
            rows.append(current)
            current = None
            continue
        if re.match(r"^[一二三四五六七八九十]+、", line):
            section = line
            if current and current["lead_units"]:
                rows.append(current)
            current = None
            continue
        if current is not None and current["lead_units"]:
            rows.append(current)
            current = None
        if current is not None and re.match(r"^\d{1,3}[.．、]", line):
            section = current["task"]  # a "(一)…" row heads the numbered tasks below it
            current = None
        if current is None:
            current = {"task": line, "section": section, "lead_units": [], "cooperating_units": []}
        elif len(current["task"]) < 400:
            current["task"] += " " + line
    if current and current["lead_units"]:
        rows.append(current)
    return rows


_PARENTHESISED = re.compile(r"[（(]\s*(?:落实单位|责任单位|牵头单位)?[:：]?\s*([^（()）]{2,200}?)\s*[)）]\s*$")


def _parenthesised_rows(text: str, year: int | None) -> list[dict]:
    rows = []
    for paragraph in text.splitlines():
        paragraph = paragraph.strip()
        match = _PARENTHESISED.search(paragraph)
        if not match or len(paragraph) < 20:
            continue
        cell = match.group(1)
        if not re.search(r"落实单位|牵头|负责|责任单位", paragraph[match.start():]) :
            continue
        stated = note_units(paragraph[match.start():])
        if not stated or not stated[0]:
            continue
        task = paragraph[: match.start()].strip()
        rows.append({
            "task": task, "section": "", "lead_units": stated[0], "cooperating_units": stated[1], "noted": True,
            # no date of the row's own: a date in one sentence of the paragraph ("2020年9月底前，…") is that
            # sentence's, not its neighbours' ("动态调整并及时公开…" stays continuous)
        })
    return rows


_NOTE_FIELD = re.compile(r"(" + UNIT_LABEL_ROLES + r")(?:" + UNIT_LABEL_BODIES + r")[:：]([^;；。]+?)"
                         r"(?=[;；。，,]?(?:(?:" + UNIT_LABEL_ROLES + r")(?:" + UNIT_LABEL_BODIES + r")|" + TIME_LIMIT_LABELS + r")[:：]?"
                         r"|[;；。]|$)")
_LEADING_KEYS, _HELPING_KEYS = ("牵头", "主办", "主责"), ("配合", "协办", "协同", "参与")


def note_units(note: str) -> tuple[list[str], list[str]] | None:
    """Lead and cooperating units of a task's own note or cell: "(牵头单位：市财政局；责任单位：各部门)",
    "牵头单位：…" lines, "(市财政局牵头，各部门配合)", a "|" row's units cell; None when it names no unit."""
    text = re.sub(r"【([^【】]{2,6})】", r"\1:", re.sub(r"\s+", "", note)).strip("（()）〔〕[]。")  # "【责任单位】县审计局"
    for opening, closing in ("〔〕", "（）", "()"):
        if text.count(opening) > text.count(closing):
            text += closing  # "…各级政府办公厅〔室〕）": the stripped end closed a name's own bracket
    fields = _NOTE_FIELD.findall(text)
    if fields:
        lead = [value for key, value in fields if key in _LEADING_KEYS]
        cooperating = [value for key, value in fields if key in _HELPING_KEYS]
        responsible = [value for key, value in fields if key not in _LEADING_KEYS + _HELPING_KEYS]
        lead, cooperating = (lead, responsible + cooperating) if lead else (responsible, cooperating)
    else:  # "市财政局牵头，各部门配合", "县政府办、各部门"
        parts = [part for part in re.split(r"[，,；;]", text) if part]
        if any(re.search(r"牵头(?:落实|负责)?$", part) for part in parts):  # "市司法局牵头，市政府各部门按职责分工负责"
            lead = [part for part in parts if re.search(r"牵头(?:落实|负责)?$", part)]
            cooperating = [part for part in parts if not re.search(r"牵头(?:落实|负责)?$", part)]
        else:
            cooperating = [part for part in parts if part.endswith("配合")]
            lead = [part for part in parts if not part.endswith("配合")]
    lead_units = [unit for value in lead for unit in (_units(value) or [])]
    cooperating_units = [unit for value in cooperating for unit in (_units(value) or [])]
    if not lead_units and not cooperating_units:
        return None
    return expand_units(lead_units or cooperating_units), expand_units(cooperating_units) if lead_units else []

