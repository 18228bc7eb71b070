"""`zwgk rules draft` on notices it was not written for: verbatim quotes, deadline forms, a loadable
draft, --compare, quote checks that cannot pass silently, and floors on both halves of the labelled
real notices (tests/eval/notice_split.yaml; the test half is never tuned on)."""

from __future__ import annotations

import pytest
import yaml
from conftest import shared, zwgk

from checks.lint import lint_rules
from rules.draft import draft, draft_yaml, read_notice
from rules.drafting.compare import compare_rules
from rules.drafting.deadlines import deadline_of
from rules.drafting.structure import analysis


@pytest.mark.parametrize("name", ["001_4b0d81449580afa6.txt", "003_0e99ba6021ab57fb.txt", "004_4a2e5b9aeef84694.txt"])
def test_drafted_quotes_are_the_sources_own_characters(name):
    source = read_notice(shared(f"notices/{name}"))
    result = draft(source)
    assert result.obligations
    for item in result.obligations:
        assert item["quote"] in source, item["quote"][:40]


@pytest.mark.parametrize("sentence, year, expected", [
    ("请于年底前在门户网站公开", 2024, {"by_date": "2024-12-31"}),
    ("6月底前完成并公开", 2024, {"by_date": "2024-06-30"}),
    ("2023年3月至10月", None, {"by_date": "2023-10-31"}),
    ("在本通知印发后二十个工作日内公开", 2024, {"working_days": 20, "anchor": "issued"}),
    ("自信息形成之日起7个工作日内上网公开", 2024, {"working_days": 7, "anchor": "document"}),
    ("解读材料与文件同步起草、同步审批、同步发布", 2024, {"working_days": 0, "anchor": "document"}),
    ("每季度公开一次", 2024, {"rhythm": "quarterly"}),
    ("长期坚持", 2024, {"rhythm": "continuous"}),
    ("按省里要求公开", 2024, {"rhythm": "continuous"}),
    ("每年3月31日前公布", 2024, {"rhythm": "yearly"}),
    ("十月底前完成", 2024, {"by_date": "2024-10-31"}),
    ("2024年底完成", None, {"by_date": "2024-12-31"}),
    ("于九月三十日前公布", 2024, {"by_date": "2024-09-30"}),
])
def test_deadline_forms(sentence, year, expected):
    assert deadline_of(analysis(sentence), year) == expected


def test_a_draft_loads_with_only_the_parameters_each_kind_declares(tmp_path):
    from checks.catalogue import load_rule_file
    from checks.kinds import KINDS

    output = tmp_path / "henan.yaml"
    zwgk("rules", "draft", str(shared("notices/000_ee91ae213ee25c43.txt")), "--id", "henan-draft", "-o", str(output))
    notice, rules = load_rule_file(output)
    assert notice.doc_number == "豫政办明电〔2017〕69号" and rules
    for rule in rules:
        assert set(rule.params) <= set(KINDS[rule.kind].PARAMS), rule.id
    assert "# 审核：" in output.read_text(encoding="utf-8")  # review notes are comments, not keys


def test_compare_shows_added_dropped_and_changed(tmp_path):
    text = read_notice(shared("notices/000_ee91ae213ee25c43.txt"))
    document = yaml.safe_load(draft_yaml(draft(text), "x"))
    rules = document["rules"]
    assert len(rules) >= 3
    removed, changed = rules[0], rules[1]
    reviewed = [dict(r) for r in rules[1:]]
    reviewed[0] = {**changed, "kind": "manual" if changed["kind"] != "manual" else "topic_disclosed"}
    reviewed.append({"id": "x-old", "kind": "manual", "quote": "一句已经不在新通知中的旧要求，用来检验删除。"})
    comparison = compare_rules(reviewed, rules)
    assert [r["id"] for r in comparison.added] == [removed["id"]]
    assert [r["id"] for r in comparison.dropped] == ["x-old"]
    assert [c[0]["id"] for c in comparison.changed] == [changed["id"]]
    path = tmp_path / "reviewed.yaml"
    path.write_text(yaml.safe_dump({"notice": document["notice"], "rules": reviewed}, allow_unicode=True), encoding="utf-8")
    result = zwgk("rules", "draft", str(shared("notices/000_ee91ae213ee25c43.txt")), "--id", "x", "--compare", str(path))
    assert "新增 1 条，删除 1 条，变更 1 条" in result.stdout
    assert "x-old" in result.stdout and f"新增 {removed['id']}" in result.stdout


def test_lint_without_the_notices_folder_is_an_error_not_zero_errors(tmp_path):
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "n.yaml").write_text(
        "notice: {id: n, title: T, issuer: I, issued: 2017-05-23, source_file: notices/n.txt}\n"
        "rules:\n  - {id: n-1, kind: manual, quote: 一句引文, params: {reason: r}}\n", encoding="utf-8")
    missing = tmp_path / "no-such-folder"
    result = zwgk("rules", "lint", "--rules", str(rules), "--sources", str(missing), check=False)
    assert result.returncode == 1 and "通知原文目录不存在" in result.stdout
    sources = tmp_path / "notices"
    sources.mkdir()
    assert any("n.txt" in p and ": error: " in p for p in lint_rules(rules, sources=sources))  # file missing
    (sources / "n.txt").write_text("另一句话。", encoding="utf-8")
    assert any("quote not found" in p for p in lint_rules(rules, sources=sources))
    (sources / "n.txt").write_text("通知里有一句引文。", encoding="utf-8")
    assert lint_rules(rules, sources=sources) == []


def test_floors_on_both_halves():
    """Floors a little under the figures measured (README, `python -m tests.eval.notices`): the test half is
    held out — a drop there is a drop on notices the drafter was not tuned on."""
    from tests.eval.notices import LABEL_FILES, evaluate

    for name in LABEL_FILES:
        shared(f"real-pages/{name}")
    result = evaluate()
    for half, floors in FLOORS.items():
        for measure, floor in floors.items():
            assert result[half].ratio(measure) >= floor, (half, measure, result[half].counts[measure])


FLOORS = {
    "dev": {"recall": 0.95, "precision": 0.86, "deadlines": 0.9, "doc_number": 0.95, "issued": 0.95},
    "test": {"recall": 0.75, "precision": 0.57, "deadlines": 0.44, "doc_number": 0.95, "issued": 0.95},
}
