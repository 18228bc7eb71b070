"""zwgk merge: combine crawl nodes' databases into one audit run (issue 9)."""

from __future__ import annotations

import os
from pathlib import Path

import click

from core import store

from .common import fail
from .database import audit_database_problem, check_database_path, open_for_writing, path_problem


def _same_file(a: str, b: str) -> bool:
    if Path(a).resolve() == Path(b).resolve():
        return True
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def refuse_bad_inputs(nodes, db) -> None:
    """Every input checked before anything is written: one refused file leaves the output untouched
    (no empty merged run)."""
    check_database_path(db)  # the same line as `zwgk audit` gives for a bad --db
    if Path(db).exists() and Path(db).stat().st_size > 0:
        problem = audit_database_problem(db)
        if problem:
            fail(problem)
    for node in nodes:
        if _same_file(node, db):
            fail(f"{node}: 与合并目标 --db {db} 是同一个文件，不能合并到自身 (cannot merge a database into itself)")
        problem = path_problem(node, must_exist=True, write=False) or audit_database_problem(node)
        if problem:
            fail(problem)


@click.command()
@click.argument("nodes", nargs=-1, required=True, type=click.Path())
@click.option("--db", "-d", required=True, type=click.Path(), help="合并后的审计数据库")
def merge(nodes, db):
    """Merge node databases into one run of DB (合并各抓取节点的数据库).

    Every agency a node finished is copied once; merging a node again adds nothing. Then
    ``zwgk check --db DB`` evaluates the rules on the merged run.  A node file that is not an audit
    database (or is DB itself) is refused before anything is written.
    """
    refuse_bad_inputs(nodes, db)
    database = open_for_writing(db)
    run_id = store.merge_target_run(database, targets=",".join(nodes))
    for node in nodes:
        store.open_db(node).conn.close()  # bring an older node's schema up to date before reading it
        agencies, pages = store.merge_node(database, node, run_id)
        click.echo(f"{node}：合并 {agencies} 个单位，{pages} 页", err=True)
    pages, errors = store.run_counts(database, run_id)
    agencies = len(store.crawl_coverage(database, run_id))
    store.update_run(database, run_id, pages=pages, fetch_errors=errors, agencies=agencies, status="crawled")
    click.echo(f"运行 #{run_id}：{agencies} 个单位，{pages} 页，失败 {errors} 次。核查：zwgk check --db {db} --run {run_id}")
