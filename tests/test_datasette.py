"""Supervisors' Datasette: canned queries, facets, search, dashboards, read-only, inert crawled HTML,
exports and the rectification list — on the demo database, through Datasette's own test client."""

from __future__ import annotations

import asyncio
import csv
import os
import shutil

import pytest
from conftest import free_port_base, zwgk
from datasette.app import Datasette

from core import store
from zwgk.sample_portals import SamplePortals, sample_targets_yaml

XSS = "<script>alert(1)</script><img src=x onerror=alert(2)>"


@pytest.fixture(scope="module")
def audit_db(tmp_path_factory):
    """Two audits of the sample portals; in the second, kunming's column check has turned to fail,
    and one crawled title carries markup."""
    tmp = tmp_path_factory.mktemp("datasette")
    base = free_port_base()
    targets = tmp / "targets.yaml"
    targets.write_text(sample_targets_yaml(base), encoding="utf-8")
    db = tmp / "audit.db"
    with SamplePortals(base):
        zwgk("audit", "--targets", str(targets), "--db", str(db))
        zwgk("audit", "--targets", str(targets), "--db", str(db))
    database = store.open_db(db)
    finding = store.rows(database, "findings", run_id=2, agency_id="kunming", rule_id="yunnan-2017-column")[0]
    page = min(store.rows(database, "pages", run_id=2, agency_id="luoyang"), key=lambda p: p["id"])
    with database.conn:
        database["findings"].update(finding["id"], {"status": "fail"})
        database["pages"].update(page["id"], {"title": XSS})
    database.conn.close()
    return db


def client_for(db, **kwargs):
    """Datasette as `zwgk serve` runs it: the file mutable (a later audit shows), the plugin's metadata,
    read-only connections and limits."""
    return Datasette([str(db)], **kwargs)


def get(ds, path):
    return asyncio.run(ds.client.get(path))


def rows(ds, path):
    route, _, query = path.partition("?")
    response = get(ds, f"{route}.json?{query}&_shape=array")
    assert response.status_code == 200, response.text
    return response.json()


def test_home_page_explains_and_links_the_views(audit_db):
    page = get(client_for(audit_db), "/").text
    assert "政务公开网站审计" in page
    for view in ("scorecard", "agency_findings", "rule_findings", "overdue", "changes", "spam_pages",
                 "fetch_errors_by_agency", "/-/dashboards/audit"):
        assert view in page


def test_breadcrumbs_read_in_chinese(audit_db):
    page = get(client_for(audit_db), "/audit/findings").text
    assert '<p class="crumbs">' in page and ">首页</a>" in page and ">home</a>" not in page


def test_scorecard(audit_db):
    result = rows(client_for(audit_db), "/audit/scorecard")
    assert len(result) == 8 and all(r["运行"] == 2 for r in result)
    by_agency = {r["单位编号"]: r for r in result}
    yuxi = by_agency["yuxi"]
    assert yuxi["得分率"] == round(100 * yuxi["得分"] / yuxi["应得分"], 1)
    assert yuxi["折算分"] == round(4 * yuxi["得分"] / yuxi["应得分"], 2)
    assert by_agency["xiangtan-county"]["排名"] is None and by_agency["xiangtan-county"]["无法核查"] > 2
    # ranked within each peer group (the notices that bind the agency), groups listed together
    groups = [r["适用通知"] for r in result]
    assert groups == sorted(groups)
    for group in set(groups):
        ranks = [r["排名"] for r in result if r["适用通知"] == group and r["排名"]]
        assert ranks == sorted(ranks) and (not ranks or ranks[0] == 1)
    assert {"覆盖率", "未到期", "适用规则"} <= set(result[0])
    first_run = rows(client_for(audit_db), "/audit/scorecard?run=1")
    assert {r["运行"] for r in first_run} == {1}


def test_agency_findings_show_evidence_and_the_notice_sentence(audit_db):
    result = rows(client_for(audit_db), "/audit/agency_findings?agency=kaifeng")
    first = next(r for r in result if r["规则"] == "henan-2017-plan")
    assert first["结论"] == "未通过"
    assert first["证据网址"].endswith("/tzgg/show_5001.html") and "逾期1个工作日" in first["说明"]
    assert "10个工作日内在政府网站公开" in first["通知原文"]
    assert all(r["结论"] in ("通过", "未通过", "无法核查", "需人工核实", "未到期") for r in result)


def test_rule_across_agencies(audit_db):
    result = rows(client_for(audit_db), "/audit/rule_findings?rule=henan-2017-plan")
    assert {r["单位"]: r["结论"] for r in result} == {"开封市人民政府": "未通过", "河南省统计局": "未通过", "洛阳市人民政府": "通过"}


def test_overdue_changes_spam_and_errors(audit_db):
    ds = client_for(audit_db)
    overdue = rows(ds, "/audit/overdue")
    late = {r["单位"]: r["逾期天数"] for r in overdue if r["要求"] == "制定实施方案或工作措施，印发后10个工作日内在政府网站公开"}
    assert late["开封市人民政府"] == 1  # published 2017-06-08, deadline 2017-06-07
    changes = rows(ds, "/audit/changes")
    assert [(c["单位"], c["规则"], c["变化"]) for c in changes] == [("昆明市人民政府", "yunnan-2017-column", "新增未通过")]
    spam = rows(ds, "/audit/spam_pages")
    assert {r["单位"] for r in spam} == {"玉溪市人民政府"}
    errors = rows(ds, "/audit/fetch_errors_by_agency")
    assert [(r["单位"], r["类型"]) for r in errors] == [("湘潭县人民政府", "refused")]


def test_facets_and_full_text_search(audit_db):
    ds = client_for(audit_db)
    data = get(ds, "/audit/findings_view.json?_facet=status_label&_facet=kind&_facet=notice&_facet=level_label"
                   "&_facet=province").json()
    assert {"status_label", "kind", "notice", "level_label", "province"} <= set(data["facet_results"])
    assert {f["value"] for f in data["facet_results"]["status_label"]["results"]} <= {"通过", "未通过", "无法核查",
                                                                                   "需人工核实", "未到期", "不适用"}
    assert {f["value"] for f in data["facet_results"]["level_label"]["results"]} == {"市级", "县级", "部门"}
    found = get(ds, "/audit/pages.json?_search=政务公开&_shape=array").json()
    assert found and all("政务公开" in ((p["title"] or "") + (p["text"] or "")) for p in found)
    short = rows(ds, "/audit/search_pages?q=解读")  # two characters: below trigram length, LIKE query
    assert any("解读" in (r["标题"] or "") for r in short)


def test_dashboards_render(audit_db):
    page = get(client_for(audit_db), "/-/dashboards/audit")
    assert page.status_code == 200 and "政务公开审计看板" in page.text


def test_crawled_markup_is_inert(audit_db):
    ds = client_for(audit_db)
    for path in ("/audit/pages?agency_id=luoyang", "/audit/search_pages?q=alert", "/audit/pages?title__contains=alert"):
        page = get(ds, path).text
        assert "<script>alert(1)</script>" not in page and "<img src=x onerror" not in page
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_read_only_and_sql_switch(audit_db):
    ds = client_for(audit_db)
    response = get(ds, "/audit.json?sql=" + "DELETE FROM findings")
    assert response.status_code == 400
    assert get(client_for(audit_db, settings={"default_allow_sql": False}), "/audit.json?sql=select+1").status_code == 403
    assert rows(client_for(audit_db, settings={"default_allow_sql": False}), "/audit/scorecard")
    assert store.count(store.open_db(audit_db), "findings") > 0


def test_write_connection_refuses_writes(audit_db):
    """Datasette keeps a write connection to a mutable database (plugins and its write paths use it);
    the plugin's query_only makes it refuse.  Without the plugin the same call succeeds."""
    import sqlite3

    from core.store import workbench

    ds = client_for(audit_db)
    with pytest.raises(sqlite3.OperationalError, match="readonly|read-only"):
        asyncio.run(ds.get_database("audit").execute_write_fn(workbench.write_probe))
    assert "zwgk_write_probe" not in store.open_readonly(audit_db).table_names()


def test_huge_values_fail_fast(audit_db):
    import time

    started = time.monotonic()
    response = get(client_for(audit_db), "/audit.json?sql=" + "select+length(randomblob(400000000))")
    assert response.status_code == 400 and "too big" in response.text
    assert time.monotonic() - started < 5


def test_database_download_needs_the_login(audit_db, monkeypatch):
    from datasette_zwgk.serve import datasette_environment

    monkeypatch.setenv("ZWGK_PASSWORD_HASH", datasette_environment("s3cret")["ZWGK_PASSWORD_HASH"])
    assert get(client_for(audit_db), "/audit.db").status_code == 403
    monkeypatch.delenv("ZWGK_PASSWORD_HASH")
    # served mutable, the file is never offered whole (a download mid-audit would be inconsistent)
    assert get(client_for(audit_db), "/audit.db").status_code == 403


def test_password_protection(audit_db, monkeypatch):
    from datasette_zwgk.serve import datasette_environment

    monkeypatch.setenv("ZWGK_PASSWORD_HASH", datasette_environment("s3cret")["ZWGK_PASSWORD_HASH"])
    ds = client_for(audit_db)
    assert get(ds, "/").status_code == 403
    assert get(ds, "/-/login").status_code == 200


def test_exports_open_with_chinese_headers(audit_db, tmp_path):
    from openpyxl import load_workbook

    xlsx = tmp_path / "scores.xlsx"
    zwgk("export", "scores", "--db", str(audit_db), "--run", "2", "--format", "xlsx", "-o", str(xlsx))
    book = load_workbook(xlsx)
    assert set(book.sheetnames) == {"市级", "县级", "部门"}
    sheet = book["市级"]
    assert [c.value for c in sheet[1]][:4] == ["排名", "同级排名", "单位编号", "单位"]
    assert sheet.freeze_panes == "A2" and sheet.max_row == 6  # header + five cities
    csv_path = tmp_path / "findings.csv"
    zwgk("export", "findings", "--db", str(audit_db), "--format", "csv", "-o", str(csv_path))
    raw = csv_path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    table = list(csv.DictReader(raw.decode("utf-8-sig").splitlines()))
    assert {"单位", "结论", "通知原文", "证据网址"} <= set(table[0])
    assert all(r["结论"] != "不适用" for r in table)


def test_rectification_list(audit_db, tmp_path):
    markdown = zwgk("report", "kaifeng", "--db", str(audit_db), "--format", "md").stdout
    assert "开封市人民政府政务公开整改清单" in markdown and "henan-2017-plan" in markdown
    assert markdown.index("一、未落实") < markdown.index("henan-2017-plan") < markdown.index("三、需人工核实")
    html_path = tmp_path / "r.html"
    zwgk("report", "luoyang", "--db", str(audit_db), "-o", str(html_path))
    assert "<script>" not in html_path.read_text(encoding="utf-8")
    missing = zwgk("report", "nobody", "--db", str(audit_db), check=False)
    assert missing.returncode == 2 and "nobody" in missing.stderr


@pytest.mark.skipif(not shutil.which("chromium"), reason="Debian's chromium is not installed")
def test_in_a_real_browser(audit_db, tmp_path):
    """scorecard → agency → finding → stored copy, following the links the pages render."""
    import re
    import subprocess
    import sys
    import time
    import urllib.request

    port = free_port_base(1)
    server = subprocess.Popen([sys.executable, "-m", "zwgk.cli", "serve", str(audit_db), "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
             "--disable-component-update", "--disable-sync", "--no-first-run", f"--user-data-dir={tmp_path / 'profile'}"]

    def dom(url):
        return subprocess.run(["chromium", *flags, "--virtual-time-budget=3000", "--dump-dom", url],
                              capture_output=True, text=True, timeout=60, check=False).stdout

    def screenshot(url, name):
        shot = tmp_path / f"{name}.png"
        subprocess.run(["chromium", *flags, "--window-size=1400,1000", "--virtual-time-budget=3000",
                        f"--screenshot={shot}", url], capture_output=True, timeout=60, check=False)
        assert shot.exists() and shot.stat().st_size > 10_000
        return shot

    try:
        base = f"http://127.0.0.1:{port}"
        for _ in range(100):
            try:
                urllib.request.urlopen(base + "/", timeout=2)
                break
            except OSError:
                time.sleep(0.2)
        scorecard = dom(base + "/audit/scorecard")
        assert "昆明市人民政府" in scorecard and "市级" in scorecard and "未通过" in scorecard
        agency_link = re.search(r'href="(/-/zwgk/audit/agency/kaifeng)"', scorecard).group(1)
        agency = dom(base + agency_link)
        assert "开封市人民政府" in agency and "未通过（" in agency and "逾期 1 天" in agency
        assert ">fail<" not in agency and ">city<" not in agency
        finding = agency[agency.index('id="henan-2017-plan"'):]
        copy_link = re.search(r'href="(/-/zwgk/audit/copy/[0-9a-f]{64})"', finding).group(1)
        copy = dom(base + copy_link)
        assert "抓取时间" in copy and "SHA-256" in copy and "与保存的字节一致" in copy
        shots = [screenshot(base + agency_link, "agency"), screenshot(base + copy_link, "stored-copy")]
        keep = os.environ.get("ZWGK_SCREENSHOTS")  # e.g. docs/screenshots: refresh the README's pictures
        if keep:
            for shot in shots:
                shutil.copy(shot, os.path.join(keep, shot.name))
    finally:
        server.terminate()
        server.wait(10)


def test_canned_query_quotes_have_no_pinyin_noise_but_the_rules_table_keeps_it(audit_db):
    from core.text import strip_pinyin

    ds = client_for(audit_db)
    verbatim = rows(ds, "/audit/rules?rule_id=yunnan-2017-column")[0]["quote"]
    assert "(wù)" in verbatim
    found = {r["规则"]: r for r in rows(ds, "/audit/agency_findings?agency=yuxi")}
    shown = found["yunnan-2017-column"]["通知原文"]
    assert shown == strip_pinyin(verbatim) and "(" not in shown and "務" in shown
