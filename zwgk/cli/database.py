"""Opening the audit database from the command line: a path that cannot be used is one line naming it.

A database in a missing directory, or in a directory (or file) the user may not write, used to end
in a 30-line sqlite3 traceback deep in the crawl; every command that opens a database checks first.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from core import store

from .common import fail


def path_problem(path: str | Path, *, must_exist: bool = False, write: bool = True) -> str | None:
    """Why the database at ``path`` cannot be opened (one line naming it), or None."""
    path = Path(path)
    directory = path.resolve().parent
    if path.is_dir():
        return f"{path}: 是目录，不是数据库文件 (is a directory)"
    if not path.exists():
        if must_exist:
            return f"{path}: 数据库不存在 (database not found)"
        if not directory.is_dir():
            return f"{path}: 所在目录不存在 ({directory}: directory not found)"
    if write:
        # SQLite in WAL mode writes -wal and -shm files beside the database: the directory must be writable
        if not os.access(directory, os.W_OK | os.X_OK):
            return f"{path}: 所在目录不可写 ({directory}: directory is read-only)"
        if path.exists() and not os.access(path, os.W_OK):
            return f"{path}: 数据库文件只读 (file is read-only)"
    elif path.exists() and not os.access(path, os.R_OK):
        return f"{path}: 数据库文件不可读 (permission denied)"
    return None


def check_database_path(path: str | Path, *, must_exist: bool = False) -> None:
    """Exit with one line when the database at ``path`` could not be created or written."""
    problem = path_problem(path, must_exist=must_exist)
    if problem:
        fail(problem)


def open_for_writing(path: str | Path, *, must_exist: bool = False):
    """The audit database, opened (created when allowed) for writing — or one line and exit."""
    check_database_path(path, must_exist=must_exist)
    try:
        return store.open_db(path)
    except sqlite3.Error as exc:
        fail(f"{path}: 无法打开数据库 ({exc})")


def open_for_reading(path: str | Path):
    """An existing audit database for exports and reports: opened normally where its directory is
    writable, else read-only (a copy on a read-only disk still exports) — or one line and exit."""
    problem = path_problem(path, must_exist=True, write=False)
    if problem:
        fail(problem)
    try:
        if path_problem(path, must_exist=True) is None:
            return store.open_db(path)
        return store.open_readonly(path, check=True)
    except sqlite3.Error as exc:
        fail(f"{path}: 无法打开数据库 ({exc})")


def audit_database_problem(path: str | Path) -> str | None:
    """Why the existing file at ``path`` is not an audit database, or None.  Read-only: a file that
    is not ours is never given the schema or switched to WAL just by looking at it."""
    try:
        database = store.open_readonly(path, check=True)
        try:
            tables = database.table_names()
        finally:
            database.conn.close()
    except sqlite3.Error:
        return f"{path}: 不是 SQLite 数据库文件 (file is not a database)"
    if "audit_runs" not in tables:
        return f"{path}: 不是审计数据库（没有 audit_runs 表），未作任何修改 (not an audit database)"
    return None


def require_audit_database(path: str | Path, *, write: bool = True) -> None:
    """Exit with one line unless ``path`` is an existing, usable audit database."""
    problem = path_problem(path, must_exist=True, write=write) or audit_database_problem(path)
    if problem:
        fail(problem)
