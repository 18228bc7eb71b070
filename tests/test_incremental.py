"""A re-audit sends conditional requests and reuses the stored understanding of unchanged pages."""

from __future__ import annotations

import os
import threading
import time
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from typing import ClassVar

from conftest import zwgk

from core import store

PAGES = {
    "index.html": '<html><head><title>样例县人民政府</title></head><body><a href="list.html">通知公告</a></body></html>',
    "list.html": ('<html><head><title>通知公告</title></head><body><div>当前位置：首页 &gt; 通知公告</div><ul>'
                  '<li><a href="a1.html">关于印发2017年政务公开工作实施方案的通知</a><span>2017-06-01</span></li>'
                  '<li><a href="a2.html">关于开展专项检查的通知</a><span>2017-06-05</span></li></ul></body></html>'),
    "a1.html": ('<html><head><title>关于印发2017年政务公开工作实施方案的通知</title></head><body>'
                '<h1>关于印发2017年政务公开工作实施方案的通知</h1><div>发布时间：2017-06-01</div><p>正文。</p></body></html>'),
    "a2.html": ('<html><head><title>关于开展专项检查的通知</title></head><body>'
                '<h1>关于开展专项检查的通知</h1><div>发布时间：2017-06-05</div><p>正文。</p></body></html>'),
}


class _Quiet(SimpleHTTPRequestHandler):  # answers If-Modified-Since with 304 (http.server since 3.7)
    requests_seen: ClassVar[list] = []

    def log_message(self, *args):
        pass

    def send_head(self):
        _Quiet.requests_seen.append((self.path, self.headers.get("If-Modified-Since")))
        return super().send_head()


def _serve(root):
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_Quiet, directory=str(root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def _pages(db, run_id):
    return {r["url"].rsplit("/", 1)[1]: r for r in store.rows(store.open_readonly(db), "pages", run_id=run_id)}


def test_reaudit_reuses_unchanged_pages_and_refetches_changed_ones(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    old = time.time() - 3600
    for name, html in PAGES.items():
        (site / name).write_text(html, encoding="utf-8")
        os.utime(site / name, (old, old))
    server = _serve(site)
    try:
        port = server.server_address[1]
        targets = tmp_path / "targets.yaml"
        targets.write_text(
            "agencies:\n  - {id: yangli, name: 样例县人民政府, level: county, province: 河南省, "
            f"urls: ['http://127.0.0.1:{port}/index.html']}}\n", encoding="utf-8")
        db = tmp_path / "f.db"
        zwgk("crawl", "--targets", str(targets), "--db", str(db))
        first = _pages(db, 1)
        assert set(first) == set(PAGES)
        assert all(p["last_modified"] and not p["unchanged"] for p in first.values())

        _Quiet.requests_seen.clear()
        zwgk("crawl", "--targets", str(targets), "--db", str(db))
        second = _pages(db, 2)
        assert all(since for _, since in _Quiet.requests_seen), "every known page is asked conditionally"
        assert {name for name, p in second.items() if p["unchanged"]} == set(PAGES)
        for name in PAGES:  # the stored understanding, not a re-extraction that could differ
            for column in ("title", "published", "published_source", "page_type", "column", "raw_sha256", "text"):
                assert second[name][column] == first[name][column], (name, column)
        run = store.get_run(store.open_readonly(db), 2)
        assert run["previous_run"] == 1 and run["unchanged_pages"] == len(PAGES)
        assert run["bytes_saved"] == sum(len(html.encode("utf-8")) for html in PAGES.values())
        links = lambda run_id: sorted((r["from_url"], r["to_url"]) for r in
                                      store.rows(store.open_readonly(db), "links", run_id=run_id))
        assert links(2) == links(1)

        changed = PAGES["a2.html"].replace("关于开展专项检查的通知", "关于开展安全生产专项检查的通知")
        (site / "a2.html").write_text(changed, encoding="utf-8")  # mtime now: newer than the validator
        zwgk("crawl", "--targets", str(targets), "--db", str(db))
        third = _pages(db, 3)
        assert {name for name, p in third.items() if p["unchanged"]} == set(PAGES) - {"a2.html"}
        assert third["a2.html"]["title"] == "关于开展安全生产专项检查的通知"
        assert store.get_run(store.open_readonly(db), 3)["unchanged_pages"] == len(PAGES) - 1

        _Quiet.requests_seen.clear()
        zwgk("crawl", "--targets", str(targets), "--db", str(db), "--full")
        assert not any(since for _, since in _Quiet.requests_seen), "--full sends no conditional request"
        assert not any(p["unchanged"] for p in _pages(db, 4).values())
    finally:
        server.shutdown()
