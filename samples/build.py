"""Build the bundled sample portals (samples/portals/) from the specs below.

Each portal imitates a real family of Chinese government sites:

* ``trs``    — TRS WCM: 政府网站发展指引 meta tags (SiteName, ColumnName, ArticleTitle,
               PubDate), /col/YYYYMM/tYYYYMMDD_id.html, div.TRS_Editor, paginated index_N.html
* ``plain``  — an older county-style site in GBK: tables, no meta tags, only a visible
               "发布时间：YYYY年MM月DD日", breadcrumb "您的位置：首页 >> …"
* ``hanweb`` — Hanweb JCMS: /col/colNNN/index.html whose records sit in
               <script type="text/xml"><datastore> CDATA, articles /art/YYYY/M/D/art_col_id.html
* ``trad``   — a TRS-like site shown in traditional characters ("發佈時間：")

Every sample was built to show one outcome; samples/expected.yaml states them
and tests/test_demo_audit.py checks that the audit finds exactly those.

Run ``python samples/build.py`` after editing; the output is committed.
"""

from __future__ import annotations

import html
import shutil
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent / "portals"
PER_PAGE = 8


@dataclass
class Article:
    title: str
    date: str  # YYYY-MM-DD
    column: str  # column key
    body: str = ""
    doc_number: str | None = None
    links: list[tuple[str, str]] = field(default_factory=list)  # (title of another article, anchor)
    id: int = 0
    path: str = ""


@dataclass
class Column:
    key: str
    name: str
    parent: str | None = None  # breadcrumb parent name
    id: int = 0


@dataclass
class Site:
    id: str
    name: str
    template: str
    encoding: str
    columns: list[Column]
    articles: list[Article]
    site_code: str
    injected_spam: bool = False  # a hidden link (暗链) planted in the home page


FILLER = (
    "为深入贯彻落实党中央、国务院决策部署，进一步提升政府工作透明度，现将有关事项通知如下。"
    "各单位要高度重视，加强组织领导，明确责任分工，确保各项任务落到实处。"
)

# Neutral bodies for the topic disclosures (written for the samples, not taken from any portal).
SPOT_CHECK = ("根据年度抽查计划，随机抽取检查对象、随机选派检查人员，对本地生产销售的部分产品开展监督抽查。"
              "本次共抽查企业20家、产品20批次，合格18批次，不合格产品已依法处理。抽查结果见附件。")
BUDGET = "按照预算法和预决算公开的有关规定，现将收支情况公开如下：一、部门职责及机构设置；二、收支总体情况；三、“三公”经费情况。"
ANNUAL_REPORT = ("本报告依据《中华人民共和国政府信息公开条例》编制。一、总体情况 二、主动公开政府信息情况 "
                 "三、收到和处理政府信息公开申请情况 四、政府信息公开行政复议、行政诉讼情况 五、存在的主要问题及改进情况 六、其他需要报告的事项")
FUNCTIONS = "主要职责：贯彻执行上级决定，负责本区经济社会事务的管理。内设机构：办公室、发展和改革局等。办公地址、办公时间、联系电话见下。"
GUIDE = "为便于公民、法人和其他组织获取政府信息，编制本指南。一、主动公开 二、依申请公开 三、监督方式"
REPLY = "您提出的提案收悉，现答复如下：经研究，我们已会同有关部门采取措施加以落实。感谢您对我区工作的关心和支持。"


def news(site_name: str, n: int, column: str, year: int, month: int = 3) -> list[Article]:
    topics = ["召开全体会议", "开展安全生产大检查", "推进重点项目建设", "召开经济运行分析会", "部署防汛工作",
              "开展植树造林活动", "召开优化营商环境推进会", "推进脱贫攻坚工作", "开展扫黑除恶专项行动",
              "举办招商引资推介会", "召开环境保护工作会议", "部署秋冬季大气污染防治"]
    result = []
    for i in range(n):
        day = 1 + (i * 3) % 27
        result.append(Article(f"{site_name}{topics[i % len(topics)]}", f"{year}-{month + i // 9:02d}-{day:02d}", column,
                              body=f"{site_name}{topics[i % len(topics)]}。{FILLER}"))
    return result


def sites() -> list[Site]:
    henan_notice = "河南省人民政府办公厅关于明确2017年政务公开工作责任分工的通知"
    return [
        Site(
            "luoyang", "洛阳市人民政府", "trs", "utf-8",
            [Column("zwgk", "政务公开"), Column("tzgg", "通知公告", "政务公开"), Column("zcwj", "政策文件", "政务公开"),
             Column("zcjd", "政策解读", "政务公开"), Column("sjsgk", "双随机一公开", "政务公开"), Column("ywdt", "要闻动态")],
            [
                # Plan on the last day of the deadline: 10 working days after 2017-05-23 is 2017-06-07
                # only because Saturday 2017-05-27 was a make-up workday (a weekday count says 06-06).
                Article("洛阳市人民政府办公室关于印发洛阳市2017年政务公开工作实施方案的通知", "2017-06-07", "tzgg",
                        doc_number="洛政办〔2017〕52号",
                        body="各县（市、区）人民政府，市人民政府各部门：《洛阳市2017年政务公开工作实施方案》已经市政府同意，现印发给你们，请认真贯彻执行。"),
                Article(henan_notice, "2017-05-25", "tzgg", doc_number="豫政办明电〔2017〕69号",
                        body="（转载）各省辖市、省直管县(市)人民政府,省人民政府各部门：" + FILLER),
                *news("洛阳市", 12, "tzgg", 2017, 4),
                Article("洛阳市人民政府关于进一步加强城市管理工作的意见", "2017-04-18", "zcwj", doc_number="洛政〔2017〕18号",
                        body=FILLER),
                *news("洛阳市", 6, "ywdt", 2017, 5),
                # A topic disclosure (henan-2017-t13, 产品质量): a 双随机 spot-check result.  Kaifeng publishes
                # the same kind of page, so the two cities still differ only by their plan.
                Article("洛阳市2017年产品质量“双随机”监督抽查结果公告", "2017-08-15", "sjsgk", body=SPOT_CHECK),
            ],
            "4103000001",
        ),
        Site(
            "kaifeng", "开封市人民政府", "plain", "gbk",
            [Column("tzgg", "通知公告"), Column("zwdt", "政务动态")],
            [
                # One working day late: the deadline is 2017-06-07.
                Article("开封市人民政府办公室关于印发开封市2017年政务公开工作措施的通知", "2017-06-08", "tzgg",
                        doc_number="汴政办〔2017〕40号", body="各县区人民政府，市人民政府各部门：" + FILLER),
                *news("开封市", 9, "tzgg", 2017, 4),
                *news("开封市", 5, "zwdt", 2017, 5),
                Article("开封市2017年产品质量“双随机”监督抽查结果公告", "2017-09-05", "tzgg", body=SPOT_CHECK),
            ],
            "4102000001",
        ),
        Site(
            "henan-tjj", "河南省统计局", "trs", "utf-8",
            [Column("xxgk", "信息公开"), Column("tzgg", "通知公告", "信息公开"), Column("tjsj", "统计数据")],
            [
                # Distractors only: last year's plan and a repost of the provincial notice.
                Article("河南省统计局2016年政务公开工作实施方案", "2016-06-12", "tzgg", body=FILLER),
                Article(henan_notice, "2017-05-26", "tzgg", doc_number="豫政办明电〔2017〕69号", body=FILLER),
                *news("河南省统计局", 8, "tzgg", 2017, 5),
                Article("2017年1-5月河南省经济运行情况", "2017-06-16", "tjsj", body="全省规模以上工业增加值同比增长8.0%。"),
                Article("2017年1-4月河南省经济运行情况", "2017-05-17", "tjsj", body="全省规模以上工业增加值同比增长8.1%。"),
                Article("2017年一季度河南省经济运行情况", "2017-04-19", "tjsj", body="全省生产总值同比增长8.2%。"),
                # The task row it leads (分月度、季度及时发布…指标数据), published after the notice.
                Article("2017年二季度河南省主要统计指标数据", "2017-07-18", "tjsj", body="全省规模以上工业增加值同比增长8.0%。"),
            ],
            "4100000020",
        ),
        Site(
            "kunming", "昆明市人民政府", "trad", "utf-8",
            [Column("xxgk", "政府信息公开"), Column("tzgg", "通知公告", "政府信息公开"),
             Column("zdly", "重点领域信息公开专栏", "政府信息公开"), Column("ywdt", "昆明要闻")],
            [
                # Yunnan: 30 working days after publication (2017-05-10) ends 2017-06-22.
                Article("昆明市人民政府办公厅关于印发昆明市贯彻落实2017年政务公开工作要点实施方案的通知", "2017-06-16",
                        "tzgg", doc_number="昆政办〔2017〕88号", body="各县（市）区人民政府，市政府各委、办、局：" + FILLER),
                Article("昆明市2017年政务公开工作要点落实情况", "2017-12-08", "tzgg", body=FILLER),
                # 分管负责同志对外公布
                Article("昆明市人民政府领导分工", "2017-05-02", "tzgg", body="副市长：分管政务公开工作。"),
                *news("昆明市", 7, "tzgg", 2017, 7),
                Article("昆明市2017年财政预算执行情况公开", "2017-07-20", "zdly", body=FILLER),
                Article("昆明市保障性住房分配信息公开", "2017-08-03", "zdly", body=FILLER),
                Article("昆明市环境空气质量月报（2017年7月）", "2017-08-10", "zdly", body=FILLER),
                Article("昆明市重大建设项目批准和实施信息", "2017-09-05", "zdly", body=FILLER),
                *news("昆明市", 5, "ywdt", 2017, 8),
            ],
            "5301000001",
        ),
        Site(
            "yuxi", "玉溪市人民政府", "trs", "utf-8",
            [Column("zwgk", "政务公开"), Column("tzgg", "通知公告", "政务公开"), Column("ywdt", "玉溪要闻")],
            [
                Article("玉溪市2017年政务公开工作实施方案", "2017-06-20", "tzgg", body=FILLER),
                *news("玉溪市", 10, "tzgg", 2017, 6),
                *news("玉溪市", 4, "ywdt", 2017, 9),
            ],
            "5304000001",
            injected_spam=True,
        ),
        Site(
            "yuetang", "湘潭市岳塘区人民政府", "hanweb", "utf-8",
            [Column("zwgk", "政务公开"), Column("tzgg", "通知公告", "政务公开"),
             Column("zwgkgzyd", "《政务公开工作要点》专栏", "政务公开"), Column("ytdt", "岳塘动态"),
             Column("czyjs", "财政预决算", "政务公开"), Column("xxgknb", "政府信息公开年报", "政务公开"),
             Column("jgzn", "机构职能", "政务公开"), Column("jyta", "建议提案办理", "政务公开")],
            [
                # Xiangtan: 20 working days after publication (2019-06-25) ends 2019-07-23.
                Article("岳塘区贯彻落实国、省2019年政务公开工作要点具体工作措施", "2019-07-10", "zwgkgzyd", body=FILLER),
                Article("湘潭市贯彻落实国、省2019年政务公开工作要点责任分工", "2019-06-26", "zwgkgzyd", body=FILLER),
                Article("国务院办公厅关于印发2019年政务公开工作要点的通知", "2019-04-29", "zwgkgzyd",
                        doc_number="国办发〔2019〕14号", body=FILLER),
                *news("岳塘区", 8, "tzgg", 2019, 5),
                *news("岳塘区", 5, "ytdt", 2019, 6),
                # Topic disclosures: a 预决算 column (xiangtan-2019-t27: last year's 决算 after the notice; this
                # year's 三公 budget came before it) and every item of xiangtan-2019-t4 (机构职能, 提案答复,
                # 公开指南, 年报 — the 2019 report within a year of the notice, the 2018 one before it).
                Article("岳塘区2019年“三公”经费预算情况说明", "2019-03-15", "czyjs", body=BUDGET),
                Article("岳塘区2018年区级部门决算公开", "2019-08-28", "czyjs", body=BUDGET),
                Article("湘潭市岳塘区人民政府2018年政府信息公开工作年度报告", "2019-03-28", "xxgknb", body=ANNUAL_REPORT),
                Article("湘潭市岳塘区人民政府2019年政府信息公开工作年度报告", "2020-01-20", "xxgknb", body=ANNUAL_REPORT),
                Article("湘潭市岳塘区人民政府机构职能", "2019-07-30", "jgzn", body=FUNCTIONS),
                Article("湘潭市岳塘区人民政府政府信息公开指南", "2019-08-12", "zwgk", body=GUIDE),
                Article("区政协九届三次会议第21号提案办理结果公开", "2019-07-25", "jyta", body=REPLY),
                # Only weak evidence for xiangtan-2019-t13 (人居环境): a news item about a meeting, not the disclosure.
                Article("岳塘区召开农村人居环境整治推进会", "2019-07-16", "ytdt", body=FILLER),
            ],
            "4303040001",
        ),
        Site(
            "shijiazhuang", "石家庄市人民政府", "trs", "utf-8",
            [Column("zwgk", "政务公开"), Column("zcwj", "政策文件", "政务公开"), Column("zcjd", "政策解读", "政务公开"),
             Column("zdzc", "重大政策专题", "政务公开"), Column("ywdt", "石家庄要闻")],
            [
                Article("石家庄市人民政府关于加快发展现代服务业的实施意见", "2016-07-04", "zcwj", doc_number="石政发〔2016〕21号",
                        body=FILLER, links=[("《石家庄市人民政府关于加快发展现代服务业的实施意见》解读", "相关解读：《石家庄市人民政府关于加快发展现代服务业的实施意见》解读")]),
                Article("《石家庄市人民政府关于加快发展现代服务业的实施意见》解读", "2016-07-06", "zcjd", body=FILLER,
                        links=[("石家庄市人民政府关于加快发展现代服务业的实施意见", "政策原文")]),
                Article("石家庄市人民政府办公厅关于印发石家庄市促进民间投资若干措施的通知", "2016-09-12", "zcwj",
                        doc_number="石政办发〔2016〕45号", body=FILLER),
                # Paired by the quoted title only.  3 working days after 2016-09-12 end on Sunday
                # 2016-09-18, a make-up workday after the 中秋 holiday (09-15..17).
                Article("图解：石家庄市促进民间投资若干措施", "2016-09-18", "zcjd", body=FILLER),
                Article("石家庄市2016年上半年重大政策汇编", "2016-07-15", "zdzc", body=FILLER),
                Article("石家庄市供给侧结构性改革政策专题", "2016-08-01", "zdzc", body=FILLER),
                Article("石家庄市“双创”支持政策梳理", "2016-10-10", "zdzc", body=FILLER),
                *news("石家庄市", 6, "ywdt", 2016, 6),
            ],
            "1301000001",
        ),
    ]


# -- rendering ---------------------------------------------------------------------------

def _s2t(text: str) -> str:
    import opencc

    return opencc.OpenCC("s2t").convert(text)


def assign_paths(site: Site) -> None:
    col_ids = {c.key: 1000 + i * 7 for i, c in enumerate(site.columns)}
    for c in site.columns:
        c.id = col_ids[c.key]
    for i, a in enumerate(site.articles, start=1):
        a.id = 5000 + i
        y, m, d = a.date.split("-")
        if site.template in ("trs", "trad"):
            a.path = f"/{a.column}/{y}{m}/t{y}{m}{d}_{a.id}.html"
        elif site.template == "hanweb":
            a.path = f"/art/{y}/{int(m)}/{int(d)}/art_{col_ids[a.column]}_{a.id}.html"
        else:
            a.path = f"/{a.column}/show_{a.id}.html"


def column_path(site: Site, column: Column, page: int = 0) -> str:
    if site.template == "hanweb":
        return f"/col/col{column.id}/index.html"
    return f"/{column.key}/index{'_' + str(page) if page else ''}.html"


def render_site(site: Site) -> dict[str, str]:
    assign_paths(site)
    by_title = {a.title: a for a in site.articles}
    files: dict[str, str] = {}
    columns = {c.key: c for c in site.columns}
    nav = "".join(f'<li><a href="{column_path(site, c)}">{c.name}</a></li>' for c in site.columns)
    latest = sorted(site.articles, key=lambda a: a.date, reverse=True)[:6]
    home_items = "".join(f'<li><a href="{a.path}">{a.title}</a><span>{a.date}</span></li>' for a in latest)
    planted = (
        '<div style="position:absolute;left:-9999px"><a href="http://example.invalid/">澳门威尼斯人娱乐城</a></div>'
        if site.injected_spam else ""
    )
    files["/index.html"] = page_shell(
        site, site.name, f'<div class="notice-box"><h3>最新信息</h3><ul>{home_items}</ul></div>{planted}', nav, meta={
            "SiteName": site.name, "SiteDomain": "127.0.0.1", "SiteIDCode": site.site_code})
    for column in site.columns:
        items = sorted((a for a in site.articles if a.column == column.key), key=lambda a: a.date, reverse=True)
        children = [c for c in site.columns if c.parent == column.name]
        if site.template == "hanweb":
            files[column_path(site, column)] = hanweb_list(site, column, items, children, nav)
            continue
        pages = [items[i : i + PER_PAGE] for i in range(0, len(items), PER_PAGE)] or [[]]
        for n, chunk in enumerate(pages):
            rows = "".join(
                f'<li><a href="{a.path}" target="_blank">{a.title}</a><span class="date">{a.date}</span></li>'
                for a in chunk
            )
            sub = "".join(f'<li><a href="{column_path(site, c)}">{c.name}</a></li>' for c in children)
            pager = "".join(
                f'<a href="{column_path(site, column, k)}">{k + 1}</a> ' for k in range(len(pages)) if k != n
            )
            if n + 1 < len(pages):
                pager += f'<a href="{column_path(site, column, n + 1)}">下一页</a>'
            body = (
                f'{breadcrumb(site, column)}<div class="list"><h2>{column.name}</h2>'
                + (f'<ul class="sub-columns">{sub}</ul>' if sub else "")
                + f'<ul class="list-items">{rows}</ul><div class="page">{pager}</div></div>'
            )
            meta = {"SiteName": site.name, "ColumnName": column.name} if site.template != "plain" else {}
            files[column_path(site, column, n)] = page_shell(site, f"{column.name}_{site.name}", body, nav, meta=meta)
    for a in site.articles:
        column = columns[a.column]
        related = "".join(
            f'<p class="related"><a href="{by_title[t].path}">{anchor}</a></p>' for t, anchor in a.links
        )
        doc = f'<p class="wh">文号：{a.doc_number}</p>' if a.doc_number else ""
        if site.template == "plain":
            y, m, d = a.date.split("-")
            body = (
                f'<table width="100%"><tr><td class="dqwz">您的位置：<a href="/index.html">首页</a> &gt;&gt; '
                f'<a href="{column_path(site, column)}">{column.name}</a></td></tr>'
                f'<tr><td align="center"><h1>{a.title}</h1></td></tr>'
                f'<tr><td align="center">发布时间：{y}年{m}月{d}日　来源：{site.name}办公室</td></tr>'
                f'<tr><td class="content">{doc}<p>{a.body}</p>{related}</td></tr></table>'
            )
            meta = {}
        else:
            label = "發佈時間" if site.template == "trad" else ("发布日期" if site.template == "hanweb" else "发布时间")
            container = '<div id="zoom">' if site.template == "hanweb" else '<div class="TRS_Editor">'
            body = (
                f'{breadcrumb(site, column)}<div class="article"><h1>{a.title}</h1>'
                f'<div class="info">{label}：{a.date} 10:{a.id % 60:02d}　来源：{site.name}</div>'
                f'{container}{doc}<p>{a.body}</p></div>{related}</div>'
                f'<div class="sidebar"><h4>相关推荐</h4><ul><li><a href="/index.html">{site.name}</a>'
                f'<span>2020-01-01</span></li></ul></div>'
            )
            meta = {"SiteName": site.name, "SiteIDCode": site.site_code, "ColumnName": column.name,
                    "ArticleTitle": a.title, "PubDate": f"{a.date} 10:{a.id % 60:02d}"}
            if site.template == "hanweb":
                meta.pop("ArticleTitle"), meta.pop("PubDate")
        files[a.path] = page_shell(site, f"{a.title}_{column.name}_{site.name}", body, nav, meta=meta)
    if site.template == "trad":
        files = {p: _s2t(t) for p, t in files.items()}
    return files


def breadcrumb(site: Site, column: Column) -> str:
    trail = '<a href="/index.html">首页</a>'
    if column.parent:
        parent = next(c for c in site.columns if c.name == column.parent)
        trail += f' &gt; <a href="{column_path(site, parent)}">{parent.name}</a>'
    trail += f' &gt; <a href="{column_path(site, column)}">{column.name}</a>'
    return f'<div class="position">当前位置：{trail}</div>'


def hanweb_list(site: Site, column: Column, items: list[Article], children, nav) -> str:
    records = "".join(
        f'<record><![CDATA[<li><a href="{a.path}" title="{html.escape(a.title)}" target="_blank">{a.title}</a>'
        f'<span class="bt_time">[{a.date}]</span></li>]]></record>'
        for a in items
    )
    sub = "".join(f'<li><a href="{column_path(site, c)}">{c.name}</a></li>' for c in children)
    body = (
        f'{breadcrumb(site, column)}<div class="list"><h2>{column.name}</h2>'
        + (f'<ul class="sub-columns">{sub}</ul>' if sub else "")
        + f'<div id="{column.id}"><script type="text/xml"><datastore><nextgroup><![CDATA[]]></nextgroup>'
        f'<recordset>{records}</recordset></datastore></script></div></div>'
    )
    return page_shell(site, f"{column.name}_{site.name}", body, nav,
                      meta={"SiteName": site.name, "ColumnName": column.name})


def page_shell(site: Site, title: str, body: str, nav: str, meta: dict) -> str:
    charset = "gb2312" if site.encoding == "gbk" else "utf-8"
    metas = "".join(f'<meta name="{k}" content="{html.escape(v)}">\n' for k, v in meta.items())
    return f"""<!DOCTYPE html>
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset={charset}">
{metas}<title>{title}</title>
<link rel="stylesheet" href="/css/style.css">
</head>
<body>
<div class="header"><a href="/index.html"><img src="/images/logo.png" alt="{site.name}"></a><span>{site.name}</span></div>
<ul class="nav"><li><a href="/index.html">首页</a></li>{nav}</ul>
<div class="main">{body}</div>
<div class="footer">主办：{site.name}办公室　网站标识码：{site.site_code}　<a href="http://www.beian.gov.cn/">公安备案</a>
<p>Copyright © 2020 {site.name} 版权所有</p></div>
</body>
</html>
"""


def build(root: Path = ROOT) -> None:
    if root.exists():
        shutil.rmtree(root)
    for site in sites():
        for path, text in render_site(site).items():
            target = root / site.id / path.lstrip("/")
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(text.encode("gb18030" if site.encoding == "gbk" else "utf-8"))
        print(f"{site.id}: {len(list((root / site.id).rglob('*.html')))} pages")


if __name__ == "__main__":
    build()
