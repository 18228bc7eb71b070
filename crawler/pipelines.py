"""Store fetched pages in the audit database, a batch per transaction.

Each page keeps its raw bytes (zlib, keyed by SHA-256) so that evidence can be
shown exactly as fetched.  A batch is written in one transaction; a crawl that
is killed loses at most the unwritten batch, which a resumed crawl fetches again.
"""

from __future__ import annotations

import hashlib
import time
import zlib

from scrapy.exceptions import NotConfigured

from checks import storage
from crawler.extract import content_hash
from crawler.items import FetchErrorItem, PageItem


class SQLitePipeline:
    def __init__(self, db_path: str, batch_size: int, stats):
        self.db_path = db_path
        self.batch_size = batch_size
        self.stats = stats
        self.pages: list[dict] = []
        self.errors: list[dict] = []
        self.last_flush = time.monotonic()

    @classmethod
    def from_crawler(cls, crawler):
        db_path = crawler.settings.get("ZWGK_DB")
        if not db_path:
            raise NotConfigured("ZWGK_DB is not set")
        return cls(db_path, crawler.settings.getint("ZWGK_BATCH_SIZE"), crawler.stats)

    def open_spider(self, spider=None):
        self.db = storage.open_db(self.db_path)

    def close_spider(self, spider=None):
        self.flush()
        self.db.conn.close()

    def process_item(self, item, spider=None):
        if isinstance(item, PageItem):
            self.pages.append(self._page_row(item))
        elif isinstance(item, FetchErrorItem):
            self.errors.append(dict(item))
        if len(self.pages) >= self.batch_size or time.monotonic() - self.last_flush > 2.0:
            self.flush()
        return item

    def flush(self):
        if self.pages or self.errors:
            storage.write_crawl_batch(self.db.conn, self.pages, self.errors)
            self.stats.inc_value("zwgk/pages_written", len(self.pages))
            self.stats.inc_value("zwgk/errors_written", len(self.errors))
            self.pages, self.errors = [], []
        self.last_flush = time.monotonic()

    @staticmethod
    def _page_row(item: PageItem) -> dict:
        info = item["info"]
        body = item["body"]
        return {
            "run_id": item["run_id"],
            "agency_id": item["agency_id"],
            "url": item["url"],
            "final_url": item["final_url"],
            "status": item["status"],
            "title": info.title,
            "title_simplified": info.title_simplified,
            "published": info.published,
            "published_source": info.published_source,
            "column": info.column,
            "doc_number": info.doc_number,
            "page_type": info.page_type,
            "text": info.text,
            "content_hash": content_hash(info.text),
            "raw_sha256": hashlib.sha256(body).hexdigest(),
            "encoding": info.encoding,
            "depth": item["depth"],
            "referrer": item["referrer"],
            "site_id_code": info.site_id_code,
            "fetched_at": item["fetched_at"],
            "content_type": item["content_type"],
            "size": len(body),
            "compressed": zlib.compress(body, 6),
            "links": info.links,
        }
