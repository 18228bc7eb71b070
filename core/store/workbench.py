"""Named queries behind the supervisor's workbench (the Datasette plugin's own pages, the 通报).

Every function takes a ``sqlite_utils.Database`` (the plugin wraps Datasette's
read-only connection in one) and returns plain rows; the pages decide how to show them.
"""

from __future__ import annotations

import json
import sqlite3
import zlib

import sqlite_utils

from core.model import LEVEL_LABELS, STATUS_LABELS
from core.text.normalise import strip_pinyin


def register_label_functions(conn: sqlite3.Connection) -> None:
    """SQL functions ``status_label(code)``, ``level_label(code)`` (the Chinese a supervisor reads, from
    the one table of labels in core.model) and ``strip_pinyin(text)``; canned queries call them."""
    conn.create_function("status_label", 1, lambda code: STATUS_LABELS.get(code, code), deterministic=True)
    conn.create_function("level_label", 1, lambda code: LEVEL_LABELS.get(code, code), deterministic=True)
    # quotes keep the notice's text verbatim in the rules table (pinyin noise of the mirror included);
    # what a supervisor reads has it stripped
    conn.create_function("strip_pinyin", 1, lambda text: strip_pinyin(text) if isinstance(text, str) else text,
                         deterministic=True)


def _one(db: sqlite_utils.Database, sql: str, params) -> dict | None:
    return next(iter(db.query(sql, params)), None)


def findings_run(db: sqlite_utils.Database, run: int | None = None, agency_id: str | None = None) -> int | None:
    """The run to show: the given one, else the latest with findings (for the agency when given)."""
    if run:
        return run
    if agency_id:
        return db.conn.execute("SELECT max(run_id) FROM findings WHERE agency_id = ?", (agency_id,)).fetchone()[0]
    return db.conn.execute("SELECT max(run_id) FROM findings").fetchone()[0]


def previous_findings_run(db: sqlite_utils.Database, run_id: int) -> int | None:
    return db.conn.execute("SELECT max(run_id) FROM findings WHERE run_id < ?", (run_id,)).fetchone()[0]


def agency_overview(db: sqlite_utils.Database, agency_id: str, run_id: int) -> dict | None:
    """An agency with its score, crawl counts and run for the agency page."""
    agency = _one(db, "SELECT * FROM agencies WHERE id = ?", [agency_id])
    if not agency:
        return None
    agency["score"] = _one(db, "SELECT * FROM scores WHERE run_id = ? AND agency_id = ?", [run_id, agency_id]) or {}
    agency["crawl"] = crawl_coverage(db, run_id, agency_id)
    agency["run"] = _one(db, "SELECT * FROM audit_runs WHERE id = ?", [run_id]) or {}
    return agency


def crawl_coverage(db: sqlite_utils.Database, run_id: int, agency_id: str) -> dict:
    """How much of an agency's site a run saw: pages fetched, failed fetches, and the crawl-coverage
    record (issue 13's ``crawl_coverage`` table) when this database has one."""
    pages, errors = db.conn.execute(
        "SELECT (SELECT count(*) FROM pages WHERE run_id = ? AND agency_id = ?), "
        "(SELECT count(*) FROM fetch_errors WHERE run_id = ? AND agency_id = ?)",
        (run_id, agency_id, run_id, agency_id),
    ).fetchone()
    result = {"pages": pages, "errors": errors, "record": None}
    if "crawl_coverage" in db.table_names():
        result["record"] = _one(db, "SELECT * FROM crawl_coverage WHERE run_id = ? AND agency_id = ?",
                                [run_id, agency_id])
    return result


def notice_scores_of(db: sqlite_utils.Database, run_id: int, agency_id: str) -> list[dict]:
    """An agency's score per notice (empty on databases written before per-notice scores)."""
    if "notice_scores" not in db.table_names():
        return []
    return list(db.query(
        "SELECT s.*, n.title AS notice_title FROM notice_scores s LEFT JOIN notices n ON n.id = s.notice "
        "WHERE s.run_id = ? AND s.agency_id = ? ORDER BY s.notice", [run_id, agency_id]))


def agency_findings(db: sqlite_utils.Database, agency_id: str, run_id: int,
                    include_not_applicable: bool = False) -> list[dict]:
    """An agency's findings in a run with the rule, notice and the stored copy of the evidence."""
    skip = "" if include_not_applicable else "AND f.status <> 'not_applicable'"
    return list(db.query(
        f"""SELECT f.*, p.raw_sha256 AS evidence_sha256, p.fetched_at AS evidence_fetched_at
            FROM findings_view f
            LEFT JOIN pages p ON p.run_id = f.run_id AND p.url = f.evidence_url
            WHERE f.agency_id = ? AND f.run_id = ? {skip}
            ORDER BY f.rule_id""", [agency_id, run_id]))


def changes_since_previous(db: sqlite_utils.Database, run_id: int, agency_id: str | None = None) -> list[dict]:
    """Findings whose status differs from the previous run's (rule_id, before, after, detail)."""
    previous = previous_findings_run(db, run_id)
    if previous is None:
        return []
    where, params = "", [previous, run_id]
    if agency_id:
        where, params = "AND c.agency_id = ?", [*params, agency_id]
    return list(db.query(
        f"""SELECT c.agency_id, c.rule_id, r.title AS rule_title, p.status AS before, c.status AS after, c.detail
            FROM findings c JOIN findings p ON p.agency_id = c.agency_id AND p.rule_id = c.rule_id AND p.run_id = ?
            LEFT JOIN rules r ON r.rule_id = c.rule_id
            WHERE c.run_id = ? AND c.status <> p.status {where} ORDER BY c.agency_id, c.rule_id""", params))


def rule_with_notice(db: sqlite_utils.Database, rule_id: str) -> dict | None:
    return _one(db, "SELECT r.*, n.title AS notice_title, n.doc_number FROM rules r "
                    "LEFT JOIN notices n ON n.id = r.notice WHERE r.rule_id = ?", [rule_id])


def rule_findings(db: sqlite_utils.Database, rule_id: str, run_id: int) -> list[dict]:
    """A rule's findings across agencies in a run, not_applicable left out."""
    return list(db.query(
        "SELECT * FROM findings_view WHERE rule_id = ? AND run_id = ? AND status <> 'not_applicable' "
        "ORDER BY agency_name", [rule_id, run_id]))


def stored_copy(db: sqlite_utils.Database, sha256: str) -> dict | None:
    """The bytes of a fetched page exactly as fetched, with where and when they were fetched."""
    raw = _one(db, "SELECT * FROM raw_pages WHERE sha256 = ?", [sha256])
    if not raw:
        return None
    page = _one(db, "SELECT run_id, agency_id, url, final_url, fetched_at, encoding, title, text FROM pages "
                    "WHERE raw_sha256 = ? ORDER BY run_id DESC, id LIMIT 1", [sha256]) or {}
    return {**page, "sha256": sha256, "content_type": raw["content_type"], "size": raw["size"],
            "body": zlib.decompress(raw["compressed"])}


def run_options(db: sqlite_utils.Database, run_id: int) -> dict:
    row = db.conn.execute("SELECT options FROM audit_runs WHERE id = ?", (run_id,)).fetchone()
    return json.loads(row[0] or "{}") if row else {}


def write_probe(conn: sqlite3.Connection) -> None:
    """A harmless write (used to prove a connection refuses writes): creates and drops a table."""
    conn.execute("CREATE TABLE zwgk_write_probe (x)")
    conn.execute("DROP TABLE zwgk_write_probe")


# -- the 通报 (zwgk report --all) ------------------------------------------------------------------


def notice_titles(db: sqlite_utils.Database) -> dict[str, dict]:
    """Notices by id (title, 文号) for naming peer groups."""
    return {row["id"]: row for row in db.query("SELECT id, title, doc_number FROM notices")}


def most_failed_rules(db: sqlite_utils.Database, run_id: int, limit: int = 15) -> list[dict]:
    """The scored rules most agencies fail in a run: failing agencies (names), and agencies with a verdict."""
    return list(db.query(
        """SELECT f.rule_id, r.title AS rule_title, r.notice, n.title AS notice_title, r.weight,
                  sum(f.status = 'fail') AS failing, sum(f.status IN ('pass', 'fail')) AS verdicts,
                  group_concat(CASE WHEN f.status = 'fail' THEN a.name END, '、') AS failing_agencies
           FROM findings f JOIN rules r ON r.rule_id = f.rule_id
           LEFT JOIN notices n ON n.id = r.notice LEFT JOIN agencies a ON a.id = f.agency_id
           WHERE f.run_id = ? AND f.weight > 0 GROUP BY f.rule_id HAVING failing > 0
           ORDER BY failing DESC, r.weight DESC, f.rule_id LIMIT ?""", [run_id, limit]))


def overridden_findings(db: sqlite_utils.Database, run_id: int) -> list[dict]:
    """Findings of a run whose status a supervisor's override replaced (申诉复核)."""
    return list(db.query(
        """SELECT f.agency_id, a.name AS agency_name, f.rule_id, r.title AS rule_title, f.machine_status, f.status,
                  f.override_reason, f.override_reviewer, f.override_date, f.override_expires
           FROM findings f LEFT JOIN rules r ON r.rule_id = f.rule_id LEFT JOIN agencies a ON a.id = f.agency_id
           WHERE f.run_id = ? AND f.machine_status IS NOT NULL ORDER BY f.agency_id, f.rule_id""", [run_id]))
