"""annual_report: the 政府信息公开工作年度报告 for year Y is published by 31 January of Y+1
(departments) or 31 March of Y+1 (governments) — 条例第49条 — or by ``by_date``.  A report on 2018 or earlier
was due under the 2008 条例 (第三十一条: every 行政机关 by 31 March); the revised 条例 took effect on 15 May 2019.

pass: an annual report page for Y dated on or before the deadline.
fail: none found, or a late one.
"""

from __future__ import annotations

import datetime as dt

from .base import Evidence, Outcome, Param, cite, title_of

WEB_CHECKABLE = True
PARAMS = {
    "year": Param(int, "年报所属年度（默认通知年度）"),
    "by_date": Param("date", "截止日期（默认按条例第49条）"),
}
FIRST_YEAR_UNDER_REVISED_REGULATION = 2019  # its report is the first one due in 2020, under 第49条


def evaluate(rule, evidence: Evidence, calendar) -> Outcome:
    year = int(rule.params.get("year") or rule.notice.year)
    if rule.params.get("by_date"):
        deadline = dt.date.fromisoformat(str(rule.params["by_date"]))
    elif evidence.agency.level == "department" and year >= FIRST_YEAR_UNDER_REVISED_REGULATION:
        deadline = dt.date(year + 1, 1, 31)
    else:
        deadline = dt.date(year + 1, 3, 31)
    reports = sorted(
        (p for p in evidence.pages if p.page_type == "annual_report" and str(year) in title_of(p) and p.published),
        key=lambda p: p.published,
    )
    what = f"{year}年政府信息公开工作年度报告"
    undated = [p for p in evidence.pages if p.page_type == "annual_report" and str(year) in title_of(p) and not p.published]
    if not reports and undated:
        # the report is there (a PDF linked from an undated block, say) but nothing says when it went up
        return Outcome("manual", "undated", f"要求在{deadline.isoformat()}前公开{what}；找到{cite(undated[0])}，但读不出其发布日期，"
                       f"请人工核实是否按时公开。", evidence=undated[0], deadline=deadline)
    if not reports:
        return Outcome("fail", "missing", f"要求在{deadline.isoformat()}前公开{what}；未在网站上找到。", deadline=deadline)
    first = reports[0]
    if first.published_date <= deadline:
        return Outcome("pass", "on_time", f"要求在{deadline.isoformat()}前公开{what}；已公开{cite(first)}。",
                       evidence=first, deadline=deadline)
    return Outcome("fail", "late", f"要求在{deadline.isoformat()}前公开{what}；{cite(first)}晚于期限。",
                   evidence=first, deadline=deadline)
