"""The targets file: which agencies are audited, and where their portals are.

Format (YAML)::

    agencies:
      - id: luoyang                 # stable id, [a-z0-9-]
        name: 洛阳市人民政府
        level: city                 # province | city | county | department
        province: 河南省               # optional; 河南 / 河南省 both read as 河南省
        parent: henan               # optional
        aliases: [洛阳市政府]        # optional
        urls: [http://127.0.0.1:8801/]

Errors are raised as :class:`TargetsError` with one line naming the file, the
entry and the field, so the CLI can print it without a traceback.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from .model import LEVELS, Agency

_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")

# The 34 provincial-level divisions by their full names, the form notices write in ``binds.provinces``
# (河南省, 广西壮族自治区).  A targets file may use the short form (河南, 广西, 北京) or a common variant
# (广西自治区); anything else is rejected, because an unknown province silently matches no notice.
PROVINCES = (
    "北京市", "天津市", "上海市", "重庆市",
    "河北省", "山西省", "辽宁省", "吉林省", "黑龙江省", "江苏省", "浙江省", "安徽省", "福建省", "江西省", "山东省",
    "河南省", "湖北省", "湖南省", "广东省", "海南省", "四川省", "贵州省", "云南省", "陕西省", "甘肃省", "青海省",
    "台湾省",
    "内蒙古自治区", "广西壮族自治区", "西藏自治区", "宁夏回族自治区", "新疆维吾尔自治区",
    "香港特别行政区", "澳门特别行政区",
)
_SUFFIXES = ("特别行政区", "维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "省", "市")


def _short(name: str) -> str:
    for suffix in _SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix) + 1:
            return name[: -len(suffix)]
    return name


_BY_SHORT = {_short(full): full for full in PROVINCES}


def normalise_province(name: str) -> str | None:
    """The full name of a provincial-level division from its full or short form (河南 → 河南省,
    广西 / 广西自治区 → 广西壮族自治区, 北京 → 北京市); None when it names none of them."""
    name = re.sub(r"\s+", "", name or "")
    if name in PROVINCES:
        return name
    short = _short(name)
    full = _BY_SHORT.get(short)
    suffix = name[len(short):]
    # 河南市 is no province: a suffix must be the division's own (广西自治区 keeps 自治区)
    return full if full and full.endswith(suffix) else None


class TargetsError(ValueError):
    """A targets file that cannot be used; the message is one line for the user."""


def load_targets(path: str | Path) -> list[Agency]:
    path = Path(path)
    where = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise TargetsError(f"{where}: 文件不存在 (file not found)") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise TargetsError(f"{where}: 无法读取 (cannot read: {exc})") from None
    try:
        data = yaml.safe_load(text)
    except (yaml.YAMLError, ValueError) as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f" line {mark.line + 1}" if mark else ""
        raise TargetsError(f"{where}:{line} YAML 格式错误 (invalid YAML: {getattr(exc, 'problem', exc)})") from None
    if isinstance(data, dict) and data.get("agencies") == []:
        raise TargetsError(f"{where}: agencies 列表为空，没有要审计的单位 (the 'agencies' list is empty)")
    if not isinstance(data, dict) or not isinstance(data.get("agencies"), list) or not data["agencies"]:
        raise TargetsError(f"{where}: 缺少 agencies 列表 (expected a top-level 'agencies:' list)")

    agencies: list[Agency] = []
    seen: dict[str, int] = {}
    for index, entry in enumerate(data["agencies"], start=1):
        label = f"{where}: agencies[{index}]"
        if not isinstance(entry, dict):
            raise TargetsError(f"{label}: 条目应为映射 (entry must be a mapping)")
        if isinstance(entry.get("id"), str):
            label = f"{where}: agencies[{index}] (id={entry['id']})"
        agencies.append(_parse_agency(entry, label))
        agency_id = agencies[-1].id
        if agency_id in seen:
            raise TargetsError(f"{label}: field 'id' 重复 (duplicate id, first at agencies[{seen[agency_id]}])")
        seen[agency_id] = index

    ids = set(seen)
    for index, agency in enumerate(agencies, start=1):
        if agency.parent and agency.parent not in ids:
            # A parent outside the file is allowed (the supervising government
            # may not be audited itself) but must still be a well-formed id.
            if not _ID.match(agency.parent):
                raise TargetsError(
                    f"{where}: agencies[{index}] (id={agency.id}): field 'parent' 不是合法的 id ({agency.parent!r})"
                )
    return agencies


def _parse_agency(entry: dict, label: str) -> Agency:
    known = {"id", "name", "level", "province", "parent", "aliases", "urls", "scope"}
    # an unknown field first: a typo (levle:) is the cause of the "missing level" that follows it
    unknown = sorted(set(entry) - known)
    if unknown:
        raise TargetsError(f"{label}: 未知字段 '{unknown[0]}' (unknown field; known: {', '.join(sorted(known))})")
    for key in ("id", "name", "level", "urls"):
        if entry.get(key) in (None, "", []):
            raise TargetsError(f"{label}: 缺少字段 '{key}' (missing field '{key}')")
    agency_id = entry["id"]
    if not isinstance(agency_id, str) or not _ID.match(agency_id):
        raise TargetsError(f"{label}: field 'id' 只能包含 a-z 0-9 - (got {agency_id!r})")
    if not isinstance(entry["name"], str):
        raise TargetsError(f"{label}: field 'name' 应为字符串 (must be a string)")
    level = entry["level"]
    if level not in LEVELS:
        raise TargetsError(f"{label}: field 'level' 未知级别 {level!r} (one of: {', '.join(LEVELS)})")
    urls = entry["urls"]
    if isinstance(urls, str):
        urls = [urls]
    if not isinstance(urls, list):
        raise TargetsError(f"{label}: field 'urls' 应为列表 (must be a list of URLs)")
    for url in urls:
        parts = urlsplit(str(url))
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise TargetsError(f"{label}: field 'urls' 网址无效 {url!r} (need http:// or https:// with a host)")
        try:
            parts.port
        except ValueError:
            raise TargetsError(f"{label}: field 'urls' 端口无效 {url!r}") from None
    scope = entry.get("scope") or []
    if isinstance(scope, str):
        scope = [scope]
    if not isinstance(scope, list):
        raise TargetsError(f"{label}: field 'scope' 应为网址前缀列表 (must be a list of URL prefixes)")
    for prefix in scope:
        try:
            parts = urlsplit(str(prefix))
            parts.port
        except ValueError:
            raise TargetsError(f"{label}: field 'scope' 网址无效 {prefix!r}") from None
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise TargetsError(f"{label}: field 'scope' 网址无效 {prefix!r} (need http:// or https:// with a host)")
    aliases = entry.get("aliases") or []
    if isinstance(aliases, str):
        aliases = [aliases]
    if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
        raise TargetsError(f"{label}: field 'aliases' 应为字符串列表 (must be a list of names)")
    for key in ("province", "parent"):
        if entry.get(key) is not None and not isinstance(entry[key], str):
            raise TargetsError(f"{label}: field '{key}' 应为字符串 (must be a string)")
    province = entry.get("province") or None
    if province is not None:
        province = normalise_province(province)
        if province is None:
            raise TargetsError(f"{label}: field 'province' 未知省份 {entry['province']!r} "
                               f"(one of: {'、'.join(PROVINCES)}; short forms such as 河南 are accepted)")
    return Agency(
        id=agency_id,
        name=entry["name"].strip(),
        level=level,
        urls=tuple(str(u) for u in urls),
        province=province,
        parent=entry.get("parent"),
        aliases=tuple(aliases),
        scope=tuple(str(p) for p in scope),
    )
