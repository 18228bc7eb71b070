"""Crawl nodes on a shared Redis agency queue (issue 9): what ``zwgk enqueue`` and ``zwgk node`` do.

The coordinator puts a targets file into a queue (``enqueue``); every node (``run_node``) takes whole
agencies from it and writes them to its own SQLite file, in one run per queue; ``zwgk merge`` then
combines the node files into one audit run.  The queue itself: crawler/agency_queue.py; the spider
that takes agencies from it: crawler/spiders/node.py.
"""

from __future__ import annotations

import json
import re
import socket
from pathlib import Path

from core import store
from core.targets import load_targets
from crawler.agency_queue import AgencyQueue, QueueError
from crawler.run import default_processes, run_crawl
from crawler.spiders.node import node_targets_path
from zwgk import audit as audit_mod

QUEUE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")


def connect(redis_url: str, queue_name: str) -> AgencyQueue:
    if not QUEUE_NAME.match(queue_name):
        raise QueueError(f"队列名 {queue_name!r} 只能由字母、数字和 _ . - 组成 (queue name: letters, digits, _ . -)")
    return AgencyQueue.connect(redis_url, queue_name)


def enqueue(queue: AgencyQueue, targets_path: str) -> tuple[list[str], int]:
    """Queue every agency of the targets file not queued before; returns (added, agencies in the file)."""
    agencies = load_targets(targets_path)  # a bad file stops here, before Redis is touched
    text = Path(targets_path).read_text(encoding="utf-8")
    return queue.enqueue(text, [a.id for a in agencies]), len(agencies)


def default_node_id(db_path: str) -> str:
    """Host name and database file: stable across restarts, distinct for two nodes on one machine."""
    return f"{socket.gethostname()}-{Path(db_path).stem}"


def node_run(db_path: str, queue: AgencyQueue, node_id: str, options) -> tuple[object, int, bool]:
    """The node's run for this queue in its database: the one it started before (a restarted node
    goes on in it, so that merge finds everything in one run), or a new one.
    Returns (database, run id, continued)."""
    text = queue.targets_text()
    if not text:
        raise QueueError(f"队列 {queue.name} 中没有单位清单：先运行 zwgk enqueue --queue {queue.name} --targets 文件")
    targets_path = node_targets_path(db_path)
    Path(targets_path).write_text(text, encoding="utf-8")
    identity = queue.identity()
    db = store.open_db(db_path)
    for run in reversed(store.runs(db)):
        kept = json.loads(run["options"] or "{}")
        if kept.get("queue_id") == identity and kept.get("queue") == queue.name:
            store.save_agencies(db, load_targets(targets_path))
            store.update_run(db, run["id"], status="running")
            return db, run["id"], True
    db, run_id, _, _ = audit_mod.prepare_run(db_path, targets_path, None, options)
    kept = json.loads(store.get_run(db, run_id)["options"] or "{}")
    kept.update(queue=queue.name, queue_id=identity, node=node_id, max_pages=options.max_pages,
                max_depth=options.max_depth)
    store.update_run(db, run_id, options=json.dumps(kept, ensure_ascii=False, sort_keys=True))
    return db, run_id, False


def run_node(db, run_id: int, db_path: str, redis_url: str, queue: AgencyQueue, node_id: str, options, *,
             heartbeat: float = 30.0, slots: int | None = None) -> str:
    """Crawl agencies from the queue until every agency of it is done; returns the run status after
    (``crawled``, or ``interrupted`` when stopped with agencies given back)."""
    extra = {"REDIS_URL": redis_url, "ZWGK_QUEUE": queue.name, "ZWGK_NODE_ID": node_id, "ZWGK_HEARTBEAT": heartbeat}
    if slots:
        extra["ZWGK_SLOTS"] = slots
    code = run_crawl(
        spider="portal_node", processes=options.processes or default_processes(2 ** 16),
        targets=node_targets_path(db_path), db=str(db_path), run_id=run_id, max_pages=options.max_pages,
        max_depth=options.max_depth, resume=False, concurrency=options.concurrency, per_agency=options.per_agency,
        delay=options.delay, log_level=options.log_level, progress_interval=options.progress_interval,
        lock_fd=options.lock.fileno() if options.lock else None,
        on_started=(lambda pids: options.lock.record(run=run_id, crawl_pids=pids)) if options.lock else None,
        extra=extra,
    )
    status = store.get_run(db, run_id)["status"]
    pages, errors = store.run_counts(db, run_id)
    finished = sum(1 for row in store.crawl_coverage(db, run_id).values() if row.get("finished"))
    if code != 0 or status != "running":
        store.update_run(db, run_id, pages=pages, fetch_errors=errors, agencies=finished, status="interrupted")
        return "interrupted"
    store.update_run(db, run_id, pages=pages, fetch_errors=errors, agencies=finished, status="crawled")
    return "crawled"
