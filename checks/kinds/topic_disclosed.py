"""topic_disclosed: the agency's portal publishes the concrete items a task names — topics of the
vocabulary (``rules/topics.yaml``: 财政预决算, 权责清单, 双随机抽查结果 …) — within the period.

The period starts at the notice's date (``since`` to say otherwise) and ends at ``by_date`` or, for
tasks without a date (及时公开, 常态化), 365 days later: a yearly item of the notice's year may come out
the next spring (the year's 政府信息公开年报 is due by 31 March), so the year's end is too early for it.
``match`` says whether every listed topic must be found (``all``, the default: each is an item the task
names) or one is enough (``any``: several units share the task, each publishing its own part).

When a missing topic is *due* depends on its rhythm (``rules/topics.yaml``):
- ``once`` and ``yearly`` items are due at the end of the period;
- ``continuous`` and ``quarterly`` items (published as they arise) are due six months after the start,
  or at the end of the period if that comes first: six months is the national standard for a policy
  column that is "long not updated" (政府网站与政务新媒体检查指标: 通知公告、政策文件类栏目超过6个月未更新),
  so a portal that shows none in six months is not publishing them.  A rule with its own ``by_date`` (the notice's
  "10月底前…公布") is due then: the notice's date, not this tool's six months, says when a miss fails.
The outcome's ``deadline`` is that due date, so ``checks/evaluate.py`` turns a miss not yet due at the
as-of date into ``pending``.

pass:   for each required topic a page whose title matches one of its patterns, dated in the period;
        the finding names the page(s) and the pattern.
fail:   a required topic with no such page — not even a loose candidate — or only pages dated after
        the period; the finding names the columns searched and how many pages were examined.
manual: ``weak_match`` — only loose candidates (a generic word, the column alone, a news item, an
        undated page): a supervisor looks at the candidate pages listed in the detail;
        ``after_period`` — the task has no ``by_date`` and the missing items were published, only after the
        default period: the period is this tool's reading of an undated task, so a person weighs it;
        ``not_named`` — nothing found on a department the rule reaches only as one of a group (市政府各部门,
        各单位), for a topic that is a field some departments own (安全生产, 乡村振兴; not its own budget or
        annual report, ``every_agency`` in rules/topics.yaml): whose field it is, a person knows.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from rules.topics import GENERIC_WORDS, Topic, TopicMatch, vocabulary_for

from .base import Evidence, Outcome, Param, cite, title_of

WEB_CHECKABLE = True
PARAMS = {
    "topics": Param("list", "要求公开的事项（rules/topics.yaml 中的 topic id）", required=True),
    "match": Param(str, "all：每一事项都须公开（默认）；any：公开其中之一即可（多个单位分担的任务）",
                   choices=("all", "any")),
    "by_date": Param("date", "截止日期（默认：通知日期后365天）"),
    "since": Param("date", "期间起始日期（默认：通知印发日期）"),
}

DEFAULT_WINDOW = dt.timedelta(days=365)
CITED_PAGES = 3
# A continuous or quarterly item with no page for this long after the start is missing (see the docstring).
ARISING_ITEMS_DUE_MONTHS = 6
ARISING_RHYTHMS = ("continuous", "quarterly")


def requires(params: dict, notice) -> str | None:
    topics = params.get("topics")
    if not topics:
        return "topic_disclosed 需要 topics（至少一个事项）"
    vocabulary = vocabulary_for(getattr(notice, "path", None) and notice.path.parent)
    unknown = [t for t in topics if t not in vocabulary]
    if unknown:
        return f"topics 中的事项 {unknown} 不在词表 {vocabulary.path.name} 中"
    return None


def vague(params: dict, notice) -> str | None:
    """Why the rule's topics cannot prove a disclosure (a title pattern that is only a generic word)."""
    vocabulary = vocabulary_for(getattr(notice, "path", None) and notice.path.parent)
    for topic_id in params.get("topics") or []:
        if topic_id in vocabulary:
            generic = [p.pattern for p in vocabulary[topic_id].titles if p.pattern in GENERIC_WORDS]
            if generic:
                return f"事项 {topic_id} 的标题检索式只是泛指词 {generic}"
    return None


@dataclass
class TopicFinding:
    """What the pages show for one topic."""

    topic: Topic
    found: list[tuple] = field(default_factory=list)       # (page, match) strong, in the period
    late: list[tuple] = field(default_factory=list)        # strong, dated after the period
    early: list[tuple] = field(default_factory=list)       # strong, dated before the period
    candidates: list[tuple] = field(default_factory=list)  # weak or undated, for a human look

    @property
    def verdict(self) -> str:
        if self.found:
            return "pass"
        if self.candidates:
            return "weak"
        return "late" if self.late else "missing"


def period_of(rule) -> tuple[dt.date, dt.date]:
    params = rule.params
    start = dt.date.fromisoformat(str(params["since"])) if params.get("since") else rule.notice.issued
    end = dt.date.fromisoformat(str(params["by_date"])) if params.get("by_date") else start + DEFAULT_WINDOW
    if end < start and not params.get("since"):
        # a row due before the notice was issued ("11月底前" in a notice of 16 December): the work the notice
        # confirms was due in the deadline's year, so that year's pages count
        start = dt.date(end.year, 1, 1)
    return start, end


def due_date(topic: Topic, start: dt.date, end: dt.date, dated: bool = False) -> dt.date:
    """The day by which a page on ``topic`` must have appeared for its absence to be a failure.  ``dated``: the
    rule states its own ``by_date``, which the notice gave, and a six-month rule of this tool never comes before it."""
    if topic.rhythm in ARISING_RHYTHMS and not dated:
        return min(end, add_months(start, ARISING_ITEMS_DUE_MONTHS))
    return end


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later, or that month's last day when it is shorter (31 Aug + 6 → 28/29 Feb)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    following = dt.date(year + (month == 12), month % 12 + 1, 1)
    return min(dt.date(year, month, min(day.day, 28)) + dt.timedelta(days=max(day.day - 28, 0)),
               following - dt.timedelta(days=1))


def examine(topic: Topic, pages, vocabulary, start: dt.date, end: dt.date) -> TopicFinding:
    finding = TopicFinding(topic)
    for page in pages:
        match: TopicMatch | None = topic.judge(title_of(page), page.column, page.page_type, vocabulary)
        if match is None:
            continue
        date = page.published_date
        if match.strength == "weak":
            if date is None or start <= date <= end:
                finding.candidates.append((page, match))
        elif date is None:
            finding.candidates.append((page, TopicMatch("weak", f"{match.why}，但页面没有发布日期", match.pattern)))
        elif date < start:
            finding.early.append((page, match))
        elif date > end:
            finding.late.append((page, match))
        else:
            finding.found.append((page, match))
    for pages_of in (finding.found, finding.late, finding.early, finding.candidates):
        pages_of.sort(key=lambda pm: pm[0].published or "")
    return finding


def evaluate(rule, evidence: Evidence, calendar) -> Outcome:
    vocabulary = vocabulary_for(rule.notice.path.parent if getattr(rule.notice, "path", None) else None)
    start, end = period_of(rule)
    period = f"{start.isoformat()}至{end.isoformat()}"
    pages = [p for p in evidence.pages if p.page_type != "list"]
    findings = [examine(vocabulary[t], pages, vocabulary, start, end) for t in rule.params["topics"]]
    need_all = rule.params.get("match", "all") == "all" or len(findings) == 1
    verdicts = [f.verdict for f in findings]
    asked = "、".join(f"{_quoted(f.topic.name)}" for f in findings)
    how = "" if len(findings) == 1 else ("（须全部公开）" if need_all else "（公开其中之一即可）")
    lead = f"要求{period}公开{asked}{how}；"

    passed = all(v == "pass" for v in verdicts) if need_all else "pass" in verdicts
    if passed:
        shown = [f for f in findings if f.found]
        parts = [f"{_quoted(f.topic.name)}：" + "；".join(f"{cite(p)}，{m.why}" for p, m in f.found[:CITED_PAGES])
                 for f in shown]
        first = shown[0].found[0][0]
        return Outcome("pass", "disclosed", lead + "找到 " + "。".join(parts) + "。", evidence=first, deadline=end)

    failing = [f for f in findings if f.verdict in ("missing", "late")]
    decisive_fail = failing if need_all else (failing if len(failing) == len(findings) else [])
    if decisive_fail and not rule.params.get("by_date") and all(f.verdict == "late" for f in decisive_fail):
        # The notice set no date: the 365-day period is this tool's reading of "in the notice's year", so an item
        # that did come out, only later, is for a person to weigh, not a failure the supervisor could defend.
        shown = "；".join(f"{_quoted(f.topic.name)}：{cite(f.late[0][0])}" for f in decisive_fail)
        return Outcome("manual", "after_period",
                       lead + f"期间内未找到，但通知未规定期限，期间之后已公开：{shown}。请人工判断是否视为落实。",
                       evidence=decisive_fail[0].late[0][0], deadline=end)
    if decisive_fail and evidence.agency.level == "department" and not all(f.topic.every_agency for f in decisive_fail):
        from ..catalogue import names_agency  # the catalogue imports the kinds

        if not names_agency(rule, evidence.agency):
            # "各级各部门要公开安全生产…": a field some departments own, asked of a group; whose field it is, the
            # notice does not say and the portal cannot show
            parts = [_missing_text(f, pages, start, end) for f in decisive_fail]
            return Outcome("manual", "not_named",
                           lead + "。".join(parts) + "。本单位未被通知点名，该事项可能不属于本单位职责，请人工核实是否应由本单位公开。",
                           deadline=end)
    if decisive_fail:
        late = [f for f in decisive_fail if f.verdict == "late"]
        reason = "outside_period" if len(late) == len(decisive_fail) else "missing"
        parts = [_missing_text(f, pages, start, end) for f in decisive_fail]
        found = [f for f in findings if f.found]
        if found:
            parts.append("已公开：" + "；".join(f"{_quoted(f.topic.name)}{cite(f.found[0][0])}" for f in found))
        evidence_page = late[0].late[-1][0] if late else None
        # One missing item fails an "all" task, so it is due when the first missing item is; an "any" task
        # can still be met by its latest-due item.
        dues = [due_date(f.topic, start, end, bool(rule.params.get("by_date"))) for f in (decisive_fail if need_all else findings)]
        due = min(dues) if need_all else max(dues)
        if due < end:
            parts.append(f"持续或按季公开的事项应在期间开始后{ARISING_ITEMS_DUE_MONTHS}个月内（{due.isoformat()}前）"
                         "至少公开一次")
        return Outcome("fail", reason, lead + "。".join(parts) + "。", evidence=evidence_page, deadline=due)

    weak = [f for f in findings if f.verdict == "weak"]
    listed = [(f, p, m) for f in weak for p, m in f.candidates[:CITED_PAGES]]
    text = "；".join(f"{_quoted(f.topic.name)}：{cite(p)}，{m.why}" for f, p, m in listed)
    return Outcome("manual", "weak_match",
                   lead + f"仅找到可能相关的页面，请人工查看是否已公开：{text}。",
                   evidence=listed[0][1] if listed else None, deadline=end)


def _quoted(name: str) -> str:
    """A topic name in quotation marks; quotes inside it become single quotes, as in official writing."""
    return "“" + name.replace("“", "‘").replace("”", "’") + "”"


def _missing_text(finding: TopicFinding, pages, start: dt.date, end: dt.date) -> str:
    topic = finding.topic
    columns: dict[str, int] = {}
    for page in pages:
        if page.column and topic.column_pattern(page.column):
            columns[page.column] = columns.get(page.column, 0) + 1
    searched = ("检索栏目" + "、".join(f"“{name}”（{n} 页）" for name, n in sorted(columns.items()))
                if columns else "网站上未发现名称相符的栏目")
    text = f"{_quoted(topic.name)}：在已抓取的 {len(pages)} 个页面中（{searched}）未找到标题相符的页面"
    if finding.late:
        page, _ = finding.late[0]
        text = f"{_quoted(topic.name)}：相符的页面{cite(page)}晚于期限（{end.isoformat()}）"
    elif finding.early:
        page, _ = finding.early[-1]
        text += f"；仅有通知前（{start.isoformat()}前）的页面{cite(page)}"
    return text
