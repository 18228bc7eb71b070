"""The ``portal`` spider: crawl every agency's portal breadth-first, 政务公开 sections first.

Usage (the CLI does this for you)::

    scrapy crawl portal -s ZWGK_TARGETS=targets.yaml -s ZWGK_DB=findings.db -s ZWGK_RUN_ID=1

Each agency's start URLs define its scope (host and, for a start URL below
the site root, the directory).  The crawl stays within ZWGK_MAX_DEPTH links
of a start page and fetches at most ZWGK_MAX_PAGES pages per agency.  With
ZWGK_RESUME the frontier is rebuilt from what the run already stored, so an
interrupted crawl continues where it stopped.
"""

from __future__ import annotations

import logging
import re
from collections import defaultdict
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import scrapy
from scrapy.exceptions import IgnoreRequest
from twisted.internet.error import ConnectionRefusedError, DNSLookupError, TCPTimedOutError, TimeoutError

from checks import storage
from checks.targets import Agency, load_targets
from crawler.extract import ATTACHMENT_EXTENSIONS, NotHTMLError, extract_page
from crawler.items import FetchErrorItem, PageItem

# Sections a supervisor's evidence lives in: fetched before the rest of the site.
_PRIORITY_WORDS = re.compile(
    r"政务公开|信息公开|政府信息|政策解读|解读|专栏|专题|通知公告|政策文件|规范性文件|文件|实施方案|工作要点|年报|年度报告|公开指南|"
    r"政務公開|信息公開|政策解讀|專欄|專題"
)
_PRIORITY_PATHS = re.compile(r"/(zwgk|xxgk|zfxxgk|zcjd|tzgg|zcwj|ztzl|xxgknb|gkml|gkmlpt|zfwj|col)/", re.I)
_SKIP_EXTENSIONS = ATTACHMENT_EXTENSIONS + (
    ".jpg", ".jpeg", ".png", ".gif", ".bmp", ".svg", ".ico", ".css", ".js", ".mp4", ".mp3", ".avi", ".flv",
    ".swf", ".apk", ".exe", ".xml", ".txt", ".json",
)
_BLOCKED_STATUSES = {412, 521}  # 瑞数 / 加速乐 JavaScript challenges
_CHALLENGE = re.compile(rb"__jsluid|\$_ts=|document\.cookie\s*=.{0,200}location", re.S)


@dataclass
class AgencyState:
    agency: Agency
    scheduled: int = 0
    fetched: int = 0
    errors: int = 0
    inflight: int = 0
    done: bool = False
    seen: set = field(default_factory=set)


class PortalSpider(scrapy.Spider):
    name = "portal"
    custom_settings = {}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.agencies_done = 0
        self.on_agency_done = lambda agency_id, pages, errors: None

    @classmethod
    def from_crawler(cls, crawler, *args, **kwargs):
        spider = super().from_crawler(crawler, *args, **kwargs)
        settings = crawler.settings
        targets = kwargs.get("targets") or settings.get("ZWGK_TARGETS")
        if not targets:
            raise ValueError("set ZWGK_TARGETS (or -a targets=FILE) to a targets file")
        spider.agencies = load_targets(targets)
        spider.db_path = kwargs.get("db") or settings.get("ZWGK_DB")
        spider.run_id = int(kwargs.get("run_id") or settings.get("ZWGK_RUN_ID") or 0)
        spider.max_pages = int(kwargs.get("max_pages") or settings.getint("ZWGK_MAX_PAGES"))
        spider.max_depth = int(kwargs.get("max_depth") or settings.getint("ZWGK_MAX_DEPTH"))
        spider.resume = str(kwargs.get("resume") or settings.get("ZWGK_RESUME")).lower() in ("1", "true", "yes")
        if settings.get("LOG_LEVEL") != "DEBUG" and settings.get("LOG_LEVEL") != "INFO":
            # Failed fetches are recorded in fetch_errors and reported by the progress lines.
            logging.getLogger("scrapy.downloadermiddlewares.retry").setLevel(logging.CRITICAL)
        spider.state = {a.id: AgencyState(a) for a in spider.agencies}
        spider.scopes = {a.id: a.scopes for a in spider.agencies}
        if not spider.run_id:
            db = storage.open_db(spider.db_path)
            spider.run_id = storage.start_run(db, targets=str(targets), rules_dir="", options={"source": "scrapy crawl"})
            db.conn.close()
        return spider

    # -- scheduling ----------------------------------------------------------------------

    async def start(self):
        for request in self.start_requests():
            yield request

    def start_requests(self):
        resumed = self._resume_frontier() if self.resume else {}
        for agency in self.agencies:
            state = self.state[agency.id]
            if agency.id in resumed:
                fetched, frontier = resumed[agency.id]
                state.seen |= fetched
                state.fetched = state.scheduled = len(fetched)
                candidates = [(u, 0, None, None) for u in agency.urls] + frontier
            else:
                candidates = [(u, 0, None, None) for u in agency.urls]
            emitted = False
            for url, depth, referrer, context in candidates:
                request = self._request(state, url, depth, referrer, context, priority_bonus=0)
                if request is not None:
                    emitted = True
                    yield request
            if not emitted:
                self._maybe_done(state)

    def _resume_frontier(self) -> dict:
        """Per agency: URLs already fetched in this run, and links from them not yet fetched."""
        db = storage.open_db(self.db_path)
        result = {}
        try:
            for agency in self.agencies:
                rows = db.conn.execute(
                    "SELECT url, final_url, depth FROM pages WHERE run_id = ? AND agency_id = ?",
                    (self.run_id, agency.id),
                ).fetchall()
                failed = {r[0] for r in db.conn.execute(
                    "SELECT url FROM fetch_errors WHERE run_id = ? AND agency_id = ?", (self.run_id, agency.id)
                )}
                if not rows and not failed:
                    continue
                fetched = {r[0] for r in rows} | {r[1] for r in rows if r[1]} | failed
                depth_of = {r[0]: r[2] or 0 for r in rows}
                frontier = []
                for from_url, to_url, anchor in db.conn.execute(
                    "SELECT l.from_url, l.to_url, l.anchor FROM links l JOIN pages p "
                    "ON p.run_id = l.run_id AND p.url = l.from_url WHERE l.run_id = ? AND p.agency_id = ?",
                    (self.run_id, agency.id),
                ):
                    if to_url not in fetched:
                        frontier.append((to_url, depth_of.get(from_url, 0) + 1, from_url, {"anchor": anchor}))
                result[agency.id] = (fetched, frontier)
        finally:
            db.conn.close()
        return result

    def in_scope(self, agency_id: str, url: str) -> bool:
        parts = urlsplit(url)
        netloc, path = parts.netloc.lower(), parts.path or "/"
        return any(netloc == host and path.startswith(prefix) for host, prefix in self.scopes[agency_id])

    def _request(self, state: AgencyState, url, depth, referrer, context, priority_bonus):
        if url in state.seen or depth > self.max_depth:
            return None
        if state.scheduled >= self.max_pages * 3 or not self.in_scope(state.agency.id, url):
            return None
        if urlsplit(url).path.lower().endswith(_SKIP_EXTENSIONS):
            return None
        state.seen.add(url)
        state.scheduled += 1
        state.inflight += 1
        return scrapy.Request(
            url,
            callback=self.parse,
            errback=self.on_error,
            priority=(self.max_depth - depth) * 10 + priority_bonus,
            dont_filter=True,  # the spider keeps its own per-agency seen set
            meta={
                "agency_id": state.agency.id,
                "depth": depth,
                "referrer": referrer,
                "context": context or {},
                "download_slot": state.agency.id,
                "handle_httpstatus_all": True,
            },
        )

    def closed(self, reason):
        """Record on the run whether the crawl finished or was cut short (Ctrl-C, shutdown)."""
        db = storage.open_db(self.db_path)
        try:
            storage.update_run(db, self.run_id, status="crawled" if reason == "finished" else "interrupted")
        finally:
            db.conn.close()

    # -- responses -------------------------------------------------------------------------

    def parse(self, response):
        meta = response.meta
        state = self.state[meta["agency_id"]]
        state.inflight -= 1
        original_url = (meta.get("redirect_urls") or [response.request.url])[0]
        if response.status >= 400 or (response.status in _BLOCKED_STATUSES):
            yield self._error_item(state, original_url, self._http_error_kind(response), response.status,
                                   f"HTTP {response.status}")
            self._maybe_done(state)
            return
        if len(response.body) < 4096 and _CHALLENGE.search(response.body):
            yield self._error_item(state, original_url, "blocked", response.status, "JavaScript 反爬虫验证页面")
            self._maybe_done(state)
            return

        state.fetched += 1
        self.crawler.stats.inc_value("zwgk/pages")
        content_type = response.headers.get(b"Content-Type", b"").decode("latin-1") or None
        try:
            info = extract_page(response.body, response.url, content_type=content_type, context=meta["context"])
        except NotHTMLError:
            info = None
        if info is not None:
            bonus_of = self._priority_bonus
            for url, anchor in info.links:
                if state.fetched + state.inflight >= self.max_pages * 3:
                    break
                request = self._request(
                    state, url, meta["depth"] + 1, original_url,
                    {"anchor": anchor, "date": info.link_dates.get(url),
                     "column": info.column if info.page_type == "list" else None},
                    bonus_of(url, anchor),
                )
                if request is not None:
                    yield request
        yield PageItem(
            run_id=self.run_id,
            agency_id=state.agency.id,
            url=original_url,
            final_url=response.url,
            status=response.status,
            depth=meta["depth"],
            referrer=meta["referrer"],
            fetched_at=storage.now_iso(),
            content_type=content_type,
            body=response.body,
            info=info if info is not None else _attachment_info(response),
        )
        self._maybe_done(state)

    def on_error(self, failure):
        request = failure.request
        state = self.state[request.meta["agency_id"]]
        state.inflight -= 1
        if failure.check(IgnoreRequest):
            self._maybe_done(state)
            return
        if failure.check(DNSLookupError):
            kind = "dns"
        elif failure.check(TimeoutError, TCPTimedOutError):
            kind = "timeout"
        elif failure.check(ConnectionRefusedError):
            kind = "refused"
        else:
            kind = "other"
        yield self._error_item(state, request.url, kind, None, str(failure.value)[:500])
        self._maybe_done(state)

    @staticmethod
    def _http_error_kind(response) -> str:
        return "blocked" if response.status in _BLOCKED_STATUSES else "http"

    def _error_item(self, state: AgencyState, url, kind, status, message) -> FetchErrorItem:
        state.errors += 1
        self.crawler.stats.inc_value("zwgk/fetch_errors")
        return FetchErrorItem(
            run_id=self.run_id, agency_id=state.agency.id, url=url, kind=kind,
            http_status=status, message=message, at=storage.now_iso(),
        )

    @staticmethod
    def _priority_bonus(url: str, anchor: str) -> int:
        bonus = 0
        if anchor and _PRIORITY_WORDS.search(anchor):
            bonus += 5
        if _PRIORITY_PATHS.search(url):
            bonus += 3
        return bonus

    def _maybe_done(self, state: AgencyState):
        if state.inflight == 0 and not state.done:
            state.done = True
            self.agencies_done += 1
            self.on_agency_done(state.agency.id, state.fetched, state.errors)


def _attachment_info(response):
    """A fetched resource that is not HTML: recorded with its bytes, not understood."""
    from crawler.extract import PageInfo

    name = urlsplit(response.url).path.rsplit("/", 1)[-1]
    return PageInfo(title=name or None, title_simplified=name or None, page_type="attachment")
