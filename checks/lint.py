"""``zwgk rules lint``: every problem of every rule file, one line each (``file: rule: error|warning: …``)."""

from __future__ import annotations

from pathlib import Path

from core.targets import TargetsError, load_targets
from core.text import comparable

from .catalogue import (
    CALENDAR_FILE_NAME,
    RulesError,
    load_rule_file,
    rule_applies,
    unit_matches,
)
from .kinds import KINDS, param_problems

# The source notices live in ../shared/notices beside the repository.
NOTICE_DIRS = [Path(__file__).resolve().parent.parent.parent / "shared"]


def lint_rules(rules_dir: str | Path, targets: str | Path | None = None) -> list[str]:
    rules_dir = Path(rules_dir)
    problems: list[str] = []
    agencies = []
    if targets:
        try:
            agencies = load_targets(targets)
        except TargetsError as exc:
            return [f"{exc}: error: targets file unusable"]
    seen: dict[str, Path] = {}
    files = sorted(p for p in rules_dir.glob("*.yaml") if p.name != CALENDAR_FILE_NAME)
    if not files:
        return [f"{rules_dir}: error: no rule files"]
    for path in files:
        try:
            notice, rules = load_rule_file(path)
        except RulesError as exc:
            problems.append(f"{exc.where}: error: {exc.problem}")
            continue
        source_text = None
        if notice.source_file:
            for base in NOTICE_DIRS:
                candidate = base / notice.source_file
                if candidate.exists():
                    source_text = comparable(candidate.read_text(encoding="utf-8"))
        for rule in rules:
            if rule.id in seen:
                problems.append(f"{path}: {rule.id}: error: duplicate rule id (also in {seen[rule.id].name})")
            seen[rule.id] = path
            if source_text is not None and comparable(rule.quote) not in source_text:
                problems.append(f"{path}: {rule.id}: error: quote not found in {notice.source_file}")
            _errors, unread = param_problems(KINDS[rule.kind], rule.params, notice)
            for name in unread:
                problems.append(f"{path}: {rule.id}: warning: parameter '{name}' is not read by kind {rule.kind}")
            if agencies and not any(rule_applies(rule, a) for a in agencies):
                problems.append(f"{path}: {rule.id}: warning: applies to no agency in {targets}")
            for unit in rule.applies_to.get("units", []):
                if agencies and not any(unit_matches(unit, a, notice.province) for a in agencies):
                    problems.append(f"{path}: {rule.id}: warning: unit '{unit}' matches no agency in {targets}")
    return problems
