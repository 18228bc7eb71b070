"""Honest scores: only pass/fail count, coverage and undecided counts beside every score, ranks only
among agencies bound by the same notices; the as-of date turns not-yet-due failures into `pending`."""

from __future__ import annotations

import datetime as dt

from checks.evaluate import not_yet_due
from checks.kinds import Outcome
from checks.scoring import score_run
from core.model import Agency


def agency(agency_id, level="city"):
    return Agency(agency_id, agency_id, level, (f"http://{agency_id}/",))


def finding(agency_id, rule_id, status, weight=1.0):
    return {"run_id": 1, "agency_id": agency_id, "rule_id": rule_id, "status": status, "weight": weight}


NOTICE_OF = {"a1": "notice-a", "a2": "notice-a", "a3": "notice-a", "b1": "notice-b", "b2": "notice-b"}


def test_only_pass_and_fail_count_and_coverage_says_how_much_was_decided():
    findings = [finding("x", "a1", "pass"), finding("x", "a2", "manual"), finding("x", "a3", "pending"),
                finding("x", "b1", "not_applicable"), finding("x", "b2", "not_applicable")]
    (score,), (by_notice,) = score_run(findings, [agency("x")], notice_of=NOTICE_OF)
    assert (score["points_earned"], score["points_possible"], score["percent"]) == (1.0, 1.0, 100.0)
    assert (score["applicable"], score["verdicts"], score["coverage"]) == (3, 1, 33.3)
    assert (score["manual"], score["pending"], score["not_applicable"]) == (1, 1, 2)
    assert by_notice["notice"] == "notice-a" and score["notices"] == "notice-a"


def test_a_weight_0_rules_verdict_is_unscored_not_another_failure():
    # one missing report judged by a weighted rule and by two weight-0 repeats of it
    findings = [finding("x", "a1", "fail"), finding("x", "a2", "fail", weight=0.0), finding("x", "a3", "pass", weight=0.0)]
    (score,), (by_notice,) = score_run(findings, [agency("x")], notice_of=NOTICE_OF)
    assert (score["passed"], score["failed"], score["unscored"]) == (0, 1, 2)
    assert (score["points_possible"], score["percent"]) == (1.0, 0.0)
    assert (by_notice["failed"], by_notice["unscored"]) == (1, 2)


def test_the_lists_of_problems_leave_out_a_weight_0_rules_failure(tmp_path):
    import sqlite_utils

    from core import store
    from core.store import workbench

    db = sqlite_utils.Database(tmp_path / "f.db")
    store.ensure_schema(db)
    db["rules"].insert_all([{"rule_id": "a1", "kind": "annual_report", "title": "年报", "weight": 1.0, "notice": "n"},
                            {"rule_id": "a2", "kind": "annual_report", "title": "年报（重复）", "weight": 0.0, "notice": "n"}])
    db["findings"].insert_all([{"run_id": 1, "agency_id": "x", "rule_id": "a1", "status": "fail", "weight": 1.0},
                               {"run_id": 1, "agency_id": "x", "rule_id": "a2", "status": "fail", "weight": 0.0}])
    assert [f["rule_id"] for f in store.problems_of_run(db, 1)] == ["a1"]
    assert [r["rule_id"] for r in workbench.most_failed_rules(db, 1)] == ["a1"]


def test_ranks_only_among_agencies_bound_by_the_same_notices():
    findings = [
        # two agencies bound by notice-a only
        finding("a-good", "a1", "pass"), finding("a-good", "a2", "pass"),
        finding("a-poor", "a1", "pass"), finding("a-poor", "a2", "fail"),
        # one agency bound by notice-b only, with a lower percent than both
        finding("b-only", "b1", "fail"), finding("b-only", "b2", "pass"),
    ]
    for f in list(findings):
        other = "b1" if f["rule_id"].startswith("a") else "a1"
        findings.append(finding(f["agency_id"], other, "not_applicable"))
    scores, notice_scores = score_run(findings, [agency("a-good"), agency("a-poor"), agency("b-only")],
                                      notice_of=NOTICE_OF)
    by_id = {s["agency_id"]: s for s in scores}
    assert by_id["a-good"]["rank"] == 1 and by_id["a-poor"]["rank"] == 2
    assert by_id["b-only"]["rank"] == 1  # first among the agencies its notice binds, not third overall
    assert {(s["agency_id"], s["notice"]) for s in notice_scores} == {
        ("a-good", "notice-a"), ("a-poor", "notice-a"), ("b-only", "notice-b")}


def test_unreachable_agency_has_no_score_and_no_rank():
    (score,), _ = score_run([finding("x", "a1", "error"), finding("x", "a2", "error")], [agency("x")],
                            notice_of=NOTICE_OF)
    assert score["percent"] is None and score["rank"] is None and score["coverage"] == 0.0


def test_a_failure_not_yet_due_is_pending_and_a_due_one_stays_fail():
    missing = Outcome("fail", "missing", "未找到。", deadline=dt.date(2026, 12, 23))
    pending = not_yet_due(missing, dt.date(2026, 11, 30))
    assert pending.status == "pending" and pending.reason == "not_due" and "2026-12-23" in pending.detail
    assert not_yet_due(missing, dt.date(2026, 12, 23)).status == "fail"  # due that day: judged
    assert not_yet_due(missing, dt.date(2027, 1, 4)).status == "fail"
    passed = Outcome("pass", "on_time", "找到。", deadline=dt.date(2026, 12, 23))
    assert not_yet_due(passed, dt.date(2026, 11, 30)).status == "pass"  # met early is met


def test_before_the_notice_was_issued_every_rule_is_pending(tmp_path):
    """An as-of date before the notice: nothing it asks can be due yet, whatever the kind (column_exists has no deadline)."""
    from checks.catalogue import load_catalogue
    from checks.evaluate import evaluate_run
    from checks.kinds import Evidence
    from core import store

    catalogue = load_catalogue()
    kunming = Agency("kunming", "昆明市人民政府", "city", ("http://x/",), province="云南省")
    evidence = {"kunming": Evidence(kunming, [], lambda urls: [], lambda urls: [])}
    db = store.open_db(tmp_path / "a.db")
    findings = evaluate_run(db, 1, catalogue, [kunming], evidence=evidence, as_of=dt.date(2010, 1, 1))
    applicable = [f for f in findings if f["status"] != "not_applicable"]
    assert applicable and {f["status"] for f in applicable} == {"pending"}
    assert {f["reason"] for f in applicable} == {"not_issued"}


def test_an_unfilled_issuer_is_not_shown_to_a_supervisor_as_todo(tmp_path):
    import shutil

    from checks.catalogue import RULES_DIR, load_catalogue
    from checks.evaluate import evaluate_run
    from checks.kinds import Evidence
    from core import store

    shutil.copy(RULES_DIR / "calendar.yaml", tmp_path / "calendar.yaml")
    (tmp_path / "draft.yaml").write_text(
        "notice:\n  id: draft-2031\n  title: 某县2031年政务公开工作要点\n  issuer: TODO\n  issued: '2031-03-01'\n  year: 2031\n"
        "  binds:\n    units: [某县教育局]\nrules:\n  - id: draft-2031-1\n    kind: manual\n"
        "    quote: 各单位要及时公开本单位预算。\n    params:\n      reason: 人工核实\n    weight: 1\n", encoding="utf-8")
    other = Agency("other", "某县民政局", "department", ("http://x/",), province="云南省")
    evidence = {"other": Evidence(other, [], lambda urls: [], lambda urls: [])}
    findings = evaluate_run(store.open_db(tmp_path / "a.db"), 1, load_catalogue(tmp_path), [other], evidence=evidence,
                            as_of=dt.date(2031, 6, 1))
    (finding,) = [f for f in findings if f["rule_id"] == "draft-2031-1"]
    assert finding["status"] == "not_applicable" and "某县2031年政务公开工作要点" in finding["detail"]
    assert "TODO" not in finding["detail"]
