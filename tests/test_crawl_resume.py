"""An interrupted crawl resumes where it stopped and ends with the same pages as an uninterrupted one."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time

from conftest import free_port_base, zwgk
from zwgk.sample_portals import SamplePortals, sample_targets_yaml


def page_urls(db, run_id):
    conn = sqlite3.connect(db)
    urls = {r[0] for r in conn.execute("SELECT url FROM pages WHERE run_id = ?", (run_id,))}
    conn.close()
    return urls


def count_pages(db):
    try:
        conn = sqlite3.connect(db)
        n = conn.execute("SELECT count(*) FROM pages").fetchone()[0]
        conn.close()
        return n
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
    conn = sqlite3.connect(cut_db)
    # nothing fetched twice ends up twice
    assert conn.execute("SELECT count(*) FROM pages WHERE run_id = 1").fetchone()[0] == len(expected)
    assert conn.execute("SELECT count(*) FROM audit_runs").fetchone()[0] == 1


def test_ctrl_c_marks_the_run_interrupted_and_says_how_to_resume(tmp_path):
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
        os.killpg(process.pid, signal.SIGINT)
        out, err = process.communicate(timeout=120)
        assert process.returncode == 130, err
        assert "--resume 1" in err and "Traceback" not in err
        conn = sqlite3.connect(db)
        assert conn.execute("SELECT status FROM audit_runs WHERE id = 1").fetchone()[0] == "interrupted"
        zwgk("audit", "--targets", str(targets), "--db", str(db), "--resume", "1")
        assert conn.execute("SELECT status FROM audit_runs WHERE id = 1").fetchone()[0] == "finished"
