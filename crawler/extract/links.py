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

