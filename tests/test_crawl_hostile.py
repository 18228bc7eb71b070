"""Real portal behaviour on a served site (issue 13): every case of tests/hostile_portals.py.

One audit run covers every case (each on its own port) and the clean reference sites.
An auditable case (redirects, lying charsets, control characters, binary bodies, a broken
href, a site-name <h1>, a shared site, a next-only pager) must give exactly the verdicts
that the same content gives on a clean site; a case that cannot be audited (HTTP errors,
anti-bot answers, empty or textless pages, resets, hangs, DNS, redirect loops, gzip bombs,
oversized or truncated bodies) must give no ``fail``, and say why in fetch_errors.
"""

from __future__ import annotations

from collections import defaultdict

import pytest
from conftest import free_port_base, zwgk
from hostile_portals import CASES, HostilePortals, tried_cases

from core import store

CASE_NAMES = [c.name for c in tried_cases()]


class AuditOutcome:
    """What one audit run of every hostile case stored, by agency."""

    def __init__(self, db_path):
        db = store.open_db(db_path)
        self.findings: dict[str, dict[str, dict]] = defaultdict(dict)
        for row in store.rows(db, "findings", run_id=1):
            self.findings[row["agency_id"]][row["rule_id"]] = row
        self.errors: dict[str, list[dict]] = defaultdict(list)
        for row in store.rows(db, "fetch_errors", run_id=1):
            self.errors[row["agency_id"]].append(row)
        self.pages: dict[str, list[dict]] = defaultdict(list)
        for row in store.rows(db, "pages", run_id=1):
            self.pages[row["agency_id"]].append(row)
        db.conn.close()


def verdict_problems(case, outcome: AuditOutcome) -> list[str]:
    """Why the case's findings are wrong (empty when right)."""
    mine = outcome.findings.get(case.agency_id, {})
    if not mine:
        return ["no findings at all"]
    if case.auditable:
        reference = outcome.findings[CASES[case.reference].agency_id]
        assert any(f["status"] == "pass" for f in reference.values()), "the reference site passes nothing: broken fixture"
        return [
            f"{rule}: {mine.get(rule, {}).get('status')} (clean site: {want['status']})"
            for rule, want in sorted(reference.items())
            if mine.get(rule, {}).get("status") != want["status"]
        ]
    problems = [f"{rule}: fail — {row['detail'][:80]}" for rule, row in sorted(mine.items()) if row["status"] == "fail"]
    problems += [f"{rule}: error without a reason" for rule, row in mine.items()
                 if row["status"] == "error" and not (row["reason"] and row["detail"])]
    if not any(e["message"] for e in outcome.errors.get(case.agency_id, [])):
        problems.append("no fetch_errors row with a message says why")
    return problems


@pytest.fixture(scope="module")
def audited(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("hostile")
    base = free_port_base(HostilePortals.ports_needed())
    with HostilePortals(base) as portals:
        targets = tmp / "targets.yaml"
        targets.write_text(portals.targets_yaml(), encoding="utf-8")
        zwgk("audit", "--targets", str(targets), "--db", str(tmp / "audit.db"), timeout=600)
    return AuditOutcome(tmp / "audit.db")


@pytest.mark.parametrize("name", CASE_NAMES)
def test_case_gives_the_right_verdict(audited, name):
    case = CASES[name]
    problems = verdict_problems(case, audited)
    assert not problems, f"{name} ({case.what}):\n  " + "\n  ".join(problems[:12])


def test_shared_site_pages_belong_to_the_agency_whose_part_they_are(audited):
    government = {p["url"] for p in audited.pages["shared-site"]}
    department = {p["url"] for p in audited.pages["shared-site-dept"]}
    assert government and department
    assert not any("/bm/fgw/" in url for url in government), "the government took the department's pages"
    assert all("/bm/fgw/" in url for url in department)
    alone = {p["url"].split("/", 3)[3] for p in audited.pages["dept-alone"]}
    assert {url.split("/", 3)[3] for url in department} == alone


def test_redirected_start_keeps_the_final_url_and_the_chain(audited):
    pages = audited.pages["redirect-chain-3"]
    start = [p for p in pages if p["depth"] == 0]
    assert start and start[0]["final_url"].endswith("/index.html")
    assert len(pages) == len(audited.pages["clean"])


def test_every_failed_fetch_says_what_happened(audited):
    for name in ("connection-reset", "oversized", "gzip-bomb", "redirect-loop", "redirect-long-chain", "truncated-article"):
        errors = audited.errors.get(name)
        assert errors, f"{name}: no fetch_errors row"
        assert all(e["message"] for e in errors), f"{name}: empty message"
    assert {e["kind"] for e in audited.errors["redirect-loop"]} == {"redirect"}
    assert {e["kind"] for e in audited.errors["redirect-long-chain"]} == {"redirect"}


def test_anti_bot_answers_are_recorded_as_blocked(audited):
    for name in ("ruishu-412", "ruishu-202", "jsl-521", "safedog-verify", "cookie-script-8k", "empty-200", "no-visible-text"):
        kinds = {e["kind"] for e in audited.errors.get(name, [])}
        assert kinds == {"blocked"}, f"{name}: {kinds}"
        assert not audited.pages.get(name), f"{name}: a challenge page was stored as the portal's content"
