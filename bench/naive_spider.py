"""The naive baseline: follow every in-site link with response.follow, store nothing.

Scrapy's defaults otherwise (its scheduler, dupefilter, offsite filter on the start hosts).
"""

import json
from urllib.parse import urlsplit

import scrapy
from scrapy.http import TextResponse


class NaiveSpider(scrapy.Spider):
    name = "naive"

    def __init__(self, start_file=None, stats_out=None, **kwargs):
        super().__init__(**kwargs)
        with open(start_file, encoding="utf-8") as f:
            self.start_urls = f.read().split()
        # Stay on the portals, as any crawler would: the farm's pages link to 100+ other hosts.
        self.allowed_domains = sorted({urlsplit(u).hostname for u in self.start_urls})
        self.stats_out = stats_out

    def parse(self, response):
        if not isinstance(response, TextResponse):
            return  # an attachment: fetched, nothing to follow
        for href in response.css("a::attr(href)").getall():
            yield response.follow(href, self.parse)

    def closed(self, reason):
        if self.stats_out:
            stats = {k: v for k, v in self.crawler.stats.get_stats().items() if isinstance(v, (int, float))}
            with open(self.stats_out, "w", encoding="utf-8") as f:
                json.dump(stats, f)
