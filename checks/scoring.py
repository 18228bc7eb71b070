"""Scores per run and agency, overall and per notice.

Only evidence-based verdicts count: points earned are the weights of passed rules,
points possible the weights of passed and failed rules.  ``error``, ``manual``,
``pending`` and ``not_applicable`` findings stay out of the denominator and are
counted beside the score, with the coverage (verdicts / applicable rules), so a
score that rests on few verdicts says so.  A weight-0 rule's pass or fail is counted as ``unscored``, not in
``passed``/``failed``.

Agencies are ranked only against agencies bound by the same notices (their *peer
group*): a city bound by 26 rules of one notice and a department bound by 6 of
another are not put on one list.  ``rank_in_level`` ranks within peer group and level.
"""

from __future__ import annotations

from collections import defaultdict

_COUNTERS = {"pass": "passed", "fail": "failed", "error": "errors", "manual": "manual", "pending": "pending",
             "not_applicable": "not_applicable"}


def _empty(run_id, agency_id: str) -> dict:
    return {"run_id": run_id, "agency_id": agency_id, "points_earned": 0.0, "points_possible": 0.0, "percent": None,
            "rank": None, "rank_in_level": None, "passed": 0, "failed": 0, "errors": 0, "manual": 0, "pending": 0,
            "not_applicable": 0, "applicable": 0, "verdicts": 0, "coverage": None, "unscored": 0}


def _add(row: dict, finding: dict) -> None:
    status = finding["status"]
    # a weight-0 rule's verdict (a built-in check, the repeat of a duplicate drafted rule) is shown, not counted as
    # 通过/未通过: one missing report must not read as four failures
    unscored = status in ("pass", "fail") and not finding["weight"]
    row["unscored" if unscored else _COUNTERS[status]] += 1
    if status != "not_applicable":
        row["applicable"] += 1
    if status in ("pass", "fail"):
        row["verdicts"] += 1
        row["points_possible"] += finding["weight"]
        if status == "pass":
            row["points_earned"] += finding["weight"]


def _finish(row: dict) -> None:
    if row["points_possible"]:
        row["percent"] = round(100.0 * row["points_earned"] / row["points_possible"], 1)
    if row["applicable"]:
        row["coverage"] = round(100.0 * row["verdicts"] / row["applicable"], 1)


def score_run(findings: list[dict], agencies, evaluation_points: float = 4.0,
              notice_of: dict[str, str] | None = None, scored_notices: set[str] | None = None
              ) -> tuple[list[dict], list[dict]]:
    """(overall scores, per-notice scores) for one run's findings.

    ``notice_of`` maps rule id → notice id; ``scored_notices`` are the notices that
    bind agencies (the built-in checks, weight 0, are left out of peer groups).
    """
    notice_of = notice_of or {}
    level_of = {a.id: a.level for a in agencies}
    run_id = findings[0]["run_id"] if findings else None
    overall = {a.id: _empty(run_id, a.id) for a in agencies}
    per_notice: dict[tuple[str, str], dict] = {}
    for finding in findings:
        _add(overall[finding["agency_id"]], finding)
        notice = notice_of.get(finding["rule_id"])
        if notice is None or (scored_notices is not None and notice not in scored_notices):
            continue
        if finding["status"] == "not_applicable":
            continue
        key = (finding["agency_id"], notice)
        if key not in per_notice:
            per_notice[key] = {**_empty(run_id, finding["agency_id"]), "notice": notice}
        _add(per_notice[key], finding)

    bound: dict[str, set[str]] = defaultdict(set)
    for agency_id, notice in per_notice:
        bound[agency_id].add(notice)
    for row in overall.values():
        _finish(row)
        row["notices"] = ",".join(sorted(bound[row["agency_id"]]))
        row["evaluation_points"] = (round(evaluation_points * row["points_earned"] / row["points_possible"], 2)
                                    if row["points_possible"] else None)
    for row in per_notice.values():
        _finish(row)

    _rank_groups(overall.values(), key=lambda r: r["notices"], level_of=level_of)
    _rank_groups(per_notice.values(), key=lambda r: r["notice"], level_of=level_of)
    return list(overall.values()), list(per_notice.values())


def _rank_groups(rows, key, level_of) -> None:
    groups, levels = defaultdict(list), defaultdict(list)
    for row in rows:
        groups[key(row)].append(row)
        levels[(key(row), level_of[row["agency_id"]])].append(row)
    for group in groups.values():
        _rank(group, "rank")
    for group in levels.values():
        _rank(group, "rank_in_level")


def _rank(rows: list[dict], field: str) -> None:
    """Competition ranking (1, 2, 2, 4) by percent; agencies without a score are unranked."""
    scored = sorted((r for r in rows if r["percent"] is not None), key=lambda r: -r["percent"])
    for position, row in enumerate(scored, start=1):
        if position > 1 and row["percent"] == scored[position - 2]["percent"]:
            row[field] = scored[position - 2][field]
        else:
            row[field] = position
