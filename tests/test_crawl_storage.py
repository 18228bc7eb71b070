"""What the crawl stores: raw bytes exactly as fetched, fetch errors, anti-bot answers as errors."""

from __future__ import annotations

import hashlib
import threading
import zlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from conftest import free_port_base, zwgk

from core import store

GBK_PAGE = (
    '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">'
    "<title>关于印发某县2017年政务公开工作实施方案的通知_通知公告_某县人民政府</title></head>"
    "<body><h1>关于印发某县2017年政务公开工作实施方案的通知</h1><p>发布时间：２０１７年０６月０５日</p>"
    "<p>某政办〔2017〕3号</p><div class='content'>各乡镇人民政府，县直各单位：现将实施方案印发给你们。</div></body></html>"
).encode("gbk")

HOME = (
    "<html><head><meta charset='utf-8'><title>某县人民政府</title></head><body>"
    "<a href='/index.html'><img alt='某县人民政府'></a>"
    "<a href='/plan.html'>实施方案</a> <a href='/missing.html'>坏链接</a> <a href='/file.pdf'>附件</a>"
    "</body></html>"
).encode("utf-8")


class Portal(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_GET(self):
        port = self.server.server_address[1]
        if port == self.server.blocked_port:
            body = b"<html><script>var $_ts=window['$_ts'];document.cookie='x';location.reload()</script></html>"
            self.send_response(412)
        elif self.path in ("/", "/index.html"):
            body = HOME
            self.send_response(200)
        elif self.path == "/plan.html":
            body = GBK_PAGE
            self.send_response(200)
        else:
            body = b"not found"
            self.send_response(404)
        self.send_header("Content-Type", "text/html")  # no charset: the page must say it
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture
def portals(tmp_path):
    base = free_port_base(2)
    servers = []
    for port in (base, base + 1):
        server = ThreadingHTTPServer(("127.0.0.1", port), Portal)
        server.blocked_port = base + 1
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
    targets = tmp_path / "targets.yaml"
    targets.write_text(
        "agencies:\n"
        f"  - {{id: mouxian, name: 某县人民政府, level: county, province: 河南省, urls: ['http://127.0.0.1:{base}/']}}\n"
        f"  - {{id: guarded, name: 某市人民政府, level: city, province: 河南省, urls: ['http://127.0.0.1:{base + 1}/']}}\n",
        encoding="utf-8",
    )
    yield targets
    for server in servers:
        server.shutdown()
        server.server_close()


def test_raw_bytes_kept_exactly_and_gbk_decoded(portals, tmp_path):
    db = tmp_path / "a.db"
    zwgk("audit", "--targets", str(portals), "--db", str(db))
    database = store.open_db(db)
    page = next(p for p in store.rows(database, "pages") if p["url"].endswith("plan.html"))
    title, published, doc, page_type, sha, encoding = (
        page[c] for c in ("title", "published", "doc_number", "page_type", "raw_sha256", "encoding"))
    assert title == "关于印发某县2017年政务公开工作实施方案的通知"
    assert published == "2017-06-05" and doc == "某政办〔2017〕3号" and page_type == "plan"
    assert encoding == "gb18030"
    stored = store.raw_page(database, sha)
    compressed, size = stored["compressed"], stored["size"]
    raw = zlib.decompress(compressed)
    assert raw == GBK_PAGE and size == len(GBK_PAGE) and hashlib.sha256(raw).hexdigest() == sha
    links = [(r["to_url"], r["anchor"]) for r in store.rows(database, "links") if r["from_url"].endswith("/")]
    assert any(u.endswith("/file.pdf") and a == "附件" for u, a in links)
    # the logo's /index.html is the start URL / under its other name: one page, not two
    homes = [p["url"] for p in store.rows(database, "pages", agency_id="mouxian") if p["url"].endswith(("/", "/index.html"))]
    assert len(homes) == 1, homes


@pytest.mark.parametrize("url, directory", [
    ("http://x/", "http://x/"), ("http://x/zwgk/index.html", "http://x/zwgk/"), ("http://x/a/default.aspx?x=1", "http://x/a/?x=1"),
    ("http://x/zwgk/INDEX.SHTML", "http://x/zwgk/"), ("http://x/zwgk/index_1.html", None), ("http://x/zwgk/art.html", None),
])
def test_an_index_page_stands_for_its_directory(url, directory):
    from crawler.spiders.portal import directory_of

    assert directory_of(url) == directory


def test_fetch_errors_recorded_and_anti_bot_is_error_not_fail(portals, tmp_path):
    db = tmp_path / "a.db"
    zwgk("audit", "--targets", str(portals), "--db", str(db))
    database = store.open_db(db)
    errors = {(e["agency_id"], e["kind"], e["http_status"]) for e in store.rows(database, "fetch_errors")}
    assert ("mouxian", "http", 404) in errors
    assert ("guarded", "blocked", 412) in errors
    findings = {f["agency_id"]: f for f in store.rows(database, "findings", rule_id="henan-2017-plan")}
    statuses = {f"{agency} henan-2017-plan": f["status"] for agency, f in findings.items()}
    assert statuses["guarded henan-2017-plan"] == "error"
    reason, detail = findings["guarded"]["reason"], findings["guarded"]["detail"]
    assert reason == "blocked" and "反爬虫" in detail
    # 2017-06-05 is within 10 working days of 2017-05-23
    assert statuses["mouxian henan-2017-plan"] == "pass"
