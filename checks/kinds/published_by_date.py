"""published_by_date: a page of a given kind (e.g. the progress report 落实情况) is published
on the agency's own portal on or before a fixed date.

pass: a matching page dated on or before the date.
fail: none found, or the earliest is after the date.
manual: a matching page without a visible date.
"""

from __future__ import annotations

import datetime as dt

from .base import Evidence, Outcome, Param, cite, compile_any, title_of

WEB_CHECKABLE = True
PARAMS = {
    "by_date": Param("date", "截止日期", required=True),
    "page_types": Param("list", "页面类型（如 progress_report）"),
    "title_patterns": Param("regexes", "标题的正则"),
    "must_mention": Param("regexes", "标题还须提到的词"),
    "what": Param(str, "要求公开的内容，写入结论"),
    "year": Param(int, "所属年度（默认通知年度）"),
}


def requires(params: dict, notice) -> str | None:
    if not params.get("page_types") and not params.get("title_patterns"):
        return "published_by_date 需要 page_types 或 title_patterns"
    return None


def vague(params: dict, notice) -> str | None:
    """Only a page type (the extractor's guess) and no word the title must carry: any such page would do."""
    if not params.get("title_patterns") and not params.get("must_mention"):
        return "只有页面类型，没有标题须含的词（title_patterns 或 must_mention）"
    return None



def evaluate(rule, evidence: Evidence, calendar) -> Outcome:
    params = rule.params
    deadline = dt.date.fromisoformat(str(params["by_date"]))
    types = set(params.get("page_types") or [])
    title_words = compile_any(params.get("title_patterns"), ".")
    must_mention = compile_any(params.get("must_mention"), ".")
    year = str(params.get("year") or rule.notice.year)
    what = params.get("what", "规定的信息")
    candidates = [
        p for p in evidence.pages
        if (not types or p.page_type in types)
        and title_words.search(title_of(p))
        and must_mention.search(title_of(p))
        and year in title_of(p)
    ]
    if not candidates:
        return Outcome("fail", "missing", f"要求在{deadline.isoformat()}前公开{what}；未在网站上找到。", deadline=deadline)
    dated = sorted((p for p in candidates if p.published), key=lambda p: p.published)
    if not dated:
        return Outcome(
            "manual", "undated",
            f"要求在{deadline.isoformat()}前公开{what}；找到{cite(candidates[0])}，但未显示发布日期，请人工核实。",
            evidence=candidates[0], deadline=deadline,
        )
    first = dated[0]
    if first.published_date <= deadline:
        return Outcome("pass", "on_time", f"要求在{deadline.isoformat()}前公开{what}；已公开{cite(first)}。",
                       evidence=first, deadline=deadline)
    late = calendar.working_days_between(deadline, first.published_date)
    return Outcome(
        "fail", "late",
        f"要求在{deadline.isoformat()}前公开{what}；{cite(first)}晚于期限，逾期{late}个工作日。",
        evidence=first, deadline=deadline,
    )
