"""zwgk-audit's Datasette plugin: the supervisors' Chinese metadata, canned queries and charts.

Registered through the ``datasette`` entry point (pyproject.toml), so any Datasette
in the project's environment shows an audit database the way supervisors read it.
``metadata.yml`` is the configuration as data; its ``sql_file`` / ``query_file``
entries name SQL files kept with the other named queries in ``core/store/queries``.
A database is treated as an audit database when it has the ``audit_runs`` table.
"""

from __future__ import annotations

import copy
import os
import sqlite3
from functools import lru_cache
from pathlib import Path

import yaml
from datasette import hookimpl
from markupsafe import Markup, escape

from core import store
from core.store import is_audit_database, named_query

METADATA = Path(__file__).resolve().parent / "metadata.yml"
ACCOUNT = "supervisor"
PASSWORD_HASH_ENV = "ZWGK_PASSWORD_HASH"  # set by `zwgk serve --password-env`


def _resolve_sql_files(node):
    if isinstance(node, dict):
        resolved = {}
        for key, value in node.items():
            if key == "sql_file":
                resolved["sql"] = named_query(value)
            elif key == "query_file":
                resolved["query"] = named_query(value)
            else:
                resolved[key] = _resolve_sql_files(value)
        return resolved
    if isinstance(node, list):
        return [_resolve_sql_files(v) for v in node]
    return node


@lru_cache(maxsize=None)
def _template() -> str:
    return METADATA.read_text(encoding="utf-8")


def metadata_for(database_names: list[str], *, password_hash: str | None = None) -> dict:
    return copy.deepcopy(_metadata(tuple(database_names), password_hash))


@lru_cache(maxsize=8)
def _metadata(database_names: tuple[str, ...], password_hash: str | None) -> dict:
    """The project's metadata for the audit databases among ``database_names``.

    Datasette names a database after its file (findings.db → findings); the template
    writes "{db}" where that name goes.  With a password hash, every page needs the
    ``supervisor`` account (datasette-auth-passwords).
    """
    metadata: dict = {}
    for name in database_names:
        filled = _resolve_sql_files(yaml.safe_load(_template().replace("{db}", name)))
        databases = metadata.setdefault("databases", {})
        databases.update(filled.pop("databases"))
        for key, value in filled.items():
            metadata.setdefault(key, value)
    if password_hash and metadata:
        metadata.setdefault("plugins", {})["datasette-auth-passwords"] = {f"{ACCOUNT}_password_hash": password_hash}
        metadata["allow"] = {"id": ACCOUNT}
    return metadata


@hookimpl
def get_metadata(datasette, key, database, table):
    names = [name for name, db in datasette.databases.items() if db.path and is_audit_database(db.path)]
    return metadata_for(names, password_hash=os.environ.get(PASSWORD_HASH_ENV))


# -- the workbench: read-only connections, SQLite limits, drill-down pages ---------------------

# One value may not exceed 50 MB (``select randomblob(400000000)`` fails at once instead of
# allocating gigabytes); stored pages are far smaller.
MAX_VALUE_BYTES = 50_000_000
LINKED_COLUMNS = {"单位编号": "agency", "agency_id": "agency", "规则": "rule", "rule_id": "rule"}


@hookimpl
def prepare_connection(conn, database, datasette):
    """Every connection Datasette opens — the write connection too — refuses writes and large values."""
    conn.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, MAX_VALUE_BYTES)
    db = datasette.databases.get(database)
    if db is not None and db.path and is_audit_database(db.path):
        # Datasette's own _internal database must stay writable; audit databases never are.
        conn.execute("PRAGMA query_only = 1")
        store.workbench.register_label_functions(conn)


@hookimpl
def register_routes():
    from .routes import ROUTES

    return ROUTES


@hookimpl
def render_cell(value, column, table, database, datasette):
    """Agency and rule ids link to the workbench pages (scorecard → agency → finding → stored copy)."""
    target = LINKED_COLUMNS.get(column)
    if not target or not isinstance(value, str) or not value or table not in (None, "findings", "findings_view", "scores"):
        return None
    db = datasette.databases.get(database)
    if not (db and db.path and is_audit_database(db.path)):
        return None
    from .routes import agency_url, rule_url

    url = agency_url(database, value) if target == "agency" else rule_url(database, value)
    return Markup(f'<a href="{escape(url)}">{escape(value)}</a>')
