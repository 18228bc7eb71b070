"""One audit at a time per database: a lock file next to it, held for the whole run.

``zwgk audit``, ``zwgk crawl`` and ``zwgk demo`` take ``DB.lock`` (an exclusive ``flock``) before they
start or resume a run and keep it until they exit.  The crawl processes inherit the lock's file
descriptor, so the lock stays held while any of them is alive — even when the parent was killed —
and a second run, or ``--resume`` of a run whose crawl is still going, is refused with one line
naming the run and the PIDs.  The kernel drops an ``flock`` when the last process holding it
ends, so a lock file left by a dead run is simply taken over: there is nothing to clean up.

The file's content (one JSON object: pid, run, command, started, crawl_pids) is only for the
message; the ``flock`` is the lock.  Scheduled runs use the same lock: two runs on one database
never overlap, and the one that finds the lock held exits with :data:`EXIT_LOCKED`.
"""

from __future__ import annotations

import datetime as dt
import errno
import fcntl
import json
import os
import time
from pathlib import Path

# The exit status of a run refused because another holds the database (sysexits EX_TEMPFAIL:
# "try again later"), so a scheduler can tell "skipped, a run is in progress" from a failure.
EXIT_LOCKED = 75


class LockHeld(Exception):
    """The database is in use by a live audit; ``str()`` is the one line for the user."""

    def __init__(self, message: str, holder: dict):
        super().__init__(message)
        self.holder = holder


def lock_path(db_path: str | Path) -> Path:
    return Path(f"{db_path}.lock")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:  # a zombie (dead, not yet reaped) holds nothing
        return Path(f"/proc/{pid}/status").read_text().split("State:", 1)[1].split()[0] != "Z"
    except (OSError, IndexError):
        return True


def _read(fd: int) -> dict:
    try:
        data = os.pread(fd, 4096, 0).decode("utf-8", "replace").strip()
        return json.loads(data) if data else {}
    except (OSError, ValueError):
        return {}


def describe(db_path: str | Path, holder: dict, wanted_run: int | None = None) -> str:
    """The one line saying who holds the database (and, when the run asked for is the one
    running, that it cannot be resumed or checked while its crawl is alive)."""
    pids = [p for p in [holder.get("pid"), *(holder.get("crawl_pids") or [])] if isinstance(p, int)]
    live = [p for p in pids if _alive(p)] or pids
    who = f"PID {'、'.join(map(str, live))}" if live else "另一个进程"
    run = f"运行 #{holder['run']}" if holder.get("run") else "一次审计"
    since = f"，自 {holder['started']} 起" if holder.get("started") else ""
    if wanted_run is not None and holder.get("run") == wanted_run:
        return (f"{db_path}：运行 #{wanted_run} 的抓取仍在进行（{who}{since}）；不能同时续抓或核查正在运行的抓取，"
                f"等它结束，或结束该进程后再续抓 (run {wanted_run} is still crawling)")
    return (f"{db_path} 正被{run}使用（{holder.get('command') or 'zwgk'}，{who}{since}仍在运行）；"
            f"等它结束后再试，或结束该进程后续抓 (database locked by a running audit)")


class AuditLock:
    """The database's lock.  ``acquire`` or raise :class:`LockHeld`; ``record`` what the run is."""

    def __init__(self, db_path: str | Path, command: str = "audit"):
        self.db_path = str(db_path)
        self.path = lock_path(db_path)
        self.command = command
        self.fd: int | None = None
        self.info: dict = {}

    def acquire(self, run: int | None = None, wait: float = 1.0) -> AuditLock:
        """Take the lock, waiting up to ``wait`` seconds (a short wait rides over another
        process's momentary probe, see :func:`holder`)."""
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        deadline = time.monotonic() + wait
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                if _still_named(fd, self.path):
                    break
                # the holder removed the file (discard) while we waited: lock the file now at the path
                os.close(fd)
                fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
                continue
            except OSError as exc:
                if exc.errno not in (errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK):
                    os.close(fd)
                    raise
                if time.monotonic() >= deadline:
                    held = _read(fd)
                    os.close(fd)
                    raise LockHeld(describe(self.db_path, held, run), held) from None
                time.sleep(0.1)
        self.fd = fd
        os.set_inheritable(fd, False)  # children get it only when asked (crawl processes: pass_fds)
        self.info = {"pid": os.getpid(), "run": run, "command": self.command,
                     "started": dt.datetime.now().isoformat(timespec="seconds"), "crawl_pids": []}
        self._write()
        return self

    def record(self, **fields) -> None:
        """Update what the lock file says (the run once it has a number, the crawl processes' PIDs)."""
        self.info.update(fields)
        self._write()

    def _write(self) -> None:
        data = json.dumps(self.info, ensure_ascii=False).encode("utf-8")
        os.ftruncate(self.fd, 0)
        os.pwrite(self.fd, data + b"\n", 0)

    def discard(self) -> None:
        """Release the lock and remove its file: for a run that never started (a targets file that
        failed validation), nothing is left beside the database.  The file is removed while still
        locked; a process that opened it meanwhile sees it is no longer at the path and retries."""
        if self.fd is not None:
            try:
                os.unlink(self.path)
            except FileNotFoundError:
                pass
        self.release()

    def fileno(self) -> int:
        return self.fd

    def release(self) -> None:
        if self.fd is not None:
            os.close(self.fd)  # the crawl processes' inherited copies end with them
            self.fd = None

    def __enter__(self) -> AuditLock:  # noqa: PYI034  (3.10 has no typing.Self)
        return self if self.fd is not None else self.acquire()

    def __exit__(self, *exc) -> None:
        self.release()


def _still_named(fd: int, path: Path) -> bool:
    """Whether the open lock file is still the one at ``path`` (not removed by :meth:`AuditLock.discard`)."""
    try:
        named = os.stat(path)
    except FileNotFoundError:
        return False
    mine = os.fstat(fd)
    return (mine.st_dev, mine.st_ino) == (named.st_dev, named.st_ino)


def holder(db_path: str | Path) -> dict | None:
    """Who holds the database's lock now (the lock file's content), or None when nobody does."""
    path = lock_path(db_path)
    try:
        fd = os.open(path, os.O_RDONLY)
    except FileNotFoundError:
        return None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except OSError as exc:
            if exc.errno in (errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK):
                return _read(fd) or {"pid": None}
            raise
        return None
    finally:
        os.close(fd)  # also drops the probe's shared lock
