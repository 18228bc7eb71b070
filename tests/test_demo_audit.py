"""The end-to-end audit on the sample portals finds exactly what each sample was built to show."""

from __future__ import annotations

import sqlite3

import yaml

from conftest import ROOT, zwgk

EXPECTED = yaml.safe_load((ROOT / "samples" / "expected.yaml").read_text(encoding="utf-8"))


def findings_of(db, run_id):
    conn = sqlite3.connect(db)
    rows = conn.execute("SELECT agency_id, rule_id, status FROM findings WHERE run_id = ?", (run_id,)).fetchall()
    conn.close()
    return {(a, r): s for a, r, s in rows}


def test_audit_matches_what_each_sample_was_built_to_show(sample_portals, tmp_path):
    db = tmp_path / "audit.db"
    result = zwgk("audit", "--targets", str(sample_portals), "--db", str(db))
    assert "政务公开审计记分卡" in result.stdout

    found = findings_of(db, 1)
    rule_ids = {rule for _, rule in found}
    for agency, expected_rules in EXPECTED.items():
        for rule in rule_ids:
            want = expected_rules.get(rule, "pass" if rule.startswith("builtin-") else "not_applicable")
            assert found[(agency, rule)] == want, f"{agency} · {rule}: got {found[(agency, rule)]}, want {want}"


def test_scores_exclude_errors_and_manual_and_rank_agencies(sample_portals, tmp_path):
    db = tmp_path / "audit.db"
    zwgk("audit", "--targets", str(sample_portals), "--db", str(db))
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    scores = {r["agency_id"]: dict(r) for r in conn.execute("SELECT * FROM scores WHERE run_id = 1")}
    # kaifeng: plan (weight 2) failed; the manual rules do not count.
    assert scores["kaifeng"]["points_possible"] == 2 and scores["kaifeng"]["percent"] == 0
    # yuxi: plan passed (2), column failed (2), progress failed (1) → 2/5.
    assert scores["yuxi"]["points_earned"] == 2 and scores["yuxi"]["points_possible"] == 5
    assert scores["yuxi"]["percent"] == 40.0
    # the unreachable site is neither rewarded nor punished: no score, no rank
    assert scores["xiangtan-county"]["percent"] is None and scores["xiangtan-county"]["rank"] is None
    assert scores["xiangtan-county"]["errors"] == 3  # two rules and the built-in security check
    assert scores["luoyang"]["rank"] == 1 and scores["yuxi"]["rank"] == 5
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
