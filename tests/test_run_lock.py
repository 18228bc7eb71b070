"""One audit at a time per database; a run whose crawl is alive cannot be resumed; the crawl
processes die with the zwgk process that started them (issue 13)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import ROOT, free_port_base, zwgk

from core import store
from core.runlock import EXIT_LOCKED, AuditLock, LockHeld, holder, lock_path
from zwgk.sample_portals import SamplePortals, sample_targets_yaml

HOLD = (
    "import sys, time; from core.runlock import AuditLock; "
    "lock = AuditLock(sys.argv[1], 'zwgk audit').acquire(run=7); print('held', flush=True); time.sleep(120)"
)


def alive(pid: int) -> bool:
    """Running, not a zombie waiting to be reaped."""
    try:
        state = Path(f"/proc/{pid}/status").read_text().split("State:", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"


def lock_content(db) -> dict:
    try:
        return json.loads(lock_path(db).read_text(encoding="utf-8") or "{}")
    except (OSError, ValueError):
        return {}


def test_a_held_lock_is_refused_naming_run_and_pid_and_a_dead_holders_lock_is_taken_over(tmp_path):
    db = tmp_path / "a.db"
    holder_process = subprocess.Popen([sys.executable, "-c", HOLD, str(db)], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        assert holder_process.stdout.readline().strip() == "held"
        assert holder(db)["pid"] == holder_process.pid
        with pytest.raises(LockHeld) as refused:
            AuditLock(db).acquire(wait=0.2)
        message = str(refused.value)
        assert "运行 #7" in message and str(holder_process.pid) in message and "\n" not in message
        with pytest.raises(LockHeld) as same_run:
            AuditLock(db).acquire(run=7, wait=0.2)
        assert "运行 #7 的抓取仍在进行" in str(same_run.value)
    finally:
        holder_process.kill()
        holder_process.wait()
    # the dead holder's file is still there, naming it; the lock is free and is taken over
    assert lock_content(db)["pid"] == holder_process.pid
    assert holder(db) is None
    with AuditLock(db).acquire(run=8) as lock:
        assert lock_content(db) == dict(lock.info, pid=os.getpid(), run=8)
        assert holder(db)["run"] == 8


def test_resume_is_refused_while_the_crawl_runs_and_the_crawl_dies_with_its_parent(tmp_path):
    base = free_port_base()
    targets = tmp_path / "targets.yaml"
    targets.write_text(sample_targets_yaml(base), encoding="utf-8")
    db, full_db = tmp_path / "cut.db", tmp_path / "full.db"
    with SamplePortals(base):
        zwgk("crawl", "--targets", str(targets), "--db", str(full_db), "--per-agency", "1", "--processes", "2")
    full = store.open_readonly(full_db)
    expected_pages = {r["url"] for r in store.rows(full, "pages", run_id=1)}
    expected_links = len(store.rows(full, "links", run_id=1))

    with SamplePortals(base, delay=1.0):  # slow enough to act while it crawls
        parent = subprocess.Popen(
            [sys.executable, "-m", "zwgk.cli", "crawl", "--targets", str(targets), "--db", str(db),
             "--per-agency", "1", "--processes", "2"],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True,
        )
        try:
            deadline = time.monotonic() + 60
            while not (lock_content(db).get("crawl_pids") and db.exists()
                       and store.count(store.open_readonly(db), "pages") >= 5) and time.monotonic() < deadline:
                time.sleep(0.1)
            crawl_pids = lock_content(db)["crawl_pids"]
            assert len(crawl_pids) == 2 and all(alive(pid) for pid in crawl_pids)

            for command in (["crawl", "--targets", str(targets), "--resume", "1"],
                            ["audit", "--targets", str(targets), "--resume", "1"],
                            ["check", "--run", "1"]):
                refused = zwgk(*command, "--db", str(db), check=False)
                assert refused.returncode == EXIT_LOCKED, refused.stderr
                lines = refused.stderr.strip().splitlines()
                assert len(lines) == 1 and "运行 #1" in lines[0] and str(parent.pid) in lines[0], refused.stderr
            other = zwgk("audit", "--targets", str(targets), "--db", str(db), check=False)  # a second run
            assert other.returncode == EXIT_LOCKED and "Traceback" not in other.stderr
            assert store.count(store.open_readonly(db), "audit_runs") == 1

            assert parent.poll() is None and all(alive(pid) for pid in crawl_pids)  # still crawling
            os.kill(parent.pid, signal.SIGKILL)  # the parent alone, which cannot clean up
            parent.wait()
            deadline = time.monotonic() + 20  # a graceful stop takes a second or two; the crawl itself much longer
            while any(alive(pid) for pid in crawl_pids) and time.monotonic() < deadline:
                time.sleep(0.1)
            assert not any(alive(pid) for pid in crawl_pids), "crawl processes outlived their parent"
        finally:
            if parent.poll() is None:
                os.killpg(parent.pid, signal.SIGKILL)
                parent.wait()
        assert holder(db) is None  # nothing holds the database now
        partial = store.open_readonly(db)
        assert 0 < len(store.rows(partial, "pages", run_id=1)) < len(expected_pages)

    with SamplePortals(base):
        resumed = zwgk("crawl", "--targets", str(targets), "--db", str(db), "--resume", "1", "--per-agency", "1")
        assert "运行 #1" in resumed.stdout
    database = store.open_readonly(db)
    assert {r["url"] for r in store.rows(database, "pages", run_id=1)} == expected_pages
    # no process wrote into the run behind the resume's back: every link once
    assert len(store.rows(database, "links", run_id=1)) == expected_links
