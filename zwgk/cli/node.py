"""zwgk enqueue / node / queue-status: crawl nodes on a shared Redis agency queue (issue 9).

Then ``zwgk merge NODE.db… --db OUT.db`` (cli/merge.py) combines the node files into one run.
"""

from __future__ import annotations

import sqlite3

import click

from core import store
from core.targets import TargetsError
from zwgk import audit as audit_mod

from .audit import _options, crawl_options
from .common import fail
from .database import check_database_path
from .locking import lock_database

redis_option = click.option("--redis", "redis_url", required=True, metavar="URL",
                            help="Redis 地址，如 redis://10.0.0.5:6379/0")
queue_option = click.option("--queue", "queue_name", default="zwgk", show_default=True,
                            help="队列名（同一次审计的所有节点用同一个名字）")


def _node_modules():
    """zwgk.node and the queue's error, imported by these commands only: they load Scrapy, scrapy-redis
    and the Redis client (~30 MB), which the process of every other command — the parent of each
    ``zwgk crawl`` among them — need not hold (bench/README.md, "Memory")."""
    from crawler.agency_queue import QueueError
    from zwgk import node as node_mod

    return node_mod, QueueError


def _connect(redis_url, queue_name):
    node_mod, QueueError = _node_modules()
    try:
        return node_mod.connect(redis_url, queue_name)
    except QueueError as exc:
        fail(str(exc))


@click.command()
@redis_option
@queue_option
@click.option("--targets", "-t", required=True, type=click.Path(dir_okay=False), help="被检查单位清单 (YAML)")
@click.option("--reset", is_flag=True, help="先清空这个队列（同名队列开始一次新的审计）")
def enqueue(redis_url, queue_name, targets, reset):
    """Put the agencies of a targets file into the Redis queue (把单位放入抓取队列).

    Agencies queued before are not queued again; the targets file is stored in Redis for the nodes.
    """
    queue = _connect(redis_url, queue_name)
    node_mod, _ = _node_modules()
    if reset:
        click.echo(f"已清空队列 {queue_name}（{queue.clear()} 个键）", err=True)
    try:
        added, total = node_mod.enqueue(queue, targets)
    except TargetsError as exc:
        fail(str(exc))
    click.echo(f"队列 {queue_name}：新加入 {len(added)} 个单位（清单共 {total} 个）。"
               f"各节点运行：zwgk node --redis {redis_url} --queue {queue_name} --db 节点.db")


@click.command()
@redis_option
@queue_option
@click.option("--db", "-d", required=True, type=click.Path(dir_okay=False), help="本节点的数据库 (SQLite)")
@click.option("--node-id", help="节点名（默认：主机名-数据库文件名；重启后用同一个名字）")
@click.option("--heartbeat", default=30.0, show_default=True, type=click.FloatRange(1),
              help="心跳有效秒数：超过这么久没有心跳的节点视为已停止，其单位重新排队")
@click.option("--agencies-at-once", "slots", type=click.IntRange(1),
              help="每个抓取进程同时抓取的单位数（默认 并发数 / 每单位并发数）")
@crawl_options
def node(redis_url, queue_name, db, node_id, heartbeat, slots, **crawl):
    """Crawl agencies taken from the Redis queue into this node's database (抓取节点).

    Runs until every agency of the queue is done (by any node); a node that stops answering has its
    agencies re-queued. Then: zwgk merge NODE.db… --db OUT.db && zwgk check --db OUT.db
    """
    check_database_path(db)
    queue = _connect(redis_url, queue_name)
    node_mod, QueueError = _node_modules()
    node_id = node_id or node_mod.default_node_id(db)
    options = _options(**dict(crawl, full=True))
    options.lock = lock_database(db, "zwgk node")  # one node per database file
    try:
        database, run_id, continued = node_mod.node_run(db, queue, node_id, options)
    except (QueueError, TargetsError, audit_mod.AuditError) as exc:
        fail(str(exc))
    except sqlite3.Error as exc:
        fail(f"{db}: 无法打开数据库 ({exc})")
    options.lock.record(run=run_id)
    click.echo(f"节点 {node_id}：队列 {queue_name} → {db} 运行 #{run_id}{'（继续）' if continued else ''}", err=True)
    status = node_mod.run_node(database, run_id, db, redis_url, queue, node_id, options, heartbeat=heartbeat,
                               slots=slots)
    run = store.get_run(database, run_id)
    if status == "interrupted":
        fail(f"节点已停止，未完成的单位已退回队列；本节点完成 {run['agencies']} 个单位，{run['pages']} 页。"
             f"重新运行同一命令即可继续", 130)
    click.echo(f"节点 {node_id}：队列中的单位已全部完成；本节点完成 {run['agencies']} 个单位，{run['pages']} 页。"
               f"合并：zwgk merge 各节点.db --db findings.db")


@click.command("queue-status")
@redis_option
@queue_option
def queue_status(redis_url, queue_name):
    """Show the queue: agencies waiting and done, each node and what it holds (队列状态)."""
    status = _connect(redis_url, queue_name).status()
    click.echo(f"队列 {queue_name}：共 {status['total']} 个单位，等待 {status['waiting']}，完成 {status['done']}")
    for node_id, info in status["nodes"].items():
        held = "，".join(f"{a}（已请求 {n} 个网址）" for a, n in info["agencies"].items()) or "无"
        click.echo(f"  {node_id}：{'在线' if info['alive'] else '无心跳'}，完成 {info['done']} 个单位，正在抓取：{held}")
