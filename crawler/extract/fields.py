"""Field readers of an article or column page: title, column (breadcrumb, heading before the list), main text, spam."""

from __future__ import annotations

import re

from .dom import text_of

_MAIN_CONTENT_XPATH = (
    "//div[contains(@class,'TRS_Editor')] | //div[@id='zoom'] | //div[@id='UCAP-CONTENT']"
    " | //div[contains(@class,'article-content')] | //div[contains(@class,'pages_content')]"
    " | //div[@id='content'] | //div[contains(@class,'content')] | //article"
)
_BREADCRUMB_XPATH = (
    "//*[contains(@class,'crumb') or contains(@class,'position') or contains(@class,'location')"
    " or contains(@class,'dqwz') or contains(@id,'crumb') or contains(@id,'position')]"
)
_BREADCRUMB_SEP = re.compile(r"\s*(?:->|>>|>|›|»|→|/|＞|>|\\|｜|\||»|→|＞＞)\s*")
_BREADCRUMB_START = re.compile(r"^\s*(?:当前位置|您的位置|您现在的位置|所在位置|当前的位置)?\s*[:：]?\s*(?:网站首页|首页|主页)\s*(?:->|>>|>|›|»|→|/|＞|｜|\|)")
_HEADING_NOISE = re.compile(r"\s*(更多\s*>*|more\s*>*|MORE\s*>*|>>)\s*$")
SITE_SUFFIX_SEP = re.compile(r"\s*(?:_|\||—|－|-{1,2}| - )\s*")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden|left\s*:\s*-\d{3,}px|top\s*:\s*-\d{3,}px")


def strip_site_suffix(title: str, site_name: str | None) -> str:
    parts = [p for p in SITE_SUFFIX_SEP.split(title) if p]
    if len(parts) <= 1:
        return title.strip()
    # The document title is the longest leading part; site and column names follow.
    if site_name and parts[0] == site_name:
        parts = parts[1:]
    return max(parts[:1] + [p for p in parts if len(p) > len(parts[0]) * 1.5], key=len).strip()


# Containers of the header every page of a site repeats (logo, banner, top bar): whole class or
# id tokens only, so that an article's own "article-header" is not taken for the site's.
_SITE_HEADER_TOKENS = {"header", "head", "top", "logo", "banner", "masthead", "sitename", "site-name", "site_name",
                       "topbar", "top-bar", "site-header", "page-header", "logo-box", "top-box", "headbox", "head-box"}


def _in_site_header(node) -> bool:
    for ancestor in node.iterancestors():
        if ancestor.tag in ("header", "nav"):
            return True
        marks = f"{ancestor.get('class') or ''} {ancestor.get('id') or ''}".lower().split()
        if any(mark in _SITE_HEADER_TOKENS for mark in marks):
            return True
    return False


def heading(tree, site_names: tuple[str, ...] = ()) -> str | None:
    """The article's heading: never the site's name, nor a heading inside the header every page repeats."""
    names = {name for name in site_names if name}
    for xpath in (
        "//h1",
        "//*[contains(@class,'article-title') or contains(@class,'arti_title') or contains(@class,'title')]"
        "[self::h1 or self::h2 or self::h3 or self::div or self::p or self::td]",
        "//h2",
    ):
        for node in tree.xpath(xpath):
            text = _HEADING_NOISE.sub("", text_of(node))
            if 4 <= len(text) <= 120 and text not in names and not _in_site_header(node):
                return text
    return None


def breadcrumb(tree) -> str | None:
    candidates = tree.xpath(_BREADCRUMB_XPATH)
    for node in candidates:
        text = text_of(node)
        if not text or len(text) > 120:
            continue
        text = re.sub(r"^.*?(当前位置|您的位置|所在位置|当前的位置)\s*[:：]?\s*", "", text)
        parts = [p for p in _BREADCRUMB_SEP.split(text) if p and p not in ("正文", "详情", "内容")]
        if len(parts) >= 2 or (parts and "首页" not in parts[0]):
            return parts[-1]
    # Breadcrumbs that carry no class: a "当前位置：" text followed by links.
    for node in tree.xpath("//*[contains(text(),'当前位置') or contains(text(),'您的位置')]"):
        text = text_of(node.getparent() if node.getparent() is not None else node)
        text = re.sub(r"^.*?(当前位置|您的位置)\s*[:：]?\s*", "", text)
        parts = [p for p in _BREADCRUMB_SEP.split(text) if p and p not in ("正文", "详情")]
        if parts and len(text) < 120:
            return parts[-1]
    # Unmarked trails: an element of links whose text starts "首页 > …" (or "首页->…").
    for node in tree.iter("div", "p", "span", "td", "li", "nav"):
        if len(node.findall("a")) < 2:
            continue
        text = text_of(node)
        if len(text) < 120 and _BREADCRUMB_START.search(text):
            parts = [p for p in _BREADCRUMB_SEP.split(_BREADCRUMB_START.sub("", text)) if p and p not in ("正文", "详情")]
            if parts:
                return parts[-1]
    return None


def heading_before_list(tree) -> str | None:
    """The column name of a list page: the short heading just before its main list of links
    (the ul/ol/table with the most rows that hold a link)."""
    best, best_rows = None, 0
    for container in tree.iter("ul", "ol", "table", "tbody"):
        rows = sum(1 for row in container if row.tag in ("li", "tr") and row.find(".//a") is not None)
        if rows > best_rows:
            best, best_rows = container, rows
    if best is None or best_rows < 3:
        return None
    node = best
    for _ in range(5):
        for sibling in node.itersiblings(preceding=True):
            if not isinstance(sibling.tag, str):
                continue
            for candidate in sibling.iter():
                if not isinstance(candidate.tag, str) or candidate.find(".//a") is not None or candidate.tag == "a":
                    continue
                marked = candidate.tag in ("h1", "h2", "h3", "h4") or "title" in (
                    (candidate.get("class") or "") + (candidate.get("id") or "")).lower()
                text = _HEADING_NOISE.sub("", text_of(candidate))
                if marked and 2 <= len(text) <= 16:
                    return text
            break
        node = node.getparent()
        if node is None:
            return None
    return None



def main_text(tree) -> str:
    nodes = tree.xpath(_MAIN_CONTENT_XPATH)
    best = max((text_of(n) for n in nodes), key=len, default="")
    if len(best) < 40:
        body = tree.find(".//body")
        best = text_of(body if body is not None else tree)
    return best



def hidden_links(tree) -> bool:
    for node in tree.xpath("//*[@style]"):
        if _HIDDEN_STYLE.search(node.get("style", "")) and node.xpath(".//a[@href]"):
            return True
    return False

