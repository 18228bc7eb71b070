"""leader_published: the leader in charge of 政务公开 named publicly."""

from __future__ import annotations

from rule_kit import page, rule, run


def test_a_division_of_work_page_passes_and_names_the_page():
    outcome = run(rule("leader_published", {}), [page("新闻", "2017-05-01"), page("市政府领导分工", "2017-05-01")])
    assert outcome.status == "pass" and "市政府领导分工" in outcome.detail


def test_a_leadership_column_counts_as_the_place_it_is_published():
    outcome = run(rule("leader_published", {}), [page("张三", "2017-05-01", column="领导之窗")])
    assert outcome.status == "pass"


def test_not_finding_one_asks_for_a_human_look_never_fails():
    outcome = run(rule("leader_published", {}), [page("新闻", "2017-05-01"), page("通知公告", None, "list")])
    assert (outcome.status, outcome.reason) == ("manual", "not_found")
    assert "2 个页面" in outcome.detail and "人工核实" in outcome.detail


def test_a_division_of_tasks_is_not_a_division_of_leaders():
    tasks = [page("某市人民政府办公室关于印发《政府工作报告》重点工作分工方案的通知", "2017-03-03", "policy"),
             page("2017年政务公开工作任务分工", "2017-06-01", "policy")]
    assert run(rule("leader_published", {}), tasks).status == "manual"
    leaders = page("市政府领导班子成员工作分工", "2017-06-01")
    assert run(rule("leader_published", {}), [*tasks, leaders]).evidence is leaders
