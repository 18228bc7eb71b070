"""The ``portal`` spider: crawl every agency's portal breadth-first, 政务公开 sections first.

Usage (the CLI does this for you)::

    scrapy crawl portal -s ZWGK_TARGETS=targets.yaml -s ZWGK_DB=findings.db -s ZWGK_RUN_ID=1

Each agency's start URLs (or its ``scope:`` prefixes) define its scope (host and, for a start
URL below the site root, the directory); an agency whose site holds another agency's
directory leaves that directory to it.  The crawl stays within ZWGK_MAX_DEPTH links of a
start page — the pages of a paginated list are all at the list's depth — and fetches at most
ZWGK_MAX_PAGES pages per agency.  Redirects (HTTP, meta refresh, one-line JavaScript) are
followed here, at most 10 hops; anti-bot answers and empty pages are recorded as ``blocked``.
What each agency's crawl reached is written to ``crawl_coverage`` when the spider closes.
With ZWGK_RESUME the frontier is rebuilt from what the run already stored, so an
interrupted crawl continues where it stopped.
"""

from __future__ import annotations

import heapq
import logging
import re
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

import scrapy
from scrapy.exceptions import DontCloseSpider, IgnoreRequest, UsageError
from twisted.internet.error import (
    ConnectionRefusedError,
    DNSLookupError,
    TCPTimedOutError,
    TimeoutError,
)

from core import store
from core.documents import sniff_type
from core.model import Agency
from core.targets import load_targets
from crawler import conditional
from crawler.blocking import challenge, empty_page
from crawler.coverage import AgencyCoverage
from crawler.items import FetchErrorItem, PageItem
from crawler.redirects import MAX_HOPS, REDIRECT_STATUSES, allowed_target, page_redirect, same_site
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
# Scrapy ≥ 2.13 raises its own download exceptions; older versions pass Twisted's through.
_ERROR_KINDS = [
    ("dns", [DNSLookupError, *_scrapy_errors("CannotResolveHostError")]),
    ("timeout", [TimeoutError, TCPTimedOutError, *_scrapy_errors("DownloadTimeoutError")]),
    ("refused", [ConnectionRefusedError, *_scrapy_errors("DownloadConnectionRefusedError")]),
]
# What a failure without a message was (Twisted's reset and cancellation errors print nothing).
_ERROR_WORDS = [
    (re.compile(r"ConnectionLost|ConnectionDone|ResponseNeverReceived|ResponseFailed|ConnectionReset|reset by peer", re.I),
     "reset", "连接被重置或中途断开"),
    (re.compile(r"larger than|maxsize|max size|Cancelled|warnsize", re.I), "too_large", "页面超过大小上限，已放弃下载"),
    (re.compile(r"PotentialDataLoss|DataLoss|partial", re.I), "reset", "页面未完整传输（连接提前关闭）"),
]


@dataclass
class AgencyState:
    """One agency's crawl: what it has seen, fetched and still wants to fetch.

    ``frontier`` is a heap of links not yet requested, best first (shallow, 政务公开
    sections); requests are made from it only while the agency has a free slot,
    so the page cap is exact and no request is built that will not be sent.
    """

    agency: Agency
    scopes: list = field(default_factory=list)  # (host, prefix); grows when the start URL redirects on its site
    excluded: list = field(default_factory=list)  # (host, prefix) of agencies inside this one's site
    fetched: int = 0
    errors: int = 0
    inflight: int = 0
    done: bool = False
    seen: set = field(default_factory=set)
    # directory URLs of the index pages seen ("/zwgk/" for "/zwgk/index.html" and the other way round): a portal's
    # logo links /index.html while its start URL is /, and both answer the same page
    directories: set = field(default_factory=set)
    frontier: list = field(default_factory=list)
    pushed: int = 0  # tie-breaker: first discovered, first fetched
    coverage: AgencyCoverage = field(default_factory=AgencyCoverage)


_INDEX_FILE = re.compile(r"/(index|default)\.(html?|shtml|jsp|php|aspx?)$", re.I)


def directory_of(url: str) -> str | None:
    """The directory URL a page stands for: ``/a/`` for ``/a/``, ``/a/index.html`` or ``/a/default.aspx``
    (query kept); None for any other page."""
    parts = urlsplit(url)
    path = parts.path or "/"
    if not path.endswith("/"):
        if not _INDEX_FILE.search(path):
            return None
        path = path[: path.rfind("/") + 1]
    return parts._replace(path=path, fragment="").geturl()


def _mark_seen(state: "AgencyState", url: str) -> None:
    state.seen.add(url)
    directory = directory_of(url)
    if directory is not None:
        state.directories.add(directory)


def _already_seen(state: "AgencyState", url: str) -> bool:
    """Seen under this name, or as the same directory's index page under its other name; marks it seen."""
    if url in state.seen or directory_of(url) in state.directories:
        return True
    _mark_seen(state, url)
    return False


def _scope_of(url: str, whole_site: bool) -> tuple[str, str]:
    parts = urlsplit(url)
    path = parts.path or "/"
    prefix = "/" if whole_site else (path if path.endswith("/") else path.rsplit("/", 1)[0] + "/")
    return parts.netloc.lower(), prefix


def _exclusions(agency: Agency, agencies: list[Agency]) -> list[tuple[str, str]]:
    """The parts of this agency's site that other agencies' start URLs or scopes sit in."""
    mine = agency.scopes
    inside = []
    for other in agencies:
        if other.id == agency.id:
            continue
        for host, prefix in other.scopes:
            if any(host == h and prefix.startswith(p) and prefix != p for h, p in mine):
                inside.append((host, prefix))
    return inside


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
        everyone = load_targets(targets)
        spider.agencies = [a for i, a in enumerate(everyone) if i % shards == shard]
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
        spider.state = {
            a.id: AgencyState(a, scopes=list(a.scopes), excluded=_exclusions(a, everyone)) for a in spider.agencies
        }
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
            yield from self._begin_agency(self.state[agency.id], resumed.get(agency.id))

    def _begin_agency(self, state: AgencyState, resumed: tuple | None) -> list[scrapy.Request]:
        """The first requests of an agency's crawl (its start URLs, or with ``resumed`` the frontier
        rebuilt from what the run already stored).  Also used by the queue node (spiders/node.py)."""
        if resumed:
            fetched, pages, frontier, failures = resumed
            state.seen |= fetched
            state.directories |= {d for d in map(directory_of, fetched) if d is not None}
            state.fetched = pages
            for kind, status, url in failures:  # the coverage counters go on from where they were
                self._count_failure(state, url, kind, status)
            for url, depth, referrer, context in frontier:
                # ranked as when first found, so that section links beyond the depth cap count again
                self._push(state, url, depth, referrer, context, self._priority_bonus(url, context["anchor"]))
        for url in state.agency.urls:
            self._push(state, url, 0, None, None, 100)
        requests = list(self._pop_requests(state))
        if not requests:
            self._maybe_done(state)
        return requests

    def _resume_frontier(self) -> dict:
        """Per agency: URLs already fetched in this run, how many pages, the links from them not yet
        fetched, and the run's failed fetches (kind, HTTP status, URL) for the coverage counters."""
        db = store.open_db(self.db_path)
        try:
            resumed = {agency.id: self._resumed_agency(db, agency.id) for agency in self.agencies}
        finally:
            db.conn.close()
        return {agency_id: entry for agency_id, entry in resumed.items() if entry}

    def _resumed_agency(self, db, agency_id: str) -> tuple | None:
        """What the run already stored of one agency (see _resume_frontier), or None when nothing."""
        rows, failed, links = store.resume_state(db.conn, self.run_id, agency_id)
        if not rows and not failed:
            return None
        fetched = {r[0] for r in rows} | {r[1] for r in rows if r[1]} | failed
        depth_of = {r[0]: r[2] or 0 for r in rows}
        frontier = [
            (to_url, depth_of.get(from_url, 0) + 1, from_url, {"anchor": anchor})
            for from_url, to_url, anchor in links if to_url not in fetched
        ]
        failures = [(kind, status, url) for kind, status, url, _ in store.fetch_errors_of(db, self.run_id, agency_id)]
        return fetched, len(rows), frontier, failures

    def in_scope(self, agency_id: str, url: str) -> bool:
        state = self.state[agency_id]
        try:
            parts = urlsplit(url)
            netloc, path = parts.netloc.lower(), parts.path or "/"
        except ValueError:
            return False
        if any(netloc == host and path.startswith(prefix) for host, prefix in state.excluded):
            return False
        return any(netloc == host and path.startswith(prefix) for host, prefix in state.scopes)

    def _push(self, state: AgencyState, url, depth, referrer, context, priority_bonus, pagination=False) -> None:
        if url in state.seen or not self.in_scope(state.agency.id, url):
            return
        if urlsplit(url).path.lower().endswith(_SKIP_EXTENSIONS):
            return
        section = pagination or priority_bonus > 0
        if depth > self.max_depth:
            if section:
                state.coverage.depth_cut.add(url)
            return
        if _already_seen(state, url):
            return
        state.pushed += 1
        # pages of a list come right after the list: they are the list
        rank = depth * 10 - (priority_bonus + (6 if pagination else 0))
        heapq.heappush(state.frontier, (rank, state.pushed, url, depth, referrer, context, section, pagination))

    def _pop_requests(self, state: AgencyState):
        """Requests for the agency's best frontier links, while it has free slots and pages left."""
        while (
            state.frontier
            and state.inflight < self.slot_depth
            and state.fetched + state.inflight < self.max_pages
        ):
            _, _, url, depth, referrer, context, _, _ = heapq.heappop(state.frontier)
            yield self._request(state, url, depth, referrer, context)

    def _request(self, state: AgencyState, url, depth, referrer, context, chain=()) -> scrapy.Request:
        state.inflight += 1
        return scrapy.Request(
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
                "dont_redirect": True,  # redirects are followed by the spider (crawler/redirects.py)
                "chain": list(chain),
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
        """Record what each agency's crawl reached, and on the run that the crawl was cut short
        (Ctrl-C, shutdown); the caller marks it crawled once every process has finished."""
        rows = [self._coverage_row(state) for state in self.state.values()]
        conn = store.open_crawl_connection(self.db_path)
        try:
            store.write_crawl_batch(conn, [], [], rows)
        finally:
            conn.close()
        if reason != "finished":
            db = store.open_db(self.db_path)
            try:
                store.update_run(db, self.run_id, status="interrupted")
            finally:
                db.conn.close()

    def _coverage_row(self, state: AgencyState) -> dict:
        coverage = state.coverage
        coverage.pages = state.fetched
        coverage.page_cap_reached = state.fetched >= self.max_pages
        left = [entry for entry in state.frontier]
        coverage.section_links_left = sum(1 for entry in left if entry[6])
        coverage.pagination_left = sum(1 for entry in left if entry[7])
        return coverage.row(self.run_id, state.agency.id, state.seen, finished=state.done)

    # -- responses -------------------------------------------------------------------------

    def parse(self, response):
        meta = response.meta
        state = self.state[meta["agency_id"]]
        state.inflight -= 1
        url = response.request.url
        chain = meta.get("chain") or []
        origin = chain[0] if chain else url
        status, body = response.status, response.body
        try:
            location = response.headers.get(b"Location")
            if status in REDIRECT_STATUSES and location:
                yield from self._redirect(state, meta, url, urljoin(url, location.decode("latin-1").strip()))
                return
            blocked = challenge(status, body)
            if blocked:
                yield self._error_item(state, origin, "blocked", status, blocked)
                return
            if status >= 400 or status < 200:
                yield self._error_item(state, origin, "http", status, f"HTTP {status}")
                return
            htmlish = sniff_type(body) in ("html", "unknown")
            target = page_redirect(body, url) if htmlish else None
            if target and target != url:
                yield from self._redirect(state, meta, url, target)
                return
            if htmlish and empty_page(body):
                yield self._error_item(state, origin, "blocked", status, f"HTTP {status} " + empty_page(body))
                return
            yield from self._page(state, meta, response, url, origin, chain)
        finally:
            self._top_up(state)

    def _page(self, state: AgencyState, meta, response, url, origin, chain):
        state.fetched += 1
        self.crawler.stats.inc_value("zwgk/pages")
        content_type = response.headers.get(b"Content-Type", b"").decode("latin-1") or None
        # a 304 answered from the previous run carries its stored understanding (crawler/conditional.py)
        understood = meta.get(conditional.REUSED) or understand(response.body, url, content_type, meta["context"])
        info = understood.info
        depth = meta["depth"]
        if info.page_type != "attachment":
            bonus_of = self._priority_bonus
            list_column = info.column if info.page_type == "list" else None
            pagination = set(info.pagination)
            for next_page in info.pagination:
                self._push(state, next_page, depth, origin, {"column": list_column}, 6, pagination=True)
            for link, anchor in info.links:
                if link not in state.seen and link not in pagination:
                    self._push(state, link, depth + 1, origin,
                               {"anchor": anchor, "date": info.link_dates.get(link), "column": list_column,
                                "parent_date": info.published},
                               bonus_of(link, anchor))
        yield PageItem(
            run_id=self.run_id,
            agency_id=state.agency.id,
            url=origin,
            final_url=url,
            status=response.status,
            depth=depth,
            referrer=meta["referrer"],
            fetched_at=store.now_iso(),
            content_type=content_type,
            understood=understood,
            redirects=chain or None,
            incremental=conditional.page_fields(response, understood),
        )

    def _redirect(self, state: AgencyState, meta, url: str, target: str):
        """Follow a redirect from ``url`` to ``target`` (chain kept; loops, long chains and unsafe
        targets become ``redirect`` fetch errors)."""
        chain = [*(meta.get("chain") or []), url]
        origin = chain[0]
        target = target.split("#", 1)[0]
        if target in chain:
            yield self._error_item(state, origin, "redirect", None, "跳转循环：" + " → ".join([*chain, target])[:480])
            return
        if len(chain) > MAX_HOPS:
            yield self._error_item(state, origin, "redirect", None,
                                   f"跳转超过 {MAX_HOPS} 次：{origin} → … → {target}"[:500])
            return
        start = state.agency.urls[0] if state.agency.urls else origin
        refused = allowed_target(target, start)
        if refused:
            yield self._error_item(state, origin, "redirect", None, refused)
            return
        if not self.in_scope(state.agency.id, target):
            if meta["depth"] == 0 and same_site(target, origin):
                # the start URL moved (http→https, bare host→www, /→/index.html on another port):
                # the final host joins the agency's scope, as much of it as the start URL had
                whole_site = any(prefix == "/" for _, prefix in state.scopes)
                state.scopes.append(_scope_of(target, whole_site))
            elif meta["depth"] == 0:
                yield self._error_item(state, origin, "redirect", None, f"起始网址跳转到其他网站：{target[:300]}")
                return
            else:
                return  # a link that leaves the agency's site by redirect
        if target in state.seen:
            return  # already fetched (or queued) under its own name
        # not _already_seen: a redirect from / to /index.html is the way to the page, not a second copy of it
        _mark_seen(state, target)
        self.crawler.engine.crawl(self._request(state, target, meta["depth"], meta["referrer"], meta["context"], chain))

    def on_error(self, failure):
        request = failure.request
        state = self.state[request.meta["agency_id"]]
        state.inflight -= 1
        chain = request.meta.get("chain") or []
        origin = chain[0] if chain else request.url
        kind = next((kind for kind, errors in _ERROR_KINDS if failure.check(*errors)), None)
        text = f"{type(failure.value).__name__}: {failure.value}".strip()
        message = str(failure.value).strip()
        if kind is None:
            kind, words = next(((k, w) for pattern, k, w in _ERROR_WORDS if pattern.search(text)), ("other", None))
            if failure.check(IgnoreRequest) and kind == "other":
                kind, words = "too_large", "请求被放弃（" + (message or "下载中间件拒绝") + "）"
            message = f"{words}：{text}" if words else text
        yield self._error_item(state, origin, kind, None, (message or type(failure.value).__name__)[:500])
        self._top_up(state)

    def _error_item(self, state: AgencyState, url, kind, status, message) -> FetchErrorItem:
        self._count_failure(state, url, kind, status)
        self.crawler.stats.inc_value("zwgk/fetch_errors")
        return FetchErrorItem(
            run_id=self.run_id, agency_id=state.agency.id, url=url, kind=kind,
            http_status=status, message=message, at=store.now_iso(),
        )

    def _count_failure(self, state: AgencyState, url, kind, status) -> None:
        """A failed fetch in the agency's counters and coverage (a 5xx is transient, like a timeout)."""
        state.errors += 1
        state.coverage.failed(url, kind if not (kind == "http" and status and status >= 500) else "other",
                              section=self._is_section(url))

    def _is_section(self, url: str) -> bool:
        """A 政务公开 section page, or the start page (everything hangs from it)."""
        return bool(_PRIORITY_PATHS.search(url)) or url.rstrip("/") in {u.rstrip("/") for u in self._start_urls()}

    def _start_urls(self):
        return [u for state in self.state.values() for u in state.agency.urls]

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
