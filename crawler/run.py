"""Run the ``portal`` spider in a child process.

Twisted's reactor cannot be restarted inside one process, so every crawl runs
as ``python -m scrapy crawl portal`` with the project settings; Ctrl-C reaches
the child, which shuts down gracefully and flushes what it has fetched.
"""

from __future__ import annotations

import os
import subprocess
import sys


def crawl_command(*, targets: str, db: str, run_id: int, max_pages: int, max_depth: int, resume: bool,
                  concurrency: int | None = None, per_agency: int | None = None, delay: float | None = None,
                  log_level: str = "WARNING", progress_interval: float = 5.0, extra: dict | None = None) -> list[str]:
    settings = {
        "ZWGK_TARGETS": targets,
        "ZWGK_DB": db,
        "ZWGK_RUN_ID": run_id,
        "ZWGK_MAX_PAGES": max_pages,
        "ZWGK_MAX_DEPTH": max_depth,
        "ZWGK_RESUME": int(resume),
        "ZWGK_PROGRESS_INTERVAL": progress_interval,
        "LOG_LEVEL": log_level,
    }
    if concurrency:
        settings["CONCURRENT_REQUESTS"] = concurrency
    if per_agency:
        settings["CONCURRENT_REQUESTS_PER_DOMAIN"] = per_agency
    if delay is not None:
        settings["DOWNLOAD_DELAY"] = delay
    settings.update(extra or {})
    command = [sys.executable, "-m", "scrapy", "crawl", "portal"]
    for name, value in settings.items():
        command += ["-s", f"{name}={value}"]
    return command


def run_crawl(**kwargs) -> int:
    """Run the crawl; returns the child's exit code (130 when interrupted)."""
    env = dict(os.environ, SCRAPY_SETTINGS_MODULE="crawler.settings")
    process = subprocess.Popen(crawl_command(**kwargs), env=env)
    try:
        return process.wait()
    except KeyboardInterrupt:
        # The child got the same SIGINT and is shutting down cleanly; let it finish writing.
        try:
            return process.wait(timeout=60) or 130
        except (KeyboardInterrupt, subprocess.TimeoutExpired):
            process.kill()
            process.wait()
            return 130
