"""Store fetched pages in the audit database, a batch per transaction.

Each page keeps its raw bytes (zlib, keyed by SHA-256) so that evidence can be
shown exactly as fetched.  A batch is written in one transaction; a crawl that
is killed loses at most the unwritten batches, which a resumed crawl fetches again.

Batches are written by a writer thread: SQLite releases the GIL while it
updates its B-trees, so index maintenance runs on the second core while Scrapy
keeps crawling on the first.
"""

from __future__ import annotations

import json
import queue
import threading
import time

from scrapy.exceptions import NotConfigured

from core import store
from crawler.items import CoverageItem, FetchErrorItem, PageItem


class SQLitePipeline:
    def __init__(self, db_path: str, batch_size: int, stats):
        self.db_path = db_path
        self.batch_size = batch_size
        self.stats = stats
        self.pages: list[dict] = []
        self.errors: list[dict] = []
        self.coverage: list[dict] = []
        self.last_flush = time.monotonic()
        self.batches: queue.Queue = queue.Queue(maxsize=2)  # backpressure if the disk falls behind
        self.writer_error: BaseException | None = None
        # rows (pages + fetch errors) committed per agency: a queue node (spiders/node.py) acknowledges
        # an agency in Redis only once every item it produced for it is in the database
        self.committed: dict[str, int] = {}

    @classmethod
    def from_crawler(cls, crawler):
        db_path = crawler.settings.get("ZWGK_DB")
        if not db_path:
            raise NotConfigured("ZWGK_DB is not set")
        pipeline = cls(db_path, crawler.settings.getint("ZWGK_BATCH_SIZE"), crawler.stats)
        pipeline.crawler = crawler
        return pipeline

    def open_spider(self, spider=None):
        store.open_db(self.db_path).conn.close()  # create or migrate the schema before writing
        spider = spider or getattr(self, "crawler", None) and self.crawler.spider
        if spider is not None:
            spider.pipeline = self  # the queue node flushes and reads ``committed`` (spiders/node.py)
        self.writer = threading.Thread(target=self._write_batches, name="zwgk-sqlite-writer", daemon=True)
        self.writer.start()

    def close_spider(self, spider=None):
        self.flush()
        self.batches.put(None)
        self.writer.join()
        self._raise_writer_error()

    def process_item(self, item, spider=None):
        if isinstance(item, PageItem):
            self.pages.append(self._page_row(item))
        elif isinstance(item, FetchErrorItem):
            self.errors.append(dict(item))
        elif isinstance(item, CoverageItem):
            self.coverage.append(item["row"])
        if len(self.pages) >= self.batch_size or time.monotonic() - self.last_flush > 2.0:
            self.flush()
        return item

    def flush(self):
        self._raise_writer_error()
        if self.pages or self.errors or self.coverage:
            self.batches.put((self.pages, self.errors, self.coverage))
            self.pages, self.errors, self.coverage = [], [], []
        self.last_flush = time.monotonic()

    def _write_batches(self):
        conn = store.open_crawl_connection(self.db_path)
        try:
            while (batch := self.batches.get()) is not None:
                if self.writer_error is None:
                    try:
                        store.write_crawl_batch(conn, *batch)
                        for row in (*batch[0], *batch[1]):
                            self.committed[row["agency_id"]] = self.committed.get(row["agency_id"], 0) + 1
                        self.stats.inc_value("zwgk/pages_written", len(batch[0]))
                        self.stats.inc_value("zwgk/errors_written", len(batch[1]))
                    except BaseException as exc:  # surfaced on the crawl thread by _raise_writer_error
                        self.writer_error = exc
        finally:
            conn.close()

    def _raise_writer_error(self):
        if self.writer_error is not None:
            raise RuntimeError(f"cannot write to {self.db_path}: {self.writer_error}") from self.writer_error

    @staticmethod
    def _page_row(item: PageItem) -> dict:
        understood = item["understood"]
        info = understood.info
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
            "content_hash": understood.content_hash,
            "raw_sha256": understood.raw_sha256,
            "encoding": info.encoding,
            "file_type": info.file_type,
            "site_name": info.site_name,
            "spam": int(info.spam),
            "written": info.written,
            "interpretation_links": json.dumps(info.interpretation_links, ensure_ascii=False) if info.interpretation_links else None,
            "attachments": json.dumps(info.attachments, ensure_ascii=False) if info.attachments else None,
            "depth": item["depth"],
            "referrer": item["referrer"],
            "site_id_code": info.site_id_code,
            "fetched_at": item["fetched_at"],
            "redirects": json.dumps(item.get("redirects"), ensure_ascii=False) if item.get("redirects") else None,
            "extraction_error": info.extraction_error,
            "content_type": item["content_type"],
            "size": understood.size,
            "compressed": understood.compressed,
            "links": info.links,
            **(item.get("incremental") or {}),  # etag, last_modified, unchanged, link_hints (crawler/conditional.py)
        }
