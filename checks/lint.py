"""``zwgk rules lint``: every problem of every rule file, one line each (``file: rule: error|warning: …``)."""

from __future__ import annotations

from pathlib import Path

from core.targets import TargetsError, load_targets
from core.text import comparable

from .catalogue import (
    AuditedAgencies,
    RulesError,
    government_level_of_name,
    load_rule_file,
    rule_applies,
    rule_files,
    unit_matches,
)
from .kinds import KINDS, param_problems

# The source notices live in ../shared/notices beside the repository (`zwgk rules lint --sources DIR`).
DEFAULT_SOURCES = Path(__file__).resolve().parent.parent.parent / "shared" / "notices"


def source_path(source_file: str, sources: Path) -> Path | None:
    """Where a notice's ``source_file`` (``notices/000_….txt``, a bare name, or absolute) is in ``sources``."""
    given = Path(source_file)
    candidates = [given] if given.is_absolute() else [sources / given, sources / given.name, sources.parent / given]
    return next((c for c in candidates if c.is_file()), None)


def _places_bound(notice, rules, audited: AuditedAgencies) -> list[str] | None:
    """The places (each agency's ``parent``, else its province) whose agencies the notice's rules bind, when the
    issuer is not an audited agency (so no jurisdiction narrows them, ``checks.catalogue.rule_applies``), the file
    names no provinces or parents, and they are more than one; None otherwise."""
    if audited.issuer(notice.issuer) is not None or set(notice.binds) & {"provinces", "places", "parents", "agencies"}:
        return None
    places = sorted({a.parent or a.province or a.id for a in audited.agencies
                     if any(rule_applies(rule, a, audited) for rule in rules)})
    return places if len(places) > 1 else None


def _quote_and_parameter_problems(where: str, quote, kind: str | None, params: dict | None, notice,
                                  source_text: str | None) -> list[str]:
    """A rule's quote missing from its notice's text, and the parameters its kind does not read."""
    problems = []
    if source_text is not None and quote and comparable(str(quote)) not in source_text:
        problems.append(f"{where}: error: quote not found in {notice.source_file}")
    if kind in KINDS and params is not None:
        _errors, unread = param_problems(KINDS[kind], params, notice)
        problems.extend(f"{where}: error: parameter '{name}' is not read by kind {kind}" for name in unread)
    return problems


def lint_rules(rules_dir: str | Path, targets: str | Path | None = None,
               sources: str | Path = DEFAULT_SOURCES) -> list[str]:
    """Every problem, one line each.  A rule file naming a ``source_file`` that cannot be read from
    ``sources`` is an error: its quotes would otherwise go unchecked and lint would pass silently."""
    rules_dir, sources = Path(rules_dir), Path(sources)
    problems: list[str] = []
    sources_missing_reported = False
    agencies = []
    if targets:
        try:
            agencies = load_targets(targets)
        except TargetsError as exc:
            return [f"{exc}: error: targets file unusable"]
        ids = {agency.id for agency in agencies}
        for agency in agencies:
            if agency.level == "department" and agency.parent and agency.parent not in ids \
                    and government_level_of_name(agency) is None:
                problems.append(f"{targets}: {agency.id}: warning: 上级 '{agency.parent}' 不在目标文件中，名称中也读不出所属政府层级，"
                                f"“省政府各部门”“县直各单位”等按地区的部门泛称无法判断该部门属哪一级政府 (parent not in the targets file)")
    audited = AuditedAgencies(agencies)
    seen: dict[str, Path] = {}
    unmatched: dict[tuple[Path, str], list[str]] = {}  # (file, unit) → the rules naming a unit no agency answers to
    files = rule_files(rules_dir)
    if not files:
        return [f"{rules_dir}: error: no rule files"]
    for path in files:
        failed: list[tuple[RulesError, object]] = []
        try:
            notice, rules = load_rule_file(path, failed)
        except RulesError as exc:
            problems.append(f"{exc.where}: error: {exc.problem}")
            continue
        problems.extend(f"{exc.where}: error: {exc.problem}" for exc, _entry in failed)
        source_text = None
        if notice.source_file:
            found = source_path(notice.source_file, sources)
            if found is not None:
                source_text = comparable(found.read_text(encoding="utf-8"))
            elif not sources.is_dir():
                if not sources_missing_reported:
                    problems.append(f"{sources}: error: 通知原文目录不存在，引文未核对 (notices folder not found: "
                                    f"quotes not checked; give it with --sources DIR)")
                    sources_missing_reported = True
            else:
                problems.append(f"{path}: error: 通知原文 {notice.source_file} 不在 {sources} 中，引文未核对 "
                                f"(source file not found: quotes not checked)")
        for field in ("title", "issuer"):
            if getattr(notice, field).strip().upper() == "TODO":
                problems.append(f"{path}: warning: notice.{field} 仍为 TODO：起草时未读出，请按通知填写 (placeholder left by rules draft)")
        if notice.published and notice.issued and notice.published < notice.issued:
            problems.append(f"{path}: warning: notice.published（{notice.published}）早于 issued（{notice.issued}）：通知不会在"
                            f"印发前发布，请核对两个日期 (published before issued)")
        if notice.binds.get("all") and not set(notice.binds) & {"provinces", "places", "parents", "levels", "units"}:
            problems.append(f"{path}: warning: binds 为 all：签发机关不是受审单位时，本通知约束所有受审单位，不分地区"
                            f"（是受审单位时只约束其辖区）；如只约束签发机关所在地区，请写 provinces 或 parents；"
                            f"zwgk rules scope --targets 列出每条规则约束的单位 (binds every audited agency anywhere "
                            f"unless the issuer is audited)")
        spread = _places_bound(notice, rules, audited) if agencies else None
        if spread:
            problems.append(f"{path}: warning: 签发机关 {notice.issuer} 不在 {targets} 中，本通知约束 {len(spread)} 个地区的单位"
                            f"（{'、'.join(spread[:4])}）：如只约束本地区，请在 binds 中写 provinces 或 parents "
                            f"(binds agencies of several places)")
        for exc, entry in failed:  # a rule that could not be read still has a quote and parameters to check
            entry = entry if isinstance(entry, dict) else {}
            params = entry.get("params") or {}
            problems.extend(_quote_and_parameter_problems(
                exc.where, entry.get("quote"), entry.get("kind"), params if isinstance(params, dict) else None, notice, source_text))
        for rule in rules:
            if rule.id in seen:
                problems.append(f"{path}: {rule.id}: error: duplicate rule id (also in {seen[rule.id].name})")
            seen[rule.id] = path
            problems.extend(_quote_and_parameter_problems(f"{path}: {rule.id}", rule.quote, rule.kind, rule.params, notice,
                                                          source_text))
            kind = KINDS[rule.kind]
            vague = getattr(kind, "vague", None)  # web-checkable kinds say when a rule's criteria prove nothing
            problem = vague(rule.params, notice) if vague and kind.WEB_CHECKABLE else None
            if problem:
                problems.append(f"{path}: {rule.id}: warning: no concrete evidence criteria: {problem}")
            if agencies and not any(rule_applies(rule, a, audited) for a in agencies):
                problems.append(f"{path}: {rule.id}: warning: applies to no agency in {targets}")
            for unit in rule.applies_to.get("units", []):
                if agencies and not any(unit_matches(unit, a, notice.province) for a in agencies):
                    unmatched.setdefault((path, unit), []).append(rule.id)
    # one line per unit and file, not one per rule: a task table names the same units on every row
    for (path, unit), rule_ids in unmatched.items():
        shown = ", ".join(rule_ids[:5]) + (f" … ({len(rule_ids)} rules)" if len(rule_ids) > 5 else "")
        problems.append(f"{path}: {shown}: warning: unit '{unit}' matches no agency in {targets}")
    return problems
