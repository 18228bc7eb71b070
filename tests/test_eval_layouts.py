"""The layout rewrites of tests/eval/layouts.py, on a labelled notice of our own."""

from __future__ import annotations

import json

from tests.eval import layouts

NOTICE = ("某县人民政府办公室关于印发某县2031年政务公开工作要点的通知\n各乡镇人民政府,县直各部门:\n"
          "现将要点印发给你们,请认真贯彻执行。\n某县人民政府办公室\n2031年3月20日\n某县2031年政务公开工作要点\n"
          "(一)深化财政信息公开\n县财政局要在6月30日前在县政府门户网站公开县级部门预算和三公经费预算情况。\n"
          "(二)加强政策解读\n各部门应在政策文件公开发布后3个工作日内在本单位网站发布解读材料,做到应解读尽解读。\n"
          "| 序号 | 工作任务 | 责任单位 | 完成时限 |\n| 1 | 在门户网站公开本单位权责清单并动态调整 | 县司法局 | 2031年9月底前 |\n")
LABEL = {"file": "K99_own.txt", "title": "某县人民政府办公室关于印发某县2031年政务公开工作要点的通知", "issuer": "某县人民政府办公室",
         "doc_number": None, "issued": "2031-03-20", "published": None, "obligations": [
             {"kind": "published_by_date", "working_days": None, "anchor": None, "by_date": "2031-06-30",
              "quote": "县财政局要在6月30日前在县政府门户网站公开县级部门预算和三公经费预算情况"},
             {"kind": "interpretation_timely", "working_days": 3, "anchor": "document", "by_date": None,
              "quote": "各部门应在政策文件公开发布后3个工作日内在本单位网站发布解读材料"},
             {"kind": "topic_disclosed", "working_days": None, "anchor": None, "by_date": "2031-09-30",
              "quote": "在门户网站公开本单位权责清单并动态调整"}]}


def test_each_rewrite_changes_the_shape_and_keeps_the_words():
    plain = lambda text: "".join(text.split()).replace("|", "").replace("*", "").replace("#", "").replace("●", "")
    wrapped = layouts.LAYOUTS["wrapped"](NOTICE)
    assert max(sum(0.5 if ord(c) < 128 else 1 for c in line) for line in wrapped.splitlines() if "|" not in line) <= 28
    assert layouts.LAYOUTS["one_line"](NOTICE).count("\n") == 1
    assert layouts.LAYOUTS["run_together"](NOTICE) == NOTICE.replace("\n", "") + "\n"
    assert "\t" in layouts.LAYOUTS["tables_tab_separated"](NOTICE)
    assert "县司法局" in layouts.LAYOUTS["tables_one_cell_per_line"](NOTICE).splitlines()
    assert "一）深化财政信息公开" in layouts.LAYOUTS["brackets_lost"](NOTICE)
    assert "2031.3.20" in layouts.LAYOUTS["signature_in_figures"](NOTICE)
    for name, rewrite in layouts.LAYOUTS.items():
        if name not in ("brackets_lost", "signature_in_figures"):
            assert plain(rewrite(NOTICE)) == plain(NOTICE), name


def test_measure_compares_the_same_notices_as_written_and_rewritten(tmp_path):
    (tmp_path / LABEL["file"]).write_text("http://example.invalid/notice.html\n" + NOTICE, encoding="utf-8")
    (tmp_path / "labels.json").write_text(json.dumps([LABEL], ensure_ascii=False), encoding="utf-8")
    written, rewritten, kept = layouts.measure([tmp_path], "wrapped")
    assert kept == 1 and written.counts["recall"] == [3, 3] and written.counts["deadlines"] == [3, 3]
    assert rewritten.counts["recall"] == [3, 3] and rewritten.counts["issued"] == [1, 1]
    _, in_figures, _ = layouts.measure([tmp_path], "signature_in_figures")
    assert in_figures.counts["issued"] == [1, 1]
