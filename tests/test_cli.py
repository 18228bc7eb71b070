"""The command line: help on every command, serve opens the database in Datasette read-only."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest
from conftest import free_port_base, zwgk

from core import store


@pytest.mark.parametrize("command", [[], ["audit"], ["crawl"], ["check"], ["serve"], ["demo"], ["extract"],
                                     ["rules"], ["rules", "lint"], ["report"], ["overrides"], ["overrides", "lint"]])
def test_every_command_has_help(command):
    result = zwgk(*command, "--help")
    assert result.stdout.startswith("Usage: ")
    assert "Traceback" not in result.stderr


def test_check_on_missing_database_is_one_line(tmp_path):
    result = zwgk("check", "--db", str(tmp_path / "none.db"), check=False)
    assert result.returncode == 2 and "none.db" in result.stderr and "Traceback" not in result.stderr


def test_extract_rejects_non_html(tmp_path):
    path = tmp_path / "x.pdf"
    path.write_bytes(b"%PDF-1.4\n%binary")
    result = zwgk("extract", str(path), check=False)
    assert result.returncode == 2 and "HTML" in result.stderr and "Traceback" not in result.stderr


def test_extract_prints_json(tmp_path):
    path = tmp_path / "p.html"
    path.write_bytes("<html><head><meta charset='gb2312'><title>关于印发2017年政务公开工作实施方案的通知_某县</title></head>"
                     "<body><h1>关于印发2017年政务公开工作实施方案的通知</h1>发布日期：2017-06-05</body></html>".encode("gbk"))
    data = json.loads(zwgk("extract", str(path), "--url", "http://a.gov.cn/t20170605_1.html").stdout)
    assert data["published"] == "2017-06-05" and data["page_type"] == "plan" and data["encoding"] == "gb18030"


def get(url):
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8")


def _start_server(db, port, *extra):
    server = subprocess.Popen([sys.executable, "-m", "zwgk.cli", "serve", str(db), "--port", str(port), *extra],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            get(base + "/")
            return server, base
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.2)
    server.kill()
    raise AssertionError("zwgk serve did not answer")


def _port_is_free(port):
    import socket

    with socket.socket() as s:
        # as a new server would bind: connections of the killed one in TIME_WAIT do not hold the port
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind(("127.0.0.1", port))
            return True
        except OSError:
            return False


def test_serve_shows_findings_read_only_and_the_next_run(sample_portals, tmp_path):
    db = tmp_path / "audit.db"
    zwgk("audit", "--targets", str(sample_portals), "--db", str(db))
    port = free_port_base(1)
    server, base = _start_server(db, port)
    try:
        assert "政务公开网站审计" in get(base + "/")
        rows = json.loads(get(base + "/audit/findings.json?_shape=array&status=error"))
        assert {r["agency_id"] for r in rows} == {"xiangtan-county"}
        assert "核查结论" in get(base + "/audit/findings")
        with pytest.raises(urllib.error.HTTPError):
            get(base + "/audit.json?sql=" + urllib.request.quote("DELETE FROM findings"))
        # a second audit writes the file while the server runs: every view shows run 2, consistently
        zwgk("audit", "--targets", str(sample_portals), "--db", str(db))
        scorecard = json.loads(get(base + "/audit/scorecard.json?_shape=array"))
        assert {r["运行"] for r in scorecard} == {2}
        run2 = json.loads(get(base + "/audit/findings.json?_shape=array&run_id=2&_size=max&status=fail"))
        scored = [f for f in run2 if f["weight"]]  # a weight-0 rule's fail is counted as 不计分结论, not 未通过
        assert len(scored) == sum(r["未通过"] for r in scorecard) > 0
        assert len(run2) - len(scored) <= sum(r["不计分结论"] for r in scorecard)
        assert "审计运行 #2" in get(base + "/-/zwgk/audit/agency/kaifeng")
    finally:
        server.terminate()
        server.wait(10)
    assert store.count(store.open_db(db), "findings") > 0


def test_killing_serve_by_pid_frees_the_port(sample_portals, tmp_path):
    import os
    import signal

    db = tmp_path / "audit.db"
    zwgk("audit", "--targets", str(sample_portals), "--db", str(db))
    port = free_port_base(1)
    server, _ = _start_server(db, port)
    os.kill(server.pid, signal.SIGKILL)  # the PID `zwgk serve` started with: exec made it the server
    server.wait(10)
    for _ in range(50):
        if _port_is_free(port):
            break
        time.sleep(0.1)
    assert _port_is_free(port)


def test_sql_is_off_by_default_beyond_loopback():
    from datasette_zwgk.serve import is_loopback

    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.10")


def test_serve_on_unopenable_database_is_one_line(tmp_path):
    db = tmp_path / "x.db"
    db.write_bytes(b"this is not sqlite" * 100)
    result = zwgk("serve", str(db), check=False)
    assert result.returncode == 2 and "x.db" in result.stderr and "Traceback" not in result.stderr


# -- issue 8: smaller frictions --------------------------------------------------------------------


@pytest.mark.parametrize("command", [
    ["audit", "--targets", "{targets}"], ["crawl", "--targets", "{targets}"], ["check"],
    ["export", "scores"], ["report", "kaifeng"], ["report", "--all"],
])
def test_database_in_a_missing_directory_is_one_line_naming_it(tmp_path, command):
    targets = tmp_path / "t.yaml"
    targets.write_text("agencies:\n  - {id: a, name: 某市人民政府, level: city, province: 河南, "
                       "urls: ['http://127.0.0.1:9/']}\n", encoding="utf-8")
    db = tmp_path / "no" / "such" / "dir" / "audit.db"
    args = [a.replace("{targets}", str(targets)) for a in command]
    result = zwgk(*args, "--db", str(db), check=False)
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert str(db) in result.stderr


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only directories")
def test_database_in_a_read_only_directory_is_one_line(tmp_path):
    targets = tmp_path / "t.yaml"
    targets.write_text("agencies:\n  - {id: a, name: 某市人民政府, level: city, urls: ['http://127.0.0.1:9/']}\n",
                       encoding="utf-8")
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o555)
    try:
        result = zwgk("audit", "--targets", str(targets), "--db", str(locked / "a.db"), check=False)
    finally:
        locked.chmod(0o755)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "不可写" in result.stderr and str(locked / "a.db") in result.stderr


def test_path_problems_name_the_path(tmp_path):
    from zwgk.cli.database import path_problem

    assert path_problem(tmp_path / "new.db") is None
    assert "目录不存在" in path_problem(tmp_path / "x" / "new.db")
    assert "不存在" in path_problem(tmp_path / "new.db", must_exist=True)
    assert "是目录" in path_problem(tmp_path)


def _pages(db):
    import sqlite3

    try:
        return store.count(store.open_readonly(db), "pages")
    except (sqlite3.Error, ValueError):
        return 0


def test_ctrl_c_resume_command_and_resume_keep_the_runs_options(tmp_path):
    import signal

    from zwgk.sample_portals import SamplePortals, sample_targets_yaml

    base = free_port_base()
    targets = tmp_path / "targets.yaml"
    targets.write_text(sample_targets_yaml(base), encoding="utf-8")
    db = tmp_path / "a.db"
    with SamplePortals(base, delay=0.4):
        process = subprocess.Popen(
            [sys.executable, "-m", "zwgk.cli", "crawl", "--targets", str(targets), "--db", str(db),
             "--per-agency", "1", "--delay", "0.3", "--max-pages", "6"],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)
        deadline = time.monotonic() + 60
        while _pages(db) < 5 and time.monotonic() < deadline:
            time.sleep(0.1)
        os.killpg(process.pid, signal.SIGINT)
        _, err = process.communicate(timeout=120)
    assert process.returncode == 130, err
    resume_line = err.strip().splitlines()[-1]
    for words in ("--resume 1", "--per-agency 1", "--delay 0.3", "--max-pages 6"):
        assert words in resume_line
    with SamplePortals(base):
        zwgk("crawl", "--targets", str(targets), "--db", str(db), "--resume", "1")  # no options given again
    database = store.open_readonly(db)
    options = json.loads(store.get_run(database, 1)["options"])
    assert (options["per_agency"], options["delay"], options["max_pages"]) == (1, 0.3, 6)
    per_agency = {}
    for page in store.rows(database, "pages", run_id=1):
        per_agency[page["agency_id"]] = per_agency.get(page["agency_id"], 0) + 1
    # the resumed crawl went on to the stored cap of 6 pages per agency, not the default 300
    assert max(per_agency.values()) == 6 and len(per_agency) == 7


def test_printed_problems_keep_the_outcome():
    from zwgk.problems import problem_line

    detail = ("要求在通知印发（2017-05-23）后10个工作日内（即2017-06-07前）公开本单位2017年政务公开实施方案或工作措施；"
              "《" + "某" * 120 + "的通知》（2017-06-08）于2017-06-08发布，逾期1个工作日。")
    line = problem_line({"rule_id": "henan-2017-plan", "rule_title": "制定实施方案", "detail": detail})
    assert line.startswith("制定实施方案（henan-2017-plan）：《") and line.endswith("逾期1个工作日。")
    assert "要求在通知印发" not in line and len(line) < 200


@pytest.mark.parametrize("seed", [1, 2, 3])
@pytest.mark.parametrize("printable", [False, True], ids=["any-bytes", "no-control-bytes"])
def test_extract_on_random_bytes_is_one_line_and_exit_2(tmp_path, seed, printable):
    """issue 13: random bytes — also without NUL or control bytes, which look less like a binary
    file — are refused in one line, never printed as a page of garbage."""
    import random

    rng = random.Random(seed)
    data = bytes(rng.randrange(256) for _ in range(8192))
    if printable:
        data = bytes(b for b in data if b >= 0x20)
    path = tmp_path / "page.html"
    path.write_bytes(data)
    result = zwgk("extract", str(path), check=False)
    assert result.returncode == 2 and result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "page.html" in lines[0] and "Traceback" not in result.stderr
