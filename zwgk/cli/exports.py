"""zwgk export / report: tables for the evaluation office and an agency's 整改清单."""

from __future__ import annotations

from pathlib import Path

import click

from core import store

from .common import fail


@click.group()
def export():
    """Export scores or findings for the evaluation office (CSV / XLSX)."""


def _export(kind, db, run_id, fmt, output, **kwargs):
    from zwgk.export import ExportError, export_findings, export_scores

    if not Path(db).exists():
        fail(f"{db}: 数据库不存在")
    database = store.open_db(db)
    output = Path(output or f"{kind}.{fmt}")
    try:
        count = (export_scores if kind == "scores" else export_findings)(database, run_id, fmt, output, **kwargs)
    except ExportError as exc:
        fail(str(exc))
    click.echo(f"已导出 {count} 行到 {output}", err=True)


def export_options(function):
    options = [
        click.option("--db", "-d", default="findings.db", show_default=True, type=click.Path(dir_okay=False)),
        click.option("--run", "run_id", type=int, help="运行编号（默认最新）"),
        click.option("--format", "fmt", type=click.Choice(["csv", "xlsx"]), default="xlsx", show_default=True),
        click.option("--output", "-o", type=click.Path(dir_okay=False), help="输出文件（默认 scores.FORMAT 或 findings.FORMAT）"),
    ]
    for option in reversed(options):
        function = option(function)
    return function


@export.command("scores")
@export_options
def export_scores_command(db, run_id, fmt, output):
    """Scores per agency: Chinese headers; XLSX has one sheet per level and a frozen header row."""
    _export("scores", db, run_id, fmt, output)


@export.command("findings")
@export_options
@click.option("--all", "include_not_applicable", is_flag=True, help="包括“不适用”的结论")
def export_findings_command(db, run_id, fmt, output, include_not_applicable):
    """Findings with rule, notice sentence, deadline and evidence."""
    _export("findings", db, run_id, fmt, output, include_not_applicable=include_not_applicable)


@click.command()
@click.argument("agency")
@click.option("--db", "-d", default="findings.db", show_default=True, type=click.Path(dir_okay=False))
@click.option("--run", "run_id", type=int, help="运行编号（默认该单位最新一次）")
@click.option("--format", "fmt", type=click.Choice(["html", "md"]), default="html", show_default=True)
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="输出文件（默认打印到屏幕）")
def report(agency, db, run_id, fmt, output):
    """An agency's rectification list (整改清单): failed obligations, their sentences, deadlines, evidence."""
    from zwgk.export import ExportError, rectification_list

    if not Path(db).exists():
        fail(f"{db}: 数据库不存在")
    try:
        text = rectification_list(store.open_db(db), agency, run_id, fmt)
    except ExportError as exc:
        fail(str(exc))
    if output:
        Path(output).write_text(text, encoding="utf-8")
        click.echo(f"已写入 {output}", err=True)
    else:
        click.echo(text)


