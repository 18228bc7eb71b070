"""Redirects as portals use them: HTTP 30x, <meta http-equiv=refresh>, and one-line JavaScript.

The spider follows redirects itself (Scrapy's redirect middlewares are off) so that it can
keep the chain, stop loops and long chains with a ``redirect`` fetch error, extend an
agency's scope only to the same site, and never be led to another scheme, a link-local or
metadata address, or a private network unless the start URL itself is on one.
"""

from __future__ import annotations

import ipaddress
import re
from urllib.parse import urljoin, urlsplit

MAX_HOPS = 10
REDIRECT_STATUSES = {301, 302, 303, 307, 308}

# A refresh that fires later than this is a page reloading itself, not a redirect.
_MAX_REFRESH_DELAY = 5
_META_REFRESH = re.compile(
    rb"""<meta[^>]+http-equiv\s*=\s*["']?refresh["']?[^>]*>""", re.I)
_REFRESH_CONTENT = re.compile(rb"""content\s*=\s*["']?\s*(\d*(?:\.\d+)?)\s*[;,]?\s*(?:url\s*=\s*)?["']?([^"'>]*)""", re.I)
# window.location.href = "…", location.href='…', location.replace("…"), location.assign("…"),
# window.location = "…", top.location = "…", self.location.href = "…": a string literal only.
_JS_REDIRECT = re.compile(
    rb"""(?:window\.|top\.|self\.|document\.|parent\.)?location(?:\.href)?\s*=\s*(["'])([^"'+\n]{1,500})\1\s*;?\s*(?:</script>|$|\n|;)"""
    rb"""|(?:window\.|top\.|self\.|document\.|parent\.)?location\.(?:replace|assign)\(\s*(["'])([^"'+\n]{1,500})\3\s*\)""",
    re.I,
)
# A redirect stub has (almost) nothing else to show.
_STUB_VISIBLE_CHARS = 200
_TAGS = re.compile(rb"<script\b.*?</script>|<style\b.*?</style>|<!--.*?-->|<[^>]*>", re.S | re.I)


def visible_chars(body: bytes) -> int:
    """A cheap count of the characters a browser would show (no parsing)."""
    return len(re.sub(rb"\s+|&nbsp;", b"", _TAGS.sub(b"", body[:200_000])))


def page_redirect(body: bytes, url: str) -> str | None:
    """The target of a meta refresh or one-line JavaScript redirect, when the page is only that."""
    if len(body) > 20_000 or visible_chars(body) > _STUB_VISIBLE_CHARS:
        return None
    head = body[:20_000]
    for tag in _META_REFRESH.finditer(head):
        content = _REFRESH_CONTENT.search(tag.group(0))
        if content and content.group(2).strip():
            try:
                delay = float(content.group(1) or 0)
            except ValueError:
                delay = 0
            if delay <= _MAX_REFRESH_DELAY:
                return _absolute(url, content.group(2))
    match = _JS_REDIRECT.search(head)
    if match:
        return _absolute(url, match.group(2) or match.group(4))
    return None


def _absolute(base: str, target: bytes) -> str | None:
    try:
        text = target.decode("utf-8", errors="replace").strip()
        return urljoin(base, text) if text else None
    except ValueError:
        return None


def _address(host: str):
    try:
        return ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return None


def _restricted(host: str) -> bool:
    address = _address(host)
    if address is None:
        return host in ("localhost",) or host.endswith(".localhost")
    return address.is_private or address.is_loopback or address.is_link_local or address.is_reserved or address.is_multicast


def allowed_target(target: str, start_url: str) -> str | None:
    """Why a redirect target may not be followed (None when it may)."""
    try:
        parts = urlsplit(target)
        host = parts.hostname or ""
        parts.port
    except ValueError:
        return f"跳转目标网址无效：{target[:200]}"
    if parts.scheme not in ("http", "https"):
        return f"跳转到非 HTTP 网址：{target[:200]}"
    if not host:
        return f"跳转目标没有主机名：{target[:200]}"
    address = _address(host)
    if address is not None and address.is_link_local:
        return f"跳转到链路本地或元数据地址：{host}"
    if _restricted(host) and not _restricted(urlsplit(start_url).hostname or ""):
        return f"跳转到内网地址：{host}"
    return None


def registrable_domain(host: str) -> str:
    """example.gov.cn for www.example.gov.cn; the last two labels elsewhere (no public suffix list:
    portals are under gov.cn, and only the same site is ever joined)."""
    host = host.lower().rstrip(".")
    if _address(host) is not None:
        return host
    labels = host.split(".")
    if len(labels) >= 3 and labels[-2] in ("gov", "com", "org", "edu", "net") and labels[-1] == "cn":
        return ".".join(labels[-3:])
    return ".".join(labels[-2:])


def same_site(a: str, b: str) -> bool:
    """http/https, any port, www/bare, or the same registrable domain under gov.cn."""
    try:
        host_a, host_b = (urlsplit(a).hostname or "").lower(), (urlsplit(b).hostname or "").lower()
    except ValueError:
        return False
    if not host_a or not host_b:
        return False
    if host_a == host_b or host_a.removeprefix("www.") == host_b.removeprefix("www."):
        return True
    domain = registrable_domain(host_a)
    return domain.endswith(".gov.cn") and domain == registrable_domain(host_b)
