"""Documents as bytes: the file type decided by content, the text of PDF and DOCX files, HTML decoding.

Used by the crawler (pages and attachments) and by rule drafting (notices as files).
"""

from __future__ import annotations

import io
import zipfile

from core.encoding import decode

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


def attachment_text(body: bytes, kind: str, table_rows: bool = False) -> str:
    """Text of a PDF or DOCX attachment ('' for other types or unreadable files).  ``table_rows``: a DOCX table's
    rows written "| cell | cell |" (a merged cell once), as the rule drafter reads task tables; else cells joined
    by spaces."""
    try:
        if kind == "pdf":
            from pdfminer.high_level import extract_text

            return extract_text(io.BytesIO(body), maxpages=PDF_PAGES)[:MAX_TEXT]
        if kind == "docx":
            import docx

            from docx.table import Table
            from docx.text.paragraph import Paragraph

            document = docx.Document(io.BytesIO(body))
            parts = []
            for child in document.element.body.iterchildren():  # paragraphs and tables in document order
                if child.tag.endswith("}p"):
                    parts.append(Paragraph(child, document).text)
                elif child.tag.endswith("}tbl"):
                    for row in Table(child, document).rows:
                        cells = [cell.text.strip() for index, cell in enumerate(row.cells)
                                 if index == 0 or cell._tc is not row.cells[index - 1]._tc]  # a merged cell repeats
                        parts.append("| " + " | ".join(cells) + " |" if table_rows else " ".join(cells))
            return "\n".join(parts)[:MAX_TEXT]
    except Exception:  # a damaged file is recorded with its bytes, its text left empty
        return ""
    return ""


def decode_html(body: bytes, content_type: str | None = None, encoding: str | None = None) -> tuple[str, str]:
    """Decode page bytes; returns (text, encoding) — decided like a browser that checks validity
    (BOM, valid UTF-8, the header and ``<meta>`` when the bytes are valid in them, detection):
    see :mod:`core.encoding`.  An explicit ``encoding`` wins."""
    return decode(body, content_type, encoding)
