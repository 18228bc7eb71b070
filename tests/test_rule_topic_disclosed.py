"""topic_disclosed: a verdict by the topics of rules/topics.yaml, with evidence a supervisor can check."""

from __future__ import annotations

import datetime as dt

import pytest
from rule_kit import notice, page, rule, run

from checks.catalogue import load_catalogue
from checks.kinds import KINDS, param_problems
from checks.kinds.topic_disclosed import period_of


def topic_rule(topics, **params):
    return rule("topic_disclosed", {"topics": topics, **params})


BUDGET = topic_rule(["budget-final-accounts"])  # notice issued 2017-05-23: period 2017-05-23 .. 2018-05-23


def test_a_pass_names_the_page_and_the_pattern_that_matched():
    budget = page("洛阳市2016年市级部门决算公开", "2017-08-01", column="财政预决算")
    outcome = run(BUDGET, [page("洛阳市召开全体会议", "2017-08-02"), budget])
    assert (outcome.status, outcome.reason) == ("pass", "disclosed")
    assert outcome.evidence is budget
    assert "洛阳市2016年市级部门决算公开" in outcome.detail and budget.url in outcome.detail
    assert "标题符合“(部门|单位|机关|本级|政府|财政|总)(预算|决算)" in outcome.detail


def test_a_fail_names_the_columns_searched_and_the_pages_examined():
    pages = [page("洛阳市召开全体会议", "2017-08-02"), page("附件下载说明", "2016-03-01", column="财政预决算"),
             page("财政预决算", None, page_type="list", column="财政预决算")]
    outcome = run(BUDGET, pages)
    assert (outcome.status, outcome.reason) == ("fail", "missing")
    assert "在已抓取的 2 个页面中" in outcome.detail  # list pages are not examined
    assert "检索栏目“财政预决算”（1 页）" in outcome.detail
    assert run(BUDGET, pages[:1]).detail.count("网站上未发现名称相符的栏目") == 1


@pytest.mark.parametrize("title, column, why", [
    ("关于2017年财政收支情况的说明", None, "标题仅含泛指词“财政收支”"),
    ("附件下载", "部门预决算", "仅所在栏目“部门预决算”相符"),
    ("洛阳市召开部门预算公开工作推进会", None, "该页是新闻动态"),
    ("洛阳市2017年部门预算公开", "工作动态", "该页是新闻动态"),
])
def test_weak_evidence_asks_for_a_human_look_with_the_candidate_pages(title, column, why):
    candidate = page(title, "2017-09-01", column=column)
    outcome = run(BUDGET, [candidate])
    assert (outcome.status, outcome.reason) == ("manual", "weak_match")
    assert why in outcome.detail and candidate.url in outcome.detail


def test_unrelated_pages_with_a_word_of_the_task_do_not_pass():
    # issue 10: 报告 passed 预决算, 制度 passed the rule on the agency's own disclosure rules
    assert run(BUDGET, [page("关于某路口交通事故调查报告的批复", "2017-08-01")]).status == "fail"
    cleanup = topic_rule(["document-cleanup"])
    assert run(cleanup, [page("关于深化农村集体产权制度改革的意见", "2017-08-01")]).status == "fail"
    assert run(cleanup, [page("洛阳市人民政府关于废止部分规范性文件的决定", "2017-08-01")]).status == "pass"


def test_the_period_starts_at_the_notice_not_a_year_before():
    assert period_of(BUDGET) == (dt.date(2017, 5, 23), dt.date(2018, 5, 23))


def test_a_missing_continuous_item_is_due_six_months_after_the_start_a_yearly_one_at_the_end():
    nothing = [page("洛阳市召开全体会议", "2017-08-02")]
    consultation = run(topic_rule(["decision-consultation"]), nothing)  # continuous
    assert consultation.status == "fail" and consultation.deadline == dt.date(2017, 11, 23)
    assert "6个月内（2017-11-23前）" in consultation.detail
    assert run(BUDGET, nothing).deadline == dt.date(2018, 5, 23)  # yearly: the end of the period
    # all: the first missing item decides; any: the task can still be met by its latest-due item
    both = topic_rule(["decision-consultation", "budget-final-accounts"])
    assert run(both, nothing).deadline == dt.date(2017, 11, 23)
    either = topic_rule(["decision-consultation", "budget-final-accounts"], match="any")
    assert run(either, nothing).deadline == dt.date(2018, 5, 23)
    # a page published after six months but inside the period still passes
    later = page("关于《洛阳市养犬管理条例（草案）》公开征求意见的公告", "2017-12-20")
    assert run(topic_rule(["decision-consultation"]), [later]).status == "pass"


def test_a_continuous_item_with_the_notices_own_date_is_due_at_that_date_not_six_months_in():
    nothing = [page("洛阳市召开全体会议", "2017-08-02")]
    dated = run(topic_rule(["decision-consultation", "budget-final-accounts"], by_date="2018-01-31"), nothing)
    assert dated.status == "fail" and dated.deadline == dt.date(2018, 1, 31)
    assert "6个月内" not in dated.detail


def test_a_policy_about_the_topic_is_a_candidate_not_a_pass_nor_nothing():
    soe = topic_rule(["state-owned-enterprises"])
    about = page("洛阳市人民政府关于推进市属国有企业改革的实施意见", "2017-08-01")
    outcome = run(soe, [about])
    assert (outcome.status, outcome.reason) == ("manual", "weak_match")
    assert "关于该事项的政策或工作文件" in outcome.detail
    # the bare 国企 is no longer a loose word: 外国企业 is not a state-owned enterprise
    assert run(soe, [page("洛阳市外国企业常驻代表机构管理规定", "2017-08-01")]).status == "fail"
    # an instruction to do the disclosure work is nothing at all, even for a topic whose policies are disclosures
    assert run(soe, [page("关于做好国有企业信息公开工作的通知", "2017-08-01")]).status == "fail"
    # a policy about a topic whose disclosure is data (预决算) asks for a human look, never passes
    about_budget = run(BUDGET, [page("洛阳市市级部门预算公开管理办法", "2017-08-01")])
    assert (about_budget.status, about_budget.reason) == ("manual", "weak_match")


def test_a_policy_is_the_disclosure_for_a_topic_that_says_so():
    # 条例第二十条第（十一）项: the 政策、措施 of 促进就业 are themselves what must be published
    employment = topic_rule(["employment"])
    policy = page("某某市人民政府关于促进高校毕业生就业创业的实施意见", "2017-08-01")
    outcome = run(employment, [policy])
    assert (outcome.status, outcome.reason, outcome.evidence) == ("pass", "disclosed", policy)
    assert policy.url in outcome.detail and "是该事项的政策文件" in outcome.detail
    assert "标题符合“就业.{0,8}(补贴|政策|信息|岗位|见习|援助|服务|创业)”" in outcome.detail  # the pattern
    # a loose word alone in such a policy is still only a candidate
    assert run(employment, [page("某某市人民政府关于推进创新创业园区建设的意见", "2017-08-01")]).reason == "weak_match"
    # news about the work is not the policy: a candidate at most
    assert run(employment, [page("某某市召开高校毕业生就业创业工作推进会", "2017-08-01")]).status == "manual"


def test_an_instruction_counts_only_as_a_policy_of_a_policy_topic():
    # 关于做好…工作的通知 on employment is an employment measure; on the budget it is not the budget
    instruction = page("某某市人民政府关于做好2017年高校毕业生就业创业工作的通知", "2017-08-01")
    assert run(topic_rule(["employment"]), [instruction]).status == "pass"
    budget_instruction = page("某某市财政局关于做好2017年部门预算公开工作的通知", "2017-08-01")
    assert run(BUDGET, [budget_instruction]).status == "fail"
    disclosure_work = page("关于做好扶贫领域政府信息公开工作的通知", "2017-08-01")
    assert run(topic_rule(["poverty-alleviation"]), [disclosure_work]).status == "fail"


def test_a_title_about_something_else_is_not_even_a_candidate():
    # 政府网站抽查 inspects portals, not market actors; 预算内投资 is investment planning, not the budget
    websites = page("关于2017年第二季度全市政府网站抽查情况的通报", "2017-08-01")
    assert (run(topic_rule(["random-inspection"]), [websites]).status) == "fail"
    assert run(BUDGET, [page("关于下达2017年市级预算内投资计划的通知", "2017-08-01")]).status == "fail"


def test_an_intermediary_services_list_is_not_a_service_guide():
    guide = topic_rule(["service-guide"])
    intermediary = page("某某市行政审批中介服务事项清单（2019年版）", "2017-08-01")
    assert run(guide, [intermediary]).status != "pass"
    assert run(topic_rule(["admin-licensing-list"]), [intermediary]).status == "pass"
    assert run(guide, [page("某某市政务服务事项目录（2017年版）", "2017-08-01")]).status == "pass"
    early = page("洛阳市2017年部门预算公开", "2017-03-01")
    outcome = run(BUDGET, [early])
    assert (outcome.status, outcome.reason) == ("fail", "missing")
    assert "仅有通知前（2017-05-23前）的页面" in outcome.detail
    since = topic_rule(["budget-final-accounts"], since="2017-01-01")
    assert run(since, [early]).status == "pass"


def test_by_date_ends_the_period_and_late_pages_fail_as_outside_it():
    dated = topic_rule(["budget-final-accounts"], by_date="2017-11-30")
    late = page("洛阳市2017年部门预算公开", "2017-12-20")
    outcome = run(dated, [late])
    assert (outcome.status, outcome.reason, outcome.evidence) == ("fail", "outside_period", late)
    assert outcome.deadline == dt.date(2017, 11, 30)


def test_a_row_due_before_the_notice_was_issued_counts_the_pages_of_its_deadlines_year():
    # the notice (23 May 2017, rule_kit) confirms work that was due by 30 April: not a period that runs backwards
    retroactive = topic_rule(["budget-final-accounts"], by_date="2017-04-30")
    assert period_of(retroactive) == (dt.date(2017, 1, 1), dt.date(2017, 4, 30))
    assert run(retroactive, [page("洛阳市2017年部门预算公开", "2017-03-01")]).status == "pass"
    assert run(retroactive, [page("洛阳市2016年部门预算公开", "2016-03-01")]).status == "fail"


def test_without_a_date_in_the_notice_an_item_published_after_the_period_asks_for_a_person():
    undated_task = topic_rule(["budget-final-accounts"])
    after = page("洛阳市2018年部门预算公开", "2018-07-02")
    outcome = run(undated_task, [after])
    assert (outcome.status, outcome.reason, outcome.evidence) == ("manual", "after_period", after)
    # one item after the period and another missing altogether: the missing one still fails the task
    both = topic_rule(["budget-final-accounts", "audit-results"])
    assert (run(both, [after]).status, run(both, [after]).reason) == ("fail", "missing")


def test_an_undated_strong_match_is_only_a_candidate():
    outcome = run(BUDGET, [page("洛阳市2017年部门预算公开", None)])
    assert (outcome.status, outcome.reason) == ("manual", "weak_match")
    assert "页面没有发布日期" in outcome.detail


def test_all_topics_must_be_found_unless_any_is_enough():
    both = topic_rule(["budget-final-accounts", "government-debt"])
    budget = page("洛阳市2017年部门预算公开", "2017-08-01")
    debt = page("洛阳市2017年政府债务限额及余额情况", "2017-09-01")
    assert run(both, [budget, debt]).status == "pass"
    outcome = run(both, [budget])
    assert (outcome.status, outcome.reason) == ("fail", "missing")
    assert "“政府债务（限额、余额、债券发行与还本付息）”：在已抓取的" in outcome.detail
    assert "已公开：“财政预决算（含‘三公’经费）”" in outcome.detail
    either = topic_rule(["budget-final-accounts", "government-debt"], match="any")
    assert run(either, [budget]).status == "pass"
    assert run(either, [page("关于2017年财政收支情况的说明", "2017-08-01")]).reason == "weak_match"
    assert run(either, []).status == "fail"


def test_parameters_are_checked_against_the_schema_and_the_vocabulary():
    kind = KINDS["topic_disclosed"]
    n = notice()
    assert param_problems(kind, {"topics": ["budget-final-accounts"]}, n) == ([], [])
    errors, unread = param_problems(kind, {"topics": ["no-such-topic"], "lead_units": ["省财政厅"]}, n)
    assert "no-such-topic" in errors[0] and unread == ["lead_units"]
    assert param_problems(kind, {"topics": ["air-quality"], "match": "most"}, n)[0]
    assert param_problems(kind, {}, n)[0] == ["缺少参数 topics"]


def test_every_catalogue_topic_rule_names_known_topics():
    rules = [r for r in load_catalogue().rules if r.kind == "topic_disclosed"]
    assert len(rules) > 80
    for r in rules:
        assert param_problems(KINDS[r.kind], r.params, r.notice) == ([], []), r.id


def test_a_field_some_departments_own_is_for_a_person_when_the_rule_reaches_a_department_only_as_one_of_a_group():
    from checks.catalogue import Rule
    from rule_kit import CAL, evidence, notice

    from core.model import Agency

    department = Agency("d", "河南省教育厅", "department", ("http://d/",), province="河南省")
    letter = notice(binds={"provinces": ["河南省"], "levels": ["city", "department"]})

    def outcome(topic, units, agency=department):
        r = Rule("r", letter, "topic_disclosed", "t", "q", {"topics": [topic]}, {"units": units} if units else {}, 1.0)
        return KINDS["topic_disclosed"].evaluate(r, evidence([], agency=agency), CAL)

    grouped = outcome("work-safety", ["省政府各部门"])
    assert (grouped.status, grouped.reason) == ("manual", "not_named") and "未被通知点名" in grouped.detail
    assert outcome("work-safety", None).status == "manual"               # the notice's addressees: a group too
    assert outcome("work-safety", ["省教育厅"]).status == "fail"           # named: its own task
    assert outcome("budget-final-accounts", ["省政府各部门"]).status == "fail"  # every agency has a budget
    city = Agency("c", "洛阳市人民政府", "city", ("http://c/",), province="河南省")
    assert outcome("work-safety", None, agency=city).status == "fail"    # a government answers for its place's fields
    issuer = Agency("i", "河南省人民政府办公厅", "department", ("http://i/",), province="河南省")
    assert outcome("work-safety", ["省政府各部门"], agency=issuer).status == "fail"  # the notice's own issuer


def test_an_interpretation_quoting_a_work_arrangements_title_is_still_an_interpretation():
    interpretation = topic_rule(["policy-interpretation"])
    reading = page("《关于进一步做好行业常态化疫情防控工作的通知》政策解读", "2017-06-09", "interpretation")
    assert run(interpretation, [reading]).status == "pass"
    # the arrangement itself is no interpretation, nor evidence of one
    assert run(interpretation, [page("关于做好政策解读工作的通知", "2017-06-09", "policy")]).status == "fail"
