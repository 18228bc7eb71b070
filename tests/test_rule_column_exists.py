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


def test_a_column_named_alike_or_a_link_to_a_page_not_read_as_a_column_asks_for_a_person():
    r = rule("column_exists", {"names": ["《政务公开工作要点》专栏"]})
    alike = page("政务公开要点", None, "list", url="http://x/col/2/")
    outcome = run(r, [alike])
    assert (outcome.status, outcome.reason) == ("manual", "similar_column") and alike.url in outcome.detail
    home = page("首页", None, "home", url="http://x/")
    landing = page("专题", None, "news", url="http://x/zt/zwgkyd.html")
    outcome = run(r, [home, landing], links=[(home.url, landing.url, "政务公开工作要点专题")])
    assert (outcome.status, outcome.reason) == ("manual", "similar_column") and landing.url in outcome.detail
    unrelated = run(r, [page("政务服务", None, "list"), page("公开指南", None, "list")])
    assert (unrelated.status, unrelated.reason) == ("fail", "missing")


def test_a_link_to_a_document_named_like_the_column_is_not_a_column():
    r = rule("column_exists", {"names": ["《政务公开工作要点》专栏"]})
    listing = page("通知公告", None, "list", url="http://x/tzgg/")
    document = page("某市2019年政务公开工作要点", "2019-06-01", "plan", url="http://x/tzgg/1.html")
    outcome = run(r, [listing, document], links=[(listing.url, document.url, document.title)])
    assert (outcome.status, outcome.reason) == ("fail", "missing")


def test_a_column_due_by_a_date_is_pending_before_it_and_fails_after():
    import datetime as dt

    from checks.evaluate import not_yet_due

    r = rule("column_exists", {"names": ["惠企政策"], "by_date": "2017-06-30"})
    missing = run(r, [page("通知公告", None, "list")])
    assert (missing.status, missing.deadline) == ("fail", dt.date(2017, 6, 30))
    assert "要求于2017-06-30前开设" in missing.detail
    assert not_yet_due(missing, dt.date(2017, 6, 1)).status == "pending"
    assert not_yet_due(missing, dt.date(2017, 7, 3)).status == "fail"
