"""Hanweb (大汉) list pages: records inside <script type="text/xml"> datastores, paged through dataproxy.jsp."""

from __future__ import annotations

import re
from html import unescape as html_unescape

_HANWEB_RECORD_LINK = re.compile(r"""<a\s[^>]*href\s*=\s*['"]?([^'" >]+)['"]?[^>]*>(.*?)</a>""", re.S | re.I)
_HANWEB_NEXTGROUP = re.compile(r"<nextgroup>\s*<!\[CDATA\[\s*<a[^>]+href\s*=\s*['\"]?([^'\" >]+)", re.I)
_HANWEB_TOTAL = re.compile(r"<totalrecord>\s*(\d+)|totalRecord\s*[=:]\s*(\d+)", re.I)
_HANWEB_PERPAGE = re.compile(r"perpage\s*[=:]\s*['\"]?(\d+)", re.I)
HANWEB_RECORD = re.compile(r"<record>", re.I)


def hanweb_links(raw_html: str) -> list[tuple[str, str]]:
    """Links of a Hanweb (大汉) datastore: its records, and dataproxy.jsp URLs for the records
    after those shown (startrecord/endrecord/perpage, three pages per request as jpage.js asks)."""
    start = raw_html.find("<datastore")
    end = raw_html.find("</datastore>", start)
    block = raw_html[start : end if end > 0 else len(raw_html)]
    links = [(href, anchor) for href, anchor in _HANWEB_RECORD_LINK.findall(block) if "dataproxy" not in href]
    nextgroup = _HANWEB_NEXTGROUP.search(block)
    total = _HANWEB_TOTAL.search(raw_html)
    if nextgroup and total:
        base = html_unescape(nextgroup.group(1))
        total_records = int(total.group(1) or total.group(2))
        perpage_match = _HANWEB_PERPAGE.search(raw_html)
        perpage = int(perpage_match.group(1)) if perpage_match else 15
        shown = len(HANWEB_RECORD.findall(block)) or perpage
        joiner = "&" if "?" in base else "?"
        for first in range(shown + 1, min(total_records, 5000) + 1, perpage * 3):
            last = min(first + perpage * 3 - 1, total_records)
            links.append((f"{base}{joiner}startrecord={first}&endrecord={last}&perpage={perpage}", ""))
    return links

