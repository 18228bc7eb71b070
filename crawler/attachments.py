"""Attachments (附件): decide the file type by content, extract text from PDF and DOCX.

A plan published only as an attachment must still be found, so the spider
fetches attachment links and stores them as pages: title from the link that
led there, date from the page that linked it, text from the file itself.
"""

from __future__ import annotations

import gc

from core.documents import attachment_text
from core.text import normalise_width, to_simplified
from crawler.extract import PageInfo, classify_page


def understand_attachment(body: bytes, url: str, kind: str, context: dict) -> PageInfo:
    """A PageInfo for an attachment: the linking anchor or file name as title, the linking page's date."""
    name = url.rsplit("/", 1)[-1].split("?")[0] or None
    text = to_simplified(normalise_width(attachment_text(body, kind)))
    if kind == "docx":
        # python-docx's package and parts refer to each other, so a document is freed only by the cycle
        # collector; the lxml trees of its XML parts (styles.xml alone is 100s of KB) are memory the
        # collector's thresholds do not see, and between full collections they piled up to ~40 MB in
        # a crawl process.  A young-generation collection right away frees them (~2 ms).
        gc.collect(1)
    anchor = (context.get("anchor") or "").strip()
    # Anchors such as "附件1" or "下载" say nothing; the document's first line does.
    first_line = next((line.strip() for line in text.splitlines() if len(line.strip()) >= 6), "")
    title = anchor if len(anchor) >= 6 and not anchor.startswith("附件") else (first_line[:100] or anchor or name)
    page_type = classify_page(to_simplified(title or ""), doc_number=None, is_list=False)
    date = context.get("date") or context.get("parent_date")
    return PageInfo(
        title=title,
        title_simplified=to_simplified(normalise_width(title)) if title else None,
        published=date,
        published_source=("list" if context.get("date") else "parent") if date else None,
        column=context.get("column"),
        page_type=page_type if page_type not in ("news", "other") else "attachment",
        text=text,
        file_type=kind,
    )
