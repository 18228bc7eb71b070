"""Progress during a crawl: agencies done, pages fetched, failures, pages per second.

Printed to stderr every ZWGK_PROGRESS_INTERVAL seconds and when an agency finishes.
"""

from __future__ import annotations

import sys
import time

from scrapy import signals
from scrapy.exceptions import NotConfigured
from twisted.internet import task


class CrawlProgress:
    def __init__(self, crawler, interval: float):
        self.crawler = crawler
        self.interval = interval
        self.started = time.monotonic()
        self.loop = None
        crawler.signals.connect(self.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler):
        interval = crawler.settings.getfloat("ZWGK_PROGRESS_INTERVAL")
        if interval <= 0:
            raise NotConfigured
        return cls(crawler, interval)

    def spider_opened(self, spider):
        self.spider = spider
        spider.on_agency_done = self.agency_done
        self.loop = task.LoopingCall(self.report)
        self.loop.start(self.interval, now=False)

    def spider_closed(self, spider, reason):
        if self.loop and self.loop.running:
            self.loop.stop()
        self.report(final=True)

    def agency_done(self, agency_id: str, pages: int, errors: int):
        done, total = self.spider.agencies_done, len(self.spider.agencies)
        self._print(f"{self._prefix()} 完成 {agency_id}：{pages} 页，{errors} 个错误（{done}/{total} 个单位）")

    def report(self, final: bool = False):
        stats = self.crawler.stats
        pages = stats.get_value("zwgk/pages", 0)
        errors = stats.get_value("zwgk/fetch_errors", 0)
        elapsed = max(time.monotonic() - self.started, 1e-6)
        done, total = self.spider.agencies_done, len(self.spider.agencies)
        prefix = f"{self._prefix()} {'结束' if final else '进度'}"
        self._print(
            f"{prefix}：单位 {done}/{total} 完成，已抓取 {pages} 页，失败 {errors} 次，{pages / elapsed:.1f} 页/秒"
        )

    def _prefix(self) -> str:
        shard = getattr(self.spider, "shard_label", "")
        return f"[抓取 进程{shard}]" if shard else "[抓取]"

    @staticmethod
    def _print(line: str):
        print(line, file=sys.stderr, flush=True)
