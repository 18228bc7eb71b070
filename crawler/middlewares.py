"""Downloader middlewares of the zwgk crawler."""

from __future__ import annotations

import scrapy
from scrapy.exceptions import IgnoreRequest


class AgencyPageCap:
    """Downloader middleware: drop requests of an agency that already has ZWGK_MAX_PAGES pages."""

    def process_request(self, request, spider=None):
        spider = spider or self.spider
        agency_id = request.meta.get("agency_id")
        if agency_id and spider.state[agency_id].fetched >= spider.max_pages:
            raise IgnoreRequest("page cap reached")
        return None

    @classmethod
    def from_crawler(cls, crawler):
        middleware = cls()
        middleware.crawler = crawler
        crawler.signals.connect(middleware._opened, signal=scrapy.signals.spider_opened)
        return middleware

    def _opened(self, spider):
        self.spider = spider
