"""plan_published: the agency's own implementation plan or measures for the notice's year,
published on its portal within N working days of the notice (or by a date).

pass: the earliest matching page is dated on or before the deadline.
fail: no matching page was found, or the earliest one is late (days late in the detail).
manual: a matching page was found but shows no publication date (``undated``); or no plan of the
        agency's own was found but the portal carries the notice itself or the agency's forwarding of it
        (``notice_reposted``): the agency's forwarding of the notice (关于转发《…》的通知), which often adds
        its own measures, or the notice itself on the portal of the unit that issued it. A bare copy of the
        notice on another unit's portal is not its plan; or the only plan of the year was published before
        a follow-up notice that does not set the year's tasks itself (``before_notice``: it asks again for
        measures already published; before a 要点 or 分工 notice such a plan is no implementation of it).
"""

from __future__ import annotations

import datetime as dt
import re

from .base import (
    Evidence,
    Outcome,
    Param,
    cite,
    compile_any,
    provisional_note,
    title_of,
)

WEB_CHECKABLE = True
PARAMS = {
    "working_days": Param(int, "通知印发（或公布）后的工作日数", minimum=0),
    "anchor": Param(str, "期限起算日：issued 印发 / published 公布", choices=("issued", "published")),
    "by_date": Param("date", "固定期限（代替 working_days）"),
    "year": Param(int, "方案所属年度（默认通知年度）"),
    "what": Param(str, "要求公开的内容，写入结论"),
    "title_patterns": Param("regexes", "方案标题的正则（默认：实施方案、工作要点……）"),
    "must_mention": Param("regexes", "标题还须提到的词（默认：政务公开）"),
}


def requires(params: dict, notice) -> str | None:
    if "working_days" not in params and not params.get("by_date"):
        return "plan_published 需要 working_days 或 by_date"
    if params.get("anchor") == "published" and not notice.published:
        return "anchor 为 published，但通知未写 published 日期"
    return None


DEFAULT_TITLE_PATTERNS = r"实施方案|工作措施|工作方案|分工方案|工作要点|责任分工|任务分解|具体措施"


def evaluate(rule, evidence: Evidence, calendar) -> Outcome:
    params = rule.params
    notice = rule.notice
    if params.get("by_date"):
        deadline = dt.date.fromisoformat(str(params["by_date"]))
        requirement = f"要求在{deadline.isoformat()}前公开"
    else:
        anchor = params.get("anchor", "issued")
        start = notice.anchor_date(anchor)
        deadline = calendar.working_days_after(start, params["working_days"])
        anchor_word = "公布" if anchor == "published" else "印发"
        requirement = (
            f"要求在通知{anchor_word}（{start.isoformat()}）后{params['working_days']}个工作日内"
            f"（即{deadline.isoformat()}前）公开"
        )
    plan_words = compile_any(params.get("title_patterns"), DEFAULT_TITLE_PATTERNS)
    must_mention = compile_any(params.get("must_mention"), "政务公开")
    year = str(params.get("year") or notice.year)

    plans = [
        page
        for page in evidence.pages
        if plan_words.search(title_of(page))
        and must_mention.search(title_of(page))
        and year in title_of(page)
        and page.page_type != "list"
        and not _is_upstream_document(page, notice)
    ]
    candidates = [page for page in plans if not (page.published and page.published_date < notice.issued)]
    what = params.get("what", "本单位贯彻落实的实施方案或工作措施")
    earlier = sorted((page for page in plans if page not in candidates), key=lambda page: page.published)
    if not candidates and earlier and not _SETS_THE_YEARS_TASKS.search(notice.title or ""):
        # a follow-up notice (…第二季度重点工作的通知) asks again for the year's measures, which came out before it:
        # whether they answer it is for a person to judge.  Before a notice that sets the year's tasks (要点, 分工),
        # a plan cannot be its implementation, and the miss stands.
        plan = earlier[-1]
        return Outcome(
            "manual",
            "before_notice",
            f"{requirement}{what}；找到本单位在通知印发（{notice.issued.isoformat()}）前已公开的{year}年方案"
            f"{cite(plan)}（{plan.published}），请人工核实是否落实本通知的要求。",
            evidence=plan,
            deadline=deadline,
        )
    if not candidates:
        issuer_itself = any(notice.issuer.startswith(name) for name in evidence.agency.names)
        reposts = [page for page in evidence.pages
                   if page.page_type != "list" and _is_this_notice(page, notice)
                   and (issuer_itself or _FORWARDING.search(title_of(page)))
                   and not (page.published and page.published_date < notice.issued)]
        if reposts:
            repost = min(reposts, key=lambda p: p.published or "9999")
            shown = f"（{repost.published}）" if repost.published else ""
            return Outcome(
                "manual",
                "notice_reposted",
                f"{requirement}{what}；未找到本单位自己的实施方案或工作措施，但找到通知本身或本单位的转发件"
                f"{cite(repost)}{shown}。转发时提出本单位具体措施的，可视为工作措施，请人工核实。",
                evidence=repost,
                deadline=deadline,
            )
        return Outcome(
            "fail",
            "missing",
            f"{requirement}{what}；在已抓取的 {len(evidence.pages)} 个页面中未找到{year}年政务公开实施方案或工作措施。"
            + provisional_note(deadline),
            deadline=deadline,
        )
    dated = sorted((p for p in candidates if p.published), key=lambda p: p.published)
    if not dated:
        return Outcome(
            "manual",
            "undated",
            f"{requirement}{what}；找到{cite(candidates[0])}，但页面未显示发布日期，请人工核实。",
            evidence=candidates[0],
            deadline=deadline,
        )
    first = dated[0]
    deadline_date = deadline if isinstance(deadline, dt.date) else deadline.date
    if first.published_date <= deadline_date:
        return Outcome(
            "pass",
            "on_time",
            f"{requirement}{what}；已于{first.published}公开{cite(first)}。" + provisional_note(deadline),
            evidence=first,
            deadline=deadline,
        )
    late = calendar.working_days_between(deadline_date, first.published_date)
    return Outcome(
        "fail",
        "late",
        f"{requirement}{what}；{cite(first)}于{first.published}发布，逾期{late}个工作日。" + provisional_note(deadline),
        evidence=first,
        deadline=deadline,
    )


# a notice that sets the year's tasks: a plan published before it does not implement it
_SETS_THE_YEARS_TASKS = re.compile(r"要点|分工|分解|任务|实施方案|工作方案|工作安排")
_UPSTREAM_ISSUERS = re.compile(r"^(国务院|中共中央|中央|国家)")
# The agency's own document that passes the notice on (关于转发/印发《…》的通知), as opposed to a bare copy.
_FORWARDING = re.compile(r"关于(转发|转印发)")


def _is_upstream_document(page, notice) -> bool:
    """The notice itself, its attachment, or a higher authority's document reposted by the agency
    is not the agency's own plan."""
    title = title_of(page)
    return bool(_UPSTREAM_ISSUERS.search(title) or title.startswith(notice.issuer)) or _is_this_notice(page, notice)


def _is_this_notice(page, notice) -> bool:
    """The page is the notice (same 文号 or title) or a forwarding of it (关于转发《…》的通知)."""
    title = title_of(page)
    if notice.doc_number and page.doc_number == notice.doc_number:
        return True
    if notice.title in title:
        return True
    bare = _bare_document_name(title)
    return any(bare == _bare_document_name(name) for name in notice_document_names(notice))


def _bare_document_name(title: str) -> str:
    """《X》, 关于印发X的通知, X → X (so a repost and the original compare equal)."""
    title = re.sub(r"^.*?关于", "", title)
    title = re.sub(r"^(印发|转发)", "", title)
    title = re.sub(r"的通知$", "", title)
    return title.strip("《》 ")


def notice_document_names(notice) -> list[str]:
    """Names under which the notice or the document it issues appears in page titles."""
    names = re.findall(r"《([^》]{8,})》", notice.title)
    core = re.sub(r"的通知$", "", notice.title.split("关于", 1)[-1])
    core = re.sub(r"^(印发|转发)", "", core).strip("《》")
    if len(core) >= 8:
        names.append(core)
    return names
