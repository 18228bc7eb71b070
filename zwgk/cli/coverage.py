"""The audit summary's block on agencies whose crawl was cut short (issue 13).

Printed by ``zwgk audit``/``check`` after the scorecard: which agencies' 政务公开 sections were not
crawled whole and why (crawl_coverage), since their absences are ``error``/``incomplete_crawl``,
not ``fail`` — a supervisor should re-run those with higher caps, or check the site.
"""

from __future__ import annotations

import click

from core import store

DETAIL_WIDTH = 160  # characters of the reason shown per agency; the whole text is in Datasette


def print_cut_short(db, run_id: int) -> None:
    agencies = store.cut_short_agencies(db, run_id)
    if not agencies:
        return
    click.echo(f"\n未抓取完整的单位（{len(agencies)} 个；其未抓取部分找不到的内容记为“无法核查”，不记为“未通过”；"
               "可提高 --max-pages/--max-depth 后重新审计，完整原因见 Datasette“未抓取完整的单位”）")
    for row in agencies:
        detail = row["detail"] or ""
        if len(detail) > DETAIL_WIDTH:
            detail = detail[:DETAIL_WIDTH] + "…"
        click.echo(f"  {row['agency_id']}（{row['name'] or '未知单位'}）：{detail}")
