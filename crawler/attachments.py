"""Attachments (附件): decide the file type by content, extract text from PDF and DOCX.

A plan published only as an attachment must still be found, so the spider
fetches attachment links and stores them as pages: title from the link that
led there, date from the page that linked it, text from the file itself.
"""

from __future__ import annotations

import io
import zipfile

from crawler.extract import PageInfo, classify_page, normalise_width, to_simplified

MAX_TEXT = 200_000  # characters kept of an attachment's text
PDF_PAGES = 20  # pages of a PDF read for its text


def sniff_type(body: bytes) -> str:
    """pdf, docx, xlsx, ofd, zip, ole (doc/xls/wps), html or unknown — from the bytes, not the name."""
    head = body[:8]
    if head.startswith(b"%PDF"):
        return "pdf"
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return "ole"
    if head.startswith(b"PK\x03\x04"):
        try:
            names = set(zipfile.ZipFile(io.BytesIO(body)).namelist())
        except zipfile.BadZipFile:
            return "zip"
        if "word/document.xml" in names:
            return "docx"
        if "xl/workbook.xml" in names:
            return "xlsx"
        if "OFD.xml" in names:
            return "ofd"
        return "zip"
    start = body[:512].lstrip().lower()
    if start.startswith((b"<!doctype html", b"<html", b"<?xml", b"<head", b"<meta", b"<div", b"<table")):
        return "html"
    return "unknown"


def attachment_text(body: bytes, kind: str) -> str:
    """Text of a PDF or DOCX attachment ('' for other types or unreadable files)."""
    try:
        if kind == "pdf":
            from pdfminer.high_level import extract_text

            return extract_text(io.BytesIO(body), maxpages=PDF_PAGES)[:MAX_TEXT]
        if kind == "docx":
            import docx

            document = docx.Document(io.BytesIO(body))
            parts = [p.text for p in document.paragraphs]
            for table in document.tables:
                for row in table.rows:
                    parts.append(" ".join(cell.text for cell in row.cells))
            return "\n".join(parts)[:MAX_TEXT]
    except Exception:  # a damaged file is recorded with its bytes, its text left empty
        return ""
    return ""


def understand_attachment(body: bytes, url: str, kind: str, context: dict) -> PageInfo:
    """A PageInfo for an attachment: the linking anchor or file name as title, the linking page's date."""
    name = url.rsplit("/", 1)[-1].split("?")[0] or None
    text = to_simplified(normalise_width(attachment_text(body, kind)))
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
