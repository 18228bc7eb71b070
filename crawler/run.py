"""Run the ``portal`` spider in child processes.

Twisted's reactor cannot be restarted inside one process, so every crawl runs
as ``python -m scrapy crawl portal`` with the project settings.  Scrapy uses
one core per process, so ``processes`` spiders run side by side, each on every
N-th agency, all writing to the same database.  Ctrl-C reaches the children,
which shut down gracefully and flush what they have fetched.

The children die with this process (``ZWGK_PARENT_PID``, crawler/lifeline.py) and hold the
database lock's descriptor (``lock_fd``, core/runlock.py) while they live, so a resume can
tell that a crawl is still running even when its parent was killed.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys


def crawl_command(*, targets: str, db: str, run_id: int, max_pages: int, max_depth: int, resume: bool,
                  concurrency: int | None = None, per_agency: int | None = None, delay: float | None = None,
                  log_level: str = "WARNING", progress_interval: float = 5.0, extra: dict | None = None,
                  spider: str = "portal") -> list[str]:
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
    # "portal": the agencies of the targets file; "portal_node": agencies taken from a Redis queue (issue 9)
    command = [sys.executable, "-m", "scrapy", "crawl", spider]
    for name, value in settings.items():
        command += ["-s", f"{name}={value}"]
    return command


def default_processes(agencies: int) -> int:
    return max(1, min(os.cpu_count() or 1, agencies))


def run_crawl(processes: int = 1, lock_fd: int | None = None, on_started=None, **kwargs) -> int:
    """Run the crawl; returns 0 when every process finished, else non-zero (130 when interrupted).

    ``lock_fd``: a descriptor the children inherit (the database lock); ``on_started(pids)`` is
    called with the children's PIDs once they are started.
    """
    env = dict(os.environ, SCRAPY_SETTINGS_MODULE="crawler.settings")
    kwargs["extra"] = dict(kwargs.get("extra") or {}, ZWGK_PARENT_PID=os.getpid())
    pass_fds = (lock_fd,) if lock_fd is not None else ()
    if processes > 1:
        # the total concurrency is shared among the processes, not multiplied by them
        total = kwargs.get("concurrency") or 48
        kwargs["concurrency"] = max(4, -(-total // processes))
    children = []
    for shard in range(processes):
        extra = dict(kwargs.pop("extra", None) or {}, ZWGK_SHARD=shard, ZWGK_SHARDS=processes)
        children.append(subprocess.Popen(crawl_command(extra=extra, **kwargs), env=env, pass_fds=pass_fds))
        kwargs["extra"] = {k: v for k, v in extra.items() if not k.startswith("ZWGK_SHARD")}
    if on_started:
        on_started([child.pid for child in children])

    def stop_children(signum, frame):
        # `kill`, `timeout` and `systemctl stop` send SIGTERM to the parent only: pass it on so the crawl
        # processes stop as cleanly as on Ctrl-C, and end like Ctrl-C (the run is marked interrupted).
        for child in children:
            if child.poll() is None:
                child.terminate()
        raise KeyboardInterrupt

    previous_handler = signal.signal(signal.SIGTERM, stop_children)
    try:
        codes = [child.wait() for child in children]
    except KeyboardInterrupt:
        # The children got the same SIGINT and are shutting down cleanly; let them finish writing.
        codes = [130]
        for child in children:
            try:
                child.wait(timeout=60)
            except (KeyboardInterrupt, subprocess.TimeoutExpired):
                child.kill()
                child.wait()
    finally:
        signal.signal(signal.SIGTERM, previous_handler)
    return next((code for code in codes if code), 0)
