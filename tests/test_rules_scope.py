"""`zwgk rules scope`: which audited agencies each rule binds, as an audit reads binds, applies_to and jurisdiction."""

from __future__ import annotations

from conftest import zwgk

TARGETS = """agencies:
  - {id: banner, name: 某右旗人民政府, level: county, province: 内蒙古自治区, urls: [http://127.0.0.1:9/a]}
  - {id: banner-jyj, name: 某右旗教育局, level: department, province: 内蒙古自治区, parent: banner, urls: [http://127.0.0.1:9/b]}
  - {id: city-jyj, name: 某市教育局, level: department, province: 河北省, urls: [http://127.0.0.1:9/c]}
"""

RULES = """notice: {id: n, title: 某右旗人民政府办公室主动公开事项目录, issuer: 某右旗人民政府办公室, issued: 2031-03-02,
         binds: {units: [某右旗人民政府办公室]}}
rules:
  - {id: n-1, kind: manual, quote: 公开本机关机构职能信息, params: {reason: r}}
"""
PROVINCIAL = """notice: {id: p, title: 某省教育厅关于做好招生信息公开的通知, issuer: 某省教育厅, issued: 2031-03-02, binds: {all: true}}
rules:
  - {id: p-1, kind: manual, quote: 各市教育局公开招生政策, params: {reason: r}, applies_to: {units: [各市教育局]}}
"""


def _files(tmp_path):
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "n.yaml").write_text(RULES, encoding="utf-8")
    (tmp_path / "rules" / "p.yaml").write_text(PROVINCIAL, encoding="utf-8")
    (tmp_path / "targets.yaml").write_text(TARGETS, encoding="utf-8")


def test_scope_lists_the_agencies_each_rule_binds(tmp_path):
    _files(tmp_path)
    result = zwgk("rules", "scope", "--rules", str(tmp_path / "rules"), "-t", str(tmp_path / "targets.yaml"))
    assert result.stdout.splitlines() == ["n-1\t1/3\t某右旗人民政府",  # the office's own catalogue: its government
                                          "p-1\t1/3\t某市教育局"]  # the cities' bureaus, not the banner's


def test_scope_says_which_asked_rules_do_not_exist_and_refuses_a_bad_targets_file(tmp_path):
    _files(tmp_path)
    result = zwgk("rules", "scope", "--rules", str(tmp_path / "rules"), "-t", str(tmp_path / "targets.yaml"),
                  "--rule", "p-1", "--rule", "n-9", check=False)
    assert result.returncode == 2 and "n-9" in result.stderr and "p-1\t1/3" in result.stdout
    result = zwgk("rules", "scope", "--rules", str(tmp_path / "rules"), "-t", str(tmp_path / "none.yaml"), check=False)
    assert result.returncode == 2 and "Traceback" not in result.stderr
