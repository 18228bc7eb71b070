"""Spiders by name, each imported only by the process that crawls with it.

Scrapy's default loader imports every module of SPIDER_MODULES in every crawl process, so each
``portal`` process also loaded the queue node's spider (spiders/node.py) and with it scrapy-redis
and the Redis client, ~6 MB resident that a ``portal`` crawl never uses (bench/README.md, "Memory").
A new spider is added here; tests/test_spider_loader.py fails when a spider module holds a spider
this table does not name.
"""

from __future__ import annotations

from scrapy.utils.misc import load_object

SPIDERS = {
    "portal": "crawler.spiders.portal.PortalSpider",
    "portal_node": "crawler.spiders.node.NodeSpider",  # `zwgk node`: agencies from a Redis queue (issue 9)
}


class LazySpiderLoader:
    """Scrapy's spider loader interface (SPIDER_LOADER_CLASS) over the SPIDERS table."""

    def __init__(self, spiders: dict[str, str]):
        self.spiders = dict(spiders)

    @classmethod
    def from_settings(cls, settings):
        return cls(SPIDERS)

    def load(self, spider_name: str):
        try:
            path = self.spiders[spider_name]
        except KeyError:
            raise KeyError(f"Spider not found: {spider_name}") from None
        return load_object(path)

    def list(self) -> list[str]:
        return list(self.spiders)

    def find_by_request(self, request) -> list[str]:
        return [name for name in self.spiders if self.load(name).handles_request(request)]
