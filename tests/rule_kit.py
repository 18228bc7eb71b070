"""Shared helpers for the rule-kind tests: a notice, a rule, pages and evidence built in memory (no network, no database)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from checks.catalogue import Notice, Rule
from checks.kinds import KINDS, Evidence, Page
from checks.workdays import WorkdayCalendar
from core.targets import Agency

CAL = WorkdayCalendar()
AGENCY = Agency("x", "洛阳市人民政府", "city", ("http://x/",), province="河南省", aliases=("洛阳市政府",))


def notice(**overrides):
    values = dict(
        id="n", title="河南省人民政府办公厅关于明确2017年政务公开工作责任分工的通知", issuer="河南省人民政府办公厅",
        doc_number="豫政办明电〔2017〕69号", issued=dt.date(2017, 5, 23), published=dt.date(2017, 9, 21), year=2017,
        province="河南省", source_file=None, binds={"provinces": ["河南省"]}, path=Path("n.yaml"),
    )
    values.update(overrides)
    return Notice(**values)


def rule(kind, params, **notice_overrides):
    n = notice(**notice_overrides)
    return Rule("r", n, kind, "t", "q", params, n.binds, 2.0)


def page(title, published=None, page_type="news", url=None, column=None, doc_number=None):
    return Page(url or f"http://x/{abs(hash(title))}.html", title, title, published, page_type, column, doc_number)


def evidence(pages, links=(), agency=AGENCY):
    links = list(links)
    return Evidence(
        agency, pages,
        links_from=lambda urls: [l for l in links if l[0] in urls],
        links_to=lambda urls: [l for l in links if l[1] in urls],
    )


def run(r, pages, links=(), agency_name=None):
    """Evaluate ``r`` for AGENCY, or for an agency of that name (same level and province)."""
    agency = AGENCY if agency_name is None else Agency("y", agency_name, AGENCY.level, AGENCY.urls, AGENCY.province)
    return KINDS[r.kind].evaluate(r, evidence(pages, links, agency), CAL)
