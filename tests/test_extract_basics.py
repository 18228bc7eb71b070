"""Page understanding on small saved pages in the shapes real portals use."""

from __future__ import annotations

import pytest

from core.text import normalise_doc_number, parse_date
from crawler.extract import NotHTMLError, date_from_url, extract_page


def html(body: str, head: str = "", charset: str = "utf-8") -> bytes:
    return (f"<html><head><meta charset='{charset}'>{head}</head><body>{body}</body></html>").encode(
        "gbk" if charset.startswith("gb") else "utf-8"
    )


@pytest.mark.parametrize(
    "text, expected",
    [("2017-06-07", "2017-06-07"), ("2017年6月7日", "2017-06-07"), ("２０１７年０６月０７日", "2017-06-07"),
     ("二〇一七年六月七日", "2017-06-07"), ("二〇一九年十二月三十一日", "2019-12-31"), ("2020/12/31 14:29:32", "2020-12-31"),
     ("2017-02-30", None)],
)
def test_parse_date(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    "url, expected",
    [("http://a/zwgk/201706/t20170605_88.html", "2017-06-05"), ("http://a/art/2017/6/7/art_12_3301.html", "2017-06-07"),
     ("http://a/2017-06/08/content_5512.htm", "2017-06-08"), ("http://a/index.html", None)],
)
def test_date_from_url(url, expected):
    assert date_from_url(url) == expected


@pytest.mark.parametrize(
    "raw, expected",
    [("豫政办明电〔2017〕69号", "豫政办明电〔2017〕69号"), ("豫政办明电[2017]69号", "豫政办明电〔2017〕69号"),
     ("豫政办明电【2017】69号", "豫政办明电〔2017〕69号"), ("豫政办明电（2017）069号", "豫政办明电〔2017〕69号"),
     ("发文字号：晋政办发(2017〕109号", "晋政办发〔2017〕109号"), ("无", None), ("关于废止沪府办发〔1998〕8号", None)],
)
def test_normalise_doc_number(raw, expected):
    assert normalise_doc_number(raw) == expected


def test_meta_tags_win_for_title_and_column():
    page = html(
        "<h1>短标题</h1><p>发布时间：2017-06-07 10:00</p>",
        "<meta name='ArticleTitle' content='洛阳市2017年政务公开工作实施方案'>"
        "<meta name='ColumnName' content='通知公告'><meta name='PubDate' content='2017-06-07 10:00'>"
        "<meta name='SiteIDCode' content='4103000001'><title>x_通知公告_洛阳市人民政府</title>",
    )
    info = extract_page(page, "http://a/x.html")
    assert info.title == "洛阳市2017年政务公开工作实施方案"
    assert info.column == "通知公告" and info.site_id_code == "4103000001"
    assert (info.published, info.page_type) == ("2017-06-07", "plan")


def test_visible_publication_label_beats_written_date_and_regenerated_meta():
    page = html(
        "<h1>关于做好防汛工作的通知</h1><table><tr><td>成文日期：2022年01月27日</td><td>发布日期：2022年01月28日</td></tr></table>"
        "<div class='sidebar'><li><a href='/o.html'>其他</a><span>2023-01-01</span></li></div>",
        "<meta name='PubDate' content='2024-03-01 00:00'>",
    )
    info = extract_page(page, "http://a/t20220128_1.html")
    assert (info.published, info.published_source, info.written) == ("2022-01-28", "table", "2022-01-27")


def test_gbk_page_without_header_charset():
    info = extract_page(html("<h1>开封市2017年政务公开工作措施</h1><p>发布时间：2017年06月08日</p>", charset="gb2312"), "http://a/")
    assert info.title == "开封市2017年政务公开工作措施" and info.published == "2017-06-08"


def test_traditional_characters_are_matched_in_simplified():
    page = html("<h1>昆明市2017年政務公開工作要點實施方案</h1><p>發佈時間：2017-06-16</p>")
    info = extract_page(page, "http://a/")
    assert info.title_simplified == "昆明市2017年政务公开工作要点实施方案"
    assert info.published == "2017-06-16" and info.page_type == "plan"


def test_breadcrumb_column_and_list_page():
    items = "".join(f"<li><a href='/a{i}.html'>通知{i}</a><span>2017-06-0{i}</span></li>" for i in range(1, 6))
    page = html(f"<div class='position'>当前位置：首页 &gt; 政务公开 &gt; 政策解读</div><ul>{items}</ul>")
    info = extract_page(page, "http://a/zcjd/")
    assert info.column == "政策解读" and info.page_type == "list" and info.published is None
    assert info.link_dates["http://a/a3.html"] == "2017-06-03"


def test_hanweb_datastore_links_are_followed():
    page = html(
        "<script type='text/xml'><datastore><recordset><record><![CDATA[<li><a href='/art/2019/7/5/art_1_2.html'>"
        "岳塘区2019年政务公开工作措施</a></li>]]></record></recordset></datastore></script>",
        "<meta name='ColumnName' content='通知公告'>",
    )
    info = extract_page(page, "http://a/col/col1/index.html")
    assert ("http://a/art/2019/7/5/art_1_2.html", "岳塘区2019年政务公开工作措施") in info.links


def test_attachments_interpretation_links_and_spam():
    page = html(
        "<h1>关于印发某方案的通知</h1><a href='/P020170607.pdf'>附件1</a><a href='/jd/1.html'>《某方案》政策解读</a>"
        "<div style='display:none'><a href='http://casino.example/'>娱乐城</a></div>"
    )
    info = extract_page(page, "http://a/x.html")
    assert info.attachments == ["http://a/P020170607.pdf"]
    assert info.interpretation_links == ["http://a/jd/1.html"]
    assert info.spam


def test_not_html():
    with pytest.raises(NotHTMLError):
        extract_page(b"%PDF-1.4 binary", "http://a/x.pdf")


HANWEB_LIST = """<html><head><meta name="ColumnName" content="通知公告"></head><body>
<div id="4327"><script type="text/xml"><datastore><nextgroup><![CDATA[<a href="/module/web/jpage/dataproxy.jsp?page=1&amp;webid=1&amp;columnid=4327&amp;unitid=17893"></a>]]></nextgroup>
<recordset><record><![CDATA[<li><a href="/art/2019/7/5/art_4327_1.html">甲</a><span>2019-07-05</span></li>]]></record>
<record><![CDATA[<li><a href="/art/2019/7/4/art_4327_2.html">乙</a><span>2019-07-04</span></li>]]></record></recordset>
</datastore></script></div>
<script>var totalRecord = 20; new Page({perPage: 2});</script></body></html>"""


def test_hanweb_dataproxy_pages_are_generated():
    info = extract_page(HANWEB_LIST.encode(), "http://a/col/col4327/index.html")
    urls = [u for u, _ in info.links]
    assert "http://a/art/2019/7/4/art_4327_2.html" in urls
    proxies = [u for u in urls if "dataproxy.jsp" in u]
    assert proxies[0] == ("http://a/module/web/jpage/dataproxy.jsp?page=1&webid=1&columnid=4327&unitid=17893"
                          "&startrecord=3&endrecord=8&perpage=2")
    assert proxies[-1].endswith("startrecord=15&endrecord=20&perpage=2") and len(proxies) == 3


def test_dataproxy_answer_is_a_list_of_records():
    answer = ("<datastore><recordset>" + "".join(
        f"<record><![CDATA[<li><a href='/art/2019/6/{d}/art_4327_{d}.html'>通知{d}</a></li>]]></record>" for d in range(1, 7)
    ) + "</recordset></datastore>").encode()
    info = extract_page(answer, "http://a/module/web/jpage/dataproxy.jsp?startrecord=3", context={"column": "通知公告"})
    assert len(info.links) == 6 and info.page_type == "list" and info.column == "通知公告"


def test_a_title_about_the_annual_report_or_about_interpretation_work_is_not_one_itself():
    from crawler.extract.classify import classify_page

    def typed(title):
        return classify_page(title, doc_number=None, is_list=False)

    assert typed("某县人民政府2031年政府信息公开工作年度报告") == "annual_report"
    assert typed("2031年度政府信息公开年报（全文）") == "annual_report"
    assert typed("某县召开2031年度政府信息公开工作年报编制和发布部署会") == "news"  # a meeting about the report
    assert typed("关于做好2031年政府信息公开工作年度报告编制发布工作的通知") == "policy"
    assert typed("某区人民政府办公室关于印发某区政策文件解读工作实施办法的通知") == "policy"  # rules on interpreting
    assert typed("《关于促进消费的若干措施》政策解读") == "interpretation"
