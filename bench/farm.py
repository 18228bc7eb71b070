"""Generate a farm of government portals for the crawl benchmark, modelled on real templates.

Real portal pages weigh 25–150 KB: inline styles and scripts, a header mega-menu and a
footer of friend links (100+ links, most to other hosts: 政务服务网, other governments),
list pages of 20–60 items with pagination, article pages with the 信息公开目录 table
(索引号 / 发布机构 / 成文日期 / 文号 …) and attachments.  Three CMS styles rotate over the
agencies, each with its own URL scheme:

- TRS (拓尔思): ``/zcwj/201706/t20170605_88.html``, ``index_1.html`` pagination, ``TRS_Editor``
- Hanweb (大汉): ``/col/col123/index.html`` lists whose records sit in a ``<script type="text/xml">``
  datastore, articles ``/art/2017/6/7/art_123_3301.html``
- 开普云-style: ``/zcjd/2017-06/08/content_5512.htm``, ``index_1.htm`` pagination

Agencies are spread over the five notices' provinces and levels (and the parents two of
them bind), so ``zwgk check`` evaluates real rules instead of not_applicable shortcuts.
Titles are generic genre titles (how agencies title notices, plans, interpretations),
not taken from any labelled material.
"""

from __future__ import annotations

import datetime as dt
import io
import math
import random
from pathlib import Path

COLUMNS = ["通知公告", "政策文件", "政策解读", "工作动态", "人事信息", "财政信息", "规划计划", "统计数据", "公示公告", "专题专栏"]
KEYS = ["tzgg", "zcwj", "zcjd", "gzdt", "rsxx", "czxx", "ghjh", "tjsj", "gsgg", "ztzl"]
TOPICS = ["关于做好安全生产工作的通知", "关于印发{y}年政务公开工作实施方案的通知", "关于加强城市管理的意见",
          "召开全体会议研究部署重点工作", "关于公布行政权力清单的公告", "{y}年部门预算公开", "关于开展专项检查的通知",
          "《关于加强城市管理的意见》政策解读", "{y}年上半年经济运行情况", "关于征求意见的公告",
          "{y}年政府信息公开工作年度报告", "关于印发{y}年政务公开工作要点的通知", "图解：{y}年重点工作安排",
          "关于调整领导分工的通知", "{y}年重点领域信息公开专栏", "关于做好防汛工作的紧急通知"]
FILLER = ("为深入贯彻落实党中央、国务院决策部署，进一步提升政府工作透明度，现将有关事项通知如下。"
          "各单位要高度重视，加强组织领导，明确责任分工，确保各项任务落到实处，按时报送工作进展情况。")
# (province, parent, levels) — the notices bind by province and level, or by parent.
PROFILES = [
    ("河南省", "henan", ["city", "county", "department"]),
    ("河北省", "hebei", ["city", "county", "department"]),
    ("云南省", "yunnan", ["city", "department"]),
    ("湖南省", "xiangtan", ["county", "department"]),
    ("河南省", "yibin", ["county", "department"]),
]
LEVEL_SUFFIX = {"city": "市人民政府", "county": "县人民政府", "department": "市发展和改革委员会", "province": "省人民政府"}
STYLES = ["trs", "hanweb", "kpy"]


def host_of(index: int) -> str:
    """Each agency on its own loopback address, so both spiders see one host per agency."""
    return f"127.0.{1 + (index - 1) // 250}.{1 + (index - 1) % 250}"


def agency_of(index: int) -> dict:
    province, parent, levels = PROFILES[(index - 1) % len(PROFILES)]
    level = levels[((index - 1) // len(PROFILES)) % len(levels)]
    return {"id": f"a{index:03d}", "name": f"样例{index:03d}{LEVEL_SUFFIX[level]}", "level": level,
            "province": province, "parent": parent, "style": STYLES[(index - 1) % len(STYLES)]}


def targets_yaml(agencies: int, port: int) -> str:
    lines = ["agencies:"]
    for i in range(1, agencies + 1):
        a = agency_of(i)
        lines.append(f"  - {{id: {a['id']}, name: {a['name']}, level: {a['level']}, province: {a['province']}, "
                     f"parent: {a['parent']}, urls: ['http://{host_of(i)}:{port}/index.html']}}")
    return "\n".join(lines) + "\n"


# -- page furniture ----------------------------------------------------------------------------

def _style_block(rng: random.Random) -> str:
    rules = [f".m{n} .c{n % 7} li a{{color:#{rng.randrange(0xffffff):06x};font-size:{12 + n % 6}px;"
             f"margin:0 {n % 9}px;line-height:{20 + n % 8}px}}" for n in range(rng.randrange(60, 140))]
    return "<style>" + "".join(rules) + "</style>"


def _script_block(rng: random.Random) -> str:
    # Statistics / accessibility / share scripts inline: the bulk of many real pages.
    entries = ",".join(f'{{"k":"x{n}","v":"{rng.randrange(10**9):09d}"}}' for n in range(rng.randrange(100, 1400) + (rng.randrange(1000, 3000) if rng.random() < 0.15 else 0)))
    return f'<script type="text/javascript">var _cfg=[{entries}];function _t(){{return _cfg.length}}</script>'


def _mega_menu(agency: dict, ext: str) -> str:
    groups = []
    for n, (key, column) in enumerate(zip(KEYS, COLUMNS)):
        subs = "".join(f'<li><a href="http://zwfw.{agency["parent"]}.example.gov.cn/fw/{key}/{j}.html" target="_blank">'
                       f'{column}服务事项{j}</a></li>' for j in range(9))
        groups.append(f'<li class="m{n}"><a href="{_column_url(agency, key, ext)}">{column}</a><ul class="sub">{subs}</ul></li>')
    return f'<div class="header"><div class="logo">{agency["name"]}</div><ul class="nav"><li><a href="/index.html">首页</a></li>{"".join(groups)}</ul></div>'


def _footer(agency: dict, index: int) -> str:
    friends = "".join(f'<option value="http://www.site{j}.example.gov.cn/">兄弟单位网站{j}</option>' for j in range(30))
    links = "".join(f'<a href="http://www.site{j}.example.gov.cn/" target="_blank">兄弟单位{j}</a>' for j in range(20))
    return (f'<div class="footer"><div class="links">{links}</div><select onchange="window.open(this.value)">{friends}</select>'
            f'<p><a href="/about/wzdt.html">网站地图</a> <a href="/about/lxwm.html">联系我们</a></p>'
            f'<p>主办单位：{agency["name"]}办公室　网站标识码：{4100000000 + index}　ICP备案号：豫ICP备{index:08d}号</p></div>')


def _column_url(agency: dict, key: str, ext: str) -> str:
    if agency["style"] == "hanweb":
        return f"/col/col{1000 + KEYS.index(key)}/index.html"
    return f"/{key}/index.{ext}"


def _list_page_url(agency: dict, key: str, page: int, ext: str) -> str:
    if page == 0:
        return _column_url(agency, key, ext)
    return f"/{key}/index_{page}.{ext}"


def _article_url(agency: dict, key: str, date: dt.date, n: int) -> str:
    if agency["style"] == "trs":
        return f"/{key}/{date:%Y%m}/t{date:%Y%m%d}_{n}.html"
    if agency["style"] == "hanweb":
        return f"/art/{date.year}/{date.month}/{date.day}/art_{1000 + KEYS.index(key)}_{n}.html"
    return f"/{key}/{date:%Y-%m}/{date:%d}/content_{n}.htm"


def _docx_bytes(title: str, paragraphs: int) -> bytes:
    import docx

    document = docx.Document()
    document.add_heading(title, level=1)
    for _ in range(paragraphs):
        document.add_paragraph(FILLER)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


# -- one agency -------------------------------------------------------------------------------

def build_agency(root: Path, index: int, pages: int, rng: random.Random) -> int:
    agency = agency_of(index)
    ext = "htm" if agency["style"] == "kpy" else "html"
    per_list = rng.randrange(20, 61)
    # pages = 1 home + list pages + articles + attachments (every 15th article has one)
    articles_total = max(len(KEYS), int((pages - 1) / (1 + 1 / per_list + 1 / 15)))
    per_column = [articles_total // len(KEYS) + (1 if k < articles_total % len(KEYS) else 0) for k in range(len(KEYS))]
    short = agency["name"].replace("人民政府", "").replace("发展和改革委员会", "发展改革委")
    articles: dict[str, list[tuple[str, str, dt.date, int]]] = {}
    serial = index * 100000
    for key, count in zip(KEYS, per_column):
        items = []
        for _ in range(count):
            serial += 1
            date = dt.date(2016, 6, 1) + dt.timedelta(days=rng.randrange(1200))
            topic = TOPICS[rng.randrange(len(TOPICS))].format(y=date.year)
            items.append((_article_url(agency, key, date, serial), f"{short}{topic}", date, serial))
        items.sort(key=lambda item: item[2], reverse=True)
        articles[key] = items
    header, footer = _mega_menu(agency, ext), _footer(agency, index)
    written = 0

    def write(path: str, title: str, body: str, meta: str = "") -> None:
        nonlocal written
        target = root / path.lstrip("/")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(
            f'<!DOCTYPE html><html><head><meta charset="utf-8"><meta name="SiteName" content="{agency["name"]}">'
            f'<meta name="SiteIDCode" content="{4100000000 + index}">{meta}<title>{title}_{agency["name"]}</title>'
            f"{_style_block(rng)}</head><body>{header}<div class=\"main\">{body}</div>{footer}{_script_block(rng)}</body></html>",
            encoding="utf-8",
        )
        written += 1

    def item_li(url: str, title: str, date: dt.date) -> str:
        return f'<li><a href="{url}" title="{title}" target="_blank">{title}</a><span class="date">{date:%Y-%m-%d}</span></li>'

    latest = "".join(f'<div class="block"><h3><a href="{_column_url(agency, k, ext)}">{c}</a></h3><ul>'
                     + "".join(item_li(u, t, d) for u, t, d, _ in articles[k][:8]) + "</ul></div>"
                     for k, c in zip(KEYS, COLUMNS))
    write("/index.html", agency["name"], latest)

    for key, column in zip(KEYS, COLUMNS):
        items = articles[key]
        list_pages = max(1, math.ceil(len(items) / per_list))
        crumb = f'<div class="position">当前位置：<a href="/index.html">首页</a> &gt; <a href="{_column_url(agency, key, ext)}">{column}</a></div>'
        if agency["style"] == "hanweb":
            records = "".join(f"<record><![CDATA[{item_li(u, t, d)}]]></record>" for u, t, d, _ in items)
            write(_column_url(agency, key, ext), column,
                  f'{crumb}<div id="{1000 + KEYS.index(key)}"><script type="text/xml"><datastore><nextgroup><![CDATA[]]></nextgroup>'
                  f"<recordset>{records}</recordset></datastore></script></div>",
                  f'<meta name="ColumnName" content="{column}">')
        else:
            for page in range(list_pages):
                chunk = items[page * per_list:(page + 1) * per_list]
                pager = " ".join(f'<a href="{_list_page_url(agency, key, p, ext)}">{p + 1}</a>' for p in range(list_pages))
                write(_list_page_url(agency, key, page, ext), column,
                      f'{crumb}<ul class="list">{"".join(item_li(u, t, d) for u, t, d, _ in chunk)}</ul><div class="page">{pager}</div>',
                      f'<meta name="ColumnName" content="{column}">')
        for position, (url, title, date, number) in enumerate(items):
            written_on = date - dt.timedelta(days=rng.randrange(0, 6))
            catalogue = ""
            if key in ("zcwj", "tzgg", "ghjh") or agency["style"] == "kpy":
                catalogue = (f'<table class="xxgk"><tr><td>索引号：</td><td>{4100000000 + index}/{date.year}-{number % 100000:05d}</td>'
                             f'<td>主题分类：</td><td>{column}</td></tr><tr><td>发布机构：</td><td>{agency["name"]}</td>'
                             f'<td>成文日期：</td><td>{written_on:%Y-%m-%d}</td></tr><tr><td>标题：</td><td colspan="3">{title}</td></tr>'
                             f'<tr><td>文号：</td><td>样政办〔{date.year}〕{number % 97 + 1}号</td><td>发布日期：</td><td>{date:%Y-%m-%d}</td></tr></table>')
            attachment = ""
            if number % 15 == 0:
                attachment_url = url.rsplit("/", 1)[0] + f"/P0{number}.docx"
                target = root / attachment_url.lstrip("/")
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(_docx_bytes(title, rng.randrange(2, 12)))
                written += 1
                attachment = f'<div class="fj">附件：<a href="{attachment_url}">{title}.docx</a></div>'
            related = "".join(item_li(u, t, d) for u, t, d, _ in rng.sample(items, min(10, len(items))))
            paragraphs = "".join(f"<p>{FILLER}</p>" for _ in range(rng.randrange(2, 40)))
            editor = "TRS_Editor" if agency["style"] == "trs" else "article-content"
            write(url, title,
                  f'{crumb}{catalogue}<h1>{title}</h1><div class="info">发布时间：{date:%Y-%m-%d} 09:30　来源：{agency["name"]}</div>'
                  f'<div class="{editor}">{paragraphs}</div>{attachment}'
                  f'<div class="related"><h4>相关文章</h4><ul>{related}</ul></div>',
                  f'<meta name="ColumnName" content="{column}"><meta name="ArticleTitle" content="{title}">'
                  f'<meta name="PubDate" content="{date:%Y-%m-%d} 09:30">')
    return written


def build_farm(root: Path, agencies: int, pages_per_agency: int, seed: int = 20261124) -> int:
    rng = random.Random(seed)
    total = 0
    for i in range(1, agencies + 1):
        total += build_agency(root / host_of(i), i, pages_per_agency, rng)
    return total


if __name__ == "__main__":
    import argparse
    import statistics

    parser = argparse.ArgumentParser(description="build a farm and print its page sizes")
    parser.add_argument("out", type=Path)
    parser.add_argument("--agencies", type=int, default=3)
    parser.add_argument("--pages", type=int, default=250)
    args = parser.parse_args()
    print(build_farm(args.out, args.agencies, args.pages), "pages")
    sizes = sorted(p.stat().st_size for p in args.out.rglob("*.htm*"))
    print(f"html pages {len(sizes)}: min {sizes[0] / 1024:.0f} KB, median {statistics.median(sizes) / 1024:.0f} KB, "
          f"max {sizes[-1] / 1024:.0f} KB")
