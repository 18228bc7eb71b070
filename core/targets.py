"""The targets file: which agencies are audited, and where their portals are.

Format (YAML)::

    agencies:
      - id: luoyang                 # stable id, [a-z0-9-]
        name: 洛阳市人民政府
        level: city                 # province | city | county | department
        province: 河南省
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
    known = {"id", "name", "level", "province", "parent", "aliases", "urls"}
    for key in ("id", "name", "level", "urls"):
        if entry.get(key) in (None, "", []):
            raise TargetsError(f"{label}: 缺少字段 '{key}' (missing field '{key}')")
    unknown = sorted(set(entry) - known)
    if unknown:
        raise TargetsError(f"{label}: 未知字段 '{unknown[0]}' (unknown field; known: {', '.join(sorted(known))})")
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
    aliases = entry.get("aliases") or []
    if isinstance(aliases, str):
        aliases = [aliases]
    if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
        raise TargetsError(f"{label}: field 'aliases' 应为字符串列表 (must be a list of names)")
    for key in ("province", "parent"):
        if entry.get(key) is not None and not isinstance(entry[key], str):
            raise TargetsError(f"{label}: field '{key}' 应为字符串 (must be a string)")
    return Agency(
        id=agency_id,
        name=entry["name"].strip(),
        level=level,
        urls=tuple(str(u) for u in urls),
        province=entry.get("province"),
        parent=entry.get("parent"),
        aliases=tuple(aliases),
    )
