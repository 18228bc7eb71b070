"""The command line: help on every command, serve opens the database in Datasette read-only."""

from __future__ import annotations

import json
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest
from conftest import free_port_base, zwgk

from core import store


@pytest.mark.parametrize("command", [[], ["audit"], ["crawl"], ["check"], ["serve"], ["demo"], ["extract"],
                                     ["rules"], ["rules", "lint"]])
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


def test_serve_shows_findings_read_only(sample_portals, tmp_path):
    db = tmp_path / "audit.db"
    zwgk("audit", "--targets", str(sample_portals), "--db", str(db))
    port = free_port_base(1)
    server = subprocess.Popen([sys.executable, "-m", "zwgk.cli", "serve", str(db), "--port", str(port)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        base = f"http://127.0.0.1:{port}"
        for _ in range(100):
            try:
                home = get(base + "/")
                break
            except (urllib.error.URLError, ConnectionError):
                time.sleep(0.2)
        assert "政务公开网站审计" in home
        rows = json.loads(get(base + "/audit/findings.json?_shape=array&status=error"))
        assert {r["agency_id"] for r in rows} == {"xiangtan-county"}
        assert "核查结论" in get(base + "/audit/findings")
        # immutable: the file is never opened for writing
        with pytest.raises(urllib.error.HTTPError):
            get(base + "/audit.json?sql=" + urllib.request.quote("DELETE FROM findings"))
    finally:
        server.terminate()
        server.wait(10)
    assert store.count(store.open_db(db), "findings") > 0
