"""`zwgk rules lint` rejects parameters a kind does not read and warns on rules whose criteria prove nothing."""

from __future__ import annotations

from conftest import zwgk

from checks.lint import lint_rules

NOTICE = "notice: {id: n, title: T, issuer: I, issued: 2017-05-23, binds: {provinces: [河南省]}}\nrules:\n"


def lint(tmp_path, rules: str, vocabulary: str | None = None) -> list[str]:
    (tmp_path / "n.yaml").write_text(NOTICE + rules, encoding="utf-8")
    if vocabulary is not None:
        (tmp_path / "topics.yaml").write_text(vocabulary, encoding="utf-8")
    return lint_rules(tmp_path)


def test_a_parameter_the_kind_does_not_read_is_an_error(tmp_path):
    problems = lint(tmp_path, "  - {id: n-1, kind: topic_disclosed, quote: q,\n"
                              "     params: {topics: [budget-final-accounts], continuous: true, lead_units: [省财政厅]}}\n")
    assert "n.yaml: n-1: error: parameter 'continuous' is not read by kind topic_disclosed" in "\n".join(problems)
    assert any("'lead_units' is not read" in p for p in problems)
    result = zwgk("rules", "lint", "--rules", str(tmp_path), check=False)
    assert result.returncode == 1


def test_an_unknown_topic_is_an_error_and_a_manual_rule_needs_its_reason(tmp_path):
    problems = lint(tmp_path, "  - {id: n-1, kind: topic_disclosed, quote: q, params: {topics: [budget]}}\n"
                              "  - {id: n-2, kind: manual, quote: q}\n")
    text = "\n".join(problems)
    assert "n-1" in text and "budget" in text and "不在词表" in text
    # one bad rule does not hide the next one's problem: every rule is reported in the same run
    assert any("n-2" in p and "reason" in p and ": error: " in p for p in problems)


def test_a_rule_that_cannot_be_read_still_has_its_quote_and_parameters_checked(tmp_path):
    (tmp_path / "notices").mkdir()
    (tmp_path / "notices" / "n.txt").write_text("各单位要在门户网站公开部门预算。", encoding="utf-8")
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "n.yaml").write_text(
        "notice: {id: n, title: T, issuer: I, issued: 2017-05-23, source_file: n.txt, binds: {provinces: [河南省]}}\nrules:\n"
        "  - {id: n-1, kind: topic_disclosed, quote: 在门户网站公开财政决算, params: {topics: [no-such-topic], lead_units: [省财政厅]}}\n",
        encoding="utf-8")
    problems = "\n".join(lint_rules(tmp_path / "rules", sources=tmp_path / "notices"))
    assert "n-1: error" in problems and "no-such-topic" in problems
    assert "n-1: error: quote not found" in problems
    assert "n-1: error: parameter 'lead_units' is not read by kind topic_disclosed" in problems


def test_a_topic_whose_pattern_is_a_generic_word_draws_a_warning(tmp_path):
    vocabulary = ("topics:\n  - {id: own-rules, name: 本机关制度, rhythm: once, titles: ['制度'], source: x}\n"
                  "  - {id: budget, name: 预决算, rhythm: yearly, titles: ['部门预算'], source: x}\n")
    problems = lint(tmp_path, "  - {id: n-1, kind: topic_disclosed, quote: q, params: {topics: [own-rules]}}\n"
                              "  - {id: n-2, kind: topic_disclosed, quote: q, params: {topics: [budget]}}\n", vocabulary)
    assert problems == ["%s: n-1: warning: no concrete evidence criteria: 事项 own-rules 的标题检索式只是泛指词 ['制度']"
                        % (tmp_path / "n.yaml")]


def test_the_catalogue_has_no_unread_parameters_and_no_vague_rules():
    from checks.catalogue import RULES_DIR

    assert lint_rules(RULES_DIR) == []


def test_other_kinds_warn_when_their_criteria_are_only_generic(tmp_path):
    problems = lint(tmp_path, "  - {id: n-1, kind: column_exists, quote: q, params: {names: [信息]}}\n"
                              "  - {id: n-2, kind: published_by_date, quote: q,\n"
                              "     params: {by_date: 2017-12-15, page_types: [progress_report]}}\n"
                              "  - {id: n-3, kind: column_exists, quote: q, params: {names: [重点领域信息公开]}}\n")
    assert [p.split(": ", 2)[1] for p in problems] == ["n-1", "n-2"]
    assert all("warning: no concrete evidence criteria" in p for p in problems)


def test_a_notice_binding_agencies_of_several_places_without_naming_them_draws_a_warning(tmp_path):
    rules_dir = tmp_path / "rules"
    rules_dir.mkdir()
    targets = tmp_path / "targets.yaml"
    targets.write_text(
        "agencies:\n"
        "  - {id: hx, name: 汉西市人民政府, level: city, province: 湖北省, urls: ['http://127.0.0.1:9/']}\n"
        "  - {id: hx-sfj, name: 汉西市司法局, level: department, province: 湖北省, parent: hx, urls: ['http://127.0.0.1:9/a']}\n"
        "  - {id: jb-sfj, name: 江东市司法局, level: department, province: 湖北省, parent: jb, urls: ['http://127.0.0.1:9/b']}\n"
        "  - {id: jb-gaj, name: 公安交通管理支队, level: department, province: 湖北省, parent: jb, urls: ['http://127.0.0.1:9/c']}\n",
        encoding="utf-8")

    def warned(issuer: str, binds: str) -> bool:
        (rules_dir / "n.yaml").write_text(
            f"notice: {{id: n, title: T, issuer: {issuer}, issued: 2031-03-02, binds: {binds}}}\n"
            "rules:\n  - {id: n-1, kind: manual, quote: q, params: {reason: r}}\n", encoding="utf-8")
        return any("binds agencies of several places" in p for p in lint_rules(rules_dir, targets))

    assert warned("某市人民政府办公室", "{all: true}")  # the issuer is not audited: 汉西 and 江东 alike
    assert not warned("汉西市人民政府办公室", "{all: true}")  # its jurisdiction narrows it
    assert not warned("某市人民政府办公室", "{parents: [hx]}")  # the file names the place
    # a department whose parent is not in the file and whose name gives no place: its level cannot be told
    problems = lint_rules(rules_dir, targets)
    assert any("jb-gaj: warning: 上级 'jb' 不在目标文件中" in p for p in problems)
    assert not any("jb-sfj: warning: 上级" in p or "hx-sfj: warning: 上级" in p for p in problems)  # 江东市… is a city's


def test_a_drafts_placeholders_and_a_notice_binding_everyone_anywhere_draw_warnings(tmp_path):
    (tmp_path / "n.yaml").write_text("notice: {id: n, title: TODO, issuer: TODO, issued: 2017-05-23}\n"
                                     "rules:\n  - {id: n-1, kind: manual, quote: q, params: {reason: r}}\n", encoding="utf-8")
    problems = lint_rules(tmp_path)
    assert sorted(p.split(": warning: ")[1].split("：")[0] for p in problems) == [
        "binds 为 all", "notice.issuer 仍为 TODO", "notice.title 仍为 TODO"]
    assert not any(": error: " in p for p in problems)  # warnings: the file still loads and audits


def test_a_unit_no_agency_answers_to_is_reported_once_with_the_rules_that_name_it(tmp_path):
    rules_dir = tmp_path / "rules"
    rules_dir.mkdir()
    targets = tmp_path / "targets.yaml"
    targets.write_text("agencies:\n  - {id: hx, name: 汉西市人民政府, level: city, province: 湖北省, urls: ['http://127.0.0.1:9/']}\n",
                       encoding="utf-8")
    rows = "".join(f"  - {{id: n-{i}, kind: manual, quote: q{i}, params: {{reason: r}}, applies_to: {{units: [市统计局, 汉西市人民政府]}}}}\n"
                   for i in range(1, 4))
    (rules_dir / "n.yaml").write_text("notice: {id: n, title: T, issuer: 汉西市人民政府办公室, issued: 2031-03-02, binds: {all: true}}\n"
                                      "rules:\n" + rows, encoding="utf-8")
    warnings = [p for p in lint_rules(rules_dir, targets) if "市统计局" in p]
    assert warnings == [f"{rules_dir / 'n.yaml'}: n-1, n-2, n-3: warning: unit '市统计局' matches no agency in {targets}"]


def test_a_notice_published_before_it_was_issued_draws_a_warning(tmp_path):
    (tmp_path / "n.yaml").write_text("notice: {id: n, title: T, issuer: I, issued: 2031-10-01, published: 2031-09-01, "
                                     "binds: {provinces: [河南省]}}\nrules:\n  - {id: n-1, kind: manual, quote: q, params: {reason: r}}\n",
                                     encoding="utf-8")
    assert any("published before issued" in p for p in lint_rules(tmp_path))
    (tmp_path / "n.yaml").write_text((tmp_path / "n.yaml").read_text(encoding="utf-8").replace("2031-09-01", "2031-10-08"),
                                     encoding="utf-8")
    assert not any("published before issued" in p for p in lint_rules(tmp_path))
