"""Draft rules from a notice: ``zwgk rules draft NOTICE`` (text, HTML, PDF or DOCX).

Reads a 政务公开 notice as published — traditional characters, pinyin noise such
as 關(guān), injected spam, titles split over lines, task tables flattened to one
cell per line — and proposes a rule file for a supervisor to review: the
notice's metadata, every sentence that states an obligation with a deadline or a
column/interpretation requirement, and the task table as rows (task, lead units,
cooperating units, deadline).  Built on the patterns of the genre, not on any
one notice.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from core.text import (
    clean_text,
    cn_number,
    make_date,
    month_end,
    normalise_doc_number,
    parse_date,
)

# -- reading ------------------------------------------------------------------------------


class DraftError(ValueError):
    """The notice cannot be read; one line for the user."""


def read_notice(path: str | Path) -> str:
    """The notice's text, whatever the file type (decided by content)."""
    from core.documents import attachment_text, sniff_type

    path = Path(path)
    try:
        body = path.read_bytes()
    except OSError as exc:
        raise DraftError(f"{path}: 无法读取 ({exc})") from None
    kind = sniff_type(body)
    if kind in ("pdf", "docx"):
        text = attachment_text(body, kind)
        if not text.strip():
            raise DraftError(f"{path}: 无法从 {kind.upper()} 中提取文字（可能是扫描件）")
        return text
    if kind not in ("html", "unknown"):
        raise DraftError(f"{path}: 不支持的文件类型 {kind}（支持 txt、html、pdf、docx）")
    for encoding in ("utf-8-sig", "gb18030", "big5"):
        try:
            text = body.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise DraftError(f"{path}: 无法识别文字编码")
    if kind == "html" or re.search(r"<(html|body|p|div|table)\b", text[:2000], re.I):
        text = _html_to_lines(body)
    return text


def _html_to_lines(body: bytes) -> str:
    from lxml import etree

    from core.documents import decode_html

    html, _ = decode_html(body)
    tree = etree.fromstring(html, etree.HTMLParser())
    for bad in tree.xpath("//script | //style | //noscript"):
        bad.getparent().remove(bad)
    lines = []
    for node in tree.iter("p", "div", "td", "th", "li", "h1", "h2", "h3", "br", "tr", "title"):
        text = "".join(node.itertext()) if node.tag not in ("div", "tr") else (node.text or "")
        if text and text.strip():
            lines.append(text.strip())
    return "\n".join(lines)


_NUMBER = r"(\d+|[一二两三四五六七八九十百]+)"
_WORKING_DAYS = re.compile(_NUMBER + r"\s*个工作日内")
_BY_DATE = re.compile(r"(?:((?:19|20)\d{2})\s*年)?\s*(\d{1,2})\s*月\s*(?:(\d{1,2})\s*日|(底))\s*(?:前|之前|以前)")
_YEAR_END = re.compile(r"年底前|今年内|年内|本年度内|((?:19|20)\d{2})年底前")


def deadline_of(sentence: str, year: int | None) -> dict:
    """working_days and anchor, or by_date, stated in a sentence."""
    result: dict = {}
    match = _WORKING_DAYS.search(sentence)
    if match:
        result["working_days"] = cn_number(match.group(1))
        before = sentence[: match.start()]
        if re.search(r"公布(后|之日)", before[-15:]):
            result["anchor"] = "published"
        elif re.search(r"印发(后|之日)|下发(后|之日)", before[-15:]):
            result["anchor"] = "issued"
        elif re.search(r"(文件|政策).{0,6}(公开|发布|出台)(后|之日)|作出.{0,4}之日", before[-20:]):
            result["anchor"] = "document"
        else:
            result["anchor"] = None
        return result
    if re.search(r"三同步|同步(起草|审批|公开|发布)|一并.{0,8}发布|同时.{0,4}发布", sentence) and "解读" in sentence:
        result["working_days"], result["anchor"] = 0, "document"
        return result
    dates = list(_BY_DATE.finditer(sentence))
    if dates:
        match = dates[-1] if "、" in sentence[dates[0].start():dates[-1].end()] else dates[0]
        match = dates[0] if len(dates) > 1 and "和" in sentence else match
        found_year = int(match.group(1)) if match.group(1) else year
        if found_year:
            month = int(match.group(2))
            result["by_date"] = (month_end(found_year, month) if match.group(4)  # 月底前
                                 else make_date(found_year, month, int(match.group(3))))
        return result
    match = _YEAR_END.search(sentence)
    if match:
        found_year = int(match.group(1)) if match.group(1) else year
        if found_year:
            result["by_date"] = f"{found_year}-12-31"
    return result


# -- metadata -----------------------------------------------------------------------------

_ISSUER_END = r"(?:办公厅|办公室|人民政府|委员会|管委会|领导小组|领导小组办公室|局|厅|委|部|政府)"
_DATE_LINE = re.compile(r"^\s*(?:(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|[〇○零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,3}月[一二三四五六七八九十]{1,3}日)\s*$")
_PUBLISHED = re.compile(
    r"(?:发布时间|发布日期|公开日期|时间|日期)\s*[:：]?\s*((?:19|20)\d{2})[-/年.](\d{1,2})[-/月.](\d{1,2})"
    r"|^\s*((?:19|20)\d{2})-(\d{2})-(\d{2})\s+\d{1,2}:\d{2}", re.M
)


@dataclass
class DraftNotice:
    title: str | None = None
    issuer: str | None = None
    doc_number: str | None = None
    issued: str | None = None
    published: str | None = None
    year: int | None = None
    obligations: list[dict] = field(default_factory=list)
    table: list[dict] = field(default_factory=list)


def notice_metadata(text: str) -> DraftNotice:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    notice = DraftNotice()
    notice.title = _title(lines)
    head = "\n".join(lines[:25])
    for line in lines[:30]:
        if re.search(r"[〔\[【（(]\s*(?:19|20)\d{2}\s*[〕\]】）)]", line) and "《" not in line:
            number = normalise_doc_number(line)
            if number and not re.search(r"》\s*[（(]\s*$", line[: line.find(number[:2])]):
                notice.doc_number = number
                break
    published = _PUBLISHED.search(head)
    if published:
        groups = [g for g in published.groups() if g]
        notice.published = make_date(*groups[:3])
    notice.issuer, notice.issued = _signature(lines)
    if not notice.issuer and notice.title and "关于" in notice.title:
        prefix = notice.title.split("关于", 1)[0]
        notice.issuer = prefix or None
    year = re.search(r"((?:19|20)\d{2})\s*年", notice.title or "")
    notice.year = int(year.group(1)) if year else (int(notice.issued[:4]) if notice.issued else None)
    return notice


_TITLE_END = re.compile(r"(通知|意见|决定|方案|要点|分工|办法|函|通报|批复)$")
_ISSUER_LINE = re.compile(r"^[\u4e00-\u9fff（）()]{2,40}" + _ISSUER_END + "$")


def _title(lines: list[str]) -> str | None:
    """The notice's title: a 关于… line (joined with the lines it was split over, and with the
    issuer line above it), preferring one whose issuer is named."""
    candidates = []
    for index, line in enumerate(lines[:40]):
        if "关于" not in line or len(line) > 120 or line.startswith(("为", "根据", "按照")):
            continue
        title = line
        for following in lines[index + 1 : index + 4]:
            if _TITLE_END.search(re.sub(r"\s+", "", title)):
                break
            if len(following) > 40 or "〔" in following:
                break
            title += following
        title = re.sub(r"^(文件名称|标题|名称)[:：]?", "", re.sub(r"\s+", "", title))
        if title.startswith("关于") and index > 0 and _ISSUER_LINE.match(re.sub(r"\s+", "", lines[index - 1])):
            title = re.sub(r"\s+", "", lines[index - 1]) + title
        if _TITLE_END.search(title):
            prefix = title.split("关于", 1)[0]
            candidates.append((0 if re.search(_ISSUER_END + "$", prefix) else 1, index, title))
    if candidates:
        return min(candidates)[2]
    # Documents without 关于: "山西省2018年政务公开工作要点", "2022年上海市政府信息公开工作年度报告"
    for line in lines[:12]:
        line = re.sub(r"\s+", "", line)
        if 8 <= len(line) <= 60 and re.search(r"(要点|报告|方案|分解表|一览表|制度|办法|清单|任务分解)$", line):
            return line
    return None


def _signature(lines: list[str]) -> tuple[str | None, str | None]:
    """The issuer and date of the signature block: an organisation line followed by a date line."""
    for index, line in enumerate(lines):
        if not _DATE_LINE.match(line):
            continue
        date = parse_date(line)
        for back in range(1, 3):
            if index - back < 0:
                break
            candidate = re.sub(r"\s+", "", lines[index - back])
            if re.fullmatch(r"[\u4e00-\u9fff（）()]{2,40}" + _ISSUER_END, candidate):
                return candidate, date
        return None, date
    return None, None


# -- obligations --------------------------------------------------------------------------

_SENTENCE_END = re.compile(r"(?<=[。；;!！?？])")


# A disclosure the sentence orders ("做好…公开", "及时公布…结果"), not the word 公开 in 政务公开工作.
_DISCLOSURE = re.compile(
    r"(做好|及时|主动|全面|依法|集中|定期|推进|进一步)[^,，。；]{0,20}(公开|公布|发布|公示)(?!工作力量)"
    r"|(公开|公布|发布|公示)[^,，。；]{0,12}(信息|情况|结果|清单|目录|名单|标准|数据|规划|政策|文件|事项|进展)"
)
_PREAMBLE = re.compile(r"^(为|根据|按照|现将|现就|经)|通知如下|印发给你们|现予印发")


def classify_obligation(sentence: str, deadline: dict) -> str | None:
    """The rule kind of an obligation sentence, or None when it states none we can use."""
    if _PREAMBLE.search(sentence):
        return None
    website = re.search(r"网站|门户|网上|对外公布|公开发布|在.{0,10}公开", sentence)
    if re.search(r"负责同志分管|分管.{0,8}工作.{0,10}对外公布|明确.{0,4}负责同志", sentence) and "公布" in sentence:
        return "leader_published"
    if re.search(r"年度报告|年报", sentence):
        return "annual_report"
    if re.search(r"专栏|专题网页|专题专栏|开设.{0,10}栏目", sentence) and not re.search(r"网址.{0,20}(报|备案)", sentence):
        return "column_exists"
    if "解读" in sentence and "working_days" in deadline:
        return "interpretation_timely"
    if re.search(r"(实施方案|工作措施|具体措施|工作方案|分工方案)", sentence) and website and deadline:
        return "plan_published"
    if deadline.get("by_date") and website and re.search(r"落实情况|进展情况|公开发布", sentence):
        return "published_by_date"
    if deadline and re.search(r"报送|报备|备案|上报|汇报|听取|报(省|市|区|县)", sentence):
        return "manual"
    if deadline and not website:
        return "manual"
    if deadline:
        return "topic_disclosed"
    # Without a deadline: a disclosure the sentence orders is continuous; a concrete internal
    # action is manual.  Exhortations (加强, 提升) and mechanisms are neither.
    if re.search(r"作出明确规定|办理.{0,8}申请|答复|答辩|回头看", sentence):
        return "manual"
    if re.search(r"制定并?公开.{0,12}(清单|方案|措施|要点)", sentence):
        return "plan_published"
    if _DISCLOSURE.search(sentence):
        return "topic_disclosed"
    if re.search(r"报送|报备|台账|听取|梳理|编制|制定|收集|办理|约稿|汇总|反馈|细化", sentence):
        return "manual"
    return None


def obligations(text: str, year: int | None) -> list[dict]:
    """Sentences that oblige something with a deadline, a column or an interpretation."""
    found = []
    body = re.sub(r"\n+", "\n", text)
    for paragraph in body.split("\n"):
        for sentence in _SENTENCE_END.split(paragraph):
            sentence = sentence.strip()
            if len(sentence) < 10 or len(sentence) > 400:
                continue
            if re.match(r"^([一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）])", sentence) and len(sentence) < 30:
                continue  # a heading ("一、围绕深化改革推进公开"), not an obligation
            if not re.search(r"要|应|须|必须|请|务必|做好|推进|及时|进一步|确保|积极|坚持", sentence) and "专栏" not in sentence:
                continue
            deadline = deadline_of(sentence, year)
            kind = classify_obligation(sentence, deadline)
            if kind is None:
                continue
            found.append({"kind": kind, "quote": sentence, **deadline})
    return found


# -- task tables ----------------------------------------------------------------------------

_TABLE_HEADERS = ("工作任务", "牵头单位", "配合单位", "责任单位", "完成时间", "具体要求", "落实单位", "序号", "责任分工")
_UNIT_SUFFIX = re.compile(
    r"(委|局|厅|办|政府|部门|中心|支行|管委会|单位|机构|办公室|院|会|所|站|队|组|处|集团|示范区|园区|公司|科|馆|台|校)$"
)
_UNIT_NOISE = re.compile(r"(按职责分工|按职责|分别|牵头落实|牵头|负责落实|负责|配合|等部门|等单位|有关直属机构)+$")
_DEADLINE_CELL = re.compile(
    r"^((?:19|20)\d{2}年\d{1,2}月(?:底前|底|\d{1,2}日前|前)?|(?:19|20)\d{2}年(?:底前|底|内)|年底前|及时公开|"
    r"常态化(?:工作)?|长期(?:坚持)?|持续推进|按.{1,12}完成|全年|每季度|每月|每年.{0,8})$"
)


def _units(line: str) -> list[str] | None:
    """The unit names of a units cell, or None when the line is not one."""
    line = re.sub(r"\s+", "", line)
    if not line or len(line) > 220 or re.search(r"[。；]", line):
        return None
    parts = [p for p in re.split(r"[、，,]|和(?=[省市区县])", line) if p]
    units = []
    for part in parts:
        part = re.sub(r"\(.*?\)|（.*?）", "", _UNIT_NOISE.sub("", part))
        part = _UNIT_NOISE.sub("", part)
        if part:
            units.append(part)
    if not units:
        return None
    good = sum(1 for u in units if _UNIT_SUFFIX.search(u) or u.startswith("各"))
    return units if good / len(units) >= 0.6 else None


def _expand_units(units: list[str]) -> list[str]:
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
    lines = [line for line in lines if line]
    start = next((i for i, line in enumerate(lines) if (len(line) <= 40 and sum(h in line for h in _TABLE_HEADERS) >= 2)
                  or (line in _TABLE_HEADERS and i + 1 < len(lines) and lines[i + 1] in _TABLE_HEADERS)), None)
    rows: list[dict] = []
    if start is not None:
        rows = _flattened_rows(lines[start:], year)
    rows += _parenthesised_rows(text, year)
    return rows


def _flattened_rows(lines: list[str], year: int | None) -> list[dict]:
    rows: list[dict] = []
    current: dict | None = None
    section = ""
    for line in lines:
        if line in _TABLE_HEADERS or re.fullmatch(r"\d{1,3}", line):
            if re.fullmatch(r"\d{1,3}", line) and current and current["lead_units"]:
                rows.append(current)
                current = None
            continue
        units = _units(line)
        if units and current is not None:
            if not current["lead_units"]:
                current["lead_units"] = _expand_units(units)
            elif not current["cooperating_units"] and not current.get("deadline_text"):
                current["cooperating_units"] = _expand_units(units)
            continue
        if _DEADLINE_CELL.match(line.replace(" ", "")) and current is not None:
            current["deadline_text"] = line
            # "2019年6月" in a 完成时间 column means by the end of that month
            current.update(deadline_of(line + "底前" if re.search(r"\d月$", line) else line, year))
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
            section = current["task"]  # "(一)加强预期引导" heads the numbered tasks below it
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
        lead_part, _, cooperating_part = cell.partition("配合")
        lead_part = re.sub(r"^(落实单位|责任单位)[:：]", "", lead_part)
        lead = _units(lead_part.rstrip("，,、"))
        if not lead:
            continue
        cooperating = _units(re.sub(r"^[，,、]", "", cooperating_part)) or []
        task = paragraph[: match.start()].strip()
        rows.append({
            "task": task, "section": "", "lead_units": _expand_units(lead),
            "cooperating_units": _expand_units(cooperating) if cooperating else [],
            **deadline_of(task, year),
        })
    return rows


# -- the draft ------------------------------------------------------------------------------


def draft(text: str) -> DraftNotice:
    cleaned = clean_text(text)
    notice = notice_metadata(cleaned)
    notice.obligations = obligations(cleaned, notice.year)
    notice.table = task_table(cleaned, notice.year)
    return notice


def draft_yaml(notice: DraftNotice, notice_id: str, source_file: str | None = None) -> str:
    """A rule file for review: obligations and table rows as rules, with TODO where a person must decide."""
    import yaml

    rules = []
    for index, item in enumerate(notice.obligations, start=1):
        params = {k: item[k] for k in ("working_days", "anchor", "by_date") if item.get(k) is not None}
        if item["kind"] == "plan_published" and not ("working_days" in params or "by_date" in params):
            item = {**item, "kind": "topic_disclosed"}  # no deadline stated: a continuing disclosure
        if item["kind"] == "column_exists":
            names = re.findall(r"《([^》]{2,30})》", item["quote"]) or re.findall(r"开设([\u4e00-\u9fff]{2,20}?)(?:专题)?专栏", item["quote"])
            params["names"] = names or ["TODO: 专栏名称"]
        if item["kind"] == "topic_disclosed":
            params["topic"] = item["quote"][:60]
        if item["kind"] == "published_by_date":
            if re.search(r"落实情况|进展情况|完成情况", item["quote"]):
                params["page_types"] = ["progress_report"]
            else:
                params["title_patterns"] = ["TODO: 页面标题关键词"]
        rules.append({"id": f"{notice_id}-{index}", "kind": item["kind"], "quote": item["quote"], "params": params,
                      "weight": 0 if item["kind"] == "manual" else 1})
    for index, row in enumerate(notice.table, start=1):
        params = {"topic": row["task"][:60], "lead_units": row["lead_units"]}
        if row["cooperating_units"]:
            params["cooperating_units"] = row["cooperating_units"]
        if row.get("by_date"):
            params["by_date"] = row["by_date"]
        elif row.get("deadline_text"):
            params["continuous"] = True
        kind = "topic_disclosed" if re.search(r"公开|公布|发布|解读", row["task"]) else "manual"
        lag = deadline_of(row["task"], notice.year).get("working_days")
        if "解读" in row["task"] and lag is not None:
            kind, params = "interpretation_timely", {"working_days": lag, "lead_units": row["lead_units"]}
        rules.append({"id": f"{notice_id}-task-{index}", "kind": kind, "quote": row["task"], "params": params,
                      "applies_to": {"units": row["lead_units"] + row["cooperating_units"]}, "weight": 1})
    document = {
        "notice": {
            "id": notice_id, "title": notice.title or "TODO", "issuer": notice.issuer or "TODO",
            "doc_number": notice.doc_number, "issued": notice.issued or "TODO", "published": notice.published,
            "year": notice.year, "source_file": source_file,
            "binds": {"all": True},
        },
        "rules": rules,
    }
    header = "# Draft by `zwgk rules draft`: review every rule (kind, params, applies_to) before use.\n"
    return header + yaml.safe_dump(document, allow_unicode=True, sort_keys=False, width=200)
