"""The naive baseline: follow every link with response.follow, store nothing."""

import json

import scrapy


class NaiveSpider(scrapy.Spider):
    name = "naive"

    def __init__(self, start_file=None, stats_out=None, **kwargs):
        super().__init__(**kwargs)
        self.start_urls = open(start_file, encoding="utf-8").read().split()
        self.stats_out = stats_out

    def parse(self, response):
        for href in response.css("a::attr(href)").getall():
            yield response.follow(href, self.parse)

    def closed(self, reason):
        if self.stats_out:
            stats = {k: v for k, v in self.crawler.stats.get_stats().items() if isinstance(v, (int, float))}
            with open(self.stats_out, "w", encoding="utf-8") as f:
                json.dump(stats, f)
