"""manual: an obligation no website can show (reporting to an office, hearing a report,
internal filing).  Always ``manual``, so the supervisor sees it in the list to verify by hand.
"""

from __future__ import annotations

from .base import Evidence, Outcome, Param

WEB_CHECKABLE = False
PARAMS = {
    "reason": Param(str, "为何网站上无法核查（督查人员阅读）"),
    "by_date": Param("date", "截止日期（仅供参考）"),
}



def evaluate(rule, evidence: Evidence, calendar) -> Outcome:
    reason = rule.params.get("reason", "该义务无法通过网站核查")
    return Outcome("manual", "not_web_checkable", f"{reason}，请人工核实：{rule.title}。")
