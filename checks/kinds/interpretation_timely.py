"""interpretation_timely: each policy document published under the notice has its interpretation
(解读) published within N working days (N = 0: the same day, 三同步).

A policy and its interpretation are paired through links between them (相关解读, 原文链接)
or through the policy's 文号 or title quoted in the interpretation's title.

pass: every policy document found has a timely interpretation.
fail: some policy has no interpretation, or a late one (the first such is the evidence).
not_applicable: no policy document of the period was found on the portal.
"""

from __future__ import annotations

import datetime as dt
import re

from .base import Evidence, Outcome, cite, title_of


def evaluate(rule, evidence: Evidence, calendar) -> Outcome:
    lag = rule.params["working_days"]
    notice = rule.notice
    since = dt.date.fromisoformat(str(rule.params.get("since", notice.issued.isoformat())))
    until = dt.date.fromisoformat(str(rule.params.get("until", f"{notice.year}-12-31")))
    window = f"{since.isoformat()}至{until.isoformat()}"
    lag_words = "同步发布" if lag == 0 else f"文件公开后{lag}个工作日内发布"
    policies = [
        p for p in evidence.pages
        if p.page_type == "policy" and p.published_date and since <= p.published_date <= until
    ]
    if not policies:
        return Outcome(
            "not_applicable",
            "no_policies",
            f"要求政策文件的解读材料{lag_words}；{window}期间未在网站上发现政策文件，本项不适用。",
        )
    interpretations = [p for p in evidence.pages if p.page_type == "interpretation"]
    problems = []
    for policy in sorted(policies, key=lambda p: p.published):
        deadline = calendar.working_days_after(policy.published_date, lag)
        found = _interpretations_of(policy, interpretations, evidence)
        dated = sorted((p for p in found if p.published), key=lambda p: p.published)
        if not dated:
            problems.append((policy, "missing", deadline, None))
        elif dated[0].published_date > deadline.date:
            problems.append((policy, "late", deadline, dated[0]))
    if not problems:
        return Outcome(
            "pass",
            "all_interpreted",
            f"要求政策文件的解读材料{lag_words}；{window}期间的 {len(policies)} 份政策文件均按时发布了解读。",
            evidence=policies[0],
        )
    policy, reason, deadline, interpretation = problems[0]
    lines = []
    for p, r, d, i in problems[:5]:
        if r == "missing":
            lines.append(f"{cite(p)}未找到解读")
        else:
            late = calendar.working_days_between(d.date, i.published_date)
            lines.append(f"{cite(p)}的解读{cite(i)}逾期{late}个工作日")
    more = f"等 {len(problems)} 份" if len(problems) > 5 else ""
    return Outcome(
        "fail",
        "missing" if reason == "missing" else "late",
        f"要求政策文件的解读材料{lag_words}；{len(policies)} 份政策文件中有 {len(problems)} 份未按时解读{more}：" + "；".join(lines) + "。",
        evidence=policy,
        deadline=deadline,
    )


def _interpretations_of(policy, interpretations, evidence: Evidence):
    linked = {to for _, to, anchor in evidence.links_from([policy.url]) if "解读" in (anchor or "")}
    linked |= {frm for frm, _, _ in evidence.links_to([policy.url])}
    found = [p for p in interpretations if p.url in linked]
    quoted = _quoted_name(title_of(policy))
    for page in interpretations:
        if page in found:
            continue
        title = title_of(page)
        if (policy.doc_number and policy.doc_number in title) or (quoted and quoted in title):
            found.append(page)
    return found


def _quoted_name(title: str) -> str | None:
    """The part of a policy title an interpretation quotes: 《…》 or the text after 关于."""
    match = re.search(r"《([^》]{4,})》", title)
    if match:
        return match.group(1)
    core = re.sub(r"^.*?关于", "", title)
    core = re.sub(r"^(印发|转发|公布)", "", core)
    core = re.sub(r"的(通知|意见|决定|通告|批复)$", "", core)
    return core if len(core) >= 6 else None
