"""published_by_date: a page of a kind published by a fixed date."""

from __future__ import annotations

from rule_kit import page, rule, run


def test_published_by_date():
    r = rule("published_by_date", {"by_date": "2017-12-15", "page_types": ["progress_report"],
                                   "must_mention": ["政务公开"]})
    assert run(r, [page("2017年政务公开工作要点落实情况", "2017-12-15", "progress_report")]).status == "pass"
    assert run(r, [page("2017年政务公开工作要点落实情况", "2017-12-18", "progress_report")]).reason == "late"
    assert run(r, [page("2017年安全生产落实情况", "2017-12-01", "progress_report")]).reason == "missing"
