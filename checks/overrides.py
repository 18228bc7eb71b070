"""Appeals and overrides (申诉复核): a supervisor's reviewed verdicts that replace the machine's.

The supervisor keeps one YAML file::

    overrides:
      - agency: kaifeng                 # agency id (targets file)
        rule: henan-2017-plan           # rule id
        status: pass                    # one of core.model.FINDING_STATUSES
        reason: 单位提交了2017-06-07在政府网站发布的截图和发布记录，抓取时该页已迁移
        reviewer: 张三
        date: 2017-07-03                # when the appeal was decided
        expires: 2017-12-31             # optional: not applied to runs judged after this day

An override applies to the finding of its (agency, rule) in every run whose as-of date is on
or before its expiry: the finding's ``status`` becomes the reviewed one, ``machine_status`` keeps
what the checks found, and the ``override_*`` columns say who decided, why and until when.
Scores are computed from the reviewed status.  Errors name the file, the entry and the field on
one line, like the targets file's.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import yaml

from core.model import FINDING_STATUSES

FIELDS = ("agency", "rule", "status", "reason", "reviewer", "date", "expires")
REQUIRED = ("agency", "rule", "status", "reason", "reviewer", "date")


class _TextDatesLoader(yaml.SafeLoader):
    """YAML without implicit timestamps: a bad date (2017-13-03) is then this module's one-line
    field error, not a YAML error without the entry."""


_TextDatesLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


class OverridesError(ValueError):
    """An overrides file that cannot be used; the message is one line for the user."""


@dataclass(frozen=True)
class Override:
    agency: str
    rule: str
    status: str
    reason: str
    reviewer: str
    date: dt.date
    expires: dt.date | None
    where: str  # "file: overrides[3]" for messages

    def in_force(self, as_of: dt.date) -> bool:
        """Whether the override applies to a run judged at ``as_of`` (an expiry day still counts)."""
        return self.expires is None or as_of <= self.expires


@dataclass
class Applied:
    """What applying overrides to one run did (the CLI prints it)."""

    applied: list[Override]
    expired: list[Override]
    unmatched: list[Override]  # no finding of this (agency, rule) in the run


def load_overrides(path: str | Path, *, agency_ids: set[str] | None = None,
                   rule_ids: set[str] | None = None) -> list[Override]:
    """Read and validate an overrides file; raises OverridesError on the first problem."""
    problems, overrides = _read(Path(path), agency_ids, rule_ids)
    if problems:
        raise OverridesError(problems[0])
    return overrides


def lint_overrides(path: str | Path, *, agency_ids: set[str] | None = None,
                   rule_ids: set[str] | None = None) -> list[str]:
    """Every problem of an overrides file, one line each (empty when the file is good)."""
    return _read(Path(path), agency_ids, rule_ids)[0]


def apply_overrides(findings: list[dict], overrides: list[Override], as_of: dt.date) -> Applied:
    """Replace the status of each finding an override in force names; keep the machine's in
    ``machine_status``.  Findings are changed in place."""
    by_key = {(f["agency_id"], f["rule_id"]): f for f in findings}
    result = Applied([], [], [])
    for override in overrides:
        finding = by_key.get((override.agency, override.rule))
        if finding is None:
            result.unmatched.append(override)
            continue
        if not override.in_force(as_of):
            result.expired.append(override)
            continue
        finding.update(
            machine_status=finding["status"],
            status=override.status,
            override_reason=override.reason,
            override_reviewer=override.reviewer,
            override_date=override.date.isoformat(),
            override_expires=override.expires.isoformat() if override.expires else None,
        )
        result.applied.append(override)
    return result


# -- reading ----------------------------------------------------------------------------------


def _read(path: Path, agency_ids, rule_ids) -> tuple[list[str], list[Override]]:
    where = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return [f"{where}: 文件不存在 (file not found)"], []
    except (OSError, UnicodeDecodeError) as exc:
        return [f"{where}: 无法读取 (cannot read: {exc})"], []
    try:
        data = yaml.load(text, Loader=_TextDatesLoader)
    except (yaml.YAMLError, ValueError) as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f" line {mark.line + 1}" if mark else ""
        return [f"{where}:{line} YAML 格式错误 (invalid YAML: {getattr(exc, 'problem', exc)})"], []
    if data is None or data == {} or (isinstance(data, dict) and data.get("overrides") in (None, [])):
        return [], []  # an empty file: no appeal decided yet
    if not isinstance(data, dict) or not isinstance(data.get("overrides"), list):
        return [f"{where}: 缺少 overrides 列表 (expected a top-level 'overrides:' list)"], []

    problems: list[str] = []
    overrides: list[Override] = []
    seen: dict[tuple[str, str], int] = {}
    for index, entry in enumerate(data["overrides"], start=1):
        label = f"{where}: overrides[{index}]"
        if not isinstance(entry, dict):
            problems.append(f"{label}: 条目应为映射 (entry must be a mapping)")
            continue
        if isinstance(entry.get("agency"), str) and isinstance(entry.get("rule"), str):
            label = f"{label} ({entry['agency']} · {entry['rule']})"
        entry_problems = _entry_problems(entry, label, agency_ids, rule_ids)
        if entry_problems:
            problems += entry_problems
            continue
        override = Override(
            agency=entry["agency"], rule=entry["rule"], status=entry["status"], reason=str(entry["reason"]).strip(),
            reviewer=str(entry["reviewer"]).strip(), date=_date(entry["date"]),
            expires=_date(entry["expires"]) if entry.get("expires") is not None else None, where=label,
        )
        key = (override.agency, override.rule)
        if key in seen:
            problems.append(f"{label}: 与 overrides[{seen[key]}] 重复 (duplicate agency and rule)")
            continue
        seen[key] = index
        overrides.append(override)
    return problems, overrides


def _entry_problems(entry: dict, label: str, agency_ids, rule_ids) -> list[str]:
    problems = []
    unknown = sorted(set(entry) - set(FIELDS))
    if unknown:
        problems.append(f"{label}: 未知字段 '{unknown[0]}' (unknown field; known: {', '.join(FIELDS)})")
    for key in REQUIRED:
        if entry.get(key) in (None, ""):
            problems.append(f"{label}: 缺少字段 '{key}' (missing field '{key}')")
    if problems:
        return problems
    for key in ("agency", "rule", "status", "reviewer"):
        if not isinstance(entry[key], str):
            problems.append(f"{label}: field '{key}' 应为字符串 (must be a string)")
    if not isinstance(entry["reason"], str) or not entry["reason"].strip():
        problems.append(f"{label}: field 'reason' 应写明复核理由 (must be a non-empty text)")
    if problems:
        return problems
    if entry["status"] not in FINDING_STATUSES:
        problems.append(f"{label}: field 'status' 未知结论 {entry['status']!r} (one of: {', '.join(FINDING_STATUSES)})")
    if agency_ids is not None and entry["agency"] not in agency_ids:
        problems.append(f"{label}: field 'agency' 单位清单中没有 {entry['agency']!r} (unknown agency)")
    if rule_ids is not None and entry["rule"] not in rule_ids:
        problems.append(f"{label}: field 'rule' 规则目录中没有 {entry['rule']!r} (unknown rule)")
    for key in ("date", "expires"):
        if entry.get(key) is not None and _date(entry[key]) is None:
            problems.append(f"{label}: field '{key}' 日期无效 {entry[key]!r} (need YYYY-MM-DD)")
    decided, expires = _date(entry["date"]), _date(entry.get("expires"))
    if decided and expires and expires < decided:
        problems.append(f"{label}: field 'expires' 早于复核日期 {decided.isoformat()} (expires before it was decided)")
    return problems


def _date(value) -> dt.date | None:
    """A YAML date (2017-07-03 is read as a date) or an ISO string; None when neither."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None
