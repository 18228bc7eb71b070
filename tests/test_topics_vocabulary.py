"""rules/topics.yaml: a valid vocabulary whose patterns tell disclosures from ordinary policies."""

from __future__ import annotations

import os

import pytest

from rules.topics import DEFAULT_VOCABULARY, VocabularyError, load_vocabulary
from tests.eval.topic_fires import POLICY_TITLES, fires, policy_titles

# A topic may fire on at most this share of real policy titles.  The highest today is about 1.7%
# (institution-functions: catalogues carry the 三定 regulations themselves, which *are* that topic).
MAX_SHARE = 0.02

VOCABULARY = load_vocabulary(DEFAULT_VOCABULARY)


def judge(topic_id: str, title: str, column: str | None = None, page_type: str | None = None):
    match = VOCABULARY[topic_id].judge(title, column, page_type, VOCABULARY)
    return match.strength if match else None


def test_every_topic_fires_on_few_real_policy_titles():
    if not POLICY_TITLES.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{POLICY_TITLES} is missing: CI must provide ../shared/real-pages to measure the vocabulary")
        pytest.skip("../shared/real-pages/policy_titles.csv not present")
    titles = policy_titles()
    assert len(titles) > 30000
    too_loose = {topic_id: len(found) for topic_id, found in fires(titles, VOCABULARY).items()
                 if len(found) > MAX_SHARE * len(titles)}
    assert not too_loose, (f"topics firing on more than {MAX_SHARE:.0%} of {len(titles)} real policy titles "
                           f"(python -m tests.eval.topic_fires ID shows the hits): {too_loose}")


@pytest.mark.parametrize("topic_id, title", [
    ("budget-final-accounts", "某某区教育局2019年部门预算公开"),
    ("budget-final-accounts", "某某县2018年度“三公”经费决算情况说明"),
    ("budget-final-accounts", "关于某某市2018年预算执行情况和2019年预算草案的报告"),
    ("random-inspection", "某某区市场监管局2019年度“双随机、一公开”抽查结果公示"),
    ("random-inspection", "某某县2020年随机抽查事项清单"),
    ("annual-report", "某某市人民政府2019年政府信息公开工作年度报告"),
    ("government-debt", "某某市2019年政府债务限额及余额情况"),
    ("audit-results", "关于2018年度市级预算执行和其他财政收支审计查出问题整改情况的报告"),
    ("document-cleanup", "某某市人民政府关于废止部分规范性文件的决定"),
    ("power-responsibility-list", "某某县发展和改革局权责清单（2019年版）"),
    ("proposal-replies", "关于市政协十届三次会议第45号提案的答复"),
    ("work-report-progress", "某某市人民政府办公室关于印发2018年重点工作任务的通知"),
    ("work-report-progress", "某某县人民政府关于印发某某实施意见任务分解方案的通知"),
    ("work-report-progress", "关于2017年度实施某某规划纲要工作评估考核情况的通报"),
    ("major-projects", "某某省人民政府关于某某水库工程移民安置规划的批复"),
    ("inspection-rectification", "某某省人民政府办公厅关于对真抓实干成效明显地方予以督查激励的通报"),
    ("regulations-online", "某某市人民政府令第12号"),
    ("air-quality", "2019年6月某某市环境空气质量状况"),
])
def test_titles_of_the_genre_are_strong_evidence(topic_id, title):
    assert judge(topic_id, title) == "strong"


@pytest.mark.parametrize("topic_id, title", [
    # unrelated pages that contain a word of the topic (the failure issue 10 reports)
    ("budget-final-accounts", "关于进一步深化预算管理制度改革的实施意见"),
    ("budget-final-accounts", "关于下达2019年中央预算内投资计划的通知"),
    ("budget-final-accounts", "某某路口交通事故调查报告的批复"),
    ("document-cleanup", "关于深化农村集体产权制度改革的意见"),
    ("annual-report", "关于做好2019年政府信息公开工作年度报告编制工作的通知"),
    ("annual-report", "某某市政府网站工作年度报表"),
    ("random-inspection", "关于2019年第一季度政府网站抽查情况的通报"),
    ("audit-results", "某某市内部审计工作规定"),
    ("licensing-and-penalty-publicity", "关于在某某区开展相对集中行政处罚权工作的决定"),
    ("employment", "关于表彰全市就业创业工作先进集体和先进个人的决定"),
    ("poverty-alleviation", "某某县脱贫攻坚工作领导小组成员名单"),
    ("service-guide", "某某市行政审批中介服务事项清单"),
    ("state-owned-enterprises", "某某市外国企业常驻代表机构管理办法"),
    ("regulations-online", "某某市人民政府关于废止部分政府规章的决定"),
    ("work-report-progress", "关于进一步加强规划编制工作的通知"),
])
def test_unrelated_titles_are_not_evidence(topic_id, title):
    assert judge(topic_id, title) != "strong"


def test_loose_word_news_item_and_column_are_only_weak():
    assert judge("budget-final-accounts", "财政收支情况") == "weak"                       # loose word only
    assert judge("budget-final-accounts", "附件下载", column="部门预决算公开") == "weak"     # column only
    assert judge("work-safety", "某某市开展安全生产大检查") == "weak"                       # news-like title
    assert judge("statistics-release", "2019年一季度主要经济指标", column="工作动态") == "weak"
    assert judge("statistics-release", "2019年一季度主要经济指标", column="统计数据") == "strong"
    assert judge("major-projects", "某某市召开重点项目推进会") is None                      # loose word in news


def test_only_topics_whose_disclosure_is_a_policy_say_so():
    flagged = {t.id for t in VOCABULARY.topics.values() if t.policy_is_disclosure}
    # 条例第二十条第（八）（十一）项 and the 要点 name the policy or list itself as the item
    assert {"tax-incentives", "fee-catalogue", "negative-list", "employment", "poverty-alleviation"} <= flagged
    # data, results, decisions: a policy about them is not the disclosure
    assert not flagged & {"budget-final-accounts", "government-debt", "audit-results", "random-inspection",
                          "government-procurement-and-trading", "major-projects", "annual-report",
                          "statistics-release", "licensing-and-penalty-publicity"}
    assert judge("tax-incentives", "某某省关于落实小微企业税收优惠政策的实施办法") == "strong"
    assert judge("fee-catalogue", "某某市行政事业性收费管理办法") == "strong"
    assert judge("budget-final-accounts", "某某市部门预算公开管理办法") == "weak"
    assert judge("price-adjustment", "关于调整住房供应结构稳定住房价格的意见") is None  # market prices


def test_every_topic_is_documented():
    for topic in VOCABULARY.topics.values():
        assert topic.name and topic.source and topic.titles, topic.id
        assert topic.rhythm in ("once", "yearly", "quarterly", "continuous")


def test_a_broken_vocabulary_names_the_topic_and_field(tmp_path):
    bad = tmp_path / "topics.yaml"
    bad.write_text("topics:\n  - {id: x, name: 某, rhythm: yearly, titles: ['(']}\n", encoding="utf-8")
    with pytest.raises(VocabularyError, match=r"topics\[1\] \(x\): titles: 正则表达式无效"):
        load_vocabulary(bad)
    bad.write_text("topics:\n  - {id: y, name: 某, rhythm: weekly, titles: [a]}\n", encoding="utf-8")
    with pytest.raises(VocabularyError, match="rhythm"):
        load_vocabulary(bad)
    bad.write_text("topics:\n  - {id: z, name: 某, rhythm: yearly, titles: [a], policy_is_disclosure: 是}\n",
                   encoding="utf-8")
    with pytest.raises(VocabularyError, match=r"\(z\): policy_is_disclosure"):
        load_vocabulary(bad)
