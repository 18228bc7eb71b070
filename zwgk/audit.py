"""One audit run: crawl, check, score — the functions the CLI and the tests call."""

from __future__ import annotations

import json
from dataclasses import dataclass

from checks import storage
from checks.evaluate import count_statuses, evaluate_run, interpretation_pair_rows, load_evidence
from checks.rules import Catalogue, load_catalogue
from checks.scoring import score_run
from checks.targets import Agency, load_targets
from checks.workdays import WorkdayCalendar
from crawler.run import default_processes, run_crawl


class AuditError(Exception):
    """A problem the user can fix; the message is one line."""


@dataclass
class CrawlOptions:
    max_pages: int = 300
    max_depth: int = 4
    concurrency: int | None = None
    per_agency: int | None = None
    delay: float | None = None
    log_level: str = "WARNING"
    progress_interval: float = 5.0
    processes: int | None = None  # default: one per core, at most one per agency


def prepare_run(db_path: str, targets_path: str, rules_dir: str | None, options: CrawlOptions,
                resume: int | None = None) -> tuple[object, int, list[Agency], Catalogue]:
    agencies = load_targets(targets_path)
    catalogue = load_catalogue(rules_dir) if rules_dir else load_catalogue()
    db = storage.open_db(db_path)
    if resume:
        run = storage.get_run(db, resume)
        if not run:
            raise AuditError(f"{db_path}: 没有编号为 {resume} 的审计运行 (no run {resume} to resume)")
        if run["status"] == "finished":
            raise AuditError(f"{db_path}: 运行 {resume} 已完成，无需续抓 (run {resume} is already finished)")
        run_id = resume
    else:
        run_id = storage.start_run(
            db, targets=str(targets_path), rules_dir=str(catalogue.directory),
            options={"max_pages": options.max_pages, "max_depth": options.max_depth,
                     "agency_ids": [a.id for a in agencies]},
        )
    storage.save_agencies(db, agencies)
    storage.save_catalogue(db, catalogue)
    storage.update_run(db, run_id, agencies=len(agencies), rules=len(catalogue.rules), status="running")
    return db, run_id, agencies, catalogue


def crawl(db, run_id: int, targets_path: str, db_path: str, options: CrawlOptions, resume: bool) -> str:
    """Crawl for a run; returns the run status afterwards: ``crawled`` or ``interrupted``."""
    storage.update_run(db, run_id, status="running")
    agency_count = db.conn.execute("SELECT agencies FROM audit_runs WHERE id = ?", (run_id,)).fetchone()[0] or 1
    code = run_crawl(
        processes=options.processes or default_processes(agency_count),
        targets=str(targets_path), db=str(db_path), run_id=run_id, max_pages=options.max_pages,
        max_depth=options.max_depth, resume=resume, concurrency=options.concurrency,
        per_agency=options.per_agency, delay=options.delay, log_level=options.log_level,
        progress_interval=options.progress_interval,
    )
    status = storage.get_run(db, run_id)["status"]
    if code != 0 or status != "running":
        storage.update_run(db, run_id, status="interrupted")
        return "interrupted"
    pages, errors = db.conn.execute(
        "SELECT (SELECT count(*) FROM pages WHERE run_id = ?), (SELECT count(*) FROM fetch_errors WHERE run_id = ?)",
        (run_id, run_id),
    ).fetchone()
    storage.update_run(db, run_id, pages=pages, fetch_errors=errors, status="crawled")
    return "crawled"


def check(db, run_id: int, agencies: list[Agency], catalogue: Catalogue, evaluation_points: float = 4.0) -> dict[str, int]:
    """Evaluate all rules for all agencies on the run's crawl; write findings and scores."""
    calendar = WorkdayCalendar(catalogue.calendar_file)
    evidence = load_evidence(db, run_id, agencies)
    findings = evaluate_run(db, run_id, catalogue, agencies, calendar, evidence)
    scores = score_run(findings, agencies, evaluation_points)
    storage.replace_findings(db, run_id, findings, scores, interpretation_pair_rows(evidence, run_id))
    counts = count_statuses(findings)
    storage.index_run_text(db, run_id)
    storage.update_run(
        db, run_id, findings=len(findings), counts=json.dumps(counts, ensure_ascii=False, sort_keys=True),
        finished=storage.now_iso(), status="finished",
    )
    return counts


def agencies_of_run(db, run_id: int) -> list[Agency]:
    """The agencies a run audited, as stored when it started."""
    run = storage.get_run(db, run_id)
    ids = json.loads(run["options"] or "{}").get("agency_ids")
    rows = list(db.query("SELECT * FROM agencies"))
    if ids is not None:
        order = {agency_id: i for i, agency_id in enumerate(ids)}
        rows = sorted((r for r in rows if r["id"] in order), key=lambda r: order[r["id"]])
    return [
        Agency(id=r["id"], name=r["name"], level=r["level"], urls=tuple(json.loads(r["urls"] or "[]")),
               province=r["province"], parent=r["parent"], aliases=tuple(json.loads(r["aliases"] or "[]")))
        for r in rows
    ]


def scorecard(db, run_id: int) -> list[dict]:
    return list(db.query(
        """SELECT s.agency_id, a.name, a.level, s.percent, s.points_earned, s.points_possible, s.rank,
                  s.passed, s.failed, s.errors, s.manual
           FROM scores s JOIN agencies a ON a.id = s.agency_id
           WHERE s.run_id = ? ORDER BY s.rank IS NULL, s.rank, a.id""",
        [run_id],
    ))
