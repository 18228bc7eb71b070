"""zwgk audit / crawl / check / demo: the audit itself, and the scorecard it prints."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
import tempfile
import time
from pathlib import Path

import click

from checks.catalogue import RULES_DIR, RulesError, load_catalogue
from core import store
from core.model import STATUS_LABELS
from core.targets import TargetsError, load_targets
from zwgk import audit as audit_mod
from zwgk import run_options  # issue 8: options kept for --resume
from zwgk.problems import problem_line  # issue 8: 主要问题 lines keep the outcome

from .common import IsoDate, display_width, fail, pad
from .coverage import print_cut_short  # issue 13: agencies whose crawl was cut short
from .database import check_database_path, open_for_writing  # issue 8: one line for a bad database path
from .database import audit_database_problem, path_problem  # new-user review: never write into a non-audit file
from .locking import fail_before_start, lock_database, refuse_running  # issue 13: one audit at a time per database
from .overrides import load_or_fail, overrides_option, report_applied  # issue 8: 申诉复核


def crawl_options(function):
    options = [
        click.option("--max-pages", default=audit_mod.MAX_PAGES, show_default=True, type=click.IntRange(1), help="每个单位最多抓取的页面数"),
        click.option("--max-depth", default=audit_mod.MAX_DEPTH, show_default=True, type=click.IntRange(0),
                     help="从起始页出发的最大链接深度（列表翻页不计入深度）"),
        click.option("--concurrency", type=click.IntRange(1), help="同时进行的请求总数（默认 48）"),
        click.option("--per-agency", type=click.IntRange(1), help="对同一单位网站同时进行的请求数（默认 4）"),
        click.option("--delay", type=click.FloatRange(0), help="对同一单位两次请求之间的间隔秒数（默认 0）"),
        click.option("--processes", type=click.IntRange(1), help="并行抓取的进程数（默认每个 CPU 核一个）"),
        click.option("--verbose", is_flag=True, help="显示 Scrapy 日志"),
        # issue 9: re-audits send conditional requests against the latest earlier run unless --full
        click.option("--full", is_flag=True, help="全部重新下载：不发送条件请求，不沿用上次运行中未变化页面的解析结果"),
    ]
    for option in reversed(options):
        function = option(function)
    return function


def _options(max_pages, max_depth, concurrency, per_agency, delay, verbose, processes=None, progress_interval=5.0,
             full=False):
    return audit_mod.CrawlOptions(
        max_pages=max_pages, max_depth=max_depth, concurrency=concurrency, per_agency=per_agency, delay=delay,
        log_level="INFO" if verbose else "WARNING", progress_interval=progress_interval, processes=processes,
        previous_run="0" if full else "auto",
    )


@click.command()
@click.option("--targets", "-t", required=True, type=click.Path(dir_okay=False), help="被检查单位清单 (YAML)")
@click.option("--db", "-d", default="findings.db", show_default=True, type=click.Path(), help="审计数据库 (SQLite)")
@click.option("--rules", "rules_dir", type=click.Path(file_okay=False), help=f"规则目录（默认 {RULES_DIR}）")
@click.option("--resume", type=int, default=None, help="续抓被中断的运行 RUN_ID（见 audit_runs 表）")
@click.option("--evaluation-points", default=4.0, show_default=True, type=click.FloatRange(0),
              help="政务公开在绩效考核中的分值，得分按此折算")
@click.option("--as-of", "as_of", type=IsoDate(), default=None,
              help="按哪一天判断期限（YYYY-MM-DD，默认今天）：未到期且未落实的义务记为“未到期”，不计分")
@overrides_option
@crawl_options
def audit(targets, db, rules_dir, resume, evaluation_points, as_of, overrides, **crawl):
    """Crawl, check and score in one run (一次完整审计)."""
    # --- issue 8: a resumed run keeps the options it was started with unless given again ---
    check_database_path(db, must_exist=bool(resume))
    values = _resumed_values(db, resume, dict(crawl, rules_dir=rules_dir, evaluation_points=evaluation_points,
                                              as_of=as_of, overrides=overrides))
    rules_dir, evaluation_points, overrides = values.pop("rules_dir"), values.pop("evaluation_points"), values.pop("overrides")
    as_of = _as_date(values.pop("as_of"))
    # --- end issue 8 ---
    _run_audit(targets, db, rules_dir, resume, _options(**values), evaluation_points=evaluation_points,
               as_of=as_of, overrides_file=overrides)


def _resumed_values(db, resume, values: dict) -> dict:
    """issue 8: on --resume, every option not on the command line comes from audit_runs.options."""
    if not resume:
        return values
    from click.core import ParameterSource

    context = click.get_current_context()
    given = {name for name in values if context.get_parameter_source(name) == ParameterSource.COMMANDLINE}
    database = open_for_writing(db, must_exist=True)
    if not store.get_run(database, resume):
        fail(f"{db}: 没有编号为 {resume} 的审计运行 (no run {resume} to resume)")
    return run_options.reuse_on_resume(database, resume, values, given)


def _as_date(value):
    if value is None or hasattr(value, "year") and not hasattr(value, "hour"):
        return value
    return value.date() if hasattr(value, "date") else dt.date.fromisoformat(str(value))


def _start_run(command, db, targets, rules_dir, options, resume):
    """Take the database's lock, then start (or reopen) the run: one line and no lock file left on bad input."""
    options.lock = lock_database(db, command, resume)
    try:
        started = audit_mod.prepare_run(db, targets, rules_dir, options, resume)
    except (TargetsError, RulesError, audit_mod.AuditError) as exc:
        fail_before_start(options.lock, str(exc))
    except sqlite3.Error as exc:
        fail_before_start(options.lock, f"{db}: 无法打开数据库 ({exc})")
    options.lock.record(run=started[1])
    return started


def _run_audit(targets, db, rules_dir, resume, options, quiet=False, evaluation_points=4.0, as_of=None,
               overrides_file=None):
    started = time.monotonic()
    overrides = load_or_fail(overrides_file)  # issue 8: a bad overrides file stops before the crawl
    database, run_id, agencies, catalogue = _start_run("zwgk audit", db, targets, rules_dir, options, resume)
    # --- issue 8: remember the options, so that the resume command and --resume keep them ---
    kept = run_options.remember(database, run_id, dict(
        vars(options), rules_dir=rules_dir, evaluation_points=evaluation_points, as_of=as_of,
        overrides=overrides_file))
    # --- end issue 8 ---
    click.echo(f"审计运行 #{run_id}：{len(agencies)} 个单位，{len(catalogue.rules)} 条规则 → {db}", err=True)
    status = audit_mod.crawl(database, run_id, targets, db, options, resume=bool(resume))
    if status == "interrupted":
        fail("抓取被中断，已保存的页面不会丢失。续抓："
             + run_options.resume_command("audit", targets, db, run_id, kept), 130)
    counts = audit_mod.check(database, run_id, agencies, catalogue, evaluation_points, as_of=as_of,
                             overrides=overrides)
    report_applied(overrides, as_of, {a.id for a in agencies}, {r.id for r in catalogue.all_rules})  # issue 8
    if not quiet:
        _print_scorecard(database, run_id)
    pages = store.get_run(database, run_id)["pages"]
    click.echo(
        f"完成：运行 #{run_id}，抓取 {pages} 页，用时 {time.monotonic() - started:.1f} 秒；结论 "
        + "，".join(f"{STATUS_LABELS[s]} {n}" for s, n in sorted(counts.items())),
        err=True,
    )
    return database, run_id


@click.command()
@click.option("--targets", "-t", required=True, type=click.Path(dir_okay=False), help="被检查单位清单 (YAML)")
@click.option("--db", "-d", default="findings.db", show_default=True, type=click.Path())
@click.option("--resume", type=int, default=None, help="续抓被中断的运行 RUN_ID")
@crawl_options
def crawl(targets, db, resume, **crawl):
    """Crawl only: store pages for a new run (or resume one) without checking."""
    check_database_path(db, must_exist=bool(resume))  # issue 8
    options = _options(**_resumed_values(db, resume, crawl))
    database, run_id, agencies, _ = _start_run("zwgk crawl", db, targets, None, options, resume)
    kept = run_options.remember(database, run_id, vars(options))  # issue 8
    status = audit_mod.crawl(database, run_id, targets, db, options, resume=bool(resume))
    if status == "interrupted":
        fail("抓取被中断。续抓：" + run_options.resume_command("crawl", targets, db, run_id, kept), 130)
    run = store.get_run(database, run_id)
    click.echo(f"运行 #{run_id}：抓取 {run['pages']} 页，失败 {run['fetch_errors']} 次。核查：zwgk check --db {db} --run {run_id}")


@click.command()
@click.option("--db", "-d", default="findings.db", show_default=True, type=click.Path())
@click.option("--run", "run_id", type=int, help="要重新核查的运行（默认最新一次有页面的运行）")
@click.option("--targets", "-t", type=click.Path(dir_okay=False), help="单位清单（默认用该运行保存的单位）")
@click.option("--rules", "rules_dir", type=click.Path(file_okay=False), help="规则目录")
@click.option("--evaluation-points", default=4.0, show_default=True, type=click.FloatRange(0),
              help="政务公开在绩效考核中的分值，得分按此折算")
@click.option("--as-of", "as_of", type=IsoDate(), default=None,
              help="按哪一天判断期限（YYYY-MM-DD，默认今天）：未到期且未落实的义务记为“未到期”，不计分")
@overrides_option
def check(db, run_id, targets, rules_dir, evaluation_points, as_of, overrides):
    """Re-evaluate the rules on what a run crawled, without fetching (重新核查)."""
    # --- new-user review: nothing is written into a file that is not an audit database ---
    problem = path_problem(db, must_exist=True) or audit_database_problem(db)
    if problem:
        fail(problem if not Path(db).exists() or Path(db).is_dir() else f"{problem}；没有可核查的运行")
    # --- end new-user review ---
    database = open_for_writing(db, must_exist=True)  # issue 8: one line for a missing or read-only path
    overrides = load_or_fail(overrides)  # issue 8
    if run_id and not store.get_run(database, run_id):  # new-user review: name the run asked for
        fail(f"{db}: 没有编号为 {run_id} 的审计运行 (no run {run_id})")
    run_id = run_id or store.latest_run_id(database, with_pages=True) or store.latest_run_id(database)
    if not run_id or not store.get_run(database, run_id):
        fail(f"{db}: 没有可核查的运行")
    refuse_running(db, run_id)  # issue 13: not while its crawl is alive
    try:
        catalogue = load_catalogue(rules_dir) if rules_dir else load_catalogue()  # a broken rule file first
        agencies = _agencies_to_check(database, db, run_id, targets)
    except (TargetsError, RulesError) as exc:
        fail(str(exc))
    store.save_agencies(database, agencies)
    store.save_catalogue(database, catalogue)
    started = time.monotonic()
    counts = audit_mod.check(database, run_id, agencies, catalogue, evaluation_points,
                             as_of=as_of.date() if as_of else None, overrides=overrides)
    report_applied(overrides, as_of.date() if as_of else None, {a.id for a in agencies},
                   {r.id for r in catalogue.all_rules})  # issue 8
    _print_scorecard(database, run_id)
    click.echo(
        f"运行 #{run_id} 重新核查完成（{time.monotonic() - started:.2f} 秒）："
        + "，".join(f"{STATUS_LABELS[s]} {n}" for s, n in sorted(counts.items())),
        err=True,
    )


def _agencies_to_check(database, db, run_id: int, targets: str | None):
    """new-user review: the agencies ``zwgk check`` evaluates — from --targets; else those the run
    saved; else (a plain ``scrapy crawl`` saves none) the targets file the run recorded, when it still
    exists — or one line.  Agencies of --targets that the run never crawled are named."""
    if targets:
        agencies = load_targets(targets)
        crawled = store.crawled_agency_ids(database, run_id)
        for agency in agencies:
            if agency.id not in crawled:
                click.echo(f"注意：单位 {agency.id} 不在运行 #{run_id} 中，无页面可核查", err=True)
        return agencies
    agencies = audit_mod.agencies_of_run(database, run_id)
    if agencies:
        return agencies
    recorded = store.get_run(database, run_id).get("targets") or ""
    if recorded and Path(recorded).is_file():
        click.echo(f"运行 #{run_id} 没有保存单位，使用它记录的单位清单 {recorded}", err=True)
        agencies = load_targets(recorded)
        if agencies:
            return agencies
    fail(f"{db}: 运行 #{run_id} 没有保存被检查的单位"
         + (f"，它记录的单位清单 {recorded} 不存在" if recorded and not Path(recorded).is_file() else "")
         + f"；请用 --targets 指定单位清单 (no agencies for run {run_id}: give --targets)")


@click.command()
@click.option("--db", "-d", default="findings.db", show_default=True, type=click.Path())
@click.option("--port-base", default=8801, show_default=True, type=int, help="第一个样例网站的端口")
def demo(db, port_base):
    """Serve the bundled sample portals on 127.0.0.1 and audit them (演示)."""
    from zwgk.sample_portals import SamplePortals, sample_targets_yaml

    check_database_path(db)  # new-user review: one line for a directory or a missing folder
    workdir = Path(tempfile.mkdtemp(prefix="zwgk-demo-"))
    targets = workdir / "targets.yaml"
    targets.write_text(sample_targets_yaml(port_base), encoding="utf-8")
    try:
        with SamplePortals(port_base):
            click.echo(f"样例网站已在 127.0.0.1:{port_base}-{port_base + 7} 上运行", err=True)
            _run_audit(str(targets), db, None, None, _options(audit_mod.MAX_PAGES, audit_mod.MAX_DEPTH, None, None, None, False, progress_interval=2.0))
    except OSError as exc:
        fail(f"无法启动样例网站（端口 {port_base} 起被占用？可用 --port-base 换端口）：{exc}")
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    click.echo(f"\n浏览结果：zwgk serve {db}")


def _print_scorecard(db, run_id: int) -> None:
    rows = audit_mod.scorecard(db, run_id)
    header = ["排名", "单位", "得分", "覆盖率", "通过", "未通过", "无法核查", "需人工", "未到期"]
    groups: dict[str, list[list[str]]] = {}
    for r in rows:
        groups.setdefault(r["notices"] or "", []).append([
            str(r["rank"] or "-"), f"{r['name']} ({r['agency_id']})",
            f"{r['percent']:.1f}%" if r["percent"] is not None else "—",
            f"{r['coverage']:.0f}%" if r["coverage"] is not None else "—",
            str(r["passed"]), str(r["failed"]), str(r["errors"]), str(r["manual"]), str(r["pending"] or 0),
        ])
    widths = [max(display_width(row[i]) for row in [header, *(x for g in groups.values() for x in g)])
              for i in range(len(header))]
    as_of = store.get_run(db, run_id).get("as_of")
    click.echo(f"\n政务公开审计记分卡（运行 #{run_id}，按 {as_of} 判断期限；只有“通过/未通过”计分，"
               "覆盖率 = 有结论的规则 / 适用的规则；排名只在受同一组通知约束的单位之间进行）")
    for notices, table in groups.items():
        click.echo(f"\n适用通知：{notices.replace(',', '、') or '（无）'}")
        click.echo("  ".join(pad(h, w) for h, w in zip(header, widths)))
        click.echo("  ".join("-" * w for w in widths))
        for row in table:
            click.echo("  ".join(pad(c, w) for c, w in zip(row, widths)))
    print_cut_short(db, run_id)  # issue 13
    findings = store.problems_of_run(db, run_id)
    click.echo("\n主要问题（每个单位最多 3 条；完整清单：zwgk report 单位编号，或在 Datasette 中查看）")
    shown: dict[str, int] = {}
    for f in findings:
        shown[f["agency_id"]] = shown.get(f["agency_id"], 0) + 1
        if shown[f["agency_id"]] <= 3:
            click.echo(f"  [{STATUS_LABELS[f['status']]}] {f['agency_id']} · {problem_line(f)}")  # issue 8
        elif shown[f["agency_id"]] == 4:
            more = sum(1 for g in findings if g["agency_id"] == f["agency_id"]) - 3
            click.echo(f"  …… {f['agency_id']} 另有 {more} 条")


