"""The audit database: the one place that owns the schema.

Every table, index and migration lives here; the crawler pipeline, the checks
and the CLI open the database through :func:`open_db` and write through the
helpers below.  Nothing else issues DDL.

Tables (all documented in README.md):

``audit_runs``   one row per audit run (started, finished, targets, rules, counts)
``agencies``     the agencies of the latest targets file, by id
``pages``        one row per fetched page per run
``raw_pages``    the bytes of each fetched page, zlib-compressed, keyed by SHA-256
``links``        links seen on each page (from, to, anchor text)
``fetch_errors`` failed fetches (DNS, timeout, HTTP 4xx/5xx, anti-bot answers)
``notices``      the notices the rules come from
``rules``        the rules, with the quoted sentence they enforce
``findings``     one row per (run, agency, rule): status, reason, evidence
``scores``       one row per (run, agency): points, percent, rank
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from pathlib import Path

import sqlite_utils

SCHEMA_VERSION = 1

FINDING_STATUSES = ("pass", "fail", "error", "manual", "not_applicable")

_TABLES: dict[str, dict] = {
    "audit_runs": dict(
        columns={
            "id": int,
            "started": str,
            "finished": str,
            "status": str,  # running | crawled | finished | interrupted
            "targets": str,
            "rules_dir": str,
            "agencies": int,
            "rules": int,
            "pages": int,
            "fetch_errors": int,
            "findings": int,
            "counts": str,  # JSON: findings by status
            "text_indexed": int,  # 1 once the run's pages are in pages_fts
            "options": str,  # JSON: caps and settings used
        },
        pk="id",
    ),
    "agencies": dict(
        columns={
            "id": str,
            "name": str,
            "level": str,
            "province": str,
            "parent": str,
            "aliases": str,
            "urls": str,
        },
        pk="id",
    ),
    "pages": dict(
        columns={
            "id": int,
            "run_id": int,
            "agency_id": str,
            "url": str,
            "final_url": str,
            "status": int,
            "title": str,
            "title_simplified": str,
            "published": str,
            "published_source": str,
            "column": str,
            "doc_number": str,
            "page_type": str,
            "text": str,
            "content_hash": str,
            "raw_sha256": str,
            "encoding": str,
            "file_type": str,
            "site_name": str,
            "spam": int,
            "depth": int,
            "referrer": str,
            "site_id_code": str,
            "fetched_at": str,
        },
        pk="id",
    ),
    "raw_pages": dict(
        columns={"sha256": str, "content_type": str, "size": int, "compressed": bytes},
        pk="sha256",
    ),
    "links": dict(
        columns={"run_id": int, "from_url": str, "to_url": str, "anchor": str},
    ),
    "fetch_errors": dict(
        columns={
            "id": int,
            "run_id": int,
            "agency_id": str,
            "url": str,
            "kind": str,  # dns | timeout | refused | http | blocked | other
            "http_status": int,
            "message": str,
            "at": str,
        },
        pk="id",
    ),
    "notices": dict(
        columns={
            "id": str,
            "title": str,
            "issuer": str,
            "doc_number": str,
            "issued": str,
            "published": str,
            "source_file": str,
            "binds": str,
        },
        pk="id",
    ),
    "rules": dict(
        columns={
            "rule_id": str,
            "notice": str,
            "kind": str,
            "title": str,
            "quote": str,
            "params": str,
            "applies_to": str,
            "weight": float,
            "web_checkable": int,
        },
        pk="rule_id",
    ),
    "findings": dict(
        columns={
            "id": int,
            "run_id": int,
            "agency_id": str,
            "rule_id": str,
            "status": str,
            "reason": str,
            "evidence_url": str,
            "evidence_title": str,
            "evidence_date": str,
            "deadline": str,
            "detail": str,
            "weight": float,
        },
        pk="id",
    ),
    "interpretation_pairs": dict(
        columns={
            "run_id": int,
            "agency_id": str,
            "policy_url": str,
            "interpretation_url": str,
            "how": str,  # link | doc_number | title
            "policy_published": str,
            "interpretation_published": str,
        },
    ),
    "scores": dict(
        columns={
            "run_id": int,
            "agency_id": str,
            "points_earned": float,
            "points_possible": float,
            "percent": float,
            "rank": int,
            "rank_in_level": int,
            "passed": int,
            "failed": int,
            "errors": int,
            "manual": int,
            "not_applicable": int,
            "evaluation_points": float,  # scaled to the weight of 政务公开 in the evaluation (e.g. 4)
        },
        pk=("run_id", "agency_id"),
    ),
}

_INDEXES = [
    ("pages", ["run_id", "url"], True),
    ("pages", ["run_id", "agency_id"], False),
    ("pages", ["content_hash"], False),
    ("links", ["run_id", "from_url"], False),
    ("links", ["run_id", "to_url"], False),
    ("fetch_errors", ["run_id", "agency_id"], False),
    ("findings", ["run_id", "agency_id", "rule_id"], True),
    ("findings", ["rule_id"], False),
    ("findings", ["status"], False),
    ("interpretation_pairs", ["run_id", "agency_id"], False),
]


# Supervisors browse findings with the rule, its notice and the agency beside them.
_VIEWS = {
    "findings_view": """
SELECT f.id, f.run_id, f.agency_id, a.name AS agency_name, a.level, a.province,
       f.rule_id, r.title AS rule_title, r.kind, r.notice, n.title AS notice_title, r.quote,
       f.status, f.reason, f.deadline, f.evidence_url, f.evidence_title, f.evidence_date, f.detail, f.weight
FROM findings f
LEFT JOIN rules r ON r.rule_id = f.rule_id
LEFT JOIN notices n ON n.id = r.notice
LEFT JOIN agencies a ON a.id = f.agency_id""",
}


def now_iso() -> str:
    return dt.datetime.now().isoformat(timespec="seconds")


def open_db(path: str | Path) -> sqlite_utils.Database:
    """Open (creating if needed) an audit database with the current schema.

    WAL mode lets Datasette read while a crawl writes.
    """
    db = sqlite_utils.Database(str(path))
    db.conn.execute("PRAGMA busy_timeout = 30000")
    if db.journal_mode != "wal":
        db.enable_wal()
    ensure_schema(db)
    return db


def ensure_schema(db: sqlite_utils.Database) -> None:
    """Create what is missing and migrate additively.

    Several crawl processes open the same file at once, so every step tolerates
    another process having just done it.
    """
    existing = set(db.table_names())
    for name, spec in _TABLES.items():
        if name not in existing:
            db[name].create(spec["columns"], pk=spec.get("pk"), not_null=None, if_not_exists=True)
        else:
            # additive migration: add columns that newer versions declare
            have = {c.name for c in db[name].columns}
            for column, ctype in spec["columns"].items():
                if column not in have:
                    try:
                        db[name].add_column(column, ctype)
                    except sqlite3.OperationalError as exc:
                        if "duplicate column" not in str(exc):
                            raise
    for table, columns, unique in _INDEXES:
        index_name = f"idx_{table}_{'_'.join(columns)}"
        db.conn.execute(
            f"CREATE {'UNIQUE ' if unique else ''}INDEX IF NOT EXISTS [{index_name}] "
            f"ON [{table}] ({', '.join(f'[{c}]' for c in columns)})"
        )
    current = dict(db.conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'view'").fetchall())
    for name, sql in _VIEWS.items():
        statement = f"CREATE VIEW [{name}] AS {sql}"
        if current.get(name) != statement:
            with db.conn:
                db.conn.execute(f"DROP VIEW IF EXISTS [{name}]")
                db.conn.execute(statement.replace("CREATE VIEW", "CREATE VIEW IF NOT EXISTS", 1))
    # trigram: Chinese has no spaces, so the default tokenizer finds nothing inside text;
    # queries of 1–2 characters use the LIKE search query instead.
    db.conn.execute(
        "CREATE VIRTUAL TABLE IF NOT EXISTS [pages_fts] USING FTS5 (title, text, content=[pages], tokenize='trigram')"
    )
    db.conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    db.conn.commit()


# -- runs ---------------------------------------------------------------------------


def start_run(db: sqlite_utils.Database, *, targets: str, rules_dir: str, options: dict) -> int:
    with db.conn:
        cursor = db.conn.execute(
            "INSERT INTO audit_runs (started, status, targets, rules_dir, options) VALUES (?, ?, ?, ?, ?)",
            (now_iso(), "running", targets, rules_dir, json.dumps(options, ensure_ascii=False)),
        )
    return cursor.lastrowid


def update_run(db: sqlite_utils.Database, run_id: int, **fields) -> None:
    with db.conn:
        db["audit_runs"].update(run_id, fields)


def latest_run_id(db: sqlite_utils.Database, *, with_pages: bool = False) -> int | None:
    sql = "SELECT max(id) FROM audit_runs"
    if with_pages:
        sql = "SELECT max(run_id) FROM pages"
    row = db.conn.execute(sql).fetchone()
    return row[0] if row else None


def get_run(db: sqlite_utils.Database, run_id: int) -> dict | None:
    rows = list(db.query("SELECT * FROM audit_runs WHERE id = ?", [run_id]))
    return rows[0] if rows else None


def save_agencies(db: sqlite_utils.Database, agencies) -> None:
    with db.conn:
        db["agencies"].upsert_all(
            (
                {
                    "id": a.id,
                    "name": a.name,
                    "level": a.level,
                    "province": a.province,
                    "parent": a.parent,
                    "aliases": json.dumps(a.aliases, ensure_ascii=False),
                    "urls": json.dumps(a.urls, ensure_ascii=False),
                }
                for a in agencies
            ),
            pk="id",
        )


# -- crawl output -------------------------------------------------------------------

_PAGE_COLUMNS = [c for c in _TABLES["pages"]["columns"] if c != "id"]
_INSERT_PAGE = (
    f"INSERT OR REPLACE INTO pages ({', '.join(f'[{c}]' for c in _PAGE_COLUMNS)}) "
    f"VALUES ({', '.join('?' for _ in _PAGE_COLUMNS)})"
)
_INSERT_RAW = "INSERT OR IGNORE INTO raw_pages (sha256, content_type, size, compressed) VALUES (?, ?, ?, ?)"
_INSERT_LINK = "INSERT INTO links (run_id, from_url, to_url, anchor) VALUES (?, ?, ?, ?)"
_ERROR_COLUMNS = ["run_id", "agency_id", "url", "kind", "http_status", "message", "at"]
_INSERT_ERROR = (
    f"INSERT INTO fetch_errors ({', '.join(_ERROR_COLUMNS)}) VALUES ({', '.join('?' for _ in _ERROR_COLUMNS)})"
)


def open_crawl_connection(path: str | Path) -> sqlite3.Connection:
    """A connection tuned for the crawl's bulk writes (the schema must exist: see open_db)."""
    conn = sqlite3.connect(str(path), check_same_thread=False)
    conn.execute("PRAGMA busy_timeout = 30000")
    conn.execute("PRAGMA synchronous = NORMAL")  # WAL: durable at checkpoints, safe against corruption
    conn.execute("PRAGMA cache_size = -8192")  # 8 MiB: most index inserts stay in memory
    return conn


def write_crawl_batch(conn: sqlite3.Connection, pages: list[dict], errors: list[dict]) -> None:
    """Write a batch of fetched pages (with raw bytes and links) and fetch errors in one transaction.

    A page and its links are written together, so a resumed crawl, which skips the
    pages its run already holds, never writes a page or its links twice.
    """
    with conn:
        conn.executemany(_INSERT_PAGE, [[p.get(c) for c in _PAGE_COLUMNS] for p in pages])
        conn.executemany(
            _INSERT_RAW,
            [(p["raw_sha256"], p["content_type"], p["size"], p["compressed"]) for p in pages],
        )
        conn.executemany(
            _INSERT_LINK,
            [(p["run_id"], p["url"], to_url, anchor) for p in pages for to_url, anchor in p["links"]],
        )
        conn.executemany(_INSERT_ERROR, [[e.get(c) for c in _ERROR_COLUMNS] for e in errors])


# -- rules and findings ---------------------------------------------------------------


def save_catalogue(db: sqlite_utils.Database, catalogue) -> None:
    """Write the notices and rules tables from a loaded rule catalogue."""
    from .builtin import BUILTIN_RULES

    rules = [*catalogue.rules, *BUILTIN_RULES]
    notices = {r.notice.id: r.notice for r in rules}
    with db.conn:
        db["notices"].upsert_all([n.as_row() for n in notices.values()], pk="id")
        db["rules"].upsert_all([r.as_row() for r in rules], pk="rule_id")


def index_run_text(db: sqlite_utils.Database, run_id: int) -> None:
    """Add a run's pages to the full-text index (pages_fts), once per run."""
    with db.conn:
        done = db.conn.execute("SELECT text_indexed FROM audit_runs WHERE id = ?", (run_id,)).fetchone()
        if done and done[0]:
            return
        db.conn.execute(
            "INSERT INTO pages_fts (rowid, title, text) SELECT id, title, text FROM pages WHERE run_id = ?", (run_id,)
        )
        db.conn.execute("UPDATE audit_runs SET text_indexed = 1 WHERE id = ?", (run_id,))


def replace_findings(db: sqlite_utils.Database, run_id: int, findings: list[dict], scores: list[dict],
                     pairs: list[dict] = ()) -> None:
    """Replace a run's findings, scores and interpretation pairs atomically (re-checking is idempotent)."""
    with db.conn:
        for table in ("findings", "scores", "interpretation_pairs"):
            db.conn.execute(f"DELETE FROM [{table}] WHERE run_id = ?", (run_id,))
        db["findings"].insert_all(findings, batch_size=500)
        db["scores"].insert_all(scores, batch_size=500)
        db["interpretation_pairs"].insert_all(pairs, batch_size=500)
