"""The audit database schema: tables, indexes, views, full-text index and additive migrations.

Every table, index and migration lives here and nowhere else.

The tables are listed in :mod:`core.store` and documented in README.md.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import sqlite_utils

from core.model import LEVEL_LABELS, STATUS_LABELS

SCHEMA_VERSION = 1

TABLES: dict[str, dict] = {
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
            "as_of": str,  # the date the run judges deadlines at (YYYY-MM-DD; default: the day it ran)
            # incremental audits (issue 9): the run whose pages were the basis of conditional requests,
            # how many pages answered 304 Not Modified (their stored understanding reused), bytes not re-sent
            "previous_run": int,
            "unchanged_pages": int,
            "bytes_saved": int,
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
            "written": str,  # 成文日期 when the page shows one
            "interpretation_links": str,  # JSON list of URLs of 解读 pages linked from this page
            "attachments": str,  # JSON list of attachment URLs
            "depth": int,
            "referrer": str,
            "site_id_code": str,
            "fetched_at": str,
            "redirects": str,  # JSON list of the URLs a redirect chain passed through before final_url
            "extraction_error": str,  # why the page could not be understood (its bytes are in raw_pages)
            # incremental audits (issue 9): validators for the next run's conditional request, whether this
            # page answered 304 (understanding copied from previous_run), and what the crawl needs to reuse it
            "etag": str,
            "last_modified": str,
            "unchanged": int,
            "link_hints": str,  # JSON {"dates": {url: date}, "pagination": [url]} of pages with validators
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
    # What one agency's crawl reached in a run (crawler/coverage.py): absences count only where complete.
    "crawl_coverage": dict(
        columns={
            "run_id": int,
            "agency_id": str,
            "pages": int,
            "errors": int,
            "blocked": int,
            "page_cap_reached": int,
            "section_links_left": int,
            "depth_cut_links": int,
            "pagination_left": int,
            "section_errors": int,
            "finished": int,
            "complete": int,
            "detail": str,
        },
        pk=("run_id", "agency_id"),
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
            # 申诉复核 (checks/overrides.py): when a supervisor's override applies, status is the
            # reviewed verdict and machine_status what the checks found
            "machine_status": str,
            "override_reason": str,
            "override_reviewer": str,
            "override_date": str,
            "override_expires": str,
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
            "pending": int,  # not yet due at the run's as-of date (未到期), not scored
            "applicable": int,  # rules that apply to the agency
            "verdicts": int,  # pass + fail: the findings the score rests on
            "coverage": float,  # verdicts / applicable, percent
            "unscored": int,  # pass or fail of a weight-0 rule (a built-in check, a duplicate's repeat): not in passed/failed
            "notices": str,  # the notices binding the agency (its peer group for ranks), comma-separated ids
        },
        pk=("run_id", "agency_id"),
    ),
    "notice_scores": dict(
        columns={
            "run_id": int,
            "agency_id": str,
            "notice": str,
            "points_earned": float,
            "points_possible": float,
            "percent": float,
            "rank": int,  # among agencies bound by this notice
            "rank_in_level": int,
            "passed": int,
            "failed": int,
            "errors": int,
            "manual": int,
            "pending": int,
            "not_applicable": int,
            "applicable": int,
            "verdicts": int,
            "coverage": float,
            "unscored": int,
        },
        pk=("run_id", "agency_id", "notice"),
    ),
}

_INDEXES = [
    # one agency's copy of a URL: two agencies sharing a site each keep their own (issue 13)
    ("pages", ["run_id", "agency_id", "url"], True),
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
def _label_case(column: str, labels: dict[str, str]) -> str:
    """The Chinese label of a code column, from core.model's one table of labels."""
    return "CASE " + column + "".join(f" WHEN '{code}' THEN '{label}'" for code, label in labels.items()) + " END"


VIEWS = {
    "findings_view": f"""
SELECT f.id, f.run_id, f.agency_id, a.name AS agency_name, a.level, a.province,
       f.rule_id, r.title AS rule_title, r.kind, r.notice, n.title AS notice_title, r.quote,
       f.status, f.reason, f.deadline, f.evidence_url, f.evidence_title, f.evidence_date, f.detail, f.weight,
       {_label_case("f.status", STATUS_LABELS)} AS status_label, {_label_case("a.level", LEVEL_LABELS)} AS level_label,
       f.machine_status, f.override_reason, f.override_reviewer, f.override_expires
FROM findings f
LEFT JOIN rules r ON r.rule_id = f.rule_id
LEFT JOIN notices n ON n.id = r.notice
LEFT JOIN agencies a ON a.id = f.agency_id""",
}


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
    for name, spec in TABLES.items():
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
    # Before issue 13 pages were unique on (run_id, url): one agency's page replaced another's.
    db.conn.execute("DROP INDEX IF EXISTS [idx_pages_run_id_url]")
    for table, columns, unique in _INDEXES:
        index_name = f"idx_{table}_{'_'.join(columns)}"
        db.conn.execute(
            f"CREATE {'UNIQUE ' if unique else ''}INDEX IF NOT EXISTS [{index_name}] "
            f"ON [{table}] ({', '.join(f'[{c}]' for c in columns)})"
        )
    current = dict(db.conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'view'").fetchall())
    for name, sql in VIEWS.items():
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


