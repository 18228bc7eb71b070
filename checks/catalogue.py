"""The rule catalogue: ``rules/*.yaml``, one file per notice.

A rule file holds one ``notice`` (title, issuer, 文号, dates, who it binds)
and its ``rules``; each rule quotes the sentence it enforces.  The format is in
README.md ("Rule files").  :func:`load_catalogue` validates as it
loads and raises :class:`RulesError` with ``file: rule id: problem``.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from core.model import (
    LEVELS,
    Agency,
    department_group_place,
    function_group,
    function_name_form,
    is_internal_section,
    unit_group_levels,
)

from core.places import Place, is_national, place_of

from .kinds import BUILTIN_KINDS, KINDS, param_problems

RULES_DIR = Path(__file__).resolve().parent.parent / "rules"
CALENDAR_FILE_NAME = "calendar.yaml"
VOCABULARY_FILE_NAME = "topics.yaml"  # the topic vocabulary (rules/topics.py), not a notice
NOT_RULE_FILES = {CALENDAR_FILE_NAME, VOCABULARY_FILE_NAME}


def rule_files(directory: Path) -> list[Path]:
    """The notice files of a rule directory: every ``*.yaml`` but the calendar and the vocabulary."""
    return sorted(p for p in Path(directory).glob("*.yaml") if p.name not in NOT_RULE_FILES)

_SELECTOR_KEYS = {"levels", "provinces", "places", "parents", "units", "agencies", "all"}


class _DatesAsText(yaml.SafeLoader):
    """YAML without implicit timestamps: dates stay text so that a bad one is reported by field."""


_DatesAsText.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


class RulesError(ValueError):
    """A rule file that cannot be used; one line naming the file and rule.

    ``where`` is ``file`` or ``file: rule id``; ``problem`` says what is wrong.
    """

    def __init__(self, where: str, problem: str):
        super().__init__(f"{where}: {problem}")
        self.where, self.problem = where, problem


@dataclass(frozen=True)
class Notice:
    id: str
    title: str
    issuer: str
    doc_number: str | None
    issued: dt.date
    published: dt.date | None
    year: int
    province: str | None
    source_file: str | None
    binds: dict
    path: Path

    def anchor_date(self, anchor: str) -> dt.date | None:
        """The date a deadline counts from: ``issued`` (印发后) or ``published`` (公布后)."""
        return self.published if anchor == "published" else self.issued

    def as_row(self) -> dict:
        return {
            "id": self.id,
            "title": self.title,
            "issuer": self.issuer,
            "doc_number": self.doc_number,
            "issued": self.issued.isoformat(),
            "published": self.published.isoformat() if self.published else None,
            "source_file": self.source_file,
            "binds": json.dumps(self.binds, ensure_ascii=False),
        }


@dataclass(frozen=True)
class Rule:
    id: str
    notice: Notice
    kind: str
    title: str
    quote: str
    params: dict
    applies_to: dict
    weight: float

    @property
    def web_checkable(self) -> bool:
        return KINDS[self.kind].WEB_CHECKABLE

    def as_row(self) -> dict:
        return {
            "rule_id": self.id,
            "notice": self.notice.id,
            "kind": self.kind,
            "title": self.title,
            "quote": self.quote,
            "params": json.dumps(self.params, ensure_ascii=False, default=str),
            "applies_to": json.dumps(self.applies_to, ensure_ascii=False),
            "weight": self.weight,
            "web_checkable": int(self.web_checkable),
        }


@dataclass
class Catalogue:
    notices: list[Notice] = field(default_factory=list)
    rules: list[Rule] = field(default_factory=list)
    directory: Path | None = None

    @property
    def all_rules(self) -> list[Rule]:
        """The notices' rules and the checks every audit makes (checks/builtin.py)."""
        from .builtin import BUILTIN_RULES

        return [*self.rules, *BUILTIN_RULES]

    @property
    def calendar_file(self) -> Path | None:
        return self.directory / CALENDAR_FILE_NAME if self.directory else None


def load_catalogue(directory: str | Path = RULES_DIR) -> Catalogue:
    directory = Path(directory)
    if not directory.is_dir():
        raise RulesError(str(directory), "规则目录不存在 (rules directory not found)")
    catalogue = Catalogue(directory=directory)
    seen_rules: dict[str, Path] = {}
    seen_notices: dict[str, Path] = {}
    files = rule_files(directory)
    if not files:
        raise RulesError(str(directory), "没有规则文件 (no *.yaml rule files)")
    for path in files:
        notice, rules = load_rule_file(path)
        if notice.id in seen_notices:
            raise RulesError(str(path), f"notice id '{notice.id}' 重复 (also in {seen_notices[notice.id].name})")
        seen_notices[notice.id] = path
        for rule in rules:
            if rule.id in seen_rules:
                raise RulesError(str(path), f"{rule.id}: 规则 id 重复 (duplicate rule id, also in {seen_rules[rule.id].name})")
            seen_rules[rule.id] = path
        catalogue.notices.append(notice)
        catalogue.rules.extend(rules)
    return catalogue


def load_rule_file(path: Path, failed: list | None = None) -> tuple[Notice, list[Rule]]:
    """The notice and its rules.  With a ``failed`` list, a rule that cannot be read is left out and recorded there
    as (its :class:`RulesError`, its raw entry) — ``rules lint`` reports every rule's problem, not the first only."""
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_DatesAsText)
    except (yaml.YAMLError, ValueError) as exc:
        # ValueError: YAML reads 2017-13-01 as a timestamp and fails to build the date
        raise RulesError(str(path), f"YAML 格式错误 ({getattr(exc, 'problem', exc)})") from None
    if not isinstance(data, dict) or "notice" not in data or "rules" not in data:
        raise RulesError(str(path), "需要 notice 和 rules 两个键 (expected 'notice:' and 'rules:')")
    notice = _parse_notice(data["notice"], path)
    if not isinstance(data["rules"], list):
        raise RulesError(str(path), "rules 应为列表")
    rules = []
    for index, entry in enumerate(data["rules"], start=1):
        try:
            rules.append(_parse_rule(entry, notice, path, index))
        except RulesError as exc:
            if failed is None:
                raise
            failed.append((exc, entry))
    return notice, rules


def _date(value, where: str, field_name: str) -> dt.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise RulesError(where, f"field '{field_name}' 日期无效 {value!r} (use YYYY-MM-DD)") from None


def _parse_notice(entry, path: Path) -> Notice:
    where = f"{path}: notice"
    if not isinstance(entry, dict):
        raise RulesError(where, "应为映射")
    for key in ("id", "title", "issuer", "issued"):
        if not entry.get(key):
            raise RulesError(where, f"缺少字段 '{key}'")
    issued = _date(entry["issued"], where, "issued")
    binds = entry.get("binds") or {"all": True}
    _check_selector(binds, f"{where}: binds")
    return Notice(
        id=str(entry["id"]),
        title=entry["title"],
        issuer=entry["issuer"],
        doc_number=entry.get("doc_number"),
        issued=issued,
        published=_date(entry.get("published"), where, "published"),
        year=int(entry.get("year") or issued.year),
        province=entry.get("province"),
        source_file=entry.get("source_file"),
        binds=binds,
        path=path,
    )


def _check_selector(selector, where: str) -> None:
    if not isinstance(selector, dict):
        raise RulesError(where, "应为映射 (levels/provinces/parents/units/agencies)")
    unknown = set(selector) - _SELECTOR_KEYS
    if unknown:
        raise RulesError(where, f"未知的适用范围键 {sorted(unknown)} (known: {sorted(_SELECTOR_KEYS)})")
    for level in selector.get("levels") or []:
        if level not in LEVELS:
            raise RulesError(where, f"未知级别 {level!r}")
    for name in selector.get("places") or []:
        if not isinstance(name, str) or place_of(name) is None:
            raise RulesError(where, f"places 中的 {name!r} 不是可识别的行政区划名称（写全称，如 云南省保山市、大竹县）")


def _parse_rule(entry, notice: Notice, path: Path, index: int) -> Rule:
    where = f"{path}: rules[{index}]"
    if not isinstance(entry, dict):
        raise RulesError(where, "应为映射")
    if entry.get("id"):
        where = f"{path}: {entry['id']}"
    for key in ("id", "kind", "quote"):
        if not entry.get(key):
            raise RulesError(where, f"缺少字段 '{key}'")
    if not re.match(r"^[a-z0-9][a-z0-9-]*$", str(entry["id"])):
        raise RulesError(where, "id 只能包含 a-z 0-9 -")
    kind = entry["kind"]
    if kind not in KINDS or kind in BUILTIN_KINDS:
        known = ", ".join(k for k in KINDS if k not in BUILTIN_KINDS)
        raise RulesError(where, f"未知规则类型 {kind!r} (known: {known})")
    params = entry.get("params") or {}
    if not isinstance(params, dict):
        raise RulesError(where, "params 应为映射")
    errors, _unread = param_problems(KINDS[kind], params, notice)
    if errors:
        raise RulesError(where, "；".join(errors))
    applies_to = entry.get("applies_to") or notice.binds
    _check_selector(applies_to, f"{where}: applies_to")
    weight = entry.get("weight", 1)
    if not isinstance(weight, (int, float)) or weight < 0:
        raise RulesError(where, "weight 应为非负数")
    return Rule(
        id=entry["id"],
        notice=notice,
        kind=kind,
        title=entry.get("title") or entry["quote"][:40],
        quote=entry["quote"],
        params=params,
        applies_to=applies_to,
        weight=float(weight),
    )


# -- applicability --------------------------------------------------------------------------

_UNIT_PREFIX = re.compile(r"^(省|市|区|县|自治区|州)")
_GOVERNMENT_OFFICE = re.compile(r"^([省市县区])(?:人民)?政府办公[室厅]$")
# "科右前旗人民政府办公室", "某省教育厅办公室": the office of an organisation named in full
_OFFICE_OF = re.compile(r"^([\u4e00-\u9fff]{2,20}?(?:人民政府|政府|厅|局|委员会|委))办公[室厅]$")
_PLACE_LEVELS = {"省": "province", "市": "city", "县": "county", "区": "county"}
_TOWNSHIP_GROUP = re.compile(r"乡镇|^各镇|^各乡|街道|苏木")
_TOWNSHIP_NAME = re.compile(r"(乡|镇|街道|苏木)(人民政府|办事处|政府)?$")


def unit_matches(unit: str, agency: Agency, province: str | None) -> bool:
    """Does a unit name from a notice (省统计局, 市行政审批局, 各省辖市) denote this agency?

    Exact names and aliases match; so does a name with the province/city
    prefix dropped ("省统计局" → "河南省统计局") when the agency is in the
    notice's province; group names (各省辖市, 省政府各部门, 各级各部门) match
    every agency of their level in the notice's province.
    """
    unit = unit.strip()
    if unit in agency.names:
        return True
    if province and agency.province and agency.province != province:
        return False
    levels = unit_group_levels(unit)
    if levels is not None and _TOWNSHIP_GROUP.search(unit) and levels == {"county"}:
        # towns are audited at the county level (targets have no township level): 各乡镇 are the agencies named as
        # towns, not the county government that addresses them
        return agency.level == "county" and any(_TOWNSHIP_NAME.search(name) for name in agency.names)
    if levels is not None and "county" in levels and agency.level == "county" \
            and any(_TOWNSHIP_NAME.search(name) for name in agency.names):
        return False  # a town audited at the county level is no 县（市、区）: only groups of towns name it
    if levels is not None:
        return agency.level in levels
    office = _GOVERNMENT_OFFICE.match(unit)
    if office and not any(name.endswith(unit[1:]) for name in agency.names):
        # "县政府办公室要…开设专栏": the office runs its government's portal; audited is the government
        return agency.level == _PLACE_LEVELS[office.group(1)] and any(
            name.endswith("政府") and not _TOWNSHIP_NAME.search(name) for name in agency.names)
    # "某省教育厅(中共某省委教育工委)办公室": the office of the department, whatever other name it also bears
    office_of = None if office else _OFFICE_OF.match(re.sub(r"[(（][^()（）]{1,20}[)）]", "", unit))
    if office_of:
        # the office of a government or a department named in full runs its portal: audited is the organisation
        owner = office_of.group(1)
        owners = {owner, re.sub(r"人民政府$", "政府", owner), re.sub(r"(?<!人民)政府$", "人民政府", owner)}
        return any(unit_matches(name, agency, province) for name in owners)
    work = function_group(unit)
    if work is not None:  # "各级财政部门": the departments whose name says they do that work
        return agency.level == "department" and any(work in function_name_form(name) for name in agency.names)
    core = _UNIT_PREFIX.sub("", unit)
    if len(core) < 2 or (province and agency.province and agency.province != province):
        return False
    if core == unit and is_internal_section(unit):
        return False  # "（办公室负责）" in a bureau's own plan is its office, not every agency whose name ends in 办公室
    return any(name.endswith(core) and name != core for name in agency.names)


def applies(selector: dict, agency: Agency, *, province: str | None = None, parent_level: str | None = None) -> bool:
    """All given keys must match; within a key, any value may.  ``parent_level``: the level of the agency's parent
    when the audit holds it — a group of departments then matches only departments of its own level of government
    (区政府各部门 are not a city's bureaus)."""
    if selector.get("all"):
        return True
    if "agencies" in selector and agency.id not in selector["agencies"]:
        return False
    if "levels" in selector and agency.level not in selector["levels"]:
        return False
    if "provinces" in selector and agency.province not in selector["provinces"]:
        return False
    if "parents" in selector and agency.parent not in selector["parents"] and agency.id not in selector["parents"]:
        return False
    if "units" in selector and not any(unit_matches(u, agency, province) and not _another_governments(u, agency, parent_level)
                                       for u in selector["units"]):
        return False
    return bool(set(selector) & _SELECTOR_KEYS)


_DEPARTMENT_NAME = re.compile(r"(局|委|委员会|厅|办公室|办|中心)$")
_COUNTY_WORD = re.compile(r"^[\u4e00-\u9fff]{1,8}?(?:[县旗]|(?<!自治)区(?!域))")
_CITY_WORD = re.compile(r"^[\u4e00-\u9fff]{1,8}?(?:市(?!场)|州|盟)")


def government_level_of_name(agency: Agency) -> str | None:
    """The level of government a department belongs to, read from its name when its parent is not audited (青溪县教育局
    → county, 汉江市市场监督管理局 → city, 河南省统计局 → province); None for a name that is not a department's."""
    if agency.level != "department" or not _DEPARTMENT_NAME.search(agency.name):
        return None
    province = re.match(r"^[\u4e00-\u9fff]{2,8}?(?:省|自治区)", agency.name)
    rest = agency.name[province.end():] if province else agency.name
    if _COUNTY_WORD.search(rest):
        return "county"
    if _CITY_WORD.search(rest):
        return "city"
    return "province" if province else None


_MUNICIPALITY = re.compile(r"^(北京|上海|天津|重庆)市")


def _another_governments(unit: str, agency: Agency, parent_level: str | None) -> bool:
    place = department_group_place(unit)
    return agency.level == "department" and parent_level is not None and place is not None and place != parent_level


class AuditedAgencies:
    """The agencies of one audit, indexed once for :func:`rule_applies`: by id, and the issuer each notice's issuer
    name resolves to (looked up once per name, not once per rule and agency)."""

    def __init__(self, agencies: list[Agency]):
        self.agencies = list(agencies)
        self.by_id = {agency.id: agency for agency in self.agencies}
        self._issuers: dict[str, Agency | None] = {}

    def issuer(self, name: str) -> Agency | None:
        if name not in self._issuers:
            self._issuers[name] = issuing_agency(name, self.agencies)
        return self._issuers[name]


def rule_applies(rule: Rule, agency: Agency, agencies: list[Agency] | AuditedAgencies | None = None) -> bool:
    """Does the rule bind this agency?  With the audit's ``agencies``, a notice whose issuer is one of them (its
    government: "汉江市人民政府办公室" → 汉江市人民政府) binds only agencies in that issuer's jurisdiction
    (:func:`within_jurisdiction`), unless the rule file chose agencies, parents or provinces itself: "各县（市、区）"
    and "市政府各部门" of a city's notice are that city's, not every city's.  Give an :class:`AuditedAgencies` when
    judging many rules and agencies."""
    audited = AuditedAgencies(agencies) if isinstance(agencies, list) else agencies
    province = rule.notice.province
    parent = audited.by_id.get(agency.parent) if audited is not None and agency.parent else None
    level = parent.level if parent is not None else government_level_of_name(agency) if audited is not None else None
    if level == "province" and parent is not None and any(_MUNICIPALITY.match(name) for name in parent.names):
        level = "city"  # 北京市's bureaus are "市政府各部门": a municipality is audited as a province, named as a 市
    issuer = audited.issuer(rule.notice.issuer) if audited is not None else None
    own_duty = issuer is agency and bool(rule.applies_to.get("units"))
    if not ((own_duty or applies(rule.notice.binds, agency, province=province, parent_level=level))
            and applies(rule.applies_to, agency, province=province, parent_level=level)):
        return False  # a rule naming the issuer itself ("县政府办公室要…") binds it, though the letter is to others
    places = [place for selector in (rule.notice.binds, rule.applies_to) for place in selector.get("places") or []]
    if places and not any(within_place(place, agency, audited) for place in places):
        return False  # "places: [云南省保山市]": the agencies of that city
    chosen = set(rule.notice.binds) | set(rule.applies_to)
    if chosen & {"agencies", "parents", "provinces", "places"}:
        return True
    if issuer is None:
        # an issuer that is not audited still has a place: 保山市人民政府办公室's notice binds 保山市's agencies
        return within_issuers_place(rule.notice, agency, audited)
    # a department's notice to everyone it binds ("all") is its own system's; only groups it names reach further
    own_system = issuer.level == "department" and bool(rule.notice.binds.get("all")) and not rule.applies_to.get("units")
    return within_jurisdiction(agency, issuer, audited.by_id, own_system=own_system)


def names_agency(rule: Rule, agency: Agency, audited: AuditedAgencies | None = None) -> bool:
    """Whether the rule names this agency itself — by its id, by its name (县财政局), by the work its name says it
    does (各级财政部门), or as the notice's issuer — rather than reaching it as one of a group (市政府各部门, 各单位)
    or of a place."""
    if audited is not None and audited.issuer(rule.notice.issuer) is agency:
        return True
    if audited is None and issuing_agency(rule.notice.issuer, [agency]) is agency:
        return True  # "湛江市公安局" issuing a plan for its own documents
    province = rule.notice.province
    for selector in (rule.applies_to, rule.notice.binds):
        if agency.id in (selector.get("agencies") or []):
            return True
        if any(unit_group_levels(unit) is None and unit_matches(unit, agency, province) for unit in selector.get("units") or []):
            return True
    return False


def within_place(name: str, agency: Agency, audited: AuditedAgencies | None) -> bool:
    """Whether an agency lies in a place named in a rule file (``places``: 保山市, 云南省保山市隆阳区); an agency whose
    place cannot be read is not excluded, and neither is any agency when the name is no place the codes know."""
    place = place_of(name)
    return place is None or _lies_in(place, agency, audited)


def within_issuers_place(notice: Notice, agency: Agency, audited: AuditedAgencies | None) -> bool:
    """Whether an agency lies in the place its notice's issuer names ("保山市人民政府办公室" → 保山市; the title when the
    issuer was not read: "大竹县社会救助领域…目录"), by the national division codes (:mod:`core.places`).  An agency
    whose own names and whose parents' do not say where it is stays bound, as does every agency of a notice whose
    issuer names no place (国务院办公厅)."""
    if is_national(notice.issuer or ""):
        return True
    issuer_place = place_of(notice.issuer or "") or place_of(notice.title or "")
    return issuer_place is None or _lies_in(issuer_place, agency, audited)


def _lies_in(place: Place, agency: Agency, audited: AuditedAgencies | None) -> bool:
    """Whether the agency's place is inside ``place``; an agency whose place cannot be read is not excluded."""
    where = agency_place(agency, audited)
    return where is None or place.contains(where)


def agency_place(agency: Agency, audited: AuditedAgencies | None) -> Place | None:
    """The most specific place an agency's names, or else its parents' names, say it is in."""
    seen: set[str] = set()
    current: Agency | None = agency
    while current is not None and current.id not in seen:
        seen.add(current.id)
        places = [place for place in (place_of(name, current.province) for name in current.names) if place is not None]
        if places:
            return max(places, key=lambda place: len(place.code))
        current = audited.by_id.get(current.parent) if audited is not None and current.parent else None
    return None


def issuing_agency(issuer: str, agencies: list[Agency]) -> Agency | None:
    """The audited agency that issued a notice: one whose name or alias opens the issuer's name ("汉江市人民政府" for
    "汉江市人民政府办公室"), a government before a department, the longest name first; None when none does."""
    issuer = (issuer or "").strip()
    found = [(agency.level == "department", -len(name), index)
             for index, agency in enumerate(agencies) for name in agency.names if name and issuer.startswith(name)]
    return agencies[min(found)[2]] if found else None


def within_jurisdiction(agency: Agency, issuer: Agency, by_id: dict[str, Agency], own_system: bool = False) -> bool:
    """Whether an agency lies under the issuer's government: the issuer itself, or an agency whose chain of
    ``parent`` ids reaches that government (a department's notice to groups it names reaches as far as its own
    government's: a city health commission writes to the counties' health bureaus); for a province's notice, any agency
    of the province.  ``own_system``: a department's notice to everyone it binds reaches only the department and the
    agencies under it.  ``by_id``: the audited agencies by id."""
    department = issuer.level == "department" and issuer.parent and not own_system
    government = by_id.get(issuer.parent) if department else issuer
    root = issuer.parent if department else issuer.id
    if agency.id == issuer.id:
        return True
    if government is not None and government.level == "province" and government.province \
            and agency.province == government.province:
        return True
    seen: set[str] = set()
    current_id: str | None = agency.id
    while current_id and current_id not in seen:
        if current_id == root:
            return True
        seen.add(current_id)
        current = by_id.get(current_id)
        current_id = current.parent if current is not None else None
    return False
