"""interpretation_timely: policies interpreted within N working days (0 = 同步)."""

from __future__ import annotations

import pytest
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



def test_some_policies_interpreted_and_others_not_asks_which_were_important():
    r = rule("interpretation_timely", {"working_days": 3})
    interpreted = page("洛阳市人民政府关于加强城市管理的意见", "2017-06-05", "policy", url="http://x/p.html")
    its_reading = page("《洛阳市人民政府关于加强城市管理的意见》解读", "2017-06-06", "interpretation")
    uninterpreted = page("洛阳市人民政府办公室关于印发洛阳市绿化养护实施方案的通知", "2017-06-09", "policy")
    outcome = run(r, [interpreted, its_reading, uninterpreted])
    assert (outcome.status, outcome.reason) == ("manual", "partly_interpreted")
    assert "1 份已按时解读" in outcome.detail and uninterpreted.title in outcome.detail
    # a late interpretation is a fact, whatever the others show
    late_reading = page("《洛阳市人民政府办公室关于印发洛阳市绿化养护实施方案的通知》解读", "2017-06-20", "interpretation")
    outcome = run(r, [interpreted, its_reading, uninterpreted, late_reading])
    assert (outcome.status, outcome.reason) == ("fail", "late") and outcome.evidence is uninterpreted


@pytest.mark.parametrize("title", [
    "某某市人民政府关于同意设立某某镇的批复",
    "某某市人民政府办公室关于某某路收费站设置问题的复函",
    "某某市人民政府关于张三等同志职务任免的通知",
    "某某市人民政府关于表彰2017年度先进集体的决定",
    "某某市人民政府办公室关于成立某某工作领导小组的通知",
    "某某市人民政府办公室关于2016年度依法行政考核结果的通报",
    "某某市人民政府关于市政协提案的答复",
    "某某市卫生健康委员会2031年第二季度政务新媒体检查情况通报",
    "某某市卫生健康委员会行政处罚决定信息公开（某卫医罚〔2031〕3号）",
    "某某市市场监督管理局行政处罚决定书",
    "某某镇人民政府关于做好2031年春节期间安全生产工作的通知",  # a work arrangement, no policy
    "某某县林业局关于开展2031年森林防火隐患排查整治工作的通知",  # a campaign or an inspection to carry out
    "某某区教育局关于开展2031年秋季学期开学检查的通知",
    "某某县自然资源局国有建设用地使用权挂牌出让公告",  # one transaction announced, no policy for the public
    "某某市公共资源交易中心某某路改造工程中标候选人公示",
])
def test_replies_appointments_and_result_reports_need_no_interpretation(title):
    from checks.pairing import needs_interpretation

    document = page(title, "2017-06-01", page_type="policy")
    assert not needs_interpretation(document)
    assert run(rule("interpretation_timely", {"working_days": 3}), [document]).status == "not_applicable"


@pytest.mark.parametrize("title", [
    "某某市人民政府关于促进民营经济发展的若干意见",
    "某某市人民政府办公室关于印发某某市养老服务体系建设实施方案的通知",
    "某某市城市绿化管理办法",
    "某某市人民政府关于开展城乡居民大病保险的实施意见",  # 开展 in a policy's name: still a policy
])
def test_policy_documents_still_need_their_interpretation(title):
    from checks.pairing import needs_interpretation

    document = page(title, "2017-06-01", page_type="policy")
    assert needs_interpretation(document)
    assert run(rule("interpretation_timely", {"working_days": 3}), [document]).status == "fail"


def test_a_findings_detail_states_the_lag_once_and_readably():
    r = rule("interpretation_timely", {"working_days": 3})
    policy = page("某某市人民政府关于促进民营经济发展的若干意见", "2017-06-01", page_type="policy")
    detail = run(r, [policy]).detail
    assert detail.startswith("要求政策文件的解读稿件在文件公开后3个工作日内发布；") and detail.count("文件公开后") == 1
    same_day = run(rule("interpretation_timely", {"working_days": 0}), [policy]).detail
    assert same_day.startswith("要求政策文件的解读稿件与文件同步发布；")
