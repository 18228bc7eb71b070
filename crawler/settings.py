"""Scrapy settings for zwgk-audit; every default lives here.

The CLI overrides the ZWGK_* values from its options; anything else can be
overridden with ``scrapy crawl portal -s NAME=VALUE``.
"""

BOT_NAME = "zwgk"
SPIDER_MODULES = ["crawler.spiders"]
NEWSPIDER_MODULE = "crawler.spiders"
# Each spider module is imported only by the process that crawls with it (crawler/spider_loader.py).
SPIDER_LOADER_CLASS = "crawler.spider_loader.LazySpiderLoader"

USER_AGENT = "Mozilla/5.0 (compatible; zwgk-audit/0.1; +政务公开检查)"
# Government portals frequently disallow everything in robots.txt; an audit of
# what an agency is legally obliged to publish reads the public pages anyway.
ROBOTSTXT_OBEY = False

# Many agencies in parallel, few requests at a time to each: every request carries
# its agency as download slot, so the per-domain limit is a per-agency limit.
CONCURRENT_REQUESTS = 48
CONCURRENT_REQUESTS_PER_DOMAIN = 4
DOWNLOAD_DELAY = 0
DOWNLOAD_TIMEOUT = 15  # the 2019 inspection indicators probe with a 15 s timeout
DOWNLOAD_MAXSIZE = 20 * 1024 * 1024
RETRY_TIMES = 1
REDIRECT_MAX_TIMES = 5
COOKIES_ENABLED = True  # 加速乐 answers with a cookie challenge
TELNETCONSOLE_ENABLED = False
LOG_LEVEL = "INFO"

# Breadth-first within priorities: the spider sets priority from depth and section.
SCHEDULER_MEMORY_QUEUE = "scrapy.squeues.FifoMemoryQueue"

SCHEDULER_DISK_QUEUE = "scrapy.squeues.PickleFifoDiskQueue"

ITEM_PIPELINES = {"crawler.pipelines.SQLitePipeline": 300}
EXTENSIONS = {
    "crawler.progress.CrawlProgress": 500,
    # crawl processes end with the zwgk process that started them (ZWGK_PARENT_PID; issue 13)
    "crawler.lifeline.DieWithParent": 0,
    # Scrapy ≥ 2.19 starts, in every crawl process, an HTTP server on loopback that runs Python sent to
    # it (token in a job file). An audit crawl has no use for it; it costs aiohttp (~8 MB resident).
    "scrapy.extensions.remote_control.RemoteControl": None,
}
REMOTE_CONTROL_ENABLED = False

# zwgk-audit's own settings (overridden by the CLI options of the same meaning)
ZWGK_DB = "findings.db"
ZWGK_TARGETS = None
ZWGK_RUN_ID = None
# The caps are sized so that a county portal's 政务公开 sections are crawled whole (README, "Crawl caps"):
# depth counts link steps between sections (home → 政府信息公开 → 法定主动公开内容 → category → list →
# article → attachment is 6; a list's further pages are at the list's depth), and 2000 pages hold the
# section lists of a county portal with every page of their pagination.  Coverage (crawler/coverage.py)
# says when an agency needed more, and its absences are then `error`/incomplete_crawl, never `fail`.
ZWGK_MAX_PAGES = 2000  # per agency
ZWGK_MAX_DEPTH = 6
ZWGK_RESUME = False
# Conditional requests against this run's pages: "auto" (latest earlier run with pages), a run id, or 0 (off)
ZWGK_PREVIOUS_RUN = "auto"
ZWGK_PARENT_PID = 0  # set by crawler/run.py: the crawl dies with that process (crawler/lifeline.py)
# Scrapy uses one core per process: `zwgk crawl --processes N` runs N spiders, each on every
# N-th agency (ZWGK_SHARD = 0 … N-1 of ZWGK_SHARDS = N).
ZWGK_SHARD = 0
ZWGK_SHARDS = 1
# Pages per SQLite transaction. A page row holds ~50 KB of Python objects on these templates (its 130+
# links, text, compressed bytes) and up to four batches are alive (accumulating, two queued, one being
# written): 50 pages keep that under ~10 MB per process; 200 held ~15 MB more (bench/README.md, "Memory").
ZWGK_BATCH_SIZE = 50
ZWGK_PROGRESS_INTERVAL = 5.0  # seconds between progress lines (0 = off)

REQUEST_FINGERPRINTER_IMPLEMENTATION = "2.7"
FEED_EXPORT_ENCODING = "utf-8"

DOWNLOADER_MIDDLEWARES = {
    # The spider scopes, deduplicates and tracks depth itself; these would repeat that work per request.
    "scrapy.downloadermiddlewares.offsite.OffsiteMiddleware": None,
    "scrapy.downloadermiddlewares.httpproxy.HttpProxyMiddleware": None,
    "scrapy.downloadermiddlewares.httpauth.HttpAuthMiddleware": None,
    # Redirects are followed by the spider, which keeps the chain, limits hops and scope (crawler/redirects.py).
    "scrapy.downloadermiddlewares.redirect.RedirectMiddleware": None,
    "scrapy.downloadermiddlewares.redirect.MetaRefreshMiddleware": None,
    # Re-audits send If-None-Match / If-Modified-Since and reuse the previous run's pages on 304
    # (issue 9). Below HttpCompression (590): the stored bytes are already decompressed.
    "crawler.conditional.ConditionalRequests": 580,
}
SPIDER_MIDDLEWARES = {
    "scrapy.spidermiddlewares.depth.DepthMiddleware": None,
    "scrapy.spidermiddlewares.urllength.UrlLengthMiddleware": None,
    "scrapy.spidermiddlewares.httperror.HttpErrorMiddleware": None,  # every status reaches parse()
}

# Scrapy starts CONCURRENT_ITEMS asyncio tasks for every response; a page yields a
# handful of requests and one item, so a small pool saves ~1 ms of CPU per page.
CONCURRENT_ITEMS = 8

# Crawl nodes on a shared Redis agency queue (`zwgk node`, spiders/node.py, agency_queue.py; issue 9)
REDIS_URL = None  # redis://HOST:6379/0
ZWGK_QUEUE = None  # the queue's name (its keys start with it)
ZWGK_NODE_ID = None  # default: host name and database file name
ZWGK_HEARTBEAT = 30.0  # seconds a node counts as alive after its last beat (it beats every third of it)
ZWGK_SLOTS = 0  # agencies in flight per crawl process (0: CONCURRENT_REQUESTS / CONCURRENT_REQUESTS_PER_DOMAIN)
