"""The data model every stage shares: agencies, pages as the checks see them, finding statuses.

Nothing here reads files or the database; :mod:`core.targets` builds agencies from
a targets file and :mod:`core.store` builds pages from an audit database.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache
from urllib.parse import urlsplit

from core.text import to_simplified

LEVELS = ("province", "city", "county", "department")
LEVEL_LABELS = {"province": "省级", "city": "市级", "county": "县级", "department": "部门"}

# Names that notices give to whole groups of agencies, and the levels they cover.
_UNIT_GROUPS = [
    (re.compile(r"^(各级各部门|各地各部门|各地、各部门|各单位|各有关单位|各级政府和各部门|各级行政机关)$"), set(LEVELS)),
    (re.compile(r"^各级(人民)?政府$|^各级(人民)?政府办公[厅室](?:[〔（(][厅室][〕）)])?$"), set(LEVELS) - {"department"}),
    (re.compile(r"^各?市、县(?!区)|^各?州、市、县|^各?市\(州\)、县"), {"city", "county"}),  # 各市、县人民政府
    (re.compile(r"省辖市|^各市|^各州|州、市|市州|^各设区市|^市、县"), {"city"}),
    (re.compile(r"省直管县|^各县|县市区|县\(市、区\)|县（市、区）|县\(区\)|县（区）|^各区|县区|^各镇|^各乡|乡镇|街道"), {"county"}),
    (re.compile(r"[省市县区州旗](人民)?政府(各|有关|相关|各有关|各相关)(工作)?部门|省直各|省直有关|市直机关|市直各|市直有关|[县区州旗]直(机关|各|有关)"
                r"|^[省市州县区旗]级(各|有关|相关)部门|管委会各部门|^各部门|^有关部门|^各直属机构|^(省|市|县|区)?政府直属(机构|单位)|^各部门、各直属机构"
                r"|^各级(人民)?政府(工作|组成)?部门$"),
     {"department"}),
]


# The departments of one work in every government of a level: "各市教育局", "各县（市、区）生态环境局",
# "各区县(自治县)文化旅游委" — named by their work, not the governments of 各市 or 各县
_PLACE_GROUP_DEPARTMENT = re.compile(
    r"^各(?P<place>省|设区市|市州|市[(（]州[)）]|市|州|盟|县[(（]市、区[)）]|县[(（]区[)）]|县[(（]市[)）]|县市区|区县|县区|县|区|旗)"
    r"(?:[(（](?:自治县|含[^)）]{1,10})[)）])?(?P<work>[\u4e00-\u9fff]{2,10}?)(?:[(（][\u4e00-\u9fff、]{1,8}[)）])?(?:局|委员会|委|厅|办公室|办)$")
_PLACE_GROUP_LEVELS = {"省": "province", "设区市": "city", "市州": "city", "市": "city", "州": "city", "盟": "city"}


def _place_group_department(unit: str) -> re.Match | None:
    match = _PLACE_GROUP_DEPARTMENT.match(unit.strip())
    return match if match and not re.match(r"(人民)?政府|有关|相关|直属|其他|各", match.group("work")) else None


def unit_group_levels(unit: str) -> set[str] | None:
    """Levels named by a group name (各省辖市 → city, 省政府各部门 → department), else None."""
    if _place_group_department(unit):
        return None  # "各市教育局": a group of departments named by their work (function_group)
    for pattern, levels in _UNIT_GROUPS:
        if pattern.search(unit):
            return levels
    return None


# The government level a group of departments belongs to, from its place word: 省政府各部门 → province, 市直各单位 →
# city, 县政府各部门/区直机关 → county.
_DEPARTMENT_GROUP_PLACES = [
    (re.compile(r"^各?省|省直|省级"), "province"),
    (re.compile(r"^各?[市州盟]|[市州盟]直|[市州盟]级"), "city"),
    (re.compile(r"^各?[县区旗]|[县区旗]直|[县区旗]级"), "county"),
]


def department_group_place(unit: str) -> str | None:
    """For a group of departments (县政府各部门), the level of the government they belong to; None for any other
    name or a group without a place word (各部门)."""
    placed = _place_group_department(unit)
    if placed:  # "各市教育局" → the cities' bureaus, "各县（区）教育局" → the counties'
        return _PLACE_GROUP_LEVELS.get(re.sub(r"[(（].*", "", placed.group("place")), "county")
    if unit_group_levels(unit) != {"department"}:
        return None
    return next((level for pattern, level in _DEPARTMENT_GROUP_PLACES if pattern.search(unit.strip())), None)


# A group of departments named by what they do: "各级财政部门", "各级市场监管部门", "各级税务机关", "县级教育行政部门".
_FUNCTION_GROUP = re.compile(r"^(?:各级|各|全[省市县区]各级|[省市县区]级|[省市县区]、[县区]两级)?([\u4e00-\u9fff]{2,10}?)"
                             r"(?:行政)?(?:主管)?(?:部门|机关)$")
_NOT_A_FUNCTION = re.compile(r"^(政府|有关|相关|行政|执法|职能|业务|组成|直属|其他|各|承办|起草|责任|牵头|配合|成员|试点)")


def function_group(unit: str) -> str | None:
    """The work a group of departments is named by ("各级财政部门" → 财政), in the form agency names are compared in
    (:func:`function_name_form`); None for any other name."""
    placed = _place_group_department(unit)
    if placed:
        return function_name_form(placed.group("work"))
    match = _FUNCTION_GROUP.match(unit.strip())
    if not match or unit_group_levels(unit) is not None or _NOT_A_FUNCTION.match(match.group(1)):
        return None
    return function_name_form(match.group(1))


def function_name_form(name: str) -> str:
    """A name with the long forms of the work shortened as notices write them: 市场监督管理 → 市场监管, 住房和城乡建设 →
    住房城乡建设, 人力资源和社会保障 → 人力资源社会保障, 发展和改革 → 发展改革; 人民政府 → 政府 (its 民政 is no work)."""
    return name.replace("人民政府", "政府").replace("监督管理", "监管").replace("和", "")


# An agency's internal section named without a place ("办公室", "医政医管股", "各科室", "局属各单位"): it names no
# agency of a targets file, only a part of the issuer
# (a 街道办事处 is a sub-district's government, not a 处)
_INTERNAL_SECTION = re.compile(r"(综合)?办公室|[\u4e00-\u9fff]{1,8}(科|股)|(?![省市县区州旗镇乡])(?![\u4e00-\u9fff]{0,8}办事处$)[\u4e00-\u9fff]{1,8}[处室]"
                               r"|各?(科室|股室|处室)|各?[局委厅办](?:[(（][局委厅办][)）])?(机关|属|直属)各?(单位|科室|处室|股室)?")


@lru_cache(maxsize=4096)  # called for every unit name against every agency
def is_internal_section(unit: str) -> bool:
    """Whether a unit named in a notice is a section of the issuer ("艺术处", "各處室"), in either script."""
    return bool(_INTERNAL_SECTION.fullmatch(to_simplified(unit.strip())))


# Finding statuses, in the order supervisors read them, with the Chinese label they see.
STATUS_LABELS = {
    "pass": "通过",
    "fail": "未通过",
    "error": "无法核查",
    "manual": "需人工核实",
    "pending": "未到期",
    "not_applicable": "不适用",
}
FINDING_STATUSES = tuple(STATUS_LABELS)


@dataclass(frozen=True)
class Agency:
    id: str
    name: str
    level: str
    urls: tuple[str, ...]
    province: str | None = None
    parent: str | None = None
    aliases: tuple[str, ...] = field(default_factory=tuple)
    scope: tuple[str, ...] = field(default_factory=tuple)  # URL prefixes this agency owns (targets `scope:`)

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)

    @property
    def scopes(self) -> list[tuple[str, str]]:
        """(host:port, path prefix) pairs that are in scope for this agency's crawl.

        A start URL at the site root puts the whole host in scope; a start URL
        below the root (a department hosted on its government's portal) keeps
        the crawl within that directory.  An explicit ``scope`` (URL prefixes)
        replaces what the start URLs imply.
        """
        result = []
        for url in self.scope or self.urls:
            parts = urlsplit(url)
            path = parts.path or "/"
            if self.scope:
                prefix = path  # a declared prefix is taken as written
            else:
                prefix = path if path.endswith("/") else path.rsplit("/", 1)[0] + "/"
            result.append((parts.netloc.lower(), prefix))
        return result


@dataclass
class Page:
    """A crawled page as the checks see it (no body text: findings cite, they don't quote)."""

    url: str
    title: str | None
    title_simplified: str | None
    published: str | None
    page_type: str | None
    column: str | None
    doc_number: str | None
    spam: int = 0

    @property
    def published_date(self) -> dt.date | None:
        return dt.date.fromisoformat(self.published) if self.published else None

    @property
    def display_title(self) -> str:
        return self.title_simplified or self.title or ""
