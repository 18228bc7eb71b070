"""Understanding a fetched page: extracted fields plus the raw bytes' hash and compressed copy.

Everything the pipeline stores besides the crawl metadata.  (Running this in a
separate process was measured slower than inline: pickling the results costs
more than parsing saves; see bench/README.md.)
"""

from __future__ import annotations

import hashlib
import zlib
from dataclasses import dataclass

from core.documents import sniff_type
from crawler.attachments import understand_attachment
from crawler.extract import NotHTMLError, PageInfo, content_hash, extract_page


@dataclass
class Understood:
    info: PageInfo
    raw_sha256: str
    compressed: bytes
    size: int
    content_hash: str


def understand(body: bytes, url: str, content_type: str | None, context: dict) -> Understood:
    """Never raises: a page that cannot be understood keeps its bytes and says why in ``extraction_error``."""
    try:
        info = _read(body, url, content_type, context)
    except Exception as exc:  # any input: fields or a recorded extraction error, never a lost page
        info = PageInfo(file_type="unknown", extraction_error=f"{type(exc).__name__}: {exc}"[:500])
    return Understood(
        info=info,
        raw_sha256=hashlib.sha256(body).hexdigest(),
        compressed=zlib.compress(body, 1),  # fast; level 6 saves ~20% space for 3× the CPU
        size=len(body),
        content_hash=content_hash(info.text),
    )


def _read(body: bytes, url: str, content_type: str | None, context: dict) -> PageInfo:
    kind = sniff_type(body)
    if kind in ("html", "unknown"):
        try:
            return extract_page(body, url, content_type=content_type, context=context)
        except NotHTMLError:
            return understand_attachment(body, url, kind, context)
    return understand_attachment(body, url, kind, context)
