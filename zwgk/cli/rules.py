"""zwgk rules draft / lint: rule files from notices, and their checks."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import click

from checks.catalogue import RULES_DIR

from .common import fail


@click.group()
def rules():
    """Rule files: draft them from a notice, check them (lint)."""


@rules.command()
@click.argument("notice", type=click.Path(dir_okay=False))
@click.option("--id", "notice_id", help="通知编号（默认取文件名）")
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="写入文件（默认打印到屏幕）")
def draft(notice, notice_id, output):
    """Draft a rule file from a notice (text, HTML, PDF or DOCX) for a supervisor to review."""
    from rules.draft import DraftError, draft_yaml, read_notice
    from rules.draft import draft as draft_notice

    try:
        text = read_notice(notice)
    except DraftError as exc:
        fail(str(exc))
    result = draft_notice(text)
    notice_id = notice_id or re.sub(r"[^a-z0-9-]+", "-", Path(notice).stem.lower()).strip("-") or "notice"
    document = draft_yaml(result, notice_id, source_file=str(notice))
    if output:
        Path(output).write_text(document, encoding="utf-8")
        click.echo(f"已写入 {output}：{len(result.obligations)} 条义务，任务表 {len(result.table)} 行", err=True)
    else:
        click.echo(document)


@rules.command()
@click.option("--rules", "rules_dir", default=str(RULES_DIR), show_default=True, type=click.Path(file_okay=False))
@click.option("--targets", "-t", type=click.Path(dir_okay=False), help="报告与该清单中任何单位都不匹配的规则")
def lint(rules_dir, targets):
    """Check every rule file: schema, kinds, dates, duplicate ids, units matching no agency."""
    from checks.lint import lint_rules

    problems = lint_rules(rules_dir, targets)
    for problem in problems:
        click.echo(problem)
    errors = [p for p in problems if ": error: " in p]
    click.echo(f"{len(errors)} 个错误，{len(problems) - len(errors)} 个警告", err=True)
    sys.exit(1 if errors else 0)


