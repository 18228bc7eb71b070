"""Decide a page's encoding the way a browser would if it checked validity.

Portals lie about their charset: the server says UTF-8 while an old CMS writes GBK, a
template keeps ``<meta charset=gb2312>`` after a migration to UTF-8, a web server answers
ISO-8859-1 by default.  Order:

1. a byte-order mark;
2. bytes that are valid UTF-8 and not plain ASCII are UTF-8, whatever is declared — GBK
   text is practically never valid UTF-8, while UTF-8 text often *is* valid GBK, so only
   this direction of the validity test is conclusive;
3. the HTTP header, then the ``<meta>`` declaration, each only if the bytes are valid in
   it (single-byte Western charsets prove nothing: every byte is valid in them, and they
   are server defaults, not a Chinese portal's choice);
4. detection (charset-normalizer);
5. the declared or detected encoding with the fewest decoding errors.

GB2312 and GBK are read as GB18030 (a superset), so rare characters survive.
"""

from __future__ import annotations

import codecs

from w3lib.encoding import (
    html_body_declared_encoding,
    http_content_type_encoding,
    resolve_encoding,
)

_BOMS = [
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
]
_GB = {"gb2312", "gbk", "gb_2312-80", "gb18030", "x-gbk", "euc-cn", "hz-gb-2312", "cp936", "windows-936"}
# Declarations that every byte string satisfies: they carry no evidence.
_WEAK = {"latin-1", "iso-8859-1", "iso8859-1", "cp1252", "windows-1252", "ascii", "us-ascii", "latin1", "iso-8859-15"}
_DETECT_BYTES = 64 * 1024


def normalise_encoding(name: str | None) -> str | None:
    if not name:
        return None
    name = name.strip().strip("\"'").lower()
    if name in _GB:
        return "gb18030"
    resolved = resolve_encoding(name)
    if not resolved:
        try:
            resolved = codecs.lookup(name).name
        except LookupError:
            return None
    resolved = resolved.lower()
    if resolved in _GB or resolved.replace("_", "-") in _GB:
        return "gb18030"
    return {"cp1252": "windows-1252", "utf8": "utf-8"}.get(resolved, resolved)


def _valid(body: bytes, encoding: str) -> bool:
    try:
        body.decode(encoding)
        return True
    except (UnicodeDecodeError, LookupError):
        return False


def _detect(body: bytes) -> str | None:
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(body[:_DETECT_BYTES]).best()
    except Exception:  # detection is a hint; a failure leaves the other candidates
        return None
    return normalise_encoding(best.encoding) if best else None


def _errors(body: bytes, encoding: str) -> int:
    try:
        return body.decode(encoding, errors="replace").count("\ufffd")
    except LookupError:
        return len(body)


def decide_encoding(body: bytes, content_type: str | None = None) -> str:
    """The encoding to read ``body`` with (see the module docstring for the order)."""
    for bom, name in _BOMS:
        if body.startswith(bom):
            return name
    if body.isascii():
        return normalise_encoding(http_content_type_encoding(content_type or "")) or "utf-8"
    if _valid(body, "utf-8"):
        return "utf-8"
    declared = []
    for raw in (http_content_type_encoding(content_type or ""), html_body_declared_encoding(body[:4096])):
        name = normalise_encoding(raw)
        if name and name not in _WEAK and name not in declared:
            declared.append(name)
    for name in declared:
        if name != "utf-8" and _valid(body, name):
            return name
    detected = _detect(body)
    if detected and detected not in _WEAK and _valid(body, detected):
        return detected
    if _valid(body, "gb18030"):
        return "gb18030"  # Chinese portals: the legacy encoding there is
    candidates = [*declared, *([detected] if detected else []), "gb18030", "utf-8"]
    return min(candidates, key=lambda name: _errors(body, name))


def decode(body: bytes, content_type: str | None = None, encoding: str | None = None) -> tuple[str, str]:
    """(text, encoding); an explicit ``encoding`` wins (``zwgk extract --encoding``)."""
    chosen = normalise_encoding(encoding) if encoding else decide_encoding(body, content_type)
    chosen = chosen or "utf-8"
    if chosen == "utf-8" and body.startswith(codecs.BOM_UTF8):
        body = body[len(codecs.BOM_UTF8):]
    elif chosen.startswith("utf-16") and body[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        body = body[2:]
    try:
        return body.decode(chosen, errors="replace"), chosen
    except LookupError:
        return body.decode("utf-8", errors="replace"), "utf-8"
