"""Scores per run and agency.

Points earned are the weights of passed rules; points possible are the weights
of passed and failed rules.  ``error``, ``manual`` and ``not_applicable``
findings are left out of the denominator and counted separately, so an
unreachable site is neither rewarded nor punished silently.
"""

from __future__ import annotations

from collections import defaultdict


def score_run(findings: list[dict], agencies, evaluation_points: float = 4.0) -> list[dict]:
    level_of = {a.id: a.level for a in agencies}
    rows: dict[str, dict] = {}
    for agency in agencies:
        rows[agency.id] = {
            "agency_id": agency.id, "points_earned": 0.0, "points_possible": 0.0, "percent": None,
            "rank": None, "rank_in_level": None,
            "passed": 0, "failed": 0, "errors": 0, "manual": 0, "not_applicable": 0,
        }
    counter = {"pass": "passed", "fail": "failed", "error": "errors", "manual": "manual", "not_applicable": "not_applicable"}
    run_id = None
    for finding in findings:
        run_id = finding["run_id"]
        row = rows[finding["agency_id"]]
        row[counter[finding["status"]]] += 1
        if finding["status"] in ("pass", "fail"):
            row["points_possible"] += finding["weight"]
            if finding["status"] == "pass":
                row["points_earned"] += finding["weight"]
    for row in rows.values():
        row["run_id"] = run_id
        row["evaluation_points"] = None
        if row["points_possible"]:
            row["percent"] = round(100.0 * row["points_earned"] / row["points_possible"], 1)
            row["evaluation_points"] = round(evaluation_points * row["points_earned"] / row["points_possible"], 2)
    _rank(list(rows.values()), "rank")
    by_level = defaultdict(list)
    for row in rows.values():
        by_level[level_of[row["agency_id"]]].append(row)
    for group in by_level.values():
        _rank(group, "rank_in_level")
    return list(rows.values())


def _rank(rows: list[dict], field: str) -> None:
    """Competition ranking (1, 2, 2, 4) by percent; agencies without a score are unranked."""
    scored = sorted((r for r in rows if r["percent"] is not None), key=lambda r: -r["percent"])
    for position, row in enumerate(scored, start=1):
        if position > 1 and row["percent"] == scored[position - 2]["percent"]:
            row[field] = scored[position - 2][field]
        else:
            row[field] = position
