"""The ``zwgk`` command line: thin wrappers over zwgk.audit, crawler and checks."""

from __future__ import annotations

import json
import re
import shutil
import sys
import tempfile
import time
import unicodedata
from pathlib import Path

import click

from checks import storage
from checks.rules import RULES_DIR, RulesError, load_catalogue
from checks.targets import TargetsError, load_targets
from zwgk import audit as audit_mod

STATUS_LABELS = {"pass": "通过", "fail": "未通过", "error": "无法核查", "manual": "需人工核实", "not_applicable": "不适用"}


def _fail(message: str, code: int = 2):
    click.echo(f"错误：{message}", err=True)
    sys.exit(code)


def crawl_options(function):
    options = [
        click.option("--max-pages", default=300, show_default=True, type=click.IntRange(1), help="每个单位最多抓取的页面数"),
        click.option("--max-depth", default=4, show_default=True, type=click.IntRange(0), help="从起始页出发的最大链接深度"),
        click.option("--concurrency", type=click.IntRange(1), help="同时进行的请求总数（默认 48）"),
        click.option("--per-agency", type=click.IntRange(1), help="对同一单位网站同时进行的请求数（默认 4）"),
        click.option("--delay", type=click.FloatRange(0), help="对同一单位两次请求之间的间隔秒数（默认 0）"),
        click.option("--processes", type=click.IntRange(1), help="并行抓取的进程数（默认每个 CPU 核一个）"),
        click.option("--verbose", is_flag=True, help="显示 Scrapy 日志"),
    ]
    for option in reversed(options):
        function = option(function)
    return function


def _options(max_pages, max_depth, concurrency, per_agency, delay, verbose, processes=None, progress_interval=5.0):
    return audit_mod.CrawlOptions(
        max_pages=max_pages, max_depth=max_depth, concurrency=concurrency, per_agency=per_agency, delay=delay,
        log_level="INFO" if verbose else "WARNING", progress_interval=progress_interval, processes=processes,
    )


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="zwgk-audit")
def cli():
    """zwgk-audit：核查政府网站是否落实政务公开通知要求。

    Crawl agency portals, check the rules of 政务公开 notices, write findings to SQLite, browse them in Datasette.
    """


@cli.command()
@click.option("--targets", "-t", required=True, type=click.Path(dir_okay=False), help="被检查单位清单 (YAML)")
@click.option("--db", "-d", default="findings.db", show_default=True, type=click.Path(dir_okay=False), help="审计数据库 (SQLite)")
@click.option("--rules", "rules_dir", type=click.Path(file_okay=False), help=f"规则目录（默认 {RULES_DIR}）")
@click.option("--resume", type=int, default=None, help="续抓被中断的运行 RUN_ID（见 audit_runs 表）")
@click.option("--evaluation-points", default=4.0, show_default=True, type=click.FloatRange(0),
              help="政务公开在绩效考核中的分值，得分按此折算")
@crawl_options
def audit(targets, db, rules_dir, resume, evaluation_points, **crawl):
    """Crawl, check and score in one run (一次完整审计)."""
    _run_audit(targets, db, rules_dir, resume, _options(**crawl), evaluation_points=evaluation_points)


def _run_audit(targets, db, rules_dir, resume, options, quiet=False, evaluation_points=4.0):
    started = time.monotonic()
    try:
        database, run_id, agencies, catalogue = audit_mod.prepare_run(db, targets, rules_dir, options, resume)
    except (TargetsError, RulesError, audit_mod.AuditError) as exc:
        _fail(str(exc))
    click.echo(f"审计运行 #{run_id}：{len(agencies)} 个单位，{len(catalogue.rules)} 条规则 → {db}", err=True)
    status = audit_mod.crawl(database, run_id, targets, db, options, resume=bool(resume))
    if status == "interrupted":
        _fail(f"抓取被中断，已保存的页面不会丢失。续抓：zwgk audit --targets {targets} --db {db} --resume {run_id}", 130)
    counts = audit_mod.check(database, run_id, agencies, catalogue, evaluation_points)
    if not quiet:
        _print_scorecard(database, run_id)
    pages = storage.get_run(database, run_id)["pages"]
    click.echo(
        f"完成：运行 #{run_id}，抓取 {pages} 页，用时 {time.monotonic() - started:.1f} 秒；结论 "
        + "，".join(f"{STATUS_LABELS[s]} {n}" for s, n in sorted(counts.items())),
        err=True,
    )
    return database, run_id


@cli.command()
@click.option("--targets", "-t", required=True, type=click.Path(dir_okay=False), help="被检查单位清单 (YAML)")
@click.option("--db", "-d", default="findings.db", show_default=True, type=click.Path(dir_okay=False))
@click.option("--resume", type=int, default=None, help="续抓被中断的运行 RUN_ID")
@crawl_options
def crawl(targets, db, resume, **crawl):
    """Crawl only: store pages for a new run (or resume one) without checking."""
    options = _options(**crawl)
    try:
        database, run_id, agencies, _ = audit_mod.prepare_run(db, targets, None, options, resume)
    except (TargetsError, RulesError, audit_mod.AuditError) as exc:
        _fail(str(exc))
    status = audit_mod.crawl(database, run_id, targets, db, options, resume=bool(resume))
    if status == "interrupted":
        _fail(f"抓取被中断。续抓：zwgk crawl --targets {targets} --db {db} --resume {run_id}", 130)
    run = storage.get_run(database, run_id)
    click.echo(f"运行 #{run_id}：抓取 {run['pages']} 页，失败 {run['fetch_errors']} 次。核查：zwgk check --db {db} --run {run_id}")


@cli.command()
@click.option("--db", "-d", default="findings.db", show_default=True, type=click.Path(dir_okay=False))
@click.option("--run", "run_id", type=int, help="要重新核查的运行（默认最新一次有页面的运行）")
@click.option("--targets", "-t", type=click.Path(dir_okay=False), help="单位清单（默认用该运行保存的单位）")
@click.option("--rules", "rules_dir", type=click.Path(file_okay=False), help="规则目录")
@click.option("--evaluation-points", default=4.0, show_default=True, type=click.FloatRange(0),
              help="政务公开在绩效考核中的分值，得分按此折算")
def check(db, run_id, targets, rules_dir, evaluation_points):
    """Re-evaluate the rules on what a run crawled, without fetching (重新核查)."""
    if not Path(db).exists():
        _fail(f"{db}: 数据库不存在")
    database = storage.open_db(db)
    run_id = run_id or storage.latest_run_id(database, with_pages=True) or storage.latest_run_id(database)
    if not run_id or not storage.get_run(database, run_id):
        _fail(f"{db}: 没有可核查的运行")
    try:
        agencies = load_targets(targets) if targets else audit_mod.agencies_of_run(database, run_id)
        catalogue = load_catalogue(rules_dir) if rules_dir else load_catalogue()
    except (TargetsError, RulesError) as exc:
        _fail(str(exc))
    storage.save_agencies(database, agencies)
    storage.save_catalogue(database, catalogue)
    started = time.monotonic()
    counts = audit_mod.check(database, run_id, agencies, catalogue, evaluation_points)
    _print_scorecard(database, run_id)
    click.echo(
        f"运行 #{run_id} 重新核查完成（{time.monotonic() - started:.2f} 秒）："
        + "，".join(f"{STATUS_LABELS[s]} {n}" for s, n in sorted(counts.items())),
        err=True,
    )


@cli.command()
@click.argument("db", type=click.Path(dir_okay=False), default="findings.db")
@click.option("--host", default="127.0.0.1", show_default=True, help="监听地址（局域网部署用 0.0.0.0，并设置密码）")
@click.option("--port", "-p", default=8001, show_default=True, type=int)
@click.option("--password-env", metavar="VAR",
              help="从环境变量 VAR 读取密码：所有页面需以 supervisor 账号登录 (/-/login)")
@click.option("--no-sql", is_flag=True, help="禁止任意 SQL 查询（只保留表格浏览和预设查询）")
def serve(db, host, port, password_env, no_sql):
    """Browse findings in Datasette, read-only (浏览审计结果)."""
    import os
    import subprocess

    from zwgk.serve import datasette_command

    if not Path(db).exists():
        _fail(f"{db}: 数据库不存在，请先运行 zwgk audit 或 zwgk demo")
    password = None
    if password_env:
        password = os.environ.get(password_env)
        if not password:
            _fail(f"环境变量 {password_env} 未设置或为空")
    # Bring the schema up to date (views, full-text index) before serving the file read-only.
    storage.open_db(db).conn.close()
    command = datasette_command(db, host=host, port=port, password=password, allow_sql=not no_sql)
    click.echo(f"Datasette: http://{host}:{port}/  （Ctrl-C 退出）", err=True)
    try:
        sys.exit(subprocess.call(command))
    except KeyboardInterrupt:
        pass


@cli.command()
@click.option("--db", "-d", default="findings.db", show_default=True, type=click.Path(dir_okay=False))
@click.option("--port-base", default=8801, show_default=True, type=int, help="第一个样例网站的端口")
def demo(db, port_base):
    """Serve the bundled sample portals on 127.0.0.1 and audit them (演示)."""
    from zwgk.sample_portals import SamplePortals, sample_targets_yaml

    workdir = Path(tempfile.mkdtemp(prefix="zwgk-demo-"))
    targets = workdir / "targets.yaml"
    targets.write_text(sample_targets_yaml(port_base), encoding="utf-8")
    try:
        with SamplePortals(port_base):
            click.echo(f"样例网站已在 127.0.0.1:{port_base}-{port_base + 7} 上运行", err=True)
            _run_audit(str(targets), db, None, None, _options(300, 4, None, None, None, False, progress_interval=2.0))
    except OSError as exc:
        _fail(f"无法启动样例网站（端口 {port_base} 起被占用？可用 --port-base 换端口）：{exc}")
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    click.echo(f"\n浏览结果：zwgk serve {db}")


@cli.command()
@click.argument("source")
@click.option("--url", help="页面原始网址（读取本地文件时用于解析相对链接和网址中的日期）")
@click.option("--encoding", help="强制使用的编码（默认从字节和 meta 判断）")
def extract(source, url, encoding):
    """Print what the extractor understands of a page (FILE or URL) as JSON."""
    from crawler.extract import NotHTMLError, extract_page

    if source.startswith(("http://", "https://")):
        import urllib.request

        try:
            with urllib.request.urlopen(source, timeout=15) as response:
                body, content_type, url = response.read(), response.headers.get("Content-Type"), url or response.url
        except OSError as exc:
            _fail(f"{source}: 无法获取 ({exc})")
    else:
        path = Path(source)
        if not path.is_file():
            _fail(f"{source}: 文件不存在")
        body, content_type, url = path.read_bytes(), None, url or path.resolve().as_uri()
    try:
        info = extract_page(body, url, content_type=content_type, encoding=encoding)
    except NotHTMLError as exc:
        _fail(f"{source}: 不是 HTML 页面 ({exc})")
    except LookupError:
        _fail(f"未知编码 {encoding!r}")
    data = info.as_dict()
    data["links"] = len(data["links"])
    data.pop("link_dates")
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


@cli.group()
def export():
    """Export scores or findings for the evaluation office (CSV / XLSX)."""


def _export(kind, db, run_id, fmt, output, **kwargs):
    from zwgk.export import ExportError, export_findings, export_scores

    if not Path(db).exists():
        _fail(f"{db}: 数据库不存在")
    database = storage.open_db(db)
    output = Path(output or f"{kind}.{fmt}")
    try:
        count = (export_scores if kind == "scores" else export_findings)(database, run_id, fmt, output, **kwargs)
    except ExportError as exc:
        _fail(str(exc))
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


@cli.command()
@click.argument("agency")
@click.option("--db", "-d", default="findings.db", show_default=True, type=click.Path(dir_okay=False))
@click.option("--run", "run_id", type=int, help="运行编号（默认该单位最新一次）")
@click.option("--format", "fmt", type=click.Choice(["html", "md"]), default="html", show_default=True)
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="输出文件（默认打印到屏幕）")
def report(agency, db, run_id, fmt, output):
    """An agency's rectification list (整改清单): failed obligations, their sentences, deadlines, evidence."""
    from zwgk.export import ExportError, rectification_list

    if not Path(db).exists():
        _fail(f"{db}: 数据库不存在")
    try:
        text = rectification_list(storage.open_db(db), agency, run_id, fmt)
    except ExportError as exc:
        _fail(str(exc))
    if output:
        Path(output).write_text(text, encoding="utf-8")
        click.echo(f"已写入 {output}", err=True)
    else:
        click.echo(text)


@cli.group()
def rules():
    """Rule files: draft them from a notice, check them (lint)."""


@rules.command()
@click.argument("notice", type=click.Path(dir_okay=False))
@click.option("--id", "notice_id", help="通知编号（默认取文件名）")
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="写入文件（默认打印到屏幕）")
def draft(notice, notice_id, output):
    """Draft a rule file from a notice (text, HTML, PDF or DOCX) for a supervisor to review."""
    from checks.draft import DraftError, draft as draft_notice, draft_yaml, read_notice

    try:
        text = read_notice(notice)
    except DraftError as exc:
        _fail(str(exc))
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


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _pad(text: str, width: int) -> str:
    return text + " " * max(0, width - _width(text))


def _print_scorecard(db, run_id: int) -> None:
    rows = audit_mod.scorecard(db, run_id)
    header = ["排名", "单位", "得分", "通过", "未通过", "无法核查", "需人工"]
    table = [
        [
            str(r["rank"] or "-"), f"{r['name']} ({r['agency_id']})",
            f"{r['percent']:.1f}%" if r["percent"] is not None else "—",
            str(r["passed"]), str(r["failed"]), str(r["errors"]), str(r["manual"]),
        ]
        for r in rows
    ]
    widths = [max(_width(row[i]) for row in [header, *table]) for i in range(len(header))]
    click.echo(f"\n政务公开审计记分卡（运行 #{run_id}）")
    click.echo("  ".join(_pad(h, w) for h, w in zip(header, widths)))
    click.echo("  ".join("-" * w for w in widths))
    for row in table:
        click.echo("  ".join(_pad(c, w) for c, w in zip(row, widths)))
    findings = list(db.query(
        """SELECT f.agency_id, f.rule_id, f.status, f.detail, r.kind FROM findings f JOIN rules r ON r.rule_id = f.rule_id
           WHERE f.run_id = ? AND f.status IN ('fail', 'error')
           ORDER BY f.agency_id, r.kind IN ('topic_disclosed', 'site_security'), f.weight DESC, f.rule_id""",
        [run_id],
    ))
    click.echo("\n主要问题（每个单位最多 3 条；完整清单：zwgk report 单位编号，或在 Datasette 中查看）")
    shown: dict[str, int] = {}
    for f in findings:
        shown[f["agency_id"]] = shown.get(f["agency_id"], 0) + 1
        if shown[f["agency_id"]] <= 3:
            click.echo(f"  [{STATUS_LABELS[f['status']]}] {f['agency_id']} · {f['rule_id']}：{f['detail'][:110]}")
        elif shown[f["agency_id"]] == 4:
            more = sum(1 for g in findings if g["agency_id"] == f["agency_id"]) - 3
            click.echo(f"  …… {f['agency_id']} 另有 {more} 条")


if __name__ == "__main__":
    cli()
