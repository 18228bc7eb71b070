"""The audit database: the one module that holds SQL.

:mod:`core.store.schema` owns the tables, indexes, views and migrations; this module
holds every named query the project runs — the crawler's writes and resume, the
checks' reads, the CLI's and exports' reads — and ``queries/*.sql`` holds the canned
queries and charts that Datasette shows.  Nothing outside ``core/store`` writes SQL.

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
import functools
import json
import sqlite3
import sys
from pathlib import Path


def _import_sqlite_utils():
    """sqlite-utils imports numpy and pandas when they are installed, only to store their scalar
    types; nothing here stores them, and numpy alone is ~15 MB resident in every process that opens
    the store — each crawl process among them (bench/README.md, "Memory").  Hidden while
    sqlite-utils loads unless already loaded; importing them afterwards works as usual."""
    hidden = [name for name in ("numpy", "pandas") if name not in sys.modules]
    for name in hidden:
        sys.modules[name] = None  # makes "import numpy" raise ImportError, which sqlite-utils expects
    try:
        import sqlite_utils
    finally:
        for name in hidden:
            if sys.modules.get(name, ...) is None:
                del sys.modules[name]
    return sqlite_utils


sqlite_utils = _import_sqlite_utils()

from core.model import Agency, Page

from .schema import SCHEMA_VERSION, TABLES, VIEWS, ensure_schema, open_db
from . import workbench  # noqa: E402,F401  named queries of the Datasette workbench and the 通报

__all__ = ["SCHEMA_VERSION", "TABLES", "ensure_schema", "open_db"]

QUERIES_DIR = Path(__file__).resolve().parent / "queries"


def now_iso() -> str:
    return dt.datetime.now().isoformat(timespec="seconds")


def named_query(name: str) -> str:
    """The SQL of ``queries/<name>.sql`` (Datasette's canned queries and charts)."""
    return (QUERIES_DIR / f"{name}.sql").read_text(encoding="utf-8").strip()


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

_PAGE_COLUMNS = [c for c in TABLES["pages"]["columns"] if c != "id"]
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
    conn.execute("PRAGMA cache_size = -2048")  # 2 MiB per crawl process: memory stays under the 50 000-page target (bench/README.md)
    return conn


_COVERAGE_COLUMNS = [c for c in TABLES["crawl_coverage"]["columns"]]
_INSERT_COVERAGE = (
    f"INSERT OR REPLACE INTO crawl_coverage ({', '.join(_COVERAGE_COLUMNS)}) "
    f"VALUES ({', '.join('?' for _ in _COVERAGE_COLUMNS)})"
)


def write_crawl_batch(conn: sqlite3.Connection, pages: list[dict], errors: list[dict],
                      coverage: list[dict] = ()) -> None:
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
        conn.executemany(_INSERT_COVERAGE, [[c.get(name) for name in _COVERAGE_COLUMNS] for c in coverage])


def crawl_coverage(db: sqlite_utils.Database, run_id: int) -> dict[str, dict]:
    """Per agency, what its crawl in the run reached (crawl_coverage rows by agency id)."""
    return {row["agency_id"]: row for row in db.query("SELECT * FROM crawl_coverage WHERE run_id = ?", [run_id])}


def cut_short_agencies(db: sqlite_utils.Database, run_id: int) -> list[dict]:
    """Agencies whose crawl in the run was not complete, with what was not reached."""
    return list(db.query(
        "SELECT c.agency_id, a.name, c.detail FROM crawl_coverage c LEFT JOIN agencies a ON a.id = c.agency_id "
        "WHERE c.run_id = ? AND c.complete = 0 ORDER BY c.agency_id", [run_id]))


# -- rules and findings ---------------------------------------------------------------


def save_catalogue(db: sqlite_utils.Database, catalogue) -> None:
    """Write the notices and rules tables from a loaded rule catalogue."""
    rules = catalogue.all_rules
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
                     pairs: list[dict] = (), notice_scores: list[dict] = ()) -> None:
    """Replace a run's findings, scores and interpretation pairs atomically (re-checking is idempotent)."""
    with db.conn:
        for table in ("findings", "scores", "notice_scores", "interpretation_pairs"):
            db.conn.execute(f"DELETE FROM [{table}] WHERE run_id = ?", (run_id,))
        db["findings"].insert_all(findings, batch_size=500)
        db["scores"].insert_all(scores, batch_size=500)
        db["notice_scores"].insert_all(notice_scores, batch_size=500)
        db["interpretation_pairs"].insert_all(pairs, batch_size=500)


# -- reads: runs and agencies ----------------------------------------------------------


def run_counts(db: sqlite_utils.Database, run_id: int) -> tuple[int, int]:
    """(pages, fetch errors) stored for a run."""
    return db.conn.execute(
        "SELECT (SELECT count(*) FROM pages WHERE run_id = ?), (SELECT count(*) FROM fetch_errors WHERE run_id = ?)",
        (run_id, run_id),
    ).fetchone()


def crawled_agency_ids(db: sqlite_utils.Database, run_id: int) -> set[str]:
    """Agencies the run stored anything for (a page or a failed fetch)."""
    return {r[0] for r in db.conn.execute(
        "SELECT agency_id FROM pages WHERE run_id = ? UNION SELECT agency_id FROM fetch_errors WHERE run_id = ?",
        (run_id, run_id))}


def runs(db: sqlite_utils.Database) -> list[dict]:
    return list(db.query("SELECT * FROM audit_runs ORDER BY id"))


def agency_from_row(row: dict) -> Agency:
    return Agency(id=row["id"], name=row["name"], level=row["level"], urls=tuple(json.loads(row["urls"] or "[]")),
                  province=row["province"], parent=row["parent"], aliases=tuple(json.loads(row["aliases"] or "[]")))


def stored_agencies(db: sqlite_utils.Database) -> list[Agency]:
    return [agency_from_row(r) for r in db.query("SELECT * FROM agencies")]


def agency_row(db: sqlite_utils.Database, agency_id: str) -> dict | None:
    return next(iter(db.query("SELECT * FROM agencies WHERE id = ?", [agency_id])), None)


# -- reads: the crawl --------------------------------------------------------------------

_CHUNK = 500  # SQLite's limit on bound parameters is 999 in old builds


def resume_state(conn, run_id: int, agency_id: str) -> tuple[list[tuple], set[str], list[tuple[str, str, str]]]:
    """What a run already holds for an agency: pages (url, final_url, depth), failed URLs, and the
    links found on those pages (from, to, anchor) — the frontier a resumed crawl starts from."""
    pages = conn.execute(
        "SELECT url, final_url, depth FROM pages WHERE run_id = ? AND agency_id = ?", (run_id, agency_id)
    ).fetchall()
    failed = {r[0] for r in conn.execute(
        "SELECT url FROM fetch_errors WHERE run_id = ? AND agency_id = ?", (run_id, agency_id))}
    links = conn.execute(
        "SELECT l.from_url, l.to_url, l.anchor FROM links l JOIN pages p "
        "ON p.run_id = l.run_id AND p.url = l.from_url WHERE l.run_id = ? AND p.agency_id = ?",
        (run_id, agency_id),
    ).fetchall()
    return pages, failed, links


def pages_by_agency(db: sqlite_utils.Database, run_id: int) -> dict[str, list[Page]]:
    """The successfully fetched pages of a run, as the checks see them."""
    result: dict[str, list[Page]] = {}
    for row in db.conn.execute(
        "SELECT agency_id, url, title, title_simplified, published, page_type, [column], doc_number, spam "
        "FROM pages WHERE run_id = ? AND status BETWEEN 200 AND 299",
        (run_id,),
    ):
        result.setdefault(row[0], []).append(Page(*row[1:]))
    return result


def links_among(db: sqlite_utils.Database, run_id: int, column: str, urls: list[str]) -> list[tuple[str, str, str]]:
    """Links (from, to, anchor) of a run whose ``from_url`` or ``to_url`` (``column``) is one of ``urls``."""
    if column not in ("from_url", "to_url"):
        raise ValueError(column)
    result = []
    for i in range(0, len(urls), _CHUNK):
        chunk = urls[i: i + _CHUNK]
        result += db.conn.execute(
            f"SELECT from_url, to_url, anchor FROM links WHERE run_id = ? AND {column} IN "
            f"({', '.join('?' for _ in chunk)})",
            (run_id, *chunk),
        ).fetchall()
    return result


def links_between(db: sqlite_utils.Database, run_id: int, from_urls: list[str],
                  to_urls: list[str]) -> list[tuple[str, str, str]]:
    """Links (from, to, anchor) of a run from any of ``from_urls`` to any of ``to_urls``: the few links that
    pair documents, without reading the hundred header and footer links of every page."""
    result = []
    size = _CHUNK // 2
    for i in range(0, len(from_urls), size):
        froms = from_urls[i: i + size]
        for j in range(0, len(to_urls), size):
            tos = to_urls[j: j + size]
            result += db.conn.execute(
                f"SELECT from_url, to_url, anchor FROM links WHERE run_id = ? AND from_url IN "
                f"({', '.join('?' for _ in froms)}) AND to_url IN ({', '.join('?' for _ in tos)})",
                (run_id, *froms, *tos),
            ).fetchall()
    return result


def fetch_errors_of(db: sqlite_utils.Database, run_id: int, agency_id: str) -> list[tuple]:
    """(kind, http_status, url, message) of an agency's failed fetches in a run, in order."""
    return db.conn.execute(
        "SELECT kind, http_status, url, message FROM fetch_errors WHERE run_id = ? AND agency_id = ? ORDER BY id",
        (run_id, agency_id),
    ).fetchall()


def raw_page(db: sqlite_utils.Database, sha256: str) -> dict | None:
    return next(iter(db.query("SELECT * FROM raw_pages WHERE sha256 = ?", [sha256])), None)


def rows(db: sqlite_utils.Database, table: str, **equal) -> list[dict]:
    """Rows of a table or view whose columns equal the given values (tests and tools read through this)."""
    if table not in TABLES and table not in VIEWS:
        raise ValueError(f"unknown table {table}")
    where = " AND ".join(f"[{column}] = ?" for column in equal)
    return list(db.query(f"SELECT * FROM [{table}]" + (f" WHERE {where}" if where else ""), list(equal.values())))


# -- reads: findings and scores ------------------------------------------------------------


def latest_findings_run(db: sqlite_utils.Database, agency_id: str | None = None) -> int | None:
    if agency_id:
        return db.conn.execute("SELECT max(run_id) FROM findings WHERE agency_id = ?", (agency_id,)).fetchone()[0]
    return db.conn.execute("SELECT max(run_id) FROM findings").fetchone()[0]


def run_has_findings(db: sqlite_utils.Database, run_id: int, agency_id: str | None = None) -> bool:
    """Whether the run has findings (of the agency, when given)."""
    if agency_id is not None:
        return db.conn.execute("SELECT 1 FROM findings WHERE run_id = ? AND agency_id = ? LIMIT 1",
                               (run_id, agency_id)).fetchone() is not None
    return db.conn.execute("SELECT 1 FROM findings WHERE run_id = ? LIMIT 1", (run_id,)).fetchone() is not None


def scorecard(db: sqlite_utils.Database, run_id: int) -> list[dict]:
    """Scores of a run with each agency's name and level, best first."""
    return list(db.query(
        """SELECT s.*, a.name, a.level, a.province FROM scores s JOIN agencies a ON a.id = s.agency_id
           WHERE s.run_id = ? ORDER BY s.rank IS NULL, s.rank, a.name""", [run_id]))


def score_of(db: sqlite_utils.Database, run_id: int, agency_id: str) -> dict:
    return next(iter(db.query("SELECT * FROM scores WHERE run_id = ? AND agency_id = ?", [run_id, agency_id])), {})


def findings_of_run(db: sqlite_utils.Database, run_id: int, include_not_applicable: bool = False) -> list[dict]:
    """Findings of a run with rule, notice and agency beside them (the findings_view), by agency and rule."""
    skip = "" if include_not_applicable else "AND status <> 'not_applicable'"
    return list(db.query(f"SELECT * FROM findings_view WHERE run_id = ? {skip} ORDER BY agency_id, rule_id", [run_id]))


def problems_of_run(db: sqlite_utils.Database, run_id: int) -> list[dict]:
    """A run's fail and error findings, per agency the most important first (plans before topics); the fail of a
    weight-0 rule (a duplicate's repeat, a built-in check) is not an agency's problem to list."""
    return list(db.query(
        """SELECT f.agency_id, f.rule_id, f.status, f.detail, r.kind, r.title AS rule_title FROM findings f JOIN rules r ON r.rule_id = f.rule_id
           WHERE f.run_id = ? AND (f.status = 'error' OR f.status = 'fail' AND f.weight > 0)
           ORDER BY f.agency_id, r.kind IN ('topic_disclosed', 'site_security'), f.weight DESC, f.rule_id""",
        [run_id],
    ))


# -- benchmarks ------------------------------------------------------------------------------


def copy_run_crawl(db: sqlite_utils.Database, source: int, run_id: int) -> None:
    """Copy a run's pages, links and fetch errors into another run (benchmarks grow databases this way)."""
    columns = [c for c in TABLES["pages"]["columns"] if c not in ("id", "run_id")]
    with db.conn:
        db.conn.execute(
            f"INSERT INTO pages (run_id, {', '.join(f'[{c}]' for c in columns)}) "
            f"SELECT ?, {', '.join(f'[{c}]' for c in columns)} FROM pages WHERE run_id = ?", (run_id, source))
        db.conn.execute("INSERT INTO links (run_id, from_url, to_url, anchor) "
                        "SELECT ?, from_url, to_url, anchor FROM links WHERE run_id = ?", (run_id, source))
        db.conn.execute("INSERT INTO fetch_errors (run_id, agency_id, url, kind, http_status, message, at) "
                        "SELECT ?, agency_id, url, kind, http_status, message, at FROM fetch_errors WHERE run_id = ?",
                        (run_id, source))


def count(db: sqlite_utils.Database, table: str) -> int:
    if table not in TABLES:
        raise ValueError(f"unknown table {table}")
    return db[table].count


def open_readonly(path: str | Path, *, check: bool = False) -> sqlite_utils.Database:
    """An existing audit database opened read-only (for readers beside a running crawl).

    With ``check``, read its schema at once, so a file that is not a database raises
    :class:`sqlite3.DatabaseError` here rather than at the first query."""
    conn = sqlite3.connect(f"file:{Path(path).resolve()}?mode=ro", uri=True)
    conn.execute("PRAGMA busy_timeout = 30000")
    if check:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    return sqlite_utils.Database(conn)


@functools.lru_cache(maxsize=None)
def is_audit_database(path: str) -> bool:
    """Whether a SQLite file holds an audit (its ``audit_runs`` table), opened read-only."""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            return conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'audit_runs'").fetchone() is not None
        finally:
            conn.close()
    except sqlite3.Error:
        return False


# -- incremental audits (issue 9): conditional requests against a previous run -----------------

def previous_run_for(db: sqlite_utils.Database, run_id: int) -> int | None:
    """The latest run before ``run_id`` that stored pages: the basis of a re-audit's conditional requests."""
    row = db.execute(
        "SELECT max(id) FROM audit_runs WHERE id < ? AND id IN (SELECT DISTINCT run_id FROM pages)", [run_id]
    ).fetchone()
    return row[0] if row and row[0] else None


def validators_of_run(conn: sqlite3.Connection, run_id: int, agency_ids: list[str]) -> dict[tuple[str, str], tuple]:
    """(agency_id, url) → (etag, last_modified) of the run's pages that carried either."""
    found: dict[tuple[str, str], tuple] = {}
    for agency_id in agency_ids:
        for url, etag, last_modified in conn.execute(
            "SELECT url, etag, last_modified FROM pages WHERE run_id = ? AND agency_id = ? "
            "AND (etag IS NOT NULL OR last_modified IS NOT NULL) AND status = 200",
            [run_id, agency_id],
        ):
            found[(agency_id, url)] = (etag, last_modified)
    return found


def stored_page(conn: sqlite3.Connection, run_id: int, agency_id: str, url: str) -> dict | None:
    """One stored page with its raw bytes (zlib) and outgoing links, to reuse after a 304."""
    cursor = conn.execute(
        "SELECT p.*, r.compressed, r.size, r.content_type FROM pages p JOIN raw_pages r ON r.sha256 = p.raw_sha256 "
        "WHERE p.run_id = ? AND p.agency_id = ? AND p.url = ?", [run_id, agency_id, url])
    row = cursor.fetchone()
    if row is None:
        return None
    page = dict(zip([d[0] for d in cursor.description], row))
    page["links"] = conn.execute(
        "SELECT to_url, anchor FROM links WHERE run_id = ? AND from_url = ?", [run_id, url]).fetchall()
    return page


def record_incremental(db: sqlite_utils.Database, run_id: int, previous_run: int | None) -> tuple[int, int]:
    """Count the run's unchanged (304) pages and the bytes they did not re-send; store them on the run."""
    unchanged, saved = db.execute(
        "SELECT count(*), coalesce(sum(r.size), 0) FROM pages p JOIN raw_pages r ON r.sha256 = p.raw_sha256 "
        "WHERE p.run_id = ? AND p.unchanged = 1", [run_id]).fetchone()
    update_run(db, run_id, previous_run=previous_run, unchanged_pages=unchanged, bytes_saved=saved)
    return unchanged, saved


# -- merging node databases (issue 9): one audit run from crawl nodes' SQLite files ----------

def _shared_columns(db: sqlite_utils.Database, table: str, schema: str) -> list[str]:
    mine = [c for c in TABLES[table]["columns"] if c != "id"]
    theirs = {row[1] for row in db.execute(f"PRAGMA {schema}.table_info([{table}])").fetchall()}
    return [c for c in mine if c in theirs]


def merge_target_run(db: sqlite_utils.Database, targets: str) -> int:
    """The run that node databases are merged into: the latest merged run, or a new one."""
    row = db.execute("SELECT max(id) FROM audit_runs WHERE options LIKE '%\"merged\": true%'").fetchone()
    if row and row[0]:
        return row[0]
    return start_run(db, targets=targets, rules_dir="", options={"merged": True})


def merge_node(db: sqlite_utils.Database, node_path: str | Path, run_id: int) -> tuple[int, int]:
    """Copy every agency a node finished crawling (crawl_coverage.finished = 1) into ``run_id``,
    unless the run already holds that agency: merging a node twice adds nothing, and an agency
    that a dead node left unfinished is taken from the node that crawled it again.
    Returns (agencies merged, pages merged)."""
    conn = db.conn
    conn.execute("ATTACH DATABASE ? AS node", [str(node_path)])
    try:
        node_run = conn.execute("SELECT max(run_id) FROM node.crawl_coverage").fetchone()[0]
        if node_run is None:
            return 0, 0
        have = {r[0] for r in conn.execute("SELECT agency_id FROM crawl_coverage WHERE run_id = ?", [run_id])}
        finished = [r[0] for r in conn.execute(
            "SELECT agency_id FROM node.crawl_coverage WHERE run_id = ? AND finished = 1 ORDER BY agency_id", [node_run])]
        page_cols = [c for c in _shared_columns(db, "pages", "node") if c != "run_id"]
        error_cols = [c for c in _shared_columns(db, "fetch_errors", "node") if c != "run_id"]
        coverage_cols = [c for c in _shared_columns(db, "crawl_coverage", "node") if c != "run_id"]
        agency_cols = _shared_columns(db, "agencies", "node") + ["id"]
        merged = pages = 0
        with conn:
            conn.execute(f"INSERT OR IGNORE INTO agencies ({', '.join(agency_cols)}) "
                         f"SELECT {', '.join(agency_cols)} FROM node.agencies")
            for agency_id in finished:
                if agency_id in have:
                    continue
                args = [node_run, agency_id]
                pages += conn.execute(
                    f"INSERT INTO pages (run_id, {', '.join(f'[{c}]' for c in page_cols)}) "
                    f"SELECT ?, {', '.join(f'[{c}]' for c in page_cols)} FROM node.pages WHERE run_id = ? AND agency_id = ?",
                    [run_id, *args]).rowcount
                conn.execute("INSERT OR IGNORE INTO raw_pages (sha256, content_type, size, compressed) "
                             "SELECT r.sha256, r.content_type, r.size, r.compressed FROM node.raw_pages r WHERE r.sha256 IN "
                             "(SELECT raw_sha256 FROM node.pages WHERE run_id = ? AND agency_id = ?)", args)
                conn.execute("INSERT INTO links (run_id, from_url, to_url, anchor) SELECT ?, from_url, to_url, anchor "
                             "FROM node.links WHERE run_id = ? AND from_url IN "
                             "(SELECT url FROM node.pages WHERE run_id = ? AND agency_id = ?)", [run_id, node_run, *args])
                conn.execute(f"INSERT INTO fetch_errors (run_id, {', '.join(error_cols)}) SELECT ?, {', '.join(error_cols)} "
                             "FROM node.fetch_errors WHERE run_id = ? AND agency_id = ?", [run_id, *args])
                conn.execute(f"INSERT INTO crawl_coverage (run_id, {', '.join(coverage_cols)}) "
                             f"SELECT ?, {', '.join(coverage_cols)} FROM node.crawl_coverage WHERE run_id = ? AND agency_id = ?",
                             [run_id, *args])
                merged += 1
        return merged, pages
    finally:
        conn.execute("DETACH DATABASE node")
