"""Incremental re-audits: conditional requests against the previous run's pages.

A re-audit sends ``If-None-Match`` / ``If-Modified-Since`` with the validators (ETag,
Last-Modified) the previous run stored for the same agency and URL.  A portal that answers
``304 Not Modified`` sends no body: this middleware turns the 304 into a response carrying the
stored bytes and hands the spider the stored understanding of the page
(``request.meta["zwgk_reused"]``), so the page is neither re-sent nor re-extracted.  The page
row is marked ``unchanged = 1``; the run records how many pages were unchanged and the bytes
saved (``audit_runs.unchanged_pages`` / ``bytes_saved``, via core/store).

Settings: ``ZWGK_PREVIOUS_RUN`` = ``auto`` (the latest earlier run with pages; the default),
a run id, or ``0`` (no conditional requests: ``zwgk audit --full``).
"""

from __future__ import annotations

import json
import sqlite3
import zlib

from scrapy import signals
from scrapy.exceptions import NotConfigured
from scrapy.responsetypes import responsetypes

from core import store
from crawler.extract import PageInfo
from crawler.understand import Understood

REUSED = "zwgk_reused"
_PAGE_FIELDS = ("title", "title_simplified", "published", "published_source", "written", "column", "doc_number",
                "page_type", "text", "encoding", "file_type", "site_name", "site_id_code", "extraction_error")


def previous_run_setting(value, db, run_id: int) -> int | None:
    if str(value).lower() in ("", "0", "none", "off", "false"):
        return None
    if str(value).lower() == "auto":
        return store.previous_run_for(db, run_id)
    return int(value)


class ConditionalRequests:
    """Downloader middleware: validators out, 304s answered from the previous run."""

    def __init__(self, db_path: str, previous_run: int, stats):
        self.db_path = db_path
        self.previous_run = previous_run
        self.stats = stats
        self.validators: dict[tuple[str, str], tuple] = {}
        self.conn: sqlite3.Connection | None = None

    @classmethod
    def from_crawler(cls, crawler):
        settings = crawler.settings
        db_path, run_id = settings.get("ZWGK_DB"), settings.getint("ZWGK_RUN_ID")
        if not db_path or not run_id:
            raise NotConfigured("no run to compare with")
        db = store.open_db(db_path)
        try:
            previous = previous_run_setting(settings.get("ZWGK_PREVIOUS_RUN", "auto"), db, run_id)
        finally:
            db.conn.close()
        if not previous:
            # No message: Scrapy logs a NotConfigured reason as a warning, and a first audit is not a problem.
            crawler.stats.set_value("zwgk/conditional/previous_run", None)
            raise NotConfigured
        middleware = cls(db_path, previous, crawler.stats)
        crawler.signals.connect(middleware.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(middleware.spider_closed, signal=signals.spider_closed)
        return middleware

    def spider_opened(self, spider):
        self.conn = sqlite3.connect(self.db_path, check_same_thread=False)
        self.conn.execute("PRAGMA busy_timeout = 30000")
        self.validators = store.validators_of_run(self.conn, self.previous_run, [a.id for a in spider.agencies])
        self.stats.set_value("zwgk/previous_run", self.previous_run)

    def spider_closed(self, spider):
        if self.conn is not None:
            self.conn.close()
        db = store.open_db(self.db_path)
        try:  # a recount over the whole run: every process may write it, the last one is complete
            store.record_incremental(db, spider.run_id, self.previous_run)
        finally:
            db.conn.close()

    def process_request(self, request, spider=None):
        known = self.validators.get((request.meta.get("agency_id"), request.url))
        if known and not request.meta.get("chain"):
            etag, last_modified = known
            if etag:
                request.headers.setdefault(b"If-None-Match", etag)
            if last_modified:
                request.headers.setdefault(b"If-Modified-Since", last_modified)
            request.meta["zwgk_conditional"] = True

    def process_response(self, request, response, spider=None):
        if response.status != 304 or not request.meta.get("zwgk_conditional"):
            return response
        page = store.stored_page(self.conn, self.previous_run, request.meta["agency_id"], request.url)
        if page is None:  # the previous run's page is gone (pruned database): fetch it in full
            request.meta["zwgk_conditional"] = False
            retry = request.replace(dont_filter=True)
            for header in (b"If-None-Match", b"If-Modified-Since"):
                retry.headers.pop(header, None)
            return retry
        body = zlib.decompress(page["compressed"])
        request.meta[REUSED] = reused_understanding(page, body)
        self.stats.inc_value("zwgk/unchanged_pages")
        self.stats.inc_value("zwgk/bytes_saved", len(body))
        headers = response.headers.copy()
        if page["content_type"]:
            headers[b"Content-Type"] = page["content_type"]
        if page["etag"]:
            headers.setdefault(b"ETag", page["etag"])
        if page["last_modified"]:
            headers.setdefault(b"Last-Modified", page["last_modified"])
        cls = responsetypes.from_args(headers=headers, url=request.url, body=body)
        return cls(url=request.url, status=200, headers=headers, body=body, request=request, flags=["unchanged"])


def reused_understanding(page: dict, body: bytes) -> Understood:
    """The previous run's understanding of a page, rebuilt from its stored row and links."""
    hints = json.loads(page["link_hints"] or "{}")
    info = PageInfo(**{name: page.get(name) for name in _PAGE_FIELDS if page.get(name) is not None})
    info.spam = bool(page.get("spam"))
    info.links = [tuple(link) for link in page["links"]]
    info.attachments = json.loads(page["attachments"] or "[]")
    info.interpretation_links = json.loads(page["interpretation_links"] or "[]")
    info.link_dates = hints.get("dates") or {}
    info.pagination = hints.get("pagination") or []
    return Understood(info=info, raw_sha256=page["raw_sha256"], compressed=page["compressed"], size=len(body),
                      content_hash=page["content_hash"])


def page_fields(response, understood: Understood) -> dict:
    """The page row's incremental columns: validators for the next run, and whether this was a 304."""
    etag = response.headers.get(b"ETag")
    last_modified = response.headers.get(b"Last-Modified")
    info = understood.info
    hints = None
    if (etag or last_modified) and (info.link_dates or info.pagination):
        hints = json.dumps({"dates": info.link_dates, "pagination": info.pagination}, ensure_ascii=False)
    return {
        "etag": etag.decode("latin-1") if etag else None,
        "last_modified": last_modified.decode("latin-1") if last_modified else None,
        "unchanged": 1 if REUSED in response.meta else 0,
        "link_hints": hints,
    }
