"""Each rule kind as a pure function over crawled pages (no network, no database)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from checks.catalogue import Notice, Rule, applies, rule_applies, unit_matches
from checks.kinds import KINDS, Evidence, Page
from checks.workdays import WorkdayCalendar
from core.targets import Agency

CAL = WorkdayCalendar()
AGENCY = Agency("x", "洛阳市人民政府", "city", ("http://x/",), province="河南省", aliases=("洛阳市政府",))


def notice(**overrides):
    values = dict(
        id="n", title="河南省人民政府办公厅关于明确2017年政务公开工作责任分工的通知", issuer="河南省人民政府办公厅",
        doc_number="豫政办明电〔2017〕69号", issued=dt.date(2017, 5, 23), published=dt.date(2017, 9, 21), year=2017,
        province="河南省", source_file=None, binds={"provinces": ["河南省"]}, path=Path("n.yaml"),
    )
    values.update(overrides)
    return Notice(**values)


def rule(kind, params, **notice_overrides):
    n = notice(**notice_overrides)
    return Rule("r", n, kind, "t", "q", params, n.binds, 2.0)


def page(title, published=None, page_type="news", url=None, column=None, doc_number=None):
    return Page(url or f"http://x/{abs(hash(title))}.html", title, title, published, page_type, column, doc_number)


def evidence(pages, links=()):
    links = list(links)
    return Evidence(
        AGENCY, pages,
        links_from=lambda urls: [l for l in links if l[0] in urls],
        links_to=lambda urls: [l for l in links if l[1] in urls],
    )


def run(r, pages, links=()):
    return KINDS[r.kind].evaluate(r, evidence(pages, links), CAL)


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


def test_plan_published_ignores_other_years_reposts_and_upstream_documents():
    pages = [
        page("洛阳市2016年政务公开工作实施方案", "2016-06-01", "plan"),
        page("河南省人民政府办公厅关于明确2017年政务公开工作责任分工的通知", "2017-05-25", "plan",
             doc_number="豫政办明电〔2017〕69号"),
        page("国务院办公厅关于印发2017年政务公开工作要点的通知", "2017-03-20", "plan"),
        page("洛阳市2017年安全生产工作要点", "2017-05-30", "plan"),
    ]
    outcome = run(rule("plan_published", PLAN), pages)
    assert (outcome.status, outcome.reason) == ("fail", "missing")


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


def test_column_exists_present_empty_missing():
    r = rule("column_exists", {"names": ["《政务公开工作要点》专栏"]})
    column = page("政务公开工作要点", None, "list", url="http://x/col/1/")
    article = page("某区2019年政务公开工作措施", "2019-07-01", "plan", url="http://x/a1.html")
    present = run(r, [column, article], links=[(column.url, article.url, article.title)])
    assert present.status == "pass" and present.evidence.url == column.url
    empty = run(r, [column])
    assert (empty.status, empty.reason) == ("fail", "empty")
    missing = run(r, [page("通知公告", None, "list")])
    assert (missing.status, missing.reason) == ("fail", "missing")


def test_column_named_only_by_the_link_leading_to_it():
    r = rule("column_exists", {"names": ["重点领域信息公开专栏"]})
    home = page("首页", None, "list", url="http://x/")
    column = page("专题", None, "list", url="http://x/zt/")
    article = page("财政预算公开", "2017-07-01", "news", url="http://x/zt/1.html")
    links = [(home.url, column.url, "重点领域信息公开"), (column.url, article.url, "财政预算公开")]
    assert run(r, [home, column, article], links).status == "pass"


def test_interpretation_timely():
    r = rule("interpretation_timely", {"working_days": 3})
    policy = page("洛阳市人民政府关于加强城市管理的意见", "2017-06-05", "policy", url="http://x/p.html",
                  doc_number="洛政〔2017〕9号")
    on_time = page("《洛阳市人民政府关于加强城市管理的意见》解读", "2017-06-08", "interpretation")
    late = page("洛政〔2017〕9号文件解读", "2017-06-12", "interpretation")
    assert run(r, [policy, on_time]).status == "pass"
    outcome = run(r, [policy, late])
    assert (outcome.status, outcome.reason) == ("fail", "late")
    assert run(r, [policy]).reason == "missing"
    linked = page("图解", "2017-06-05", "interpretation", url="http://x/tj.html")
    assert run(rule("interpretation_timely", {"working_days": 0}), [policy, linked],
               links=[(policy.url, linked.url, "相关解读：图解")]).status == "pass"
    assert run(r, [page("新闻", "2017-06-05")]).status == "not_applicable"


def test_published_by_date():
    r = rule("published_by_date", {"by_date": "2017-12-15", "page_types": ["progress_report"],
                                   "must_mention": ["政务公开"]})
    assert run(r, [page("2017年政务公开工作要点落实情况", "2017-12-15", "progress_report")]).status == "pass"
    assert run(r, [page("2017年政务公开工作要点落实情况", "2017-12-18", "progress_report")]).reason == "late"
    assert run(r, [page("2017年安全生产落实情况", "2017-12-01", "progress_report")]).reason == "missing"


def test_manual_is_always_manual():
    assert run(rule("manual", {"reason": "内部报送"}), []).status == "manual"


def test_unit_names_resolve_to_agencies():
    tjj = Agency("tjj", "河南省统计局", "department", ("http://t/",), province="河南省")
    assert unit_matches("省统计局", tjj, "河南省")
    assert not unit_matches("省统计局", tjj, "云南省")
    assert not unit_matches("省审计厅", tjj, "河南省")
    assert unit_matches("洛阳市政府", AGENCY, "河南省")  # alias
    assert applies({"levels": ["city"], "provinces": ["河南省"]}, AGENCY)
    assert not applies({"levels": ["department"]}, AGENCY)
    assert not rule_applies(rule("manual", {}, binds={"provinces": ["云南省"]}), AGENCY)


# topic_disclosed: tests/test_rule_topic_disclosed.py


def test_annual_report_deadline_depends_on_level():
    r = rule("annual_report", {"year": 2017})
    report = page("洛阳市人民政府2017年政府信息公开工作年度报告", "2018-03-30", "annual_report")
    assert run(r, [report]).status == "pass"  # a government: 31 March
    department = Agency("d", "洛阳市统计局", "department", ("http://d/",), province="河南省")
    outcome = KINDS["annual_report"].evaluate(r, Evidence(department, [report], lambda u: [], lambda u: []), CAL)
    assert (outcome.status, outcome.deadline) == ("fail", dt.date(2018, 1, 31))  # a department: 31 January


def test_leader_published():
    r = rule("leader_published", {})
    assert run(r, [page("市政府领导分工", "2017-05-01")]).status == "pass"
    assert run(r, [page("新闻", "2017-05-01")]).status == "fail"
