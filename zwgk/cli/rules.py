"""zwgk rules draft / lint: rule files from notices, and their checks."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import click

from checks.catalogue import RULES_DIR

from .common import fail, write_text_or_fail


@click.group()
def rules():
    """Rule files: draft them from a notice, check them (lint)."""


@rules.command()
@click.argument("notice", type=click.Path())
@click.option("--id", "notice_id", help="通知编号（默认取文件名；只用小写字母、数字和连字符）")
@click.option("--output", "-o", type=click.Path(), help="写入文件（默认打印到屏幕）")
@click.option("--compare", "compare_with", type=click.Path(dir_okay=False, exists=True),
              help="与已审定的规则文件比较：列出新草稿新增、删除、变更的规则")
@click.option("--rules-only", is_flag=True, help="只用手写规则判断义务（不用学习得到的评分模型）")
@click.option("--force", is_flag=True, help="输出文件已存在时覆盖它（默认拒绝，以免覆盖审核过的规则文件）")
def draft(notice, notice_id, output, compare_with, rules_only, force):
    """Draft a rule file from a notice (text, HTML, PDF or DOCX) for a supervisor to review."""
    from rules.draft import DraftError, draft_yaml, read_notice
    from rules.draft import draft as draft_notice

    for path, what in ((notice, "通知文件"), (output, "输出文件")):
        if path and Path(path).is_dir():
            fail(f"{path}: 是目录，请给出{what}的路径")
    if output and Path(output).exists() and not force:
        # a reviewed rule file is hours of a supervisor's work: a new draft goes beside it (--compare shows the changes)
        fail(f"{output}: 文件已存在，未覆盖；请换一个输出路径，用 --compare {output} 比较，或加 --force 覆盖")
    try:
        text = read_notice(notice)
    except DraftError as exc:
        fail(str(exc))
    if not text.strip():
        fail(f"{notice}: 文件中没有文字（空文件，或没有文字层的扫描件 PDF），无法起草")
    result = draft_notice(text, model=None) if rules_only else draft_notice(text)
    if not result.obligations:
        click.echo(f"注意：{notice} 中未找到任何义务；请确认这是通知正文（而非附件目录、新闻或工作总结）", err=True)
    # rule ids are made of the notice's id, which lint allows only in a-z 0-9 -: "BH01" becomes "bh01"
    notice_id = re.sub(r"[^a-z0-9-]+", "-", (notice_id or Path(notice).stem).lower()).strip("-") or "notice"
    document = draft_yaml(result, notice_id, source_file=str(notice))
    if compare_with:
        _print_comparison(document, Path(compare_with))
        if not output:
            return
    if output:
        write_text_or_fail(output, document)
        # the count is of a table flattened one cell per line; "|" rows are read line by line and counted nowhere
        noted = sum(1 for row in result.table if row.get("noted"))  # items with a "（…负责）" note, not a table
        rows = len(result.table) - noted
        table = "；".join([f"任务表 {rows} 行"] * bool(rows or not noted and "|" not in text)
                         + [f"{noted} 项带责任单位注"] * bool(noted)) if result.table or "|" not in text else "“|”表格按行读取"
        with_units = sum(1 for item in result.obligations if item.get("lead_units"))
        click.echo(f"已写入 {output}：{len(result.obligations)} 条义务（{with_units} 条带牵头/责任单位），{table}", err=True)
    else:
        click.echo(document)


@rules.command()
@click.option("--rules", "rules_dir", default=str(RULES_DIR), show_default=True, type=click.Path(file_okay=False))
@click.option("--targets", "-t", type=click.Path(dir_okay=False), help="报告与该清单中任何单位都不匹配的规则")
@click.option("--sources", "sources", default=None, type=click.Path(file_okay=False),
              help="通知原文目录，用于核对引文（默认：检出目录旁的 ../shared/notices）")
def lint(rules_dir, targets, sources):
    """Check every rule file: schema, kinds, dates, duplicate ids, quotes against the notices, units matching no agency."""
    from checks.lint import DEFAULT_SOURCES, lint_rules

    problems = lint_rules(rules_dir, targets, sources or DEFAULT_SOURCES)
    for problem in problems:
        click.echo(problem)
    errors = [p for p in problems if ": error: " in p]
    click.echo(f"{len(errors)} 个错误，{len(problems) - len(errors)} 个警告", err=True)
    sys.exit(1 if errors else 0)




@rules.command()
@click.option("--rules", "rules_dir", default=str(RULES_DIR), show_default=True, type=click.Path(file_okay=False))
@click.option("--targets", "-t", required=True, type=click.Path(dir_okay=False), help="受审单位清单")
@click.option("--rule", "rule_ids", multiple=True, help="只列这些规则（可重复）")
def scope(rules_dir, targets, rule_ids):
    """Which audited agencies each rule binds: the notice's binds, a rule's applies_to and the issuer's jurisdiction,
    read exactly as an audit reads them."""
    from checks.catalogue import AuditedAgencies, RulesError, load_rule_file, rule_applies, rule_files
    from core.targets import TargetsError, load_targets

    try:
        agencies = load_targets(targets)
    except TargetsError as exc:
        fail(str(exc))
    files = rule_files(Path(rules_dir)) if Path(rules_dir).is_dir() else []
    if not files:
        fail(f"{rules_dir}: 没有规则文件")
    audited = AuditedAgencies(agencies)
    shown: set[str] = set()
    for path in files:
        try:
            _notice, rules = load_rule_file(path)
        except RulesError as exc:
            fail(f"{exc.where}: {exc.problem}（请先运行 zwgk rules lint）")
        for rule in rules:
            if rule_ids and rule.id not in rule_ids:
                continue
            bound = [agency for agency in agencies if rule_applies(rule, agency, audited)]
            names = "、".join(agency.name for agency in bound) if bound else "（无：本规则不约束任何受审单位）"
            click.echo(f"{rule.id}\t{len(bound)}/{len(agencies)}\t{names}")
            shown.add(rule.id)
    missing = [rule_id for rule_id in rule_ids if rule_id not in shown]
    if missing:
        fail(f"{rules_dir} 中没有这些规则：{'、'.join(missing)}")


def _print_comparison(document: str, reviewed_path: Path) -> None:
    """What the new draft adds, drops or changes against a reviewed rule file (rules paired by quote)."""
    import yaml

    from rules.drafting.compare import binds_difference, compare_rules

    try:
        reviewed = yaml.safe_load(reviewed_path.read_text(encoding="utf-8")) or {}
    except (OSError, ValueError, yaml.YAMLError) as exc:  # ValueError: not UTF-8
        mark = getattr(exc, "problem_mark", None)
        where = f" 第 {mark.line + 1} 行" if mark else ""
        reason = " ".join(str(getattr(exc, "problem", None) or exc).split())  # one line, whatever the parser said
        fail(f"{reviewed_path}:{where} 无法读取已审定的规则文件 ({reason})")
    if (not isinstance(reviewed, dict) or not isinstance(reviewed.get("rules"), list)
            or not all(isinstance(rule, dict) for rule in reviewed["rules"])):
        fail(f"{reviewed_path}: 不是规则文件（需要 rules 列表，每条规则是一个映射）")
    draft_document = yaml.safe_load(document)
    drafted = draft_document["rules"] or []
    for line in compare_rules(reviewed["rules"], drafted).lines():
        click.echo(line)
    binds = binds_difference(reviewed, draft_document)
    if binds:
        click.echo(binds)
