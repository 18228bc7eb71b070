"""Bad targets files stop with one line naming the file, entry and field — never a traceback."""

from __future__ import annotations

import pytest
from conftest import zwgk

from core.targets import Agency, TargetsError, load_targets

GOOD = """agencies:
  - id: luoyang
    name: 洛阳市人民政府
    level: city
    province: 河南省
    urls: [http://127.0.0.1:8801/]
"""


@pytest.mark.parametrize(
    "text, expected",
    [
        (GOOD.replace("level: city", "level: town"), ["agencies[1]", "level", "town"]),
        (GOOD + GOOD.split("agencies:\n")[1], ["agencies[2]", "'id'", "duplicate"]),
        (GOOD.replace("http://127.0.0.1:8801/", "ftp://x"), ["agencies[1]", "urls", "ftp://x"]),
        (GOOD.replace("    name: 洛阳市人民政府\n", ""), ["agencies[1]", "'name'"]),
        (GOOD.replace("id: luoyang", "id: Luo Yang"), ["agencies[1]", "'id'"]),
        ("agencies: [\n", ["YAML"]),
        ("foo: 1\n", ["agencies"]),
        (GOOD.replace("province:", "provnce:"), ["agencies[1]", "provnce"]),
    ],
)
def test_bad_targets_name_file_entry_and_field(tmp_path, text, expected):
    path = tmp_path / "t.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(TargetsError) as info:
        load_targets(path)
    message = str(info.value)
    assert str(path) in message and "\n" not in message
    for word in expected:
        assert word in message


def test_cli_reports_bad_targets_in_one_line(tmp_path):
    path = tmp_path / "t.yaml"
    path.write_text(GOOD.replace("level: city", "level: town"), encoding="utf-8")
    result = zwgk("audit", "--targets", str(path), "--db", str(tmp_path / "x.db"), check=False)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and "level" in result.stderr


def test_missing_targets_file(tmp_path):
    result = zwgk("audit", "--targets", str(tmp_path / "nope.yaml"), "--db", str(tmp_path / "x.db"), check=False)
    assert result.returncode == 2 and "Traceback" not in result.stderr and "nope.yaml" in result.stderr


def test_scopes_follow_start_urls():
    agency = Agency("a", "A", "department", ("http://Gov.example:8080/bm/fgw/index.html", "http://fgw.example/"))
    assert agency.scopes == [("gov.example:8080", "/bm/fgw/"), ("fgw.example", "/")]


@pytest.mark.parametrize("written, full", [
    ("河南", "河南省"), ("河南省", "河南省"), ("广西", "广西壮族自治区"), ("广西壮族自治区", "广西壮族自治区"),
    ("广西自治区", "广西壮族自治区"), ("北京", "北京市"), ("北京市", "北京市"), ("内蒙古", "内蒙古自治区"),
    ("新疆", "新疆维吾尔自治区"), ("黑龙江", "黑龙江省"), (" 云南 ", "云南省"),
])
def test_province_short_forms_read_as_the_notices_write_them(tmp_path, written, full):
    path = tmp_path / "t.yaml"
    path.write_text(GOOD.replace("province: 河南省", f"province: '{written}'"), encoding="utf-8")
    assert load_targets(path)[0].province == full


@pytest.mark.parametrize("written", ["火星", "河南市", "吉林市", "Henan"])
def test_unknown_province_is_rejected_listing_the_known_ones(tmp_path, written):
    path = tmp_path / "t.yaml"
    path.write_text(GOOD.replace("province: 河南省", f"province: {written}"), encoding="utf-8")
    with pytest.raises(TargetsError) as info:
        load_targets(path)
    message = str(info.value)
    assert "\n" not in message and "agencies[1]" in message and "province" in message and written in message
    assert "河南省" in message and "广西壮族自治区" in message


def test_short_province_binds_the_notices_rules(tmp_path):
    """province: 河南 used to disable every rule of a Henan notice: now it binds them."""
    from checks.catalogue import load_catalogue, rule_applies

    path = tmp_path / "t.yaml"
    path.write_text(GOOD.replace("province: 河南省", "province: 河南"), encoding="utf-8")
    agency = load_targets(path)[0]
    henan = [r for r in load_catalogue().rules if r.notice.id == "henan-2017"]
    assert henan and sum(rule_applies(r, agency) for r in henan) >= len(henan) // 2


# -- scope: the URL prefixes an agency owns on a shared site (issue 13) ---------------------------

DEPT = """agencies:
  - id: fgw
    name: 示范县发展和改革委员会
    level: department
    province: 河南省
    urls: [http://www.example.gov.cn/bm/fgw/index.html]
"""


def test_scope_prefixes_replace_what_the_start_urls_imply(tmp_path):
    path = tmp_path / "t.yaml"
    path.write_text(DEPT + "    scope: [http://WWW.example.gov.cn/bm/fgw/, 'https://fgw.example.gov.cn:8443/zwgk/']\n",
                    encoding="utf-8")
    agency = load_targets(path)[0]
    assert agency.scope == ("http://WWW.example.gov.cn/bm/fgw/", "https://fgw.example.gov.cn:8443/zwgk/")
    # host lower-cased, the path taken as written (not cut back to its directory), the start URL's scope replaced
    assert agency.scopes == [("www.example.gov.cn", "/bm/fgw/"), ("fgw.example.gov.cn:8443", "/zwgk/")]


def test_a_single_scope_may_be_a_string_and_without_scope_the_start_urls_decide(tmp_path):
    path = tmp_path / "t.yaml"
    path.write_text(DEPT + "    scope: http://www.example.gov.cn/bm/fgw/xxgk/\n", encoding="utf-8")
    assert load_targets(path)[0].scopes == [("www.example.gov.cn", "/bm/fgw/xxgk/")]
    path.write_text(DEPT, encoding="utf-8")
    agency = load_targets(path)[0]
    assert agency.scope == () and agency.scopes == [("www.example.gov.cn", "/bm/fgw/")]


@pytest.mark.parametrize("scope, words", [
    ("{a: 1}", ["scope", "列表"]),
    ("7", ["scope", "列表"]),
    ("[ftp://www.example.gov.cn/bm/]", ["scope", "ftp://www.example.gov.cn/bm/"]),
    ("['http:///bm/fgw/']", ["scope", "http:///bm/fgw/"]),
    ("['/bm/fgw/']", ["scope", "/bm/fgw/"]),
    ("['http://www.example.gov.cn:99999/bm/']", ["scope", "99999"]),
    ("['http://[fe80::1/bm/']", ["scope"]),
])
def test_a_bad_scope_is_one_line_naming_the_entry_and_the_field(tmp_path, scope, words):
    path = tmp_path / "t.yaml"
    path.write_text(DEPT + f"    scope: {scope}\n", encoding="utf-8")
    with pytest.raises(TargetsError) as info:
        load_targets(path)
    message = str(info.value)
    assert "\n" not in message and str(path) in message and "agencies[1]" in message
    for word in words:
        assert word in message
    result = zwgk("crawl", "--targets", str(path), "--db", str(tmp_path / "x.db"), check=False)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and "scope" in result.stderr
