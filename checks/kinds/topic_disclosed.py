"""topic_disclosed: the agency's portal carries pages on a topic a task row makes it disclose
(预决算, 权力清单, 随机抽查结果 …), by a date or — for continuous tasks (及时公开, 常态化) —
within ``window_days`` (default 365) of the notice.

pass: a page whose title names the topic, dated within the period.
fail: none found, or only ones dated after the deadline.
"""

from __future__ import annotations

import datetime as dt
import re

from .base import Evidence, Outcome, Param, cite, title_of

WEB_CHECKABLE = True
PARAMS = {
    "topic": Param(str, "任务原文中要求公开的事项"),
    "keywords": Param("list", "标题检索词（代替从 topic 中提取）"),
    "by_date": Param("date", "截止日期"),
    "window_days": Param(int, "持续公开任务的检查天数（默认 365）", minimum=1),
}


def requires(params: dict, notice) -> str | None:
    if not params.get("topic") and not params.get("keywords"):
        return "topic_disclosed 需要 topic 或 keywords"
    return None


_FILLER = re.compile(
    r"^[（(]?[一二三四五六七八九十\d]+[)）.．、]?|推进|做好|加强|深化|深入|及时|全面|依法|进一步|扎实|认真|主动|"
    r"信息公开|公开|公布|发布|解读|工作|情况|有关|相关|等|的"
)


# Words too general to say that a page is about the topic.
_GENERIC = {"政府", "政务", "政府信息", "部门", "单位", "社会", "重点", "领域", "信息", "工作", "情况", "政策", "事项", "项目", "各级", "全省", "全市"}


def keywords(rule) -> list[str]:
    """Title words that show a page is on the topic: ``keywords`` if given, else the topic's
    named items (split at 、 and ，, not at 和: 政府和社会资本合作 is one name)."""
    if rule.params.get("keywords"):
        return list(rule.params["keywords"])
    topic = re.split(r"[。;；]", rule.params["topic"])[0]
    parts = [p.strip(" ()（）“”") for p in re.split(r"[、，,\s]", _FILLER.sub(" ", topic))]
    return [p for p in parts if len(p) >= 2 and p not in _GENERIC][:6]


def evaluate(rule, evidence: Evidence, calendar) -> Outcome:
    words = keywords(rule)
    notice = rule.notice
    if rule.params.get("by_date"):
        start, end = notice.issued - dt.timedelta(days=365), dt.date.fromisoformat(str(rule.params["by_date"]))
        period = f"{end.isoformat()}前"
    else:
        window = int(rule.params.get("window_days", 365))
        start, end = notice.issued, notice.issued + dt.timedelta(days=window)
        period = f"{start.isoformat()}至{end.isoformat()}期间（持续公开）"
    if not words:
        return Outcome("manual", "no_keywords", f"任务“{rule.params['topic'][:40]}”未能提取检索词，请人工核实。")
    label = "、".join(words)
    matching = [p for p in evidence.pages if p.page_type != "list" and any(w in title_of(p) for w in words)]
    in_period = sorted((p for p in matching if p.published_date and start <= p.published_date <= end),
                       key=lambda p: p.published)
    if in_period:
        return Outcome("pass", "disclosed", f"要求{period}公开“{label}”相关信息；找到{cite(in_period[0])}。",
                       evidence=in_period[0], deadline=end)
    if matching:
        late = sorted((p for p in matching if p.published), key=lambda p: p.published)
        evidence_page = late[-1] if late else matching[0]
        return Outcome("fail", "outside_period",
                       f"要求{period}公开“{label}”相关信息；相关页面{cite(evidence_page)}不在要求的期间内。",
                       evidence=evidence_page, deadline=end)
    return Outcome("fail", "missing", f"要求{period}公开“{label}”相关信息；在已抓取的 {len(evidence.pages)} 个页面中未找到。",
                   deadline=end)
