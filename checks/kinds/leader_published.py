"""leader_published: the leader in charge of 政务公开 (分管负责同志) is named publicly —
a leadership or division-of-work page (领导信息, 领导分工) on the portal.

pass: such a page was found (the supervisor confirms it names the 政务公开 portfolio).
manual: none found.  Never ``fail``: portals put the division of work in a leadership column, an
        institution-profile page or the leaders' own pages, under titles that vary, so a crawl that
        did not meet one does not show that it was never published.
"""

from __future__ import annotations

import re

from .base import Evidence, Outcome, cite, title_of

WEB_CHECKABLE = True
PARAMS: dict = {}


_LEADERSHIP = re.compile(
    r"领导(班子)?(成员)?(工作)?分工|领导班子|领导信息|领导之窗|领导简介|(负责同志|领导同志|班子成员).{0,6}分工"
    r"|分管(领导|负责|工作)")
# A division of *tasks* (重点工作分工方案, 任务分工, 责任分工) is about work items, not about who leads what.
_TASK_DIVISION = re.compile(r"分工方案|任务分工|责任分工|任务分解|职责分工")


def _about_leaders(text: str) -> bool:
    return bool(_LEADERSHIP.search(text)) and not _TASK_DIVISION.search(text)


def evaluate(rule, evidence: Evidence, calendar) -> Outcome:
    pages = [p for p in evidence.pages if _about_leaders(title_of(p)) or _about_leaders(p.column or "")]
    if pages:
        return Outcome("pass", "found", f"要求对外公布分管政务公开工作的负责同志；找到领导分工信息{cite(pages[0])}。",
                       evidence=pages[0])
    return Outcome("manual", "not_found",
                   f"要求对外公布分管政务公开工作的负责同志；在已抓取的 {len(evidence.pages)} 个页面中未找到领导分工信息。"
                   "领导分工常见于“领导之窗”栏目、机构概况或领导个人页面，标题不一，请人工核实。")
