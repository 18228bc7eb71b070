"""``zwgk rules lint``: every problem of every rule file, one line each (``file: rule: error|warning: …``)."""

from __future__ import annotations

import re
from pathlib import Path

from .rules import CALENDAR_FILE_NAME, RulesError, load_rule_file, rule_applies, unit_matches
from .targets import TargetsError, load_targets

# The source notices live in ../shared/notices beside the repository.
NOTICE_DIRS = [Path(__file__).resolve().parent.parent.parent / "shared"]


def _normalise(text: str) -> str:
    from crawler.extract import normalise_width, to_simplified

    text = re.sub(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)", "", text)  # pinyin noise: 關(guān)
    return re.sub(r"\s+", "", to_simplified(normalise_width(text)))


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
                    source_text = _normalise(candidate.read_text(encoding="utf-8"))
        for rule in rules:
            if rule.id in seen:
                problems.append(f"{path}: {rule.id}: error: duplicate rule id (also in {seen[rule.id].name})")
            seen[rule.id] = path
            if source_text is not None and _normalise(rule.quote) not in source_text:
                problems.append(f"{path}: {rule.id}: error: quote not found in {notice.source_file}")
            if agencies and not any(rule_applies(rule, a) for a in agencies):
                problems.append(f"{path}: {rule.id}: warning: applies to no agency in {targets}")
            for unit in rule.applies_to.get("units", []):
                if agencies and not any(unit_matches(unit, a, notice.province) for a in agencies):
                    problems.append(f"{path}: {rule.id}: warning: unit '{unit}' matches no agency in {targets}")
    return problems
