"""interpretation_timely: policies interpreted within N working days (0 = 同步)."""

from __future__ import annotations

from rule_kit import page, rule, run


def test_interpretation_timely():
    r = rule("interpretation_timely", {"working_days": 3})
    policy = page("洛阳市人民政府关于加强城市管理的意见", "2017-06-05", "policy", url="http://x/p.html",
                  doc_number="洛政〔2017〕9号")
    on_time = page("《洛阳市人民政府关于加强城市管理的意见》解读", "2017-06-08", "interpretation")
    late = page("洛政〔2017〕9号文件解读", "2017-06-12", "interpretation")
    assert run(r, [policy, on_time]).status == "pass"
    outcome = run(r, [policy, late])
    assert (outcome.status, outcome.reason) == ("fail", "late")
    assert run(r, [policy]).reason == "missing"
    linked = page("图解", "2017-06-05", "interpretation", url="http://x/tj.html")
    assert run(rule("interpretation_timely", {"working_days": 0}), [policy, linked],
               links=[(policy.url, linked.url, "相关解读：图解")]).status == "pass"
    assert run(r, [page("新闻", "2017-06-05")]).status == "not_applicable"
