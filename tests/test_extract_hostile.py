"""Reading one page right when the page is hostile (issue 13): charsets, control characters,
broken hrefs, site-name headings, page types from structure, unlabelled date lines, breadcrumbs."""

from __future__ import annotations

import random

import pytest

from conftest import FIXTURES
from core.encoding import decode
from crawler.extract import NotHTMLError, extract_page
from crawler.understand import understand
from hostile_portals import _CHARSETS, SITE_NAME, _encode, _site_file

PLAN_PATH = "zwgk/201706/t20170605_3101.html"
PLAN_TITLE = "示范县人民政府办公室关于印发示范县2017年政务公开工作实施方案的通知"
URL = "http://127.0.0.1:8801/" + PLAN_PATH


@pytest.mark.parametrize("case", sorted(_CHARSETS))
@pytest.mark.parametrize("path", [PLAN_PATH, "index.html", "zwgk/index.html", "zwgk/ldfg.html"])
def test_lying_charsets_decode_to_the_right_text(case, path):
    body, content_type = _encode(_site_file(path), case)
    text, encoding = decode(body, content_type)
    assert SITE_NAME in text and "\ufffd" not in text, (case, encoding)


@pytest.mark.parametrize("case", sorted(_CHARSETS))
def test_plan_read_alike_whatever_the_charset(case):
    body, content_type = _encode(_site_file(PLAN_PATH), case)
    info = extract_page(body, URL, content_type=content_type)
    assert (info.title, info.published, info.page_type) == (PLAN_TITLE, "2017-06-05", "plan")


def test_control_characters_after_scripts_and_styles_keep_the_page():
    html = _site_file(PLAN_PATH).replace("</script>", "</script>\x0b\x00", 1).replace("</style>", "</style>\x0c\x1a")
    info = extract_page(html.encode("utf-8"), URL, content_type="text/html; charset=utf-8")
    assert info.title == PLAN_TITLE and info.page_type == "plan"


def test_broken_hrefs_are_skipped_not_fatal():
    html = _site_file("index.html").replace("<!--EXTRA-LINKS-->", '<a href="http://[fe80::1/v/">视频</a><a href="http://[">直播</a>')
    info = extract_page(html.encode("utf-8"), "http://127.0.0.1:8801/index.html")
    urls = [u for u, _ in info.links]
    assert "http://127.0.0.1:8801/zwgk/index.html" in urls and not any("[" in u for u in urls)


def test_binary_served_as_html_is_refused_and_stored_not_dropped():
    body = random.Random(13).randbytes(6000)
    with pytest.raises(NotHTMLError):
        extract_page(body, "http://127.0.0.1:8801/zwgk/sjxz.html", content_type="text/html")
    understood = understand(body, "http://127.0.0.1:8801/zwgk/sjxz.html", "text/html", {})
    assert understood.size == 6000 and understood.info.file_type != "html" and not understood.info.links


def test_a_site_name_h1_in_the_header_is_not_the_title():
    html = _site_file(PLAN_PATH).replace(
        '<div class="logo"><a href="/index.html"><img src="/images/logo.png" alt="示范县人民政府"></a></div>',
        f'<div class="logo"><h1>{SITE_NAME}</h1></div>')
    assert extract_page(html.encode("utf-8"), URL).title == PLAN_TITLE
    # even without a SiteName meta tag: the site's name is the <title>'s last part
    bare = html.replace('<meta name="SiteName" content="示范县人民政府">', "")
    assert extract_page(bare.encode("utf-8"), URL).title == PLAN_TITLE


def test_titles_are_capped_and_the_full_text_kept():
    long_title = "关于" + "某某事项" * 50_000 + "的通知"
    html = f"<html><head><title>{long_title}</title></head><body><div class='content'><p>正文内容。</p></div></body></html>"
    info = extract_page(html.encode("utf-8"), "http://127.0.0.1:8801/a/t20170605_1.html")
    assert len(info.title) <= 300 and long_title[:200] in info.text and long_title[-20:] in info.text


def test_a_column_holding_one_plan_like_item_is_a_list():
    items = '<li><a href="/zdly/201706/t20170601_1.html">关于印发示范县2017年政务公开工作实施方案的通知</a><span>2017-06-01</span></li>'
    html = (f"<html><head><meta charset='utf-8'><title>重点领域信息公开_{SITE_NAME}</title></head><body>"
            "<div class='position'>当前位置：<a href='/'>首页</a> &gt; <a href='/zdly/'>重点领域信息公开</a></div>"
            f"<div class='list-box'><div class='list-title'>重点领域信息公开</div><ul class='list'>{items}</ul>"
            "<div class='page'>共1条 第1/1页 首页 上一页 下一页 尾页</div></div></body></html>")
    info = extract_page(html.encode("utf-8"), "http://127.0.0.1:8801/zdly/index.html")
    assert info.page_type == "list" and info.column == "重点领域信息公开"


def test_the_portal_home_page_is_not_news():
    info = extract_page(_site_file("index.html").encode("utf-8"), "http://127.0.0.1:8801/index.html")
    assert info.page_type not in ("news", "plan", "policy", "notice")


@pytest.mark.parametrize("line, date", [
    ("来源：新华社 作者： 2023-12-01 14:43", "2023-12-01"),
    ("www.example.gov.cn 2005年08月16日 来源：县政府办公室", "2005-08-16"),
])
def test_unlabelled_date_lines_under_the_title(line, date):
    html = (f"<html><head><meta charset='utf-8'><title>示范县召开防汛工作会议_{SITE_NAME}</title></head><body>"
            f"<div class='article'><h2 class='title'>示范县召开防汛工作会议</h2><div class='info'>{line}</div>"
            "<div class='content'><p>会议要求各乡镇切实做好防汛准备工作，确保安全度汛。</p></div></div></body></html>")
    info = extract_page(html.encode("utf-8"), "http://127.0.0.1:8801/xwzx/show.asp?id=12")
    assert info.published == date


@pytest.mark.parametrize("separator", ["｜", "»", "→", "|"])
def test_breadcrumbs_with_other_separators(separator):
    html = (f"<html><head><meta charset='utf-8'><title>文章_{SITE_NAME}</title></head><body>"
            f"<div class='weizhi'><a href='/'>首页</a> {separator} <a href='/zwgk/'>政务公开</a> {separator} "
            "<a href='/zwgk/tzgg/'>通知公告</a></div><h2 class='title'>关于做好2017年防汛工作的通知</h2>"
            "<div class='content'><p>各乡镇人民政府：现就防汛工作通知如下。</p></div></body></html>")
    info = extract_page(html.encode("utf-8"), "http://127.0.0.1:8801/zwgk/tzgg/a.html")
    assert info.column == "通知公告"


def test_fixture_pages_are_what_the_served_cases_assume():
    """The clean site reads as intended (else the served cases prove nothing)."""
    site = FIXTURES / "hostile" / "site"
    plan = extract_page((site / PLAN_PATH).read_bytes(), URL)
    assert plan.page_type == "plan" and plan.published == "2017-06-05"
    column = extract_page((site / "zwgk" / "index.html").read_bytes(), "http://127.0.0.1:8801/zwgk/index.html")
    assert column.page_type == "list"
