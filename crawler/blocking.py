"""Anti-bot answers and empty answers, told by behaviour rather than by size.

A challenge page asks the browser to run a script (set a cookie, compute a token, reload)
before it shows anything; its visible text is nil whatever its size.  Such an answer, an
empty body, or a page with no visible text and nothing to follow means "could not check",
never "the agency published nothing".
"""

from __future__ import annotations

import re

from crawler.redirects import visible_chars

# The HTTP statuses the common Chinese WAF products answer a challenge with: 瑞数 412,
# 加速乐/Cloudflare-style 521.
CHALLENGE_STATUSES = {412, 521}

_PRODUCTS = [
    ("瑞数", re.compile(rb"\$_ts\s*=|\$_ts\.(?:nsd|cd)\b|window\[['\"]\$_ts['\"]\]")),
    ("加速乐", re.compile(rb"__jsl_clearance|__jsluid")),
    ("安全狗", re.compile(rb"WebShield\w*SessionVerify|safedog", re.I)),
    ("云锁", re.compile(rb"yunsuo_session_verify|security_verify_(?:data|img)", re.I)),
    ("创宇盾", re.compile(rb"jiasule|__jsl_clearance_s|cdn\.jiasule", re.I)),
]
# A script that sets a cookie and then reloads or moves on: the generic cookie challenge.
_COOKIE_SET = re.compile(rb"document\.cookie\s*=", re.I)
_RELOAD = re.compile(rb"location\.(?:reload|replace|assign|href)|location\s*=|setTimeout\s*\(", re.I)
# A challenge may print a line ("正在验证…", "Please enable JavaScript"); a real page shows more.
_CHALLENGE_VISIBLE_CHARS = 120
_FOLLOWABLE = re.compile(rb"<a\s[^>]*href|<i?frame\s[^>]*src|<area\s[^>]*href", re.I)


def challenge(status: int, body: bytes, set_cookie: bool = False) -> str | None:
    """The Chinese message for an anti-bot or empty answer, or None for an ordinary page."""
    sample = body[:300_000]
    if status in CHALLENGE_STATUSES:
        product = next((name for name, pattern in _PRODUCTS if pattern.search(sample)), None)
        return f"HTTP {status} 反爬虫验证" + (f"（{product}）" if product else "")
    if status >= 400:
        return None
    visible = visible_chars(sample)
    if visible <= _CHALLENGE_VISIBLE_CHARS:
        for name, pattern in _PRODUCTS:
            if pattern.search(sample):
                return f"HTTP {status} 反爬虫验证页面（{name}）"
        if _COOKIE_SET.search(sample) and _RELOAD.search(sample):
            return f"HTTP {status} 设置 cookie 后重新载入的脚本验证页面（{len(body)} 字节，没有可见内容）"
    if not body.strip():
        return f"HTTP {status} 空白页面（没有内容）"
    return None


def empty_page(body: bytes) -> str | None:
    """An HTML answer with no visible text and nothing to follow (a shell filled in by scripts)."""
    sample = body[:300_000]
    if visible_chars(sample) == 0 and not _FOLLOWABLE.search(sample):
        return f"页面没有可见文字（{len(body)} 字节），可能需要脚本渲染或被拦截"
    return None
