"""zwgk merge: combine crawl nodes' databases into one audit run (issue 9)."""

from __future__ import annotations

from pathlib import Path

import click

from core import store

from .common import fail


@click.command()
@click.argument("nodes", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("--db", "-d", required=True, type=click.Path(dir_okay=False), help="合并后的审计数据库")
def merge(nodes, db):
    """Merge node databases into one run of DB (合并各抓取节点的数据库).

    Every agency a node finished is copied once; merging a node again adds nothing. Then
    ``zwgk check --db DB`` evaluates the rules on the merged run.
    """
    for node in nodes:
        if not Path(node).exists():
            fail(f"{node}: 数据库不存在")
    database = store.open_db(db)
    run_id = store.merge_target_run(database, targets=",".join(nodes))
    for node in nodes:
        store.open_db(node).conn.close()  # bring an older node's schema up to date before reading it
        agencies, pages = store.merge_node(database, node, run_id)
        click.echo(f"{node}：合并 {agencies} 个单位，{pages} 页", err=True)
    pages, errors = store.run_counts(database, run_id)
    agencies = len(store.crawl_coverage(database, run_id))
    store.update_run(database, run_id, pages=pages, fetch_errors=errors, agencies=agencies, status="crawled")
    click.echo(f"运行 #{run_id}：{agencies} 个单位，{pages} 页，失败 {errors} 次。核查：zwgk check --db {db} --run {run_id}")
