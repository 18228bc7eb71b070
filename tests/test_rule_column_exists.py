"""column_exists: a named column (专栏) exists and has content."""

from __future__ import annotations

from rule_kit import page, rule, run


def test_column_exists_present_empty_missing():
    r = rule("column_exists", {"names": ["《政务公开工作要点》专栏"]})
    column = page("政务公开工作要点", None, "list", url="http://x/col/1/")
    article = page("某区2019年政务公开工作措施", "2019-07-01", "plan", url="http://x/a1.html")
    present = run(r, [column, article], links=[(column.url, article.url, article.title)])
    assert present.status == "pass" and present.evidence.url == column.url
    empty = run(r, [column])
    assert (empty.status, empty.reason) == ("fail", "empty")
    missing = run(r, [page("通知公告", None, "list")])
    assert (missing.status, missing.reason) == ("fail", "missing")


def test_column_named_only_by_the_link_leading_to_it():
    r = rule("column_exists", {"names": ["重点领域信息公开专栏"]})
    home = page("首页", None, "list", url="http://x/")
    column = page("专题", None, "list", url="http://x/zt/")
    article = page("财政预算公开", "2017-07-01", "news", url="http://x/zt/1.html")
    links = [(home.url, column.url, "重点领域信息公开"), (column.url, article.url, "财政预算公开")]
    assert run(r, [home, column, article], links).status == "pass"
