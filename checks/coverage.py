"""Crawl coverage as evidence: an absence counts against an agency only where the crawl was complete.

The spider records per agency and run whether its 政务公开 sections were crawled whole
(``crawl_coverage``: page cap reached with section links left, section links beyond the
depth cap, pagination not finished, section pages that failed or were blocked).  A rule
that fails because a required page is *absent* becomes ``error`` with reason
``incomplete_crawl`` when the crawl was not complete, with a Chinese detail saying what
was not reached.  Findings that rest on what was found (late, spam) stand.
"""

from __future__ import annotations

from .kinds import Outcome

# fail reasons that mean "not found": the page may be in the part that was not crawled
ABSENCE_REASONS = {"missing", "empty", "outside_period"}


def apply_coverage(outcome: Outcome, coverage: dict | None) -> Outcome:
    """``outcome`` unchanged, or ``error``/``incomplete_crawl`` when it rests on an incomplete crawl."""
    if outcome.status != "fail" or outcome.reason not in ABSENCE_REASONS or not coverage or coverage.get("complete"):
        return outcome
    return Outcome(
        "error",
        "incomplete_crawl",
        f"{coverage.get('detail') or '该单位网站未抓取完整'}；未找到不代表该单位未落实，无法核查。原判断：{outcome.detail}",
        evidence=outcome.evidence,
        deadline=outcome.deadline,
    )
