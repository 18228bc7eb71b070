"""leader_published: the leader in charge of 政务公开 named publicly."""

from __future__ import annotations

from rule_kit import page, rule, run


def test_leader_published():
    r = rule("leader_published", {})
    assert run(r, [page("市政府领导分工", "2017-05-01")]).status == "pass"
    assert run(r, [page("新闻", "2017-05-01")]).status == "fail"
