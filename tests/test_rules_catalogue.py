"""The rule catalogue: every rule traces to a sentence of its notice, and lint passes."""

from __future__ import annotations

import pytest
from conftest import NO_SHARED, SHARED, shared, zwgk

from checks.catalogue import RULES_DIR, RulesError, load_catalogue
from checks.lint import lint_rules
from core.text import comparable

CATALOGUE = load_catalogue()


def test_five_notices_with_plan_or_column_rules():
    assert {n.id for n in CATALOGUE.notices} == {"henan-2017", "yunnan-2017", "hebei-2016", "yibin-2017", "xiangtan-2019"}
    kinds = {(r.notice.id, r.kind) for r in CATALOGUE.rules}
    for notice_id in ("henan-2017", "yunnan-2017", "xiangtan-2019"):
        assert (notice_id, "plan_published") in kinds
    for notice_id in ("yunnan-2017", "xiangtan-2019", "hebei-2016"):
        assert (notice_id, "column_exists") in kinds


@pytest.mark.parametrize("rule", CATALOGUE.rules, ids=lambda r: r.id)
def test_every_quote_is_a_sentence_of_its_notice(rule):
    source = shared(rule.notice.source_file).read_text(encoding="utf-8")
    assert comparable(rule.quote) in comparable(source)


@pytest.mark.skipif(not SHARED.is_dir(), reason=NO_SHARED)  # lint checks quotes against ../shared/notices
def test_lint_passes_on_the_catalogue():
    assert [p for p in lint_rules(RULES_DIR) if ": error: " in p] == []
    assert zwgk("rules", "lint").returncode == 0


def test_lint_reports_each_problem_with_file_and_rule(tmp_path):
    (tmp_path / "a.yaml").write_text(
        "notice: {id: a, title: T, issuer: I, issued: 2017-01-01}\n"
        "rules:\n  - {id: a-1, kind: plan_published, quote: q, params: {working_days: 10}}\n", encoding="utf-8")
    (tmp_path / "b.yaml").write_text(
        "notice: {id: b, title: T, issuer: I, issued: 2017-01-01}\n"
        "rules:\n  - {id: a-1, kind: manual, quote: q, params: {reason: 内部报送}}\n", encoding="utf-8")
    (tmp_path / "c.yaml").write_text(
        "notice: {id: c, title: T, issuer: I, issued: 2017-13-01}\nrules: []\n", encoding="utf-8")
    (tmp_path / "d.yaml").write_text(
        "notice: {id: d, title: T, issuer: I, issued: 2017-01-01}\n"
        "rules:\n  - {id: d-1, kind: teleport, quote: q}\n", encoding="utf-8")
    result = zwgk("rules", "lint", "--rules", str(tmp_path), check=False)
    assert result.returncode == 1
    lines = result.stdout.strip().splitlines()
    assert any("b.yaml: a-1: error: duplicate" in l for l in lines)
    assert any("c.yaml" in l and "issued" in l for l in lines)
    assert any("d.yaml: d-1" in l and "teleport" in l for l in lines)


def test_loading_a_bad_catalogue_raises_one_line(tmp_path):
    (tmp_path / "a.yaml").write_text("notice: {id: a, title: T, issuer: I, issued: 2017-01-01}\n"
                                     "rules:\n  - {id: a-1, kind: column_exists, quote: q}\n", encoding="utf-8")
    with pytest.raises(RulesError, match="a-1.*names"):
        load_catalogue(tmp_path)


# -- parameters the kinds' schemas refuse (issue 13): lint says so, check stops with one line --------

BAD_PARAMETERS = [
    ("plan_published", "{working_days: -5}", "working_days"),
    ("interpretation_timely", "{working_days: -5}", "working_days"),
    ("column_exists", "{names: ['专栏(']}", "names"),
    ("published_by_date", "{title_patterns: ['实施方案[', '工作要点'], by_date: 2017-12-31}", "title_patterns"),
]


@pytest.mark.parametrize("kind, params, name", BAD_PARAMETERS, ids=[f"{k}-{n}" for k, _, n in BAD_PARAMETERS])
def test_a_parameter_its_kind_refuses_is_a_lint_error_and_check_says_one_line(tmp_path, kind, params, name):
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "a.yaml").write_text(
        "notice: {id: a, title: T, issuer: I, issued: 2017-05-23}\n"
        f"rules:\n  - {{id: a-1, kind: {kind}, quote: q, params: {params}}}\n", encoding="utf-8")
    result = zwgk("rules", "lint", "--rules", str(rules), check=False)
    assert result.returncode != 0
    errors = [line for line in result.stdout.splitlines() if ": error: " in line]
    assert any("a-1" in line and name in line for line in errors), result.stdout + result.stderr
    assert "Traceback" not in result.stderr

    # `zwgk check` with such a rules directory: one line, no traceback, nothing re-evaluated
    db = tmp_path / "a.db"
    from core import store

    database = store.open_db(db)
    store.start_run(database, targets="t.yaml", rules_dir=str(rules), options={})
    database.conn.close()
    checked = zwgk("check", "--db", str(db), "--run", "1", "--rules", str(rules), check=False)
    assert checked.returncode != 0 and "Traceback" not in checked.stderr
    lines = checked.stderr.strip().splitlines()
    assert len(lines) == 1 and "a-1" in lines[0] and name in lines[0], checked.stderr
