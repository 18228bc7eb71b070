"""Evaluate every rule for every agency on one run's crawl and produce findings.

An agency whose portal yielded no page (unreachable, blocked by an anti-bot
layer, nothing crawled) gets ``error`` findings for its web-checkable rules:
a crawl failure is never the agency's failure.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from core import store
from core.model import Agency

from .catalogue import AuditedAgencies, Catalogue, rule_applies
from .coverage import apply_coverage
from .kinds import KINDS, Evidence, Outcome
from .pairing import pair_interpretations
from .workdays import Deadline, WorkdayCalendar


def load_evidence(db, run_id: int, agencies: list[Agency], as_of: dt.date | None = None) -> dict[str, Evidence]:
    """What was crawled for each agency; with ``as_of``, pages published after that date are left out
    (the audit judges the portal as it stood on that day)."""
    pages_by_agency = store.pages_by_agency(db, run_id)
    if as_of:
        pages_by_agency = {
            agency_id: [p for p in pages if not p.published_date or p.published_date <= as_of]
            for agency_id, pages in pages_by_agency.items()
        }
    return {
        a.id: Evidence(agency=a, pages=pages_by_agency.get(a.id, []),
                       links_from=lambda urls: store.links_among(db, run_id, "from_url", urls),
                       links_to=lambda urls: store.links_among(db, run_id, "to_url", urls),
                       between=lambda froms, tos: store.links_between(db, run_id, froms, tos))
        for a in agencies
    }


def crawl_failure(db, run_id: int, agency: Agency, evidence: Evidence) -> Outcome | None:
    """An ``error`` outcome when nothing of the agency's portal could be read in this run."""
    if evidence.pages:
        return None
    errors = store.fetch_errors_of(db, run_id, agency.id)
    if not errors:
        return Outcome("error", "not_crawled", "本次审计未抓取到该单位网站的任何页面（可能未运行抓取或被中断），无法核查。")
    kind, status, url, message = errors[0]
    if any(e[0] == "blocked" for e in errors):
        return Outcome(
            "error", "blocked",
            f"网站返回反爬虫验证或空白页面（{message or f'HTTP {status}'}），无法核查；这不代表该单位未落实。首个错误：{url}",
        )
    words = {"dns": "域名无法解析", "timeout": "连接超时", "refused": "连接被拒绝", "http": f"HTTP {status} 错误"}
    return Outcome(
        "error", "unreachable",
        f"网站无法访问（{words.get(kind, message or kind)}，共 {len(errors)} 次失败），无法核查；这不代表该单位未落实。首个错误：{url}",
    )


def interpretation_pair_rows(evidence: dict[str, Evidence], run_id: int) -> list[dict]:
    return [
        {"run_id": run_id, "agency_id": agency_id, "policy_url": policy.url, "interpretation_url": interp.url,
         "how": how, "policy_published": policy.published, "interpretation_published": interp.published}
        for agency_id, ev in evidence.items()
        for policy, interp, how in pair_interpretations(ev)
    ]


def not_yet_due(outcome: Outcome, as_of: dt.date) -> Outcome:
    """A ``fail`` whose deadline is after the as-of date is ``pending`` (未到期): not scored, not 逾期."""
    deadline = outcome.deadline.date if isinstance(outcome.deadline, Deadline) else outcome.deadline
    if outcome.status != "fail" or deadline is None or deadline <= as_of:
        return outcome
    return Outcome(
        "pending", "not_due",
        f"未到期：期限为{deadline.isoformat()}，按{as_of.isoformat()}的情况判断尚未落实，期限届满后再核查。（{outcome.detail}）",
        evidence=outcome.evidence, deadline=outcome.deadline,
    )


def _named(notice) -> str:
    """The notice as a supervisor knows it: its issuer, else (a draft's TODO left unfilled) its title or id."""
    for name in (notice.issuer, notice.title):
        if name and str(name).strip().upper() != "TODO":
            return str(name)
    return str(notice.id)


def evaluate_run(db, run_id: int, catalogue: Catalogue, agencies: list[Agency],
                 calendar: WorkdayCalendar | None = None, evidence: dict[str, Evidence] | None = None,
                 as_of: dt.date | None = None) -> list[dict]:
    """Findings for every rule × agency.  ``as_of`` (default today) is the day deadlines are judged at."""
    as_of = as_of or dt.date.today()
    calendar = calendar or WorkdayCalendar(catalogue.calendar_file)
    evidence = evidence if evidence is not None else load_evidence(db, run_id, agencies, as_of)
    findings = []
    coverage = store.crawl_coverage(db, run_id)  # issue 13: crawl coverage (checks/coverage.py)
    audited = AuditedAgencies(agencies)
    for agency in agencies:
        ev = evidence[agency.id]
        failure = crawl_failure(db, run_id, agency, ev)
        for rule in catalogue.all_rules:
            if not rule_applies(rule, agency, audited):
                outcome = Outcome("not_applicable", "out_of_scope", f"该规则（{_named(rule.notice)}）不适用于{agency.name}。")
            elif as_of < rule.notice.issued:
                outcome = Outcome(
                    "pending", "not_issued",
                    f"该通知于{rule.notice.issued.isoformat()}印发，按{as_of.isoformat()}判断时尚未印发，本项不核查。",
                )
            elif failure and rule.web_checkable:
                outcome = failure
            else:
                outcome = not_yet_due(KINDS[rule.kind].evaluate(rule, ev, calendar), as_of)
                # --- issue 13: an absence found in a crawl cut short is not a fail ---
                outcome = apply_coverage(outcome, coverage.get(agency.id))
                # --- end issue 13 ---
            findings.append(
                {"run_id": run_id, "agency_id": agency.id, "rule_id": rule.id, "weight": rule.weight, **outcome.as_row()}
            )
    return findings


def count_statuses(findings: list[dict]) -> dict[str, int]:
    counts: dict[str, int] = defaultdict(int)
    for finding in findings:
        counts[finding["status"]] += 1
    return dict(counts)
