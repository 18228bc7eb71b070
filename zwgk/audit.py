"""One audit run: crawl, check, score — the functions the CLI and the tests call."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from checks.catalogue import Catalogue, load_catalogue
from checks.evaluate import (
    count_statuses,
    evaluate_run,
    interpretation_pair_rows,
    load_evidence,
)
from checks.overrides import Override, apply_overrides
from checks.scoring import score_run
from checks.workdays import WorkdayCalendar
from core import store
from core.targets import Agency, load_targets
from crawler.run import default_processes, run_crawl
from crawler.settings import ZWGK_MAX_DEPTH as MAX_DEPTH  # issue 13
from crawler.settings import ZWGK_MAX_PAGES as MAX_PAGES


class AuditError(Exception):
    """A problem the user can fix; the message is one line."""


@dataclass
class CrawlOptions:
    max_pages: int = MAX_PAGES  # issue 13: defaults sized for a county portal's 政务公开 sections (crawler/settings.py)
    max_depth: int = MAX_DEPTH
    concurrency: int | None = None
    per_agency: int | None = None
    delay: float | None = None
    log_level: str = "WARNING"
    progress_interval: float = 5.0
    processes: int | None = None  # default: one per core, at most one per agency
    lock: object | None = None  # issue 13: the database's AuditLock (core/runlock.py), inherited by the crawl
    previous_run: str = "auto"  # issue 9: conditional requests against this run ("auto", an id, "0" = --full)


def prepare_run(db_path: str, targets_path: str, rules_dir: str | None, options: CrawlOptions,
                resume: int | None = None) -> tuple[object, int, list[Agency], Catalogue]:
    agencies = load_targets(targets_path)
    catalogue = load_catalogue(rules_dir) if rules_dir else load_catalogue()
    db = store.open_db(db_path)
    if resume:
        run = store.get_run(db, resume)
        if not run:
            raise AuditError(f"{db_path}: 没有编号为 {resume} 的审计运行 (no run {resume} to resume)")
        if run["status"] == "finished":
            raise AuditError(f"{db_path}: 运行 {resume} 已完成，无需续抓 (run {resume} is already finished)")
        run_id = resume
    else:
        run_id = store.start_run(
            db, targets=str(targets_path), rules_dir=str(catalogue.directory),
            options={"max_pages": options.max_pages, "max_depth": options.max_depth,
                     "agency_ids": [a.id for a in agencies]},
        )
    store.save_agencies(db, agencies)
    store.save_catalogue(db, catalogue)
    store.update_run(db, run_id, agencies=len(agencies), rules=len(catalogue.rules), status="running")
    return db, run_id, agencies, catalogue


def crawl(db, run_id: int, targets_path: str, db_path: str, options: CrawlOptions, resume: bool) -> str:
    """Crawl for a run; returns the run status afterwards: ``crawled`` or ``interrupted``."""
    store.update_run(db, run_id, status="running")
    agency_count = store.get_run(db, run_id)["agencies"] or 1
    code = run_crawl(
        processes=options.processes or default_processes(agency_count),
        targets=str(targets_path), db=str(db_path), run_id=run_id, max_pages=options.max_pages,
        max_depth=options.max_depth, resume=resume, concurrency=options.concurrency,
        per_agency=options.per_agency, delay=options.delay, log_level=options.log_level,
        progress_interval=options.progress_interval,
        # issue 13: the crawl processes hold the database lock while they live; the lock file names them
        lock_fd=options.lock.fileno() if options.lock else None,
        on_started=(lambda pids: options.lock.record(run=run_id, crawl_pids=pids)) if options.lock else None,
        extra={"ZWGK_PREVIOUS_RUN": options.previous_run},  # issue 9: incremental re-audit (crawler/conditional.py)
    )
    status = store.get_run(db, run_id)["status"]
    if code != 0 or status != "running":
        store.update_run(db, run_id, status="interrupted")
        return "interrupted"
    pages, errors = store.run_counts(db, run_id)
    store.update_run(db, run_id, pages=pages, fetch_errors=errors, status="crawled")
    return "crawled"


def check(db, run_id: int, agencies: list[Agency], catalogue: Catalogue, evaluation_points: float = 4.0,
          as_of: dt.date | None = None, overrides: list[Override] | None = None) -> dict[str, int]:
    """Evaluate all rules for all agencies on the run's crawl as of a date (default today);
    apply the supervisor's overrides in force at that date; write findings and scores."""
    as_of = as_of or dt.date.today()
    calendar = WorkdayCalendar(catalogue.calendar_file)
    evidence = load_evidence(db, run_id, agencies, as_of)
    findings = evaluate_run(db, run_id, catalogue, agencies, calendar, evidence, as_of=as_of)
    # --- issue 8: 申诉复核 — reviewed verdicts replace the machine's before scoring ---
    apply_overrides(findings, overrides or [], as_of)
    # --- end issue 8 ---
    rules = catalogue.all_rules
    # --- new-user review: re-checking some of a run's agencies keeps the others' findings (ranks recomputed) ---
    kept, kept_pairs, kept_agencies = _other_agencies_findings(db, run_id, {a.id for a in agencies})
    findings = findings + kept
    # --- end new-user review ---
    scores, notice_scores = score_run(
        findings, list(agencies) + kept_agencies, evaluation_points, notice_of={r.id: r.notice.id for r in rules},
        scored_notices={n.id for n in catalogue.notices},
    )
    store.replace_findings(db, run_id, findings, scores, interpretation_pair_rows(evidence, run_id) + kept_pairs,
                           notice_scores)
    counts = count_statuses(findings)
    store.index_run_text(db, run_id)
    store.update_run(
        db, run_id, findings=len(findings), counts=json.dumps(counts, ensure_ascii=False, sort_keys=True),
        finished=store.now_iso(), status="finished", as_of=as_of.isoformat(),
    )
    return counts


def _other_agencies_findings(db, run_id: int, checked: set[str]) -> tuple[list[dict], list[dict], list[Agency]]:
    """The run's stored findings and interpretation pairs of agencies not being checked now, with those
    agencies: ``zwgk check --targets T`` on part of a run must not delete the rest of the run."""
    stored = {a.id: a for a in store.stored_agencies(db)}
    kept = [f for f in store.rows(db, "findings", run_id=run_id) if f["agency_id"] not in checked
            and f["agency_id"] in stored]
    for finding in kept:
        finding.pop("id", None)
    ids = {f["agency_id"] for f in kept}
    pairs = [p for p in store.rows(db, "interpretation_pairs", run_id=run_id) if p["agency_id"] in ids]
    return kept, pairs, [stored[agency_id] for agency_id in sorted(ids)]


def agencies_of_run(db, run_id: int) -> list[Agency]:
    """The agencies a run audited, as stored when it started."""
    run = store.get_run(db, run_id)
    ids = json.loads(run["options"] or "{}").get("agency_ids")
    agencies = store.stored_agencies(db)
    if ids is None:
        return agencies
    by_id = {a.id: a for a in agencies}
    return [by_id[agency_id] for agency_id in ids if agency_id in by_id]


def scorecard(db, run_id: int) -> list[dict]:
    return store.scorecard(db, run_id)
