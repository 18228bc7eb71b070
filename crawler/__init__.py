"""The crawler: a Scrapy project that visits agency portals and stores what it understood.

spiders/portal.py (what to fetch) → extract.py (what a page says) →
pipelines.py (SQLite, in batches) ; progress.py reports during the crawl.
"""
