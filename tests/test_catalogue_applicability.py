"""Which agencies a rule binds: unit names, group names and levels from the notices."""

from __future__ import annotations

from rule_kit import AGENCY, rule

from checks.catalogue import applies, rule_applies, unit_matches
from core.model import Agency


def test_unit_names_resolve_to_agencies():
    tjj = Agency("tjj", "河南省统计局", "department", ("http://t/",), province="河南省")
    assert unit_matches("省统计局", tjj, "河南省")
    assert not unit_matches("省统计局", tjj, "云南省")
    assert not unit_matches("省审计厅", tjj, "河南省")
    assert unit_matches("洛阳市政府", AGENCY, "河南省")  # alias
    assert applies({"levels": ["city"], "provinces": ["河南省"]}, AGENCY)
    assert not applies({"levels": ["department"]}, AGENCY)
    assert not rule_applies(rule("manual", {}, binds={"provinces": ["云南省"]}), AGENCY)


def test_group_names_resolve_to_levels():
    county = Agency("xq", "河南省某县人民政府", "county", ("http://x/",), province="河南省")
    department = Agency("cz", "河南省某市财政局", "department", ("http://c/",), province="河南省")
    for group in ("各县（区）", "县(区)", "各县市区"):
        assert unit_matches(group, county, "河南省") and not unit_matches(group, department, "河南省")
    assert unit_matches("市直各单位", department, "河南省") and not unit_matches("市直各单位", county, "河南省")


# topic_disclosed: tests/test_rule_topic_disclosed.py


def test_an_internal_section_named_without_a_place_matches_no_agency():
    office = Agency("zfb", "河南省某县人民政府办公室", "county", ("http://o/",), province="河南省")
    assert not unit_matches("办公室", office, "河南省") and not unit_matches("医政医管股", office, "河南省")
    assert unit_matches("县政府办公室", office, "河南省")
