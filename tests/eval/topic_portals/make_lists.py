"""Write the per-agency title lists (``<agency id>.csv``) from the shared ``policy_titles.csv``.

The shared file holds 34,578 rows of seven provincial catalogues; the measurement
keeps, per agency, only the rows of one portal inside a date window (real titles and
publication dates unchanged, one row per URL) and names each row's column after the
catalogue section its URL path shows.  The windows and the path → column tables are
the only choices made here; they are documented in PROVENANCE.md::

    python -m tests.eval.topic_portals.make_lists [--only ID ...] [PATH/TO/policy_titles.csv]

``--only`` writes just the named agencies' lists (adding an agency leaves the others' files untouched).
"""

from __future__ import annotations

import csv
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

HERE = Path(__file__).resolve().parent
SHARED_TITLES = Path(__file__).resolve().parents[4] / "shared" / "real-pages" / "policy_titles.csv"


@dataclass(frozen=True)
class ListSpec:
    agency_id: str
    portal: str  # the `portal` value in policy_titles.csv
    first: str  # publication-date window, inclusive (YYYY-MM-DD)
    last: str
    columns: dict[str, str]  # URL path segment → column name; "*" applies when the path names none


# Column names follow the catalogue sections the path codes stand for (the code is the
# document series or section of the portal's 政府文件 catalogue).
# The Sichuan catalogue's class codes (in its URLs) and the column each stands for.
SICHUAN_COLUMNS = {
    "c103043": "省政府规章",
    "c103044": "省政府文件",
    "c103045": "省政府函件",
    "c103046": "省政府办公厅文件",
    "c103047": "省政府办公厅函件",
    "11066": "人事任免",
    "10716": "人事任免",
    "zfwjts": "省政府文件",
}

SPECS = (
    # Henan's URLs are /YYYY/MM-DD/<id>.html: the path names no section, so one catalogue column.
    ListSpec("henan", "Henan Provincial Government", "2016-01-01", "2017-12-31", {"*": "政府文件"}),
    ListSpec(
        "yunnan",
        "Yunnan Provincial Government",
        "2016-01-01",
        "2017-12-31",
        {
            "yzf": "云政发",
            "yzfb": "云政办发",
            "yzh": "云政函",
            "yzbh": "云政办函",
            "yunzf": "云政复",
            "yzr": "人事任免",
            "yzbmd": "云政办明电",
            "yzbg": "云政办规",
            "yzg": "云政规",
            "szfl": "省政府令",
            "swwj": "省委文件",
            "qtwj": "其他文件",
        },
    ),
    ListSpec(
        "hainan",
        "Hainan Provincial Government",
        "2015-01-01",
        "2016-12-31",
        {
            "szfwj": "省政府文件",
            "szfbgtwj": "省政府办公厅文件",
            "swygwj": "省委有关文件",
            "fzfzsx": "其他文件",
            "fzfztz": "其他文件",
        },
    ),
    ListSpec(
        "sichuan",
        "Sichuan Provincial Government",
        "2018-01-01",
        "2019-09-30",
        SICHUAN_COLUMNS,
    ),
    # Guangdong's catalogue URLs (/gkml/content/post_N.html, /gkmlpt/content/0/<n>/post_N.html) carry only
    # numeric class codes whose meaning the list does not show, so, as for Henan, one catalogue column.
    ListSpec("guangdong", "Guangdong Provincial Government", "2015-01-01", "2016-12-31", {"*": "政府文件"}),
    # Shanghai's catalogue URLs are /nw12344/<date>/<hash>.html and the State Council's
    # /zhengce/zhengceku/<YYYY-MM>/<day>/content_N.htm: no section in the path, so one column each.
    ListSpec("shanghai", "Shanghai Municipal Government", "2019-01-01", "2020-05-31", {"*": "政府文件"}),
    ListSpec("statecouncil", "State Council", "2015-06-01", "2017-05-27", {"*": "政府文件"}),
    # The `fresh` split (fifth session, built after the tool was frozen): portal-years no agency above uses,
    # windows that do not overlap the same portal's windows above, Henan and Yunnan portals left out.
    ListSpec(
        "sichuan2017",
        "Sichuan Provincial Government",
        "2016-01-01",
        "2017-12-31",
        {**SICHUAN_COLUMNS, "10883": "人事任免", "10694": "人事任免"},
    ),
    ListSpec("guangdong2017", "Guangdong Provincial Government", "2017-01-01", "2018-03-31", {"*": "政府文件"}),
    ListSpec("statecouncil2019", "State Council", "2018-06-01", "2020-05-30", {"*": "政府文件"}),
    # The `fresh2` split (sixth session, labelled before any run of the tool on it): again portal-years no agency
    # above uses, windows that overlap none of the same portal's windows, Henan and Yunnan portals left out.
    ListSpec(
        "hainan2019",
        "Hainan Provincial Government",
        "2019-01-01",
        "2020-06-30",
        {
            "szfwj": "省政府文件",
            "szfbgtwj": "省政府办公厅文件",
            "swygwj": "省委有关文件",
            "fzfzsx": "其他文件",
            "fzfztz": "其他文件",
        },
    ),
    ListSpec("shanghai2017", "Shanghai Municipal Government", "2017-01-01", "2018-06-30", {"*": "政府文件"}),
    # From 2019 Guangdong's URLs are /zwgk/wjk/qbwj/<series>/content/post_N.html: the series code names the
    # document series of the catalogue (粤府, 粤府办, 粤府函, 粤办函, 省政府令).
    ListSpec(
        "guangdong2019",
        "Guangdong Provincial Government",
        "2019-01-01",
        "2020-06-30",
        {"yf": "粤府", "yfb": "粤府办", "yfh": "粤府函", "ybh": "粤办函", "yfl": "省政府令"},
    ),
)


def column_of(url: str, columns: dict[str, str]) -> str:
    segments = [s for s in urlsplit(url).path.split("/") if s]
    for segment in segments:
        if segment in columns:
            return columns[segment]
    if "*" in columns:
        return columns["*"]
    raise ValueError(f"no column for {url}")


def select_rows(rows: list[dict], spec: ListSpec) -> list[dict]:
    """The spec's rows: its portal, published inside the window, first row per URL."""
    chosen: dict[str, dict] = {}
    for row in rows:
        published = row["published"]
        if row["portal"] != spec.portal or not (spec.first <= published <= spec.last):
            continue
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", published) or not row["title"].strip():
            continue
        chosen.setdefault(
            row["url"],
            {
                "title": row["title"],
                "date": published,
                "column": column_of(row["url"], spec.columns),
                "url": row["url"],
            },
        )
    return sorted(chosen.values(), key=lambda r: (r["date"], r["url"]), reverse=True)


def main(argv: list[str]) -> int:
    only: set[str] = set()
    if argv and argv[0] == "--only":
        argv = argv[1:]
        while argv and not argv[0].endswith(".csv"):
            only.add(argv.pop(0))
    source = Path(argv[0]) if argv else SHARED_TITLES
    with source.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    for spec in SPECS:
        if only and spec.agency_id not in only:
            continue
        selected = select_rows(rows, spec)
        out = HERE / f"{spec.agency_id}.csv"
        with out.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=["title", "date", "column", "url"])
            writer.writeheader()
            writer.writerows(selected)
        print(f"{spec.agency_id}: {len(selected)} 条 ({spec.first} – {spec.last}) → {out.name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
