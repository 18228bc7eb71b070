"""The end-to-end audit on the sample portals finds exactly what each sample was built to show."""

from __future__ import annotations

import sqlite3

import yaml

from checks.builtin import BUILTIN_RULES
from checks.rules import load_catalogue, rule_applies
from checks.targets import load_targets
from conftest import ROOT, zwgk

EXPECTED = yaml.safe_load((ROOT / "samples" / "expected.yaml").read_text(encoding="utf-8"))


def findings_of(db, run_id):
    conn = sqlite3.connect(db)
    rows = conn.execute("SELECT agency_id, rule_id, status FROM findings WHERE run_id = ?", (run_id,)).fetchall()
    conn.close()
    return {(a, r): s for a, r, s in rows}


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
    for agency in agencies.values():
        for rule in rules:
            want = expected_status(agency, rule)
            assert found[(agency.id, rule.id)] == want, f"{agency.id} · {rule.id}: got {found[(agency.id, rule.id)]}, want {want}"


def test_scores_exclude_errors_and_manual_and_rank_agencies(sample_portals, tmp_path):
    db = tmp_path / "audit.db"
    zwgk("audit", "--targets", str(sample_portals), "--db", str(db))
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    scores = {r["agency_id"]: dict(r) for r in conn.execute("SELECT * FROM scores WHERE run_id = 1")}
    for agency_id, score in scores.items():
        earned, possible, manual = conn.execute(
            "SELECT sum(CASE WHEN status = 'pass' THEN weight ELSE 0 END), "
            "sum(CASE WHEN status IN ('pass', 'fail') THEN weight ELSE 0 END), sum(status = 'manual') "
            "FROM findings WHERE run_id = 1 AND agency_id = ?", (agency_id,)).fetchone()
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
    assert county["errors"] == conn.execute(
        "SELECT count(*) FROM findings WHERE run_id = 1 AND agency_id = 'xiangtan-county' AND status = 'error'").fetchone()[0] > 2
    run = dict(conn.execute("SELECT * FROM audit_runs WHERE id = 1").fetchone())
    assert run["status"] == "finished" and run["agencies"] == 8 and run["pages"] > 100
    assert run["finished"] >= run["started"]


def test_second_audit_keeps_the_first_run(sample_portals, tmp_path):
    db = tmp_path / "audit.db"
    zwgk("audit", "--targets", str(sample_portals), "--db", str(db))
    zwgk("audit", "--targets", str(sample_portals), "--db", str(db))
    conn = sqlite3.connect(db)
    runs = conn.execute("SELECT id, status FROM audit_runs ORDER BY id").fetchall()
    assert runs == [(1, "finished"), (2, "finished")]
    per_run = dict(conn.execute("SELECT run_id, count(*) FROM pages GROUP BY run_id").fetchall())
    assert per_run[1] == per_run[2] > 100
    assert findings_of(db, 1) == findings_of(db, 2)
    # raw bytes are stored once per distinct content, however many runs saw them
    distinct = conn.execute("SELECT count(DISTINCT raw_sha256) FROM pages").fetchone()[0]
    assert conn.execute("SELECT count(*) FROM raw_pages").fetchone()[0] == distinct


def test_check_reevaluates_without_fetching(sample_portals, tmp_path):
    db = tmp_path / "audit.db"
    zwgk("audit", "--targets", str(sample_portals), "--db", str(db))
    before = findings_of(db, 1)
    conn = sqlite3.connect(db)
    pages_before = conn.execute("SELECT count(*) FROM pages").fetchone()[0]
    conn.execute("DELETE FROM findings")
    conn.commit()
    result = zwgk("check", "--db", str(db))
    assert findings_of(db, 1) == before
    assert conn.execute("SELECT count(*) FROM pages").fetchone()[0] == pages_before
    assert "重新核查完成" in result.stderr


def test_interpretation_pairs_are_stored(sample_portals, tmp_path):
    db = tmp_path / "audit.db"
    zwgk("audit", "--targets", str(sample_portals), "--db", str(db))
    conn = sqlite3.connect(db)
    pairs = {(how, p.rsplit("/", 1)[-1], i.rsplit("/", 1)[-1]) for how, p, i in conn.execute(
        "SELECT how, policy_url, interpretation_url FROM interpretation_pairs WHERE agency_id = 'shijiazhuang'")}
    hows = {how for how, _, _ in pairs}
    assert len(pairs) == 2 and hows == {"link", "title"}
