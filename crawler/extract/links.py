"""Links of a page: anchors with their full titles, the date printed beside each link on list pages."""

from __future__ import annotations

import re

from core.text import ANY_DIGIT, parse_date

from .dom import raw_text
from .hanweb import hanweb_links

_ROW_TAGS = {"li", "tr", "dd"}


def list_item_dates(anchors, resolve) -> dict[str, str]:
    """On list pages, the date printed beside each link: in the li, tr or dd row that holds
    the link and no other."""
    dates: dict[str, str] = {}
    rows: dict = {}
    for anchor in anchors:
        row = anchor.getparent()
        for _ in range(3):
            if row is None or row.tag in _ROW_TAGS:
                break
            row = row.getparent()
        if row is None or row.tag not in _ROW_TAGS:
            continue
        rows.setdefault(row, []).append(anchor)
    for row, row_anchors in rows.items():
        if len(row_anchors) != 1:
            continue
        text = raw_text(row)
        if not ANY_DIGIT.search(text):
            continue
        found = parse_date(text)
        if found:
            url = resolve(row_anchors[0].get("href"))
            if url:
                dates[url] = found
    return dates


_SHORT_DATE = re.compile(r"(?<![\d-])(0?[1-9]|1[0-2])[-/.](0?[1-9]|[12]\d|3[01])\s*\]?\s*$")


def short_dated_rows(anchors) -> int:
    """Rows that end with a month-day date (list pages that print "07-06" and keep the year elsewhere)."""
    count = 0
    for anchor in anchors:
        row = anchor.getparent()
        if row is not None and row.tag != "li":
            row = row.getparent()
        if row is not None and row.tag == "li" and _SHORT_DATE.search(raw_text(row)):
            count += 1
    return count



def collect_links(anchors, tree, resolve, raw_html: str) -> list[tuple[str, str]]:
    seen: dict[str, str] = {}
    for node in anchors:
        url = resolve(node.get("href"))
        if url is None:
            continue
        anchor = re.sub(r"\s+", " ", raw_text(node)).strip()
        full = (node.get("title") or "").strip()
        if full and (not anchor or anchor.endswith(("...", "…", "..")) or len(full) > len(anchor)):
            anchor = full  # list pages cut long titles and keep them whole in title=""
        anchor = anchor[:200]
        if url not in seen or (anchor and not seen[url]):
            seen[url] = anchor
    # Hanweb list pages keep their records inside <script type="text/xml"> CDATA, and page
    # through dataproxy.jsp; neither is in the DOM.
    if "<datastore" in raw_html:
        for href, anchor in hanweb_links(raw_html):
            url = resolve(href)
            if url:
                seen.setdefault(url, re.sub(r"<[^>]+>|\s+", "", anchor)[:200])
    return list(seen.items())



# Pagers: "下一页", "上一页", "尾页", page numbers; TRS lists write theirs with a script call
# createPageHTML(pages, current, "index", "html") that no DOM holds.
_PAGER_ANCHOR = re.compile(
    r"^(?:下一页|下页|后页|上一页|上页|前页|尾页|末页|最后一页|首页|下一頁|上一頁|\[?\d{1,4}\]?|>|>>|<|<<|›|»|‹|«|next|prev(?:ious)?|last|first)$",
    re.I,
)
_LISTISH_URL = re.compile(r"(index|list|default)[_-]?\d*\.s?html?$|[?&](page|pageno|pageindex|pagenum|p|cur)=\d+|startrecord=\d+", re.I)
_TRS_PAGER = re.compile(r"createPageHTML\(\s*['\"]?(\d+)['\"]?\s*,\s*['\"]?(\d+)['\"]?\s*,\s*['\"](\w+)['\"]\s*,\s*['\"](\w+)['\"]")
MAX_SCRIPTED_PAGES = 500


def _directory(url: str) -> str:
    return url.split("?", 1)[0].rsplit("/", 1)[0]


def pagination_links(anchors, resolve, url: str, raw_html: str) -> list[str]:
    """Further pages of this list: pager anchors into the same directory, TRS script pagers,
    and Hanweb dataproxy record ranges."""
    here = _directory(url)
    found: dict[str, None] = {}
    for node in anchors:
        text = re.sub(r"\s+", "", raw_text(node))
        if not text or not _PAGER_ANCHOR.match(text):
            continue
        target = resolve(node.get("href"))
        if target and target != url and _directory(target) == here and _LISTISH_URL.search(target):
            found[target] = None
    match = _TRS_PAGER.search(raw_html)
    if match:
        pages, prefix, suffix = int(match.group(1)), match.group(3), match.group(4)
        for number in range(1, min(pages, MAX_SCRIPTED_PAGES)):
            target = resolve(f"{prefix}_{number}.{suffix}")
            if target and target != url:
                found[target] = None
    if "dataproxy" in raw_html:
        for href, _ in hanweb_links(raw_html):
            if "dataproxy" in href:
                target = resolve(href)
                if target:
                    found[target] = None
    return list(found)
