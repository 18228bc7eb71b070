"""One audit at a time per database (issue 13): the CLI's side of core/runlock.py.

``zwgk audit``, ``crawl`` and ``demo`` hold the database's lock from before the run starts until
they exit (their crawl processes inherit it); ``check`` refuses a run whose crawl is alive.  A
refusal is one line and exit status 75 (``EXIT_LOCKED``), so a scheduler can tell "another run
is in progress" from a failure.
"""

from __future__ import annotations

from core.runlock import EXIT_LOCKED, AuditLock, LockHeld, describe, holder

from .common import fail


def lock_database(db: str, command: str, resume: int | None = None) -> AuditLock:
    """Take the database's lock for this process and its crawl, or exit with one line."""
    try:
        return AuditLock(db, command).acquire(run=resume)
    except LockHeld as exc:
        fail(str(exc), EXIT_LOCKED)


def refuse_running(db: str, run_id: int) -> None:
    """Exit with one line when ``run_id``'s crawl is still alive."""
    held = holder(db)
    if held and held.get("run") == run_id:
        fail(describe(db, held, run_id), EXIT_LOCKED)


def fail_before_start(lock: AuditLock | None, message: str) -> None:
    """One line and exit for a run that never started, removing the lock file it took."""
    if lock is not None:
        lock.discard()
    fail(message)
