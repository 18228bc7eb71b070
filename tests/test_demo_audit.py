"""The end-to-end audit on the sample portals finds exactly what each sample was built to show."""

from __future__ import annotations

import yaml
from conftest import ROOT, zwgk

from checks.builtin import BUILTIN_RULES
from checks.catalogue import load_catalogue, rule_applies
from core import store
from core.targets import load_targets

EXPECTED = yaml.safe_load((ROOT / "samples" / "expected.yaml").read_text(encoding="utf-8"))


def findings_of(db, run_id):
    return {(f["agency_id"], f["rule_id"]): f["status"] for f in store.rows(store.open_readonly(db), "findings", run_id=run_id)}


def expected_status(agency, rule) -> str:
    """What samples/expected.yaml says, or its default for rules it does not list."""
    listed = EXPECTED[agency.id].get(rule.id)
    if listed:
        return listed
    if not rule.id.startswith("builtin-") and not rule_applies(rule, agency):
        return "not_applicable"
    if not rule.web_checkable:
        return "manual"
    if agency.id == "xiangtan-county":
        return "error"
    return "pass" if rule.id.startswith("builtin-") else "fail"


def test_audit_matches_what_each_sample_was_built_to_show(sample_portals, tmp_path):
    db = tmp_path / "audit.db"
    result = zwgk("audit", "--targets", str(sample_portals), "--db", str(db))
    assert "政务公开审计记分卡" in result.stdout

    found = findings_of(db, 1)
    agencies = {a.id: a for a in load_targets(sample_portals)}
    rules = [*load_catalogue().rules, *BUILTIN_RULES]
    assert set(agencies) == set(EXPECTED)
    assert len(found) == len(agencies) * len(rules)
    wrong = [f"{agency.id} · {rule.id}: got {found[(agency.id, rule.id)]}, want {expected_status(agency, rule)}"
             for agency in agencies.values() for rule in rules
             if found[(agency.id, rule.id)] != expected_status(agency, rule)]
    assert not wrong, "\n".join(wrong)  # every difference at once


def test_scores_exclude_errors_and_manual_and_rank_agencies(sample_portals, tmp_path):
    db = tmp_path / "audit.db"
    zwgk("audit", "--targets", str(sample_portals), "--db", str(db))
    database = store.open_readonly(db)
    scores = {r["agency_id"]: r for r in store.rows(database, "scores", run_id=1)}
    for agency_id, score in scores.items():
        findings = store.rows(database, "findings", run_id=1, agency_id=agency_id)
        earned = sum(f["weight"] for f in findings if f["status"] == "pass")
        possible = sum(f["weight"] for f in findings if f["status"] in ("pass", "fail"))
        manual = sum(f["status"] == "manual" for f in findings)
        assert (score["points_earned"], score["points_possible"], score["manual"]) == (earned, possible, manual)
        if possible:
            assert score["evaluation_points"] == round(4 * earned / possible, 2)
    # Luoyang and Kaifeng face the same Henan rules and publish the same nothing else:
    # only the plan (on time vs one working day late, weight 2) separates them.
    assert scores["luoyang"]["points_earned"] - scores["kaifeng"]["points_earned"] == 2
    assert scores["luoyang"]["points_possible"] == scores["kaifeng"]["points_possible"]
    assert scores["luoyang"]["rank"] < scores["kaifeng"]["rank"]
    assert scores["kunming"]["percent"] > scores["yuxi"]["percent"]
    # the unreachable site is neither rewarded nor punished: no score, no rank, every check an error
    county = scores["xiangtan-county"]
    assert county["percent"] is None and county["rank"] is None and county["passed"] == county["failed"] == 0
    assert county["errors"] == len(store.rows(database, "findings", run_id=1, agency_id="xiangtan-county", status="error")) > 2
    run = store.get_run(database, 1)
    assert run["status"] == "finished" and run["agencies"] == 8 and run["pages"] > 100
    assert run["finished"] >= run["started"]


def test_second_audit_keeps_the_first_run(sample_portals, tmp_path):
    db = tmp_path / "audit.db"
    zwgk("audit", "--targets", str(sample_portals), "--db", str(db))
    zwgk("audit", "--targets", str(sample_portals), "--db", str(db))
    database = store.open_readonly(db)
    assert [(r["id"], r["status"]) for r in store.runs(database)] == [(1, "finished"), (2, "finished")]
    pages = store.rows(database, "pages")
    per_run = {run: sum(p["run_id"] == run for p in pages) for run in (1, 2)}
    assert per_run[1] == per_run[2] > 100
    assert findings_of(db, 1) == findings_of(db, 2)
    # raw bytes are stored once per distinct content, however many runs saw them
    assert store.count(database, "raw_pages") == len({p["raw_sha256"] for p in pages})


def test_check_reevaluates_without_fetching(sample_portals, tmp_path):
    db = tmp_path / "audit.db"
    zwgk("audit", "--targets", str(sample_portals), "--db", str(db))
    before = findings_of(db, 1)
    database = store.open_db(db)
    pages_before = store.count(database, "pages")
    store.replace_findings(database, 1, [], [])
    assert findings_of(db, 1) == {}
    result = zwgk("check", "--db", str(db))
    assert findings_of(db, 1) == before
    assert store.count(database, "pages") == pages_before
    assert "重新核查完成" in result.stderr


def test_interpretation_pairs_are_stored(sample_portals, tmp_path):
    db = tmp_path / "audit.db"
    zwgk("audit", "--targets", str(sample_portals), "--db", str(db))
    pairs = {(r["how"], r["policy_url"].rsplit("/", 1)[-1], r["interpretation_url"].rsplit("/", 1)[-1])
             for r in store.rows(store.open_readonly(db), "interpretation_pairs", agency_id="shijiazhuang")}
    hows = {how for how, _, _ in pairs}
    assert len(pairs) == 2 and hows == {"link", "title"}
