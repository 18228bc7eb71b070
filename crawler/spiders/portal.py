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

import heapq
import logging
import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import scrapy
from scrapy.exceptions import DontCloseSpider, IgnoreRequest, UsageError
from twisted.internet.error import (
    ConnectionRefusedError,
    DNSLookupError,
    TCPTimedOutError,
    TimeoutError,
)

from core import store
from core.model import Agency
from core.targets import load_targets
from crawler.items import FetchErrorItem, PageItem
from crawler.understand import understand


def _scrapy_errors(*names: str) -> list[type]:
    import scrapy.exceptions

    return [getattr(scrapy.exceptions, name) for name in names if hasattr(scrapy.exceptions, name)]


# Sections a supervisor's evidence lives in: fetched before the rest of the site.
_PRIORITY_WORDS = re.compile(
    r"政务公开|信息公开|政府信息|政策解读|解读|专栏|专题|通知公告|政策文件|规范性文件|文件|实施方案|工作要点|年报|年度报告|公开指南|"
    r"政務公開|信息公開|政策解讀|專欄|專題"
)
_PRIORITY_PATHS = re.compile(r"/(zwgk|xxgk|zfxxgk|zcjd|tzgg|zcwj|ztzl|xxgknb|gkml|gkmlpt|zfwj|col)/", re.I)
# Attachments (.pdf .doc .docx .wps .xls …) are fetched: a plan may exist only as one.
_SKIP_EXTENSIONS = (
    ".zip", ".rar", ".7z", ".jpg", ".jpeg", ".png", ".gif", ".bmp", ".svg", ".ico", ".css", ".js", ".mp4", ".mp3", ".avi", ".flv",
    ".swf", ".apk", ".exe", ".xml", ".txt", ".json",
)
_BLOCKED_STATUSES = {412, 521}
# Scrapy ≥ 2.13 raises its own download exceptions; older versions pass Twisted's through.
_ERROR_KINDS = [
    ("dns", [DNSLookupError, *_scrapy_errors("CannotResolveHostError")]),
    ("timeout", [TimeoutError, TCPTimedOutError, *_scrapy_errors("DownloadTimeoutError")]),
    ("refused", [ConnectionRefusedError, *_scrapy_errors("DownloadConnectionRefusedError")]),
]  # 瑞数 / 加速乐 JavaScript challenges
_CHALLENGE = re.compile(rb"__jsluid|\$_ts=|document\.cookie\s*=.{0,200}location", re.S)


@dataclass
class AgencyState:
    """One agency's crawl: what it has seen, fetched and still wants to fetch.

    ``frontier`` is a heap of links not yet requested, best first (shallow, 政务公开
    sections); requests are made from it only while the agency has a free slot,
    so the page cap is exact and no request is built that will not be sent.
    """

    agency: Agency
    fetched: int = 0
    errors: int = 0
    inflight: int = 0
    done: bool = False
    seen: set = field(default_factory=set)
    frontier: list = field(default_factory=list)
    pushed: int = 0  # tie-breaker: first discovered, first fetched


class PortalSpider(scrapy.Spider):
    name = "portal"

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
            raise UsageError("set the targets file: scrapy crawl portal -s ZWGK_TARGETS=targets.yaml -s ZWGK_DB=findings.db")
        shard, shards = settings.getint("ZWGK_SHARD"), max(1, settings.getint("ZWGK_SHARDS"))
        spider.agencies = [a for i, a in enumerate(load_targets(targets)) if i % shards == shard]
        spider.shard_label = f"{shard + 1}/{shards}" if shards > 1 else ""
        spider.db_path = kwargs.get("db") or settings.get("ZWGK_DB")
        spider.run_id = int(kwargs.get("run_id") or settings.get("ZWGK_RUN_ID") or 0)
        spider.max_pages = int(kwargs.get("max_pages") or settings.getint("ZWGK_MAX_PAGES"))
        spider.max_depth = int(kwargs.get("max_depth") or settings.getint("ZWGK_MAX_DEPTH"))
        spider.resume = str(kwargs.get("resume") or settings.get("ZWGK_RESUME")).lower() in ("1", "true", "yes")
        # Two requests per download slot: one downloading, one waiting, never more.
        spider.slot_depth = 2 * settings.getint("CONCURRENT_REQUESTS_PER_DOMAIN")
        if settings.get("LOG_LEVEL") not in ("DEBUG", "INFO"):
            # Failed fetches are recorded in fetch_errors and reported by the progress lines.
            logging.getLogger("scrapy.downloadermiddlewares.retry").setLevel(logging.CRITICAL)
        spider.state = {a.id: AgencyState(a) for a in spider.agencies}
        spider.scopes = {a.id: a.scopes for a in spider.agencies}
        if not spider.run_id:
            db = store.open_db(spider.db_path)
            spider.run_id = store.start_run(db, targets=str(targets), rules_dir="", options={"source": "scrapy crawl"})
            db.conn.close()
        crawler.signals.connect(spider.top_up_all, signal=scrapy.signals.spider_idle)
        return spider

    # -- the frontier --------------------------------------------------------------------

    async def start(self):
        for request in self.start_requests():
            yield request

    def start_requests(self):
        resumed = self._resume_frontier() if self.resume else {}
        for agency in self.agencies:
            state = self.state[agency.id]
            if agency.id in resumed:
                fetched, pages, frontier = resumed[agency.id]
                state.seen |= fetched
                state.fetched = pages
                for url, depth, referrer, context in frontier:
                    self._push(state, url, depth, referrer, context, 0)
            for url in agency.urls:
                self._push(state, url, 0, None, None, 100)
            requests = list(self._pop_requests(state))
            if not requests:
                self._maybe_done(state)
            yield from requests

    def _resume_frontier(self) -> dict:
        """Per agency: URLs already fetched in this run, and links from them not yet fetched."""
        db = store.open_db(self.db_path)
        result = {}
        try:
            for agency in self.agencies:
                rows, failed, links = store.resume_state(db.conn, self.run_id, agency.id)
                if not rows and not failed:
                    continue
                fetched = {r[0] for r in rows} | {r[1] for r in rows if r[1]} | failed
                depth_of = {r[0]: r[2] or 0 for r in rows}
                frontier = [
                    (to_url, depth_of.get(from_url, 0) + 1, from_url, {"anchor": anchor})
                    for from_url, to_url, anchor in links if to_url not in fetched
                ]
                result[agency.id] = (fetched, len(rows), frontier)
        finally:
            db.conn.close()
        return result

    def in_scope(self, agency_id: str, url: str) -> bool:
        parts = urlsplit(url)
        netloc, path = parts.netloc.lower(), parts.path or "/"
        return any(netloc == host and path.startswith(prefix) for host, prefix in self.scopes[agency_id])

    def _push(self, state: AgencyState, url, depth, referrer, context, priority_bonus) -> None:
        if url in state.seen or depth > self.max_depth or not self.in_scope(state.agency.id, url):
            return
        if urlsplit(url).path.lower().endswith(_SKIP_EXTENSIONS):
            return
        state.seen.add(url)
        state.pushed += 1
        heapq.heappush(state.frontier, (depth * 10 - priority_bonus, state.pushed, url, depth, referrer, context))

    def _pop_requests(self, state: AgencyState):
        """Requests for the agency's best frontier links, while it has free slots and pages left."""
        while (
            state.frontier
            and state.inflight < self.slot_depth
            and state.fetched + state.inflight < self.max_pages
        ):
            _, _, url, depth, referrer, context = heapq.heappop(state.frontier)
            state.inflight += 1
            yield scrapy.Request(
                url,
                callback=self.parse,
                errback=self.on_error,
                priority=-depth,
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

    def _top_up(self, state: AgencyState) -> None:
        for request in self._pop_requests(state):
            self.crawler.engine.crawl(request)
        self._maybe_done(state)

    def top_up_all(self):
        """On idle, make sure no agency has links left that were never requested."""
        for state in self.state.values():
            if state.frontier and state.fetched < self.max_pages:
                self._top_up(state)
                if state.inflight:
                    raise DontCloseSpider

    def closed(self, reason):
        """Record on the run that the crawl was cut short (Ctrl-C, shutdown); the caller marks
        it crawled once every process has finished."""
        if reason != "finished":
            db = store.open_db(self.db_path)
            try:
                store.update_run(db, self.run_id, status="interrupted")
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
            self._top_up(state)
            return
        if len(response.body) < 4096 and _CHALLENGE.search(response.body):
            yield self._error_item(state, original_url, "blocked", response.status, "JavaScript 反爬虫验证页面")
            self._top_up(state)
            return

        state.fetched += 1
        self.crawler.stats.inc_value("zwgk/pages")
        content_type = response.headers.get(b"Content-Type", b"").decode("latin-1") or None
        understood = understand(response.body, response.url, content_type, meta["context"])
        info = understood.info
        if info.page_type != "attachment" and meta["depth"] < self.max_depth:
            bonus_of = self._priority_bonus
            list_column = info.column if info.page_type == "list" else None
            for url, anchor in info.links:
                if url not in state.seen:
                    self._push(state, url, meta["depth"] + 1, original_url,
                               {"anchor": anchor, "date": info.link_dates.get(url), "column": list_column,
                                "parent_date": info.published},
                               bonus_of(url, anchor))
        yield PageItem(
            run_id=self.run_id,
            agency_id=state.agency.id,
            url=original_url,
            final_url=response.url,
            status=response.status,
            depth=meta["depth"],
            referrer=meta["referrer"],
            fetched_at=store.now_iso(),
            content_type=content_type,
            understood=understood,
        )
        self._top_up(state)

    def on_error(self, failure):
        request = failure.request
        state = self.state[request.meta["agency_id"]]
        state.inflight -= 1
        if failure.check(IgnoreRequest):
            self._top_up(state)
            return
        kind = next((kind for kind, errors in _ERROR_KINDS if failure.check(*errors)), "other")
        yield self._error_item(state, request.url, kind, None, str(failure.value)[:500])
        self._top_up(state)

    @staticmethod
    def _http_error_kind(response) -> str:
        return "blocked" if response.status in _BLOCKED_STATUSES else "http"

    def _error_item(self, state: AgencyState, url, kind, status, message) -> FetchErrorItem:
        state.errors += 1
        self.crawler.stats.inc_value("zwgk/fetch_errors")
        return FetchErrorItem(
            run_id=self.run_id, agency_id=state.agency.id, url=url, kind=kind,
            http_status=status, message=message, at=store.now_iso(),
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
        finished = not state.frontier or state.fetched >= self.max_pages
        if state.inflight == 0 and finished and not state.done:
            state.done = True
            self.agencies_done += 1
            self.on_agency_done(state.agency.id, state.fetched, state.errors)
