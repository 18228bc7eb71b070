"""What a new user runs into: every mistake is one line naming the cause (exit 2), never a traceback,
an empty report, or a file modified that was not ours (new-user review)."""

from __future__ import annotations

import shutil
import subprocess
import sys
import urllib.error
import urllib.request

import pytest
import sqlite_utils
import yaml
from conftest import ROOT, free_port_base, zwgk

from core import store
from zwgk.sample_portals import SamplePortals, sample_targets_yaml


def one_line_error(result, *needles, code=2):
    lines = result.stderr.strip().splitlines()
    assert result.returncode == code, (result.returncode, result.stdout, result.stderr)
    assert "Traceback" not in result.stderr and lines and lines[-1].startswith("错误："), result.stderr
    for needle in needles:
        assert needle in lines[-1], (needle, lines[-1])
    return lines[-1]


@pytest.fixture(scope="module")
def audited(tmp_path_factory):
    """One real audit of the sample portals (run 1) and its targets file."""
    tmp = tmp_path_factory.mktemp("audited")
    base = free_port_base()
    targets = tmp / "targets.yaml"
    targets.write_text(sample_targets_yaml(base), encoding="utf-8")
    db = tmp / "audit.db"
    with SamplePortals(base):
        zwgk("audit", "--targets", str(targets), "--db", str(db), "--processes", "1")
    return db, targets, base


def copy_of(db, tmp_path):
    copy = tmp_path / "copy.db"
    shutil.copy(db, copy)
    return copy


def non_audit_sqlite(path):
    other = sqlite_utils.Database(path)  # a SQLite file of someone else's: must not be touched
    other["notes"].insert({"x": 1})
    other.conn.close()
    return path


# -- 1. a run that does not exist, or where the agency has no findings ---------------------------

def test_report_of_a_missing_run_names_it_and_writes_nothing(audited, tmp_path):
    db, _, _ = audited
    out = tmp_path / "k.html"
    one_line_error(zwgk("report", "kaifeng", "--db", str(db), "--run", "99", "-o", str(out), check=False), "99")
    assert not out.exists()
    assert "整改清单（审计运行 #1）" in zwgk("report", "kaifeng", "--db", str(db), "--run", "1", "--format", "md").stdout


def test_report_of_an_agency_without_findings_in_the_run(audited, tmp_path):
    db, _, _ = audited
    copy = copy_of(db, tmp_path)
    database = store.open_db(copy)
    run_id = store.start_run(database, targets="", rules_dir="", options={})  # a run with no findings
    one_line_error(zwgk("report", "kaifeng", "--db", str(copy), "--run", str(run_id), check=False),
                   f"#{run_id}", "kaifeng")


def test_agency_page_of_a_missing_run_is_not_found(audited):
    db, _, _ = audited
    port = free_port_base(1)
    server = subprocess.Popen([sys.executable, "-m", "zwgk.cli", "serve", str(db), "--port", str(port)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(base + "/", timeout=5).read()
                break
            except (urllib.error.URLError, ConnectionError):
                import time
                time.sleep(0.1)
        name = db.stem
        ok = urllib.request.urlopen(f"{base}/-/zwgk/{name}/agency/kaifeng?run=1", timeout=5)
        assert ok.status == 200
        with pytest.raises(urllib.error.HTTPError) as error:
            urllib.request.urlopen(f"{base}/-/zwgk/{name}/agency/kaifeng?run=99", timeout=5)
        assert error.value.code == 404
        assert "运行 #99" in error.value.read().decode("utf-8")
    finally:
        server.terminate()
        server.wait(timeout=10)


# -- 2. an output folder that does not exist -------------------------------------------------------

@pytest.mark.parametrize("command", [
    ["export", "scores", "-o", "{missing}/s.xlsx"],
    ["export", "findings", "--format", "csv", "-o", "{missing}/s.csv"],
    ["report", "kaifeng", "-o", "{missing}/k.html"],
    ["report", "--all", "-o", "{missing}/t.html"],
])
def test_output_in_a_missing_folder_is_one_line(audited, tmp_path, command):
    db, _, _ = audited
    missing = tmp_path / "nonexistent"
    args = [a.format(missing=missing) for a in command]
    one_line_error(zwgk(*args, "--db", str(db), check=False), str(missing), "无法写入")


def test_rules_draft_into_a_missing_folder_is_one_line(tmp_path):
    notice = tmp_path / "notice.txt"
    notice.write_text("各地区各部门要在2018年6月30日前在政府网站公开年度工作要点。", encoding="utf-8")
    target = tmp_path / "nonexistent" / "x.yaml"
    one_line_error(zwgk("rules", "draft", str(notice), "-o", str(target), check=False), str(target), "无法写入")


def test_rules_draft_given_a_folder_is_one_line_and_an_id_is_made_one_lint_accepts(tmp_path):
    notice = tmp_path / "notice.txt"
    notice.write_text("各地区各部门要在2018年6月30日前在政府网站公开年度工作要点。", encoding="utf-8")
    one_line_error(zwgk("rules", "draft", str(tmp_path), check=False), str(tmp_path), "是目录")
    one_line_error(zwgk("rules", "draft", str(notice), "-o", str(tmp_path), check=False), str(tmp_path), "是目录")
    drafted = yaml.safe_load(zwgk("rules", "draft", str(notice), "--id", "BH01_Notice").stdout)
    assert drafted["notice"]["id"] == "bh01-notice" and drafted["rules"][0]["id"] == "bh01-notice-1"


def test_rules_draft_compare_with_a_broken_file_is_one_line(tmp_path):
    notice = tmp_path / "notice.txt"
    notice.write_text("各地区各部门要在2018年6月30日前在政府网站公开年度工作要点。", encoding="utf-8")
    for name, content in [("broken.yaml", b"rules: [unclosed\n"), ("binary.yaml", b"\xff\xfe\x00rules"),
                          ("odd.yaml", b"rules:\n  - 1\n  - just text\n")]:
        broken = tmp_path / name
        broken.write_bytes(content)
        one_line_error(zwgk("rules", "draft", str(notice), "--compare", str(broken), check=False), name)


# -- 3. merge ---------------------------------------------------------------------------------

def test_merge_refuses_bad_inputs_before_writing_anything(audited, tmp_path):
    db, _, _ = audited
    node = copy_of(db, tmp_path)
    out = tmp_path / "out.db"
    pdf = tmp_path / "x.pdf"
    pdf.write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\nbinary")
    one_line_error(zwgk("merge", str(node), str(pdf), "--db", str(out), check=False), "x.pdf")
    assert not out.exists()  # validated first: no empty merged run
    other = non_audit_sqlite(tmp_path / "other.db")
    one_line_error(zwgk("merge", str(node), str(other), "--db", str(out), check=False), "other.db", "audit_runs")
    assert not out.exists()
    one_line_error(zwgk("merge", str(node), "--db", str(tmp_path / "nodir" / "out.db"), check=False),
                   "所在目录不存在")
    # the same file given as node and output (another spelling of its path)
    runs_before = len(store.runs(store.open_readonly(node)))
    alias = tmp_path / "." / node.name
    one_line_error(zwgk("merge", str(alias), "--db", str(node), check=False), "同一个文件")
    assert len(store.runs(store.open_readonly(node))) == runs_before
    zwgk("merge", str(node), "--db", str(out))  # a good node still merges
    assert store.count(store.open_readonly(out), "pages") > 0


# -- 4. check after a plain scrapy crawl ----------------------------------------------------------

def test_check_after_plain_scrapy_crawl_uses_the_recorded_targets(tmp_path):
    base = free_port_base()
    targets = tmp_path / "targets.yaml"
    agencies = yaml.safe_load(sample_targets_yaml(base))["agencies"][:2]
    targets.write_text(yaml.safe_dump({"agencies": agencies}, allow_unicode=True), encoding="utf-8")
    db = tmp_path / "plain.db"
    with SamplePortals(base):
        subprocess.run([sys.executable, "-m", "scrapy", "crawl", "portal", "-s", f"ZWGK_TARGETS={targets}",
                        "-s", f"ZWGK_DB={db}", "-s", "LOG_LEVEL=WARNING"], cwd=ROOT, check=True,
                       capture_output=True, timeout=300)
    assert store.rows(store.open_readonly(db), "agencies") == []  # nothing saved them
    untouched = shutil.copy(db, tmp_path / "untouched.db")
    result = zwgk("check", "--db", str(db))
    assert str(targets) in result.stderr
    scored = {s["agency_id"] for s in store.rows(store.open_readonly(db), "scores", run_id=1)}
    assert scored == {a["id"] for a in agencies}
    # without the recorded file: refused, not an empty scorecard
    targets.unlink()
    one_line_error(zwgk("check", "--db", str(untouched), check=False), "--targets", "#1", "不存在")
    assert store.rows(store.open_readonly(untouched), "findings") == []


# -- 5. serve / check on a file that is not an audit database ----------------------------------------

def test_serve_and_check_do_not_touch_a_non_audit_file(tmp_path):
    other = non_audit_sqlite(tmp_path / "other.db")
    before = other.read_bytes()
    one_line_error(zwgk("serve", str(other), "--port", str(free_port_base(1)), check=False, timeout=30),
                   "audit_runs")
    one_line_error(zwgk("check", "-d", str(other), check=False), "没有可核查的运行")
    assert other.read_bytes() == before and not (tmp_path / "other.db-wal").exists()
    empty = tmp_path / "empty.db"
    empty.touch()
    one_line_error(zwgk("check", "-d", str(empty), check=False), "没有可核查的运行")
    assert empty.stat().st_size == 0


# -- 6. check --targets on part of a run ---------------------------------------------------------

def test_check_with_a_subset_keeps_the_other_agencies_findings(audited, tmp_path):
    db, targets, _ = audited
    copy = copy_of(db, tmp_path)
    before = store.rows(store.open_readonly(copy), "findings", run_id=1)
    agencies = yaml.safe_load(targets.read_text(encoding="utf-8"))["agencies"]
    subset = tmp_path / "subset.yaml"
    ghost = dict(agencies[0], id="ghost-county", name="不存在县人民政府")
    subset.write_text(yaml.safe_dump({"agencies": [agencies[0], ghost]}, allow_unicode=True), encoding="utf-8")
    result = zwgk("check", "--db", str(copy), "--run", "1", "--targets", str(subset))
    assert "单位 ghost-county 不在运行 #1 中，无页面可核查" in result.stderr
    after = store.rows(store.open_readonly(copy), "findings", run_id=1)
    others = {a["id"] for a in agencies[1:]}

    def statuses(rows, ids):
        return sorted((f["agency_id"], f["rule_id"], f["status"]) for f in rows if f["agency_id"] in ids)

    assert statuses(after, others) == statuses(before, others) and statuses(before, others)
    scored = {s["agency_id"] for s in store.rows(store.open_readonly(copy), "scores", run_id=1)}
    assert others | {agencies[0]["id"]} <= scored


# -- 7. messages -----------------------------------------------------------------------------------

def test_bad_values_are_one_chinese_line(audited, tmp_path):
    db, targets, _ = audited
    one_line_error(zwgk("check", "--db", str(db), "--as-of", "2017-13-40", check=False), "2017-13-40", "YYYY-MM-DD")
    adir = tmp_path / "adir"
    adir.mkdir()
    for command in (["check"], ["export", "scores"], ["report", "kaifeng"], ["audit", "--targets", str(targets)]):
        one_line_error(zwgk(*command, "-d", str(adir), check=False), f"{adir}: 是目录，不是数据库文件")
    one_line_error(zwgk("check", "--db", str(db), "--run", "99", check=False), "99")
    empty = tmp_path / "empty.yaml"
    empty.write_text("agencies: []\n", encoding="utf-8")
    one_line_error(zwgk("audit", "--targets", str(empty), "--db", str(tmp_path / "e.db"), check=False),
                   "agencies 列表为空")
    typo = tmp_path / "typo.yaml"
    entry = yaml.safe_load(targets.read_text(encoding="utf-8"))["agencies"][0]
    entry["levle"] = entry.pop("level")
    typo.write_text(yaml.safe_dump({"agencies": [entry]}, allow_unicode=True), encoding="utf-8")
    one_line_error(zwgk("audit", "--targets", str(typo), "--db", str(tmp_path / "t.db"), check=False),
                   "未知字段 'levle'")


# -- 8. no lock file left by a run that never started --------------------------------------------------

def test_invalid_targets_leave_no_lock_file(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("agencies: []\n", encoding="utf-8")
    db = tmp_path / "x.db"
    for command in ("audit", "crawl"):
        one_line_error(zwgk(command, "--targets", str(bad), "--db", str(db), check=False), "agencies")
        assert not (tmp_path / "x.db.lock").exists()


def test_rules_draft_does_not_overwrite_a_reviewed_rule_file_unless_forced(tmp_path):
    notice = tmp_path / "notice.txt"
    notice.write_text("各地区各部门要在2018年6月30日前在政府网站公开年度工作要点。", encoding="utf-8")
    reviewed = tmp_path / "reviewed.yaml"
    reviewed.write_text("# 审核过的规则文件\n", encoding="utf-8")
    one_line_error(zwgk("rules", "draft", str(notice), "-o", str(reviewed), check=False), str(reviewed), "已存在")
    assert reviewed.read_text(encoding="utf-8") == "# 审核过的规则文件\n"
    zwgk("rules", "draft", str(notice), "-o", str(reviewed), "--force")
    assert yaml.safe_load(reviewed.read_text(encoding="utf-8"))["rules"]
