"""Generate a sample farm of government portals for the crawl benchmark.

Each agency gets a TRS-like portal: a home page, COLUMNS column pages, and
articles with 政府网站发展指引 meta tags, a breadcrumb, a visible 发布时间,
and 20+ links (navigation, related articles, column).  Pages per agency =
1 + COLUMNS + COLUMNS * articles_per_column.
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

COLUMNS = ["通知公告", "政策文件", "政策解读", "工作动态", "人事信息", "财政信息", "规划计划", "统计数据", "公示公告", "专题专栏"]
KEYS = ["tzgg", "zcwj", "zcjd", "gzdt", "rsxx", "czxx", "ghjh", "tjsj", "gsgg", "ztzl"]
TOPICS = ["关于做好安全生产工作的通知", "关于印发2017年政务公开工作实施方案的通知", "关于加强城市管理的意见",
          "召开全体会议研究部署重点工作", "关于公布行政权力清单的公告", "2017年部门预算公开", "关于开展专项检查的通知",
          "《关于加强城市管理的意见》政策解读", "2017年上半年经济运行情况", "关于征求意见的公告"]
FILLER = ("为深入贯彻落实党中央、国务院决策部署，进一步提升政府工作透明度，现将有关事项通知如下。"
          "各单位要高度重视，加强组织领导，明确责任分工，确保各项任务落到实处。") * 6


def article_path(key: str, date: dt.date, n: int) -> str:
    return f"/{key}/{date:%Y%m}/t{date:%Y%m%d}_{n}.html"


def build_agency(root: Path, index: int, per_column: int, rng: random.Random) -> int:
    name = f"样例{index:03d}市人民政府"
    nav = "".join(f'<li><a href="/{k}/index.html">{c}</a></li>' for k, c in zip(KEYS, COLUMNS))
    articles: dict[str, list[tuple[str, str, dt.date]]] = {}
    for key, column in zip(KEYS, COLUMNS):
        items = []
        for j in range(per_column):
            date = dt.date(2017, 1, 1) + dt.timedelta(days=rng.randrange(360))
            items.append((article_path(key, date, index * 10000 + len(articles) * 1000 + j),
                          f"{name[:-5]}{TOPICS[(j + len(articles)) % len(TOPICS)]}（{j}）", date))
        articles[key] = items
    written = 0

    def write(path: str, title: str, body: str, meta: str) -> None:
        nonlocal written
        target = root / path.lstrip("/")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(
            f'<!DOCTYPE html><html><head><meta charset="utf-8"><meta name="SiteName" content="{name}">{meta}'
            f"<title>{title}_{name}</title></head><body><div class=\"header\">{name}</div><ul class=\"nav\">"
            f'<li><a href="/index.html">首页</a></li>{nav}</ul><div class="main">{body}</div>'
            f'<div class="footer">网站标识码：{4100000000 + index}　<a href="/index.html">{name}</a></div></body></html>',
            encoding="utf-8",
        )
        written += 1

    latest = "".join(f'<li><a href="{p}">{t}</a><span>{d}</span></li>' for k in KEYS for p, t, d in articles[k][:2])
    write("/index.html", name, f"<ul>{latest}</ul>", "")
    for key, column in zip(KEYS, COLUMNS):
        rows = "".join(f'<li><a href="{p}">{t}</a><span>{d}</span></li>' for p, t, d in articles[key])
        write(f"/{key}/index.html", column, f'<div class="position">当前位置：首页 &gt; {column}</div><ul>{rows}</ul>',
              f'<meta name="ColumnName" content="{column}">')
        for p, t, d in articles[key]:
            related = "".join(
                f'<li><a href="{rp}">{rt}</a><span>{rd}</span></li>' for rp, rt, rd in rng.sample(articles[key], 10)
            )
            write(p, t,
                  f'<div class="position">当前位置：<a href="/index.html">首页</a> &gt; <a href="/{key}/index.html">{column}</a></div>'
                  f'<h1>{t}</h1><div class="info">发布时间：{d} 09:30</div><div class="TRS_Editor"><p>{FILLER}</p></div>'
                  f'<div class="related"><h4>相关文章</h4><ul>{related}</ul></div>',
                  f'<meta name="ColumnName" content="{column}"><meta name="ArticleTitle" content="{t}">'
                  f'<meta name="PubDate" content="{d} 09:30">')
    return written


def build_farm(root: Path, agencies: int, pages_per_agency: int, seed: int = 20261124) -> int:
    per_column = max(1, (pages_per_agency - 1 - len(COLUMNS)) // len(COLUMNS))
    rng = random.Random(seed)
    total = 0
    for i in range(1, agencies + 1):
        total += build_agency(root / host_of(i), i, per_column, rng)
    return total


def host_of(index: int) -> str:
    """Each agency on its own loopback address, so both spiders see one host per agency."""
    return f"127.0.{1 + (index - 1) // 250}.{1 + (index - 1) % 250}"
