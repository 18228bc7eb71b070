"""Node databases merge into one run equal to a single-process audit; merging twice adds nothing;
an agency a killed node left unfinished is taken from the node that crawled it again."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time

import yaml
from conftest import free_port_base, zwgk

from core import store
from zwgk.sample_portals import SamplePortals, sample_targets_yaml


def _pages_by_agency(db, run_id):
    found: dict[str, set] = {}
    for row in store.rows(store.open_readonly(db), "pages", run_id=run_id):
        found.setdefault(row["agency_id"], set()).add((row["url"], row["raw_sha256"], row["title"], row["published"]))
    return found


def _findings(db, run_id):
    # Not the evidence URL: among equally good pages the checks cite the first stored, and the order
    # pages are stored in follows fetch timing, which differs between any two crawls.
    return sorted((f["agency_id"], f["rule_id"], f["status"])
                  for f in store.rows(store.open_readonly(db), "findings", run_id=run_id))


def _write_targets(path, agencies):
    path.write_text(yaml.safe_dump({"agencies": agencies}, allow_unicode=True), encoding="utf-8")


def _page_count(db):
    try:
        return store.count(store.open_readonly(db), "pages")
    except sqlite3.Error:
        return 0


def test_merged_nodes_equal_a_single_audit(tmp_path):
    base = free_port_base()
    targets = tmp_path / "targets.yaml"
    targets.write_text(sample_targets_yaml(base), encoding="utf-8")
    agencies = yaml.safe_load(targets.read_text(encoding="utf-8"))["agencies"]
    halves = [tmp_path / "half1.yaml", tmp_path / "half2.yaml"]
    _write_targets(halves[0], agencies[0::2])
    _write_targets(halves[1], agencies[1::2])
    single, out = tmp_path / "single.db", tmp_path / "out.db"
    nodes = [tmp_path / "node1.db", tmp_path / "node2.db"]
    dead = tmp_path / "dead.db"
    with SamplePortals(base):
        zwgk("crawl", "--targets", str(targets), "--db", str(single), "--processes", "1")
        for half, node in zip(halves, nodes):
            zwgk("crawl", "--targets", str(half), "--db", str(node), "--processes", "1")
    with SamplePortals(base, delay=0.2):  # a node killed mid-crawl: some agencies unfinished
        process = subprocess.Popen(
            [sys.executable, "-m", "zwgk.cli", "crawl", "--targets", str(halves[0]), "--db", str(dead),
             "--per-agency", "1", "--processes", "1"],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
        deadline = time.monotonic() + 60
        while _page_count(dead) < 10 and time.monotonic() < deadline:
            time.sleep(0.1)
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
    assert 0 < _page_count(dead)

    zwgk("merge", str(dead), *map(str, nodes), "--db", str(out))
    merged_run = store.latest_run_id(store.open_readonly(out))
    expected = _pages_by_agency(single, 1)
    assert _pages_by_agency(out, merged_run) == expected
    counts = (store.count(store.open_readonly(out), "pages"), store.count(store.open_readonly(out), "links"),
              store.count(store.open_readonly(out), "fetch_errors"))

    zwgk("merge", str(dead), *map(str, nodes), "--db", str(out))  # again: nothing added
    assert (store.count(store.open_readonly(out), "pages"), store.count(store.open_readonly(out), "links"),
            store.count(store.open_readonly(out), "fetch_errors")) == counts
    assert store.count(store.open_readonly(out), "audit_runs") == 1

    zwgk("check", "--db", str(single), "--run", "1")
    zwgk("check", "--db", str(out), "--run", str(merged_run), "--targets", str(targets))
    assert _findings(out, merged_run) == _findings(single, 1)
