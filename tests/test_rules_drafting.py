"""`zwgk rules draft` on notices it was not written for: verbatim quotes, deadline forms, a loadable
draft, --compare, quote checks that cannot pass silently, and floors on both halves of the labelled
real notices (tests/eval/notice_split.yaml; the test half is never tuned on)."""

from __future__ import annotations

from functools import partial

import pytest
import yaml
from conftest import shared, zwgk

from checks.lint import lint_rules
from core.model import unit_group_levels
from rules.draft import draft, draft_yaml, notice_metadata as notice_from, read_notice
from rules.drafting.compare import compare_rules
from rules.drafting.deadlines import deadline_of
from rules.drafting import structure
from rules.drafting.structure import analysis


@pytest.mark.parametrize("name", ["001_4b0d81449580afa6.txt", "003_0e99ba6021ab57fb.txt", "004_4a2e5b9aeef84694.txt"])
def test_drafted_quotes_are_the_sources_own_characters(name):
    source = read_notice(shared(f"notices/{name}"))
    result = draft(source)
    assert result.obligations
    for item in result.obligations:
        assert item["quote"] in source, item["quote"][:40]


@pytest.mark.parametrize("sentence, year, expected", [
    ("请于年底前在门户网站公开", 2024, {"by_date": "2024-12-31"}),
    ("6月底前完成并公开", 2024, {"by_date": "2024-06-30"}),
    ("2023年3月至10月", None, {"by_date": "2023-10-31"}),
    ("在本通知印发后二十个工作日内公开", 2024, {"working_days": 20, "anchor": "issued"}),
    ("自信息形成之日起7个工作日内上网公开", 2024, {"working_days": 7, "anchor": "document"}),
    ("解读材料与文件同步起草、同步审批、同步发布", 2024, {"working_days": 0, "anchor": "document"}),
    ("每季度公开一次", 2024, {"rhythm": "quarterly"}),
    ("长期坚持", 2024, {"rhythm": "continuous"}),
    ("按省里要求公开", 2024, {"rhythm": "continuous"}),
    ("每年3月31日前公布", 2024, {"rhythm": "yearly"}),
    ("十月底前完成", 2024, {"by_date": "2024-10-31"}),
    ("2024年底完成", None, {"by_date": "2024-12-31"}),
    ("于九月三十日前公布", 2024, {"by_date": "2024-09-30"}),
    ("第一季度内完成", 2024, {"by_date": "2024-03-31"}),
    ("请以上单位于9月8日10:30(北京时间)前全部整改完毕", 2024, {"by_date": "2024-09-08"}),
    ("(一)填报(1月2日-12日)", 2024, {"by_date": "2024-01-12"}),
    ("于3月17日下午下班前通过邮箱反馈", 2024, {"by_date": "2024-03-17"}),
    ("以单位公函形式于9月19日下午5点前报市政务中心", 2024, {"by_date": "2024-09-19"}),
    ("政策文件印发之日起3个工作日内发布解读材料", 2024, {"working_days": 3, "anchor": "document"}),
    ("本方案印发后10个工作日内制定实施方案", 2024, {"working_days": 10, "anchor": "issued"}),
    ("确保年底全部完成", 2024, {"by_date": "2024-12-31"}),
    ("纳入年底考核", 2024, {}),
    ("2024.12.31", 2024, {"by_date": "2024-12-31"}),
    ("2024-06-30", None, {"by_date": "2024-06-30"}),
    ("于11月30日公开", 2024, {"by_date": "2024-11-30"}),
    ("政策文件发布后3天内，公开政策解读信息，做到同步发布", 2024, {"working_days": 0, "anchor": "document"}),
    ("分别于3月15日、9月30日前报送", 2024, {"by_date": "2024-03-15"}),  # the first item's date
    ("并于915日前报送", 2024, {"by_date": "2024-09-15"}),  # a capture that dropped 月
    ("方案最迟99日前报区政府办备案", 2024, {"by_date": "2024-09-09"}),  # no day is 99: 9月9日 with its 月 dropped
    ("于15日前报送", 2024, {}),  # no month at all: no date
    ("起草单位报审政策文件时，并同步报送政策解读材料", 2024, {"working_days": 0, "anchor": "document"}),
    ("制定发布、解读和回应方案，同步报送县政务公开办", 2024, {}),  # what is sent along is no interpretation
])
def test_deadline_forms(sentence, year, expected):
    assert deadline_of(analysis(sentence), year) == expected


def _kinds(sentence: str, title: str) -> list[str]:
    """The kinds drafted from one sentence under a notice's title line."""
    return [o["kind"] for o in draft(title + "\n" + sentence + "\n").obligations]


def test_damaged_signature_dates_are_read_only_when_unambiguous():
    from rules.drafting.metadata import damaged_date

    assert damaged_date("2019612") == "2019-06-12"
    assert damaged_date("20191231") == "2019-12-31"
    assert damaged_date("2019111") is None  # 1月11日 or 11月1日
    assert damaged_date("2019-001") is None
    assert damaged_date("203149") == "2031-04-09"  # two digits that can only be a month and a day
    assert damaged_date("203112") is None  # 2031年12月, or 1月2日


@pytest.mark.parametrize("limit", ["信息生成之日起15个工作日内公开", "信息形成或者变更之日起15个工作日内及时公开",
                                   "自信息生成之日起15个工作日内予以公开",
                                   # the statute's reservation after the lag, a lost 内
                                   "信息产生、变更之日起15个工作日内公开，保持长期公开（相关法规另有规定的应从其规定）",
                                   "信息形成或者变更之日起15个工作日内。法律法规对公开期限另有规定的，从其规定",
                                   "自形成或变更之日起15个工作日"])
def test_a_catalogue_time_limit_cell_dates_the_cell_it_follows(limit):
    text = "\n".join([
        "类别 |", "内容 |", "公开时限 |",
        "机构信息 |", "本局内设机构的名称、职能、办公地址和联系电话 |", limit + " |",
        "统计数据 |", "本局发布的年度统计数据及其说明 |", limit + " |",
        "公开事项类别 |",
    ])
    result = draft(text)
    assert [o["quote"] for o in result.obligations] == [
        "本局内设机构的名称、职能、办公地址和联系电话", "本局发布的年度统计数据及其说明"]
    assert all(o["kind"] == "topic_disclosed" and o["working_days"] == 15 and o["anchor"] == "document"
               for o in result.obligations)


def test_list_items_oblige_only_when_the_list_is_of_things_to_publish():
    publish = draft("一、本局应当主动公开下列信息：\n（一）行政事业性收费的项目和标准；\n（二）政府采购项目的目录和实施情况。")
    assert len(publish.obligations) == 2
    scope = draft("第三条 下列规范性文件须予解读：\n（一）涉及群众切身利益的；\n（二）社会关注度高的。\n"
                  "第四条 解读文本应与文件同步公开。")
    assert [o["quote"][:6] for o in scope.obligations] == ["第三条 下列", "第四条 解读"]
    assert scope.obligations[1]["working_days"] == 0


def test_a_question_and_answer_page_obliges_nobody():
    text = "【政策问答】某县2023年政务公开工作要点\n问：今年的要点有什么变化？\n答：今年要及时公开项目建设信息。"
    assert draft(text).obligations == []


def test_a_draft_loads_with_only_the_parameters_each_kind_declares(tmp_path):
    from checks.catalogue import load_rule_file
    from checks.kinds import KINDS

    output = tmp_path / "henan.yaml"
    zwgk("rules", "draft", str(shared("notices/000_ee91ae213ee25c43.txt")), "--id", "henan-draft", "-o", str(output))
    notice, rules = load_rule_file(output)
    assert notice.doc_number == "豫政办明电〔2017〕69号" and rules
    for rule in rules:
        assert set(rule.params) <= set(KINDS[rule.kind].PARAMS), rule.id
    assert "# 审核：" in output.read_text(encoding="utf-8")  # review notes are comments, not keys


def test_compare_shows_added_dropped_and_changed(tmp_path):
    text = read_notice(shared("notices/000_ee91ae213ee25c43.txt"))
    document = yaml.safe_load(draft_yaml(draft(text), "x"))
    rules = document["rules"]
    assert len(rules) >= 3
    removed, changed = rules[0], rules[1]
    reviewed = [dict(r) for r in rules[1:]]
    reviewed[0] = {**changed, "kind": "manual" if changed["kind"] != "manual" else "topic_disclosed"}
    reviewed.append({"id": "x-old", "kind": "manual", "quote": "一句已经不在新通知中的旧要求，用来检验删除。"})
    comparison = compare_rules(reviewed, rules)
    assert [r["id"] for r in comparison.added] == [removed["id"]]
    assert [r["id"] for r in comparison.dropped] == ["x-old"]
    assert [c[0]["id"] for c in comparison.changed] == [changed["id"]]
    path = tmp_path / "reviewed.yaml"
    path.write_text(yaml.safe_dump({"notice": document["notice"], "rules": reviewed}, allow_unicode=True), encoding="utf-8")
    result = zwgk("rules", "draft", str(shared("notices/000_ee91ae213ee25c43.txt")), "--id", "x", "--compare", str(path))
    assert "新增 1 条，删除 1 条，变更 1 条" in result.stdout
    assert "x-old" in result.stdout and f"新增 {removed['id']}" in result.stdout


def test_lint_without_the_notices_folder_is_an_error_not_zero_errors(tmp_path):
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "n.yaml").write_text(
        "notice: {id: n, title: T, issuer: I, issued: 2017-05-23, source_file: notices/n.txt, binds: {provinces: [河南省]}}\n"
        "rules:\n  - {id: n-1, kind: manual, quote: 一句引文, params: {reason: r}}\n", encoding="utf-8")
    missing = tmp_path / "no-such-folder"
    result = zwgk("rules", "lint", "--rules", str(rules), "--sources", str(missing), check=False)
    assert result.returncode == 1 and "通知原文目录不存在" in result.stdout
    sources = tmp_path / "notices"
    sources.mkdir()
    assert any("n.txt" in p and ": error: " in p for p in lint_rules(rules, sources=sources))  # file missing
    (sources / "n.txt").write_text("另一句话。", encoding="utf-8")
    assert any("quote not found" in p for p in lint_rules(rules, sources=sources))
    (sources / "n.txt").write_text("通知里有一句引文。", encoding="utf-8")
    assert lint_rules(rules, sources=sources) == []


def test_floors_on_both_halves():
    """Floors a little under the figures measured (README, `python -m tests.eval.notices`): the test half is
    held out — a drop there is a drop on notices the drafter was not tuned on."""
    from tests.eval.notices import LABEL_FILES, evaluate

    for name in LABEL_FILES:
        shared(f"real-pages/{name}")
    result = evaluate()
    for half, floors in FLOORS.items():
        for measure, floor in floors.items():
            assert result[half].ratio(measure) >= floor, (half, measure, result[half].counts[measure])


FLOORS = {
    "dev": {"recall": 0.95, "precision": 0.90, "deadlines": 0.9, "doc_number": 0.95, "issued": 0.95},
    "test": {"recall": 0.83, "precision": 0.73, "deadlines": 0.7, "doc_number": 0.95, "issued": 0.95},
}


# -- general rules added after the fresh batch (invented text) ---------------------------------------------

def test_a_date_whose_ri_was_dropped_is_still_read():
    assert deadline_of("请各单位于9月15前将材料报送县政务公开办", 2023).get("by_date") == "2023-09-15"
    assert deadline_of("于13月40前报送", 2023).get("by_date") is None  # no such date: nothing is guessed


def test_a_table_whose_cells_keep_their_delimiter_and_a_spaced_header():
    text = "\n".join([
        "序 号 |", "工 作 任 务 |", "责任单位 |", "时限要求 |",
        "1 |", "编制本县公开事项目录并在网站公开。 |", "县政府办公室 |", "2030年9月底 |",
        "2 |", "公开本县各类办事指南信息。 |", "县数据资源局 |", "2030年底 |",
        "3 |", "推行一次告知制度。 |", "县数据资源局 |", "2030年底 |",
    ])
    dated = {o["quote"][:6]: o["by_date"] for o in draft(text).obligations}
    assert dated.get("编制本县公开") == "2030-09-30"
    assert dated.get("公开本县各类") == "2030-12-31"


def test_a_capture_that_stops_inside_a_bracket_or_on_a_separator_gives_no_rule():
    text = "一、做好财政信息公开。\n1.按月公开本县财政收支情况。\n2.根据《某某办法》(某办"
    quotes = [o["quote"] for o in draft(text).obligations]
    assert any("财政收支" in q for q in quotes)
    assert not any("某某办法" in q for q in quotes)


@pytest.mark.parametrize("sentence", [
    "第一条 为规范本县政府信息发布工作，根据有关规定，制定本规定。",
    "第三条 本县行政机关之间的信息发布协调工作，适用本办法。",
    "• 公开方式 主动公开",
    "【发布文号】某办函〔2030〕12号",
    "2030年，全县政务公开工作取得明显成效，主动公开政府信息1.2万余条。",
    "坚持以公开为常态、不公开为例外，推进行政权力运行全流程公开。",
    "10.附件：某县2031年政务公开工作任务分解表",
    "经县政府同意，现予以公布。",
    "2031年,全县政务公开工作的主要任务是:紧紧围绕县委、县政府重大决策部署，深入推进决策、执行、管理、服务、结果公开。",
    "采取一季度一考评的方式，主要对区政府门户网站上各单位主动公开信息进行考评。",
    "经核查，截至目前，部分单位未按要求认真开展此项工作。",
    "各部门要高度重视政府网站年度报表发布工作，认真组织实施，完善工作机制。",
    "【发布单位】某省人民政府办公厅",
    "今年来，我局共公开政府信息30条，均按要求规范发布。",
    "某某县政府信息发布协调工作规定（试行）",
    "2030年本镇政务公开工作，紧紧围绕镇党委中心工作，坚持公开为常态，推动信息发布更加规范。",
    "为做好本街道信息公开工作，结合实际，特制定本街道政务公开工作实施方案。",
    "2031年，本区政府信息公开工作要继续深入贯彻落实条例，加大主动公开力度，提升公开质量。",
    "今年，本县将坚持以公开为常态、不公开为例外，不断健全发布、解读、回应的政务公开格局。",
    "做好政策解读是提升政府公信力、执行力，保障公众知情权、参与权的重要举措。",   # why the work matters
    "政府网站主要考核：日常更新、概况信息、互动交流、功能设计等。",               # what an assessment covers
    "县政府网站是规范性文件和以县政府名义印发的重要政策性文件及解读材料的公开平台。",  # what a channel is for
    "充分发挥政府门户网站的政务公开第一平台和权威政策发布解读平台作用。",
])
def test_purpose_scope_fields_reports_titles_and_general_requirements_oblige_nobody(sentence):
    assert draft("某某县人民政府办公室\n" + sentence + "\n").obligations == []


def test_a_numbered_item_ending_with_interpretation_is_a_task_not_a_title():
    assert draft("1.加强本县住房保障政策解读\n").obligations


# -- the learned scorer (rules/drafting/obligation_model.json) -------------------------------------------------

def test_the_obligation_model_loads_with_weights_for_every_structural_feature():
    from rules.drafting.candidates import candidates
    from rules.drafting.scorer import load_model

    model = load_model()
    assert model.ngram_weights and all(1 <= len(gram) <= 3 for gram in model.ngram_weights)
    assert 0 <= model.threshold < model.rescue <= 1
    found = candidates("一、公开工作\n1.按月公开本县财政收支情况。", 2030, "notice", [])
    assert found and set(model.feature_weights) == set(found[0].features)  # a renamed feature would be ignored
    assert all(0 < model.score(c.text, c.features) < 1 for c in found)


def test_the_scorer_vetoes_what_the_rules_keep_and_rescues_only_from_its_rescue_score():
    from rules.drafting.scorer import ObligationModel, load_model

    text = "一、做好财政信息公开。\n1.按月公开本县财政收支情况。\n2.及时公布本县重大项目审批结果。\n3.我县地处山区。"
    by_rules = [o["quote"] for o in draft(text, model=None).obligations]
    assert by_rules and not any("山区" in quote for quote in by_rules)

    def model(intercept, rescue=2.0):
        return ObligationModel({"intercept": intercept, "ngrams": {}, "structural": {}, "threshold": 0.5,
                                "rescue": rescue})

    assert draft(text, model=model(-20.0, rescue=0.9)).obligations == []
    assert [o["quote"] for o in draft(text, model=model(20.0)).obligations] == by_rules  # no rescue: the rules
    rescued = [o["quote"] for o in draft(text, model=model(20.0, rescue=0.9)).obligations]
    assert set(by_rules) < set(rescued) and any("山区" in quote for quote in rescued)
    assert draft(text).obligations == draft(text, model=load_model()).obligations  # the shipped model by default


def test_rebuilding_the_model_from_the_dev_half_is_deterministic():
    from rules.drafting import train
    from tests.eval.notices import LABEL_FILES, load_split

    for name in LABEL_FILES:
        shared(f"real-pages/{name}")
    first, second = train.build(dev=True), train.build(dev=True)
    assert train.dump(first) == train.dump(second)
    assert first["ngrams"] and all(len(gram) <= 3 for gram in first["ngrams"])
    dev_half = [name for name, half in load_split().items() if half == "dev"]
    assert first["trained_on"]["notices"] == len(dev_half)  # the dev half only: the test half is never read


# -- general rules added after the "more" batch (invented text) --------------------------------------------

def test_a_catalogue_row_on_one_line_drafts_its_content_cell_dated_by_its_time_limit():
    text = "\n".join([
        "某局政府信息主动公开事项目录",
        "| 公开事项 | 公开内容(要素) | 公开依据 | 公开时限 | 公开主体 | 公开渠道 |",
        "| 机构信息 | 本局的内设机构名称、职责和联系电话 | 《中华人民共和国政府信息公开条例》 | 信息形成之日起20个工作日内公开 | 某局 | 政府网站 |",
        "| 规划信息 | 本局中长期规划和年度计划 | 《某省政务公开办法》第八条 | 信息形成之日起15个工作日内公开 | 某局 | 政府网站 |",
    ])
    drafted = {o["quote"]: o["working_days"] for o in draft(text).obligations}
    assert drafted == {"本局的内设机构名称、职责和联系电话": 20, "本局中长期规划和年度计划": 15}


def test_a_catalogues_header_row_written_on_one_line_obliges_nobody():
    text = ("某镇卫生健康领域基层政务公开标准目录\n序号 公开事项 公开内容\n公开依据 公开\n1\n计划生育奖励\n"
            "独生子女父母奖励的对象、标准和程序\n《中华人民共和国政府信息公开条例》\n信息形成之日起20个工作日内\n")
    assert not any("序号" in o["quote"] or o["quote"].startswith("公开依据") for o in draft(text).obligations)


def test_an_interpretation_page_and_a_progress_report_oblige_nobody():
    interpretation = "\n".join([
        "《某县2031年政务公开工作要点》政策解读",
        "一、起草背景", "为做好全年政务公开工作，县政府办公室起草了工作要点。",
        "二、主要内容", "一是加强财政资金信息公开；二是做好政策解读。",
    ])
    report = "\n".join([
        "2031年6月某局政务公开重点工作任务完成情况",
        "任务 |", "时限 |", "推进落实情况 |",
        "每月公开救助资金发放情况 |", "持续推进 |", "已完成 |",
    ])
    assert draft(interpretation).obligations == []
    assert draft(report).obligations == []
    # a page on what was built ("…专区建设情况"), in the modal-free voice of a report
    built = "\n".join(["某镇2031年政务公开专区建设情况",
                       "某镇便民服务中心在一楼大厅设置政务公开专区，及时发布并动态更新各项惠民政策。",
                       "一、规范公开栏建设", "按照标准化要求设置政务公开栏，系统公布重点项目、财政资金等信息。"])
    assert draft(built).obligations == []
    # …but a notice about it still asks
    asked = built.replace("某镇2031年政务公开专区建设情况", "关于加快推进政务公开专区建设情况的通知").replace("及时发布", "要及时发布")
    assert draft(asked).obligations != []


def test_the_last_sentence_of_a_capture_cut_before_its_object_gives_no_rule():
    whole = "各单位要主动公开本单位的办事指南。\n新规定施行后,配套说明由承办科室及时在网站发布。"
    cut = "各单位要主动公开本单位的办事指南。\n新规定施行后,配套说明由承办科室及时在网"
    assert len(draft(whole).obligations) == 2
    assert [o["quote"] for o in draft(cut).obligations] == ["各单位要主动公开本单位的办事指南。"]


def test_a_capture_cut_after_its_duty_and_object_were_written_still_gives_its_rule():
    first = "各单位要主动公开本单位的办事指南。\n"
    in_a_remark = first + "涉农补贴发放结果要在发放后5个工作日内在门户网站公示,并同步报送市农业农村局备案(“"
    in_a_list = first + "凡涉及群众切身利益的收费项目,各乡镇要主动向社会公布收费依据、收费标准、"
    before_the_object = first + "凡涉及群众切身利益的收费项目,各乡镇要主动向社会公布("
    drafted = draft(in_a_remark).obligations
    assert len(drafted) == 2 and drafted[1]["working_days"] == 5
    assert len(draft(in_a_list).obligations) == 2
    assert [o["quote"] for o in draft(before_the_object).obligations] == ["各单位要主动公开本单位的办事指南。"]


def test_a_dated_report_cut_inside_its_remark_still_gives_its_rule_but_an_undated_one_does_not():
    first = "各单位要主动公开本单位的办事指南。\n"
    dated = first + "请各科室于2031年9月15日前,将半年工作总结及佐证材料报县政务公开办(联系电话:0000-"
    undated = first + "请各科室认真梳理本科室工作亮点,将有关材料报县政务公开办(联系电话:0000-"
    drafted = draft(dated).obligations
    assert len(drafted) == 2 and drafted[1]["kind"] == "manual" and str(drafted[1]["by_date"]) == "2031-09-15"
    assert len(draft(undated).obligations) == 1


def test_a_section_headed_by_its_date_dates_its_rows_and_name_cells_are_no_rules():
    text = "\n".join([
        "2031年某县政务公开任务清单",
        "工作任务 |", "具体要求 |", "责任单位 |",
        "一、年底前完成的任务 |",
        "1.规范性文件公开 |", "对现行有效的行政规范性文件进行清理,在网站集中公开文件目录。 |", "县司法局 |",
    ])
    drafted = draft(text).obligations
    assert [(o["quote"][:6], o["by_date"]) for o in drafted] == [("对现行有效的", "2031-12-31")]


# -- general rules added after the fresh batch became development material (issue 11; invented text) -------------

@pytest.mark.parametrize("sentence, year, expected", [
    ("于2030年10月前完成", 2030, {"by_date": "2030-10-31"}),        # a month before 前 is read as its end
    ("2030年6月30日", 2030, {"by_date": "2030-06-30"}),            # a 完成时限 cell holding a day
    ("11月30日完成", 2030, {"by_date": "2030-11-30"}),
    ("2030.6.30前", 2030, {"by_date": "2030-06-30"}),
    ("明年3月底前报送", 2030, {"by_date": "2031-03-31"}),          # the year after the notice's
    ("上半年完成", 2030, {"by_date": "2030-06-30"}),
    ("三季度末前完成", 2030, {"by_date": "2030-09-30"}),
    ("每季度公开", 2030, {"rhythm": "quarterly"}),                  # a rhythm, not a quarter's end
    ("11月中旬前", 2030, {"by_date": "2030-11-20"}),
    ("2030年4-6月", None, {"by_date": "2030-06-30"}),
    ("公开2030年政府债务限额、2029年末政府债务余额", 2030, {}),      # a date the data refers to
    ("按照《2030年3月至6月重点任务清单》执行", 2030, {}),             # a cited title's date names the document
    ("截至2030年6月30日", 2030, {}),                                # "as of": no deadline
    ("于6月1日至6月30日集中公开", 2030, {"by_date": "2030-06-30"}),  # a range of days ends on its last
    ("最迟不超过10月15日公开", 2030, {"by_date": "2030-10-15"}),
    ("务必于9月20日下班前报送", 2030, {"by_date": "2030-09-20"}),
    ("2030年度内完成", 2030, {"by_date": "2030-12-31"}),
    ("第三季度", 2030, {"by_date": "2030-09-30"}),                   # a 完成时限 cell holding a quarter
    ("承办部门须于2031131日前报送", 2030, {"by_date": "2031-01-31"}),  # 年 and 月 lost, one way to split
    ("于2031125日前报送", 2030, {}),                                   # two ways (1/25, 12/5): no date
    ("相关事项应当于本年度完成", 2030, {"by_date": "2030-12-31"}),
    ("2028年底前建立文件库", 2030, {"by_date": "2028-12-31"}),         # another year's end, stated as a deadline
    ("于2028年11月底前建成文件库", 2030, {"by_date": "2028-11-30"}),     # a stale deadline is still the text's
    ("同步做好规划解读工作", 2030, {"working_days": 0, "anchor": "document"}),
    ("2031年下半年完成", 2030, {"by_date": "2031-12-31"}),
    ("重大会议信息的采集发布要与会议同步", 2030, {"working_days": 0, "anchor": "document"}),  # released with what it reports
    ("信息发布与业务工作同步推进", 2030, {}),
    ("2030 年年底要在政务服务中心设立公开专区", 2030, {"by_date": "2030-12-31"}),
    ("请于6.30前报送", 2030, {"by_date": "2030-06-30"}),                # a month and day in figures, the notice's year
    ("执行标准第9.2前款", 2030, {}),
    ("6月中下旬完成", 2030, {"by_date": "2030-06-30"}),
    ("6月30日(星期五)前报送", 2030, {"by_date": "2030-06-30"}),
    ("2030.12", 2030, {"by_date": "2030-12-31"}),                      # a 完成时限 cell: year and month in figures
    ("2030-06", 2030, {"by_date": "2030-06-30"}),
    ("2030年6月起每月公开", 2030, {"rhythm": "monthly"}),              # a start, not a deadline
    ("各股室应于2030年3月1日,将抽查计划报办公室", 2030, {"by_date": "2030-03-01"}),
    ("报送截止时间为2030年6月30日", 2030, {"by_date": "2030-06-30"}),
    ("请各单位于6月30日报送自查报告", 2030, {"by_date": "2030-06-30"}),
    ("在6月30日之内完成整改", 2030, {"by_date": "2030-06-30"}),
    ("截止2030年6月30日,全县共公开信息1200条", 2030, {}),           # as of a day: no deadline
    ("今年财政专项资金公开不少于30项", 2030, {"by_date": "2030-12-31"}),  # a yearly quota falls due at the year's end
    ("2030年完成全部目录编制", 2030, {"by_date": "2030-12-31"}),
    ("公开2030年完成的项目", 2030, {}),
    ("对挂牌督办的,2031年要实现事故调查报告全部全文公开", 2030, {"by_date": "2031-12-31"}),
    ("到2031年,实现政务过程和结果全公开", 2030, {}),                      # a goal's horizon, not a deadline
    ("2030年至2031年6月,编制完成标准目录", 2030, {"by_date": "2031-06-30"}),  # a span of years ends in its last month
    ("全年累计发布信息2000条", 2030, {}),                              # what was done, no quota
    ("政策性文件须严格落实“解读在前、发文在后”", 2030, {"working_days": 0, "anchor": "document"}),
    ("重要政策文件要与解读材料同步在县政府门户网站公开", 2030, {"working_days": 0, "anchor": "document"}),
    # the first deadline is the sentence's own; a later one belongs to the clause after it, unless marked as the last
    ("各单位要在20311210日前完成自查自评", 2031, {"by_date": "2031-12-10"}),  # 年 and 月 lost, four digits left
    ("本镇将于2031620日开展政府开放日活动", 2031, {"by_date": "2031-06-20"}),  # …and an event's day, not only a deadline
    ("目录内的项目应当于本年度完成,确有困难未完成的,承办单位须于2031215日前说明原因", 2030, {"by_date": "2030-12-31"}),
    ("年底前完成全部整改,未完成的单位于次年1月20日前书面说明", 2030, {"by_date": "2030-12-31"}),
    ("10月中旬集中开展开放日活动,各单位尽早准备,最迟不晚于10月31日", 2030, {"by_date": "2030-10-31"}),
    ("定于2030年第一季度对各单位的公开工作开展第三方评估", 2030, {"by_date": "2030-03-31"}),  # a quarter a task is set in
    ("在第二季度组织开展业务培训", 2030, {"by_date": "2030-06-30"}),
    ("公开2030年第一季度的财政收支情况", 2030, {"rhythm": "quarterly"}),                    # the quarter of the data
    ("年底各乡镇公开专区面积不得少于50平方米", 2030, {"by_date": "2030-12-31"}),           # 年底 opening the clause
    ("全年举办3-4次政务开放活动", 2030, {"by_date": "2030-12-31"}),                     # a count of times in the year
    ("全年组织政府信息公开业务培训", 2030, {}),                                          # no count, no quota
    ("政策文件的解读方案应与文件同时起草、同时审签", 2030, {"working_days": 0, "anchor": "document"}),
])
def test_more_deadline_forms(sentence, year, expected):
    assert deadline_of(analysis(sentence), year) == expected


def test_a_notice_without_a_year_in_title_or_signature_takes_its_doc_numbers_year():
    notice = draft("某县人民政府办公室文件\n某政办发〔2031〕7号\n各单位要在6月底前公开本单位权责清单。\n")
    assert notice.year == 2031
    assert notice.obligations[0]["by_date"] == "2031-06-30"


def test_a_period_in_the_title_is_not_the_notices_year():
    from rules.drafting.metadata import year_of

    assert year_of("某市贯彻《某省政务公开五年行动计划(2031—2035年)》实施方案", "2031-07-08") == 2031
    assert year_of("关于2030年第四季度全省政府网站检查情况的通报", "2031-01-22") == 2031  # the period looked back on


@pytest.mark.parametrize("sentence", [
    "(三)县数据局李某同志解读本年度考核指标;",                       # a meeting's agenda
    "市里已把开放日活动情况在网站公开。",                              # what has been done
    "建议各单位同步在政务新媒体上发布;",                      # a suggestion
    "部门联合发文的,由牵头部门负责做好解读工作。",       # who does a duty stated elsewhere
    "依据《某某公开指引》,督促各村抓好落实。",                 # the basis names the only "公开"
    "对已公开的文件要定期评估、动态调整。",                        # a participle, not a publication
    "逐步扩大部门信息公开范围,丰富公开内容。",                          # widening scope names no item
    "简化申请受理流程,畅通咨询渠道,严格落实答复时限要求。",   # improving a procedure
    "强化栏目内容定期检查机制,避免出现空白栏目。",     # strengthening a mechanism
    "加大对改革成效的解读力度。",     # the whole "加大…力度"
    "结合本地实际,主动公开社会关切的政府信息。",                        # information named only by interest in it
    "各股室要对照方案中明确的任务和责任分工,逐项抓好落实。",              # implementing the attached plan
    "各局属单位要加强与上级业务部门的衔接,对本系统公开工作提出的要求要逐项抓好落实。",  # the field of work, no item
    "各乡镇要按照方案要求,深入推进决策、执行、管理、服务、结果公开的“五公开”工作。",  # a principle
    "近期,接县政务公开办转发的《上半年网站抽查情况通报》,我局有两个栏目被指出内容陈旧、发布不及时。",  # received
    "各股室拟上网信息经局长批准方可发布。",                            # the procedure before publishing
    "对信息发布工作履行职责不力的单位将提请县政府督查、约谈。",        # the issuer's sanction
    "第一条 为充分发挥县卫健局政务微博的对外宣传和信息发布作用,严格审核微博公众号发布内容,确保信息安全。",  # purpose
    "以主动公开为主。",                                                # a principle
    "微信公众号名称:某县教育发布",                                    # a field line
    "栏目: 信息公开指南",                                               # a field line
    "内容概述: 某县村级公益事业建设项目资金公开公示工作导引",           # a field line
    "征求公众意见的期限一般不得少于30日。",                              # a minimum period
    "3.乡镇卫生院公开事项清单.docx",                                    # an attachment's file name
    "政府信息公开申请的答复时限规定是什么",                              # a Q&A page's question
    "县数据局有关负责人介绍,系统会对超过期限未更新的栏目自动提示,督促及时发布。",  # what someone said
    "(原标题:本市将公布重点项目推进情况)",                              # a news page's furniture
    "本站资料来自公开网络,仅提供学习交流使用",                           # a site's disclaimer
    "第十一条 未按规定发布解读材料的,予以通报批评。",                  # the issuer's sanction
    "公示时间一般不少于5个工作日。",                                    # a minimum period, not a lag
    "二、本办法所称重要会议指研究部署全县性工作、涉及群众切身利益的政策调整和措施制定等重要事项。",  # a definition
    "信息公开选项:主动公开",                                            # a field line
    "Produced By 某某网络 某某发布系统",                                # the site's footer
    "统计信息公开工作是政务公开的重要内容,是取信于民的本质要求。",      # what the work is
    "县水利局(规划股)负责实施县本级主管的农村供水工程运营单位的信息公开监督管理工作,指导各乡镇水利站实施本行政区域内农村供水工程运营单位的信息公开监督管理工作。",  # who is responsible
])
def test_agenda_background_suggestions_assignments_and_exhortations_oblige_nobody(sentence):
    assert draft("某县人民政府办公室\n" + sentence + "\n").obligations == []


def test_a_principle_heading_and_an_item_name_with_two_short_clauses_are_no_rules():
    principles = "二、基本原则\n2.坚持需求导向。\n着眼企业需求,实现政策精准推送,打造优质服务。\n"
    assert draft("某县人民政府办公室\n" + principles).obligations == []
    item = "(一)深化财政信息公开,推动预算透明。按月在网站公开本县财政收支情况。\n"
    quotes = [o["quote"] for o in draft("某县人民政府办公室\n" + item).obligations]
    assert quotes == ["按月在网站公开本县财政收支情况。"]


def test_a_capture_ending_a_few_characters_into_a_sentence_gives_no_rule():
    text = "各单位要主动公开本单位的办事指南。\n按季度公开本县房地"
    assert [o["quote"] for o in draft(text).obligations] == ["各单位要主动公开本单位的办事指南。"]


def test_a_catalogue_flattened_one_cell_per_line_drafts_its_content_cells_not_its_categories():
    cells = ["分类", "内容要求", "责任单位",
             "机构信息", "本局内设机构名称、职责、办公地址和联系电话。", "办公室",
             "规划计划", "本局中长期规划、年度计划和工作总结。", "相关科室",
             "决策公开", "重大决策预公开", "重大决策草案和起草说明。", "相关科室"]
    text = "\n|\n".join(cells)  # each cell on its line, the delimiter on the next
    quotes = [o["quote"] for o in draft(text).obligations]
    assert quotes == ["本局内设机构名称、职责、办公地址和联系电话。", "本局中长期规划、年度计划和工作总结。", "重大决策草案和起草说明。"]


def test_a_capture_without_title_or_signature_takes_the_year_its_deadlines_are_written_in():
    text = ("一、加强权力运行公开\n"
            "1.2021年6月底前,各区县要全面公开部门权责清单。(责任单位:各区县政府)\n"
            "2.11月底前,各部门要在门户网站公开本部门政务服务事项目录。(责任单位:各部门)\n")
    notice = draft(text)
    assert notice.year == 2021
    assert [o["by_date"] for o in notice.obligations] == ["2021-06-30", "2021-11-30"]


@pytest.mark.parametrize("opening, year", [
    ("为确保我县2031年政务新媒体整合工作按期推进,根据《某省关于2029年度政务新媒体检查情况的通报》(2029年12月)精神,现就有关事项通知如下:", 2031),
    ("为继续做好我县2030年度政府网站年度报表填报工作,现就有关事项通知如下:", 2031),  # the report on 2030 is 2031's work
])
def test_a_capture_with_no_year_but_its_own_sentences_dates_by_the_year_they_speak_of_not_a_cited_one(opening, year):
    text = ("各乡镇人民政府,县政府各部门:\n" + opening + "\n"
            "一、请各部门于6月10日前将本单位政务新媒体情况表报送县政府办公室。\n")
    notice = draft(text)
    assert notice.year == year
    assert [o["by_date"] for o in notice.obligations] == [f"{year}-06-10"]


def test_the_title_broken_over_lines_or_run_into_the_next_page_field_is_not_drafted_as_a_rule():
    text = ("标题\n某县人民政府办公室关于印发某县政策文件解读工作实施办法的通知发布机构\n某县人民政府办公室\n"
            "某县人民政府办公室\n关于印发某县政策文件解读工作\n实施办法的通知\n"
            "各乡镇人民政府,县政府各部门:\n"
            "一、各部门制发政策文件时,要同步在门户网站发布解读材料。\n")
    notice = draft(text)
    assert notice.title == "某县人民政府办公室关于印发某县政策文件解读工作实施办法的通知"
    assert [o["quote"] for o in notice.obligations] == ["一、各部门制发政策文件时,要同步在门户网站发布解读材料。"]


def test_a_date_note_in_brackets_after_the_full_stop_dates_the_sentence_before_it():
    text = ("某县政务公开实施方案\n"
            "(一)各部门要在门户网站公开本部门政务公开事项标准目录。(2021年10月底前完成)\n"
            "(二)各乡镇要及时公开惠农补贴发放信息。\n")
    assert [o["by_date"] for o in draft(text).obligations] == ["2021-10-31", None]


def test_a_date_in_one_sentence_of_an_item_does_not_date_its_neighbour():
    text = ("某市2021年政务公开工作要点\n"
            "1.各部门要动态调整并及时公开部门权责清单。2021年9月底前,各部门要全面公开部门内设机构、下属单位等信息。"
            "(责任单位:各部门)\n")
    assert [o["by_date"] for o in draft(text).obligations] == [None, "2021-09-30"]


def test_a_catalogue_with_a_basis_column_drafts_each_rows_content_not_its_basis():
    text = ("某局主动公开事项目录\n"
            "| 序号 | 事项名称 | 公开内容 | 公开依据 | 公开时限 |\n"
            "| 1 | 机构概况 | 本局内设机构、办公地址、联系方式 | 1.《某省政务公开规定》(省政府令第9号):第八条 机构职能 | 信息形成之日起20个工作日内 |\n"
            "| 2 | 领导信息 | 本局领导姓名、分工 | 《某省政务公开规定》第九条,《某市实施细则》第三条 | |\n"
            "| 2.《某市实施细则》:第五条 各单位应当公开领导分工 | |\n")
    quotes = [o["quote"] for o in draft(text).obligations]
    assert quotes == ["本局内设机构、办公地址、联系方式", "本局领导姓名、分工"]
    assert draft(text).obligations[0]["working_days"] == 20


def test_a_cited_document_number_or_a_breadcrumb_publishes_nothing():
    text = ("某县2021年政务公开工作要点\n"
            "当前位置: 首页 > 信息公开 > 通知公告\n"
            "各单位要高度重视,按照国办公开办函〔2031〕9号文件的要求,做好安排部署。\n"
            "各单位要在门户网站公开本单位权责清单。\n")
    drafted = draft(text).obligations
    assert [o["quote"] for o in drafted if o["kind"] != "manual"] == ["各单位要在门户网站公开本单位权责清单。"]
    assert not any("当前位置" in o["quote"] for o in drafted)


def test_metadata_the_signature_block_beats_the_header_and_a_cited_number_is_not_the_notices():
    text = ("某市人民政府办公室关于印发某市2031年政务公开工作要点的通知\n"
            "来源:市政府办公室 2031年06月28日\n"
            "各区县人民政府:\n"
            "各单位要高度重视,按照国办公开办函〔2030〕61号文件的要求,在门户网站公开本单位权责清单。\n"
            "某市人民政府办公室\n"
            "(此件公开发布) 2031年6月26日???\n"
            "某政办字〔2031〕49号\n")
    notice = draft(text)
    assert notice.issued == "2031-06-26"
    assert notice.doc_number == "某政办字〔2031〕49号"


def test_a_number_cited_in_a_sentence_is_never_the_notices_own():
    notice = draft("某县政务公开工作会议纪要\n(一)张三同志传达某政办通〔2031〕113号《关于做好考核工作的通知》。\n")
    assert notice.doc_number is None


def test_a_work_summary_obliges_nobody():
    text = ("今年以来,某县扎实推进政务公开工作。\n一、主要工作与成效\n(一)聚焦政策发布\n"
            "1.严把发布关口。全年公开发布行政规范性文件12件。\n二、下一步工作打算\n(一)及时公开权责清单。\n")
    assert draft(text).obligations == []


@pytest.mark.parametrize("sentence, kept", [
    ("全年公开发布行政规范性文件及其他重要政策文件53件。", False),       # what was done
    ("各部门年内解读重要政策措施不少于2次。", True),                    # a target is a duty
    ("政府网站公开发布的文件较少,政策解读形式单一,缺乏多元化解读。", False),  # shortcomings found
    ("严格按照规定时限公开上年度逾期尚未支付中小企业款项的合同数量、金额等信息。", True),
    ("2031-05-05 00:00:00 889阅读 发布地区:某某州", False),              # page furniture
])
def test_reports_targets_shortcomings_and_page_furniture(sentence, kept):
    drafted = draft("某县2031年政务公开工作要点\n" + sentence + "\n").obligations
    assert bool(drafted) is kept, drafted


def test_the_issue_date_in_a_catalogue_table_or_an_encyclopedia_box():
    table = "[ 成文日期 ] | 2031-06-02 | [ 发布日期 ] | 2031-06-03 |\n某区政务公开工作要点\n"
    assert (draft(table).issued, draft(table).published) == ("2031-06-02", "2031-06-03")
    box = "某省2031年政务公开工作要点\n  • 颁布时间:2031年8月17日\n"
    assert (draft(box).issued, draft(box).published) == ("2031-08-17", None)


def test_a_catalogue_without_a_basis_column_drafts_each_rows_content_dated_by_its_time_limit():
    text = ("某县教育局信息公开目录\n"
            "信息类别 | 内容描述 | 责任主体 | 公开方式 | 公开时限 |\n"
            "领导信息 | 局领导班子成员姓名、照片及工作分工 | 办公室 | 县政府网站的县教育局栏目 | 信息形成或变更之日起20个工作日内 |\n"
            "预算决算 | 本局财政预算、决算及三公经费情况 | 计财股 | 县政府网站 | 信息形成之日起20个工作日内 |\n"
            "公开内容(要素)\n"
            "■政府网站 □政府公报 ■政务新媒体\n")
    drafted = draft(text).obligations
    assert [o["quote"] for o in drafted] == ["局领导班子成员姓名、照片及工作分工", "本局财政预算、决算及三公经费情况"]
    assert {o["working_days"] for o in drafted} == {20}


def test_a_catalogue_flattened_one_cell_per_line_in_the_standards_column_order():
    text = ("某镇义务教育领域基层政务公开标准目录\n\n序号\n\n公开事项\n\n公开内容(要素)\n\n公开依据\n\n公开时限\n\n公开主体\n\n"
            "1\n\n财务信息\n\n年度经费预决算信息、收费项目及收费标准\n\n《政府信息公开条例》\n\n"
            "信息形成或者变更之日起20个工作日内\n\n区级教育部门\n\n"
            "2\n\n学校概况\n\n办学性质、办学地点、办学规模、联系方式\n\n《某省教育条例》第十条\n\n"
            "信息形成或者变更之日起20个工作日内\n\n区级教育部门\n")
    drafted = draft(text).obligations
    assert [o["quote"] for o in drafted] == ["年度经费预决算信息、收费项目及收费标准", "办学性质、办学地点、办学规模、联系方式"]
    assert [o["working_days"] for o in drafted] == [20, 20]


# -- the genre's ways of laying out a task (synthetic notices written for these tests) -----------------------

def _drafted(text: str) -> list[tuple[str, str | None, int | None]]:
    notice = draft(text + "\n附件：略\n2030年3月1日\n")
    return [(o["quote"], o.get("by_date"), o.get("working_days")) for o in notice.obligations]


def test_a_short_numbered_task_with_its_date_note_is_a_task_not_a_heading():
    found = _drafted("2030年政务公开工作要点\n一、推进重点领域信息公开\n1.全面公开本级部门预决算信息。（6月底前完成）\n"
                     "2.各单位要在11月底前将工作要点落实情况报县政务公开办。\n")
    assert found == [("1.全面公开本级部门预决算信息。", "2030-06-30", None),
                     ("2.各单位要在11月底前将工作要点落实情况报县政务公开办。", "2030-11-30", None)]


def test_a_flattened_tables_labelled_lines_date_the_task_above_them_and_oblige_nobody():
    found = _drafted("2030年政务公开工作要点\n1.全面公开本级权责清单。\n牵头单位：县政务服务局\n完成时限：2030年9月底前\n"
                     "2.做好年报发布工作。\n牵头单位：县政府办\n完成时限：2031年1月31日前\n")
    assert found == [("1.全面公开本级权责清单。", "2030-09-30", None), ("2.做好年报发布工作。", "2031-01-31", None)]


def test_the_items_of_a_covering_notice_are_tasks_and_a_dated_intro_dates_its_items():
    found = _drafted("关于做好2030年政务公开工作的通知\n各乡镇人民政府、县直各部门：\n现将有关事项通知如下：\n"
                     "一、各单位要在本通知印发之日起10个工作日内制定本单位2030年政务公开工作实施方案，并在县政府门户网站公开。\n")
    assert [(quote[:6], days) for quote, _, days in found] == [("一、各单位要", 10)]
    assert draft("关于做好2030年政务公开工作的通知\n现将有关事项通知如下：\n一、各单位要在本通知印发之日起10个工作日内制定"
                 "本单位实施方案，并在县政府门户网站公开。\n附件：略\n").obligations[0]["kind"] == "plan_published"
    items = _drafted("2030年政务公开工作要点\n（一）2030年6月底前完成以下工作：\n1.在门户网站公开本级权责清单。\n"
                     "2.在门户网站公开政务服务事项目录。\n（二）其他工作\n")
    assert [date for _, date, _ in items] == ["2030-06-30", "2030-06-30"]


def test_a_sentence_that_only_dates_the_one_before_it():
    assert _drafted("2030年政务公开工作要点\n（三）各部门要全面公开本级随机抽查结果。此项工作于10月底前完成。\n") == [
        ("（三）各部门要全面公开本级随机抽查结果。", "2030-10-31", None)]


@pytest.mark.parametrize("sentence", [
    "公开内容要简明清楚，通俗易懂。",                                   # how content must be, no item
    "凡公开事项必须真实可靠。",
    "为全面贯彻上级关于政务公开的部署，深入落实有关条例。",              # a purpose clause, no duty
    "政府门户网站是政策发布的第一平台。",                               # what something is
    "涉及公开内容、公开依据、公开时限、公开主体等。",                   # a run of column names
    "严格落实主体责任，始终将信息发布质量摆在第一位。",                  # putting something first
    "加强疫情信息发布工作协调，增强合力。",                            # coordinating an activity
    "联合起草的，由牵头部门负责组织实施解读。",                          # who does a duty stated elsewhere
    "以本局名义制发的规范性文件，起草科室负责做好解读工作；",            # …without 由
    "两个部门共同发文的，由主办部门做好解读工作，协办部门配合。",
    "坚持“谁制定、谁解读”原则，重要文件由制定部门自行组织解读。",
    "各单位要切实提高政策解读材料的质量，讲清政策出台的来龙去脉。",      # how good an interpretation must be
    "坚决杜绝照搬原文、罗列条目等简单化解读。",
    "经县政府授权，县直部门负责同志也可以进行新闻发布。",               # a permission
    "围绕年度工作要点，考评各部门主动公开和依申请公开工作情况。",        # the issuer assesses
    "测评方式：根据政府网站信息发布情况开展考评。",
    "公文类信息是指机关在管理过程中形成的文书。",                        # a definition
    "各部门按照职责，积极推进政策解读相关工作。",                        # "推进…相关工作" names no item
    "第一条 为规范本局信息发布，特制定本制度。",                         # the rule's own purpose
    "（一）办公室负责组织、协调、督促各股室信息公开工作。",              # who answers for the work
    "政府信息公开遵循依法、及时、便民的原则。",                          # the principle a rule follows
    "其他应公开的信息，应报分管领导同意后公开。",                        # the procedure before publishing
    "各部门网站基本能够按照要求做好信息发布工作。",                      # an inspection's finding
    "（二）弄虚作假，不真实反映本机关公开情况的；",                      # a case a rule applies to
    "各部门年度报告组织工作由县政务公开办公室负责。",                    # who answers for the work
    "首页/ 政府信息公开 / 法定主动公开内容 / 正文",                      # a breadcrumb
    "积极探索特定群体的线下公开渠道。",                                  # exploring
    "经抽查，多数单位能及时发布信息，但仍有部分单位更新不及时。",          # an inspection's finding
    "严格落实政府网站内容保障责任，确保信息发布准确及时。",                # a responsibility and a standard
    "到2030年底，政务公开制度体系更加完善，公开质量进一步提升。",          # a goal: its year is a horizon
])
def test_standards_purposes_definitions_and_column_names_oblige_nobody(sentence):
    assert draft("某县人民政府办公室\n" + sentence + "\n附件：略\n").obligations == []


def test_the_scorer_never_rescues_what_a_rule_rejects():
    from rules.drafting.scorer import ObligationModel

    sure = ObligationModel({"intercept": 20.0, "ngrams": {}, "structural": {}, "threshold": 0.0, "rescue": 0.9})
    assert draft("某县人民政府办公室\n加大对改革成效的解读力度。\n附件：略\n", model=sure).obligations == []


def test_a_catalogue_row_under_a_merged_time_limit_cell_takes_the_one_above_unless_its_own_follows():
    text = ("某局主动公开事项目录\n"
            "| 序号 | 一级事项 | 二级事项 | 公开内容 | 公开依据 | 公开时限 | 公开渠道 |\n"
            "| 1 | 机构信息 | 机构职能 | 本局职能职责和内设机构设置 | 《某省政务公开规定》 | 信息形成之日起20个工作日内 | 政府网站 |\n"
            "| 内设科室 | 各内设科室的职责和联系方式 | 政府网站 | √ |\n"
            "| 2 | 政务管理 | 规范性文件 | 本局现行有效的规范性文件 |\n"
            "| 《某省政务公开规定》 | 信息形成之日起5个工作日内 | 政府网站 |\n")
    days = {o["quote"].strip(): o["working_days"] for o in draft(text).obligations}
    assert days == {"本局职能职责和内设机构设置": 20, "各内设科室的职责和联系方式": 20, "本局现行有效的规范性文件": 5}


def test_the_items_of_an_exempt_list_or_of_an_annual_reports_contents_are_no_topics():
    exempt = _drafted("某局政务信息公开制度\n（二）下列政务信息不得向社会公开：\n1.涉及国家秘密的；\n2.涉及商业秘密的；\n")
    assert exempt == []
    contents = draft("某县政府信息公开年度报告制度\n第三条 政府信息公开年度报告应当包括下列内容：\n（一）主动公开政府信息情况；\n"
                     "（二）依申请公开政府信息情况；\n附件：略\n").obligations
    assert [(o["kind"], o["quote"][:8]) for o in contents] == [("annual_report", "第三条 政府信息")]


def test_a_request_after_what_the_issuer_will_do_is_a_unit_of_its_own_and_a_dated_request_obliges():
    found = _drafted("关于做好测评问题整改工作的通知\n县政务公开办将于6月下旬开展测评，请各单位高度重视，务必在6月1日前对照问题清单完成整改。\n")
    assert found == [("请各单位高度重视，务必在6月1日前对照问题清单完成整改。", "2030-06-01", None)]


def test_work_on_disclosure_that_no_page_shows_is_manual_and_publishing_a_catalogue_is_a_topic():
    def kinds(sentence):
        return [o["kind"] for o in draft("某县政务公开工作要点\n" + sentence + "\n附件：略\n").obligations]

    assert kinds("修订完善本部门主动公开目录。") == ["manual"]
    assert kinds("做好依申请公开和免予公开政府信息的报备工作。") == ["manual"]
    assert kinds("编制本单位主动公开基本目录并在网站公开。") == ["topic_disclosed"]
    assert kinds("各部门要制定本部门实施方案并公开。") == ["plan_published"]
    assert kinds("各单位要于本要点印发后15个工作日内制定本单位贯彻落实方案，并在门户网站公开。") == ["plan_published"]
    assert kinds("重要决策要通过政府网站广泛征集公众意见。") == ["topic_disclosed"]  # a consultation on the website


def test_an_annual_report_sent_up_for_review_is_manual_and_published_is_an_annual_report():
    def kinds(sentence):
        return [o["kind"] for o in draft("某县政务公开工作要点\n" + sentence + "\n附件：略\n").obligations]

    assert kinds("各部门应当在每年12月15日前将本部门政府信息公开工作年度报告送县政务公开办公室审核。") == ["manual"]
    assert kinds("各部门应当在每年1月31日前在门户网站公布本部门政府信息公开工作年度报告。") == ["annual_report"]


def test_a_note_whose_fields_are_separated_by_semicolons_stays_one_note_and_dates_its_item():
    found = _drafted("2030年政务公开工作要点\n（一）推进重点领域信息公开。\n"
                     "1.公开本级预决算。（责任单位：县财政局；完成时限：2030年6月底前）\n"
                     "2.公开本级政府债务信息。（责任单位：县财政局；完成时限：2030年9月底前）\n")
    assert found == [("1.公开本级预决算。", "2030-06-30", None), ("2.公开本级政府债务信息。", "2030-09-30", None)]


def test_a_dating_sentence_about_the_work_above_dates_every_task_before_it_on_the_line():
    found = _drafted("2030年政务公开工作要点\n（三）推进财政信息公开。全面公开本级部门预算。公开本级政府债务信息。"
                     "上述工作于2030年10月底前完成。\n")
    assert found == [("全面公开本级部门预算。", "2030-10-31", None), ("公开本级政府债务信息。", "2030-10-31", None)]


def test_a_task_cell_that_opens_with_a_rhythm_word_or_ends_with_a_list_is_a_task():
    text = ("2030年政务公开重点工作任务分解表\n| 序号 | 工作任务 | 具体措施 | 牵头单位 | 完成时限 |\n"
            "| 1 | 基础信息公开 | 及时更新机构职能、领导信息等基础信息 | 县政府办 | 长期坚持 |\n"
            "| 2 | 强化权力配置信息公开 | 动态调整并公开权责清单 | 县委编办 | 2030年9月底前 |\n附件：略\n")
    found = {o["quote"]: o.get("by_date") for o in draft(text).obligations}
    assert found == {"及时更新机构职能、领导信息等基础信息": None, "动态调整并公开权责清单": "2030-09-30"}


def test_a_flattened_rows_short_task_name_before_its_measure_is_a_name():
    text = ("2030年政务公开重点工作任务分解表\n序号\n工作任务\n具体措施\n牵头单位\n配合单位\n完成时限\n"
            "1\n推进财政信息公开\n在门户网站集中公开本级部门预决算\n县财政局\n各部门\n2030年6月底前\n附件：略\n")
    assert [(o["quote"], o.get("by_date")) for o in draft(text).obligations] == [("在门户网站集中公开本级部门预决算", "2030-06-30")]


def test_a_target_is_a_duty_and_a_rhythm_of_updates_publishes():
    def quotes(sentence):
        return [o["quote"] for o in draft("某县政务公开工作要点\n" + sentence + "\n附件：略\n").obligations]

    assert quotes("9.规范政务新媒体运维，每周至少发布信息3条。\n10.做好年报发布工作。")[0] == "9.规范政务新媒体运维，每周至少发布信息3条。"
    assert quotes("每季度更新医疗机构名录。") == ["每季度更新医疗机构名录。"]
    assert quotes("全年公开发布政策文件53条。") == []  # a count of what was done


def test_a_task_dated_by_to_the_end_of_a_year_still_obliges():
    found = _drafted("某县政务公开工作要点\n到2030年底，各部门要在门户网站全面公开本部门权责清单。\n")
    assert [date for _, date, _ in found] == ["2030-12-31"]


@pytest.mark.parametrize("cell, by_date", [
    ("10月", "2030-10-31"), ("6月30日前", "2030-06-30"), ("9月中旬", "2030-09-20"), ("上半年", "2030-06-30"),
    ("第三季度", "2030-09-30"), ("年底", "2030-12-31"), ("2030年", "2030-12-31"), ("12月", "2030-12-31"),
])
def test_a_time_limit_cell_holding_only_a_date_dates_its_rows_task(cell, by_date):
    text = ("2030年政务公开重点工作任务分解表\n| 序号 | 工作任务 | 责任单位 | 完成时限 |\n"
            f"| 1 | 在门户网站公开本级权责清单 | 县委编办 | {cell} |\n附件：略\n")
    assert [(o["quote"], o.get("by_date")) for o in draft(text).obligations] == [("在门户网站公开本级权责清单", by_date)]


def test_a_rows_one_short_task_cell_is_its_task_not_a_category():
    text = ("2030年政务公开重点工作任务分解表\n| 序号 | 完成时限 | 工作任务 | 牵头单位 |\n"
            "| 1 | 长期坚持 | 及时公开行政处罚结果 | 县司法局 |\n"
            "| 2 | 长期坚持 | 财政信息 | 在门户网站公开本级政府预决算 | 县财政局 |\n附件：略\n")
    assert [o["quote"] for o in draft(text).obligations] == ["及时公开行政处罚结果", "在门户网站公开本级政府预决算"]


def test_a_flattened_table_with_short_names_a_same_time_cell_and_a_report_named_row():
    text = ("某县2030年政务公开工作任务分解表\n序号\n主要任务\n具体措施\n牵头单位\n配合单位\n完成时间\n"
            "1\n预决算公开\n各部门在批复后公开部门预算\n县财政局\n各预算单位\n6月底前\n"
            "2\n政策解读\n出台政策文件的同时在门户网站发布解读材料\n县政府办\n县政府各部门\n与政策文件同步\n"
            "3\n年度报告\n在门户网站发布政府信息公开工作年度报告\n县政府办\n各乡镇人民政府\n1月31日前\n"
            "4\n教育公开\n公开义务教育招生入学政策\n县教育局\n县政府办\n8月上旬\n附件：略\n")
    found = [(o["quote"], o.get("working_days"), o.get("by_date"), o.get("lead_units")) for o in draft(text).obligations]
    assert found == [
        ("各部门在批复后公开部门预算", None, "2030-06-30", ["县财政局"]),  # a task opening with 各 is no units cell
        ("出台政策文件的同时在门户网站发布解读材料", 0, None, ["县政府办"]),
        ("在门户网站发布政府信息公开工作年度报告", None, "2030-01-31", ["县政府办"]),  # "年度报告" names, not dates, the row
        ("公开义务教育招生入学政策", None, "2030-08-10", ["县教育局"]),
    ]


def test_metadata_a_catalogue_boxs_issue_date_a_bracketed_date_and_a_title_without_guanyu():
    boxed = notice_from("索引号: 0001/2031-00066 发布机构: 区某某局\n发文日期: 2031年06月15日 文 号: /\n"
                        "某区某某局2031年政务公开工作要点\n发布时间:2031-07-05 浏览次数:\n"
                        "2031年政务公开工作的总体要求是:以公开为常态,深入贯彻市委、市政府关于政务公开的部署。\n")
    assert (boxed.issued, boxed.published) == ("2031-06-15", "2031-07-05")  # the box's 发文日期 beside a 发布时间
    assert (boxed.title, boxed.issuer) == ("某区某某局2031年政务公开工作要点", "某区某某局")
    alone = notice_from("某区某某局2031年政务公开工作要点\n发文日期: 2031年06月15日\n一、总体要求\n")
    assert (alone.issued, alone.published) == (None, "2031-06-15")  # the page's only date: its publication
    bracketed = notice_from("某市某某局2031年政务公开工作要点\n来源: 市某某局\n（2031年4月20日）\n"
                            "2031年是关键之年。为贯彻市委、市政府关于全面推进政务公开工作的决策部署,制订本要点。\n")
    assert (bracketed.issued, bracketed.title) == ("2031-04-20", "某市某某局2031年政务公开工作要点")


def test_a_flattened_tables_numbered_task_cell_followed_by_its_units_cell_is_a_task():
    text = ("附件\n某省2031年政务公开工作要点任务分解表\n工作任务\n牵头单位\n配合单位\n"
            "一、推进重点领域公开\n（一）推进财政信息公开\n1.做好预决算公开工作\n省财政厅\n各市人民政府\n"
            "2.按季度发布财政收支数据\n省财政厅、省统计局按职责分别牵头落实\n各市人民政府\n"
            "（二）推进环境保护信息公开\n省生态环境厅\n各市人民政府\n")
    found = {o["quote"]: o.get("lead_units") for o in draft(text).obligations}
    assert found == {"1.做好预决算公开工作": ["省财政厅"], "2.按季度发布财政收支数据": ["省财政厅", "省统计局"],
                     "（二）推进环境保护信息公开": ["省生态环境厅"]}


def test_publishing_interpretation_information_is_an_interpretation_and_other_information_is_a_topic():
    kinds = partial(_kinds, title="某县2031年政务公开工作要点")

    assert kinds("1.政策文件发布后3个工作日内，在门户网站公开政策解读信息。") == ["interpretation_timely"]
    assert kinds("2.在门户网站公开行政处罚信息，并做好政策解读。") == ["topic_disclosed"]


def test_a_row_broken_over_two_lines_a_publishing_cell_and_a_lag_cell():
    text = ("某区2031年政务公开重点工作任务清单\n| 序号 | 重点任务 | 具体内容 | 责任单位 | 完成时限 |\n"
            "| 1 | 政策解读 | 区政府出台的行政规范性文件，在文件公开后3个工作日内\n发布解读材料 | 区政府办 | 长期坚持 |\n"
            "| 2 | 规划信息 | 公开国土空间总体规划 | 区自然资源局 | 2031年第三季度 |\n"
            "| 3 | 实施方案 | 制定本部门政务公开工作实施方案并在门户网站公开 | 各部门 | 印发后15个工作日内 |\n")
    found = [(o["quote"], o["kind"], o.get("working_days"), o.get("anchor"), o.get("by_date")) for o in draft(text).obligations]
    assert found == [
        ("区政府出台的行政规范性文件，在文件公开后3个工作日内\n发布解读材料", "interpretation_timely", 3, "document", None),
        ("公开国土空间总体规划", "published_by_date", None, None, "2031-09-30"),
        ("制定本部门政务公开工作实施方案并在门户网站公开", "plan_published", 15, "issued", None),
    ]
    assert all(quote in text for quote, *_ in found)


def test_an_item_followed_by_labelled_units_on_its_line_is_a_task_and_they_apply_to_it():
    text = ("某市2031年政务公开工作要点责任分工\n一、深化重点领域信息公开\n"
            "1.全面公开市级部门预决算，细化到功能分类项级科目。牵头单位：市财政局；责任单位：市级各部门。完成时限：2031年4月底前。\n"
            "2.按季度公开全市主要经济指标数据。牵头单位：市统计局。\n"
            "3.公开重大建设项目批准和实施信息。（市发展改革委牵头，各区县政府配合）\n")
    found = [(o["quote"], o.get("by_date"), o.get("lead_units"), o.get("cooperating_units")) for o in draft(text).obligations]
    assert found == [
        ("1.全面公开市级部门预决算，细化到功能分类项级科目。", "2031-04-30", ["市财政局"], ["市级各部门"]),
        ("2.按季度公开全市主要经济指标数据。", None, ["市统计局"], []),
        ("3.公开重大建设项目批准和实施信息。", None, ["市发展改革委"], ["各区县政府"]),
    ]


def test_a_deadline_without_a_year_in_sight_still_dates_its_sentence():
    text = ("省人民政府办公厅关于做好机构调整期间政府网站相关工作的通知\n省政府各部门：\n"
            "一、机构调整中撤并的部门，须对原有网站进行整合。网站整合工作应在今年年底前完成。\n")
    found = {o["quote"]: o.get("by_date") for o in draft(text).obligations}
    assert found.get("网站整合工作应在今年年底前完成。", "missing") is None  # drafted, its year left to the reviewer


@pytest.mark.parametrize("sentence, drafted", [
    ("（一）各部门对本单位发布的所有文件进行准确分类。", False),  # 发布的 qualifies the files: nothing is published
    ("（二）各部门要在门户网站公开本部门权责清单。", True),
    ("（三）依法应当主动公开的政府信息，要在形成之日起20个工作日内公开。", True),
])
def test_a_publishing_verb_before_de_qualifies_a_noun_and_publishes_nothing(sentence, drafted):
    found = draft("某县2031年政务公开工作要点\n" + sentence + "\n").obligations
    assert bool(found) is drafted


def test_a_catalogue_time_limit_counted_from_when_the_information_is_formed():
    text = ("某街道基层政务公开标准目录\n| 序号 | 公开事项 | 公开内容 | 公开依据 | 公开时限 | 公开主体 |\n"
            "| 1 | 控辍保学 | 辖区内控辍保学工作实施情况 | 《义务教育法》 | 信息形成20个工 作日内公开 | 某街道办事处 |\n")
    found = [(o["quote"], o.get("working_days")) for o in draft(text).obligations]
    assert found == [("辖区内控辍保学工作实施情况", 20)]


def test_a_clause_led_by_its_own_date_is_a_task_of_its_own():
    text = ("某市2031年政务公开工作要点\n"
            "（四）强化就业信息公开。市人力资源社会保障局要按月发布就业岗位信息，6月底前在门户网站开设“稳就业”专栏。\n"
            "（五）各部门要在本要点印发后15个工作日内制定具体落实措施并在门户网站公开，11月底前将落实情况报市政务公开办。\n"
            "（六）各部门要梳理本部门权责事项，6月底前完成。\n")
    found = [(o["quote"], o["kind"], o.get("working_days"), o.get("by_date")) for o in draft(text).obligations]
    assert found == [
        ("市人力资源社会保障局要按月发布就业岗位信息", "topic_disclosed", None, None),
        ("6月底前在门户网站开设“稳就业”专栏。", "column_exists", None, "2031-06-30"),
        ("（五）各部门要在本要点印发后15个工作日内制定具体落实措施并在门户网站公开", "plan_published", 15, None),
        ("11月底前将落实情况报市政务公开办。", "manual", None, "2031-11-30"),
        ("（六）各部门要梳理本部门权责事项，6月底前完成。", "manual", None, "2031-06-30"),  # a date alone closes its sentence
    ]


def test_a_cell_broken_after_a_comma_is_one_cell_and_a_task_ending_in_hui_is_no_unit():
    text = ("某区2031年政务公开重点工作任务分工\n序号\n工作任务\n工作内容\n牵头单位\n完成时间\n"
            "1\n权责清单\n依法公开区级部门权责清单，\n并根据法律法规立改废释情况动态调整\n区委编办\n长期坚持\n"
            "2\n新闻发布\n区政府每季度至少召开1次新闻发布会\n区政府新闻办\n每季度\n"
            "3\n行政许可\n公开行政许可事项清单及办事指南\n区行政审批局\n2031年6月底前\n")
    found = [(o["quote"], o.get("lead_units")) for o in draft(text).obligations]
    assert found == [("依法公开区级部门权责清单，\n并根据法律法规立改废释情况动态调整", ["区委编办"]),
                     ("区政府每季度至少召开1次新闻发布会", ["区政府新闻办"]),
                     ("公开行政许可事项清单及办事指南", ["区行政审批局"])]


def test_a_catalogue_with_its_channel_column_before_the_time_limit():
    lines = ["一级目录", "二级目录", "公开内容", "公开形式", "公开时限", "公开主体",
             "机构信息", "领导信息", "公开局领导姓名、职务、分工", "网站公开", "信息形成后,20个工作日内公开", "办公室",
             "政务服务", "事项办理", "服务指南", "网站公开", "信息形成后，7个工作日内公开", "办公室",
             "规划计划", "年度计划", "发布本局2031年度工作计划", "网站公开", "3月底前", "办公室"]
    text = "某县某局2031年政府信息主动公开目录\n" + "\n".join(line + " |" for line in lines)
    found = [(o["quote"], o.get("working_days"), o.get("by_date")) for o in draft(text).obligations]
    assert found == [("公开局领导姓名、职务、分工", 20, None), ("服务指南", 7, None), ("发布本局2031年度工作计划", None, "2031-03-31")]


def test_draft_refuses_an_empty_notice_and_says_when_it_finds_nothing(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n", encoding="utf-8")
    result = zwgk("rules", "draft", str(empty), check=False)
    assert result.returncode == 2 and "没有文字" in result.stderr and "Traceback" not in result.stderr
    summary = tmp_path / "summary.txt"
    summary.write_text("今年以来，我县扎实推进政务公开工作，全年公开发布信息1200条。\n", encoding="utf-8")
    result = zwgk("rules", "draft", str(summary), check=False)
    assert result.returncode == 0 and "未找到任何义务" in result.stderr and "rules: []" in result.stdout


def test_a_docx_task_table_is_read_row_by_row_in_document_order(tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph("某县2031年政务公开工作任务分解表")
    table = document.add_table(rows=3, cols=4)
    for r, row in enumerate([["序号", "工作任务", "责任单位", "完成时限"],
                             ["1", "在门户网站公开本级部门预算和决算", "县财政局", "2031年9月底前"],
                             ["2", "政策文件出台后3个工作日内发布解读材料", "县政府各部门", "长期坚持"]]):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    document.add_paragraph("各单位要在本通知印发后10个工作日内制定本单位实施方案，并在门户网站公开。")
    path = tmp_path / "notice.docx"
    document.save(path)
    found = [(o["quote"], o.get("working_days"), o.get("by_date"), o.get("lead_units")) for o in draft(read_notice(path)).obligations]
    assert found == [("在门户网站公开本级部门预算和决算", None, "2031-09-30", ["县财政局"]),
                     ("政策文件出台后3个工作日内发布解读材料", 3, None, ["县政府各部门"]),
                     ("各单位要在本通知印发后10个工作日内制定本单位实施方案，并在门户网站公开。", 10, None, None)]


@pytest.mark.parametrize("lag, by_date", [("30日内", "2031-05-02"), ("一个月内", "2031-05-02"), ("15天内", "2031-04-17")])
def test_calendar_days_from_the_notices_issue_are_a_fixed_date(lag, by_date):
    text = ("某市人民政府办公室关于印发某市2031年政务公开工作要点的通知\n各区县人民政府：\n"
            f"各区县要于本要点印发之日起{lag}在政府网站公开本地区的工作任务分解表。\n某市人民政府办公室\n2031年4月2日\n")
    assert [(o["kind"], o.get("by_date")) for o in draft(text).obligations] == [("plan_published", by_date)]


def test_calendar_days_without_the_notices_date_or_from_a_policys_issue_date_nothing():
    no_date = "某市2031年政务公开工作要点\n各区县要于本要点印发之日起30日内在政府网站公开本地区的工作任务分解表。\n"
    assert [o.get("by_date") for o in draft(no_date).obligations] == [None]
    policy = ("某市人民政府办公室关于印发某市2031年政务公开工作要点的通知\n"
              "各部门要在政策文件印发之日起15日内在门户网站公开政策文件。\n某市人民政府办公室\n2031年4月2日\n")
    assert [o.get("by_date") for o in draft(policy).obligations] == [None]


def test_naming_a_leader_and_announcing_it_is_a_leader_rule():
    found = draft("某县2031年政务公开工作要点\n12.落实政务公开第一责任人制度，明确分管领导并在门户网站公布。\n").obligations
    assert [o["kind"] for o in found] == ["leader_published"]


def test_a_task_dated_by_its_completion_obliges_even_without_a_modal_verb():
    found = draft("某县2031年政务公开工作要点\n9.组织开展政务公开业务培训。\n10.6月底前完成政府网站集约化平台建设。\n").obligations
    assert [(o["quote"], o.get("by_date")) for o in found][-1] == ("10.6月底前完成政府网站集约化平台建设。", "2031-06-30")


def test_a_heading_whose_numeral_the_capture_lost_is_still_a_heading():
    text = ("某市2031年政务公开工作要点\n()推进发展新产业、培育新动能工作信息公开\n"
            "1.各部门要在门户网站公开本部门支持新产业发展的政策措施。\n")
    assert [o["quote"] for o in draft(text).obligations] == ["1.各部门要在门户网站公开本部门支持新产业发展的政策措施。"]


def test_the_page_after_the_article_obliges_nobody(tmp_path):
    page = tmp_path / "notice.html"
    page.write_text(
        "<html><head><meta charset='utf-8'></head><body><div>当前位置：首页 &gt; 政务公开</div>"
        "<h1>某县人民政府办公室关于印发某县2031年政务公开工作要点的通知</h1>"
        "<p>各乡镇人民政府，县政府各部门：</p><p>现将《要点》印发给你们，请认真贯彻落实。</p>"
        "<p>一、县财政局要于9月底前在门户网站公开县级部门预决算。</p><p>某县人民政府办公室</p><p>2031年3月10日</p>"
        "<div>上一篇：关于公开征求某县政务服务事项目录意见的公告</div><h3>相关新闻</h3>"
        "<ul><li>县财政局全面公开2031年部门预算</li></ul>"
        "<div>主办：某县人民政府办公室 承办：某县大数据中心 网站标识码：1234000001</div></body></html>",
        encoding="utf-8")
    assert [o["quote"] for o in draft(read_notice(page)).obligations] == ["一、县财政局要于9月底前在门户网站公开县级部门预决算。"]
    # a website-management notice may name the 网站标识码 in its body: that is no footer
    body = ("某省人民政府办公厅关于做好政府网站调整工作的通知\n各部门：\n"
            "一、调整后的网站要及时完成党政机关网站标识、网站标识码等信息的更新。\n二、各部门要在门户网站公开网站调整情况。\n")
    assert [o["quote"] for o in draft(body).obligations][-1] == "二、各部门要在门户网站公开网站调整情况。"


def test_who_interprets_is_manual_and_when_is_an_interpretation_rule():
    kinds = partial(_kinds, title="某县2031年政务公开工作要点")

    assert kinds("5.重要政策文件出台后，主要负责同志要带头解读。") == ["manual"]
    assert kinds("4.政策解读材料原则上应在文件公开之日起3个工作日内发布。") == ["interpretation_timely"]


def test_metadata_the_titles_own_number_in_brackets_and_a_number_cited_after_he():
    own = notice_from("关于做好2031年政务公开工作要点落实工作的通知(某公开办发〔2031〕3号)\n各单位：\n"
                      "要对照某政办函〔2031〕44号和某政办函〔2031〕17号文件规定，抓好公开工作。\n")
    assert own.doc_number == "某公开办发〔2031〕3号"
    cited = notice_from("某县2031年政务公开工作要点\n各单位：\n要对照某政办函〔2031〕44号和某政办函〔2031〕17号文件规定，抓好公开工作。\n")
    assert cited.doc_number is None
    listed = notice_from("某局政府信息公开工作制度\n一、依据\n  4. 某省人民政府办公厅关于推进政务公开的指导意见(某办发〔2031〕54号);\n")
    assert listed.doc_number is None


def test_hearing_reports_on_disclosure_work_is_no_leader_rule():
    found = draft("某市2031年政务公开工作要点\n主要负责人要定期听取政务公开工作汇报，分管负责人要直接参与政务公开相关工作。\n").obligations
    assert [o["kind"] for o in found] == ["manual"]


def test_a_heading_that_asks_for_the_three_syncs_is_an_interpretation_released_with_its_policy():
    found = draft("某县2031年政务公开工作要点\n（二）落实“三同步”要求。\n").obligations
    assert [(o["kind"], o["working_days"]) for o in found] == [("interpretation_timely", 0)]
    # any other requirement to carry out is still an exhortation
    assert not draft("某县2031年政务公开工作要点\n（三）落实“五公开”要求。\n").obligations


def test_publishing_ones_own_plan_is_a_plan_rule_but_the_name_of_a_disclosure_plan_is_not_its_verb():
    def kinds(sentence):
        return [(o["kind"], o["working_days"]) for o in draft("某县2031年政务公开工作要点\n" + sentence + "\n").obligations]

    assert kinds("各单位要在收到本通知后五个工作日内公开本单位实施方案。") == [("plan_published", 5)]
    assert kinds("各乡镇要于5月底前公开本乡镇的工作方案。")[0][0] == "plan_published"
    assert "plan_published" not in [k for k, _ in kinds("各部门要结合实际制定本部门政务公开工作要点，抓好落实。")]


def test_a_rows_short_task_name_gives_way_to_the_measure_it_states_beside_it():
    found = draft("某市2031年政务公开重点工作任务分工方案\n| 序号 | 重点任务 | 具体措施 | 牵头单位 | 时间节点 |\n"
                  "| 1 | 公开财政信息 | 按规定公开部门预算、决算及“三公”经费。 | 市财政局 | 长期坚持 |\n"
                  "| 2 | 公开规划信息 | 市自然资源局 | 2031年6月底前 |\n").obligations
    assert [o["quote"] for o in found] == ["按规定公开部门预算、决算及“三公”经费。", "公开规划信息"]


def test_a_periodic_self_inspection_is_manual_and_the_annual_report_as_a_column_name_is_no_report_rule():
    kinds = partial(_kinds, title="某县2031年政务公开工作要点")

    assert kinds("县政府办公室要每季度开展一次政府网站和政务新媒体自查。") == ["manual"]
    assert kinds("各单位要积极组织人员参加培训。") == []
    assert kinds("各部门要规范设置机构信息、法定主动公开内容、政府信息公开年报等栏目，年底前完成调整。") != ["annual_report"]
    assert kinds("各单位要在1月31日前公开本单位上一年度政府信息公开工作年度报告。") == ["annual_report"]


def test_a_date_under_a_flattened_tables_time_limit_column_is_no_signature_date():
    table = "某区2031年政务公开工作任务清单\n序号\n工作任务\n完成时限\n责任单位\n1\n编制政务公开事项标准目录并在网站公开。\n2031年9月30日\n各街道\n"
    assert notice_from(table).issued is None
    assert notice_from(table + "某区人民政府办公室\n2031年3月1日\n").issued == "2031-03-01"


def test_a_catalogue_boxs_generation_date_is_the_documents_own_beside_the_pages_publication_date():
    box = "索引号: | 0001/2031-00001 | 发布机构: | 某县人民政府 |\n生成日期: | 2031-03-02 | 发布日期: | 2031-03-05 |\n" \
          "某县人民政府办公室关于印发某县2031年政务公开工作要点的通知\n各乡镇：\n"
    assert (notice_from(box).issued, notice_from(box).published) == ("2031-03-02", "2031-03-05")
    alone = "公文生成日期:2031-03-02\n某县2031年政务公开工作要点\n"
    assert (notice_from(alone).issued, notice_from(alone).published) == (None, "2031-03-02")


def test_a_notice_whose_source_is_a_government_portal_is_no_news_report():
    found = draft("某区人民政府办公室关于印发某区2031年政务公开工作要点的通知\n来源:某区人民政府网站日期:2031-03-20 10:00\n"
                  "各单位:\n一、按季度公开重点项目建设进展情况(区发改委负责落实)。\n").obligations
    assert [o["kind"] for o in found] == ["topic_disclosed"]


def test_a_hard_wrapped_sentence_is_read_whole_but_a_long_line_cut_by_the_capture_is_not_joined():
    wrapped = ("某市2031年新闻发布工作计划\n各单位:\n为组织好2031年新闻发布工作,充分发挥新闻发布的平台作用,现将\n"
               "年度新闻发布工作安排通知如下:\n一、各单位要在门户网站及时转载发布会内容,并于发布会后3个工作日内\n"
               "公开发布会实录。\n")
    quotes = [o["quote"] for o in draft(wrapped).obligations]
    assert quotes == ["一、各单位要在门户网站及时转载发布会内容,并于发布会后3个工作日内\n公开发布会实录。"]
    cut = ("某县2031年政务公开工作要点\n一、推进监管公开。加强监管执法信息公开,围绕规范事中事后监管,依法公开随机抽查事项清单,"
           "明确抽查依据、主体、内容、方式等,及时公布\n县市场监管局要在门户网站公开行政处罚结果。\n")
    assert "县市场监管局要在门户网站公开行政处罚结果。" in [o["quote"] for o in draft(cut).obligations]


def test_a_text_wrapped_at_a_page_width_is_read_paragraph_by_paragraph():
    # a PDF's text layer: every line of a paragraph fills the printed width (28 full-width characters, digits half),
    # breaks fall anywhere, even inside a word, with no comma before them
    paragraphs = ["各乡镇人民政府、县直各部门要在本要点印发后10个工作日内制定本单位贯彻落实的实施方案并在本单位门户网站公开。",
                  "县财政局要在9月30日前在县政府门户网站集中公开全县各部门决算及三公经费决算说明情况。",
                  "县市场监管局要按季度在门户网站公开食品安全监督抽检结果和不合格产品核查处置情况。",
                  "各部门应在政策文件公开发布后3个工作日内在本单位网站发布解读材料。",
                  "县政府办公室要在年底前完成县政府门户网站政府信息公开专栏的栏目调整和历史信息的归档整理工作。",
                  "县应急管理局要及时在门户网站发布自然灾害预警信息和突发事件应对处置进展情况并回应社会关切。"]

    def wrap(paragraph: str, width: float = 28) -> list[str]:
        lines, line = [], ""
        for c in paragraph:
            if sum(0.5 if ord(x) < 128 else 1 for x in line + c) > width:
                lines, line = lines + [line], ""
            line += c
        return lines + [line]

    text = "某县2031年政务公开工作要点\n" + "\n".join(line for p in paragraphs for line in wrap(p)) + "\n"
    found = draft(text).obligations
    assert [o["quote"].replace("\n", "") for o in found] == paragraphs
    assert [(o["working_days"], o["by_date"] and str(o["by_date"])) for o in found] == [
        (10, None), (None, "2031-09-30"), (None, None), (3, None), (None, "2031-12-31"), (None, None)]
    assert all(o["quote"] in text for o in found)  # the quote keeps the source's line breaks
    assert structure.wrap_width(text.splitlines()) == 28
    # prose of uneven lines, as a web page gives it, is no wrapped text
    loose = ["某县2031年政务公开工作要点", *(p[:-1] + "，确保工作落实" * (i % 3) + "。" for i, p in enumerate(paragraphs))]
    assert structure.wrap_width(loose) is None


def test_a_catalogue_flattened_one_cell_per_line_with_its_time_limit_after_the_content():
    # columns 类别 | 工作事项 | 公开内容 | 公开时限 | 公开方式 | 责任主体, every cell on a line of its own, 序号 cells
    # before the 事项 and the content, a 类别 cell spanning rows, units that end in no usual suffix (…司)
    header = ["某部主动公开基本目录", "类别", "工作事项", "公开内容", "公开时限", "公开方式", "责任主体"]
    rows = [("1.机构", "1", "主要职责", "1", "本部主要职责和内设机构职能", "形成或变更之日起20个工作日内", "部门户网站", "人事司"),
            ("", "2", "领导信息", "2", "本部领导简历及分工", "形成或变更之日起20个工作日内", "部门户网站", "人事司、办公厅"),
            ("2.规划", "3", "工作要点", "3", "本部落实年度政务公开工作要点实施方案", "印发之日起10个工作日内", "部门户网站", "办公厅"),
            ("", "4", "统计数据", "4", "本行业年度统计公报", "形成之日起15个工作日内", "部门户网站、新闻发布会", "规划司")]
    text = "\n\n".join(header + [cell for row in rows for cell in row if cell]) + "\n"
    found = draft(text).obligations
    assert [(o["quote"], o["kind"], o["working_days"]) for o in found] == [
        ("本部主要职责和内设机构职能", "topic_disclosed", 20), ("本部领导简历及分工", "topic_disclosed", 20),
        ("本部落实年度政务公开工作要点实施方案", "plan_published", 10), ("本行业年度统计公报", "topic_disclosed", 15)]


def test_a_labelled_time_limit_line_ending_in_a_full_stop_and_a_row_date_earlier_than_the_tasks_year_end():
    text = ("某署2031年政务公开工作要点\n(一)做好规划公开。\n1. 做好历史规划的归集整理和集中公开工作。\n"
            "责任单位:办公厅牵头,相关部门配合。\n完成时限:2031年9月。\n2. 年内推动各直属单位对外公开本单位预算信息。\n"
            "责任单位:各直属单位。\n完成时限:2031年11月。\n3. 在6月30日前公开本单位权责清单。\n完成时限:2031年12月。\n")
    assert [str(o["by_date"]) for o in draft(text).obligations] == ["2031-09-30", "2031-11-30", "2031-06-30"]


def test_an_unnumbered_task_area_cell_above_numbered_measures_obliges_nobody():
    text = ("某局2031年政务公开工作要点分工方案\n工作任务\n具体要求\n落实科室\n做好重点领域信息公开\n"
            "1.主动公开本局年度重点工作任务及其进展情况。\n各科室按职责分工落实\n"
            "2.定期公开行政处罚结果和监督检查结果。\n执法科\n公开规范性文件正式文本\n1.标注文件有效性。\n")
    quotes = [o["quote"] for o in draft(text).obligations]
    assert "做好重点领域信息公开" not in quotes  # it names the field the measures below belong to
    assert quotes[:2] == ["1.主动公开本局年度重点工作任务及其进展情况。", "2.定期公开行政处罚结果和监督检查结果。"]
    assert "公开规范性文件正式文本" in quotes  # a cell naming what is published obliges, whatever follows it


def test_a_statement_of_significance_a_list_of_mechanisms_and_a_form_name_oblige_nobody():
    assert not draft("某省2031年政务公开工作安排\n2031年,全省重要会议将相继召开,做好政务公开工作,助力稳增长、惠民生,意义十分重大。\n"
                     "要建立健全政务公开工作机制,确保保密审查、主动公开发布、绩效问责等工作机制健康运转。\n"
                     "某市2031年度新闻发布工作计划表\n").obligations


def test_trying_out_a_new_mechanism_or_channel_obliges_nobody_unless_another_clause_delivers():
    notice = "某县2031年政务公开工作要点\n"
    exploring = ["要聚焦企业关切,探索建立“局长谈政策”工作机制。", "加强大数据技术运用,探索建立全县统一的智能问答平台。",
                 "在全县范围内探索建立“一网发布”新闻发布模式。"]
    assert draft(notice + "\n".join(exploring)).obligations == []
    delivering = "开展村级财务公开试点,在村务公开栏公布收支明细,探索建立村级财务公开评议机制。"
    assert [o["quote"] for o in draft(notice + delivering).obligations] == [delivering]


def test_a_catalogue_whose_cells_are_separated_by_spaces_and_whose_content_follows_its_basis():
    source = ("某市政府信息公开事项清单\n序号 事项名称    内容要求 公开主体 时限 公开方式\n"
              "1  机构领导 《条例》 领导姓名、分工、简历、办公电话等。 市政府办公室 20个工作日内 政府网站、查阅点\n"
              "2  内设机构 《条例》 内设机构名称、职责、负责人、联系电话等。 市政府各部门 20个工作日内 政府网站\n")
    found = draft(source).obligations
    assert [(o["quote"], o["working_days"]) for o in found] == [
        ("领导姓名、分工、简历、办公电话等。", 20), ("内设机构名称、职责、负责人、联系电话等。", 20)]
    assert all(o["quote"] in source for o in found)


def test_a_press_conference_plan_flattened_one_cell_per_line_dates_each_conference_as_manual_work():
    plan = ("某县2031年新闻发布计划\n序号 |\n发布主题 |\n发布单位 |\n拟发布时间 |\n1 |\n全县经济运行情况新闻发布会 |\n县统计局 |\n"
            "2031年3月 |\n2 |\n在门户网站公开重点项目进展情况 |\n县发改局 |\n2031年6月底前 |\n")
    found = [(o["kind"], o["by_date"]) for o in draft(plan).obligations]
    assert found == [("manual", "2031-03-31"), ("published_by_date", "2031-06-30")]


def test_a_sentence_opening_with_a_catalogue_field_name_is_still_a_sentence():
    found = draft("某县2031年新闻发布工作通知\n发布单位要按照新闻发布会计划起草新闻发布稿,确定新闻发布人。\n发布单位:某县人民政府办公室\n").obligations
    assert [o["quote"] for o in found] == ["发布单位要按照新闻发布会计划起草新闻发布稿,确定新闻发布人。"]


def test_the_steps_of_a_procedure_are_tasks_and_drafting_an_interpretation_plan_is_manual():
    rule = ("某县政策解读工作制度\n第三条 解读的程序。具体按以下程序组织实施:\n"
            "(一)起草单位在起草规范性文件时,必须同步谋划组织起草解读方案。\n"
            "(二)解读方案经本单位主要负责同志审定后,作为拟制发文件的附件,一并报送县人民政府办公室。\n")
    assert [o["kind"] for o in draft(rule).obligations] == ["manual", "manual"]


def test_a_mirror_in_traditional_characters_with_pinyin_or_at_signs_splits_its_sentences_as_the_original():
    from opencc import OpenCC

    notice = ("某县人民政府办公室关于公布2031年度重大行政决策事项目录的通知\n各乡镇，县政府各部门：\n"
              "现将《目录》印发给你们，请各承办单位抓紧组织实施，并在决策作出后及时在县政府门户网站公开。\n"
              "各单位要按照专栏标准规范设置机构信息等栏目，年底前完成调整。\n")
    clean = [(o["kind"], o["by_date"]) for o in draft(notice).obligations]
    traditional = OpenCC("s2t").convert(notice)
    with_pinyin = traditional.replace("請", "請(qing)").replace("調", "調(tiao)").replace("完", "完(wan)")
    with_at_signs = notice.replace("，请", "，@@请")
    assert len(clean) == 2
    for noisy in (traditional, with_pinyin, with_at_signs):
        assert [(o["kind"], o["by_date"]) for o in draft(noisy).obligations] == clean


def test_either_script_matches_both_scripts_and_keeps_classes_and_escapes():
    import re

    from core.text import either_script

    pattern = re.compile(either_script(r"^[（(]请(?:各|县)\d月"))
    assert pattern.match("(请各3月") and pattern.match("（請縣3月") and not pattern.match("请各3月")


def test_a_catalogue_boxs_date_and_issuer_fields_oblige_nobody():
    found = draft("某县2031年政务公开工作要点\n发文日期: 2031-06-24 发布机构: 某县卫生健康局\n"
                  "印发日期:2031-04-28      发布日期:2031-04-28      某府办发〔2031〕8 号\n").obligations
    assert found == []


def test_marking_a_documents_disclosure_attribute_is_manual_work_and_a_permission_obliges_nobody():
    kinds = partial(_kinds, title="某县2031年政务公开工作要点")

    assert kinds("各部门制发公文时要明确文件公开属性。") == ["manual"]
    assert kinds("明确为不公开或依申请公开的,要依法依规说明理由。") == ["manual"]
    assert kinds("各科室于每月8日前将上月政府信息统计表报至局信息中心。") == ["manual"]
    assert kinds("政策解读可通过专家解读、政策问答、在线访谈等形式进行。") == []
    assert kinds("2031年7月底前,各县(市、区)完成基层政务新媒体规范化建设工作。") == ["manual"]


def test_an_assessment_tables_standards_oblige_and_its_deductions_do_not():
    table = ("2031年某区政务公开绩效考评标准表\n类别\n分值\n考核标准\n政府信息主动公开\n10\n"
             "及时、规范公开主动公开的政府信息。 ①公文超期公开每条扣5分;②要素未规范录入每条扣1分。\n")
    found = draft(table)
    assert found.title == "2031年某区政务公开绩效考评标准表"
    assert [o["quote"] for o in found.obligations] == ["及时、规范公开主动公开的政府信息。"]


def test_a_dated_standard_written_in_the_same_cell_as_its_deduction_still_obliges():
    table = ("2031年某县政务公开考核评分细则\n考核项目 | 考评内容 | 分值 |\n"
             "主动公开 | 1、属于主动公开的政府信息自形成之日起15个工作日内予以公开，逾期公开的每条扣1分。 | 20 |\n"
             "2、行政规范性文件与解读材料同步发布，未同步的每例扣2分； | ||||\n"
             "3、信息发布出现错别字的，每处扣0.5分。 | ||||\n")
    found = [(o["working_days"], o["quote"][:10]) for o in draft(table).obligations]
    assert found == [(15, "1、属于主动公开的政"), (0, "2、行政规范性文件与")]  # the undated deduction alone obliges nobody


def test_an_open_day_notice_dates_its_event_and_splits_the_duty_from_the_issuers_announcement():
    def found(sentence):
        return [(o["kind"], o["by_date"], o["quote"]) for o in draft("某县2031年政务公开工作要点\n" + sentence + "\n").obligations]

    assert found("各单位要于5月15日开展政府开放日活动，并在门户网站发布活动信息。")[0][1] == "2031-05-15"
    # the issuer's announcement is the day the event is held (a duty no page shows); the addressees' is their own
    assert found("定于2031年5月20日举办主题活动，各单位要在网站发布活动预告。") == [
        ("manual", "2031-05-20", "定于2031年5月20日举办主题活动，"), ("topic_disclosed", None, "各单位要在网站发布活动预告。")]


@pytest.mark.parametrize("text, quote, by_date", [
    ("某乡2031年政府开放日活动公告\n本乡将于2031年827日组织开展“走进乡政府”开放日活动，欢迎参加。\n",
     "本乡将于2031年827日组织开展“走进乡政府”开放日活动，", "2031-08-27"),        # 月 lost, the digits split one way
    ("某局2031年政府开放日活动方案\n一、活动主题\n走进某局\n二、活动时间\n2031年9月16日（星期二）上午9:30\n三、活动地点\n某局一楼\n",
     "2031年9月16日（星期二）上午9:30", "2031-09-16"),                             # the date under its heading
    ("某局2031年政府开放日活动方案\n三、活动安排\n活动时间：2031年10月9日（星期四）14:30\n",
     "活动时间：2031年10月9日（星期四）14:30", "2031-10-09"),
    ("某局2031年政府开放日活动方案\n（一）活动时间\n拟定于2031年11月6日（星期四）上午9:00 开始\n",
     "拟定于2031年11月6日（星期四）上午9:00 开始", "2031-11-06"),
    ("某镇2031年政务开放日活动方案\n二、活动时间\n2031年8月28日(暂定)\n", "2031年8月28日(暂定)", "2031-08-28"),
    ("某局2031年政府开放日活动方案\n时间:2031年9月27日14:30\n地点:某局会议室\n", "时间:2031年9月27日14:30", "2031-09-27"),
    ("某区政府开放日活动通知\n二、活动安排\n（一）区本级集中组织开放日活动，各街道在9月18日举办本街道开放日活动。\n",
     "各街道在9月18日举办本街道开放日活动。", None),                                 # no year anywhere: undated
])
def test_an_announced_events_day_is_a_manual_duty_dated_by_that_day(text, quote, by_date):
    found = [(o["kind"], o["by_date"]) for o in draft(text).obligations if quote in o["quote"] or o["quote"] in quote]
    assert found == [("manual", by_date)]


def test_an_event_plans_guests_theme_place_and_programme_oblige_nobody_but_its_assigned_and_dated_steps_do():
    text = ("某局2031年政府开放日活动方案\n"
            "一、活动目标\n通过开展政府开放日活动，邀请群众走进机关，了解政府工作，促进政务公开。\n"
            "一、活动主题\n走进某局 共话发展\n"
            "二、活动时间\n2031年9月16日（星期二）上午9:30\n"
            "三、邀请对象\n邀请人大代表、政协委员、企业代表和群众代表参加。\n"
            "四、活动主题及内容\n（一）实地参观。邀请代表参观办事大厅和政务公开专区，介绍本局主要职能。\n"
            "（二）座谈交流。召开座谈会，听取代表意见建议。\n"
            "（三）意见反馈。各科室要认真收集代表意见，逐条答复。\n"
            "五、报名方式\n请有意参加的市民于9月10日前通过电话报名。\n"
            "六、工作要求\n办公室负责会场布置，活动结束后3个工作日内在门户网站发布活动信息。\n")
    quotes = [o["quote"] for o in draft(text).obligations]
    assert quotes == ["2031年9月16日（星期二）上午9:30", "各科室要认真收集代表意见，逐条答复。",
                      "办公室负责会场布置，活动结束后3个工作日内在门户网站发布活动信息。"]


def test_what_a_press_conference_may_announce_is_no_page_to_publish():
    text = ("某县关于报送2031年新闻发布会计划的通知\n一、发布内容\n1.全县重点工作和重大决策部署；\n"
            "2.社会关注的热点问题及回应；\n3.其他需要对外发布的重要事项。\n"
            "二、报送要求\n各单位要于3月10日前将本单位新闻发布会计划报县政府办公室。\n")
    assert [o["quote"] for o in draft(text).obligations] == ["各单位要于3月10日前将本单位新闻发布会计划报县政府办公室。"]
    # the same list in a notice on the portal's contents is what the portal must carry
    website = text.replace("新闻发布会计划", "网站信息发布计划")
    assert len(draft(website).obligations) > 1


def test_an_offices_own_assessment_or_meeting_day_is_no_event_to_hold():
    text = "某县2031年政务公开工作要点\n县政务公开办将于6月12日开展第二次测评，测评情况纳入年度考评。\n"
    assert [o["by_date"] for o in draft(text).obligations if "测评" in o["quote"]] == []


def test_a_plans_first_sentence_naming_the_annual_report_does_not_make_it_a_report():
    found = draft("某县2031年政务公开工作要点\n各单位政府信息公开工作年度报告须于每年1月31日前向社会公布。\n").obligations
    assert [o["kind"] for o in found] == ["annual_report"]


def test_the_disclosure_marker_quoted_in_a_duty_is_no_covering_formula_and_a_list_of_values_is_a_definition():
    def quotes(text):
        return [o["quote"] for o in draft("某市政府文件公开属性工作通知\n" + text).obligations]

    assert quotes("未认定为“此件公开发布”的,要依法依规说明理由。\n") == ["未认定为“此件公开发布”的,要依法依规说明理由。"]
    assert quotes("(此件公开发布)\n") == []
    assert quotes("(三)公文公开属性分别为:此件公开发布、此件依申请公开、此件不予公开。\n") == []


def test_an_annual_report_notice_dates_its_deadlines_in_the_year_after_the_one_reported_on():
    body = "关于做好2030年政府信息公开工作年度报告编制发布工作的通知\n各单位：\n各单位要于1月31日前在门户网站公布本单位年度报告。\n"
    assert [o["by_date"] for o in draft(body).obligations] == ["2031-01-31"]
    assert [o["by_date"] for o in draft(body + "某县人民政府办公室\n2031年1月5日\n").obligations] == ["2031-01-31"]


def test_a_policy_analysis_is_an_interpretation_but_resolving_a_domain_name_is_not():
    kinds = partial(_kinds, title="某县2031年政务公开工作要点")

    assert kinds("进一步做好常务会议讨论决定事项的政策解析工作。") == ["interpretation_timely"]
    assert "interpretation_timely" not in kinds("各单位要在6月底前完成政府网站域名解析配置。")


def test_a_catalogue_rows_site_column_written_as_a_path_is_its_channel_not_its_content():
    table = ("某镇政务信息主动公开基本目录\n| 公开事项 | 公开内容(要素) | 公开依据 | 公开时限 | 公开主体 | 公开渠道和载体 | 网站所属栏目 |\n"
             "| 规范性文件 | 规范性文件及清理结果 | 《政府信息公开条例》 | 信息形成之日起20个工作日内 | 党政办 | 政府网站 | 政府信息公开平台—政策—规范性文件 |\n"
             "| 其他文件 | 非政策类的通知公告 | √ | √ | 政府信息公开平台—政策—其他主动公开文件 |\n")
    assert [o["quote"] for o in draft(table).obligations] == ["规范性文件及清理结果", "非政策类的通知公告"]


def test_staffing_duties_and_hour_limits_oblige_and_breadcrumbs_link_titles_and_title_tails_do_not():
    kinds = partial(_kinds, title="某县2031年政务公开工作要点")

    assert kinds("各乡镇和县直有关部门要明确专人负责政务公开工作。") == ["manual"]
    assert kinds("县政府办公室要设立政务公开专门工作机构,配备专职人员。") == ["manual"]
    assert len(kinds("对其他政务舆情应在48小时内予以回应。")) == 1
    assert kinds("政务公开 > 政策公开 > 政策文件") == []
    assert kinds("『图文解读』 一图读懂《某县2031年政务公开工作要点》") == []
    assert kinds("完善政务公开栏目公开内容的通知") == []


def test_a_plans_phases_date_their_tasks_by_labelled_lines_and_oblige_nobody_themselves():
    plan = ("某镇2031年目录编制工作方案\n- 发布机构:某镇人民政府\n一、总体目标\n目录编制是推进政务公开提质增效的核心抓手。\n二、重点任务\n"
            "(一)基础筹备阶段(2031年8月至9月)\n各科室应全面收集与本科室职责相关的法律法规,建立公开依据库。\n"
            "责任主体:各科室\n完成时限:2031年9月5日前\n")
    assert [(o["quote"], o["by_date"]) for o in draft(plan).obligations] == [
        ("各科室应全面收集与本科室职责相关的法律法规,建立公开依据库。", "2031-09-05")]


def test_a_public_announcement_is_a_title():
    notice = notice_from("某省人民政府办公厅关于印发某省2031年政务公开工作要点的公告\n各市州人民政府：\n")
    assert notice.title == "某省人民政府办公厅关于印发某省2031年政务公开工作要点的公告"


def test_a_notice_titled_without_guanyu_takes_its_year_from_its_first_line():
    found = draft("某市2031年政府网站年度报表工作通知\n（一）报送（3月1日-10日）。各县（市）区政府要填写本地区年度报表并报市政府办公室。\n")
    assert found.year == 2031 and [o["by_date"] for o in found.obligations] == ["2031-03-10"]


def test_a_notice_without_a_year_in_title_or_signature_takes_its_pages_year_before_a_year_it_cites():
    page = ("某县人民政府办公室关于召开测评问题整改推进会的通知\n发布日期:2031-03-14\n各乡镇:\n"
            "3月10日,市政府办公室反馈了2030年度政务公开测评问题清单。\n请各单位于3月17日前反馈整改链接。\n")
    assert [o["by_date"] for o in draft(page).obligations] == ["2031-03-17"]


def test_labelled_fields_after_a_task_on_its_own_line_or_in_lenticular_brackets_date_it_and_name_its_units():
    found = draft("某县2031年政务公开工作任务清单\n"
                  "5. 及时公开重大建设项目批准和实施信息 牵头单位：县发改局 配合单位：县住建局 完成时限：2031年12月\n"
                  "（四）规范政策解读。政策文件与解读材料同步起草、同步审签、同步发布。【牵头单位：县司法局 完成时限：长期坚持】\n").obligations
    assert [(o["quote"], o["by_date"], o.get("lead_units"), o.get("cooperating_units")) for o in found] == [
        ("5. 及时公开重大建设项目批准和实施信息", "2031-12-31", ["县发改局"], ["县住建局"]),
        ("政策文件与解读材料同步起草、同步审签、同步发布。", None, ["县司法局"], [])]


def test_two_deadlines_for_two_deliverables_are_two_rules_but_a_plan_and_its_publication_are_one():
    report = ("关于做好2030年政府信息公开工作年度报告编制和发布工作的通知\n"
              "1.市直单位于2031年1月26日前向市政务公开办提交年报,并于2031年1月28日前在市政府门户网站公布。\n")
    assert [(o["kind"], o["by_date"]) for o in draft(report).obligations] == [
        ("manual", "2031-01-26"), ("annual_report", "2031-01-28")]
    plan = "某省2031年政务公开工作安排\n各市县要制定具体工作方案,并于2031年4月20日前在本市县政府网站公开。\n"
    assert [(o["kind"], o["by_date"]) for o in draft(plan).obligations] == [("plan_published", "2031-04-20")]


def test_a_note_naming_who_leads_and_who_answers_by_their_duties_puts_only_the_leader_first():
    from rules.drafting.tables import note_units

    assert note_units("(市司法局牵头，市政府各部门按职责分工负责)") == (["市司法局"], ["市政府各部门"])
    assert note_units("(县发改局、县财政局负责)") == (["县发改局", "县财政局"], [])


def test_a_duty_followed_by_the_issuers_consequence_still_obliges_and_assessing_interpretation_work_is_manual():
    kinds = partial(_kinds, title="某市政策解读工作通知")

    assert kinds("起草部门在报送文件送审稿时，应同时报送解读方案和解读材料，未按要求报送的，市政府办公室不予受理。") == ["manual"]
    assert kinds("未按要求报送解读材料的，市政府办公室不予受理。") == []
    assert kinds("政策解读工作纳入市政府绩效考核，对解读工作不力的单位予以通报。") == ["manual"]


def test_an_assessment_indicator_table_is_titled_by_its_heading_and_its_standards_oblige():
    table = ("某省2031年度政务公开工作绩效评估指标\n| 一级指标 | 二级指标 | 评估内容 | 分值 |\n"
             "| 主动公开 | 政策解读 | 政策文件与解读材料同步发布，解读材料在文件公开后3个工作日内发布。 | 10 |\n"
             "| 加分项 | 创新做法 | 政务公开工作经验被省级以上推广的，每项加2分。 | 5 |\n")
    found = draft(table)
    assert (found.title, found.year) == ("某省2031年度政务公开工作绩效评估指标", 2031)
    assert [(o["kind"], o["working_days"]) for o in found.obligations] == [("interpretation_timely", 3)]


def test_a_dated_goal_and_a_dated_mechanism_oblige_nobody_but_a_dated_catalogue_does():
    plan = ("某县全面推进基层政务公开标准化规范化工作实施方案\n一、工作目标\n"
            "2031年底前，完成县乡两级政务公开事项标准目录编制，基本形成标准化规范化的基层政务公开工作体系。\n二、主要任务\n"
            "（一）编制目录。各主管部门要于2031年8月底前编制完成本领域政务公开事项标准目录，并在县政府门户网站公开。\n"
            "（二）规范公开流程。各乡镇要建立健全政务公开审查、发布、解读等工作机制，9月底前完成。\n")
    assert [o["by_date"] for o in draft(plan).obligations] == ["2031-08-31"]


def test_a_mirrors_traditional_characters_and_readings_do_not_hide_a_space_separated_table_or_spaced_labels():
    from opencc import OpenCC

    catalogue = ("某市政府信息公开事项清单\n序号 事项名称    内容要求 公开主体 时限 公开方式\n"
                 "1  机构领导 《条例》 领导姓名、分工、简历、办公电话等。 市政府办公室 20个工作日内 政府网站、查阅点\n")
    labelled = "某县2031年政务公开工作任务清单\n5. 及时公开重大建设项目批准和实施信息 牵头单位：县发改局 完成时限：2031年12月\n"
    report = ("关于做好2030年政府信息公开工作年度报告编制和发布工作的通知\n"
              "（一）市政府各部门要于2031年1月20日前将年报报送市政务公开办审核，审核通过后于1月31日前在本单位网站公开。\n")
    for source in (catalogue, labelled, report):
        clean = [(o["kind"], o["by_date"], o["working_days"]) for o in draft(source).obligations]
        mirrored = OpenCC("s2t").convert(source).replace("日前", "日(rì)前").replace("单", "單(dān)")
        assert [(o["kind"], o["by_date"], o["working_days"]) for o in draft(mirrored).obligations] == clean


def test_a_deadline_in_the_notices_own_month_or_the_next_is_dated_from_its_issue_date_when_known():
    signed = ("某县2031年政务公开工作通知\n请各单位于本月底前将联络员名单报县政务公开办。\n各乡镇要于下月10日前完成政务公开专区建设。\n"
              "某县人民政府办公室\n2031年12月5日\n")
    assert [o["by_date"] for o in draft(signed).obligations] == ["2031-12-31", "2032-01-10"]
    unsigned = "某县2031年政务公开工作通知\n请各单位于本月底前将联络员名单报县政务公开办。\n"
    assert [o["by_date"] for o in draft(unsigned).obligations] == [None]


def test_a_deadline_in_the_notices_own_week_or_the_next_is_dated_from_its_issue_date():
    # 2031-12-03 is a Wednesday
    signed = ("某县关于政务公开测评问题整改的通知\n请各单位于本周五下班前将整改情况报县政务公开办。\n"
              "各单位要于下周三前在本单位网站公开整改结果。\n某县人民政府办公室\n2031年12月3日\n")
    assert [o["by_date"] for o in draft(signed).obligations] == ["2031-12-05", "2031-12-10"]


def test_a_customs_office_named_before_关于_is_the_issuer():
    assert notice_from("某港海关关于落实《2031年政务公开工作要点》的实施方案\n一、主动公开本关权责清单。\n").issuer == "某港海关"
    assert notice_from("某关总署关于印发2031年政务公开工作要点的通知\n").issuer == "某关总署"


def test_a_numbered_area_with_its_lead_units_note_above_deeper_items_is_a_heading():
    text = ("某部2031年政务公开工作要点\n一、推进重点领域信息公开\n(一)进一步推进行政权力运行信息公开。(法制司牵头,有关单位负责)\n"
            "1.依法向社会公开行政职权及其法律依据、实施主体、运行流程等信息。\n2.制定并公开行政审批事项服务指南。\n"
            "(二)在门户网站公开本部门权责清单。(办公厅牵头)\n(三)做好财政信息公开。\n")
    quotes = [o["quote"] for o in draft(text).obligations]
    assert "(一)进一步推进行政权力运行信息公开。" not in quotes
    assert quotes[:2] == ["1.依法向社会公开行政职权及其法律依据、实施主体、运行流程等信息。", "2.制定并公开行政审批事项服务指南。"]
    assert "(二)在门户网站公开本部门权责清单。" in quotes  # a task with its note and no items below is a task


def test_a_flattened_national_standard_catalogue_with_the_cited_articles_text_before_its_time_limit():
    # 公开事项 | 公开内容(要素) | 公开依据 | 条款内容 | 依据效力位阶 | 公开时限 | 公开主体 | 事项类别 | 公开渠道, one cell per line
    header = ["某局政府信息主动公开事项目录", "公开事项", "公开内容(要素)", "公开依据", "条款内容", "依据效力位阶", "公开时限",
              "公开主体", "事项类别", "公开渠道", "机构信息"]
    row = ["《某省政务公开条例》", "第十条行政机关应当主动公开本机关的下列信息:(二)机关职能、机构设置、负责人姓名;", "地方性法规",
           "信息形成或者变更之日起20个工作日内公开", "某局办公室", "法定公开事项", "政府网站"]
    text = "\n".join(header + ["本局机构名称、办公地址、负责人姓名及职能职责"] + row + ["领导信息", "本局领导姓名、职务及分工"]
                     + row[:1] + ["《某省政务公开条例》第十条:行政机关应当主动公开机关职能。"] + row[3:]) + "\n"
    found = draft(text).obligations
    assert [(o["quote"], o["working_days"]) for o in found] == [
        ("本局机构名称、办公地址、负责人姓名及职能职责", 20), ("本局领导姓名、职务及分工", 20)]


def test_a_units_cell_with_a_semicolon_between_the_citys_units_and_the_towns_makes_the_line_above_a_task():
    text = ("某市2031年政务公开工作要点分工\n工作任务 | 具体要求\n| 责任单位 |\n一、做好各类规划主动公开。\n"
            "1.主动公开国民经济和社会发展规划纲要、各项专项规划等相关信息。\n市直有关部门;各镇(街)\n"
            "2.做好历史规划的归集整理和主动公开工作。 | 市发展和改革局牵头;各镇(街)参照落实 |\n")
    quotes = [o["quote"] for o in draft(text).obligations]
    assert "1.主动公开国民经济和社会发展规划纲要、各项专项规划等相关信息。" in quotes
    assert not any(q.startswith("市直有关部门") for q in quotes)


def test_a_catalogue_whose_cells_keep_their_delimiter_one_per_line_with_the_articles_text():
    # "公开内容 |" / "《条例》 |" / "条款内容 |" / "公开时限 |": each cell on its own line with its "|"; the article's text
    # between the basis and the time limit is not what is disclosed
    header = ["某局主动公开事项目录 |", "公开事项 |", "公开内容(要素) |", "公开依据 |", "条款内容 |", "公开时限 |", "公开主体 |",
              "公开渠道 |"]
    rows = []
    for content, limit in (("本局领导姓名、职务及分工 |", "信息形成或变更之日起20个工作日内 |"),
                           ("内设机构名称、职责及联系方式 |", "信息形成(变更)15个工作日内 |")):
        rows += ["机构信息 |", content, "《某省政务公开条例》 |", "行政机关应当主动公开本机关的机构设置和负责人信息。 |", "|",
                 limit, "某局 |", "政府网站 |"]
    found = draft("\n".join(header + rows) + "\n").obligations
    assert [(o["quote"], o["working_days"]) for o in found] == [
        ("本局领导姓名、职务及分工", 20), ("内设机构名称、职责及联系方式", 15)]


def test_a_catalogue_row_cut_across_two_lines_at_its_basis_cell_dates_the_content_of_its_first_half():
    text = ("某县社会救助领域基层政务公开标准目录\n序号 | 一级目录 | 公开事项 | 公开内容(要素) |\n"
            "公开依据 | 公开时限 | 公开主体 | 公开渠道和载体 |\n"
            "1 | 监督检查 | 投诉举报 | 社会救助信访通讯地址和投诉举报电话 |\n"
            "《某省政务公开条例》 | 制定或获取信息之日起10个工作日内 | 县民政局 | ■政府网站 ■公开查阅点 |\n"
            "2 | 临时救助 | 办事指南 | 临时救助申请条件、办理流程及所需材料 |\n"
            "《某省政务公开条例》 | 信息形成(变更)之日起15个工作日内 | 县民政局、各乡镇 | ■政府网站 |\n")
    found = draft(text).obligations
    assert [(o["quote"], o["working_days"]) for o in found] == [
        ("社会救助信访通讯地址和投诉举报电话", 10), ("临时救助申请条件、办理流程及所需材料", 15)]


def test_a_table_whose_cells_are_separated_by_tabs_reads_like_a_piped_one():
    piped = ("某市2031年政务公开工作要点分工\n| 工作任务 | 具体要求 | 责任单位 |\n| 一、做好规划公开。 | | |\n"
             "| 1.主动公开国民经济和社会发展规划纲要及各项专项规划。 | 市发展和改革局;各镇(街) |\n"
             "| 2.做好历史规划的归集整理和主动公开工作。 | 市政府办公室牵头 |\n")
    tabbed = "\n".join(line.strip("| ").replace(" | ", "\t").replace(" |", "") if "|" in line else line
                       for line in piped.splitlines()) + "\n"
    assert "\t" in tabbed and "|" not in tabbed

    def summary(text):
        return [o["quote"] for o in draft(text).obligations]

    assert summary(tabbed) == summary(piped) == ["1.主动公开国民经济和社会发展规划纲要及各项专项规划。", "2.做好历史规划的归集整理和主动公开工作。"]


def test_a_heading_whose_opening_bracket_is_lost_is_still_a_heading():
    text = ("某县2031年政务公开工作要点\n一、推进重点领域公开\n一）深化财政信息公开\n1）在门户网站公开县级部门预算和决算。\n"
            "2）公开政府债务限额和余额信息。\n二）推进政策解读\n1）政策文件公开后3个工作日内发布解读材料。\n")
    found = draft(text).obligations
    assert [o["quote"] for o in found] == ["1）在门户网站公开县级部门预算和决算。", "2）公开政府债务限额和余额信息。",
                                          "1）政策文件公开后3个工作日内发布解读材料。"]
    assert found[-1]["working_days"] == 3


def test_a_capture_that_ran_the_notices_lines_together_with_spaces_gets_its_lines_back():
    lines = ["某县人民政府办公室关于印发某县2031年政务公开工作要点的通知", "各乡镇人民政府,县直各部门:",
             "《某县2031年政务公开工作要点》已经县政府同意,现印发给你们,请认真贯彻执行。", "某县人民政府办公室",
             "2031年3月20日", "某县2031年政务公开工作要点", "一、推进重点领域信息公开",
             "(一)深化财政信息公开。县财政局要在6月30日前公开县级部门预算和三公经费预算情况。",
             "(二)加强政策解读。政策文件公开后3个工作日内在县政府门户网站发布解读材料。",
             "二、强化工作保障", "各乡镇、县直各部门要在本要点印发后10个工作日内制定本单位实施方案并在门户网站公开。"]
    source = " ".join(lines) + "\n"  # a search service's excerpt: one line, a space where each line ended
    notice = draft(source)
    assert (notice.title, str(notice.issued)) == (lines[0], "2031-03-20")
    assert [(o["working_days"], o["by_date"] and str(o["by_date"])) for o in notice.obligations] == [
        (None, "2031-06-30"), (3, None), (10, None)]
    assert all(o["quote"] in source for o in notice.obligations)  # quotes are the source's own characters
    # a PDF's spacing around digits and a letter-spaced header are no line breaks
    pdf = "某县政府办公室关于印发 2031 年政务公开工作要点的通知 " * 8 + "工 作 任 务"
    assert structure.reline(pdf).split("\n") == ["某县政府办公室关于印发 2031 年政务公开工作要点的通知"] * 8 + ["工 作 任 务"]


def test_a_catalogue_flattened_one_cell_per_line_and_run_together_with_spaces_keeps_its_row_numbers_apart():
    header = ["某部主动公开基本目录", "类别", "工作事项", "公开内容", "公开时限", "公开方式", "责任主体"]
    rows = [("1.机构", "1", "主要职责", "1", "本部主要职责和内设机构职能", "形成或变更之日起20个工作日内", "部门户网站", "人事司"),
            ("", "2", "领导信息", "2", "本部领导简历及分工", "形成或变更之日起20个工作日内", "部门户网站", "人事司、办公厅"),
            ("2.规划", "3", "统计数据", "3", "本行业年度统计公报", "形成之日起15个工作日内", "部门户网站", "规划司"),
            ("", "4", "发展规划", "4", "本行业中长期发展规划及其中期评估报告", "形成之日起20个工作日内", "部门户网站", "规划司"),
            ("3.财政", "5", "预决算", "5", "本部部门预算和部门决算", "批复后20个工作日内", "部门户网站", "财务司")]
    source = " ".join(header + [cell for row in rows for cell in row if cell]) + "\n"
    assert len(source) > 200
    found = draft(source).obligations
    assert [(o["quote"], o["working_days"]) for o in found] == [
        ("本部主要职责和内设机构职能", 20), ("本部领导简历及分工", 20), ("本行业年度统计公报", 15),
        ("本行业中长期发展规划及其中期评估报告", 20), ("本部部门预算和部门决算", 20)]


def test_markdown_emphasis_heading_marks_and_bullets_do_not_hide_a_heading():
    plain = ("某县2031年政务公开工作要点\n一、推进重点领域信息公开\n(一)深化财政信息公开\n"
             "1.在门户网站公开县级部门预算和决算。\n2.公开政府债务限额和余额信息。\n二、加强政策解读\n"
             "1.政策文件公开后3个工作日内发布解读材料。\n")
    marked = (plain.replace("一、推进重点领域信息公开", "## 一、推进重点领域信息公开")
              .replace("(一)深化财政信息公开", "**(一)深化财政信息公开**")
              .replace("二、加强政策解读", "**二、加强政策解读**").replace("\n1.", "\n● 1.").replace("\n2.", "\n● 2."))

    def summary(text):
        return [(o["quote"].lstrip("● "), o["working_days"]) for o in draft(text).obligations]

    assert summary(marked) == summary(plain) == [("1.在门户网站公开县级部门预算和决算。", None),
                                                ("2.公开政府债务限额和余额信息。", None), ("1.政策文件公开后3个工作日内发布解读材料。", 3)]


def test_a_signature_dated_in_figures_under_its_organisation():
    body = "某县2031年政务公开工作要点\n各乡镇人民政府:\n现将要点印发给你们,请认真贯彻执行。\n某县人民政府办公室\n{}\n一、公开本单位权责清单。\n"
    for written in ("2031-03-20", "2031.3.20", "2031/3/20"):
        assert (notice_from(body.format(written)).issuer, notice_from(body.format(written)).issued) == ("某县人民政府办公室", "2031-03-20")
    # a date in figures under a page's source field is no signature: the signature block below wins
    header = "来源:区政府办公室\n2031-03-25\n" + body.format("2031年3月20日")
    assert notice_from(header).issued == "2031-03-20"


def test_a_rule_documents_entry_into_force_and_its_interpreter_oblige_nobody():
    text = ("某局信息发布管理制度\n第一条 各科室公开发布的信息应在发布前报办公室审核。\n第二条 本制度由某局办公室负责解释。\n"
            "第三条 本制度自公布之日起执行。\n")
    assert [o["quote"] for o in draft(text).obligations] == ["第一条 各科室公开发布的信息应在发布前报办公室审核。"]


def test_the_issuers_sanction_for_a_late_report_obliges_nobody():
    text = ("某县2031年政务公开工作通知\n各乡镇要于11月30日前将依申请公开办理情况报县政府办公室。\n"
            "逾期未报送,或因工作失误造成考核扣分的,将移交县监察局予以追责。\n")
    assert [o["quote"] for o in draft(text).obligations] == ["各乡镇要于11月30日前将依申请公开办理情况报县政府办公室。"]


def test_a_capture_that_ran_the_notices_lines_together_with_nothing_between_them_gets_headings_and_signature_back():
    lines = ["某县人民政府办公室关于印发某县2031年政务公开工作要点的通知", "各乡镇人民政府,县直各部门:",
             "《某县2031年政务公开工作要点》已经县政府同意,现印发给你们,请认真贯彻执行。", "某县人民政府办公室",
             "2031年3月20日", "(此件公开发布)", "某县2031年政务公开工作要点", "一、推进重点领域信息公开。",
             "(一)深化财政信息公开。县财政局要在6月30日前公开县级部门预算和三公经费预算情况。",
             "(二)加强政策解读。政策文件公开后3个工作日内在县政府门户网站发布解读材料。",
             "二、强化工作保障。", "各乡镇、县直各部门要在本要点印发后10个工作日内制定本单位实施方案并在门户网站公开。"]
    source = "".join(lines) + "\n"  # a document-sharing site's text layer: the lines joined with nothing between
    notice = draft(source)
    assert (notice.issuer, str(notice.issued)) == ("某县人民政府办公室", "2031-03-20")
    assert [(o["working_days"], o["by_date"] and str(o["by_date"])) for o in notice.obligations] == [
        (None, "2031-06-30"), (3, None), (10, None)]
    assert all(o["quote"] in source for o in notice.obligations)  # inserted breaks never reach a quote
    short = "现印发给你们,请认真贯彻执行。某市人民政府办公室2031年6月26日(此件公开发布)某市2031年政务公开工作要点\n"
    assert notice_from(short).issued == "2031-06-26"  # a short line too
    relined = structure.reline(source)
    assert "某县人民政府办公室\n2031年3月20日\n(此件公开发布)" in relined and "\n二、强化工作保障。" in relined
    # a date the sentence goes on from is no signature, and a short paragraph keeps its headings inline
    assert "\n" not in structure.reline("请认真贯彻执行。县政府办公室2031年3月20日前报送实施方案。").strip()
    assert structure.reline("现印发给你们。一、推进公开。二、加强解读。") == "现印发给你们。一、推进公开。二、加强解读。"


def test_a_quote_read_after_inserted_line_breaks_is_the_sources_stretch():
    source = "甲乙丙。丁戊 己庚\n"
    relined = "甲乙丙。\n丁戊\n己庚\n"  # one break inserted after "。", one put in place of the space
    assert structure.verbatim("丁戊", relined, source) == "丁戊"
    assert structure.verbatim("己庚", relined, source) == "己庚"
    assert structure.verbatim("丁戊\n己庚", relined, source) == "丁戊 己庚"


def test_the_items_of_a_list_of_what_is_published_introduced_by_its_contents():
    text = ("某局政府信息主动公开制度\n第六条 本局应当主动向社会公开下列政府信息:\n(一)向社会公众公开的内容包括:\n"
            "1、本局机构设置、职能和联系方式;\n2、本局年度工作计划及执行情况;\n(二)公开的方式包括:\n1、门户网站;\n2、公开栏。\n")
    assert [o["quote"] for o in draft(text).obligations] == ["1、本局机构设置、职能和联系方式;", "2、本局年度工作计划及执行情况;"]


def test_a_second_working_day_lag_for_a_second_deliverable_is_a_rule_of_its_own():
    text = ("某市2031年政务公开工作分工方案\n各责任单位要制定具体工作计划,在本方案公布后10个工作日内报市政府办公室(政务公开科)备案,"
            "并在30个工作日内于政府网站公开。\n")
    assert [(o["quote"][-8:], o["working_days"]) for o in draft(text).obligations] == [
        ("政务公开科)备案", 10), ("30个工作日内于政府网站公开。"[-8:], 30)]
    # without the comma, the lag of the clause that publishes is the rule's
    assert deadline_of("在本方案公布后10个工作日内报市政府办公室(政务公开科)备案并在30个工作日内于政府网站公开", 2031)["working_days"] == 30


def test_a_responsibility_note_labelled_with_its_time_limit_dates_each_sentence_of_its_item():
    text = ("某市2031年政务公开工作要点\n一、聚焦重点领域\n(一)财政信息公开。推进各级部门预决算公开。定期公开政府债务限额、余额等信息。"
            "(责任时限:2031 年底前,牵头单位:市财政局,责任单位:各县(区)政府)\n")
    assert [(o["quote"][:8], o["by_date"] and str(o["by_date"])) for o in draft(text).obligations] == [
        ("推进各级部门预决", "2031-12-31"), ("定期公开政府债务", "2031-12-31")]


@pytest.mark.parametrize("label", ["完成时限", "责任时限", "时间节点", "完成期限"])
def test_a_flattened_rows_time_limit_line_dates_its_task_whatever_its_label(label):
    text = f"某县2031年政务公开任务分工\n1.在县政府门户网站公开县级部门预算。\n牵头单位：县财政局\n{label}：2031年6月底前\n"
    assert [(o["quote"][:8], str(o["by_date"]), o.get("lead_units")) for o in draft(text).obligations] == [
        ("1.在县政府门户", "2031-06-30", ["县财政局"])]


def test_a_rows_units_are_read_under_any_of_the_genres_unit_labels():
    text = ("某县2031年政务公开任务分工\n1.在县政府门户网站公开县级部门预算。\n主办单位：县财政局\n协办单位：县审计局\n完成时限：2031年6月底前\n"
            "2.公开政府债务限额和余额信息。(牵头部门:县财政局;协同部门:县发改局;时间节点:2031年9月底前)\n")
    drafted = draft(text).obligations
    assert [(o["quote"][:8], str(o["by_date"])) for o in drafted] == [("1.在县政府门户", "2031-06-30"), ("2.公开政府债务", "2031-09-30")]


def test_a_prohibition_on_publishing_obliges_nobody_to_publish():
    text = ("某县2031年政务公开工作要点\n严禁在政府网站发布涉密信息。\n"
            "解读材料应与政策文件同步发布,不得超过政策文件公开后3个工作日。\n")
    assert [(o["kind"], o["working_days"]) for o in draft(text).obligations] == [("interpretation_timely", 3)]


@pytest.mark.parametrize("flattened", [False, True])
def test_a_time_limit_cell_written_as_year_and_month_in_figures_dates_its_row(flattened):
    rows = [("1", "在门户网站公开县级部门预算", "县财政局", "2031.6"), ("2", "公开政府债务限额和余额信息", "县财政局", "2031.12")]
    if flattened:
        text = "某县2031年政务公开任务分工表\n工作任务\n责任单位\n完成时限\n" + "".join(
            f"{n}.{task}\n{unit}\n{limit}\n" for n, task, unit, limit in rows)
    else:
        text = "某县2031年政务公开任务分工表\n| 序号 | 工作任务 | 责任单位 | 完成时限 |\n" + "".join(
            f"| {n} | {task} | {unit} | {limit} |\n" for n, task, unit, limit in rows)
    assert [str(o["by_date"]) for o in draft(text).obligations] == ["2031-06-30", "2031-12-31"]


def test_an_item_that_publishes_by_its_own_time_limit_obliges_whatever_its_list_introduction():
    text = ("某区行政执法公示办法\n行政执法事后公开程序包括:\n"
            "(一)公开时限。(1)各类行政执法决定,由承办机构在决定作出之日起7个工作日之内公开;(2)对抽查结果正常的市场主体,"
            "自抽查结束之日起20个工作日内向社会公示;\n")
    assert [o["working_days"] for o in draft(text).obligations] == [7, 20]
    scope = draft("第三条 下列规范性文件须予解读：\n（一）涉及群众切身利益的；\n（二）社会关注度高的。\n")
    assert [o["quote"][:6] for o in scope.obligations] == ["第三条 下列"]


def test_a_rule_documents_chapter_headings_and_catalogue_fields_oblige_nobody():
    text = ("文件编号 某政办发〔2031〕18号 发布机构 政府办\n某局预决算公开办法\n第一章 总则\n第一条 为规范预决算公开,制定本办法。\n"
            "第二章 公开方式和时间\n第二条 部门预算应在批复后20个工作日内在门户网站公开。\n第三章 公开内容\n"
            "第三条 公开预算时应一并公开“三公”经费预算。\n")
    assert [o["quote"][:3] for o in draft(text).obligations] == ["第二条", "第三条"]


def test_a_pages_first_line_that_only_names_the_document_obliges_nobody():
    for title in ("事后公开程序", "某省部署“双随机一公开”信息公开工作"):
        text = f"{title}\n一、各执法部门应在执法决定作出之日起7个工作日内公开执法结果。\n"
        assert [o["working_days"] for o in draft(text).obligations] == [7], title
    # a first line that is a numbered task is still read
    assert len(draft("1.加强本县住房保障政策解读\n2.在门户网站公开本单位权责清单并动态更新。\n").obligations) == 2


@pytest.mark.parametrize("note", [
    "(责任单位:县财政局;时限:2031年6月底前)",
    "【责任单位】县财政局【完成时限】2031年6月底前",
    "\n责任单位:县财政局\n时限:2031年6月底前",
    "[责任单位:县财政局 完成时限:2031年6月底前]",
])
def test_a_tasks_note_in_any_of_the_genres_forms_gives_its_units_and_deadline(note):
    text = f"某县2031年政务公开工作要点\n1.在门户网站公开县级部门预算。{note}\n2.公开政府债务限额和余额信息。\n"
    first = draft(text).obligations[0]
    assert (first["quote"], str(first["by_date"])) == ("1.在门户网站公开县级部门预算。", "2031-06-30")
    # a time limit named inside a task is no label
    assert draft("某县2031年政务公开工作要点\n1.公开办事指南,压缩办理时限。(责任单位:县政务服务局)\n").obligations[0]["by_date"] is None


@pytest.mark.parametrize("sentence", ["县司法局要在政府公报上刊登县政府规章。", "县财政局要在门户网站挂网部门预算。",
                                      "各单位要及时转载上级政策文件。"])
def test_publishing_in_a_gazette_or_on_a_website_by_any_of_its_verbs_is_a_disclosure(sentence):
    assert [o["kind"] for o in draft(f"某县2031年政务公开工作要点\n{sentence}\n").obligations] == ["topic_disclosed"]
    assert draft("某县2031年政务公开工作要点\n本文转载自某县人民政府网站\n").obligations == []


@pytest.mark.parametrize("sentence, kind", [
    ("各部门要于1月31日前公布本部门上一年度政府信息公开工作报告。", "annual_report"),  # the report's name before 2019
    ("各单位要在门户网站开设“乡村振兴”版块。", "column_exists"),
    ("各单位要在门户网站设立“政策文件”频道。", "column_exists"),
    ("对出台的政策要配套发布政策问答。", "interpretation_timely"),
    ("各单位要在门户网站公布本单位分管政务公开工作的负责同志。", "leader_published"),
])
def test_more_of_the_genres_words_give_a_rule_its_kind(sentence, kind):
    assert [o["kind"] for o in draft(f"某县2031年政务公开工作要点\n{sentence}\n").obligations] == [kind]


@pytest.mark.parametrize("first, second", [("（一）县财政局在门户网站公开县级部门预算。", "（二）县财政局公开政府债务限额和余额信息。"),
                                           ("1.县财政局在门户网站公开县级部门预算;", "2.县财政局公开政府债务限额和余额信息。")])
def test_the_first_of_a_lists_items_run_into_one_line_is_an_item_not_the_lists_name(first, second):
    found = draft(f"某县2031年政务公开工作要点\n一、推进公开\n{first}{second}\n").obligations
    assert [o["quote"] for o in found] == [first, second]


@pytest.mark.parametrize("head, number, issued", [
    ("某省人民政府办公厅关于做好政府信息公开报送工作的通知\n(某政办发〔2031〕76号 2031年6月20日)\n", "某政办发〔2031〕76号", "2031-06-20"),
    ("某区人民政府办公室关于印发推进政府信息公开工作实施意见的通知\n(某府办发字〔2031〕第3号)\n", "某府办发字〔2031〕3号", None),
    ("某市人民政府办公厅关于印发《2031年本市政府信息公开工作要点》的通知 (某府办发[2031]13号)\n各区县人民政府:\n"
     "现将要点印发给你们。\n某市人民政府办公厅\n二O三一年四月一日\n", "某府办发〔2031〕13号", "2031-04-01"),
])
def test_a_law_databases_header_gives_the_notices_number_and_date(head, number, issued):
    notice = notice_from(head + "一、各区要在门户网站公开年度工作计划。\n")
    assert (notice.doc_number, notice.issued) == (number, issued)
    # a number cited in the first sentence is not the notice's own
    cited = notice_from("某市政务公开办关于做好年报工作的通知\n为贯彻落实国务院办公厅关于印发《年报格式》的通知(国办公开办函〔2031〕30号)要求,现通知如下:\n")
    assert cited.doc_number is None


def test_a_portal_naming_itself_as_the_source_makes_no_news_report():
    text = ("某委2031年度政府信息公开工作要点\n来源:本网 时间: 2031-07-06 18:56\n"
            "一、积极推进财政性资金公开。及时公布本部门财政资金的预算分配、使用和决算信息。\n")
    notice = draft(text)
    assert notice.kind == "notice" and len(notice.obligations) == 1
    assert draft(text.replace("来源:本网", "来源:某某日报")).kind == "news"


def test_a_signature_dated_in_figures_under_a_seal_note_or_right_after_the_covering_letter():
    sealed = ("某区2031年政务公开工作要点\n各街道:\n现将要点印发给你们,请认真贯彻落实。\n某区政务公开领导小组办公室\n"
              "(某区政务服务管理局代章)\n2031.3.30\n一、公开本单位权责清单。\n")
    assert notice_from(sealed).issued == "2031-03-30"
    unsigned = "某市2031年政务公开工作要点\n各区人民政府:\n现予以印发,请认真贯彻落实。\n2031.10.17\n一、公开本单位权责清单。\n"
    assert notice_from(unsigned).issued == "2031-10-17"
    # a date in figures under a title is a page stamp, not a signature
    assert notice_from("某市2031年政务公开工作要点\n2031.10.17\n一、公开本单位权责清单。\n").issued is None


def test_an_items_closing_sentence_dates_its_clauses_and_lags_listed_in_one_sentence_are_rules_apart():
    closing = ("某市2031年政务公开实施方案\n3、召开事务公开动员大会;举办事务公开培训班;指导各单位编制《事务公开目录》并在网站公开。"
               "由市信息办负责,2031年落实到位,有关工作今后进一步完善。\n")
    assert [str(o["by_date"]) for o in draft(closing).obligations][-1] == "2031-12-31"
    assert {str(o["by_date"]) for o in draft(closing).obligations} == {"2031-12-31"}
    lags = ("某市环保局污染源信息公开工作方案\n要求自信息形成或者变更之日起20个工作日内予以公开,汇总类信息在季度终了后15个工作日内予以公开,"
            "自动监控等能即时发布的信息1个工作日内予以公开,确保信息公开及时。\n")
    assert [o["working_days"] for o in draft(lags).obligations] == [20, 15, 1]


def test_a_reporting_notices_field_lines_oblige_nobody():
    text = ("某州关于做好2030年政府信息公开工作年度报告编制工作的通知\n各县市政府办:\n"
            "请于2031年1月20日前将年度报告报送州政府办公室。\n报送单位:各县市政府办、州政府各部门。\n"
            "报送方式:电子档通过政府信息公开目录管理系统填报。\n联系人:张三,联系电话:0000-0000000。\n")
    assert [o["quote"][:7] for o in draft(text).obligations] == ["请于2031年"]


def test_compare_pairs_a_reviewed_rule_with_its_closest_drafted_rule():
    reviewed = [{"id": "r-1", "kind": "manual", "quote": "注:请于5个工作日内报备至区管委会办公室文书科", "params": {"working_days": 5}}]
    drafted = [{"id": "d-1", "kind": "manual", "quote": "各单位制定方案后10个工作日内报备至区管委会办公室", "params": {"working_days": 10}},
               {"id": "d-2", "kind": "manual", "quote": "注:请于5个工作日内报备至区管委会办公室文书科", "params": {}}]
    comparison = compare_rules(reviewed, drafted)
    assert [(c[0]["id"], c[1]["id"]) for c in comparison.changed] == [("r-1", "d-2")]


def test_a_drafts_review_notes_keep_a_date_its_kind_cannot_check_and_an_unknown_publication_date():
    text = ("某县2031年政务公开工作要点\n各乡镇人民政府，县政府各部门：\n| 序号 | 工作任务 | 牵头单位 | 完成时限 |\n"
            "| 1 | 在县政府门户网站开设“乡村振兴”专栏 | 县农业农村局 | 2031年5月底前 |\n"
            "二、各部门要在本要点公布后20个工作日内在门户网站公开本单位实施方案。\n")
    written = draft_yaml(draft(text), "x")
    assert "2031-05-31" in written or "2031年5月底前" in written  # a column rule has no date parameter
    assert "notice.published" in written  # the plan's lag counts from a publication date the notice does not show


@pytest.mark.parametrize("note, lead, cooperating", [
    ("【责任单位】县审计局【完成时限】2031年9月底前", ["县审计局"], []),
    ("(主办单位:县财政局;协办单位:县审计局;时限:6月底前)", ["县财政局"], ["县审计局"]),
])
def test_a_notes_units_under_any_of_the_genres_labels(note, lead, cooperating):
    from rules.drafting.tables import note_units

    assert note_units(note) == (lead, cooperating)


def test_the_evaluation_prints_its_help_and_measures_nothing_when_asked_for_help(capsys):
    from tests.eval import notices

    notices.main(["--help"])
    assert "development half" in capsys.readouterr().out
    with pytest.raises(SystemExit):
        notices.main(["--bogus"])


def test_a_plans_phases_a_standards_title_and_a_signature_date_behind_stray_marks():
    text = ("某县政务公开专区建设标准(试行)\n各乡镇:\n现印发给你们,请认真执行。\n某县人民政府办公室\n"
            "?????? 2031年9月9日\n第一阶段:编制、审核政务公开目录(6月至7月)。\n1.各乡镇要于2031年10月10日前建成政务公开专区。\n")
    notice = draft(text)
    assert notice.issued == "2031-09-09"
    assert [o["quote"][:5] for o in notice.obligations] == ["1.各乡镇"]


def test_a_news_report_restating_a_notices_requirements_drafts_them():
    text = ("某部加快转变政务公开职能\n来源:某某建设网 记者 某某\n日前,某部办公厅印发《某部2031年政务公开工作要点》。\n"
            "《要点》要求,加强涉及市场主体的信息公开,加大工程建设项目审批信息公开力度。\n某部相关负责人表示,这项工作意义重大。\n")
    notice = draft(text)
    assert notice.kind == "news"
    assert [o["quote"][:6] for o in notice.obligations] == ["《要点》要求"]


def test_bringing_the_principle_into_procedures_is_internal_work():
    notice = draft("某县人民政府办公室\n各单位要把“五公开”纳入公文办理程序。\n")
    assert [o["kind"] for o in notice.obligations] == ["manual"]


def test_an_inspection_reports_findings_oblige_nobody_and_its_requirements_do():
    text = ("某市2031年第三季度政府网站检查情况的通报\n各县(区)人民政府,市政府各部门:\n"
            "根据上级通知要求,市政府办公室于9月1日至9月20日对全市政府网站进行了检查。\n一、总体情况\n"
            "本次检查范围为全市正常运行的政府网站,共30家。\n二、存在的问题\n一是部分网站栏目更新不够及时。\n"
            "三、下一步工作要求\n1.规范内容发布:及时转载发布上级重要政策文件;\n2.各级政府网站要在首页添加“政府网站找错”平台入口。\n")
    notice = draft(text)
    assert [(o["kind"], o["quote"][:6]) for o in notice.obligations] == [
        ("topic_disclosed", "1.规范内容"), ("column_exists", "2.各级政府")]


def test_a_genre_field_line_obliges_nobody():
    assert draft("某县人民政府办公室\n体裁分类:  发布机构: 县政府办公室(县外办、县大数据局)\n").obligations == []


def test_a_numbered_catalogues_rows_that_lost_their_merged_cells_still_disclose_their_content():
    cells = ["某县教育局主动公开目录", "序号", "|", "公开事项", "|", "公开内容(要素)", "|", "公开依据", "|", "公开主体", "|",
             "公开时限", "|", "1", "|", "机构信息", "|", "机构名称、职能、地址和联系方式。", "|", "《政府信息公开条例》", "|",
             "县教育局", "|", "信息形成或者变更之日起20个工作日内。", "|",
             "2", "|", "招生信息", "|", "招生计划、划片范围和录取结果", "|", "县教育局", "|",
             "3", "|", "收费信息", "|", "收费项目、标准和依据", "|", "县教育局", "|",
             "4", "|", "资助信息", "|", "资助对象、标准和名单", "|", "县教育局", "|",
             "因政策调整变更的,应当及时公开;", "|", "5", "|", "校车信息", "|", "校车线路、站点和时间", "|", "县教育局"]
    drafted = [(o["quote"][:4], o["working_days"]) for o in draft("\n".join(cells) + "\n").obligations]
    assert drafted == [("机构名称", 20), ("招生计划", 20), ("收费项目", 20), ("资助对象", None), ("因政策调", None), ("校车线路", None)]


def test_keeping_columns_updated_at_a_rhythm_is_a_column_duty():
    notice = draft("某县人民政府办公室\n第七条 门户网站各栏目每月至少更新两次,由栏目所属股室维护。\n", model=None)
    assert [o["quote"][:6] for o in notice.obligations] == ["第七条 门户"]
    assert notice.obligations[0]["kind"] == "column_exists"


def test_the_items_of_a_list_of_announcements_each_with_a_remark_are_tasks():
    text = ("某县农村公益事业资金公示办法\n(一)乡镇一级应公告公示以下事项:\n1.公益事业项目清单公示。\n"
            "2.年度奖补资金分配方案公告。(含调整后的方案)\n3.奖补资金使用结果的公告。\n")
    drafted = [(o["kind"], o["quote"][:4]) for o in draft(text).obligations]
    assert drafted == [("topic_disclosed", "1.公益"), ("topic_disclosed", "2.年度"), ("topic_disclosed", "3.奖补")]


def test_procedure_steps_and_principles_that_publish_through_their_own_channel_oblige():
    steps = ("某县规范性文件征求意见办法\n征求意见稿公开按以下程序实施:\n"
             "1.起草部门形成征求意见稿后,报县司法局审核,在县政府门户网站的意见征集栏目公开,同时还可通过政务微信转发。\n")
    principles = ("某局开放式会议办法\n开放式会议的组织应遵循以下原则:\n(1)会前通过局门户网站向社会公布议题和议程;\n"
                  "(2)会议形成的决定应及时通过局门户网站向社会公开。\n")
    assert [o["quote"][:4] for o in draft(steps).obligations] == ["1.起草"]
    assert [o["quote"][:4] for o in draft(principles).obligations] == ["(1)会", "(2)会"]
    archived = draft("某县人民政府办公室\n各起草部门要将征求意见和采纳情况的材料整理归档。\n").obligations
    assert [o["kind"] for o in archived] == ["manual"]


def test_a_cell_repeated_in_every_row_of_a_decision_catalogue_takes_its_own_rows_date():
    from rules.drafting.candidates import candidates
    from rules.drafting.tables import task_table

    text = "\n".join(["某县2031年度重大行政决策事项目录", "序号 |", "决策事项名称 |", "决策事项程序 |", "决策承办单位 |", "决策时间 |",
                      "1 |", "县城区停车设施专项规划 |", "公开征求意见、合法性审查、集体决策 |", "县住建局 |", "2031年7月 |",
                      "2 |", "县义务教育学校布局调整方案 |", "公开征求意见、合法性审查、集体决策 |", "县教育局 |", "2031年12月 |"]) + "\n"
    found = [c for c in candidates(text, 2031, "notice", task_table(text, 2031)) if c.text.startswith("公开征求意见")]
    assert [c.deadline.get("by_date") for c in found] == ["2031-07-31", "2031-12-31"]


def test_a_numbered_item_assigned_to_its_own_unit_is_a_task_however_it_is_worded():
    text = ("某县2031年政务公开工作实施方案\n一、以政务公开助力稳增长\n（一）围绕促进农业农村发展推进公开。（落实单位：县农业农村局）\n"
            "（二）全面落实政务公开工作机制。（落实单位：县政府办公室）\n")
    assert [o["quote"][:6] for o in draft(text).obligations] == ["（一）围绕促"]


def test_a_new_users_notices_dated_steps_second_dates_and_the_year_after_the_period_looked_back_on():
    report = ("某市政务公开办公室关于做好2030年政府信息公开工作年度报告编制发布工作的通知\n"
              "各单位要严格按照统一格式编制，做到数据前后一致。\n"
              "（三）各县政府年度报告于3月15日前报市政务公开办备案，3月31日前在县政府门户网站公开。\n"
              "某市政务公开办公室\n2031年1月6日\n")
    assert [(o["kind"], o["by_date"]) for o in draft(report).obligations] == [
        ("manual", None), ("manual", "2031-03-15"), ("annual_report", "2031-03-31")]
    budgets = "某省2031年政务公开工作要点\n三、各级财政部门要于4月上旬公开本级政府预算，各部门预算在4月下旬前公开。\n"
    assert [o["by_date"] for o in draft(budgets).obligations] == ["2031-04-10", "2031-04-30"]
    quarter = "某县政务公开工作通知\n各单位要在本季度末前在门户网站公开本单位权责清单调整情况。\n某县人民政府办公室\n2031年5月9日\n"
    assert [o["by_date"] for o in draft(quarter).obligations] == ["2031-06-30"]
    inspection = ("某市2030年第四季度政府网站检查情况的通报\n二、存在的问题\n（一）部分单位年度报告数据前后不一致。\n"
                  "三、整改要求\n（一）各单位要于2月28日前完成整改并在网站公开整改结果。\n某市人民政府办公室\n2031年1月22日\n")
    checked = draft(inspection)
    assert checked.year == 2031 and [o["by_date"] for o in checked.obligations] == ["2031-02-28"]


def test_a_traditional_mirror_run_together_gets_its_signature_and_first_heading_apart():
    text = ("某縣人民政府辦公室關(guān)於(yú)印發(fā)某縣2031年政務公開工作要點(diǎn)的通知\n"
            "各鄉(xiāng)鎮(zhèn)人民政府，縣政府各部門：現(xiàn)將《某縣2031年政務公開工作要點(diǎn)》印發(fā)給你們，"
            "請認(rèn)真貫徹執(zhí)行。某縣人民政府辦公室2031年3月9日某縣2031年政務公開工作要點(diǎn)一、各鄉(xiāng)鎮(zhèn)要在6月底前"
            "公開本級財政預決算信息，並在門戶網(wǎng)站設立專欄集中發布，做好政策解讀和回應(yìng)關(guān)切工作，確保信息準確完整、"
            "及時更新，接受社會監督，各部門要按照職責分工抓好落實。\n")
    notice = draft(text)
    assert notice.issued == "2031-03-09"
    assert [o["quote"][:2] for o in notice.obligations][:1] == ["一、"]


def test_compare_sees_scope_and_year_but_not_a_reviewers_own_choices_or_the_order_of_topics():
    drafted = [{"id": "d1", "kind": "annual_report", "quote": "各单位要于1月31日前在门户网站发布2030年政府信息公开工作年度报告。",
                "params": {"by_date": "2031-01-31", "year": 2030}, "applies_to": {"units": ["县财政局"]}},
               {"id": "d2", "kind": "topic_disclosed", "quote": "全面公开本级政府预决算和政府债务信息。",
                "params": {"topics": ["budget-final-accounts", "government-debt"]}}]
    reviewed = [{"id": "r1", "kind": "annual_report", "quote": "各单位要于1月31日前在门户网站发布2030年政府信息公开工作年度报告。",
                 "params": {"by_date": "2031-01-31", "year": 2029}, "applies_to": {"units": ["县教育局"]}},
                {"id": "r2", "kind": "topic_disclosed", "quote": "全面公开本级政府预决算和政府债务信息。",
                 "params": {"topics": ["government-debt", "budget-final-accounts"], "match": "any"}}]
    comparison = compare_rules(reviewed, drafted)
    assert [c[0]["id"] for c in comparison.changed] == ["r1"]
    changes = comparison.changed[0][2]
    assert any(c.startswith("year") for c in changes) and any(c.startswith("applies_to") for c in changes)


def test_a_drafted_annual_report_rule_names_the_year_the_report_is_on():
    def years(text):
        rules = yaml.safe_load(draft_yaml(draft(text), "x"))["rules"]
        return [r["params"].get("year") for r in rules if r["kind"] == "annual_report"]

    head = "某县2031年政务公开工作要点\n各乡镇人民政府，县政府各部门：\n"
    assert years(head + "各单位要于1月31日前在门户网站发布2030年政府信息公开工作年度报告。\n") == [2030]
    assert years(head + "各单位要按时在门户网站发布政府信息公开工作年度报告。\n") == [2030]
    notice = ("某市政务公开办公室关于做好2030年政府信息公开工作年度报告编制发布工作的通知\n市直各单位：\n"
              "市直各单位的年度报告须于1月31日前在本单位门户网站发布。\n某市政务公开办公室\n2031年1月6日\n")
    assert years(notice) == [2030]


def test_a_sentence_opening_with_a_group_of_agencies_is_scoped_to_it_and_only_then():
    text = ("某市2031年政务公开工作要点\n（一）市直各单位须于1月31日前在门户网站公开本单位部门预算。\n"
            "（二）各县（区）要在6月30日前公开本级政府债务信息。\n（三）各地各部门要及时公开权责清单调整情况。\n"
            "（四）起草单位要在文件公开后3个工作日内发布解读材料。\n")
    scopes = [o.get("lead_units") for o in draft(text).obligations]
    assert scopes == [["市直各单位"], ["各县(区)"], None, None]


def test_a_pipe_rows_task_name_beside_a_long_enumerating_content_cell_is_no_rule():
    text = ("某厅2031年政务公开工作任务清单\n| 序号 | 重点任务 | 具体内容 | 责任处室 | 完成时限 |\n"
            "| 1 | 公开交通建设项目信息 | 在厅门户网站“重大项目”栏目公开在建高速公路项目的审批、招投标、施工进度信息 | 建设管理处 | 6月底前 |\n")
    assert [o["quote"][:4] for o in draft(text).obligations] == ["在厅门户"]


def test_a_flattened_rows_long_task_name_and_its_time_limit_written_as_a_sentence_are_no_rules():
    text = "\n".join(["某市2031年政务公开重点工作任务分解表", "序号", "工作任务", "具体措施", "牵头单位", "配合单位", "完成时限",
                      "1", "公开政府工作报告重点任务分解", "在市政府门户网站公开2031年政府工作报告重点工作任务分解情况，并按季度公开推进落实情况。",
                      "市政府办公室", "市直各部门", "4月底前公开分解情况，每季度末公开进展",
                      "2", "优化政策文件库", "对现行有效的规范性文件进行集中梳理，在政策文件库中统一标注有效性。",
                      "市司法局", "各县（区）政府", "2031年9月"]) + "\n"
    drafted = [(o["kind"], o["quote"][:4], o["by_date"]) for o in draft(text).obligations]
    assert drafted == [("published_by_date", "在市政府", "2031-04-30"), ("manual", "对现行有", "2031-09-30")]


def test_a_rule_drafted_from_a_sentence_of_several_dates_says_so_for_review():
    text = "某省2031年政务公开工作要点\n七、各地各部门分别于6月30日和12月20日前在门户网站公开上半年和全年工作总结。\n"
    document = draft_yaml(draft(text), "x")
    assert "句中有2个日期（6月30日、12月20日）" in document


def test_a_title_with_the_pages_date_and_source_on_its_line_is_still_the_title():
    text = ("首页 > 政务公开 > 政策文件\n某县人民政府办公室关于印发某县2031年政务公开工作要点的通知 发布时间：2031-03-10 来源：县政府办\n"
            "某政办发〔2031〕5号\n")
    assert notice_from(text).title == "某县人民政府办公室关于印发某县2031年政务公开工作要点的通知"


def test_a_draft_binds_the_notices_addressees_and_a_bureaus_own_plan_binds_the_bureau():
    def bound(text):
        return yaml.safe_load(draft_yaml(draft(text), "x"))["notice"]["binds"]

    county = ("某县人民政府办公室关于做好2031年政策解读工作的通知\n各乡镇人民政府，县政府各部门：\n"
              "各单位要在文件公开后3个工作日内发布解读材料。\n某县人民政府办公室\n2031年3月2日\n")
    assert bound(county) == {"units": ["各乡镇人民政府", "县政府各部门"]}
    bureau = ("某县卫生健康局关于印发2031年政务公开工作要点的通知\n局机关各科室、局属各单位：\n"
              "（一）每季度公开本县公立医院医疗服务价格调整情况。（办公室负责）\n某县卫生健康局\n2031年2月3日\n")
    document = yaml.safe_load(draft_yaml(draft(bureau), "x"))
    assert document["notice"]["binds"] == {"units": ["某县卫生健康局"]}
    assert all("applies_to" not in rule for rule in document["rules"])  # "办公室" is the bureau's own office
    everyone = "某市人民政府办公室关于印发2031年政务公开工作要点的通知\n各级各部门：\n各单位要按季度公开财政收支情况。\n"
    assert bound(everyone) == {"all": True}


def test_a_catalogue_of_pipe_rows_under_a_covering_letter_is_read_row_by_row():
    text = ("某县人民政府关于公布2031年度重大行政决策事项目录的通知\n各乡镇人民政府，县政府各部门：\n现将目录予以公布。\n"
            "决策事项名称 | 承办单位 | 计划完成时间\n制定某县城区停车收费管理办法 | 县发展和改革局 | 2031年6月\n"
            "编制某县养老服务设施布局专项规划 | 县民政局 | 2031年9月\n某县人民政府\n2031年2月27日\n")
    rows = [(o["quote"][:4], o.get("lead_units"), o["by_date"]) for o in draft(text).obligations if o["quote"][:2] in ("制定", "编制")]
    assert rows == [("制定某县", ["县发展和改革局"], "2031-06-30"), ("编制某县", ["县民政局"], "2031-09-30")]


def test_drafts_and_reports_upward_are_manual_phases_oblige_nobody_and_a_same_time_interpretation_is_an_add_on():
    text = ("某县2031年基层政务公开标准化工作方案\n（一）第一阶段：梳理编目（3月至5月）\n"
            "1.县直各部门要于4月30日前完成本部门公开事项梳理，形成本部门政务公开事项标准目录初稿。\n"
            "2.各单位要于4月10日前将预算公开情况（含公开网址截图）报送县财政局预算股。\n"
            "3.决策事项作出后，各承办单位要在决定作出之日起20个工作日内通过县政府门户网站公开决策结果，并同步做好政策解读。\n")
    drafted = [(o["quote"][:2], o["kind"], o["working_days"]) for o in draft(text).obligations]
    assert drafted == [("1.", "manual", None), ("2.", "manual", None), ("3.", "topic_disclosed", 20)]


def test_urging_or_inspecting_others_disclosure_is_manual_unless_the_agency_also_publishes():
    kinds = partial(_kinds, title="某市2031年政务公开工作要点")

    # the publication is someone else's: a portal check of the agency could only fail it wrongly
    assert kinds("市市场监管局要督促辖区内供水企业按要求公开水质检测信息。") == ["manual"]
    assert kinds("市卫生健康委要指导辖区内各医院做好院务公开工作。") == ["manual"]
    assert kinds("市司法局负责对各县区行政执法公示落实情况开展监督检查。") == ["manual"]
    # …unless, in another clause, the agency publishes something itself
    assert kinds("市民政局要加强督促指导,定期公布全市养老机构评估结果。") == ["topic_disclosed"]
    assert kinds("指导各县区规范权责清单,并做好本级权责清单编制和公开。") == ["topic_disclosed"]
    # guidance received is no urging, and 督导 is also a noun: the agency publishes
    assert kinds("在上级部门指导下,市医保局要及时公开医保基金监督检查结果。") == ["topic_disclosed"]
    assert kinds("市教育局要做好义务教育督导评估结果的公开工作。") == ["topic_disclosed"]


def _drafted_rules(text):
    return yaml.safe_load(draft_yaml(draft(text), "x"))["rules"]


def test_a_pipe_tables_lead_unit_is_its_responsibility_column_whichever_side_the_cooperating_one_stands():
    head = "某县人民政府办公室关于印发2031年政务公开任务分解表的通知\n各乡镇人民政府，县政府各部门：\n"
    row = "在门户网站公开本部门权责清单调整情况"
    lead_first = head + "序号|完成时限|工作任务|责任单位|配合单位\n1|9月底前|" + row + "|县政府各部门|县委编办\n"
    cooperating_first = head + "序号|工作任务|配合单位|牵头单位|完成时限\n1|" + row + "|县委编办|县政府各部门|9月底前\n"
    for text in (lead_first, cooperating_first):
        rules = _drafted_rules(text)
        assert [r["applies_to"] for r in rules] == [{"units": ["县政府各部门"]}], text


def test_a_task_tables_lag_from_the_issue_dates_the_plan_in_a_pipe_row_and_in_a_flattened_row():
    head = "某县人民政府办公室关于印发2031年政务公开任务分解表的通知\n各乡镇人民政府，县政府各部门：\n"
    task = "制定本单位2031年政务公开工作实施方案并在门户网站公开"
    piped = head + "序号|完成时限|工作任务|责任单位\n1|印发后10个工作日内|" + task + "|县政府各部门\n某县人民政府办公室\n2031年3月2日\n"
    flattened = (head + "序号\n工作任务\n责任单位\n完成时限\n1\n" + task + "\n县政府各部门\n印发之日起15个工作日内\n"
                 "2\n在门户网站公开本部门预算\n县政府各部门\n年底前\n某县人民政府办公室\n2031年3月2日\n")
    for text, lag in ((piped, 10), (flattened, 15)):
        plan = next(r for r in _drafted_rules(text) if "实施方案" in r["quote"])
        assert (plan["kind"], plan["params"].get("working_days")) == ("plan_published", lag), text


def test_named_offices_opening_a_sentence_scope_its_rule_and_a_role_name_scopes_nothing():
    text = ("某市人民政府办公室关于印发某市2031年政务公开工作要点的通知\n各县（市、区）人民政府，市政府各部门：\n"
            "（一）市交通运输局、市住房城乡建设局要及时公开重大建设项目批准和实施信息。\n"
            "（二）各起草单位要在政策文件公开后3个工作日内发布解读材料。\n"
            "（三）各单位要在6月底前公开本单位部门预算。\n某市人民政府办公室\n2031年3月2日\n")
    rules = _drafted_rules(text)
    assert rules[0]["applies_to"] == {"units": ["市交通运输局", "市住房城乡建设局"]}
    assert "applies_to" not in rules[1] and "applies_to" not in rules[2]  # the notice's binds decide


def test_a_bracketed_list_inside_a_group_name_is_one_addressee_and_one_subject():
    text = ("某市人民政府办公室关于抓好第二季度政务公开重点工作的通知\n各县（市、区）人民政府，市政府各部门：\n"
            "一、各县（市、区）政府要于4月底前在门户网站开设“乡村振兴”专栏。\n"
            "二、市政府各部门要在6月底前公开本部门权责清单。\n某市人民政府办公室\n2031年4月2日\n")
    document = yaml.safe_load(draft_yaml(draft(text), "x"))
    assert document["notice"]["binds"] == {"units": ["各县(市、区)人民政府", "市政府各部门"]}
    assert [r.get("applies_to") for r in document["rules"]] == [{"units": ["各县(市、区)政府"]}, {"units": ["市政府各部门"]}]


def test_a_findings_sentence_about_applications_asks_nothing_and_links_sent_to_the_disclosure_office_are_manual():
    text = ("某市人民政府办公室关于做好2030年度政府信息公开工作年度报告编制发布工作的通知\n各县（市、区）人民政府，市政府各部门：\n"
            "一、上一年度年报中存在的问题\n部分单位年报中依申请公开的办理数量前后不符，个别单位未按时发布年报。\n"
            "二、工作要求\n（一）市政府各部门要于1月31日前在门户网站公布本部门2030年度年报。\n"
            "（二）各县（市、区）政府要将所属部门年报链接汇总后，于4月10日前报送市政务公开办。\n某市人民政府办公室\n2031年1月6日\n")
    kinds = [(o["kind"], o["quote"][:6]) for o in draft(text).obligations]
    assert kinds == [("annual_report", "（一）市政府"), ("manual", "（二）各县（")]


def test_a_report_on_interpretation_work_sent_up_is_manual_not_an_interpretation_rule():
    kinds = partial(_kinds, title="某市2031年政务公开工作要点")

    assert kinds("市政府各部门要于6月25日前将上半年政策解读工作情况报送市政务公开办。") == ["manual"]
    assert kinds("市政府各部门要在政策文件公开后3个工作日内发布解读材料。") == ["interpretation_timely"]


def test_a_columns_completion_clause_dates_the_column_rule_and_obliges_nobody_itself():
    text = ("某市人民政府办公室关于印发某市2031年政务公开工作要点的通知\n各县（市、区）人民政府，市政府各部门、各直属机构：\n"
            "（一）各单位要在门户网站开设“稳岗就业”专栏，集中发布就业政策及办事指南，9月底前完成专栏建设。\n"
            "某市人民政府办公室\n2031年3月2日\n")
    document = yaml.safe_load(draft_yaml(draft(text), "x"))
    assert document["notice"]["binds"] == {"units": ["各县(市、区)人民政府", "市政府各部门", "市政府直属机构"]}
    assert [(r["kind"], r["params"].get("by_date")) for r in document["rules"]] == [("column_exists", "2031-09-30")]


def test_duties_a_portal_check_of_the_addressees_cannot_judge_are_left_for_review():
    bureau = ("某市卫生健康委员会关于印发2031年政务公开工作要点的通知\n委机关各处室、委属各单位：\n"
              "1.加大教育、医疗、养老、托育等领域信息公开力度，及时回应群众关切。\n"
              "2.委属各医疗机构要在本单位网站公开住院收费标准。\n"
              "3.本要点印发后10个工作日内在委门户网站公开。\n某市卫生健康委员会\n2031年3月2日\n")
    rules = _drafted_rules(bureau)
    # one field of four would fail every other agency; the hospitals' sites are not audited
    assert [r["kind"] for r in rules] == ["manual", "manual", "plan_published"]
    assert rules[2]["params"]["working_days"] == 10


def test_compare_sees_a_draft_that_binds_more_widely_but_not_brackets_of_another_width():
    quote = "各县（市、区）政府要于6月底前公开本级政府权责清单。"
    reviewed = [{"id": "r1", "kind": "topic_disclosed", "quote": quote, "params": {"topics": ["power-responsibility-list"]},
                 "applies_to": {"units": ["各县（市、区）政府"]}},
                {"id": "r2", "kind": "topic_disclosed", "quote": "市财政局要公开本级政府预决算。",
                 "params": {"topics": ["budget-final-accounts"]}, "applies_to": {"units": ["市财政局"]}}]
    drafted = [{"id": "d1", "kind": "topic_disclosed", "quote": quote, "params": {"topics": ["power-responsibility-list"]},
                "applies_to": {"units": ["各县(市、区)政府"]}},
               {"id": "d2", "kind": "topic_disclosed", "quote": "市财政局要公开本级政府预决算。",
                "params": {"topics": ["budget-final-accounts"]}}]
    comparison = compare_rules(reviewed, drafted)
    assert comparison.kept == 1 and [c[0]["id"] for c in comparison.changed] == ["r2"]
    assert "未限定" in comparison.changed[0][2][0]


def test_compare_reports_the_notices_binds_when_the_draft_reads_them_otherwise(tmp_path):
    from click.testing import CliRunner

    from zwgk.cli import cli as main

    notice = tmp_path / "n.txt"
    notice.write_text("某市人民政府办公室关于印发2031年政务公开工作要点的通知\n各县（市、区）人民政府，市政府各部门：\n"
                      "各单位要在6月底前公开本单位部门预算。\n某市人民政府办公室\n2031年3月2日\n", encoding="utf-8")
    reviewed = tmp_path / "r.yaml"
    reviewed.write_text(yaml.safe_dump({"notice": {"binds": {"all": True}}, "rules": []}, allow_unicode=True), encoding="utf-8")
    result = CliRunner().invoke(main, ["rules", "draft", str(notice), "-o", str(tmp_path / "d.yaml"), "--compare", str(reviewed)])
    assert result.exit_code == 0, result.output
    assert "通知约束范围 binds：{'all': True} → {'units': ['各县(市、区)人民政府', '市政府各部门']}" in result.output


def test_a_named_office_publishing_on_its_governments_portal_is_left_for_review():
    text = ("某市人民政府办公室关于印发某市2031年政务公开工作要点的通知\n各县（市、区）人民政府，市政府各部门：\n"
            "（一）市司法局要在10月底前将现行有效的行政规范性文件目录在市政府门户网站集中公布。\n"
            "（二）市财政局要在10月底前在本部门网站公开本级政府债务信息。\n某市人民政府办公室\n2031年3月2日\n")
    rules = _drafted_rules(text)
    assert [r["kind"] for r in rules] == ["manual", "topic_disclosed"]
    assert rules[0]["applies_to"] == {"units": ["市司法局"]}


def test_addressees_written_with_short_pieces_are_whole_names():
    text = ("某省人民政府办公厅关于印发某省2031年政务公开工作要点的通知\n各州、市人民政府，省直各委、办、厅、局：\n"
            "各单位要在6月底前公开本单位部门预算。\n某省人民政府办公厅\n2031年3月2日\n")
    assert yaml.safe_load(draft_yaml(draft(text), "x"))["notice"]["binds"] == {"units": ["各州、市人民政府", "省直各委、办、厅、局"]}


def test_two_drafted_rules_that_would_judge_the_same_pages_get_a_review_note():
    text = ("某县人民政府办公室关于做好2031年预决算公开工作的通知\n各乡镇人民政府，县政府各部门：\n"
            "一、各单位要在门户网站公开本单位部门预算和部门决算。\n"
            "二、各单位要在批复后20日内公开部门预算和部门决算，并对“三公”经费作出说明。\n"
            "三、各单位要在门户网站开设“惠民补贴”专栏。\n某县人民政府办公室\n2031年3月2日\n")
    written = draft_yaml(draft(text), "x")
    assert written.count("核查同一事项") == 1 and "与 x-1 核查同一事项" in written
    # one missing page counts once in an unreviewed audit: the second rule weighs nothing until a reviewer decides
    assert [rule["weight"] for rule in yaml.safe_load(written)["rules"]] == [1, 0, 1]


def test_an_annual_report_rule_of_a_notice_issued_after_last_years_report_was_due_is_on_this_years():
    def year_of(issued):
        text = ("某县人民政府办公室关于印发2031年政务公开工作要点的通知\n各乡镇人民政府，县政府各部门：\n"
                "二、各单位要将政务公开工作要点落实情况纳入政府信息公开工作年度报告予以公开。\n"
                f"某县人民政府办公室\n{issued}\n")
        return [rule["params"].get("year") for rule in yaml.safe_load(draft_yaml(draft(text), "x"))["rules"]]

    assert year_of("2031年7月6日") == [2031]  # the report on 2030 was due by March: this asks for the next one
    assert year_of("2031年2月6日") == [2030]


def test_addressees_that_are_the_issuers_schools_bind_the_issuer_and_a_provinces_cities_and_counties_are_both():
    bureau = ("某县教育局关于印发2031年政务公开工作实施方案的通知\n局机关各股室，各中小学校、幼儿园：\n"
              "1.在局门户网站公开本局部门预算。\n2.各中小学校要于6月30日前在学校网站开设“校务公开”专栏。\n"
              "某县教育局\n2031年3月2日\n")
    document = yaml.safe_load(draft_yaml(draft(bureau), "x"))
    assert document["notice"]["binds"] == {"units": ["某县教育局"]}
    assert [r["kind"] for r in document["rules"]] == ["topic_disclosed", "manual"]  # the schools' sites are not audited
    province = ("某省人民政府办公厅关于印发2031年政务公开工作要点的通知\n各市、县人民政府，省政府各部门、各直属机构：\n"
                "各单位要在6月底前公开本单位部门预算。\n某省人民政府办公厅\n2031年3月2日\n")
    units = yaml.safe_load(draft_yaml(draft(province), "x"))["notice"]["binds"]["units"]
    assert units == ["各市、县人民政府", "省政府各部门", "省政府直属机构"]
    assert [unit_group_levels(u) for u in units] == [{"city", "county"}, {"department"}, {"department"}]


def test_a_duty_that_holds_only_when_something_happens_is_left_for_review():
    text = ("某县人民政府办公室关于做好2031年重点领域信息公开工作的通知\n各乡镇人民政府，县政府各部门：\n"
            "一、拟作出重大行政决策的，决策承办单位应当在门户网站公开决策草案并征求意见。\n"
            "二、发生重大突发事件后，有关部门要及时在门户网站发布权威信息。\n"
            "三、各单位要于6月底前在门户网站公开本单位部门预算。\n"
            "四、涉及公共利益和公众权益的重大事项，除依法应当保密的外，决策承办单位应公布决策草案，向社会公开征求意见。\n"
            "某县人民政府办公室\n2031年3月2日\n")
    rules = _drafted_rules(text)
    assert [r["kind"] for r in rules] == ["manual", "manual", "topic_disclosed", "manual"]
    assert "条件性要求" in draft_yaml(draft(text), "x")


def test_a_lag_from_each_event_starts_the_period_with_the_notices_year():
    text = ("某县人民政府办公室关于印发2031年政务公开工作要点的通知\n各乡镇人民政府，县政府各部门：\n"
            "一、各部门要在预算批复后20日内在门户网站公开部门预算。\n二、各单位要于6月底前公开本单位权责清单。\n"
            "某县人民政府办公室\n2031年4月2日\n")
    params = [r["params"] for r in _drafted_rules(text)]
    assert params[0].get("since") == "2031-01-01"  # a budget of February answers a notice of April
    assert "since" not in params[1]
    dated = text.replace("公开部门预算。", "公开部门预算，并于9月30日前公开上年度部门决算。")
    assert _drafted_rules(dated)[0]["params"] == {"topics": ["budget-final-accounts"], "by_date": "2031-09-30",
                                                  "since": "2031-01-01"}


def test_departments_named_by_their_work_opening_a_sentence_scope_its_rule():
    text = ("某省人民政府办公厅关于印发2031年政务公开工作要点的通知\n各市、县人民政府，省政府各部门：\n"
            "（七）各级财政部门要按季度公开本级政府债务信息。\n某省人民政府办公厅\n2031年3月2日\n")
    assert [r.get("applies_to") for r in _drafted_rules(text)] == [{"units": ["各级财政部门"]}]


def test_a_task_rows_lag_from_each_event_keeps_its_lead_unit():
    text = ("某市人民政府办公室关于印发2031年政务公开重点工作任务分工的通知\n各县（市、区）人民政府，市政府各部门：\n"
            "| 序号 | 工作任务 | 牵头单位 | 配合单位 | 完成时限 |\n"
            "| 1 | 公开“双随机、一公开”抽查计划和抽查结果 | 市市场监管局 | 市直有关执法部门 | 抽查结果形成后20个工作日内 |\n"
            "某市人民政府办公室\n2031年3月2日\n")
    assert [r.get("applies_to") for r in _drafted_rules(text)] == [{"units": ["市市场监管局"]}]


def test_in_a_notice_on_the_annual_report_a_sentence_publishing_something_else_is_about_that():
    text = ("关于做好2030年度政府信息公开工作年度报告编制发布工作的通知\n各乡镇人民政府，县政府各部门：\n"
            "一、各单位要于2031年1月31日前在门户网站公布本单位2030年度年报。\n"
            "二、县政府各部门要在门户网站公开本部门权责清单调整情况。\n某县人民政府办公室\n2031年1月5日\n")
    assert [o["kind"] for o in draft(text).obligations] == ["annual_report", "topic_disclosed"]


def test_a_sentence_whose_part_has_its_own_later_date_is_drafted_with_it_and_a_review_note():
    text = ("某省人民政府办公厅关于印发2031年政务公开工作要点的通知\n各市、县人民政府，省政府各部门：\n"
            "（十二）各地各部门要于2032年1月31日前在门户网站公布2031年政府信息公开工作年度报告，其中各级人民政府于2032年3月31日前公布。\n"
            "某省人民政府办公厅\n2031年3月2日\n")
    written = draft_yaml(draft(text), "x")
    report = yaml.safe_load(written)["rules"][0]
    # the part with the later date is not failed early: the later date, and a note to split
    assert (report["kind"], report["params"]["by_date"]) == ("annual_report", "2032-03-31")
    assert "通知期限为2032-01-31，其中部分单位为2032-03-31" in written
    one_unit = text.replace("，其中各级人民政府于2032年3月31日前公布", "，其中各级人民政府的年度报告于2032年3月31日前公布")
    assert yaml.safe_load(draft_yaml(draft(one_unit), "x"))["rules"][0]["params"]["by_date"] == "2032-03-31"


def test_a_saved_pages_metadata_labels_are_no_addressees_and_the_letter_may_come_late(tmp_path):
    chrome = "".join(f"<li><a href='/c{i}/'>栏目{i}</a></li>" for i in range(25))
    page = ("<html><head><title>某县人民政府</title></head><body><h1>某县人民政府</h1><ul>" + chrome + "</ul>"
            "<table><tr><td>索引号：</td><td>0001/2031-00031</td><td>发布机构：</td><td>某县人民政府办公室</td></tr></table>"
            "<h2>某县人民政府办公室关于印发某县2031年政务公开工作要点的通知</h2><p>某政办发〔2031〕5号</p>"
            "<p>各乡镇人民政府，县政府各部门：</p><p>（一）各单位要于6月底前在门户网站公开本单位部门预算。</p>"
            "<p>某县人民政府办公室</p><p>2031年3月18日</p></body></html>")
    path = tmp_path / "n.html"
    path.write_text(page, encoding="utf-8")
    assert yaml.safe_load(draft_yaml(draft(read_notice(path)), "x"))["notice"]["binds"] == {"units": ["各乡镇人民政府", "县政府各部门"]}


def test_a_subject_opening_with_a_short_piece_is_one_group():
    text = ("某省人民政府办公厅关于印发2031年政务公开工作要点的通知\n各市、县（市、区）人民政府，省政府各部门：\n"
            "（一）各市、县（市、区）人民政府和省政府各部门要于6月底前公开本级政府权责清单。\n某省人民政府办公厅\n2031年3月2日\n")
    assert _drafted_rules(text)[0]["applies_to"] == {"units": ["各市、县(市、区)人民政府", "省政府各部门"]}


def test_a_short_group_name_before_another_group_stays_apart():
    text = ("某区管委会办公室关于印发2031年政务公开工作要点的通知\n各镇、各部门：\n"
            "（一）各镇、各部门要于6月底前公开本单位权责清单。\n某区管委会办公室\n2031年3月2日\n")
    document = yaml.safe_load(draft_yaml(draft(text), "x"))
    assert document["notice"]["binds"] == {"units": ["各镇", "各部门"]}
    assert document["rules"][0]["applies_to"] == {"units": ["各镇", "各部门"]}


def test_page_furniture_around_a_notice_gives_neither_its_title_nor_rules():
    text = "\n".join([
        "当前位置: 首页 » 政策文件 » 某自治区人民政府办公厅关于印发政务新媒体管理办法的通知 (某政办发 〔2031〕 8号)",
        "某州政务网 发布日期 : 2031-03-02 来源 : 某州人民政府办公室",
        "某自治区人民政府办公厅关于印发政务新媒体管理办法的通知 (某政办发 〔2031〕 8号)",
        "各部门要在每月5日前公开上月新媒体运维情况。",
        "备注  附件:   政务新媒体信息发布审核表(样表)",
    ])
    notice = draft(text)
    assert notice.title == "某自治区人民政府办公厅关于印发政务新媒体管理办法的通知"
    assert notice.issuer == "某自治区人民政府办公厅"
    assert [o["quote"] for o in notice.obligations] == ["各部门要在每月5日前公开上月新媒体运维情况。"]


def test_a_column_tag_before_the_title_and_a_forwarded_notices_forwarder():
    tagged = draft("【制度文件】关于做好政务公开考核工作的通知\n各单位要于6月底前公开考核结果。\n")
    assert tagged.title == "关于做好政务公开考核工作的通知"
    forwarded = draft("某市人民政府办公室转发市政府新闻办公室关于建立新闻发布制度的通知\n各部门要及时公开新闻发布会实录。\n")
    assert forwarded.issuer == "某市人民政府办公室"


def test_a_permission_written_with_zhaiyao_and_an_exemption_from_disclosure_oblige_nobody():
    head = "各单位要于6月底前公开本单位办理结果。\n"
    # 摘要 (a summary) holds no modal 要: what remains is a permission (可采用)
    assert len(draft(head + "对情况复杂的办理复文，可采用摘要公开的方式。\n").obligations) == 1
    # what is withheld (不予公开, 免予公开) is no disclosure
    assert len(draft(head + "办理复文涉及国家秘密的，依法不予公开。\n").obligations) == 1
    assert len(draft(head + "内部研究过程中的公文，作为免予公开信息。\n").obligations) == 1


def test_a_page_headers_source_field_names_the_issuer_only_when_it_says_which_office():
    body = "关于做好2031年政务公开工作的通知\n各股室要于6月底前公开本单位工作方案。\n"
    assert draft("发布时间：2031-03-02 来源：某某县农业农村局\n" + body).issuer == "某某县农业农村局"
    assert draft("发布时间：2031-03-02 来源：县政府办公室\n" + body).issuer is None  # which county's?


def test_a_responsibility_note_with_a_bracket_inside_is_split_from_the_sentence_after_it():
    text = ("某市2031年政务公开工作要点\n"
            "1.各单位要在6月底前公开本单位年度工作方案。〔责任单位：市政府各部门，各区县政府(含高新区管委会,下同)〕"
            "业务主管部门要在部署业务工作时同步公开相关信息。\n")
    quotes = [o["quote"] for o in draft(text).obligations]
    assert quotes[-1] == "业务主管部门要在部署业务工作时同步公开相关信息。"
    assert len(quotes) == 2


def test_a_report_on_how_the_work_went_obliges_only_in_its_requests():
    text = ("关于2031年5月份政务公开工作情况的通报\n各乡镇人民政府，县政府各部门：\n一、政务公开工作\n"
            "5月全县主动公开政府信息1200条。发布较好的有：县财政局、县教育局，低于最低标准的有：县林业局。\n"
            "各单位要及时公开本单位预算执行信息。\n"
            "二、政务新媒体工作\n5月各政务新媒体均能及时发布信息，望各单位继续加强日常运维。\n")
    assert [o["quote"] for o in draft(text).obligations] == ["各单位要及时公开本单位预算执行信息。"]


def test_a_signature_date_run_onto_the_end_of_a_line_is_the_notices_date():
    letter = "关于做好2031年政务公开工作的通知各乡镇人民政府，县政府各部门：各单位要于6月底前公开本单位工作方案。"
    assert draft(letter + "2031年5月11日\n").issued == "2031-05-11"
    assert draft(letter + "某县政务公开领导小组办公室2031年2月15日相关阅读\n").issued == "2031-02-15"
    assert draft(letter + "全县累计公开信息数据截至2031年5月11日\n").issued is None


def test_a_run_together_inspection_report_gets_its_addressees_and_first_heading_apart():
    text = ("关于2031年第一季度政府网站检查情况的通报各镇人民政府，区政府各部门：为做好政府网站管理工作，区政府办公室开展了"
            "第一季度检查，现将有关情况通报如下：一、总体情况本季度全区共检查网站8个，均符合要求。二、工作要求（一）各单位要于"
            "4月30日前在本单位网站公开整改情况。（二）各单位要确保政府网站安全运行，及时更新栏目内容，做好日常监测和内容保障工作。"
            "（三）各单位要在每季度末前公开本单位网站运维情况。某区人民政府办公室2031年4月10日\n")
    notice = draft(text)
    assert notice.title == "关于2031年第一季度政府网站检查情况的通报"
    assert notice.issued == "2031-04-10"
    assert [str(o["by_date"]) for o in notice.obligations if "整改情况" in o["quote"]] == ["2031-04-30"]


def test_a_rule_documents_scope_principle_section_titles_and_covering_formula_oblige_nobody():
    head = "某县政务公开办法\n第一条 各单位要在每季度末前公开本单位政务公开工作进展。\n"
    for sentence in ("您当前的位置: 首页 - 专题专栏 - 政务公开专栏",
                     "序号公开事项公开内容(要素)公开依据公开时限公开主体公开渠道",  # a header row run together
                     "第二条 本办法适用于县政府各部门的政府信息公开工作。",
                     "第三条 行政执法公示应当坚持合法、及时、准确、便民的原则。",
                     "第二节 事后公开内容",
                     "经县政府研究决定，现将县政府2031年重大行政决策事项目录予以公布。"):
        assert len(draft(head + sentence + "\n").obligations) == 1, sentence
    # a principle that says who does the work is a duty ("谁起草、谁解读")
    assert len(draft(head + "政策文件解读工作要坚持“谁起草、谁解读”的原则。\n").obligations) == 2


def test_the_issuers_sanctions_oblige_nobody():
    head = "各单位要于6月底前公开本单位政务新媒体清单。\n"
    for sanction in ("对擅自开设政务新媒体的，将全县通报批评并予以关停。",
                     "造成严重后果的，由纪检监察机关追究有关单位负责人和直接责任人员的责任。"):
        assert len(draft(head + sanction + "\n").obligations) == 1, sanction


def test_a_disclosure_lists_nested_items_and_an_items_contents_are_in_the_list():
    text = ("某水务公司信息公开制度\n第六条 本公司公开信息，重点包含下列内容：\n（一）公司概况\n"
            "主要包括：公司性质、规模、经营范围、办公地址等信息。\n（二）服务信息\n"
            "1.供水价格标准及有关收费依据；\n2.供水报装办理程序和时限；\n")
    quotes = [o["quote"] for o in draft(text).obligations]
    assert "1.供水价格标准及有关收费依据；" in quotes and "2.供水报装办理程序和时限；" in quotes
    assert any(q.startswith("主要包括") for q in quotes)
    assert not any(q.startswith(("（一）", "（二）")) for q in quotes)  # the categories name the items below them


def test_a_purpose_article_and_a_news_sites_reprint_notice_oblige_nobody():
    head = "某县新闻发布制度\n"
    duty = "第三条 各部门要在每季度末前公开本部门新闻发布情况。\n"
    assert len(draft(head + "第一条 为更进一步规范新闻发布工作，根据有关规定，兹制订本制度。\n" + duty).obligations) == 1
    assert len(draft(head + duty + "授权转载必须注明来源为某某在线，并保留电头。\n").obligations) == 1


def test_which_body_publishes_what_is_a_rule_of_the_regulation_not_a_duty():
    head = "某镇政府信息公开制度\n第二条 各站所要在每季度末前公开本站所工作动态。\n"
    for rule in ("第三条 行政机关制作的政府信息，由制作该政府信息的行政机关负责公开。",
                 "第四条 两个以上行政机关共同制作的政府信息，由牵头制作的行政机关负责公开。"):
        assert len(draft(head + rule + "\n").obligations) == 1, rule


def test_a_catalogue_fields_disclosure_type_and_an_interpretations_title_oblige_nobody():
    head = "某区2031年政务公开工作要点\n各单位要于6月底前公开本单位年度工作方案。\n"
    for line in ("• 公开类型:主动公开", "某区2031年政务公开工作要点解读说明"):
        assert len(draft(head + line + "\n").obligations) == 1, line


def test_a_notice_whose_issuer_names_its_province_binds_nobody_outside_it(tmp_path):
    from checks.catalogue import load_catalogue, rule_applies
    from core.model import Agency
    from rules.draft import draft_yaml

    letter = ("福建省人民政府办公厅关于做好2031年政务公开工作的通知\n各市、县（区）人民政府，省人民政府各部门：\n"
              "各地各部门要于6月底前公开本地区本部门工作方案。\n福建省人民政府办公厅\n2031年3月2日\n")
    plan = "北京市人民政府办公厅2031年政务公开工作要点\n一、各单位要于6月底前公开本单位年度工作方案。\n北京市人民政府办公厅\n2031年3月2日\n"
    (tmp_path / "fj.yaml").write_text(draft_yaml(draft(letter), "fj-2031"), encoding="utf-8")
    (tmp_path / "bj.yaml").write_text(draft_yaml(draft(plan), "bj-2031"), encoding="utf-8")
    rules = {r.notice.id: r for r in load_catalogue(tmp_path).rules}
    assert rules["fj-2031"].notice.province == "福建省"
    assert rules["bj-2031"].notice.binds == {"provinces": ["北京市"]}  # no addressees read: all of its province
    fujian_county = Agency("ja", "建安县人民政府", "county", ("http://a/",), province="福建省")
    beijing_district = Agency("dx", "北京市大兴区人民政府", "county", ("http://b/",), province="北京市")
    beijing_bureau = Agency("bj", "北京市某某局", "department", ("http://c/",), province="北京市")
    assert rule_applies(rules["fj-2031"], fujian_county) and not rule_applies(rules["fj-2031"], beijing_district)
    assert rule_applies(rules["bj-2031"], beijing_bureau)
    assert not rule_applies(rules["bj-2031"], Agency("fz", "福州市某某局", "department", ("http://d/",), province="福建省"))


def test_a_rule_assigned_to_the_issuers_own_division_binds_the_issuer():
    text = ("某市某某局关于印发2031年政务公开工作要点的通知\n各县（区）某某局，局机关各处室：\n"
            "1.及时公开艺术创作扶持项目评审结果。（责任单位：艺术处）\n"
            "2.年底前公开本局文化产业资金使用情况。（責任單位：財務審計處）\n")
    from rules.draft import draft_yaml

    rules = yaml.safe_load(draft_yaml(draft(text), "x"))["rules"]
    # not a rule that checks nobody (艺术处 is no agency), nor one that binds every agency the notice reaches
    assert [rule.get("applies_to") for rule in rules] == [{"units": ["某市某某局"]}] * 2


def test_a_column_is_named_by_the_words_before_zhuanlan_not_by_a_quoted_slogan():
    from rules.draft import draft_yaml

    text = ("某区2031年政务公开工作要点\n各街道办事处，区政府各部门：\n（一）瞄准“争创示范区时代样板”目标，开设共同富裕专题集中展示建设成果。\n"
            "（二）各部门要及时更新开设的“热点专题”、“重点领域”栏目内容。\n")
    rules = yaml.safe_load(draft_yaml(draft(text), "x"))["rules"]
    assert [r["params"]["names"] for r in rules if r["kind"] == "column_exists"] == [["共同富裕"], ["热点专题", "重点领域"]]


def test_a_note_of_units_alone_after_a_task_names_who_does_it_and_leaves_the_next_sentence_its_own():
    from rules.draft import draft_yaml

    text = ("某区2031年政务公开工作要点\n（一）做好民生信息公开。定期公开政府债务限额和余额情况。（区财政局、区金融办。）"
            "及时发布重污染天气预警信息。（区生态环境局。）\n")
    rules = yaml.safe_load(draft_yaml(draft(text), "x"))["rules"]
    assert [(r["quote"][:6], r.get("applies_to", {}).get("units")) for r in rules] == [
        ("定期公开政府", ["区财政局", "区金融办"]), ("及时发布重污", ["区生态环境局"])]


def test_a_catalogue_box_that_repeats_the_posting_day_as_its_written_date_yields_to_the_signature():
    body = ("某省教育厅办公室关于印发2030年政务公开工作要点任务分工的通知\n各市教育局：\n现将任务分工印发给你们，请认真贯彻落实。\n"
            "某省教育厅办公室\n2030年7月4日\n")
    reposted = "索引号: | 000/2031-00050 | 发布日期: | 2031-01-18 |\n有效性: | 成文日期: | 2031-01-18 |\n" + body
    assert draft(reposted).issued == "2030-07-04"   # the box's 成文日期 is only the day the page went up
    written_apart = "索引号: | 000/2031-00050 | 发布日期: | 2031-01-18 |\n有效性: | 成文日期: | 2030-07-03 |\n" + body
    assert draft(written_apart).issued == "2030-07-03"  # a 成文日期 of its own is the document's


def test_a_signature_whose_office_was_wrapped_onto_its_own_line_names_the_office():
    notice = draft("关于印发某项工作任务分工的通知\n各处室：\n现印发给你们，请认真抓好贯彻落实。\n某某省人力资源和社会保障厅\n办公室\n"
                   "2030年6月28日\n")
    assert (notice.issuer, notice.issued) == ("某某省人力资源和社会保障厅办公室", "2030-06-28")


def test_the_same_time_interpretation_rule_stated_as_a_system_to_carry_out_is_drafted():
    found = _drafted("2030年政务公开工作要点\n（一）做好政策解读。严格落实规范性文件起草与解读材料同步组织、同步审签、同步发布制度。\n")
    assert ("严格落实规范性文件起草与解读材料同步组织、同步审签、同步发布制度。", None, 0) in found


@pytest.mark.parametrize("sentence", [
    "各部门办公室要切实承担起本单位政务公开工作的组织协调、监督检查责任。",               # a responsibility, no deliverable
    "根据上级部署，结合本局实际，为进一步明确任务分工，经研究，制定了《2030年政务公开工作任务分工》。",  # how the issuer drew it up
])
def test_lead_ins_and_responsibilities_are_no_rules(sentence):
    assert _drafted("2030年政务公开工作要点\n" + sentence) == []


def _verdict(sentence: str, intro: str = "", year: int | None = None) -> str:
    """The rules' verdict on one sentence standing alone (its own deadline read in ``year``), or as an item of ``intro``."""
    from rules.drafting import obligations
    from rules.drafting.structure import Unit

    text = analysis(sentence)
    unit = Unit(quote=text, text=text, line=0, intro=analysis(intro) if intro else "")
    return obligations.verdict(unit, deadline_of(text, year) if year else {}, "notice")


def test_a_covering_letters_lead_in_broken_off_at_its_comma_is_rejected_not_left_to_the_scorer():
    assert _verdict("按照《某市人民政府办公室关于印发2030年政务公开工作要点的通知》要求，现将要点所列任务进行分解安排，") == "no"


def test_a_one_line_capture_keeps_counts_dates_and_clock_times_spaced_apart_inside_their_sentences():
    sentences = ["各单位要高度重视政府网站建设工作，明确分管领导和责任科室。",
                 "政府网站要安排专人处理网民纠错意见，在 3 个工作日内答复网民。",
                 "请各部门于 6 月 9 日中午 12:00 前将自查结果报送县政府办公室。",
                 "被征求意见的部门应当自收到征求意见稿之日起 15 个工作日内反馈意见。"]
    source = "某县人民政府办公室关于做好2031年政府网站管理工作的通知 " + " ".join(sentences * 2) + " 留言与评论 |\n"
    lines = structure.reline(source).split("\n")
    assert all(sentence in lines for sentence in sentences)  # one stray "|" does not make the line a table row
    assert structure.reline("人事司 2 机构设置 规划司 3 统计信息 " * 12).count("\n") >= 40  # a row's 序号 still stands apart


@pytest.mark.parametrize("header, published", [
    ("2031-06-10   16时54分 浏览次数:", "2031-06-10"),      # an official page: its day, time and view counter
    ("2031-06-10 10:30 来源:某某镇 作者:某某镇", "2031-06-10"),  # …or the office it comes from
    ("2031-06-10 00:00:00 889阅读 发布地区:某州", None),       # a mirror's own stamp
    ("2031-06-10 06:47:14来源:某某建设网", None),               # a news site's
])
def test_an_unlabelled_header_stamp_is_the_pages_date_only_beside_a_counter_or_an_office(header, published):
    notice = draft("某县人民政府办公室关于印发2031年政务公开工作要点的通知\n" + header + "\n各乡镇人民政府：\n"
                   "现印发给你们，请认真贯彻执行。\n某县人民政府办公室\n2031年6月8日\n")
    assert notice.published == published


@pytest.mark.parametrize("title, issuer", [
    ("市人民政府办公室关于印发某某市2031年政务公开工作实施方案的通知", "某某市人民政府办公室"),  # the place the title names
    ("市人民政府办公室关于开展2031年政务公开考评工作的通知", "市人民政府办公室"),             # none named: left short
    ("市人民政府办公室关于深入推进社会主义现代化强市建设的通知", "市人民政府办公室"),          # a slogan names no place
])
def test_a_signature_that_leaves_out_its_place_gets_it_back_from_the_title(title, issuer):
    notice = draft(title + "\n各县（区）人民政府：\n现印发给你们，请认真贯彻执行。\n市人民政府办公室\n2031年6月8日\n")
    assert notice.issuer == issuer


def test_a_dated_completion_under_the_general_requirements_is_a_task_but_a_dated_goal_is_not():
    found = _drafted("2031年政务新媒体规范化建设实施意见\n一、总体要求\n以规范化建设为抓手，推动政务新媒体健康有序发展。\n"
                     "2031年7月底前，各县（市、区）完成基层政务新媒体规范化建设工作。\n"
                     "2031年底前，全面完成各项任务，基本建成全县统一的政务新媒体管理体系。\n")
    assert found == [("2031年7月底前，各县（市、区）完成基层政务新媒体规范化建设工作。", "2031-07-31", None)]


@pytest.mark.parametrize("sentence", [
    "新条例第五十条规定：“全国政府信息公开工作主管部门应当公布政府信息公开工作年度报告格式。”",  # the law quoted
    "政府信息公开工作年度报告（以下简称年报），是政府信息公开条例确立的法定制度安排。",            # what the report is
])
def test_a_quoted_article_and_what_a_thing_is_are_no_rules(sentence):
    assert _drafted("关于做好2031年政府信息公开工作年度报告编制发布工作的通知\n" + sentence) == []


@pytest.mark.parametrize("sentence, verdict", [
    ("《中华人民共和国政府信息公开条例》（国令第711号）", "no"),                           # a basis cited alone
    ("省自然资源厅近日下发关于加强征地和环境质量信息公开工作的通知。", "no"),            # news of a document
    ("某某总局9日在其官方网站上公布关于推进安全生产信息公开工作的通知。", "no"),
    ("各单位要于2031年1月28日前在门户网站公布本单位年度报告。", "yes"),                # 28日前 is a deadline
])
def test_a_cited_law_and_news_of_a_document_oblige_nobody_but_a_deadline_still_does(sentence, verdict):
    assert _verdict(sentence, year=2031) == verdict


def test_a_law_cited_as_an_item_of_a_disclosure_list_is_no_rule():
    intro = "各乡镇要主动公开下列信息："
    assert _verdict("（一）《中华人民共和国政府信息公开条例》（国令第711号）", intro) == "no"
    assert _verdict("（二）社会救助政策文件和办事指南。", intro) == "yes"


@pytest.mark.parametrize("case", ["一、不按规定时间和程序编制本单位政府网站年度报表的。", "（二）弄虚作假，虚报本部门政务公开工作情况的；",
                                  "3.未经审核擅自在门户网站发布政策解读的。"])
def test_a_case_a_penalty_clause_punishes_is_not_a_duty(case):
    assert _verdict(case) == "no"
    assert _verdict("一、各部门要按规定时间编制本单位政府网站年度报表。") != "no"  # the duty itself still is one


def test_what_an_annual_report_contains_is_not_published_on_its_own_even_when_its_intro_has_no_colon():
    text = ("某镇政府信息公开年度报告制度\n"
            "第三条 各站所应于每年1月20日前将上一年度政府信息公开工作情况报送镇党政办。\n"
            "第四条 各站所信息公开年度报告主要包括以下内容\n"
            "一、行政机关主动公开政府信息的情况\n"
            "二、行政机关收到和处理政府信息公开申请的情况\n")
    quotes = [o["quote"] for o in draft(text).obligations]
    assert "一、行政机关主动公开政府信息的情况" not in quotes and "二、行政机关收到和处理政府信息公开申请的情况" not in quotes
    assert "第四条 各站所信息公开年度报告主要包括以下内容" in quotes  # what the report must hold, as with its colon


@pytest.mark.parametrize("sentence, verdict", [
    ("第一条 公民、法人和其他组织有权依照本规定，要求本局公开其应当主动公开的政府信息。", "no"),
    ("申请人需要获取本局主动公开以外的信息，可以通过信函、网上申请等方式提出。", "no"),
    ("公民、法人或者其他组织提出的意见建议，本局应当在10个工作日内予以答复并公开。", "not no"),  # the agency's duty
])
def test_what_the_public_may_do_binds_no_agency(sentence, verdict):
    assert (_verdict(sentence) == "no") == (verdict == "no")


@pytest.mark.parametrize("sentence", ["解读材料要避免与政策原文大量雷同，不搞简单罗列。", "解读稿一般采用问答式，语言要平实。",
                                      "3、可采用图表、动漫、短视频等形式和群众听得懂的语言解读政策。"])
def test_how_an_interpretation_is_written_is_not_whether_it_is_made(sentence):
    assert _verdict(sentence) == "no"
    assert _verdict("各部门制发政策文件时，要同步起草解读材料并一并报审。") != "no"


def test_a_prohibition_alone_names_no_deliverable_for_the_rules_to_keep():
    # what must not be done cannot be found on a portal: the rules do not keep it, the scorer may
    assert _verdict("重大决策事项未经集体讨论决定的，不得以县政府名义印发。") != "yes"
    assert _verdict("各单位不得以内设机构名义另行开设政务新媒体账号。") != "yes"
    assert _verdict("各单位要在门户网站公开本单位权责清单，不得选择性公开。") == "yes"  # the duty beside it still is one


def test_the_state_council_issues_a_notice_titled_with_its_name_and_what_a_task_is_called_is_not_a_task():
    text = ("国务院关于在某领域全面推行某项监管的意见\n国发〔2031〕5号\n"
            "在某领域全面推行某项监管，是党中央、国务院作出的重大决策部署，是深化改革的内在要求。\n"
            "各地区、各部门要在门户网站公开抽查事项清单。\n")
    notice = draft(text)
    assert notice.issuer == "国务院"
    assert [o["quote"] for o in notice.obligations] == ["各地区、各部门要在门户网站公开抽查事项清单。"]


@pytest.mark.parametrize("meta", ['<meta name="PubDate" content="2031-03-12 09:30">', '<meta name="publishdate" content="2031-03-12">'])
def test_an_html_notices_publication_stamp_in_its_meta_tags_is_its_published_date(tmp_path, meta):
    page = tmp_path / "notice.html"
    page.write_text(
        f"<html><head><meta charset='utf-8'>{meta}<title>某县人民政府办公室关于印发某县2031年政务公开工作要点的通知_某县人民政府</title></head>"
        "<body><h1>某县人民政府办公室关于印发某县2031年政务公开工作要点的通知</h1><p>各乡镇人民政府，县政府各部门：</p>"
        "<p>一、县财政局要于9月底前在门户网站公开县级部门预决算。</p><p>某县人民政府办公室</p><p>2031年3月10日</p></body></html>",
        encoding="utf-8")
    notice = draft(read_notice(page))
    assert (notice.issued, notice.published) == ("2031-03-10", "2031-03-12")
    assert notice.title == "某县人民政府办公室关于印发某县2031年政务公开工作要点的通知"


def test_a_numbered_row_holding_several_requirements_each_with_its_units_binds_each_to_its_own():
    # flattened one cell per line, header cells spaced out for layout, no 完成时限 column
    text = "\n\n".join([
        "某自治区人民政府办公厅关于印发2031年政务公开重点工作任务分工的通知", "各地（市）行署，自治区各委、办、厅、局：",
        "2031年某自治区政务公开重点工作任务分工",
        "目标", "序号", "任 务", "有 关 要 求", "责 任 单 位",
        "1", "加强预期引导",
        "加强财政、就业等政策信息公开，及时在门户网站发布政策措施。", "财政厅、人力资源社会保障厅",
        "按季度公开全区经济运行主要指标数据。", "统计局牵头;发展改革委、新闻办分别落实",
        "2", "推进决策公开",
        "重大行政决策事项在门户网站公开征求意见。", "司法厅",
    ])
    units = [(o["quote"][:8], o.get("lead_units")) for o in draft(text).obligations]
    assert units == [("加强财政、就业等", ["财政厅", "人力资源社会保障厅"]),
                     ("按季度公开全区经", ["统计局", "发展改革委", "新闻办"]),
                     ("重大行政决策事项", ["司法厅"])]


def test_an_organisations_own_catalogue_titled_in_its_first_row_binds_that_organisation_alone():
    text = ("| 某县行政审批局主动公开事项目录 | ||||\n"
            "| 公开事项 | 公开内容 | 公开时限 | 公开主体 |\n"
            "| 机构信息 | 本局内设机构、办公地址和联系电话 | 信息形成之日起20个工作日内 | 某县行政审批局 |\n")
    notice = draft(text)
    assert (notice.title, notice.issuer) == ("某县行政审批局主动公开事项目录", "某县行政审批局")
    assert yaml.safe_load(draft_yaml(notice, "x"))["notice"]["binds"] == {"units": ["某县行政审批局"]}
    # a flattened table's heading cell is no title
    assert draft("一、规范发布政府信息公开工作年度报告 |\n1.各科室要按时报送年报数据。 |\n办公室 |\n长期 |\n").title is None


@pytest.mark.parametrize("sentence", ["第九条 本制度自发布之日起施行。", "第七条 本制度自印发之日起试行。", "本办法自2031年1月1日起执行。"])
def test_a_rule_documents_entry_into_force_obliges_nobody(sentence):
    assert _verdict(sentence) == "no"


def test_an_interpretation_rule_without_a_stated_lag_is_left_for_review_not_given_a_guessed_one():
    text = ("某县人民政府办公室关于做好2031年政策解读工作的通知\n各乡镇人民政府，县政府各部门：\n"
            "各部门要做好重要政策文件的解读工作。\n各部门要在政策文件印发之日起5个工作日内发布解读材料。\n")
    rules = yaml.safe_load(draft_yaml(draft(text), "x"))["rules"]
    assert [(r["kind"], r["params"].get("working_days")) for r in rules] == [("manual", None), ("interpretation_timely", 5)]
    assert "通知未写明解读期限" in draft_yaml(draft(text), "x")


@pytest.mark.parametrize("governments, read", [("各市、县（市、区）人民政府", "各市、县(市、区)人民政府"),
                                                ("各市、县〔市、区〕人民政府", "各市、县〔市、区〕人民政府")])
def test_addressees_with_a_list_inside_either_kind_of_bracket_are_read_whole(governments, read):
    text = f"某省人民政府办公厅关于印发某省2031年政务公开工作要点的通知\n{governments}，省政府各部门：\n一、各地要在门户网站公开本地区权责清单。\n"
    notice = draft(text)
    assert notice.addressees == [read, "省政府各部门"]
    assert yaml.safe_load(draft_yaml(notice, "x"))["notice"]["binds"] == {"units": [read, "省政府各部门"]}


def test_when_an_event_is_held_is_not_when_the_page_went_up_nor_a_period_looked_back_on_the_notices_year():
    text = ("某镇人民政府关于举办2031年第一季度政府开放日活动的通知\n"
            "各村（居）委会，镇属各单位：\n"
            "3月5日，县政府办公室反馈了2030年度政务公开测评问题清单。\n"
            "一、活动时间及地点\n时间：2031年3月20日\n地点：镇便民服务中心\n"
            "二、各单位要于3月15日前报送参加人员名单。\n")
    notice = draft(text)
    assert notice.published is None  # the open day's date, under its heading
    assert notice.year == 2031
    # with no title year, the sentence's year of findings looked back on gives way to the year the body speaks of
    assert draft(text.replace("2031年第一季度", "第一季度")).year == 2031


@pytest.mark.parametrize("title", ["某市人民政府办公室关于印发某市政务公开工作考核办法（试行）的通知",
                                   "某省人民政府办公厅关于印发《某省政府信息公开工作考核办法(暂行)》的通知"])
def test_a_title_keeps_its_trial_mark_and_what_follows_it(title):
    text = f"{title}\n各县（市、区）人民政府，市政府各部门：\n现将《办法》印发给你们，请认真贯彻执行。\n"
    assert draft(text).title == title.replace("（", "(").replace("）", ")")


@pytest.mark.parametrize("sentence", ["各部门要编制本领域政务公开事项标准目录，于8月31日前反馈至区公开办。",
                                      "各单位行政执法公示专栏统一链接到市级平台，网络地址变动时及时向市司法局报备。",
                                      "行政处罚信息在网站上公开满3年的，经领导批准后及时从公示栏目撤下。",
                                      "各县区要主动跟踪督导事故调查报告公开情况。"])
def test_what_is_sent_up_taken_down_or_overseen_is_not_a_topic_a_page_of_the_agency_shows(sentence):
    [obligation] = draft("某区2031年政务公开工作要点\n" + sentence + "\n").obligations
    assert obligation["kind"] == "manual"


@pytest.mark.parametrize("sentence, kind", [
    ("在政务服务大厅、便民服务中心等场所设立政务公开专区（窗口），配备咨询服务人员。", "manual"),  # a place, not a column
    ("请各镇于10月10日前完成本级和试点村（社区）的政务公开专区建设。", "manual"),
    ("在门户网站开设“惠企政策”专区。", "column_exists"),
])
def test_a_disclosure_area_in_a_service_hall_is_a_place_people_visit_not_a_portal_column(sentence, kind):
    assert [o["kind"] for o in draft("某市2031年政务公开工作要点\n" + sentence + "\n").obligations] == [kind]


@pytest.mark.parametrize("sentence", ["《某某日报》记者了解到，某市将加强社会救助和教育领域信息公开。",
                                      "某某晚报记者昨日从省有关部门获悉，今年全省将全面公开建议提案办理结果。",
                                      "某部3月16日宣布，将对各地政务公开工作开展第三方评估并公布结果。"])
def test_a_news_reports_lead_obliges_nobody(sentence):
    assert _verdict(sentence) == "no"


def test_a_news_report_restating_a_plans_tasks_in_imperative_words_keeps_them_but_not_its_facts():
    text = ("某省部署2031年政务公开工作\n来源：某某日报 记者 张三\n"
            "日前，某省政府办公厅印发《某省2031年政务公开工作要点》。\n"
            "《要点》要求，加强涉企政策信息公开，及时回应企业关切。\n"
            "继续做好财政预决算信息公开；统筹抓好安全生产领域信息公开。\n"
            "民政部门负责公开社会救助资金发放情况。\n"
            "今年以来，全省各地已公开各类政府信息20余万条。\n")
    quotes = [o["quote"] for o in draft(text).obligations]
    assert any("继续做好财政预决算信息公开" in q for q in quotes)
    assert any("统筹抓好安全生产领域信息公开" in q for q in quotes)
    assert any("民政部门负责公开" in q for q in quotes)
    assert not any("20余万条" in q or "日前" in q for q in quotes)


@pytest.mark.parametrize("sentence, kept", [
    ("进一步加大征地信息公开力度，增强公开实效。", True),      # a named field of information, however short its name
    ("进一步加大政务信息公开力度，增强公开实效。", False),     # information in general
    ("加强疫情防控信息发布工作协调，增强多方协同合力。", False),  # coordinating the work, not publishing more
])
def test_more_disclosure_of_a_named_field_is_a_topic(sentence, kept):
    assert _verdict(sentence) == ("yes" if kept else "no")


@pytest.mark.parametrize("sentence, kept", [
    ("提升政策解读材料质量，及时回应公众关切，对政策实施中出现的新问题开展二次解读、跟踪解读。", True),  # still interprets
    ("提升政策解读材料质量，杜绝简单罗列小标题的形式化解读。", False),                              # how good it must be
])
def test_a_sentence_on_interpretation_quality_obliges_when_another_clause_interprets(sentence, kept):
    assert _verdict(sentence) == ("yes" if kept else "no")


@pytest.mark.parametrize("sentence", ["一是加快推进门户网站政府信息公开专栏改版升级。",
                                      "加强对网站政民互动栏目的管理，及时答复群众留言。"])
def test_keeping_a_column_up_is_a_column_duty(sentence):
    assert [o["kind"] for o in draft("某局2031年政务公开工作要点\n" + sentence + "\n").obligations] == ["column_exists"]


def test_a_news_reports_headline_is_not_the_rule_its_body_states():
    text = ("某市政策文件都将配发解读 最迟不超过3个工作日\n来源：某某晚报 记者 李四\n"
            "记者从市政府办公厅获悉，市政府办公厅近日印发通知。\n"
            "通知要求，解读材料原则上应与政策文件同时发布，最迟应在政策文件公开后3个工作日内发布。\n")
    assert [o["quote"][:6] for o in draft(text).obligations] == ["通知要求，解"]


@pytest.mark.parametrize("sentence", ["同时，部分单位的年度报告编制发布工作还存在一些需要改进的问题。",
                                      "某开发区管委会：应公开单位3个，按时公开年度报告单位2个。"])
def test_a_reports_findings_and_counts_oblige_nobody(sentence):
    assert _verdict(sentence) == "no"
    assert _verdict("各单位要针对存在的问题，于3月31日前完成年度报告的修改并重新发布。", year=2031) != "no"


@pytest.mark.parametrize("addressees, binds", [
    ("各乡镇人民政府，县政府各部门，某某经济开发区管委会：", {"units": ["各乡镇人民政府", "县政府各部门", "某某经济开发区管委会"]}),
    ("县发展改革局、县财政局：", {"units": ["县发展改革局", "县财政局"]}),
    ("各乡镇人民政府，县政府各部门，有关单位：", {"all": True}),  # 有关单位 names nobody: no narrowing by a guess
    ("各级各部门，某某经济开发区管委会：", {"all": True}),
])
def test_an_organisation_named_among_the_addressees_is_bound_by_name_not_read_as_everyone(addressees, binds):
    text = (f"某县人民政府办公室关于做好2031年政策解读工作的通知\n{addressees}\n"
            "各单位要在文件公开后3个工作日内发布解读材料。\n某县人民政府办公室\n2031年3月2日\n")
    assert yaml.safe_load(draft_yaml(draft(text), "x"))["notice"]["binds"] == binds


@pytest.mark.parametrize("sentence", [
    "县政府督查室将会同县大数据中心不定期对各单位信息公开情况进行抽查，并通报抽查结果。",  # the issuer's own checks
    "（二）公开载体：镇政府门户网站、镇便民服务中心公开栏等。",  # where a catalogue's items go, not a duty
    "四、对拟发布信息的保密审查，应当以有关法律、法规的规定为依据。",  # the basis of a review
])
def test_what_describes_the_issuers_checks_a_catalogues_carriers_or_a_reviews_basis_obliges_nobody(sentence):
    assert draft("某县2031年政务公开工作要点\n" + sentence + "\n").obligations == []


def test_a_scoring_tables_item_with_its_points_obliges_nobody_but_its_standards_do():
    table = ("某县2031年政务公开考核细则\n考核内容 | 考核标准 | 分值\n| 在门户网站开设政府信息公开专栏。\n| 2\n|\n"
             "主动公开政府信息工作情况(43分)\n| 按规定编制政府信息公开指南。\n| 5\n")
    assert [o["quote"] for o in draft(table).obligations] == ["在门户网站开设政府信息公开专栏。", "按规定编制政府信息公开指南。"]


def test_a_departments_notice_binds_the_bureaus_it_writes_to_and_its_own_divisions_tasks_bind_itself():
    text = ("某省教育厅办公室关于做好2031年招生信息公开工作的通知\n各市教育局，各高等学校，厅机关各处室：\n"
            "一、各市教育局要在6月底前公开本地义务教育招生政策。\n"
            "二、及时公开高校招生章程审核备案情况。（学生处负责）\n某省教育厅办公室\n2031年3月2日\n")
    document = yaml.safe_load(draft_yaml(draft(text), "x"))
    assert document["notice"]["binds"] == {"units": ["各市教育局", "某省教育厅办公室"]}
    assert [rule.get("applies_to") for rule in document["rules"]] == [{"units": ["各市教育局"]}, {"units": ["某省教育厅办公室"]}]


def test_a_catalogue_rows_time_limit_dates_every_item_of_its_content_cell_and_a_tolerance_is_the_lag():
    text = ("| 某县教育局主动公开事项目录 | |||\n"
            "| 一级事项 | 二级事项 | 公开内容 | 公开时限 | 公开主体 |\n"
            "| 政策文件 | 规范性文件 | 1.本局印发的行政规范性文件; 2.现行有效规范性文件目录; 3.规范性文件清理结果。 |\n"
            "信息形成之日起15个工作日内公开 | 某县教育局 |\n"
            "| 政策文件 | 其他文件 | 本局印发的主动公开属性的其他文件,包括标题、文号、正文等信息。 | 信息形成之日起15个工作日内公开 | 某县教育局 |\n"
            "| 政策解读 | 解读材料 | 本局印发的政策性文件的解读材料。 | 与政策文件同步发布,时间跨度不超过3个工作日 | 某县教育局 |\n")
    drafted = draft_yaml(draft(text), "x")
    rules = yaml.safe_load(drafted)["rules"]
    assert [rule["quote"][:6] for rule in rules] == ["1.本局印发", "2.现行有效", "3.规范性文", "本局印发的主", "本局印发的政"]
    assert [rule["kind"] for rule in rules][1:] == ["topic_disclosed", "topic_disclosed", "manual", "interpretation_timely"]
    assert rules[-1]["params"]["working_days"] == 3  # published with the document, and at most 3 working days apart
    assert "网站上无法核查" not in drafted  # a document "of the 主动公开 attribute" is published, not internal work


@pytest.mark.parametrize("line", [
    "公开渠道和载体(在标注范围内至少选择其一公开)",  # a catalogue's column header with its note
    "口发布会/听证会",  # ticked channel boxes drawn as 口
    "口公开查阅点 口便民服务站",
])
def test_a_catalogues_channel_header_and_its_ticked_boxes_oblige_nobody(line):
    assert draft("某县2031年政务公开工作要点\n" + line + "\n").obligations == []


def test_a_breadcrumb_that_starts_with_its_separator_obliges_nobody():
    text = ("某省2019年政务公开工作要点\n        > 全面推进基层政务公开标准化规范化专题 > 省内政策\n"
            "一、各地要在门户网站公开本地区权责清单。\n")
    assert [o["quote"] for o in draft(text).obligations] == ["一、各地要在门户网站公开本地区权责清单。"]


@pytest.mark.parametrize("sentence", [
    "（二）各单位如需要调整公开栏目请与县政务公开办及时对接。",
    "如遇国家法定节假日，报送时间顺延至节后第三个工作日前。",
    "> 县级部门信息公开",
])
def test_what_to_do_if_need_be_and_a_breadcrumbs_last_piece_oblige_nobody(sentence):
    assert draft("某县2031年政务公开工作要点\n" + sentence + "\n").obligations == []


def test_a_task_of_the_issuers_divisions_and_units_binds_the_issuer_not_a_body_named_unit():
    text = ("某省人力资源和社会保障厅办公室关于印发2031年政务公开工作要点的通知\n各市人力资源社会保障局，厅机关各处室：\n"
            "一、及时公开就业补贴政策调整情况。（责任单位：各有关处室、单位）\n某省人力资源和社会保障厅办公室\n2031年3月2日\n")
    rules = yaml.safe_load(draft_yaml(draft(text), "x"))["rules"]
    assert [rule.get("applies_to") for rule in rules] == [{"units": ["某省人力资源和社会保障厅办公室"]}]



def test_a_notice_whose_addressees_issuer_and_place_are_all_unread_is_drafted_for_review_not_to_fail_anyone():
    # a catalogue page headed only "来源：县信息公开办": binding every audited agency would fail other places' agencies
    text = ("社会救助领域基层政务公开标准目录\n来源:县信息公开办\n发布日期:2031-09-28\n"
            "| 序号 | 公开事项 | 公开内容 | 公开时限 |\n| 1 | 低保 | 最低生活保障对象名单 | 信息形成之日起10个工作日内 |\n")
    written = draft_yaml(draft(text), "x")
    document = yaml.safe_load(written)
    assert document["notice"]["binds"] == {"all": True}
    assert [rule["kind"] for rule in document["rules"]] == ["manual"] and "约束范围无法确定" in written


def test_a_notice_without_addressees_binds_the_place_its_issuer_title_or_text_names():
    def bound(text):
        return yaml.safe_load(draft_yaml(draft(text), "x"))["notice"]["binds"]

    row = "| 序号 | 公开事项 | 公开内容 | 公开时限 |\n| 1 | 低保 | 最低生活保障对象名单 | 信息形成之日起10个工作日内 |\n"
    assert bound("大竹县社会救助领域基层政务公开标准目录\n" + row) == {"places": ["四川省达州市大竹县"]}
    assert bound("社会救助领域基层政务公开标准目录\n为做好保山市隆阳区社会救助信息公开工作，制定本目录。\n" + row) \
        == {"places": ["云南省保山市隆阳区"]}
    assert bound("关于印发2031年政务公开工作要点的通知\n一、各部门要公开本部门预算。\n国务院办公厅\n2031年4月1日\n") == {"all": True}


def test_a_departments_own_offices_written_with_a_second_name_are_its_own_sections():
    text = ("某省教育厅(中共某省委教育工委)办公室关于印发2031年政务公开工作要点任务分工的通知\n"
            "各市教育(教体)局,各高等学校,厅(委)机关各处室:\n工作要点 | 具体要求 | 任务分工 |\n"
            "教育高质量发展 | 强化教育领域重大改革政策的公开和解读。 | 厅(委)机关各处室 |\n"
            "某省教育厅(中共某省委教育工委)办公室\n2031年7月4日\n")
    document = yaml.safe_load(draft_yaml(draft(text), "x"))
    issuer = "某省教育厅(中共某省委教育工委)办公室"
    assert document["notice"]["binds"] == {"units": ["各市教育(教体)局", issuer]}
    assert [rule.get("applies_to") for rule in document["rules"]] == [{"units": [issuer]}]


def test_an_offices_own_rules_and_a_catalogue_of_its_responsible_body_bind_that_office_alone():
    rules_text = ("某市扶贫办公告公示制度\n一、扶贫项目资金分配结果要在市政府门户网站公开。\n")
    assert yaml.safe_load(draft_yaml(draft(rules_text), "x"))["notice"]["binds"] == {"units": ["某市扶贫办"]}
    catalogue = ("第一部分 概述\n(一)责任主体:某某镇人民政府\n(二)公开时限:信息形成之日起20个工作日内\n"
                 "第二部分 主动公开基本目录\n序号 | 公开事项 | 公开内容 | 责任单位 |\n| 1 | 机构信息 | 机构职能、领导分工 | 党政办 |\n")
    assert yaml.safe_load(draft_yaml(draft(catalogue), "x"))["notice"]["binds"] == {"units": ["某某镇人民政府"]}
    yearly = "2031年某某县某某镇人民政府主动公开基本目录\n| 目录类别 | 公开内容 | 公开时限 |\n| 机构信息 | 机构职能 | 20个工作日内 |\n"
    notice = draft(yearly)
    assert notice.issuer == "某某县某某镇人民政府"  # a year before the organisation's name
    assert yaml.safe_load(draft_yaml(notice, "x"))["notice"]["binds"] == {"units": ["某某县某某镇人民政府"]}


def test_in_a_notice_on_the_annual_report_filling_in_its_statistics_forms_publishes_nothing():
    text = ("关于做好2030年政府信息公开工作年度报告编制和发布工作的通知\n各县（市）人民政府，市政府各部门：\n"
            "一、各单位要于3月31日前在政府网站公布本单位2029年政府信息公开工作年度报告。\n"
            "二、各单位要认真做好主动公开、依申请公开、行政复议等方面数据的统计和汇总工作，准确填报相关报表。\n"
            "某市人民政府办公室\n2030年1月5日\n")
    assert [o["kind"] for o in draft(text).obligations] == ["annual_report", "manual"]


def test_a_sentence_opening_with_a_thing_not_with_who_acts_does_not_narrow_its_rule():
    text = "某县政策解读制度\n一、各部门自行出台的重要规范性文件，也要通过政府网站进行解读。\n二、县直各部门要在县政府网站公开本部门预算。\n"
    assert [o.get("lead_units") for o in draft(text).obligations] == [None, ["县直各部门"]]


def test_interpreting_as_an_add_on_to_publishing_named_measures_is_no_interpretation_topic():
    text = ("泉州市2031年政务公开重点工作任务分工\n各镇人民政府，市直有关部门：\n"
            "1.加大新能源产业重大工程配套制度措施的公开、解读力度，动态公开推进落实情况。\n"
            "2.做好财政预决算信息的公开和解读工作。\n")
    rules = yaml.safe_load(draft_yaml(draft(text), "x"))["rules"]
    # the measures are no vocabulary topic: any 解读 page would prove nothing of them, so a person checks
    assert [(r["kind"], (r.get("params") or {}).get("topics")) for r in rules] == [
        ("manual", None), ("topic_disclosed", ["budget-final-accounts"])]


def test_a_sub_districts_office_among_the_addressees_is_a_government_and_a_damaged_signature_date_is_read():
    text = ("您当前所在位置:首页 > 政务公开\n关于印发某某市2031年政务公开重点工作任务分工的通知\n\n"
            "各镇人民政府、街道办事处,各开发区管委会,市直有关部门:\n\n现将任务分工印发给你们,请认真抓好贯彻落实。\n\n"
            "某某市人民政府办公室\n\n20317 9\n\n一、各部门要在市政府网站公开本部门预算。\n")
    notice = draft(text)
    assert notice.addressees == ["各镇人民政府", "街道办事处", "各开发区管委会", "市直有关部门"]
    assert (notice.issuer, notice.issued) == ("某某市人民政府办公室", "2031-07-09")
    from core.model import is_internal_section
    assert not is_internal_section("各街道办事处") and is_internal_section("财务审计处")


def test_a_units_cell_cut_by_the_capture_keeps_the_units_it_shows():
    text = ("某某市2031年政务公开重点工作任务分工\n\n工作任务\n\n具体要求\n\n责任单位\n\n时限要求\n\n"
            "1.推进预算信息公开\n\n全面公开本级预算和部门预算。\n\n市财政局\n\n2031年底前\n\n"
            "2.推进乡村振兴信息公开\n\n加强乡村振兴战略的政策、资金、项目安排等信息公开工作。\n\n市农业农村局、市\n")
    # not a rule for everyone the notice binds: the row names 市农业农村局 before the capture ends
    assert [o.get("lead_units") for o in draft(text).obligations] == [["市财政局"], ["市农业农村局"]]


def test_the_cases_listed_after_a_sentence_ending_with_a_full_stop_are_its_scope():
    text = ("某县政策解读实施办法\n二、解读范围\n符合下列情形之一的文件，应当进行解读。\n"
            "（一）县政府制定的规范性文件；\n（二）县级部门制定的规范性文件；\n（三）其他需要解读的文件。\n"
            "三、解读材料应在文件公开后3个工作日内在县政府网站发布。\n")
    assert [o["quote"][:4] for o in draft(text).obligations] == ["符合下列", "三、解读"]


def test_a_departments_plan_for_its_own_work_binds_that_department_alone():
    # the page names the issuer short (区卫健局) above a title that names it in full; no addressees
    own_plan = ("政府信息公开\n某某市某某区卫生健康局2031年政务公开工作实施方案\n区卫生健康局\n2031-03-02\n"
                "为做好政务公开工作，结合我局实际，制定本方案。\n一、及时公开医疗机构执业登记信息。\n")
    notice = draft(own_plan)
    assert notice.issuer == "某某市某某区卫生健康局"
    assert yaml.safe_load(draft_yaml(notice, "x"))["notice"]["binds"] == {"units": ["某某市某某区卫生健康局"]}
    # a government's office speaks for the government: its plan binds the place, not the office alone
    office_plan = ("福建省某某县人民政府办公室2031年政务公开工作要点\n一、县直各部门要及时公开本部门预算。\n")
    assert yaml.safe_load(draft_yaml(draft(office_plan), "x"))["notice"]["binds"] != {"units": ["福建省某某县人民政府办公室"]}


def test_a_short_issuer_is_completed_from_a_title_that_names_its_place_over_two_levels():
    from rules.drafting.metadata import full_name
    assert full_name("区民政局", ["泉州市鲤城区民政局2031年政务公开工作实施方案"]) == "泉州市鲤城区民政局"
    assert full_name("区民政局", ["关于加强民政工作的通知"]) == "区民政局"  # no place named: left short


def test_a_district_of_a_municipality_binds_its_district_not_the_whole_city():
    text = ("北京市西城区人民政府办公室关于印发北京市西城区2031年政务公开工作要点的通知\n区政府各委、办、局，各街道办事处，各有关单位：\n"
            "一、使用财政资金的区级预算单位要按规定做好部门预决算公开工作。\n北京市西城区人民政府办公室\n2031年6月30日\n")
    assert yaml.safe_load(draft_yaml(draft(text), "x"))["notice"]["binds"] == {"places": ["北京市西城区"]}


@pytest.mark.parametrize("sentence, kind", [
    ("二、村在村务公开栏上公布扶贫项目计划和扶贫资金使用结果。", "manual"),  # a board no website shows
    ("三、扶贫项目实施完成后，设立项目公示牌，标明项目名称、总投资等内容。", "manual"),
    ("四、扶贫项目计划在市政府门户网站和村务公开栏同步公布。", "topic_disclosed"),  # also on the portal
])
def test_a_publication_on_a_board_alone_is_left_for_a_person(sentence, kind):
    text = "某县人民政府办公室关于做好2031年扶贫信息公开工作的通知\n各乡镇人民政府，县政府各部门：\n" + sentence + "\n"
    assert [rule["kind"] for rule in yaml.safe_load(draft_yaml(draft(text), "x"))["rules"]] == [kind]


def test_why_a_rule_is_made_obliges_nobody():
    sentence = "推行扶贫项目资金公示公告制，是将扶贫项目资金置于社会的监督之下的有效形式。"
    assert draft("某县2031年政务公开工作要点\n" + sentence + "\n").obligations == []


def test_of_two_rules_judging_the_same_pages_the_more_lenient_one_is_scored():
    text = ("泉州市政策解读工作制度\n第五条 按照发布与解读同步的原则，在政策文件公开的同时发布解读材料。\n"
            "第六条 解读材料最迟应在政策文件公开后5个工作日内在市政府网站发布。\n")
    rules = yaml.safe_load(draft_yaml(draft(text), "x"))["rules"]
    scored = [(r["params"]["working_days"], r["weight"]) for r in rules if r["kind"] == "interpretation_timely"]
    # the stricter reading (same day) would fail an agency the notice's own 5 days allow
    assert scored == [(0, 0), (5, 1)]
    subject = draft("泉州市政策解读工作制度\n第五条 各部门要在政策文件公开后3个工作日内发布解读材料。\n").obligations[0]
    assert subject.get("lead_units") == ["各部门"]  # not a unit named 第五条各部门


def test_a_catalogue_whose_content_header_stands_before_its_number_header_is_drafted_without_error():
    # a two-row header flattened one cell per line: 公开内容 … 序号 (the layout the merged-row reader does not apply to)
    text = ("某某街道办事处基层政务公开标准目录\n公开事项\n公开内容\n公开时限\n序号\n一级事项\n二级事项\n"
            "1\n基本信息\n机构职能\n2\n基本信息\n领导信息\n3\n政务服务\n办事指南\n4\n财政信息\n财政预算\n")
    assert isinstance(draft(text).obligations, list)


def test_the_contents_listed_for_an_annual_report_written_as_a_work_report_are_no_topics():
    text = ("某局政府信息公开年度报告制度\n第三条 年度政府信息公开工作情况的报告内容包括以下几个方面：\n"
            "（一）主动公开政府信息的情况。\n（二）政府信息公开工作的主要做法。\n（三）存在的主要问题和改进措施。\n")
    # what the report must contain is one annual-report rule; its items are no topics to publish apart
    assert [(o["kind"], o["quote"][:8]) for o in draft(text).obligations] == [("annual_report", "第三条 年度政府")]
    called_otherwise = text.replace("年度政府信息公开工作情况的报告内容包括以下几个方面", "政府信息公开年度工作报告主要包括以下内容")
    assert [(o["kind"], o["quote"][:8]) for o in draft(called_otherwise).obligations] == [("annual_report", "第三条 政府信息")]


def test_a_column_is_named_only_by_words_standing_before_its_column_word():
    def names(sentence):
        rules = yaml.safe_load(draft_yaml(draft("泉州市2031年政务公开工作要点\n" + sentence + "\n"), "x"))["rules"]
        return [(r["kind"], (r.get("params") or {}).get("names")) for r in rules]

    # a plan's quoted name is no column's: the column is not named, so a person checks it
    assert names("各部门在政府信息公开专栏开设栏目，主动公开“十五五”规划纲要和专项规划。") == [("manual", None)]
    assert names("各部门要設置《價格服務進校園》專欄，公示收费项目。") == [("column_exists", ["价格服务进校园"])]
    assert names("各级政府门户网站要开设或利用好现有专栏，集中公开权责清单。")[0] == ("manual", None)  # a verb phrase


def test_a_column_on_the_governments_portal_binds_the_government_whoever_fills_it():
    from checks.catalogue import unit_matches
    from core.model import Agency

    text = ("福建省某某县人民政府办公室关于印发2031年政务公开工作要点的通知\n各乡镇人民政府，县政府各部门：\n"
            "一、在县政府门户网站政府信息公开专栏开设“规划信息”栏目，集中展示各乡镇各部门的规划。（责任单位：县发改局、各乡镇）\n"
            "福建省某某县人民政府办公室\n2031年3月2日\n")
    (rule,) = yaml.safe_load(draft_yaml(draft(text), "x"))["rules"]
    assert rule["kind"] == "column_exists" and rule["applies_to"] == {"units": ["县政府"]}
    county = Agency("c", "福建省某某县人民政府", "county", ("http://c/",), province="福建省")
    bureau = Agency("b", "福建省某某县发展和改革局", "department", ("http://b/",), province="福建省")
    assert [unit_matches("县政府", agency, "福建省") for agency in (county, bureau)] == [True, False]


def test_a_bare_government_office_among_a_tasks_units_is_the_issuing_governments_office():
    text = ("福建省某某县人民政府办公室关于印发2031年政务公开工作要点的通知\n各乡镇人民政府，县政府各部门：\n"
            "一、全面公开本县国土空间规划和专项规划。（责任单位：政府办公室、县发改局）\n"
            "福建省某某县人民政府办公室\n2031年3月2日\n")
    (rule,) = yaml.safe_load(draft_yaml(draft(text), "x"))["rules"]
    assert rule["applies_to"] == {"units": ["县政府办公室", "县发改局"]}  # not dropped as the issuer's own section


def test_a_table_headed_by_task_and_requirements_and_lead_unit_cells_is_read_row_by_row():
    text = ("某某区2031年政务公开重点工作任务分解表\n\n工作任务及要求\n\n牵头单位\n\n备注\n\n"
            "聚焦乡村振兴做好公开\n\n及时公开我区实施乡村振兴战略的政策举措。\n\n区农业农村局\n\n \n\n"
            "及时公开新旧动能转换有关工作的政策措施。\n\n区发展和改革局\n\n区工业和信息化局\n\n \n")
    found = [(o["quote"][:8], o.get("lead_units")) for o in draft(text).obligations]
    assert found == [("及时公开我区实施", ["区农业农村局"]), ("及时公开新旧动能", ["区发展和改革局"])]


def test_an_enforcement_corps_among_the_addressees_does_not_hide_the_others():
    text = ("各区某某局,市局各处室、执法总队、机场分局,各事业单位:\n现将工作要点印发给你们,请认真遵照执行。\n"
            "某某市某某局\n2031年4月24日\n2031年某某市某某局政务公开工作要点\n一、全面公开行政处罚信息。\n")
    assert draft(text).addressees == ["各区某某局", "市局各处室", "执法总队", "机场分局", "各事业单位"]


@pytest.mark.parametrize("sentence, kind", [
    ("以本局微信公众号和行业期刊为主阵地，发布政策解读、执法动态等信息。", "manual"),  # a channel the portal audit does not read
    ("通过门户网站和微信公众号同步发布政策解读材料。", "interpretation_timely"),      # the portal too
])
def test_a_publication_only_on_a_channel_other_than_the_portal_is_left_for_a_person(sentence, kind):
    text = "某县人民政府办公室关于做好2031年政务公开工作的通知\n各乡镇人民政府，县政府各部门：\n" + sentence + "\n"
    assert [o["kind"] for o in draft(text).obligations] == [kind]


def test_a_catalogues_title_row_with_empty_cells_after_it_names_the_catalogue_and_its_owner():
    text = ("附件 | ||||||\n某某县教育局主动公开事项目录(试行) | ||||||\n序号 | 公开事项 | 公开内容 | 公开时限 | 公开主体 |\n"
            "1 | 机构信息 | 本局主要职责 | 信息形成之日起20个工作日内 | 某某县教育局 |\n")
    notice = draft(text)
    assert (notice.title, notice.issuer) == ("某某县教育局主动公开事项目录(试行)", "某某县教育局")
    assert yaml.safe_load(draft_yaml(notice, "x"))["notice"]["binds"] == {"units": ["某某县教育局"]}
    from rules.drafting.metadata import title
    assert title(["(三)某某领域基层政务公开标准目录", "序号"]) == "某某领域基层政务公开标准目录"


def test_a_units_note_cut_by_the_capture_before_its_bracket_closes_still_names_the_units():
    text = ("2031年某某区政务公开工作要点\n3.做好优化营商环境信息公开。(区发展改革委负责落实)\n"
            "4.持续做好产业政策信息公开工作,加强重点产业政策的发布、解读。(区发展改革委、区科信局、区财政局、\n")
    found = [(o["quote"][:2], o.get("lead_units")) for o in draft(text).obligations]
    assert found == [("3.", ["区发展改革委"]), ("4.", ["区发展改革委", "区科信局", "区财政局"])]


def test_offices_a_request_is_made_of_are_the_rules_units_and_an_outside_platform_is_left_for_a_person():
    text = ("某某区政务公开办公室关于2031年第一季度政府网站检查情况的通报\n各镇人民政府，区政府各工作部门：\n"
            "请区医保局、发改局、水务局及时登录某某省政务服务事项管理平台，按要求整改办事指南并发布。\n"
            "某某区政务公开办公室\n2031年4月2日\n")
    (rule,) = yaml.safe_load(draft_yaml(draft(text), "x"))["rules"]
    assert rule["applies_to"] == {"units": ["区医保局", "区发改局", "区水务局"]}  # not the towns the letter is also to
    assert rule["kind"] == "manual"  # published on a provincial platform, which the audit of their own sites does not read


def test_units_with_bracketed_alternatives_stay_whole_and_name_their_groups():
    from core.model import unit_group_levels
    from rules.drafting.tables import note_units

    assert note_units("（责任单位：省直各部门、各市〔州〕政府、各县〔市、区、特区〕政府）")[0] == [
        "省直各部门", "各市〔州〕政府", "各县〔市、区、特区〕政府"]
    assert note_units("（责任单位：各级政府办公厅〔室〕）")[0] == ["各级政府办公厅〔室〕"]
    assert unit_group_levels("各级政府办公厅〔室〕") == {"province", "city", "county"}  # their governments' portals
    assert unit_group_levels("各级政府部门") == {"department"}


def test_groups_addressed_by_an_issuer_whose_place_nothing_names_leave_the_rules_for_a_person():
    text = ("某某体育政务公开领导小组办公室关于做好2031年政府信息公开工作年度报告编制发布工作的通知\n各县市区人民政府，市直各单位：\n"
            "各单位要于3月31日前在门户网站公布本单位2030年政府信息公开工作年度报告。\n某某体育政务公开领导小组办公室\n2031年1月5日\n")
    written = draft_yaml(draft(text), "x")
    # 各县市区 of which city? every county anywhere would be bound and failed on a guess
    assert [rule["kind"] for rule in yaml.safe_load(written)["rules"]] == ["manual"] and "主送单位泛指各地" in written
    placed = text.replace("某某体育政务公开领导小组办公室", "某某市政务公开领导小组办公室").replace("市直各单位：", "市直各单位：\n为做好泉州市年报工作，")
    assert [rule["kind"] for rule in yaml.safe_load(draft_yaml(draft(placed), "x"))["rules"]] == ["annual_report"]


def test_the_gazette_named_as_a_channel_is_not_what_a_sentence_publishes():
    def topics(sentence):
        rules = yaml.safe_load(draft_yaml(draft("泉州市某某局2031年政务公开工作要点\n局机关各科室：\n" + sentence + "\n"), "x"))["rules"]
        return [(r["kind"], (r.get("params") or {}).get("topics")) for r in rules]

    assert topics("以本局名义印发的政策文件，都应通过政府网站、政府公报及报刊等载体及时公开。") == [("manual", None)]
    assert "government-gazette" in topics("按期编辑出版政府公报，及时刊登本级政府规章。")[0][1]


def test_a_catalogue_whose_every_row_names_one_owner_binds_that_owner():
    text = ("泉州市某某县自然资源领域基层政务公开标准目录\n序号\n公开事项\n公开内容\n公开时限\n公开主体\n"
            "1\n机构信息\n机构职能、内设机构\n信息形成之日起20个工作日内\n县自然资源局\n"
            "2\n规划信息\n国土空间规划\n信息形成之日起20个工作日内\n县自然资源局\n"
            "3\n用地信息\n征地批复\n信息形成之日起20个工作日内\n县自然资源局\n")
    binds = yaml.safe_load(draft_yaml(draft(text), "x"))["notice"]["binds"]
    assert binds == {"units": ["泉州市某某县自然资源局"]}  # the bureau, with the title's place: not the whole county


def test_groups_of_a_notice_whose_issuer_and_title_name_no_place_are_those_of_the_province_its_text_names():
    text = ("关于做好2031年政务公开工作的通知\n各乡(镇)人民政府，县政府各部门：\n为贯彻福建省有关部署，现将有关事项通知如下：\n"
            "一、各单位要于6月底前在门户网站公开本单位部门预算。\n")
    binds = yaml.safe_load(draft_yaml(draft(text), "x"))["notice"]["binds"]
    assert binds == {"units": ["各乡(镇)人民政府", "县政府各部门"], "places": ["福建省"]}


def test_the_path_a_task_is_published_on_is_not_what_it_publishes():
    text = ("泉州市某某局2031年政务公开工作要点\n局机关各处室：\n"
            "及时公开本部门财政预决算信息(公开路径:政府网站>政府信息公开目录>预算/决算)。\n")
    (rule,) = yaml.safe_load(draft_yaml(draft(text), "x"))["rules"]
    assert rule["params"]["topics"] == ["budget-final-accounts"]  # not also the disclosure catalogue


def test_a_month_and_day_without_a_year_in_a_december_notice_fall_in_the_next_year_but_a_written_year_stays():
    notice = ("某州人民政府办公室关于做好2031年政府信息公开工作年度报告编制发布工作的通知\n"
              "一、州级各部门的年度报告须于1月20日前报州政府办公室审核，审核通过后于1月31日前在本部门门户网站公开发布。\n"
              "二、各县人民政府应于2031年12月31日前完成本级政府信息公开指南的更新。\n"
              "某州人民政府办公室\n2031年12月20日\n")
    found = draft(notice).obligations
    assert [str(o["by_date"]) for o in found] == ["2032-01-20", "2032-01-31", "2031-12-31"]
    written = notice.replace("须于1月20日前", "须于2031年1月20日前")
    assert str(draft(written).obligations[0]["by_date"]) == "2031-01-20"  # as the text says, however odd
    # …and a notice issued early in its year keeps its own year
    january = notice.replace("2031年12月20日\n", "2031年1月5日\n")
    assert [str(o["by_date"]) for o in draft(january).obligations][:2] == ["2031-01-20", "2031-01-31"]


def test_a_standards_scope_and_a_statement_of_what_the_work_is_good_for_oblige_nobody():
    text = ("某省政府信息公开工作年度报告编制规范\n本标准规定了年度报告的编制要求、提交公布的要求。\n本标准适用于全省各级行政机关。\n"
            "加强政策性文件解读，对落实重要政策举措、保障群众合法权益具有重要作用。\n"
            "各级行政机关应于每年1月31日前公布本机关上一年度的年度报告。")
    assert [o["quote"] for o in draft(text).obligations] == ["各级行政机关应于每年1月31日前公布本机关上一年度的年度报告。"]


def test_a_catalogue_bullet_and_field_name_before_the_title_are_not_part_of_it():
    head = ("  • 索引号 abc/2031-0000755\n  • 发布机构 某县政府办\n  • 发布日期 2031-02-10\n"
            "  • 名称 某县人民政府办公室关于进一步规范和加强政策解读工作的通知\n"
            "各乡镇人民政府，县政府各部门：\n各部门要在政策文件公开后3个工作日内发布解读材料。")
    notice = draft(head)
    assert notice.title == "某县人民政府办公室关于进一步规范和加强政策解读工作的通知"
    assert notice.issuer == "某县人民政府办公室"


def test_a_numbered_task_followed_by_who_handles_it_is_a_task_not_a_heading():
    table = ("某区2031年政务公开工作要点分工方案\n工作任务\n具体要求\n责任单位和工作要求\n"
             "一、深化重点领域公开\n（一）做好各类规划主动公开。\n"
             "1.主动公开国民经济和社会发展规划纲要、国土空间规划、专项规划和区域规划。\n区发展改革局、各镇(街)办理。\n"
             "2.做好历史规划的归集整理和主动公开工作。\n区政府办会同各有关单位、各镇(街)办理。\n")
    quotes = [o["quote"] for o in draft(table).obligations]
    assert "2.做好历史规划的归集整理和主动公开工作。" in quotes


def test_a_taiwan_style_gateway_copy_reads_like_its_mainland_original():
    from core.text import clean_text

    assert clean_text("國務院辦公廳關於印發2031年政府資訊公開工作要點的通知") == "国务院办公厅关于印发2031年政府信息公开工作要点的通知"
    assert clean_text("推進重點領域資訊公開") == "推进重点领域信息公开"
    assert clean_text("政务资讯") == "政务资讯"  # a column of news, not 信息公开
    big5 = "國務院辦公廳關於印發2031年政府資訊公開工作要點的通知\n各地區要推進重點領域資訊公開，在政府網站公開權力清單。"
    notice = draft(big5)
    assert notice.title == "国务院办公厅关于印发2031年政府信息公开工作要点的通知"
    assert [o["quote"] for o in notice.obligations] == ["各地區要推進重點領域資訊公開，在政府網站公開權力清單。"]  # verbatim


def test_a_numbered_item_publishing_two_things_is_a_task_and_publishing_inspection_results_is_no_findings_section():
    table = ("某省2031年政务公开重点工作任务分工\n一、围绕深化改革推进公开\n"
             "1.进一步统一权力清单和责任清单，通过政府门户网站集中展示。（省编办牵头落实）\n"
             "2.依法公开随机抽查事项清单，及时公布抽查结果和查处情况。重点公开保障性住房、产品质量等方面监管执法依据、内容、标准、"
             "程序和结果。（省政府有关部门按职责分工分别落实）\n")
    quotes = [o["quote"] for o in draft(table).obligations]
    assert quotes[1:] == ["2.依法公开随机抽查事项清单，及时公布抽查结果和查处情况。",
                          "重点公开保障性住房、产品质量等方面监管执法依据、内容、标准、程序和结果。"]
    # an inspection report's findings still oblige nobody
    report = ("关于2031年第一季度政府网站抽查情况的通报\n一、抽查情况\n部分单位未按要求公开规范性文件。\n"
              "二、整改要求\n各单位要于4月30日前完成整改，并在网站公开整改情况。\n")
    assert [o["quote"] for o in draft(report).obligations] == ["各单位要于4月30日前完成整改，并在网站公开整改情况。"]


def test_the_issuers_decision_to_hold_a_campaign_obliges_nobody_but_what_the_campaign_asks_does():
    plan = ("某县2031年政务公开工作“整体提升年”活动方案\n"
            "为深入贯彻落实习近平新时代中国特色社会主义思想和党的二十大精神,认真贯彻落实省、市关于政务公开工作的决策部署,全面推进决策、执行、管理、服务、结果公开(以下统称“五公开”),更好发挥政务公开的"
            "倒逼作用,进一步提高政务公开能力和水平,着力打造法治政府、廉洁政府、服务型政府,经县人民政府研究,决定对照省级政务公开示范县相应标准,"
            "在全县范围内开展"
            "政务公开工作“整体提升年”活动。\n一、各乡镇要于2031年6月底前在政府网站开设“整体提升年”专栏。\n")
    assert [o["quote"] for o in draft(plan).obligations] == ["一、各乡镇要于2031年6月底前在政府网站开设“整体提升年”专栏。"]


def test_the_later_date_of_a_part_moves_into_the_next_year_with_its_sentence():
    notice = ("某州人民政府办公室关于做好2031年政府信息公开工作年度报告编制发布工作的通知\n"
              "一、州级各部门的年度报告须于1月31日前在本部门门户网站公开发布，其中各县人民政府于3月31日前公布本级政府年度报告。\n"
              "某州人民政府办公室\n2031年12月20日\n")
    first = draft(notice).obligations[0]
    assert (str(first["by_date"]), str(first["later_part_date"])) == ("2032-01-31", "2032-03-31")


def test_a_basis_cell_opening_with_the_laws_kind_in_brackets_is_the_basis_not_the_content():
    rows = ["某县基层政务公开标准目录", "序号", "|", "公开事项", "|", "公开内容(要素)", "|", "公开依据", "|", "公开时限", "|",
            "公开主体", "|", "1", "|", "廉租住房补贴资格确认", "|", "【规章】《某省廉租住房管理办法》(某省人民政府令第9号,发布日期2030年05月28日)",
            "|", "20工作日", "|", "某县住房和城乡建设局", "|"]
    found = draft("\n".join(rows)).obligations
    assert [(o["quote"], o["working_days"]) for o in found] == [("廉租住房补贴资格确认", 20)]
