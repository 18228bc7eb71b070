"""Small helpers over an lxml tree: parsing, text of a node, meta tags, removing nodes, resolving hrefs."""

from __future__ import annotations

import re
from urllib.parse import urldefrag, urljoin, urlsplit

from lxml import etree

PARSER = etree.HTMLParser(remove_comments=False, remove_pis=True)


def raw_text(node) -> str:
    # itertext on plain lxml.etree elements: lxml.html's element classes cost a lookup per node
    return "".join(node.itertext()) if node is not None else ""


def text_of(node) -> str:
    return re.sub(r"\s+", " ", raw_text(node)).strip()


def meta(tree, name: str) -> str | None:
    for node in tree.iterfind(".//meta"):
        if (node.get("name") or node.get("http-equiv") or "").lower() == name.lower():
            value = (node.get("content") or "").strip()
            if value:
                return value
    return None



def drop(node) -> None:
    """Remove a node but keep its tail text (lxml.html's drop_tree, for plain etree)."""
    parent = node.getparent()
    if parent is None:
        return
    if node.tail:
        previous = node.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + node.tail
        else:
            parent.text = (parent.text or "") + node.tail
    parent.remove(node)



def _parseable(url: str) -> bool:
    try:
        parts = urlsplit(url)
        parts.port
        return bool(parts.hostname)
    except ValueError:
        return False


def resolver(base_url: str):
    """href → absolute URL without fragment (None for javascript:, mailto: …), cached per page."""
    try:
        parts = urlsplit(base_url)
    except ValueError:
        parts = urlsplit("http://invalid/")
    origin = f"{parts.scheme}://{parts.netloc}"
    cache: dict[str, str | None] = {}

    def resolve(href: str | None) -> str | None:
        if href is None:
            return None
        if href in cache:
            return cache[href]
        raw = href.strip()
        if not raw or raw.startswith(("javascript:", "mailto:", "tel:", "#")):
            url = None
        elif raw.startswith(("http://", "https://")):
            url = raw.split("#", 1)[0]
        elif raw.startswith("/") and not raw.startswith("//") and "/." not in raw:
            url = origin + raw.split("#", 1)[0]
        else:
            try:
                url = urldefrag(urljoin(base_url, raw))[0]
            except ValueError:
                url = None
            if url is not None and not url.startswith(("http://", "https://")):
                url = None
        if url is not None and not _parseable(url):
            url = None  # http://[… and ports out of range: a browser shows them as dead links
        cache[href] = url
        return url

    return resolve

