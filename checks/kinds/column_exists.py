"""column_exists: a dedicated column (专栏) with the given name exists on the portal and has content.

pass: a column page whose name, title or the link leading to it matches, with at least
      ``min_items`` (default 1) articles in it.
fail: no such column was found, or it is empty (before ``by_date``, when the notice gives one: ``pending``).
manual: ``similar_column`` — no column of that exact name, but a column or link named alike (政务公开要点 for
        政务公开工作要点: the two ends of the name with a few characters between), or a link named exactly that
        leads to a page the crawl did not read as a column (a 专题 landing page, another host).  Portals name
        their columns freely, so a near name is for a person to judge, not a failure.
"""

from __future__ import annotations

import datetime as dt
import re

from core.text import to_simplified

from .base import Evidence, Outcome, Param, cite, title_of

WEB_CHECKABLE = True
PARAMS = {
    "names": Param("regexes", "专栏名称（任一）", required=True),
    "min_items": Param(int, "专栏至少应有的文章数（默认 1）", minimum=0),
    "by_date": Param("date", "开设期限：此前未开设为未到期（pending），不判未通过"),
}


def vague(params: dict, notice) -> str | None:
    """A column name that is only a generic word (专栏, 信息) names no particular column."""
    from rules.topics import GENERIC_WORDS

    names = params.get("names") or []
    names = [names] if isinstance(names, str) else names
    if names and all(_core(n) in GENERIC_WORDS or len(_core(n)) < 2 for n in names):
        return f"专栏名称 {names} 只是泛指词"
    return None



def _core(name: str) -> str:
    name = to_simplified(name)
    name = re.sub(r"[《》“”\"'「」]", "", name)
    core = re.sub(r"(专栏|栏目)$", "", name)
    return core if len(core) >= 4 else name


def evaluate(rule, evidence: Evidence, calendar) -> Outcome:
    # a column due by a date ("6月底前完成专栏建设") is missing only after it: the outcome's deadline lets
    # checks/evaluate.py turn an earlier miss into pending
    due = dt.date.fromisoformat(str(rule.params["by_date"])) if rule.params.get("by_date") else None
    outcome = _evaluate(rule, evidence)
    if due is not None and outcome.status == "fail":
        return Outcome(outcome.status, outcome.reason, outcome.detail.replace("要求开设", f"要求于{due.isoformat()}前开设", 1),
                       evidence=outcome.evidence, deadline=due)
    return outcome


def _evaluate(rule, evidence: Evidence) -> Outcome:
    names = rule.params["names"]
    names = [names] if isinstance(names, str) else names
    pattern = re.compile("|".join(re.escape(_core(n)) for n in names))
    min_items = int(rule.params.get("min_items", 1))
    label = "、".join(f"“{n}”" for n in names)

    column_pages = [p for p in evidence.pages if p.page_type == "list" and pattern.search(title_of(p))]
    # The link text that leads to a column names it even when the column page's own title does not.
    anchored = set()
    for _, to_url, anchor in evidence.links_from([p.url for p in evidence.pages if p.page_type == "list"]):
        if pattern.search(to_simplified(anchor or "")) and to_url in evidence.by_url:
            anchored.add(to_url)
    column_pages += [evidence.by_url[u] for u in anchored if evidence.by_url[u] not in column_pages]
    column_pages = [p for p in column_pages if p.page_type == "list"]
    if not column_pages:
        similar = _similar_columns(evidence, names, pattern)
        if similar:
            shown = "；".join(similar[:CITED_CANDIDATES])
            return Outcome(
                "manual",
                "similar_column",
                f"要求开设{label}专栏；未找到同名栏目，但找到名称相近的栏目或链接：{shown}。请人工核实是否即该专栏。",
            )
        return Outcome(
            "fail",
            "missing",
            f"要求开设{label}专栏；在已抓取的 {len(evidence.pages)} 个页面中未找到该专栏或名称相近的栏目。",
        )
    best, best_items = None, -1
    for page in column_pages:
        items = _articles_in(page, evidence, pattern)
        if items > best_items:
            best, best_items = page, items
    if best_items >= min_items:
        return Outcome(
            "pass",
            "present",
            f"要求开设{label}专栏；找到专栏{cite(best)}，其中有 {best_items} 篇信息。",
            evidence=best,
        )
    return Outcome(
        "fail",
        "empty",
        f"要求开设{label}专栏并发布内容；专栏{cite(best)}存在但没有内容（少于 {min_items} 篇）。",
        evidence=best,
    )


CITED_CANDIDATES = 3
COLUMN_NAME_MAX = 20  # characters: a navigation label, not a document title
_COLUMN_WORD = re.compile(r"专栏|专题|栏目")


def _near_pattern(names) -> re.Pattern:
    """The two ends of each name (two characters each) with up to six characters between them."""
    ends = [re.escape(core[:2]) + ".{0,6}" + re.escape(core[-2:]) for core in map(_core, names) if len(core) >= 4]
    return re.compile("|".join(ends) or "(?!)")


def _similar_columns(evidence: Evidence, names, exact) -> list[str]:
    """Columns or links named like the column, and exactly-named links to pages that are not column pages."""
    near = _near_pattern(names)
    found: dict[str, str] = {}
    for page in evidence.pages:
        title = title_of(page)
        if page.page_type == "list" and near.search(title):
            found.setdefault(page.url, f"栏目{cite(page)}")
        elif page.column and near.search(to_simplified(page.column)):
            found.setdefault(f"column:{page.column}", f"栏目“{page.column}”（{page.url}）")
    for _, to_url, anchor in evidence.links_from([p.url for p in evidence.pages if p.page_type in ("list", "home")]):
        anchor = to_simplified(anchor or "").strip()
        target = evidence.by_url.get(to_url)
        if (target is not None and target.page_type not in ("list", "home", None)
                and not _COLUMN_WORD.search(anchor)):
            continue  # a link to an article (2019年政务公开工作要点) is a document, unless it says 专栏/专题
        if len(anchor) <= COLUMN_NAME_MAX and (exact.search(anchor) or near.search(anchor)):
            found.setdefault(to_url, f"链接“{anchor}”（{to_url}）")
    return list(found.values())


def _articles_in(column_page, evidence: Evidence, pattern) -> int:
    """Articles of this agency that the column lists or that name it as their column."""
    listed = {
        to for _, to, _ in evidence.links_from([column_page.url])
        if to in evidence.by_url and evidence.by_url[to].page_type not in ("list", "home", None)
    }
    tagged = {
        p.url for p in evidence.pages
        if p.page_type != "list" and p.column and pattern.search(to_simplified(p.column))
    }
    return len(listed | tagged)
