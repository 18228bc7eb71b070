"""manual: an obligation no website can show — internal work, training, mechanisms, staffing,
reporting upward, platform building, 依申请 handling, a heading that names no concrete disclosure.
Always ``manual``: the supervisor reads ``reason`` (why the website cannot show it) and checks by hand.
A deadline the notice gives (``by_date``, or ``working_days`` after ``anchor``) is shown in the finding.

Never ``pass`` or ``fail``: nothing crawled can decide it.
"""

from __future__ import annotations

import datetime as dt

from .base import Evidence, Outcome, Param

WEB_CHECKABLE = False
PARAMS = {
    "reason": Param(str, "为何网站上无法核查（督查人员阅读）", required=True),
    "by_date": Param("date", "通知规定的截止日期（供人工核实时参考）"),
    "working_days": Param(int, "通知规定的工作日期限（供人工核实时参考）", minimum=0),
    "anchor": Param(str, "working_days 的起算日：issued（印发）或 published（公布）", choices=("issued", "published")),
}


def requires(params: dict, notice) -> str | None:
    if params.get("anchor") == "published" and not notice.published:
        return "anchor 为 published，但通知未写 published 日期"
    return None


def evaluate(rule, evidence: Evidence, calendar) -> Outcome:
    reason = rule.params.get("reason", "该义务无法通过网站核查")
    deadline, when = _deadline(rule, calendar)
    return Outcome("manual", "not_web_checkable", f"{reason}，请人工核实：{rule.title}{when}。", deadline=deadline)


def _deadline(rule, calendar):
    params = rule.params
    if params.get("by_date"):
        date = dt.date.fromisoformat(str(params["by_date"]))
        return date, f"（期限：{date.isoformat()}）"
    if isinstance(params.get("working_days"), int):
        anchor = params.get("anchor", "issued")
        start = rule.notice.anchor_date(anchor)
        deadline = calendar.working_days_after(start, params["working_days"])
        word = "公布" if anchor == "published" else "印发"
        return deadline, f"（期限：通知{word}后{params['working_days']}个工作日内，即{deadline.date.isoformat()}前）"
    return None, ""
