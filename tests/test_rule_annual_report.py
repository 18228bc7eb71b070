"""annual_report: the 年度报告 by the deadline of 条例第49条, by level."""

from __future__ import annotations

import datetime as dt

from rule_kit import CAL, page, rule, run

from checks.kinds import KINDS, Evidence
from core.model import Agency


DEPARTMENT = Agency("d", "洛阳市统计局", "department", ("http://d/",), province="河南省")


def test_annual_report_deadline_depends_on_level():
    r = rule("annual_report", {"year": 2021})
    report = page("洛阳市人民政府2021年政府信息公开工作年度报告", "2022-03-30", "annual_report")
    assert run(r, [report]).status == "pass"  # a government: 31 March
    outcome = KINDS["annual_report"].evaluate(r, Evidence(DEPARTMENT, [report], lambda u: [], lambda u: []), CAL)
    assert (outcome.status, outcome.deadline) == ("fail", dt.date(2022, 1, 31))  # a department: 31 January


def test_a_report_on_a_year_before_the_revised_regulation_was_due_by_31_march_for_every_agency():
    # the 2008 条例 gave every 行政机关 until 31 March; 31 January for departments applies from the 2019 report on
    for year, deadline in ((2013, dt.date(2014, 3, 31)), (2018, dt.date(2019, 3, 31)), (2019, dt.date(2020, 1, 31))):
        r = rule("annual_report", {"year": year})
        report = page(f"洛阳市统计局{year}年政府信息公开工作年度报告", f"{year + 1}-03-18", "annual_report")
        outcome = KINDS["annual_report"].evaluate(r, Evidence(DEPARTMENT, [report], lambda u: [], lambda u: []), CAL)
        assert outcome.deadline == deadline
        assert outcome.status == ("pass" if year < 2019 else "fail")


def test_a_report_found_without_a_date_is_for_a_person_to_check_not_missing():
    r = rule("annual_report", {"year": 2017})
    undated = page("洛阳市人民政府2017年政府信息公开工作年度报告", None, "annual_report")
    outcome = run(r, [undated])
    assert (outcome.status, outcome.reason) == ("manual", "undated") and "读不出其发布日期" in outcome.detail
    assert run(r, []).status == "fail"  # nothing found at all is still missing
