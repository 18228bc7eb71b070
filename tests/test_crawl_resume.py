"""An interrupted crawl resumes where it stopped and ends with the same pages as an uninterrupted one."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest
from conftest import free_port_base, zwgk

from core import store
from zwgk.sample_portals import SamplePortals, sample_targets_yaml


def page_urls(db, run_id):
    return {r["url"] for r in store.rows(store.open_readonly(db), "pages", run_id=run_id)}


def count_pages(db):
    try:
        return store.count(store.open_readonly(db), "pages")
    except sqlite3.Error:
        return 0


def test_killed_crawl_resumes_to_the_same_pages(tmp_path):
    base = free_port_base()
    targets = tmp_path / "targets.yaml"
    targets.write_text(sample_targets_yaml(base), encoding="utf-8")
    full_db, cut_db = tmp_path / "full.db", tmp_path / "cut.db"
    with SamplePortals(base):
        zwgk("crawl", "--targets", str(targets), "--db", str(full_db), "--per-agency", "1")
        expected = page_urls(full_db, 1)
    with SamplePortals(base, delay=0.2):  # slow enough to be killed half-way

        process = subprocess.Popen(
            [sys.executable, "-m", "zwgk.cli", "crawl", "--targets", str(targets), "--db", str(cut_db),
             "--per-agency", "1"],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True,
        )
        deadline = time.monotonic() + 60
        while count_pages(cut_db) < 20 and time.monotonic() < deadline:
            time.sleep(0.1)
        os.killpg(process.pid, signal.SIGKILL)  # no graceful shutdown at all
        process.wait()
        partial = page_urls(cut_db, 1)
        assert 0 < len(partial) < len(expected)

        result = zwgk("crawl", "--targets", str(targets), "--db", str(cut_db), "--resume", "1", "--per-agency", "1")
        assert "运行 #1" in result.stdout
    assert page_urls(cut_db, 1) == expected
    database = store.open_readonly(cut_db)
    # nothing fetched twice ends up twice
    assert len(store.rows(database, "pages", run_id=1)) == len(expected)
    assert store.count(database, "audit_runs") == 1


@pytest.mark.parametrize("stop", ["ctrl_c", "sigterm_to_the_parent"])
def test_a_stopped_audit_marks_the_run_interrupted_and_says_how_to_resume(tmp_path, stop):
    """Ctrl-C signals the whole process group; `kill PID`, `timeout` and `systemctl stop` only the audit's process."""
    base = free_port_base()
    targets = tmp_path / "targets.yaml"
    targets.write_text(sample_targets_yaml(base), encoding="utf-8")
    db = tmp_path / "a.db"
    with SamplePortals(base, delay=0.2):
        process = subprocess.Popen(
            [sys.executable, "-m", "zwgk.cli", "audit", "--targets", str(targets), "--db", str(db), "--per-agency", "1"],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
        )
        deadline = time.monotonic() + 60
        while count_pages(db) < 10 and time.monotonic() < deadline:
            time.sleep(0.1)
        if stop == "ctrl_c":
            os.killpg(process.pid, signal.SIGINT)
        else:
            process.terminate()
        out, err = process.communicate(timeout=120)
        assert process.returncode == 130, err
        assert "--resume 1" in err and "Traceback" not in err
        assert store.get_run(store.open_readonly(db), 1)["status"] == "interrupted"
        if stop == "ctrl_c":
            zwgk("audit", "--targets", str(targets), "--db", str(db), "--resume", "1")
            assert store.get_run(store.open_readonly(db), 1)["status"] == "finished"


def test_resume_keeps_the_coverage_counters(tmp_path):
    """A resumed crawl records the same coverage as the crawl it continues: failed and blocked
    fetches, section pages that failed, section links beyond the depth cap (issue 13)."""
    from hostile_portals import HostilePortals

    cases = ["blocked-after-home", "clean"]
    base = free_port_base(HostilePortals.ports_needed(cases))
    db = tmp_path / "c.db"
    with HostilePortals(base, cases) as portals:
        targets = tmp_path / "targets.yaml"
        targets.write_text(portals.targets_yaml(), encoding="utf-8")
        zwgk("crawl", "--targets", str(targets), "--db", str(db), "--max-depth", "1")
        before = store.crawl_coverage(store.open_readonly(db), 1)
        # nothing is left to fetch: the resume only rebuilds its state and records the coverage again
        zwgk("crawl", "--targets", str(targets), "--db", str(db), "--resume", "1", "--max-depth", "1")
        after = store.crawl_coverage(store.open_readonly(db), 1)
    blocked = before["blocked-after-home"]
    assert blocked["blocked"] > 0 and blocked["section_errors"] > 0 and not blocked["complete"]
    assert before["clean"]["depth_cut_links"] > 0  # the fixture site is deeper than one link
    errors = store.fetch_errors_of(store.open_readonly(db), 1, "blocked-after-home")
    assert blocked["errors"] == len(errors)
    for agency, row in before.items():
        assert after[agency] == row, agency
