"""The rule catalogue: every rule traces to a sentence of its notice, and lint passes."""

from __future__ import annotations

import pytest
from conftest import SHARED, zwgk

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


@pytest.mark.skipif(not (SHARED / "notices").is_dir(), reason="../shared/notices not present")
@pytest.mark.parametrize("rule", CATALOGUE.rules, ids=lambda r: r.id)
def test_every_quote_is_a_sentence_of_its_notice(rule):
    source = (SHARED / rule.notice.source_file).read_text(encoding="utf-8")
    assert comparable(rule.quote) in comparable(source)


def test_lint_passes_on_the_catalogue():
    assert [p for p in lint_rules(RULES_DIR) if ": error: " in p] == []
    assert zwgk("rules", "lint").returncode == 0


def test_lint_reports_each_problem_with_file_and_rule(tmp_path):
    (tmp_path / "a.yaml").write_text(
        "notice: {id: a, title: T, issuer: I, issued: 2017-01-01}\n"
        "rules:\n  - {id: a-1, kind: plan_published, quote: q, params: {working_days: 10}}\n", encoding="utf-8")
    (tmp_path / "b.yaml").write_text(
        "notice: {id: b, title: T, issuer: I, issued: 2017-01-01}\n"
        "rules:\n  - {id: a-1, kind: manual, quote: q}\n", encoding="utf-8")
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
