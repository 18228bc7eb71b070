"""interpretation_timely: each policy document published under the notice has its interpretation
(解读) published within N working days (N = 0: the same day, 三同步).

Policies and interpretations are paired by checks.pairing (links, quoted 文号 or title).

pass: every policy document found has a timely interpretation.
fail: an interpretation came out late (the agency itself judged that policy worth interpreting, so the delay
      is a fact), or none of the period's policies has any interpretation.
manual: ``partly_interpreted`` — some policies were interpreted on time and others have none.  The notices
      oblige interpretation of *important* policies (出台重要政策…解读), which no title shows, so only a person
      can say whether the uninterpreted ones needed it; they are listed.
not_applicable: no policy document of the period was found on the portal.

Replies, approvals, appointments, commendations, working-group notices and result reports are not policy
documents the 解读 obligation reaches (``checks.pairing.needs_interpretation``).
"""

from __future__ import annotations

import datetime as dt

from ..pairing import needs_interpretation, pair_interpretations
from .base import Evidence, Outcome, Param, cite

WEB_CHECKABLE = True
PARAMS = {
    "working_days": Param(int, "文件公开后几个工作日内解读（0 = 同步发布）", required=True, minimum=0),
    "since": Param("date", "检查期间起点（默认通知印发日）"),
    "until": Param("date", "检查期间终点（默认通知年度年底）"),
}



def evaluate(rule, evidence: Evidence, calendar) -> Outcome:
    lag = rule.params["working_days"]
    notice = rule.notice
    since = dt.date.fromisoformat(str(rule.params.get("since", notice.issued.isoformat())))
    until = dt.date.fromisoformat(str(rule.params.get("until", f"{notice.year}-12-31")))
    window = f"{since.isoformat()}至{until.isoformat()}"
    lag_words = "与文件同步发布" if lag == 0 else f"在文件公开后{lag}个工作日内发布"
    policies = [
        p for p in evidence.pages
        if needs_interpretation(p) and p.published_date and since <= p.published_date <= until
    ]
    if not policies:
        return Outcome(
            "not_applicable",
            "no_policies",
            f"要求政策文件的解读稿件{lag_words}；{window}期间未在网站上发现政策文件，本项不适用。",
        )
    pairs = pair_interpretations(evidence)
    problems = []
    for policy in sorted(policies, key=lambda p: p.published):
        deadline = calendar.working_days_after(policy.published_date, lag)
        found = [interpretation for p, interpretation, _ in pairs if p is policy]
        dated = sorted((p for p in found if p.published), key=lambda p: p.published)
        if not dated:
            problems.append((policy, "missing", deadline, None))
        elif dated[0].published_date > deadline.date:
            problems.append((policy, "late", deadline, dated[0]))
    if not problems:
        return Outcome(
            "pass",
            "all_interpreted",
            f"要求政策文件的解读稿件{lag_words}；{window}期间的 {len(policies)} 份政策文件均按时发布了解读。",
            evidence=policies[0],
        )
    late = [problem for problem in problems if problem[1] == "late"]
    interpreted = len(policies) - len(problems)
    if not late and interpreted:
        listed = "；".join(f"{cite(p)}未找到解读" for p, _, _, _ in problems[:5])
        more = f"等 {len(problems)} 份" if len(problems) > 5 else ""
        return Outcome(
            "manual",
            "partly_interpreted",
            f"要求重要政策文件的解读稿件{lag_words}；{window}期间的 {len(policies)} 份政策文件中 {interpreted} 份已按时解读，"
            f"{len(problems)} 份未找到解读{more}：{listed}。这些文件是否属于须解读的重要政策，请人工判断。",
            evidence=problems[0][0],
            deadline=problems[0][2],
        )
    policy, reason, deadline, interpretation = (late or problems)[0]
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
        f"要求政策文件的解读稿件{lag_words}；{len(policies)} 份政策文件中有 {len(problems)} 份未按时解读{more}：" + "；".join(lines) + "。",
        evidence=policy,
        deadline=deadline,
    )
