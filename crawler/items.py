"""What the spider hands the pipeline: one fetched page, or one failed fetch."""

from __future__ import annotations

import scrapy


class PageItem(scrapy.Item):
    run_id = scrapy.Field()
    agency_id = scrapy.Field()
    url = scrapy.Field()
    final_url = scrapy.Field()
    status = scrapy.Field()
    depth = scrapy.Field()
    referrer = scrapy.Field()
    fetched_at = scrapy.Field()
    content_type = scrapy.Field()
    understood = scrapy.Field()  # crawler.understand.Understood: fields, raw bytes compressed, hashes
    redirects = scrapy.Field()  # URLs a redirect chain passed through before final_url
    incremental = scrapy.Field()  # crawler.conditional.page_fields: etag, last_modified, unchanged, link_hints


class FetchErrorItem(scrapy.Item):
    run_id = scrapy.Field()
    agency_id = scrapy.Field()
    url = scrapy.Field()
    kind = scrapy.Field()  # dns | timeout | refused | reset | http | blocked | redirect | too_large | other
    http_status = scrapy.Field()
    message = scrapy.Field()
    at = scrapy.Field()


class CoverageItem(scrapy.Item):
    """What one agency's crawl reached (a crawl_coverage row: see crawler/coverage.py)."""

    row = scrapy.Field()
