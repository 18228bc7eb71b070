"""Page understanding: bytes and URL in, fields out; no I/O.

The spider and ``zwgk extract`` share :func:`extract_page`.  It parses the page
once and composes small readers, each in its own module:

=================  ==========================================================
``decode``         bytes → text (header, BOM, ``<meta>``, detection)
``dom``            the tree and helpers over it
``catalogue``      the 信息公开目录 header table (any CMS)
``hanweb``         Hanweb (大汉) datastore records and paging
``fields``         title, breadcrumb column, heading before a list, main text
``dates``          labelled date lines and URL date shapes (TRS, Hanweb, gov.cn)
``links``          links, the date beside each link, list-page signs
``classify``       the page type
=================  ==========================================================

Precedence, where several readers give a field (first wins):

- title: catalogue table → ``ArticleTitle`` meta → the page heading → ``<title>`` without the site name
- published: catalogue table → a labelled date near the title → ``PubDate`` meta → URL → the linking list page
- column: breadcrumb → ``ColumnName`` meta → the linking list page (list pages: their own title or heading)
- 文号: catalogue table → the lines near the title → the top of the page

The patterns follow the genre (政府网站发展指引 meta tags, TRS / Hanweb URL shapes,
"发布时间：" labels, breadcrumbs), not any particular site.
"""

from __future__ import annotations

import hashlib
import re
from urllib.parse import urlsplit
from dataclasses import asdict, dataclass, field

from lxml import etree

from core.documents import decode_html
from core.text import (
    SPAM_WORDS,
    make_date,
    normalise_doc_number,
    normalise_width,
    parse_date,
    to_simplified,
)

from .catalogue import catalogue_fields
from .classify import classify_page
from .dates import WRITTEN_LABEL, date_from_url, dateline_publication_date, labelled_publication_date
from .dom import PARSER, drop, meta, resolver, text_of
from .fields import (
    SITE_SUFFIX_SEP,
    breadcrumb,
    heading,
    heading_before_list,
    hidden_links,
    main_text,
    strip_site_suffix,
)
from .hanweb import HANWEB_RECORD
from .links import collect_links, list_item_dates, pagination_links, short_dated_rows

__all__ = ["ATTACHMENT_EXTENSIONS", "NotHTMLError", "PageInfo", "classify_page", "content_hash", "decode_html",
           "date_from_url", "extract_page"]

ATTACHMENT_EXTENSIONS = (".pdf", ".doc", ".docx", ".wps", ".xls", ".xlsx", ".et", ".ofd", ".zip", ".rar")

# How much of the page's text the date, label and 文号 readers look at: the header of an
# article sits in its first few thousand characters, body dates further down are not its own.
HEAD_CHARS = 6000
LABEL_SEARCH_CHARS = 3000
WINDOW_AFTER_TITLE = 600
WINDOW_WITHOUT_TITLE = 1500
TITLE_PROBE_CHARS = 12
# A list page: this many dated links, or month-day rows, or links making up most of the text.
MIN_DATED_LINKS = 3
MIN_SHORT_DATED_ROWS = 5
MIN_LINKS_FOR_LINK_PAGE = 5
LINK_TEXT_SHARE = 0.6
MIN_INTERPRETATION_ANCHOR = 6
# Stored titles are capped (a page may carry a whole article in <title>); the full text stays in ``text``.
MAX_TITLE = 300
# Decoded text with this share of control or replacement characters is binary, not a page.
MAX_BINARY_SHARE = 0.02


@dataclass
class PageInfo:
    title: str | None = None
    title_simplified: str | None = None
    published: str | None = None  # YYYY-MM-DD
    published_source: str | None = None  # meta | label | table | url | list
    written: str | None = None  # 成文日期 when shown
    column: str | None = None
    column_source: str | None = None
    doc_number: str | None = None
    page_type: str = "other"
    text: str = ""
    encoding: str | None = None
    file_type: str = "html"  # html, pdf, docx, xlsx, ofd, ole (doc/xls/wps), zip, unknown
    site_name: str | None = None
    site_id_code: str | None = None
    links: list[tuple[str, str]] = field(default_factory=list)  # (absolute url, anchor text)
    attachments: list[str] = field(default_factory=list)
    interpretation_links: list[str] = field(default_factory=list)
    link_dates: dict[str, str] = field(default_factory=dict)  # list pages: url -> date shown beside it
    spam: bool = False
    pagination: list[str] = field(default_factory=list)  # list pages: further pages of the same list
    extraction_error: str | None = None  # set when the page could not be understood (its bytes are kept)

    def as_dict(self) -> dict:
        return asdict(self)


class NotHTMLError(ValueError):
    """The bytes are not an HTML page."""


# Regexes, not str.translate or a per-character loop: on a 60 KB page of CJK text those cost
# ~11 ms and ~3 ms, a third of the extraction (cProfile on bench/farm.py pages, issue 9).
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_BINARY_MARK = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffd]")


def parse_html(body: bytes, content_type: str | None, encoding: str | None):
    """(tree without scripts, styles and comments; raw HTML text; encoding)."""
    html, enc = decode_html(body, content_type, encoding)
    stripped = html.lstrip()[:1024].lower()
    if "<" not in stripped or stripped.startswith("%pdf"):
        raise NotHTMLError("not an HTML page")
    sample = html[:20_000]
    if sample and len(_BINARY_MARK.findall(sample)) > MAX_BINARY_SHARE * len(sample):
        raise NotHTMLError("binary data, not an HTML page")
    # libxml2 refuses control characters in text; a browser shows nothing for them.
    if _CONTROL.search(html):
        html = _CONTROL.sub(" ", html)
    try:
        tree = etree.fromstring(html, PARSER)
    except (etree.ParserError, ValueError) as exc:
        raise NotHTMLError(f"cannot parse HTML: {exc}") from None
    if tree is None:
        raise NotHTMLError("empty document")
    for bad in tree.xpath("//script[not(@type='text/xml')] | //style | //noscript | //comment()"):
        drop(bad)
    return tree, html, enc


def _site_identity(info: PageInfo, tree, body_text: str) -> None:
    info.site_name = meta(tree, "SiteName")
    site_id = meta(tree, "SiteIDCode")
    if not site_id:
        match = re.search(r"网站标识码\s*[:：]?\s*((?:bm)?\d{8,10})", body_text)
        site_id = match.group(1) if match else None
    info.site_id_code = site_id


def _read_title(info: PageInfo, tree, catalogue: dict, article_title: str | None, html_title: str | None) -> str | None:
    """Sets the (capped) title; returns the title in full."""
    # The site's name, from its meta tag or the last part of <title>, is never an article's heading.
    site_names = (info.site_name, SITE_SUFFIX_SEP.split(html_title)[-1].strip() if html_title else None)
    title = (
        catalogue.get("title") or article_title or heading(tree, site_names)
        or (strip_site_suffix(html_title, info.site_name) if html_title else None)
    )
    title = re.sub(r"\s+", " ", title).strip() if title else None
    info.title = title[:MAX_TITLE] if title else None
    info.title_simplified = to_simplified(normalise_width(info.title)) if info.title else None
    return title


def _read_dates(info: PageInfo, tree, catalogue: dict, head: str, window: str, url: str, context: dict) -> None:
    # A visible label near the title beats a meta stamp (often a regeneration time),
    # which beats the URL, which beats the list page's date.
    for source, value in (
        ("table", parse_date(catalogue.get("published", ""))),
        ("label", labelled_publication_date(window) or labelled_publication_date(head[:LABEL_SEARCH_CHARS])),
        ("line", dateline_publication_date(window)),
        ("meta", parse_date(meta(tree, "PubDate") or meta(tree, "publishdate") or "")),
        ("url", date_from_url(url)),
        ("list", context.get("date")),
    ):
        if value:
            info.published, info.published_source = value, source
            break
    written = WRITTEN_LABEL.search(head)
    info.written = parse_date(catalogue.get("written", "")) or (make_date(*written.groups()) if written else None)
    if not info.published and catalogue.get("issued"):
        # an xxgk catalogue whose only date is 发文日期: that is the date it shows
        info.published, info.published_source = parse_date(catalogue["issued"]), "table"


def _read_links(info: PageInfo, tree, html: str, url: str) -> list:
    resolve = resolver(url)
    anchors = [a for a in tree.iter("a") if a.get("href")]
    info.links = collect_links(anchors, tree, resolve, html)
    info.link_dates = list_item_dates(anchors, resolve)
    info.attachments = [u for u, _ in info.links if u.lower().split("?")[0].endswith(ATTACHMENT_EXTENSIONS)]
    info.interpretation_links = [
        u for u, anchor in info.links
        if "解读" in to_simplified(anchor) and len(anchor) > MIN_INTERPRETATION_ANCHOR and u != url
    ]
    info.pagination = pagination_links(anchors, resolve, url, html)
    return anchors


_PAGER_TEXT = re.compile(r"共\s*\d+\s*[条页篇]|第\s*\d+\s*/\s*\d+\s*页|\d+\s*/\s*\d+\s*页|下一页|上一页|尾页|末页")
_LIST_URL = re.compile(r"/(?:index|list|default)(?:_\d+)?\.s?html?$|/col/col\d+/|/$|[?&](?:page|pageno|pageindex)=", re.I)
_HOME_PATH = re.compile(r"^/?(?:(?:index|default|main|home|portal)\.(?:s?html?|jsp|aspx?|php))?$", re.I)
MIN_HOME_LINKS = 10


def _article_signs(info: PageInfo, has_article_meta: bool) -> bool:
    """An article shows its own date under its title, or declares itself in meta tags."""
    return has_article_meta or info.published_source in ("label", "table", "line")


def _is_home(info: PageInfo, url: str, article: bool) -> bool:
    """A portal's home page: the root of its host (or its index file) with navigation, no article."""
    try:
        path = urlsplit(url).path
    except ValueError:
        return False
    return bool(_HOME_PATH.match(path)) and not article and len(info.links) >= MIN_HOME_LINKS


def _looks_like_list(info: PageInfo, anchors, html: str, meta_column: str | None, has_article_meta: bool,
                     page_text: str = "", url: str = "") -> bool:
    """Structure first: dated links, a pager, a list-shaped URL, a declared column with no article,
    or a page that is mostly links — and not itself an article with its own date line."""
    if not _article_signs(info, has_article_meta):
        # two signs of structure make a list whatever its few items are titled
        signs = (
            bool(info.pagination or _PAGER_TEXT.search(page_text[-3000:] if page_text else ""))
            + bool(_LIST_URL.search(url.split("#", 1)[0]))
            + bool(info.link_dates)
            + bool(meta_column)
        )
        if signs >= 2:
            return True
    link_text = sum(len(anchor) for _, anchor in info.links)
    is_list = (
        len(info.link_dates) >= MIN_DATED_LINKS
        or short_dated_rows(anchors) >= MIN_SHORT_DATED_ROWS
        or (meta_column and not has_article_meta)
        or (len(info.links) >= MIN_LINKS_FOR_LINK_PAGE and link_text > LINK_TEXT_SHARE * max(len(info.text), 1))
        or len(HANWEB_RECORD.findall(html)) >= MIN_DATED_LINKS  # a Hanweb datastore of records
    )
    return bool(is_list and not _article_signs(info, has_article_meta))


def extract_page(
    body: bytes,
    url: str,
    *,
    content_type: str | None = None,
    encoding: str | None = None,
    context: dict | None = None,
) -> PageInfo:
    """Understand one page.

    ``context`` carries what the list page that linked here said about it:
    ``{"column": "政策解读", "date": "2017-06-07", "anchor": "..."}``; it is used
    only where the page itself is silent.
    """
    context = context or {}
    tree, html, enc = parse_html(body, content_type, encoding)
    info = PageInfo(encoding=enc)
    body_node = tree.find(".//body")
    page_text = text_of(body_node if body_node is not None else tree)
    _site_identity(info, tree, page_text)

    catalogue = catalogue_fields(tree)
    article_title = meta(tree, "ArticleTitle")
    html_title = tree.findtext(".//title")
    html_title = re.sub(r"\s+", " ", html_title).strip() if html_title else None
    full_title = _read_title(info, tree, catalogue, article_title, html_title)

    # Dates, labels and 文号 are read from the top of the page, with full-width digits made ASCII.
    head = normalise_width(page_text[:HEAD_CHARS])
    title_at = head.find(normalise_width(info.title[:TITLE_PROBE_CHARS])) if info.title else -1
    window = (head[max(0, title_at): max(0, title_at) + WINDOW_AFTER_TITLE] if title_at >= 0
              else head[:WINDOW_WITHOUT_TITLE])
    _read_dates(info, tree, catalogue, head, window, url, context)

    meta_column = meta(tree, "ColumnName")
    crumb = breadcrumb(tree)
    for source, value in (("breadcrumb", crumb), ("meta", meta_column), ("list", context.get("column"))):
        if value:
            info.column, info.column_source = value.strip(), source
            break

    info.doc_number = (
        normalise_doc_number(catalogue.get("doc_number", ""))
        or normalise_doc_number(window) or normalise_doc_number(head[:LABEL_SEARCH_CHARS])
    )
    anchors = _read_links(info, tree, html, url)
    info.text = to_simplified(normalise_width(main_text(tree)))
    if full_title and len(full_title) > MAX_TITLE and full_title[:MAX_TITLE] not in info.text:
        info.text = to_simplified(normalise_width(full_title)) + "\n" + info.text  # the capped title's rest

    has_article_meta = bool(article_title or meta(tree, "PubDate") or catalogue.get("title"))
    if _is_home(info, url, _article_signs(info, has_article_meta)):
        info.page_type, info.published, info.published_source = "home", None, None
        return _finish(info, tree, page_text)
    is_list = _looks_like_list(info, anchors, html, meta_column, has_article_meta, page_text, url)
    info.page_type = classify_page(info.title, doc_number=info.doc_number, is_list=is_list)
    if is_list:
        _as_list_page(info, tree, html_title, crumb)
    else:
        info.pagination = []  # an article's "上一篇/下一篇" are not pages of a list
    return _finish(info, tree, page_text)


def _finish(info: PageInfo, tree, page_text: str) -> PageInfo:
    info.spam = bool(SPAM_WORDS.search(page_text) or hidden_links(tree))
    return info


def _as_list_page(info: PageInfo, tree, html_title: str | None, crumb: str | None) -> None:
    if not (html_title and SITE_SUFFIX_SEP.search(html_title)):
        info.title = info.title_simplified = None  # a list page's <title> is only the site's name
    info.published = info.published if info.published_source in ("meta", "label") else None
    info.published_source = info.published_source if info.published else None
    if not crumb:
        column_heading = heading_before_list(tree)
        if info.title or column_heading:
            info.column, info.column_source = (info.title, "title") if info.title else (column_heading, "heading")


def content_hash(text: str) -> str:
    """Hash of the normalised main text: equal for pages whose content did not change."""
    return hashlib.sha256(re.sub(r"\s+", "", text).encode("utf-8")).hexdigest()
