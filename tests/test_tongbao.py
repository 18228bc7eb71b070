"""The 通报 (zwgk report --all): one printable document for a run — ranking per peer group and level,
crawl coverage, the worst problems, overrides, and every agency's 整改清单 on its own pages."""

from __future__ import annotations

import os
import re
import subprocess

import pytest
from conftest import free_port_base, zwgk

from core import store
from zwgk.sample_portals import SamplePortals, sample_targets_yaml
from zwgk.tongbao import find_chromium

XSS = "<script>alert(1)</script>"
OVERRIDES = """overrides:
  - agency: kaifeng
    rule: henan-2017-plan
    status: pass
    reason: 单位提交了期限内发布的记录
    reviewer: 张三
    date: 2017-07-03
"""


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("tongbao")
    base = free_port_base()
    targets = tmp / "targets.yaml"
    targets.write_text(sample_targets_yaml(base), encoding="utf-8")
    overrides = tmp / "overrides.yaml"
    overrides.write_text(OVERRIDES, encoding="utf-8")
    db = tmp / "audit.db"
    with SamplePortals(base):
        zwgk("audit", "--targets", str(targets), "--db", str(db), "--overrides", str(overrides))
    database = store.open_db(db)
    fail = store.rows(database, "findings", run_id=1, agency_id="luoyang", rule_id="henan-2017-o1")[0]
    with database.conn:  # a crawled text with markup reaches the report through a finding's detail
        database["findings"].update(fail["id"], {"detail": fail["detail"] + XSS})
    html_path, pdf_path = tmp / "tongbao.html", tmp / "tongbao.pdf"
    pdf = ["--pdf", str(pdf_path)] if find_chromium() else []
    zwgk("report", "--all", "--db", str(db), "-o", str(html_path), *pdf)
    return db, html_path.read_text(encoding="utf-8"), pdf_path, html_path


def section(html, start, end):
    return html[html.index(start): html.index(end)]


def test_ranking_per_peer_group_and_level(report):
    db, html, _, _ = report
    scores = {s["agency_id"]: s for s in store.rows(store.open_readonly(db), "scores", run_id=1)}
    ranking = section(html, "二、得分排名", "三、抓取覆盖情况")
    henan = ranking[ranking.index("河南省人民政府办公厅"):]
    # luoyang and kaifeng share a peer group and a level: ordered by their rank within it
    names = {"luoyang": "洛阳市人民政府", "kaifeng": "开封市人民政府"}
    first, second = sorted(("luoyang", "kaifeng"), key=lambda a: (scores[a]["rank_in_level"], names[a]))
    assert henan.index(names[first]) < henan.index(names[second])
    assert "<h4>部门</h4>" in henan and "河南省统计局" in henan
    # each agency appears once in the ranking, with its percent
    for score in scores.values():
        name = store.agency_row(store.open_readonly(db), score["agency_id"])["name"]
        assert ranking.count(f"<td>{name}</td>") == 1
        if score["percent"] is not None:
            assert f"{score['percent']:.1f}%" in ranking


def test_every_agency_has_its_rectification_list_on_its_own_pages(report):
    db, html, _, _ = report
    assert "break-before: page" in html and "@page" in html and "thead { display: table-header-group; }" in html
    agencies = store.rows(store.open_readonly(db), "agencies")
    sections = html.split("<section class='agency'>")[1:]
    assert len(sections) == len(agencies)
    kaifeng = next(s for s in sections if "开封市人民政府整改清单" in s)
    failed = [f for f in store.rows(store.open_readonly(db), "findings", run_id=1, agency_id="kaifeng")
              if f["status"] == "fail"]
    listed = section(kaifeng, "一、未落实的要求", "二、无法核查的要求")
    assert listed.count("<tr><td>") == len(failed) > 0
    assert "henan-2017-plan" not in listed  # reviewed to pass: not on the list to rectify


def test_coverage_problems_and_overrides(report):
    _, html, _, _ = report
    coverage = section(html, "三、抓取覆盖情况", "四、突出问题")
    assert "湘潭县人民政府" in coverage and "未完整" in coverage
    problems = section(html, "四、突出问题", "五、申诉复核")
    assert re.search(r"<td class='n'>\d+ / \d+</td>", problems)
    reviewed = section(html, "五、申诉复核", "六、各单位整改清单")
    assert "开封市人民政府" in reviewed and "张三" in reviewed and "未通过" in reviewed and "通过" in reviewed


def test_crawled_text_is_escaped_and_quotes_have_no_pinyin_noise(report):
    db, html, _, _ = report
    assert XSS not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    verbatim = store.rows(store.open_readonly(db), "rules", rule_id="yunnan-2017-column")[0]["quote"]
    assert "(wù)" in verbatim  # the rules table keeps the notice as published
    assert "(wù)" not in html and "(guān)" not in html


@pytest.mark.skipif(find_chromium() is None, reason="no headless chromium (apt-get install chromium)")
def test_pdf_and_screenshot(report):
    _, _, pdf_path, html_path = report
    data = pdf_path.read_bytes()
    assert data.startswith(b"%PDF") and len(data) > 20_000
    assert len(re.findall(rb"/Type\s*/Page\b", data)) >= 9  # the summary, then a page per agency at least
    target = os.environ.get("ZWGK_SCREENSHOTS")
    if target:
        subprocess.run([find_chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--window-size=1200,1700",
                        "--hide-scrollbars", f"--screenshot={os.path.abspath(target)}/tongbao.png",
                        html_path.as_uri()], check=True, capture_output=True, timeout=120)


def test_report_needs_an_agency_or_all(report):
    db = report[0]
    result = zwgk("report", "--db", str(db), check=False)
    assert result.returncode == 2 and "--all" in result.stderr and "Traceback" not in result.stderr
    result = zwgk("report", "kaifeng", "--all", "--db", str(db), check=False)
    assert result.returncode == 2 and "Traceback" not in result.stderr
