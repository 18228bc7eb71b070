"""plan_published: the agency's own plan published within N working days of the notice."""

from __future__ import annotations

import datetime as dt

import pytest
from rule_kit import page, rule, run

PLAN = {"working_days": 10, "anchor": "issued"}


@pytest.mark.parametrize(
    "published, status, reason",
    [("2017-06-07", "pass", "on_time"), ("2017-06-08", "fail", "late"), (None, "manual", "undated")],
)
def test_plan_published_deadline(published, status, reason):
    outcome = run(rule("plan_published", PLAN), [page("洛阳市2017年政务公开工作实施方案", published, "plan")])
    assert (outcome.status, outcome.reason) == (status, reason)
    assert outcome.deadline.date == dt.date(2017, 6, 7)
    if reason == "late":
        assert "逾期1个工作日" in outcome.detail


OTHER_YEARS_AND_UPSTREAM = [
    page("洛阳市2016年政务公开工作实施方案", "2016-06-01", "plan"),
    page("国务院办公厅关于印发2017年政务公开工作要点的通知", "2017-03-20", "plan"),
    page("洛阳市2017年安全生产工作要点", "2017-05-30", "plan"),
]


def test_plan_published_ignores_other_years_and_upstream_documents():
    outcome = run(rule("plan_published", PLAN), OTHER_YEARS_AND_UPSTREAM)
    assert (outcome.status, outcome.reason) == ("fail", "missing")


FORWARDING = page("洛阳市人民政府办公室关于转发《河南省人民政府办公厅关于明确2017年政务公开工作责任分工的通知》的通知",
                  "2017-06-02", "plan")
COPY = page("河南省人民政府办公厅关于明确2017年政务公开工作责任分工的通知", "2017-05-25", "plan",
            doc_number="豫政办明电〔2017〕69号")


@pytest.mark.parametrize("repost, agency, status", [
    (FORWARDING, None, "manual"),
    (COPY, None, "fail"),                  # a bare copy on a bound unit's portal is not its plan
    (COPY, "河南省人民政府", "manual"),     # the notice on the portal of the unit that issued it
])
def test_plan_published_forwarding_or_the_issuers_own_copy_asks_for_a_person(repost, agency, status):
    outcome = run(rule("plan_published", PLAN), [*OTHER_YEARS_AND_UPSTREAM, repost], agency_name=agency)
    assert outcome.status == status
    if status == "manual":
        assert outcome.reason == "notice_reposted"
        assert outcome.evidence is repost and repost.published in outcome.detail


def test_plan_published_own_plan_beats_a_forwarding():
    forwarding = page("河南省人民政府办公厅关于明确2017年政务公开工作责任分工的通知", "2017-05-25", "plan")
    own = page("洛阳市2017年政务公开工作实施方案", "2017-06-05", "plan")
    outcome = run(rule("plan_published", PLAN), [forwarding, own])
    assert (outcome.status, outcome.evidence) == ("pass", own)


def test_plan_published_earliest_matching_page_counts():
    pages = [page("洛阳市2017年政务公开工作实施方案", "2017-06-20", "plan"),
             page("关于印发洛阳市2017年政务公开工作措施的通知", "2017-06-01", "plan")]
    outcome = run(rule("plan_published", PLAN), pages)
    assert outcome.status == "pass" and outcome.evidence.published == "2017-06-01"


def test_plan_deadline_in_uncovered_year_is_provisional_in_the_detail():
    r = rule("plan_published", PLAN, issued=dt.date(2027, 3, 1), year=2027, title="关于2027年政务公开工作的通知",
             doc_number=None)
    outcome = run(r, [page("洛阳市2027年政务公开工作实施方案", "2027-03-10", "plan")])
    assert outcome.status == "pass" and outcome.deadline.provisional
    assert "暂计" in outcome.detail


def test_a_plan_of_the_year_before_a_follow_up_notice_asks_for_a_person_before_a_tasks_notice_it_fails():
    earlier = page("洛阳市2017年政务公开工作实施方案", "2017-03-15", "plan")
    follow_up = rule("plan_published", PLAN, title="河南省人民政府办公厅关于抓好第二季度政务公开重点工作的通知")
    outcome = run(follow_up, [*OTHER_YEARS_AND_UPSTREAM, earlier])
    assert (outcome.status, outcome.reason, outcome.evidence) == ("manual", "before_notice", earlier)
    assert "2017-03-15" in outcome.detail
    # before the notice that sets the year's tasks (…责任分工的通知), a plan is no implementation of it
    assert run(rule("plan_published", PLAN), [*OTHER_YEARS_AND_UPSTREAM, earlier]).status == "fail"
    # a plan published in time after the notice still passes
    own = page("洛阳市2017年政务公开工作措施", "2017-06-01", "plan")
    assert run(follow_up, [earlier, own]).status == "pass"
