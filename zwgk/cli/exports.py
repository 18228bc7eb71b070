"""zwgk export / report: tables for the evaluation office and an agency's 整改清单."""

from __future__ import annotations

from pathlib import Path

import click

from .common import fail, write_or_fail, write_text_or_fail
from .database import open_for_reading


@click.group()
def export():
    """Export scores or findings for the evaluation office (CSV / XLSX)."""


def _export(kind, db, run_id, fmt, output, **kwargs):
    from zwgk.export import ExportError, export_findings, export_scores

    database = open_for_reading(db)  # issue 8: one line for a missing or unreadable path
    output = Path(output or f"{kind}.{fmt}")
    exporter = export_scores if kind == "scores" else export_findings
    try:
        count = write_or_fail(output, lambda path: exporter(database, run_id, fmt, path, **kwargs))
    except ExportError as exc:
        fail(str(exc))
    click.echo(f"已导出 {count} 行到 {output}", err=True)


def export_options(function):
    options = [
        click.option("--db", "-d", default="findings.db", show_default=True, type=click.Path()),
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
@click.argument("agency", required=False)
@click.option("--all", "whole_run", is_flag=True, help="通报：整次运行的排名、覆盖、突出问题和各单位整改清单（可打印的 HTML）")
@click.option("--db", "-d", default="findings.db", show_default=True, type=click.Path())
@click.option("--run", "run_id", type=int, help="运行编号（默认该单位最新一次；--all 时默认最新一次有结论的运行）")
@click.option("--format", "fmt", type=click.Choice(["html", "md"]), default="html", show_default=True)
@click.option("--output", "-o", type=click.Path(dir_okay=False),
              help="输出文件（默认打印到屏幕；--all 时默认 tongbao-运行编号.html）")
@click.option("--pdf", "pdf", type=click.Path(dir_okay=False), help="--all 时另存 PDF（需要 chromium）")
def report(agency, whole_run, db, run_id, fmt, output, pdf):
    """An agency's rectification list (整改清单), or with --all the 通报 of a whole run."""
    from zwgk.export import ExportError, rectification_list

    if whole_run:
        if agency:
            fail("--all 与单位编号不能同时使用 (give an agency id or --all, not both)")
        _tongbao(db, run_id, fmt, output, pdf)
        return
    if not agency:
        fail("请给出单位编号，或用 --all 生成整次运行的通报 (missing AGENCY or --all)")
    if pdf:
        fail("--pdf 只用于 --all (the PDF is the 通报 of a whole run)")
    database = open_for_reading(db)
    try:
        text = rectification_list(database, agency, run_id, fmt)
    except ExportError as exc:
        fail(str(exc))
    if output:
        write_text_or_fail(output, text)
        click.echo(f"已写入 {output}", err=True)
    else:
        click.echo(text)




def _tongbao(db, run_id, fmt, output, pdf):
    """zwgk report --all: the 通报 as printable HTML, and as PDF where a headless Chromium is installed."""
    from zwgk.export import ExportError
    from zwgk.tongbao import PdfError, html_to_pdf, tongbao_html

    if fmt != "html":
        fail("通报只有 HTML 格式（可打印；PDF 用 --pdf） (--all writes HTML)")
    database = open_for_reading(db)
    try:
        run_id, text = tongbao_html(database, run_id)
    except ExportError as exc:
        fail(str(exc))
    html_path = Path(output or f"tongbao-{run_id}.html")
    write_text_or_fail(html_path, text)
    click.echo(f"已写入通报 {html_path}（审计运行 #{run_id}）", err=True)
    if pdf:
        pdf_path = Path(pdf)
        pdf_path.unlink(missing_ok=True)  # a PDF left from before must not pass for this one
        try:
            html_to_pdf(html_path, pdf_path)
        except PdfError as exc:
            fail(str(exc))
        click.echo(f"已写入 PDF {pdf_path}", err=True)
