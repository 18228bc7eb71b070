"""Build realistic static sample portals from real page-title lists.

Each agency of the labelled measurement is one CSV beside this module
(``<agency_id>.csv``, columns ``title,date,column,url``: facts from a real
portal, unchanged).  :func:`build_portal` turns it into a static site that
looks like a county portal to the crawler:

    index.html                      home page: navigation to every column, latest items
    col/c01/index.html, index_2 …   one list per column, 20 items a page, page links
    art/c01/0001.html …             one article per title: <title>, <h1>, 发布日期, body

The body is neutral text written here (never the real page body), so a verdict
can only come from the title, the column and the date — which is what the
labelled measurement is about.  Generated portals go to a temporary directory,
never into git::

    python -m tests.eval.topic_portals.build OUT_DIR
"""

from __future__ import annotations

import csv
import html
import sys
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
PAGE_SIZE = 20
LATEST_ON_HOME = 10

# Neutral filler: says nothing about any topic, so it can neither make nor break a verdict.
NEUTRAL_BODY = (
    "本页为评测用样例网站根据公开的页面标题列表生成，标题、栏目和发布日期与原网站一致。",
    "正文为样例占位文字，不是原文内容；如需查阅原文，请以发布单位网站为准。",
)


@dataclass(frozen=True)
class Item:
    title: str
    date: str  # YYYY-MM-DD as the portal showed it
    column: str
    url: str  # the real page's address (provenance; labels name it)


def read_items(csv_path: Path) -> list[Item]:
    """The rows of one agency's CSV, newest first (as list pages show them)."""
    with csv_path.open(encoding="utf-8", newline="") as handle:
        rows = [
            Item(
                row["title"].strip(),
                row["date"].strip(),
                row["column"].strip(),
                row["url"].strip(),
            )
            for row in csv.DictReader(handle)
            if row.get("title", "").strip()
        ]
    unique = list(dict.fromkeys(rows))  # a crawl that listed a page twice shows it once
    return sorted(unique, key=lambda item: item.date, reverse=True)


def column_slugs(items: list[Item]) -> dict[str, str]:
    """Stable ASCII directory names for the columns, in order of first appearance in the CSV."""
    slugs: dict[str, str] = {}
    for item in items:
        slugs.setdefault(item.column, f"c{len(slugs) + 1:02d}")
    return slugs


def article_paths(items: list[Item]) -> dict[Item, str]:
    """Site-relative path of each item's article page (the map labels use to find a page)."""
    slugs = column_slugs(items)
    counters: dict[str, int] = {}
    paths = {}
    for item in items:
        slug = slugs[item.column]
        counters[slug] = counters.get(slug, 0) + 1
        paths[item] = f"art/{slug}/{counters[slug]:04d}.html"
    return paths


def build_portal(csv_path: Path, out_dir: Path, agency_name: str) -> dict[str, str]:
    """Write the portal of one agency into ``out_dir``; return {real url: site-relative path}."""
    items = read_items(csv_path)
    if not items:
        raise ValueError(f"{csv_path}: no titles")
    slugs = column_slugs(items)
    paths = article_paths(items)
    out_dir.mkdir(parents=True, exist_ok=True)

    by_column: dict[str, list[Item]] = {column: [] for column in slugs}
    for item in items:
        by_column[item.column].append(item)

    _write(
        out_dir / "index.html",
        _home_page(agency_name, slugs, items[:LATEST_ON_HOME], paths),
    )
    for column, column_items in by_column.items():
        slug = slugs[column]
        pages = [
            column_items[i : i + PAGE_SIZE]
            for i in range(0, len(column_items), PAGE_SIZE)
        ]
        for number, page_items in enumerate(pages, start=1):
            _write(
                out_dir / "col" / slug / _list_file(number),
                _list_page(agency_name, column, page_items, paths, number, len(pages)),
            )
    for item, path in paths.items():
        _write(out_dir / path, _article_page(agency_name, item, slugs[item.column]))
    return {item.url: path for item, path in paths.items()}


def _list_file(number: int) -> str:
    return "index.html" if number == 1 else f"index_{number}.html"


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _esc(text: str) -> str:
    return html.escape(text, quote=True)


def _frame(agency_name: str, page_title: str, body: str, depth: int) -> str:
    up = "../" * depth
    return f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="SiteName" content="{_esc(agency_name)}">
<title>{_esc(page_title)}</title>
</head>
<body>
<div class="header"><a href="{up}index.html">{_esc(agency_name)}</a></div>
{body}
<div class="footer">主办：{_esc(agency_name)}</div>
</body>
</html>
"""


def _home_page(
    agency_name: str, slugs: dict[str, str], latest: list[Item], paths: dict[Item, str]
) -> str:
    nav = "\n".join(
        f'  <li><a href="col/{slug}/index.html">{_esc(column)}</a></li>'
        for column, slug in slugs.items()
    )
    news = "\n".join(
        f'  <li><a href="{paths[item]}" title="{_esc(item.title)}">{_esc(item.title)}</a><span>{item.date}</span></li>'
        for item in latest
    )
    body = f"""<div class="nav"><h2>政务公开</h2>
<ul>
{nav}
</ul></div>
<div class="latest"><h2>最新信息</h2>
<ul>
{news}
</ul></div>"""
    return _frame(agency_name, agency_name, body, depth=0)


def _list_page(
    agency_name: str,
    column: str,
    items: list[Item],
    paths: dict[Item, str],
    number: int,
    count: int,
) -> str:
    rows = "\n".join(
        f'  <li><a href="../../{paths[item]}" title="{_esc(item.title)}">{_esc(item.title)}</a>'
        f'<span class="date">{item.date}</span></li>'
        for item in items
    )
    pager = " ".join(
        f"<span>{n}</span>" if n == number else f'<a href="{_list_file(n)}">{n}</a>'
        for n in range(1, count + 1)
    )
    if number > 1:
        pager = f'<a href="{_list_file(number - 1)}">上一页</a> {pager}'
    if number < count:
        pager = f'{pager} <a href="{_list_file(number + 1)}">下一页</a>'
    body = f"""<div class="place">当前位置：<a href="../../index.html">首页</a> &gt; <a href="index.html">{_esc(column)}</a></div>
<h2 class="column-title">{_esc(column)}</h2>
<ul class="list">
{rows}
</ul>
<div class="pager">共{count}页 {pager}</div>"""
    return _frame(agency_name, f"{column}_{agency_name}", body, depth=2)


def _article_page(agency_name: str, item: Item, slug: str) -> str:
    paragraphs = "\n".join(f"<p>{_esc(text)}</p>" for text in NEUTRAL_BODY)
    body = f"""<div class="place">当前位置：<a href="../../index.html">首页</a> &gt; <a href="../../col/{slug}/index.html">{_esc(item.column)}</a></div>
<div class="article">
<h1>{_esc(item.title)}</h1>
<div class="info">发布日期：{item.date}　来源：{_esc(agency_name)}</div>
<div class="content">
{paragraphs}
</div>
</div>"""
    return _frame(agency_name, f"{item.title}_{agency_name}", body, depth=2)


def build_all(
    out_root: Path, agencies: list[tuple[str, str]]
) -> dict[str, dict[str, str]]:
    """Build every (agency id, name) whose CSV exists here; return {agency id: {real url: path}}."""
    maps = {}
    for agency_id, name in agencies:
        maps[agency_id] = build_portal(
            HERE / f"{agency_id}.csv", out_root / agency_id, name
        )
    return maps


def main(argv: list[str]) -> int:
    import yaml

    if len(argv) != 1:
        print(
            "usage: python -m tests.eval.topic_portals.build OUT_DIR", file=sys.stderr
        )
        return 2
    entries = (
        yaml.safe_load((HERE / "targets.yaml").read_text(encoding="utf-8")) or {}
    ).get("agencies") or []
    agencies = [(entry["id"], entry["name"]) for entry in entries]
    if not agencies:
        print("targets.yaml 中还没有单位。")
        return 1
    maps = build_all(Path(argv[0]), agencies)
    for agency_id, pages in maps.items():
        print(f"{agency_id}: {len(pages)} 篇文章 → {Path(argv[0]) / agency_id}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
