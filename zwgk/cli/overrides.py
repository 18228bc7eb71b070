"""zwgk overrides lint, and the ``--overrides FILE`` option of audit and check (申诉复核)."""

from __future__ import annotations

import datetime as dt
import sys

import click

from checks.catalogue import RULES_DIR

from .common import fail

overrides_option = click.option(
    "--overrides", "overrides", type=click.Path(dir_okay=False),
    help="申诉复核文件 (YAML)：督查人员复核后的结论，替换机器判断（见 README “申诉复核”）",
)


def load_or_fail(path: str | None, rule_ids: set[str] | None = None):
    """The overrides of ``path`` (empty without one), or one line naming file, entry and field."""
    from checks.overrides import OverridesError, load_overrides

    if not path:
        return []
    try:
        return load_overrides(path, rule_ids=rule_ids)
    except OverridesError as exc:
        fail(str(exc))


def report_applied(overrides, as_of: dt.date | None, agency_ids: set[str], rule_ids: set[str]) -> None:
    """One line: how many overrides applied, and which did not (expired, or naming no finding of the run)."""
    if not overrides:
        return
    as_of = as_of or dt.date.today()
    expired = [o for o in overrides if not o.in_force(as_of)]
    unmatched = [o for o in overrides if o.agency not in agency_ids or o.rule not in rule_ids]
    applied = len(overrides) - len({id(o) for o in expired + unmatched})
    parts = [f"申诉复核：已应用 {applied} 条"]
    if expired:
        parts.append(f"已过期未应用 {len(expired)} 条（" + "、".join(
            f"{o.agency} · {o.rule} 有效至 {o.expires}" for o in expired[:5]) + "）")
    if unmatched:
        parts.append(f"本次运行中没有对应结论 {len(unmatched)} 条（" + "、".join(
            f"{o.agency} · {o.rule}" for o in unmatched[:5]) + "）")
    click.echo("，".join(parts), err=True)


@click.group()
def overrides():
    """Appeals and overrides (申诉复核): check the supervisor's overrides file."""


@overrides.command("lint")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--targets", "-t", type=click.Path(dir_okay=False), help="单位清单：报告清单中没有的单位")
@click.option("--rules", "rules_dir", default=str(RULES_DIR), show_default=True, type=click.Path(file_okay=False),
              help="规则目录：报告目录中没有的规则")
def lint(file, targets, rules_dir):
    """Check an overrides file: fields, statuses, dates, duplicates, unknown agencies (with --targets) and rules."""
    from checks.catalogue import RulesError, load_catalogue
    from checks.overrides import lint_overrides
    from core.targets import TargetsError, load_targets

    try:
        agency_ids = {a.id for a in load_targets(targets)} if targets else None
        catalogue = load_catalogue(rules_dir)
    except (TargetsError, RulesError) as exc:
        fail(str(exc))
    rule_ids = {r.id for r in catalogue.all_rules}  # the built-in checks included
    problems = lint_overrides(file, agency_ids=agency_ids, rule_ids=rule_ids)
    for problem in problems:
        click.echo(problem)
    click.echo(f"{len(problems)} 个错误" if problems else f"{file}: 没有发现问题", err=True)
    sys.exit(1 if problems else 0)
