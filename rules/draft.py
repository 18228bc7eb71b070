"""Draft rules from a notice: ``zwgk rules draft NOTICE`` (text, HTML, PDF or DOCX).

Reads a 政务公开 notice as published — traditional characters, pinyin noise such as 關(guān),
injected spam, titles split over lines, task tables flattened to one cell per line or with "|"
between cells — and proposes a rule file for a supervisor to review: the notice's metadata and
one typed rule per obligation (plan_published, column_exists, interpretation_timely,
annual_report, published_by_date, topic_disclosed, leader_published, manual), each quoting the
source's own characters.  The parts live in :mod:`rules.drafting`: ``structure`` (headings,
sentences, tables), ``candidates`` (every unit before the keep/drop decision), ``deadlines``, ``obligations`` (which units oblige, and their type),
``metadata``, ``tables`` (lead and cooperating units), ``topics`` and ``compare``.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from pathlib import Path

from core.model import LEVELS, function_group, is_internal_section, unit_group_levels
from core.places import Place, full_name, is_national, place_in, place_of
from core.targets import PROVINCES
from core.text import clean_text, cn_number

from .drafting import candidates, metadata, obligations, scorer, structure, tables, topics
from .drafting.candidates import is_cut_off
from .drafting.deadlines import date_from_issue, deadline_of
from .drafting.metadata import split_names

__all__ = ["DraftError", "DraftNotice", "draft", "draft_yaml", "read_notice", "deadline_of", "clean_text", "cn_number", "is_cut_off"]


class DraftError(ValueError):
    """The notice cannot be read; one line for the user."""


# -- reading ------------------------------------------------------------------------------


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
        text = attachment_text(body, kind, table_rows=True)
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
    # A text capture with a few stray or injected tags (a mirror's empty <legend>/<mark> spam) keeps its
    # words outside any block element: read it as the plain text it is.
    plain = [line.strip() for line in "".join(tree.itertext()).splitlines() if line.strip()]
    if len(re.sub(r"\s", "", "".join(lines))) < len(re.sub(r"\s", "", "".join(plain))) / 2:
        lines = plain
    # the CMS's publication stamp (<meta name="PubDate">) is often the only date the page gives of its publishing
    stamp = next((value.strip() for value in tree.xpath("//meta[translate(@name, 'PUBDATE', 'pubdate')='pubdate'"
                                                        " or translate(@name, 'PUBLISHDATE', 'publishdate')='publishdate']/@content")
                  if value.strip()), None)
    if stamp:
        lines.insert(min(1, len(lines)), "发布时间：" + stamp)
    return "\n".join(lines)


# -- drafting -----------------------------------------------------------------------------


@dataclass
class DraftNotice:
    title: str | None = None
    issuer: str | None = None
    doc_number: str | None = None
    issued: str | None = None
    published: str | None = None
    year: int | None = None
    province: str | None = None     # the provincial-level division the issuer's name opens with (福建省…, 北京市…)
    place: Place | None = None      # where the issuer is: its name's place, else the title's, else the first the text names
    kind: str = "notice"
    addressees: list[str] = field(default_factory=list)
    owner: str | None = None        # the one organisation a catalogue's 公开主体 column names on every row
    obligations: list[dict] = field(default_factory=list)
    table: list[dict] = field(default_factory=list)


def notice_metadata(text: str) -> DraftNotice:
    lines = [re.sub(r"@+", "", clean_text(line)).strip() for line in structure.reline(text).splitlines()]
    lines = [line for line in lines if line and line != "|"]
    notice = DraftNotice()
    notice.title = metadata.title(lines)
    notice.doc_number = metadata.doc_number(lines)
    notice.published = metadata.published(lines)
    signed_by, signed_on = metadata.signature(lines)
    notice.issued = metadata.issued(metadata.written(lines), signed_on, notice.published)
    notice.issuer = metadata.full_name(metadata.issuer(notice.title, signed_by, metadata.issuer_field(lines)), lines)
    notice.province = next((full for full in PROVINCES if (notice.issuer or notice.title or "").startswith(full)), None)
    # the title's year, else the signature's, else the 文号's or the page's date, else a heading's in the head, else
    # the deadlines' or the body's own, else that of a heading a sentence cites (the 要点 a plan carries out)
    notice.year = (metadata.year_of(notice.title, notice.issued) or _issue_year(notice.doc_number, notice.published)
                   or metadata.heading_year(lines) or metadata.year_of_deadlines(lines) or metadata.year_of_body(lines)
                   or metadata.heading_year(lines, in_sentences=True))
    notice.kind = obligations.notice_kind(text, notice.title)
    notice.addressees = metadata.addressees(lines)
    notice.owner = metadata.catalogue_owner(lines, notice.title)
    notice.place = place_of(notice.issuer or "") or place_in(notice.title or "") or place_in("\n".join(lines[:40]))
    return notice


def binds(notice: DraftNotice) -> tuple[dict, str | None]:
    """Whom the notice binds, from its addressees, with the review note that says how it was read: the groups it is
    addressed to ("各乡镇人民政府，县政府各部门" → those levels) and organisations named among them (某某开发区管委会), the issuer itself when it writes to its own sections
    ("局机关各科室、局属各单位"), publishes its own catalogue ("某局主动公开事项目录") or, a department addressing nobody,
    its plan for its own work ("某区民政局2030年政务公开工作实施方案"); when the addressees say everyone
    or cannot all be read, the issuer's province (福建省…), else the place its name, the title or the text names (保山市:
    a city's notice binds its own agencies), else everyone."""
    title = re.sub(r"^(?:19|20)\d{2}年度?", "", notice.title or "")  # "2030年某某镇人民政府主动公开基本目录"
    if not notice.addressees and notice.issuer and notice.title \
            and (re.fullmatch(re.escape(notice.issuer) + metadata.OWN_CATALOGUE, title)
                 or re.search(metadata.OWN_CATALOGUE, notice.title) and not re.search(r"标准|领域|关于", notice.title)):
        # "某局主动公开事项目录": what the organisation itself publishes, binding nobody else
        return {"units": [notice.issuer]}, f"约束范围按签发机关起草：本件为{notice.issuer}自己的公开事项目录"
    if not notice.addressees and notice.issuer and notice.title and not re.search(r"政府$", notice.issuer) \
            and re.fullmatch(re.escape(notice.issuer) + metadata.OWN_RULES, notice.title):
        # "某市扶贫办公告公示制度": an office's own rules, binding that office
        return {"units": [notice.issuer]}, f"约束范围按签发机关起草：本件为{notice.issuer}自己的制度"
    if not notice.addressees and notice.owner:
        # "公开主体：县自然资源和规划局" on every row of a 领域 catalogue: what that bureau publishes, binding nobody else
        return {"units": [notice.owner]}, f"约束范围按目录的公开主体起草：每一行的公开主体均为{notice.owner}"
    if not notice.addressees and notice.issuer and notice.title and _DEPARTMENT.search(notice.issuer) \
            and re.fullmatch(re.escape(notice.issuer) + _OWN_PLAN, notice.title):
        # "某区民政局2030年政务公开工作实施方案": a department's plan for its own work, addressed to nobody
        return {"units": [notice.issuer]}, f"约束范围按签发机关起草：本件为{notice.issuer}自己的工作方案"
    # its own sections, and the schools, hospitals or units under it ("局机关各股室，各中小学校、幼儿园"): the issuer
    # answers for them, and the audit does not visit the units under it
    own = [part for part in notice.addressees if is_internal_section(part) or _SUBORDINATES.match(part)]
    others = [part for part in notice.addressees if part not in own]
    groups = _addressed(others) if others else []
    if groups is None or own and not notice.issuer or not (groups or own):
        said = f"主送单位为{'、'.join(notice.addressees)}" if notice.addressees else "未读出主送单位"
        if notice.province and not (notice.place is not None and len(notice.place.code) > 2):
            # a notice of 福建省… or 北京市… binds nobody outside its province (北京市西城区…: its district, below)
            return {"provinces": [notice.province]}, (f"约束范围按签发机关所在的{notice.province}起草（{said}）：请按需在 binds 中"
                                                      f"写 levels 或 parents")
        if notice.place is not None:  # a city's or a county's notice binds its own place's agencies
            where = full_name(notice.place)
            source = ("签发机关" if place_of(notice.issuer or "") else "标题" if place_in(notice.title or "")
                      else "正文首次提到的地名")
            return {"places": [where]}, (f"约束范围按{source}所在地{where}起草（{said}）：请核实，并按需在 binds 中写 levels 或 units")
        return {"all": True}, (f"约束范围按所有受审单位起草（{said}）：签发机关不在受审单位中时，其他地区的单位也受约束，"
                               f"请按需在 binds 中写 provinces 或 parents")
    units = groups + [notice.issuer] * bool(own)  # its own sections and units: the issuer answers for them
    said = f"约束范围按主送单位起草：{'、'.join(notice.addressees)}"
    if notice.place is not None and not place_of(notice.issuer or "") and not place_in(notice.title or "") \
            and not is_national(notice.issuer or "") and any(unit_group_levels(unit) is not None for unit in units):
        # "各乡(镇)人民政府" of a notice whose issuer and title name no place: not every province's (the audit reads a
        # place only from the issuer or the title) — those of the province of the first place its text names, which
        # is seldom wrong even when the place itself is not the issuer's (a county the text happens to name first)
        where = full_name(Place(notice.place.code[:2], ""))
        return {"units": units, "places": [where]}, f"{said}；所在省按正文首次提到的地名{full_name(notice.place)}起草，请核实"
    return {"units": units}, said


# a department by its name's end (局, 厅, 委员会): a government's office speaks for the government, whose plan binds its
# departments too
_DEPARTMENT = re.compile(r"(?<!政府)(?<!办公)(?:局|厅|委员会|委)$")
# what follows the department's name in the title of a plan for its own work: "2030年政务公开工作实施方案"
_OWN_PLAN = r"(?:(?:19|20)\d{2}年度?)?[\u4e00-\u9fff]{0,16}?(?:实施方案|工作方案|工作要点|工作计划|要点|计划)"


def _groups_short_of_everyone(parts: list[str]) -> list[str] | None:
    """The parts when each names a group of agencies (各乡镇 → counties, 县直各部门 → departments) and together they
    leave some level out; None when one is no group (a named office: no narrowing by a guess) or they cover all."""
    levels = [unit_group_levels(part) for part in parts]
    if not parts or any(found is None for found in levels) or set().union(*levels) >= set(LEVELS):
        return None
    return parts


# an organisation named in full among the addressees ("某某经济开发区管委会", "县融媒体中心"), not a vague "有关单位"
_NAMED_ORGANISATION = re.compile(r"^(?!各|有关|相关|其他|其它|驻)[\u4e00-\u9fff（）()]{2,30}"
                                 r"(?:管委会|管理委员会|委员会|局|委|办公室|办|中心|公司|集团|院|所|站|队|馆|台|社|会)$")


def _addressed(parts: list[str]) -> list[str] | None:
    """The addressees when each is a group of agencies short of everyone (:func:`_groups_short_of_everyone`), a group
    of departments named by their work (各市教育局) or an organisation by its own name (某某开发区管委会: it binds that
    organisation, not everyone); None when one is
    neither (有关单位: no narrowing by a guess) or the groups cover all."""
    named = [part for part in parts if unit_group_levels(part) is None and (_NAMED_ORGANISATION.match(part) or part.startswith("各") and function_group(part))]
    groups = [part for part in parts if part not in named]
    return parts if (not groups and named) or (groups and _groups_short_of_everyone(groups)) else None


def _issue_year(doc_number: str | None, published: str | None) -> int | None:
    """A notice whose title and signature give no year was issued in its 文号's year (〔2020〕), else published in
    its page's: dates written without a year take that one."""
    match = re.search(r"〔((?:19|20)\d{2})〕", doc_number or "")
    return int(match.group(1)) if match else (int(published[:4]) if published else None)


SHIPPED_MODEL = "shipped"


def draft(text: str, model: scorer.ObligationModel | str | None = SHIPPED_MODEL) -> DraftNotice:
    """The notice's metadata and drafted obligations.  ``model``: the learned scorer that joins the hand-written
    rules in deciding which units oblige (:func:`keep`): the shipped one by default, ``None`` for the rules alone."""
    if model is SHIPPED_MODEL:
        model = scorer.load_model()
    source, text = text, structure.reline(text)  # a capture that ran its lines together gets them back
    notice = notice_metadata(text)
    notice.table = tables.task_table(clean_text(text), notice.year)
    seen: set[str] = set()
    # a county government office's notice: the bare "政府办公室" among a task's units is that county's office
    office_level = re.search(r"([省市县区])(?:人民)?政府办公[室厅]$", notice.issuer or "")
    found = candidates.candidates(text, notice.year, notice.kind, notice.table, notice.title)
    for position, candidate in enumerate(found):
        key = re.sub(r"\W", "", candidate.text)
        if candidate.cut_off or candidate.repeated or key in seen or not keep(candidate, model):
            continue  # a capture that ends inside the sentence has lost its object
        seen.add(key)
        unit, deadline, row = candidate.unit, candidate.deadline, candidate.row
        item = {"kind": obligations.classify(unit, deadline, notice.kind), "quote": structure.verbatim(unit.quote, text, source),
                "working_days": deadline.get("working_days"), "anchor": deadline.get("anchor"),
                "by_date": deadline.get("by_date"), "rhythm": deadline.get("rhythm")}
        noted = tables.note_units(unit.row["units"]) if not row and (unit.row or {}).get("units") else None
        if row:
            item["lead_units"], item["cooperating_units"] = row["lead_units"], row["cooperating_units"]
            if row.get("deadline_text"):
                item["deadline_text"] = row["deadline_text"]
        elif noted:
            item["lead_units"], item["cooperating_units"] = noted
        else:
            _scope_by_subject(item, unit.text)
        for role in ("lead_units", "cooperating_units"):
            if office_level and item.get(role):
                # "（责任单位：政府办公室、发改局…）"
                item[role] = [f"{office_level.group(1)}政府办公室" if re.fullmatch(r"政府办(公室)?", unit) else unit
                              for unit in item[role]]
        portal = _ON_GOVERNMENT_PORTAL.search(clean_text(unit.text)) if item["kind"] == "column_exists" else None
        if portal:
            # "在县政府门户网站…开设“规划信息”栏目": the column is the county portal's, whoever fills it
            item["lead_units"], item["cooperating_units"] = [f"{portal.group(1)}政府"], []
        if item["kind"] in ("topic_disclosed", "published_by_date"):
            # "(公开路径:政府网站>政府信息公开目录>…)": where it is published, not what
            item["topics"] = topics.topic_ids(re.sub(r"[（(]公开(?:路径|渠道|载体|平台)[:：][^）)]*[)）]?", "", unit.text))
            if re.search(r"政府公报[^。；;]{0,24}等?(?:载体|渠道|平台|方式|形式|媒体)", clean_text(unit.text)):
                # "通过政府网站、政府公报及报刊、电视台等载体及时公开…": the gazette is a channel, not what is published
                item["topics"] = [topic for topic in item["topics"] if topic != "government-gazette"]
            if obligations.interpretation_is_add_on(unit.text):
                # "加大…配套措施的公开、解读力度": the measures are the topic; any 解读 page proves nothing of them
                item["topics"] = [topic for topic in item["topics"] if topic != "policy-interpretation"]
        from_issue = date_from_issue(unit.text, notice.issued) \
            if notice.issued and not obligations.dated_at_all(deadline) else None
        if from_issue:  # "印发之日起30日内", "请于本月底前…": a fixed date, counted from the notice's issue
            item["by_date"], item["deadline_text"] = from_issue
        item["by_date"] = _after_the_notice(item.get("by_date"), unit.text, notice)
        later = _later_date_for_a_part(found, position, item.get("by_date"), notice)
        if later:  # "…1月31日前公布…，其中各级人民政府于3月31日前公布": the rule takes the later date (rule_entry)
            item["later_part_date"] = later
        notice.obligations.append(item)
    return notice


def _after_the_notice(by_date: str | None, sentence: str, notice: DraftNotice) -> str | None:
    """A month and day without a year ("1月20日前报送年度报告") in a notice issued late in the year falls in the next
    year when the notice's year would put it months before the notice itself: a rule due before it was issued
    would fail every agency."""
    if not (by_date and notice.issued and notice.year):
        return by_date
    due = datetime.date.fromisoformat(str(by_date))
    if due >= datetime.date.fromisoformat(str(notice.issued)) - datetime.timedelta(days=60):
        return by_date
    next_year = deadline_of(sentence, notice.year + 1).get("by_date")
    # only a year the sentence left out moves: "2031年1月20日前" stays as written
    moved = next_year and datetime.date.fromisoformat(str(next_year)) == due.replace(year=due.year + 1)
    return next_year if moved else by_date


# The subject a sentence opens with, before its modal verb or date: "（二）市直各单位须于1月31日前…", "各市、县（区）要…"
# ("各部门自行出台的重要规范性文件，也要…": a noun phrase with 的 names a thing, not who must act)
_SUBJECT = re.compile(r"^(?:第[一二三四五六七八九十百]{1,4}条\s*|[（(]?[一二三四五六七八九十\d]{1,3}[)）、.．]\s*)?([^，,。；;:：“”《》的]{2,30}?)"
                      r"(?=要|应当?|须|必须|务必|分别|于\d|在\d|在本)")


# "请区医保局、发改局…及时登录…": the offices a request is made of
_REQUESTED = re.compile(r"^(?:[（(]?[一二三四五六七八九十\d]{1,3}[)）、.．]\s*)?请([^，,。；;:：“”《》的]{2,60}?)"
                        r"(?=及时|尽快|立即|按要求|于\d|在\d|要|务必|认真)")


def _later_date_for_a_part(found: list, position: int, by_date: str | None, notice: DraftNotice) -> str | None:
    """The later date a "其中…" clause gives a part of a dated unit's addressees: in the unit itself ("…1月31日前公布，
    其中各级人民政府于3月31日前公布") or right after it on its line."""
    if not by_date:
        return None
    own = re.search(r"[,，]其中([^。；;]+)", found[position].text)
    following = found[position + 1] if position + 1 < len(found) else None
    if own:
        part, later = own.group(1), deadline_of(own.group(1), notice.year).get("by_date")
    elif following is not None and following.unit.line == found[position].unit.line and following.text.startswith("其中"):
        part, later = following.text, following.deadline.get("by_date")
    else:
        return None
    later = _after_the_notice(later, part, notice)
    return later if later and str(later) > str(by_date) else None


def _scope_by_subject(item: dict, text: str) -> None:
    """Who a sentence that opens with its subject binds ("（二）市直各单位须于1月31日前…"), written into the drafted
    ``item``: groups of agencies that are a part of those the notice binds ("市直各单位" → departments, "各市、县（区）" →
    cities and counties), departments named by their work ("各级财政部门"), or named offices ("市发展改革委、市住房城乡
    建设局要…"); subordinate units ("委属各医疗机构") are marked, since their own sites publish.  Nothing for any other
    subject (起草单位, 各地各部门: everyone), so that a rule never narrows by a guess."""
    match = _SUBJECT.match(text) or _REQUESTED.match(text)
    if not match:
        return
    # "区医保局、发改局、水务局": a bare name shares the first one's 区
    names = tables.expand_units(split_names(match.group(1), "、和及与"))
    if scope := _groups_short_of_everyone(names) or (names if all(function_group(name) for name in names) else None):
        item["lead_units"], item["cooperating_units"] = scope, []
    elif names and all(_NAMED_OFFICE.match(name) and not is_internal_section(name) for name in names):
        item["lead_units"], item["cooperating_units"] = names, []
        # "市司法局要…在市政府门户网站集中公布": a named office publishing on its government's portal, which the check
        # of the office's own site does not read
        item["elsewhere"] = _GOVERNMENT_PORTAL.search(text) is not None or _OUTSIDE_PLATFORM.search(text) is not None
    elif _SUBORDINATES.match(match.group(1)):
        item["subordinates"] = match.group(1)


# A named office of the notice's place: "市发展改革委", "县市场监管局", "区政务公开办" (not 各…, not a role, not an
# issuer's own section).
_NAMED_OFFICE = re.compile(r"^(?!各)(?:[省市县区州旗]|[\u4e00-\u9fff]{2,6}?[省市县区州旗])[\u4e00-\u9fff]{1,14}?"
                           r"(局|委|委员会|厅|办|办公室|中心|署|管委会)$")


# a duty that holds only when something happens: "拟作出重大行政决策的，…", "作出行政处罚决定的，应当…", "发生突发事件后，…",
# "涉及公共利益和公众权益的重大事项，…应公布决策草案" (an agency with no such matter publishes nothing)
_CONDITION = re.compile(r"^(?:[(（]?[一二三四五六七八九十\d]{1,3}[)）、.．])?((?:[^,，。；;:：]{2,40}的|(?:发生|出现)[^,，。；;:：]{1,20}(?:后|时)"
                        r"|凡?涉及[^,，。；;:：]{2,40}的(?:重大|重要)?(?:事项|决策|政策|文件|措施|项目)))[,，]")
# a lag counted from each event, not from the notice: "批复后20日内", "作出之日起7个工作日内", "信息形成之日起20个工作日内"
_EVENT_LAG = re.compile(r"(批复|作出|形成|变更|产生|审定|通过)[^,，。；;]{0,6}?(?:之日起|之日后|后)[^,，。；;]{0,4}?"
                        r"(?:\d+|[一二三四五六七八九十]+)个?(?:工作日|日|天)")
_ON_GOVERNMENT_PORTAL = re.compile(r"在([省市县区])(?:人民)?政府(?:门户)?网站[^,，;；。]{0,16}(?:开设|设立|设置|开辟|增设)")
# "登录陕西省政务服务事项中控管理平台…发布": a platform outside the agency's own site
_OUTSIDE_PLATFORM = re.compile(r"登录[^,，;；。]{2,30}平台")
_GOVERNMENT_PORTAL = re.compile(r"在[省市县区](人民)?政府(门户)?网站[^,，;；。]{0,12}(公开|公布|发布)")
# Units under the addressees that the audit does not visit: "委属各医疗机构", "局属各学校", "各公立医院"
_SUBORDINATES = re.compile(r"^(?:[委局厅办院](?:属|直属)|所属|直属)各?[\u4e00-\u9fff]{0,8}(?:单位|机构|医院|学校|企业)"
                           r"|^各(?:级|类)*[\u4e00-\u9fff]{0,4}(?:医疗机构|医院|卫生院|学校|幼儿园|企业|医疗卫生机构)"
                           r"(?:、[\u4e00-\u9fff]{0,4}(?:学校|幼儿园|医院|卫生院))*$")


# A unit named by a role every agency can have ("各起草单位", "制发单位"): whoever drafts a document, so the notice's
# binds decide; as a name it would match no agency and the rule would check nobody.  A role that picks some agencies
# (有关单位, 责任单位, 试点单位) stays a name: it matches none, and lint says so, rather than binding everyone.
_ROLE_NAME = re.compile(r"各?(起草|制发|发文)(单位|部门|机关)")
# "单位" left of "各有关处室、单位": a kind of body, no agency's name and no group of them (各部门 is one)
_GENERIC_UNIT = re.compile(r"各?(?:有关|相关)?(?:单位|部门|机构|机关)")


def _generic_unit(unit: str) -> bool:
    return bool(_GENERIC_UNIT.fullmatch(unit)) and unit_group_levels(unit) is None


def keep(candidate: candidates.Candidate, model: scorer.ObligationModel | None = None) -> bool:
    """Whether a candidate unit is drafted as an obligation: the hand-written rules say it obliges, unless the
    learned ``model`` vetoes it; or the model alone is sure of it (:meth:`.scorer.ObligationModel.keeps`)."""
    return candidate.rules_keep if model is None else model.keeps(candidate)


# -- the rule file ------------------------------------------------------------------------

_MANUAL_REASON = "该要求为内部工作或向上级报送，网站上无法核查"
_UNDECIDED_REASON = "起草时未能确定网站上的核查依据，请审核"
_NATIONAL_INTERPRETATION_LAG = 3  # working days: the national rule's latest lag, offered to the reviewer, never assumed


def _undecided(kind: str, why: str, item: dict) -> tuple[str, dict, list[str]]:
    """A drafted obligation whose kind needs a parameter the notice does not give: ``manual`` until reviewed,
    so that an unreviewed draft never fails an agency on a guess."""
    params = {"reason": _UNDECIDED_REASON}
    if item.get("by_date"):
        params["by_date"] = item["by_date"]
    return "manual", params, [f"起草类型为 {kind}，但{why}；暂作人工核实"]


# three or more fields listed as what is disclosed: "教育、医疗、养老、就业等领域信息公开"
_FIELDS_LISTED = re.compile(r"(?:[\u4e00-\u9fff]{2,6}、){2,}[\u4e00-\u9fff]{2,6}等(?:重点|民生)?领域(?:的)?(?:政府)?信息(?:公开|发布)")
_DATES_IN_SENTENCE = re.compile(r"\d{1,2}月(?:\d{1,2}日|底|末|[上中下]旬)")
# "2030年政府信息公开工作年度报告", "2030年度报告", "2030年年报": the year a report is on
_REPORT_YEAR = re.compile(r"((?:19|20)\d{2})年度?[^，,。；;]{0,16}?(?:工作)?(?:年度报告|年报)")


def rule_entry(item: dict, rule_id: str, year: int | None, title: str | None = None,
               issued: str | None = None) -> tuple[dict, list[str]]:
    """One drafted rule with only the parameters its kind declares (checks/kinds/<kind>.py PARAMS), and
    the review notes a person must read (written as YAML comments, which no loader sees)."""
    kind, quote = item["kind"], item["quote"]
    params: dict = {}
    review: list[str] = []
    subordinates = item.get("subordinates") if kind != "manual" else None
    elsewhere = item.get("elsewhere") and kind != "manual"
    if kind == "plan_published":
        if item.get("working_days") is not None:
            params["working_days"] = item["working_days"]
            params["anchor"] = item["anchor"] if item.get("anchor") in ("issued", "published") else "issued"
            if item.get("anchor") not in ("issued", "published"):
                review.append("期限起算日未写明，暂按印发日")
        elif item.get("by_date"):
            params["by_date"] = item["by_date"]
        else:
            kind, params, review = _undecided(kind, "通知未写明公开期限", item)
    elif kind == "interpretation_timely":
        if item.get("working_days") is not None:
            params["working_days"] = item["working_days"]
        else:
            # a lag the notice does not state would be a guess that fails an agency interpreting on day 4
            kind, params, review = _undecided(kind, f"通知未写明解读期限（如按国家规定的{_NATIONAL_INTERPRETATION_LAG}个工作日，"
                                                    f"请改为 interpretation_timely 并写明 working_days）", item)
    elif kind == "column_exists":
        # the name the column is given ("开设“惠企政策”专栏", "开设共同富裕专题") before any other quoted words, which may
        # be a slogan ("瞄准“…时代样板”目标，开设共同富裕专题")
        named = re.search(r"(?:[《“\"][^》”\"]{2,30}[》”\"][、和及]?)+(?=(?:专题)?(?:专栏|专题|栏目|频道))", clean_text(quote))
        # — not any quoted words of the sentence: "开设栏目，主动公开“十四五”规划纲要" names a plan, not the column
        names = (re.findall(r"[《“\"]([^》”\"]{2,30})[》”\"]", named.group(0)) if named else []) or \
            [name for name in re.findall(r"(?:开设|设立|设置|开辟)([\u4e00-\u9fff]{2,20}?)(?:专题)?(?:专栏|专题|栏目)", clean_text(quote))
             # "开设或利用好现有专栏": words of the verb phrase, not a name
             if not re.match(r"[或和及并与好]", name) and not re.search(r"利用|现有|相关|有关|相应", name)]
        if names:
            params["names"] = [re.escape(name) for name in names]
            if item.get("by_date"):
                params["by_date"] = item["by_date"]
        else:
            kind, params, review = _undecided(kind, "未能读出专栏名称", item)
    elif kind == "published_by_date":
        if re.search(r"落实情况|进展情况|完成情况|执行情况", clean_text(quote)):
            params = {"by_date": item["by_date"], "page_types": ["progress_report"]}
        elif item.get("topics"):
            kind, params = "topic_disclosed", {"topics": item["topics"], "by_date": item["by_date"]}
        else:
            kind, params, review = _undecided("published_by_date", "未能确定页面标题检索式或词表事项", item)
    elif kind == "topic_disclosed":
        if _FIELDS_LISTED.search(structure.analysis(quote)) and not item.get("lead_units"):
            # "加大教育、医疗、养老、就业等领域信息公开力度": each field is its own department's; one topic matched
            # of the list would fail every other agency on it
            kind, params, review = _undecided(kind, "句中列举多个领域，应由各领域主管部门分别公开：请拆分并指定适用单位", item)
        elif item.get("topics"):
            params["topics"] = item["topics"]
            if item.get("by_date"):
                params["by_date"] = item["by_date"]
        else:
            kind, params, review = _undecided(kind, "未能对应到词表（rules/topics.yaml）中的事项", item)
    elif kind == "annual_report":
        named = _REPORT_YEAR.search(structure.analysis(quote)) or _REPORT_YEAR.search(structure.analysis(title or ""))
        if named:
            params["year"] = int(named.group(1))
        elif year is not None and issued and str(issued) > f"{year}-03-31":
            # issued after the last day for the report on Y-1 ("…落实情况纳入年度报告予以公开" in July): the next one
            params["year"] = year
            review.append(f"年报所属年度未写明；通知印发（{issued}）时{year - 1}年年报的公布期限已过，按{year}年年报起草")
        elif year is not None:
            # "按时发布年度报告" in a notice of year Y: the report published during Y is the one on Y-1
            params["year"] = year - 1
            review.append(f"年报所属年度未写明，按通知年度前一年（{year - 1}年）推算")
        if item.get("by_date"):
            params["by_date"] = item["by_date"]
    elif kind == "manual":
        params["reason"] = _MANUAL_REASON
        if item.get("by_date"):
            params["by_date"] = item["by_date"]
        elif item.get("working_days") is not None and item.get("anchor") in ("issued", "published"):
            params["working_days"], params["anchor"] = item["working_days"], item["anchor"]
    event = _EVENT_LAG.search(structure.analysis(quote))
    if kind == "topic_disclosed" and year is not None and event:
        # "预算批复后20日内公开": pages come after each event, which may precede the notice (a budget of February under
        # a notice of April); the period starts with the notice's year
        params["since"] = f"{year}-01-01"
        review.append(f"期限自每次{event.group(1)}起算：核查期间从{year}年1月1日开始")
    condition = _CONDITION.match(structure.analysis(quote)) if kind in ("topic_disclosed", "published_by_date") else None
    if subordinates:
        # the units that publish are below the audited agencies ("委属各医疗机构"): their sites are not crawled
        kind, params, review = _undecided(item["kind"], f"由{subordinates}在其自身网站落实，不在审计范围", item)
    elif condition:
        # "拟作出重大行政决策的，…应当公开征求意见": an agency that had no such event publishes nothing and fails nothing
        kind, params, review = _undecided(item["kind"], f"为条件性要求（{condition.group(1)}），没有此类事项的单位不应判为未通过", item)
    elif elsewhere:
        kind, params, review = _undecided(item["kind"], "要求在本级政府门户网站或其他平台公布，而核查只读该单位自己的网站", item)
    entry = {"id": rule_id, "kind": kind, "quote": quote, "params": params, "weight": 0 if kind == "manual" else 1}
    # an issuer's own section ("（办公室负责）") names no agency: the notice's binds decide who answers for it
    units = [unit for unit in (item.get("lead_units") or []) + (item.get("cooperating_units") or [])
             if not is_internal_section(unit) and not _ROLE_NAME.fullmatch(unit) and not _generic_unit(unit)]
    if units:
        entry["applies_to"] = {"units": units}
    dates = _DATES_IN_SENTENCE.findall(structure.analysis(quote))
    if item.get("later_part_date") and "by_date" in params:
        # one rule for both parts: the later date, so that the part given more time is not failed early
        params["by_date"] = item["later_part_date"]
        review.append(f"通知期限为{item['by_date']}，其中部分单位为{item['later_part_date']}：已按较晚的{item['later_part_date']}"
                      f"起草，以免误判未通过；请按单位拆分")
    elif "by_date" in params and len(dates) >= 2 and re.search(r"分别|其中", structure.analysis(quote)):
        # "分别于6月30日和12月20日前…": each date has its own deliverable or addressee, the draft has one rule
        review.append(f"句中有{len(dates)}个日期（{'、'.join(dates)}），已按 {params['by_date']} 起草：请按事项拆分或核实")
    stated = item.get("deadline_text") or _RHYTHM_WORDS.get(item.get("rhythm"))
    if stated:
        review.append(f"完成时限：{stated}")
    elif item.get("by_date") and "by_date" not in params:
        # a date the rule's kind has no parameter for ("专栏…5月底前开设") is still the reviewer's to see
        review.append(f"通知写明的期限：{item['by_date']}（该类规则不检查日期，请人工核实）")
    elif item.get("working_days") is not None and "working_days" not in params:
        review.append(f"通知写明的期限：{item['working_days']}个工作日（该类规则不检查期限，请人工核实）")
    return entry, review


def _checks_the_same(entry: dict) -> tuple | None:
    """What a web-checkable rule looks for (its kind and the thing it names), for spotting two rules of one draft that
    would judge the same pages; None for a manual rule."""
    params = entry["params"]
    if entry["kind"] == "manual":
        return None
    thing = params.get("topics") or params.get("names") or params.get("page_types") or [params.get("year")]
    return entry["kind"], tuple(sorted(map(str, thing))), str((entry.get("applies_to") or {}).get("units"))


def _leniency(entry: dict) -> tuple:
    """How late a rule lets the thing it checks come (a longer lag, a later date): of two rules judging the same pages,
    the later one is scored, so that no agency fails on the stricter reading of a notice that says both."""
    params = entry["params"]
    return params.get("working_days") if params.get("working_days") is not None else -1, str(params.get("by_date") or "")


_RHYTHM_WORDS = {"quarterly": "按季度", "monthly": "按月", "yearly": "每年", "continuous": "及时、持续"}


def draft_yaml(notice: DraftNotice, notice_id: str, source_file: str | None = None) -> str:
    """A rule file for review: one rule per obligation, review notes as comments above the rule."""
    import yaml

    def dump(value) -> str:
        return yaml.safe_dump(value, allow_unicode=True, sort_keys=False, width=200)

    bound, bound_note = binds(notice)
    # nothing says whom the notice binds: no addressees read, and neither its issuer, its title nor its text names a
    # place (a catalogue page headed "来源：县信息公开办") — binding everyone would fail other places' agencies on a guess
    scope_unknown = bound == {"all": True} and not notice.addressees and not is_national(notice.issuer or "")
    # …or addressed to groups only (各县市区人民政府，市直各单位) by an issuer whose place nothing names (a mirror put its
    # brand where the city's name was): the groups of every place would be bound
    groups_of_no_place = bool(bound.get("units")) and set(bound) == {"units"} \
        and all(unit_group_levels(unit) is not None or function_group(unit) for unit in bound["units"]) \
        and notice.place is None and not notice.province and not is_national(notice.issuer or "") \
        and not any(re.match(r"^(?:关于)?[\u4e00-\u9fff]{1,10}?[省市县区州旗盟]", name or "")
                    for name in (notice.issuer, notice.title))  # "某县人民政府办公室", "某县2030年…要点": a place's own
    unknown_why = ("未读出签发机关所在地，主送单位泛指各地，约束范围无法确定（填写 issuer 或 binds 的 places 后可改回）"
                   if groups_of_no_place else "未读出签发机关、所在地和主送单位，约束范围无法确定（填写 issuer 与 binds 后可改回）")
    scope_unknown = scope_unknown or groups_of_no_place

    document = {
        "notice": {
            "id": notice_id, "title": notice.title or "TODO", "issuer": notice.issuer or "TODO",
            "doc_number": notice.doc_number, "issued": notice.issued or "TODO", "published": notice.published,
            "year": notice.year, **({"province": notice.province} if notice.province else {}), "source_file": source_file,
            "binds": bound,
        },
    }
    out = ["# Draft by `zwgk rules draft`: review every rule (kind, params, applies_to) before use.\n",
           "# 审核：每条规则的类型、参数和适用单位；“# 审核”注释说明起草时无法确定的内容。\n",
           *([f"# 审核：{bound_note}\n"] if bound_note else []), dump(document), "rules:\n"]
    drafted = []
    for index, item in enumerate(notice.obligations, start=1):
        entry, review = rule_entry(item, f"{notice_id}-{index}", notice.year, notice.title, notice.issued)
        if scope_unknown and entry["kind"] != "manual":
            kind, params, notes = _undecided(entry["kind"], unknown_why, item)
            entry = {**entry, "kind": kind, "params": params, "weight": 0}
            review.extend(notes)
        named = (item.get("lead_units") or []) + (item.get("cooperating_units") or [])
        if "applies_to" not in entry and any(is_internal_section(unit) for unit in named) and notice.issuer \
                and all(is_internal_section(unit) or _generic_unit(unit) for unit in named) \
                and bound != {"units": [notice.issuer]}:
            # "（学生处负责）" in a bureau's notice to others: its own division does it, so the bureau answers for it
            entry["applies_to"] = {"units": [notice.issuer]}
            review.append(f"责任单位{'、'.join(named)}为签发机关的内设机构：按签发机关{notice.issuer}起草")
        if entry["params"].get("anchor") == "published" and not notice.published:
            review.append("期限自通知公布之日起算，但未读出公布日期：请在 notice.published 填写，否则 rules lint 报错")
        drafted.append((entry, review))
    # rules that would judge the same pages: one missing page would fail each, so it counts once — on the most lenient
    # of them (第五条 "发布与解读同步" and 第六条 "5个工作日内": the 5 days), until a reviewer merges them or weighs both
    groups: dict[tuple, list[dict]] = {}
    for entry, _ in drafted:
        same = _checks_the_same(entry)
        if same:
            groups.setdefault(same, []).append(entry)
    for entries in groups.values():
        kept = max(entries, key=_leniency)
        for entry, review in drafted:
            if entry in entries and entry is not kept:
                entry["weight"] = 0
                review.append(f"与 {kept['id']} 核查同一事项：为免一项缺失被重复计为未通过，本条 weight 设为 0；"
                              f"请合并两条，或确需分别计分时改回")
    for entry, review in drafted:
        out.extend(f"  # 审核：{note}\n" for note in review)
        out.append("".join("  " + line + "\n" if line else "\n" for line in dump([entry]).splitlines()))
    if not notice.obligations:
        out[-1] = "rules: []\n"
    return "".join(out)
