"""A crawl process dies with the process that started it (``zwgk audit``/``crawl``).

Killing the audit's parent — even with SIGKILL, which it cannot catch — must not leave crawl
processes running: they would keep writing into a run that a later ``--resume`` also writes
into.  On Linux the parent-death signal (``prctl(PR_SET_PDEATHSIG)``) sends each crawl process
SIGTERM when its parent ends; Scrapy takes SIGTERM as a graceful shutdown, so the pages already
fetched are written and the run is marked interrupted.  Elsewhere the inherited database lock
(:mod:`core.runlock`) still stops a resume while they live.

The parent's PID is passed as ``ZWGK_PARENT_PID``: a parent that died before the signal was
armed is noticed by the child's changed parent PID.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import signal
import sys

from scrapy.exceptions import NotConfigured

PR_SET_PDEATHSIG = 1  # <linux/prctl.h>


def die_with_parent(parent_pid: int, sig: int = signal.SIGTERM) -> bool:
    """Arm the parent-death signal; exit at once when the parent is already gone.
    Returns False where the system has no such signal (not Linux)."""
    if not sys.platform.startswith("linux"):
        return False
    libc = ctypes.CDLL(ctypes.util.find_library("c") or None, use_errno=True)
    if libc.prctl(PR_SET_PDEATHSIG, int(sig), 0, 0, 0) != 0:
        return False
    if os.getppid() != parent_pid:  # the parent died before the signal was armed
        os._exit(1)
    return True


class DieWithParent:
    """Scrapy extension: arms :func:`die_with_parent` when the CLI started this crawl."""

    @classmethod
    def from_crawler(cls, crawler):
        parent = crawler.settings.getint("ZWGK_PARENT_PID")
        if not parent:
            raise NotConfigured("not started by zwgk")
        die_with_parent(parent)
        return cls()
