"""Page understanding: bytes and URL in, fields out.

This module is the single entry point that the spider and ``zwgk extract``
share.  It does no I/O.  :func:`extract_page` returns a :class:`PageInfo`
with the title, publication date (and which source gave it), column,
document number (文号), page type, main text, links and attachments.

The patterns follow the genre (政府网站发展指引 meta tags, TRS / Hanweb URL
shapes, "发布时间：" labels, breadcrumbs), not any particular site.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from html import unescape as html_unescape
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from urllib.parse import urldefrag, urljoin, urlsplit

from lxml import etree
from w3lib.encoding import html_to_unicode

ATTACHMENT_EXTENSIONS = (".pdf", ".doc", ".docx", ".wps", ".xls", ".xlsx", ".et", ".ofd", ".zip", ".rar")


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

    def as_dict(self) -> dict:
        return asdict(self)


class NotHTMLError(ValueError):
    """The bytes are not an HTML page."""


# -- text normalisation ---------------------------------------------------------------

_FULLWIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_FULLWIDTH[0x3000] = 0x20  # ideographic space


def normalise_width(text: str) -> str:
    """Full-width ASCII forms (２０１７，：) to half-width; keeps 〔〕 and CJK punctuation."""
    return text.translate(_FULLWIDTH)


@lru_cache(maxsize=1)
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Traditional → simplified characters (OpenCC t2s)."""
    return _t2s().convert(text) if text else text


# -- decoding -------------------------------------------------------------------------


def decode_html(body: bytes, content_type: str | None = None, encoding: str | None = None) -> tuple[str, str]:
    """Decode page bytes; returns (text, encoding).

    Order: an explicit ``encoding``, the HTTP header, a BOM, the ``<meta>``
    declaration, then detection.  gb2312 and gbk are read as gb18030 (a
    superset) so rare characters survive.
    """
    if encoding:
        enc = encoding.lower()
        if enc in ("gb2312", "gbk", "gb_2312-80"):
            enc = "gb18030"
        return body.decode(enc, errors="replace"), enc

    def auto_detect(data: bytes) -> str | None:
        for candidate in ("utf-8", "gb18030", "big5"):
            try:
                data.decode(candidate)
                return candidate
            except UnicodeDecodeError:
                continue
        return None

    enc, text = html_to_unicode(content_type, body, auto_detect_fun=auto_detect)
    return text, enc


# -- dates ----------------------------------------------------------------------------

_CN_DIGITS = {"〇": "0", "○": "0", "零": "0", "Ｏ": "0", "O": "0", "一": "1", "二": "2", "三": "3", "四": "4",
              "五": "5", "六": "6", "七": "7", "八": "8", "九": "9"}

_DATE = r"((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?"
_DATE_RE = re.compile(_DATE)
_CN_DATE_RE = re.compile(r"([〇○零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日")

# Labels that name the publication date, and labels that name other dates.
_PUB_LABEL = re.compile(
    r"(发布时间|发布日期|公开日期|发稿时间|发表时间|上传时间|信息时间|發佈時間|發布時間|發佈日期|發布日期|公開日期|時間|时间|日期)"
    r"\s*[:：]?\s*\]?\s*" + _DATE
)
_NOT_PUB_LABELS = ("成文", "生成", "更新", "修改", "打印", "访问", "截止", "实施", "有效", "印发", "统计", "登记",
                   "訪問", "實施", "印發", "統計", "登記")
_WRITTEN_LABEL = re.compile(r"成文日期\s*[:：]?\s*" + _DATE)

_URL_DATES = [
    re.compile(r"/t((?:19|20)\d{2})(\d{2})(\d{2})_\d+"),  # TRS: t20170605_88.html
    re.compile(r"/art/((?:19|20)\d{2})/(\d{1,2})/(\d{1,2})/art_"),  # Hanweb
    re.compile(r"/((?:19|20)\d{2})-(\d{2})/(\d{2})/content_"),  # /2017-06/08/content_5512.htm
    re.compile(r"/((?:19|20)\d{2})(\d{2})(\d{2})/[^/]*\.s?html?$"),
    re.compile(r"/((?:19|20)\d{2})-(\d{1,2})-(\d{1,2})/"),
]


def _cn_number(text: str) -> int:
    """Chinese numeral up to 99 (十二, 二十一, 三十)."""
    if "十" in text:
        tens, _, units = text.partition("十")
        return int(_CN_DIGITS.get(tens, "1") if tens else 1) * 10 + (int(_CN_DIGITS[units]) if units else 0)
    return int(_CN_DIGITS[text])


def make_date(year, month, day) -> str | None:
    try:
        return dt.date(int(year), int(month), int(day)).isoformat()
    except (ValueError, TypeError):
        return None


_ANY_DIGIT = re.compile(r"[0-9０-９〇○零一二三四五六七八九]")
_FULLWIDTH_DIGIT = re.compile(r"[０-９]")


def parse_date(text: str) -> str | None:
    """First date in ``text`` as YYYY-MM-DD (2017-06-07, 2017年6月7日, 二〇一七年六月七日, full-width forms)."""
    if _FULLWIDTH_DIGIT.search(text):
        text = normalise_width(text)
    match = _DATE_RE.search(text)
    if match:
        return make_date(*match.groups())
    match = _CN_DATE_RE.search(text)
    if match:
        year = "".join(_CN_DIGITS[c] for c in match.group(1))
        return make_date(year, _cn_number(match.group(2)), _cn_number(match.group(3)))
    return None


def date_from_url(url: str) -> str | None:
    for pattern in _URL_DATES:
        match = pattern.search(url)
        if match:
            found = make_date(*match.groups())
            if found:
                return found
    return None


def _labelled_publication_date(text: str) -> str | None:
    for match in _PUB_LABEL.finditer(text):
        before = text[max(0, match.start() - 3) : match.start()]
        if any(word in before + match.group(1) for word in _NOT_PUB_LABELS):
            continue
        found = make_date(match.group(2), match.group(3), match.group(4))
        if found:
            return found
    return None


# -- document numbers -------------------------------------------------------------------

_DOC_NUMBER_RE = re.compile(
    r"([\u4e00-\u9fff]{1,20})\s*"
    r"[〔\[【（(［﹝]\s*((?:19|20)\d{2})\s*[〕\]】）)］﹞]\s*(?:第\s*(\d{1,4})\s*号|号\s*(\d{1,4})|(\d{1,4})\s*(?:号|$))"
)
_DOC_LABEL = re.compile(r"^.*?(发文字号|发文文号|文号|字号)")


_ORDER_NUMBER_RE = re.compile(r"([\u4e00-\u9fff]{1,20}令)\s*第\s*(\d{1,5})\s*号")
# 国家税务总局公告2019年第44号, 农业农村部2019年第4号, 上海市人民政府令2018年第8号
_YEAR_NUMBER_RE = re.compile(r"([\u4e00-\u9fff]{2,20}?)\s*((?:19|20)\d{2})\s*年\s*第\s*(\d{1,4})\s*号")
# An issuer cut by a scraper starts in the middle of a name (号市人大…, 共和国财政部…, 市地方税务局…).
_CUT_ISSUER = re.compile(r"^(号|市(?!场)|省(?!委)|县|区|和|共和国|人民代表大会|业和|公告$|令$)")
_SENTENCE_WORDS = re.compile(r"关于|落实|贯彻|转发|废止|^据|^根据|^依据|发布$|印发$")
_PLACEHOLDER_ISSUERS = {"其他", "其它", "无", "暂无"}


def normalise_doc_number(raw: str) -> str | None:
    """豫政办明电[2017]69号 / 【】/（）variants → 豫政办明电〔2017〕69号; 国令第707号; 国家税务总局公告2019年第44号.

    None when the text holds no document number of its own.
    """
    if not raw or "号" not in raw:
        return None
    text = normalise_width(re.sub(r"[\u200b-\u200d\u2060\ufeff]+", "", raw or ""))
    bracketed = _bracketed_number(text)
    if bracketed:
        return bracketed
    compact = re.sub(r"\s+", "", text)
    match = _YEAR_NUMBER_RE.search(compact)
    if match:
        org = _DOC_LABEL.sub("", match.group(1))
        if _CUT_ISSUER.search(org) or _SENTENCE_WORDS.search(org):
            return None
        return f"{org}{match.group(2)}年第{int(match.group(3))}号"
    match = _ORDER_NUMBER_RE.search(compact)
    if match:
        org = _DOC_LABEL.sub("", match.group(1))
        if not re.search(r"关于|落实|贯彻|转发|废止", org):
            return f"{org}第{int(match.group(2))}号"
    return None


def _bracketed_number(text: str) -> str | None:
    for match in _DOC_NUMBER_RE.finditer(text):
        org = _DOC_LABEL.sub("", match.group(1))
        if match.start() > 0 and text[match.start() - 1].isdigit() and org.startswith("日"):
            org = org[1:]  # "2017年6月5日某政办〔2017〕3号": the 日 closes a date
        org = re.sub(r"^.*(?:的通知|的批复|的通告|的意见|通知)", "", org)
        if re.search(r"关于|落实|贯彻|转发|废止", org) or not org:
            continue  # a title citing another document
        if org in _PLACEHOLDER_ISSUERS:
            return None
        number = match.group(3) or match.group(4) or match.group(5)
        return f"{org}〔{match.group(2)}〕{int(number)}号"
    return None


# -- page types ---------------------------------------------------------------------------

_TYPE_PATTERNS = [
    ("interpretation", re.compile(r"解读|图解|一图读懂|答记者问|政策问答")),
    ("annual_report", re.compile(r"(信息公开|政务公开).{0,6}(年度报告|年报)|年度报告|工作年报")),
    ("progress_report", re.compile(r"落实情况|进展情况|完成情况|推进情况|执行情况")),
    ("plan", re.compile(r"实施方案|工作方案|工作措施|分工方案|工作要点|任务分解|责任分工|试点方案")),
    ("statistics", re.compile(r"统计公报|统计数据|统计月报")),
    ("policy", re.compile(r"(通知|意见|决定|办法|规定|通告|批复|复函|答复|通报|条例|细则|规划|预案|令)$")),
    ("notice", re.compile(r"公示|公告|招聘|征求意见|启事|通知")),
]


_GUIDE = re.compile(r"公开指南|公开制度|公开目录|依申请公开$")


def classify_page(title: str | None, *, doc_number: str | None, is_list: bool) -> str:
    """One of policy, interpretation, plan, annual_report, progress_report, statistics, notice, news, list, other."""
    if title and _GUIDE.search(title) and not doc_number:
        return "other"
    if is_list:
        return "list"
    if not title:
        return "other"
    simplified = to_simplified(title)
    for page_type, pattern in _TYPE_PATTERNS:
        if pattern.search(simplified):
            if page_type == "notice" and doc_number:
                return "policy"
            return page_type
    if doc_number:
        return "policy"
    return "news"


# -- HTML helpers -----------------------------------------------------------------------

_MAIN_CONTENT_XPATH = (
    "//div[contains(@class,'TRS_Editor')] | //div[@id='zoom'] | //div[@id='UCAP-CONTENT']"
    " | //div[contains(@class,'article-content')] | //div[contains(@class,'pages_content')]"
    " | //div[@id='content'] | //div[contains(@class,'content')] | //article"
)
_BREADCRUMB_XPATH = (
    "//*[contains(@class,'crumb') or contains(@class,'position') or contains(@class,'location')"
    " or contains(@class,'dqwz') or contains(@id,'crumb') or contains(@id,'position')]"
)
_BREADCRUMB_SEP = re.compile(r"\s*(?:->|>>|>|›|»|→|/|＞|>|\\)\s*")
_BREADCRUMB_START = re.compile(r"^\s*(?:当前位置|您的位置|您现在的位置|所在位置|当前的位置)?\s*[:：]?\s*(?:网站首页|首页|主页)\s*(?:->|>>|>|›|»|→|/|＞)")
_HEADING_NOISE = re.compile(r"\s*(更多\s*>*|more\s*>*|MORE\s*>*|>>)\s*$")
_SITE_SUFFIX_SEP = re.compile(r"\s*(?:_|\||—|－|-{1,2}| - )\s*")
_SPAM_WORDS = re.compile(
    r"博彩|赌场|娱乐城|百家乐|六合彩|时时彩|老虎机|彩票投注|体育投注|真人娱乐|棋牌游戏|澳门威尼斯人|葡京|"
    r"投资理财_理财|股票配资|网赚|代开发票|私服|外挂"
)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden|left\s*:\s*-\d{3,}px|top\s*:\s*-\d{3,}px")
_HANWEB_RECORD_LINK = re.compile(r"""<a\s[^>]*href\s*=\s*['"]?([^'" >]+)['"]?[^>]*>(.*?)</a>""", re.S | re.I)


def _raw_text(node) -> str:
    # itertext on plain lxml.etree elements: lxml.html's element classes cost a lookup per node
    return "".join(node.itertext()) if node is not None else ""


def _text(node) -> str:
    return re.sub(r"\s+", " ", _raw_text(node)).strip()


def _meta(tree, name: str) -> str | None:
    for node in tree.iterfind(".//meta"):
        if (node.get("name") or node.get("http-equiv") or "").lower() == name.lower():
            value = (node.get("content") or "").strip()
            if value:
                return value
    return None


def _strip_site_suffix(title: str, site_name: str | None) -> str:
    parts = [p for p in _SITE_SUFFIX_SEP.split(title) if p]
    if len(parts) <= 1:
        return title.strip()
    # The document title is the longest leading part; site and column names follow.
    if site_name and parts[0] == site_name:
        parts = parts[1:]
    return max(parts[:1] + [p for p in parts if len(p) > len(parts[0]) * 1.5], key=len).strip()


def _heading(tree) -> str | None:
    for xpath in (
        "//h1",
        "//*[contains(@class,'article-title') or contains(@class,'arti_title') or contains(@class,'title')]"
        "[self::h1 or self::h2 or self::h3 or self::div or self::p or self::td]",
        "//h2",
    ):
        for node in tree.xpath(xpath):
            text = _HEADING_NOISE.sub("", _text(node))
            if 4 <= len(text) <= 120:
                return text
    return None


def _breadcrumb(tree) -> str | None:
    candidates = tree.xpath(_BREADCRUMB_XPATH)
    for node in candidates:
        text = _text(node)
        if not text or len(text) > 120:
            continue
        text = re.sub(r"^.*?(当前位置|您的位置|所在位置|当前的位置)\s*[:：]?\s*", "", text)
        parts = [p for p in _BREADCRUMB_SEP.split(text) if p and p not in ("正文", "详情", "内容")]
        if len(parts) >= 2 or (parts and "首页" not in parts[0]):
            return parts[-1]
    # Breadcrumbs that carry no class: a "当前位置：" text followed by links.
    for node in tree.xpath("//*[contains(text(),'当前位置') or contains(text(),'您的位置')]"):
        text = _text(node.getparent() if node.getparent() is not None else node)
        text = re.sub(r"^.*?(当前位置|您的位置)\s*[:：]?\s*", "", text)
        parts = [p for p in _BREADCRUMB_SEP.split(text) if p and p not in ("正文", "详情")]
        if parts and len(text) < 120:
            return parts[-1]
    # Unmarked trails: an element of links whose text starts "首页 > …" (or "首页->…").
    for node in tree.iter("div", "p", "span", "td", "li", "nav"):
        if len(node.findall("a")) < 2:
            continue
        text = _text(node)
        if len(text) < 120 and _BREADCRUMB_START.search(text):
            parts = [p for p in _BREADCRUMB_SEP.split(_BREADCRUMB_START.sub("", text)) if p and p not in ("正文", "详情")]
            if parts:
                return parts[-1]
    return None


def _heading_before_list(tree) -> str | None:
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
                text = _HEADING_NOISE.sub("", _text(candidate))
                if marked and 2 <= len(text) <= 16:
                    return text
            break
        node = node.getparent()
        if node is None:
            return None
    return None


_PARSER = etree.HTMLParser(remove_comments=False, remove_pis=True)

# Labels of the 信息公开 catalogue header (索引号 / 发文机关 / 成文日期 / 标题 / 发文字号 / 发布日期 …)
_CATALOGUE_LABELS = {
    "标题": "title", "名称": "title", "文件名称": "title", "信息名称": "title", "文件标题": "title",
    "发布日期": "published", "公开日期": "published", "发布时间": "published", "公开时间": "published",
    "成文日期": "written", "发文日期": "issued", "生成日期": "generated",
    "发文字号": "doc_number", "文号": "doc_number", "发文文号": "doc_number",
    "发文机关": "issuer", "发布机构": "issuer", "发文单位": "issuer", "公开机构": "issuer",
    "索引号": "index_no", "主题分类": "category", "分类": "category",
}
_LABEL_CLEAN = re.compile(r"[\s\u3000:：]+")


def _catalogue_fields(tree) -> dict[str, str]:
    """Fields of the catalogue header table: a label cell followed by its value cell, or
    "label：value" in one cell."""
    fields: dict[str, str] = {}
    for cell in tree.iter("td", "th", "dt", "span", "b", "strong", "label", "li", "p", "div"):
        raw = _raw_text(cell)
        if len(raw) > 60:
            continue
        label = _LABEL_CLEAN.sub("", raw)
        key = _CATALOGUE_LABELS.get(label)
        value = ""
        if key:
            following = cell.getnext()
            if following is None and cell.getparent() is not None and cell.getparent().tag in ("td", "th", "dt"):
                following = cell.getparent().getnext()  # <td><b>标题：</b></td><td>…</td>
            value = _text(following) if following is not None else (cell.tail or "").strip()
            if _LABEL_CLEAN.sub("", value) in _CATALOGUE_LABELS:
                continue  # a header row of a list table: labels follow labels
        else:
            match = re.match(r"^\s*([\u4e00-\u9fff\u3000 ]{2,8}?)\s*[:：]\s*(.+)$", raw, re.S)
            if match and cell.tag in ("td", "li", "span", "p"):
                key = _CATALOGUE_LABELS.get(_LABEL_CLEAN.sub("", match.group(1)))
                value = re.sub(r"\s+", " ", match.group(2)).strip()
        if key and value and key not in fields and len(value) < 200:
            fields[key] = value
    return fields


def _drop(node) -> None:
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


def _main_text(tree) -> str:
    nodes = tree.xpath(_MAIN_CONTENT_XPATH)
    best = max((_text(n) for n in nodes), key=len, default="")
    if len(best) < 40:
        body = tree.find(".//body")
        best = _text(body if body is not None else tree)
    return best


_ROW_TAGS = {"li", "tr", "dd"}


def _list_item_dates(anchors, resolve) -> dict[str, str]:
    """On list pages, the date printed beside each link: in the li, tr or dd row that holds
    the link and no other."""
    dates: dict[str, str] = {}
    rows: dict = {}
    for anchor in anchors:
        row = anchor.getparent()
        for _ in range(3):
            if row is None or row.tag in _ROW_TAGS:
                break
            row = row.getparent()
        if row is None or row.tag not in _ROW_TAGS:
            continue
        rows.setdefault(row, []).append(anchor)
    for row, row_anchors in rows.items():
        if len(row_anchors) != 1:
            continue
        text = _raw_text(row)
        if not _ANY_DIGIT.search(text):
            continue
        found = parse_date(text)
        if found:
            url = resolve(row_anchors[0].get("href"))
            if url:
                dates[url] = found
    return dates


_SHORT_DATE = re.compile(r"(?<![\d-])(0?[1-9]|1[0-2])[-/.](0?[1-9]|[12]\d|3[01])\s*\]?\s*$")


def _short_dated_rows(anchors) -> int:
    """Rows that end with a month-day date (list pages that print "07-06" and keep the year elsewhere)."""
    count = 0
    for anchor in anchors:
        row = anchor.getparent()
        if row is not None and row.tag != "li":
            row = row.getparent()
        if row is not None and row.tag == "li" and _SHORT_DATE.search(_raw_text(row)):
            count += 1
    return count


def _hidden_links(tree) -> bool:
    for node in tree.xpath("//*[@style]"):
        if _HIDDEN_STYLE.search(node.get("style", "")) and node.xpath(".//a[@href]"):
            return True
    return False


def _resolver(base_url: str):
    """href → absolute URL without fragment (None for javascript:, mailto: …), cached per page."""
    parts = urlsplit(base_url)
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
            url = urldefrag(urljoin(base_url, raw))[0]
            if not url.startswith(("http://", "https://")):
                url = None
        cache[href] = url
        return url

    return resolve


_HANWEB_NEXTGROUP = re.compile(r"<nextgroup>\s*<!\[CDATA\[\s*<a[^>]+href\s*=\s*['\"]?([^'\" >]+)", re.I)
_HANWEB_TOTAL = re.compile(r"<totalrecord>\s*(\d+)|totalRecord\s*[=:]\s*(\d+)", re.I)
_HANWEB_PERPAGE = re.compile(r"perpage\s*[=:]\s*['\"]?(\d+)", re.I)
_HANWEB_RECORD = re.compile(r"<record>", re.I)


def hanweb_links(raw_html: str) -> list[tuple[str, str]]:
    """Links of a Hanweb (大汉) datastore: its records, and dataproxy.jsp URLs for the records
    after those shown (startrecord/endrecord/perpage, three pages per request as jpage.js asks)."""
    start = raw_html.find("<datastore")
    end = raw_html.find("</datastore>", start)
    block = raw_html[start : end if end > 0 else len(raw_html)]
    links = [(href, anchor) for href, anchor in _HANWEB_RECORD_LINK.findall(block) if "dataproxy" not in href]
    nextgroup = _HANWEB_NEXTGROUP.search(block)
    total = _HANWEB_TOTAL.search(raw_html)
    if nextgroup and total:
        base = html_unescape(nextgroup.group(1))
        total_records = int(total.group(1) or total.group(2))
        perpage_match = _HANWEB_PERPAGE.search(raw_html)
        perpage = int(perpage_match.group(1)) if perpage_match else 15
        shown = len(_HANWEB_RECORD.findall(block)) or perpage
        joiner = "&" if "?" in base else "?"
        for first in range(shown + 1, min(total_records, 5000) + 1, perpage * 3):
            last = min(first + perpage * 3 - 1, total_records)
            links.append((f"{base}{joiner}startrecord={first}&endrecord={last}&perpage={perpage}", ""))
    return links


def _collect_links(anchors, tree, resolve, raw_html: str) -> list[tuple[str, str]]:
    seen: dict[str, str] = {}
    for node in anchors:
        url = resolve(node.get("href"))
        if url is None:
            continue
        anchor = re.sub(r"\s+", " ", _raw_text(node)).strip()
        full = (node.get("title") or "").strip()
        if full and (not anchor or anchor.endswith(("...", "…", "..")) or len(full) > len(anchor)):
            anchor = full  # list pages cut long titles and keep them whole in title=""
        anchor = anchor[:200]
        if url not in seen or (anchor and not seen[url]):
            seen[url] = anchor
    # Hanweb list pages keep their records inside <script type="text/xml"> CDATA, and page
    # through dataproxy.jsp; neither is in the DOM.
    if "<datastore" in raw_html:
        for href, anchor in hanweb_links(raw_html):
            url = resolve(href)
            if url:
                seen.setdefault(url, re.sub(r"<[^>]+>|\s+", "", anchor)[:200])
    return list(seen.items())


# -- the entry point ----------------------------------------------------------------------


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
    html, enc = decode_html(body, content_type, encoding)
    stripped = html.lstrip()[:1024].lower()
    if "<" not in stripped or stripped.startswith("%pdf"):
        raise NotHTMLError("not an HTML page")
    try:
        tree = etree.fromstring(html, _PARSER)
    except (etree.ParserError, ValueError) as exc:
        raise NotHTMLError(f"cannot parse HTML: {exc}") from None
    if tree is None:
        raise NotHTMLError("empty document")
    for bad in tree.xpath("//script[not(@type='text/xml')] | //style | //noscript | //comment()"):
        _drop(bad)

    info = PageInfo(encoding=enc)
    info.site_name = _meta(tree, "SiteName")
    site_id = _meta(tree, "SiteIDCode")
    if not site_id:
        match = re.search(r"网站标识码\s*[:：]?\s*((?:bm)?\d{8,10})", _text(tree.find(".//body")) if tree.find(".//body") is not None else "")
        site_id = match.group(1) if match else None
    info.site_id_code = site_id

    catalogue = _catalogue_fields(tree)
    article_title = _meta(tree, "ArticleTitle")
    html_title = tree.findtext(".//title")
    html_title = re.sub(r"\s+", " ", html_title).strip() if html_title else None
    title = (
        catalogue.get("title") or article_title or _heading(tree)
        or (_strip_site_suffix(html_title, info.site_name) if html_title else None)
    )
    info.title = title or None
    info.title_simplified = to_simplified(normalise_width(info.title)) if info.title else None

    body_node = tree.find(".//body")
    page_text = _text(body_node if body_node is not None else tree)
    # Dates, labels and 文号 are read from the top of the page, with full-width digits made ASCII.
    head = normalise_width(page_text[:6000])

    # Publication date: a visible label near the title beats a meta stamp (often a
    # regeneration time), which beats the URL, which beats the list page's date.
    title_at = head.find(normalise_width(info.title[:12])) if info.title else -1
    window = head[max(0, title_at) : max(0, title_at) + 600] if title_at >= 0 else head[:1500]
    for source, value in (
        ("table", parse_date(catalogue.get("published", ""))),
        ("label", _labelled_publication_date(window) or _labelled_publication_date(head[:3000])),
        ("meta", parse_date(_meta(tree, "PubDate") or _meta(tree, "publishdate") or "")),
        ("url", date_from_url(url)),
        ("list", context.get("date")),
    ):
        if value:
            info.published, info.published_source = value, source
            break
    written = _WRITTEN_LABEL.search(head)
    info.written = parse_date(catalogue.get("written", "")) or (make_date(*written.groups()) if written else None)
    if not info.published and catalogue.get("issued"):
        # an xxgk catalogue whose only date is 发文日期: that is the date it shows
        info.published, info.published_source = parse_date(catalogue["issued"]), "table"

    meta_column = _meta(tree, "ColumnName")
    crumb = _breadcrumb(tree)
    for source, value in (("breadcrumb", crumb), ("meta", meta_column), ("list", context.get("column"))):
        if value:
            info.column, info.column_source = value.strip(), source
            break

    info.doc_number = (
        normalise_doc_number(catalogue.get("doc_number", ""))
        or normalise_doc_number(window) or normalise_doc_number(head[:3000])
    )

    resolve = _resolver(url)
    anchors = [a for a in tree.iter("a") if a.get("href")]
    info.links = _collect_links(anchors, tree, resolve, html)
    info.link_dates = _list_item_dates(anchors, resolve)
    info.attachments = [u for u, _ in info.links if u.lower().split("?")[0].endswith(ATTACHMENT_EXTENSIONS)]
    info.interpretation_links = [
        u for u, anchor in info.links if "解读" in to_simplified(anchor) and len(anchor) > 6 and u != url
    ]

    info.text = to_simplified(normalise_width(_main_text(tree)))
    has_article_meta = bool(article_title or _meta(tree, "PubDate") or catalogue.get("title"))
    link_text = sum(len(anchor) for _, anchor in info.links)
    # A list page: dated links, a declared column with no article, or a page that is
    # mostly links — and not itself an article with a labelled date.
    is_list = (
        len(info.link_dates) >= 3
        or _short_dated_rows(anchors) >= 5
        or (meta_column and not has_article_meta)
        or (len(info.links) >= 5 and link_text > 0.6 * max(len(info.text), 1))
        or len(_HANWEB_RECORD.findall(html)) >= 3  # a Hanweb datastore of records
    )
    is_list = is_list and not has_article_meta and info.published_source not in ("label", "table")
    info.page_type = classify_page(info.title, doc_number=info.doc_number, is_list=is_list)
    if is_list and not (html_title and _SITE_SUFFIX_SEP.search(html_title)):
        info.title = info.title_simplified = None  # a list page's <title> is only the site's name
    if is_list:
        info.published = info.published if info.published_source in ("meta", "label") else None
        info.published_source = info.published_source if info.published else None
        if not crumb:
            heading = _heading_before_list(tree)
            if info.title or heading:
                info.column, info.column_source = (info.title, "title") if info.title else (heading, "heading")
    info.spam = bool(_SPAM_WORDS.search(page_text) or _hidden_links(tree))
    return info


def content_hash(text: str) -> str:
    """Hash of the normalised main text: equal for pages whose content did not change."""
    return hashlib.sha256(re.sub(r"\s+", "", text).encode("utf-8")).hexdigest()
