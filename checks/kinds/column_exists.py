"""column_exists: a dedicated column (专栏) with the given name exists on the portal and has content.

pass: a column page whose name, title or the link leading to it matches, with at least
      ``min_items`` (default 1) articles in it.
fail: no such column was found, or it is empty.
"""

from __future__ import annotations

import re

from core.text import to_simplified

from .base import Evidence, Outcome, Param, cite, title_of

WEB_CHECKABLE = True
PARAMS = {
    "names": Param("regexes", "专栏名称（任一）", required=True),
    "min_items": Param(int, "专栏至少应有的文章数（默认 1）", minimum=0),
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
        return Outcome(
            "fail",
            "missing",
            f"要求开设{label}专栏；在已抓取的 {len(evidence.pages)} 个页面中未找到该专栏。",
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
