"""Three crawl nodes on a Redis agency queue, one of them killed mid-agency, merge into a run equal to a
single-process audit of the same portals (issue 9).

Redis is Debian's ``redis-server``, started here on a free loopback port with nothing saved to disk.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time

import pytest
from conftest import free_port_base, zwgk

from core import store
from crawler.agency_queue import AgencyQueue
from zwgk.sample_portals import SamplePortals, sample_targets_yaml

REDIS_SERVER = shutil.which("redis-server")
pytestmark = pytest.mark.skipif(
    REDIS_SERVER is None,
    reason="redis-server 未安装 (apt-get install redis-server; .ci/run installs it): distributed crawl not tested",
)
HEARTBEAT = "3"  # seconds: a killed node's agencies are re-queued this long after its last beat


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def redis_url(tmp_path):
    port = _free_port()
    process = subprocess.Popen(
        [REDIS_SERVER, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
         "--dir", str(tmp_path)],
        stdout=open(tmp_path / "redis.log", "wb"), stderr=subprocess.STDOUT)
    url = f"redis://127.0.0.1:{port}/0"
    deadline = time.monotonic() + 20
    while True:
        try:
            AgencyQueue.connect(url, "probe")
            break
        except Exception:
            if process.poll() is not None or time.monotonic() > deadline:
                raise AssertionError("redis-server did not start: " + (tmp_path / "redis.log").read_text())
            time.sleep(0.1)
    yield url
    process.terminate()
    process.wait(timeout=10)


def _pages_by_agency(db, run_id):
    found: dict[str, set] = {}
    for row in store.rows(store.open_readonly(db), "pages", run_id=run_id):
        found.setdefault(row["agency_id"], set()).add((row["url"], row["raw_sha256"], row["title"], row["published"]))
    return found


def _findings(db, run_id):
    # not the evidence URL: among equally good pages the checks cite the first stored (fetch timing)
    return sorted((f["agency_id"], f["rule_id"], f["status"])
                  for f in store.rows(store.open_readonly(db), "findings", run_id=run_id))


def _stored_pages(db, agency_id) -> int:
    try:
        return len(store.rows(store.open_readonly(db), "pages", agency_id=agency_id))
    except Exception:  # not created yet
        return 0


def _start_node(redis_url, db, node_id, *extra):
    return subprocess.Popen(
        [sys.executable, "-m", "zwgk.cli", "node", "--redis", redis_url, "--queue", "audit", "--db", str(db),
         "--node-id", node_id, "--heartbeat", HEARTBEAT, "--processes", "1", "--per-agency", "1", *extra],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)


def _kill_mid_agency(queue: AgencyQueue, process, db, node_id) -> str:
    """SIGKILL the node (CLI and crawl process) once the agency it holds has pages in its file."""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        held = queue.server.lrange(queue.processing(node_id), 0, -1)
        if held and not queue.is_done(held[0]) and _stored_pages(db, held[0]) >= 2:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
            return held[0]
        assert process.poll() is None, process.communicate()
        time.sleep(0.05)
    raise AssertionError("the node to kill never held a half-crawled agency")


def test_three_nodes_one_killed_merge_into_a_single_audit(tmp_path, redis_url):
    base = free_port_base()
    targets = tmp_path / "targets.yaml"
    targets.write_text(sample_targets_yaml(base), encoding="utf-8")
    single, out = tmp_path / "single.db", tmp_path / "out.db"
    nodes = {name: tmp_path / f"{name}.db" for name in ("victim", "node2", "node3")}
    queue = AgencyQueue.connect(redis_url, "audit")

    with SamplePortals(base):
        zwgk("crawl", "--targets", str(targets), "--db", str(single), "--processes", "1")
    zwgk("enqueue", "--redis", redis_url, "--queue", "audit", "--targets", str(targets))
    assert "新加入 0 个单位" in zwgk("enqueue", "--redis", redis_url, "--queue", "audit", "--targets", str(targets)).stdout

    processes = []
    try:
        with SamplePortals(base, delay=0.15):  # slow enough that an agency is crawled for seconds
            victim = _start_node(redis_url, nodes["victim"], "victim", "--agencies-at-once", "1")
            processes.append(victim)
            killed_agency = _kill_mid_agency(queue, victim, nodes["victim"], "victim")
            survivors = [_start_node(redis_url, nodes[name], name, "--agencies-at-once", "2") for name in ("node2", "node3")]
            processes += survivors
            for process in survivors:
                stdout, stderr = process.communicate(timeout=300)
                assert process.returncode == 0, stdout + stderr
    finally:
        for process in processes:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()

    # the killed node's agency was re-queued and finished by another node; the victim's copy is partial
    status = queue.status()
    assert status["done"] == status["total"] == 8 and status["waiting"] == 0
    assert queue.server.hget(queue.key("done_by"), killed_agency) in ("node2", "node3")
    assert all(not info["agencies"] for info in status["nodes"].values())
    victim_coverage = store.crawl_coverage(store.open_readonly(nodes["victim"]), 1)
    assert not (victim_coverage.get(killed_agency) or {}).get("finished")
    assert _stored_pages(nodes["victim"], killed_agency) > 0
    # whole agencies: every agency finished in exactly the files Redis says (never split between nodes)
    for name, db in nodes.items():
        finished = {a for a, row in store.crawl_coverage(store.open_readonly(db), 1).items() if row["finished"]}
        assert {a for a, by in queue.server.hgetall(queue.key("done_by")).items() if by == name} <= finished

    zwgk("merge", *map(str, nodes.values()), "--db", str(out))
    merged_run = store.latest_run_id(store.open_readonly(out))
    assert _pages_by_agency(out, merged_run) == _pages_by_agency(single, 1)
    pages = store.count(store.open_readonly(out), "pages")
    zwgk("merge", *map(str, nodes.values()), "--db", str(out))  # idempotent
    assert store.count(store.open_readonly(out), "pages") == pages

    zwgk("check", "--db", str(single), "--run", "1")
    zwgk("check", "--db", str(out), "--run", str(merged_run), "--targets", str(targets))
    assert _findings(out, merged_run) == _findings(single, 1)


def test_node_without_queue_says_what_to_do(tmp_path, redis_url):
    result = zwgk("node", "--redis", redis_url, "--queue", "empty", "--db", str(tmp_path / "n.db"), check=False)
    assert result.returncode != 0
    assert "zwgk enqueue" in result.stderr and "Traceback" not in result.stderr


def test_node_without_redis_is_one_line(tmp_path):
    result = zwgk("node", "--redis", f"redis://127.0.0.1:{_free_port()}/0", "--db", str(tmp_path / "n.db"), check=False)
    assert result.returncode != 0
    assert "无法连接 Redis" in result.stderr and "Traceback" not in result.stderr
