"""`zwgk rules draft`: the five source notices give back the catalogue's metadata, deadlines and
table rows.  How it does on notices it was not written for (the labelled real notices, both halves'
floors), verbatim quotes, deadline forms and ``--compare`` are in ``test_rules_drafting.py``."""

from __future__ import annotations

import docx
import pytest
import yaml
from conftest import NO_SHARED, SHARED, shared, zwgk

from checks.catalogue import load_catalogue, load_rule_file
from core.text import comparable
from rules.draft import (
    clean_text,
    cn_number,
    deadline_of,
    draft,
    draft_yaml,
    read_notice,
)

pytestmark = pytest.mark.skipif(not SHARED.is_dir(), reason=NO_SHARED)

CATALOGUE = load_catalogue()
NOTICES = {n.id: n for n in CATALOGUE.notices}


def drafted(notice_id):
    return draft(read_notice(shared(NOTICES[notice_id].source_file)))


@pytest.mark.parametrize("notice_id", sorted(NOTICES))
def test_metadata_matches_the_catalogue(notice_id):
    notice, result = NOTICES[notice_id], drafted(notice_id)
    assert result.title == notice.title
    assert result.issuer == notice.issuer
    assert result.doc_number == notice.doc_number
    assert result.issued == notice.issued.isoformat()
    if result.published:
        assert result.published == notice.published.isoformat()


@pytest.mark.parametrize(
    "rule", [r for r in CATALOGUE.rules if r.kind in ("plan_published", "published_by_date", "interpretation_timely")],
    ids=lambda r: r.id,
)
def test_catalogue_deadlines_are_reproduced(rule):
    """The drafted rule file holds a rule on the same sentence or table row, of the same kind and deadline."""
    document = yaml.safe_load(draft_yaml(drafted(rule.notice.id), "x"))
    quote = comparable(rule.quote)  # quotes are verbatim; normalise only to compare
    match = next(r for r in document["rules"]
                 if quote[:20] in comparable(r["quote"]) or comparable(r["quote"])[:20] in quote)
    assert match["kind"] == rule.kind
    for key in ("working_days", "anchor", "by_date"):
        if key in rule.params:
            assert str(match["params"].get(key)) == str(rule.params[key]), key


def test_xiangtan_table_rows():
    rows = drafted("xiangtan-2019").table
    assert len(rows) == 53
    assert rows[0]["lead_units"] == ["各级各部门"] and rows[0]["by_date"] == "2019-06-30"
    assert rows[1]["by_date"] == "2019-11-30"
    assert rows[2]["lead_units"][0] == "市行政审批局"  # 排第一位的为牵头单位
    assert sum(1 for r in rows if r.get("deadline_text") == "及时公开") >= 10


def test_henan_table_rows_with_lead_and_cooperating_units():
    rows = drafted("henan-2017").table
    statistics = next(r for r in rows if "分月度" in r["task"])
    assert statistics["lead_units"] == ["省统计局"] and statistics["cooperating_units"][0] == "各省辖市"
    economy = next(r for r in rows if "经济政策解读" in r["task"])
    assert economy["lead_units"][:3] == ["省发展改革委", "省人力资源社会保障厅", "省财政厅"]
    assert "人行郑州中心支行" in economy["lead_units"]
    assert len(rows) >= 20


def test_parenthesised_lead_units():
    rows = drafted("hebei-2016").table
    assert any(r["lead_units"] == ["省编委办", "省人力资源社会保障厅"] for r in rows)
    yibin = drafted("yibin-2017").table
    assert any(r["lead_units"] == ["区发展改革委", "区组织和人力资源社会保障局"] for r in yibin)


def test_noise_is_removed():
    yunnan = clean_text(read_notice(shared(NOTICES["yunnan-2017"].source_file)))
    assert "關" not in yunnan and "(guān)" not in yunnan and "关于印发" in yunnan
    xiangtan = clean_text(read_notice(shared(NOTICES["xiangtan-2019"].source_file)))
    assert "投资理财" not in xiangtan and "根据《国务院办公厅" in xiangtan


@pytest.mark.parametrize("text, n", [("20", 20), ("二十", 20), ("三十", 30), ("十五", 15), ("一百", 100), ("五", 5)])
def test_chinese_numerals(text, n):
    assert cn_number(text) == n


def test_deadline_phrases():
    assert deadline_of("在本通知印发后二十个工作日内公开", 2019) == {"working_days": 20, "anchor": "issued"}
    assert deadline_of("请于6月10日前在门户网站公开", 2019) == {"by_date": "2019-06-10"}
    assert deadline_of("2019年11月底前完成", None) == {"by_date": "2019-11-30"}
    assert deadline_of("年底前公开", 2018) == {"by_date": "2018-12-31"}


def test_draft_command_writes_a_loadable_rule_file(tmp_path):
    output = tmp_path / "xiangtan.yaml"
    result = zwgk("rules", "draft", str(shared(NOTICES["xiangtan-2019"].source_file)), "--id", "xiangtan-draft",
                  "-o", str(output))
    assert "任务表 53 行" in result.stderr
    notice, rules = load_rule_file(output)
    assert notice.id == "xiangtan-draft" and len(rules) > 53
    assert {r.kind for r in rules} >= {"plan_published", "column_exists", "topic_disclosed"}


def test_the_draft_command_says_how_it_read_a_table_of_pipe_rows(tmp_path):
    notice = tmp_path / "pipes.txt"
    notice.write_text("某县2031年政务公开重点任务分工\n| 序号 | 工作任务 | 责任单位 | 完成时限 |\n"
                      "| 1 | 公开本级政府预决算信息 | 县财政局 | 2031年6月底前 |\n"
                      "| 2 | 公开重大建设项目批准信息 | 县发改局 | 2031年9月底前 |\n", encoding="utf-8")
    result = zwgk("rules", "draft", str(notice), "-o", str(tmp_path / "pipes.yaml"))
    assert "任务表 0 行" not in result.stderr and "“|”表格按行读取" in result.stderr


def test_the_draft_command_counts_items_with_responsibility_notes_apart_from_a_table(tmp_path):
    notice = tmp_path / "notes.txt"
    notice.write_text("某局2031年政务公开工作要点\n1.每季度在局门户网站公开行政处罚信息汇总情况。（法规科负责）\n"
                      "2.于6月底前在局门户网站公开本局部门预算和决算。（财务科负责）\n", encoding="utf-8")
    result = zwgk("rules", "draft", str(notice), "-o", str(tmp_path / "notes.yaml"))
    assert "2 项带责任单位注" in result.stderr and "任务表" not in result.stderr


def test_docx_notice(tmp_path):
    lines = read_notice(shared(NOTICES["henan-2017"].source_file)).splitlines()
    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    path = tmp_path / "notice.docx"
    document.save(path)
    result = draft(read_notice(path))
    assert result.doc_number == "豫政办明电〔2017〕69号"
    assert any(o["kind"] == "plan_published" and o["working_days"] == 10 for o in result.obligations)


def test_unreadable_notice_is_one_line(tmp_path):
    path = tmp_path / "x.pdf"
    path.write_bytes(b"%PDF-1.4 nothing")
    result = zwgk("rules", "draft", str(path), check=False)
    assert result.returncode == 2 and "Traceback" not in result.stderr
