"""annual_report: the 年度报告 by the deadline of 条例第49条, by level."""

from __future__ import annotations

import datetime as dt

from rule_kit import CAL, page, rule, run

from checks.kinds import KINDS, Evidence
from core.model import Agency


def test_annual_report_deadline_depends_on_level():
    r = rule("annual_report", {"year": 2017})
    report = page("洛阳市人民政府2017年政府信息公开工作年度报告", "2018-03-30", "annual_report")
    assert run(r, [report]).status == "pass"  # a government: 31 March
    department = Agency("d", "洛阳市统计局", "department", ("http://d/",), province="河南省")
    outcome = KINDS["annual_report"].evaluate(r, Evidence(department, [report], lambda u: [], lambda u: []), CAL)
    assert (outcome.status, outcome.deadline) == ("fail", dt.date(2018, 1, 31))  # a department: 31 January


def test_a_report_found_without_a_date_is_for_a_person_to_check_not_missing():
    r = rule("annual_report", {"year": 2017})
    undated = page("洛阳市人民政府2017年政府信息公开工作年度报告", None, "annual_report")
    outcome = run(r, [undated])
    assert (outcome.status, outcome.reason) == ("manual", "undated") and "读不出其发布日期" in outcome.detail
    assert run(r, []).status == "fail"  # nothing found at all is still missing
