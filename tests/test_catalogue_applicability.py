"""Which agencies a rule binds: unit names, group names and levels from the notices."""

from __future__ import annotations

from rule_kit import AGENCY, rule

from checks.catalogue import applies, rule_applies, unit_matches
from core.model import Agency, is_internal_section


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
    # a bureau's divisions, also in traditional characters; a place's office (市机关事务管理处) is not one
    assert is_internal_section("艺术处") and is_internal_section("各處室") and is_internal_section("财务审计处")
    assert not is_internal_section("市机关事务管理处") and not is_internal_section("县政府办公室")
    assert unit_matches("县政府办公室", office, "河南省")


def test_a_notice_whose_issuer_is_audited_binds_only_agencies_under_that_issuers_government():
    city = Agency("hx", "汉西市人民政府", "city", ("http://a/",), province="某省")
    county = Agency("hx-county", "青禾县人民政府", "county", ("http://b/",), province="某省", parent="hx")
    bureau = Agency("hx-sfj", "汉西市司法局", "department", ("http://c/",), province="某省", parent="hx")
    health = Agency("hx-wjw", "汉西市卫生健康委员会", "department", ("http://d/",), province="某省", parent="hx")
    county_health = Agency("qh-wsj", "青禾县卫生健康局", "department", ("http://e/",), province="某省", parent="hx-county")
    other_city = Agency("jb", "江东市人民政府", "city", ("http://f/",), province="某省")
    other_bureau = Agency("jb-sfj", "江东市司法局", "department", ("http://g/",), province="某省", parent="jb")
    audited = [city, county, bureau, health, county_health, other_city, other_bureau]

    def bound(binds, applies_to=None, issuer="汉西市人民政府办公室"):
        r = rule("manual", {}, binds=binds, issuer=issuer, province=None)
        if applies_to:
            r = type(r)(r.id, r.notice, r.kind, r.title, r.quote, r.params, applies_to, r.weight)
        return {a.id for a in audited if rule_applies(r, a, audited)}

    everyone = {"hx", "hx-county", "hx-sfj", "hx-wjw", "qh-wsj"}
    assert bound({"all": True}) == everyone  # 江东市 and its bureau are another city's
    # the city's departments, not the county's bureaus (those are the county's own departments)
    assert bound({"units": ["各县（市、区）人民政府", "市政府各部门"]}) == {"hx-county", "hx-sfj", "hx-wjw"}
    assert bound({"all": True}, {"units": ["市司法局"]}) == {"hx-sfj"}
    # a department's notice reaches as far as its own government's: the county's health bureau
    # a department's notice to everyone it binds is its own system's
    assert bound({"all": True}, issuer="汉西市卫生健康委员会") == {"hx-wjw"}
    assert bound({"all": True}, {"units": ["县卫生健康局"]}, issuer="汉西市卫生健康委员会") == {"qh-wsj"}
    # an issuer the audit does not hold, or a scope the rule file chose itself, is read as before
    assert bound({"all": True}, issuer="某省人民政府办公厅") == {a.id for a in audited}
    assert bound({"parents": ["jb"]}) == {"jb", "jb-sfj"}


def test_a_group_of_one_level_of_governments_departments_does_not_reach_anothers_bureaus():
    city = Agency("hx", "汉西市人民政府", "city", ("http://a/",), province="某省")
    county = Agency("qh", "青禾县人民政府", "county", ("http://b/",), province="某省", parent="hx")
    city_bureau = Agency("hx-sfj", "汉西市司法局", "department", ("http://c/",), province="某省", parent="hx")
    county_bureau = Agency("qh-sfj", "青禾县司法局", "department", ("http://d/",), province="某省", parent="qh")
    audited = [city, county, city_bureau, county_bureau]

    def bound(group):  # a district's notice, its issuer not audited: no jurisdiction narrows it
        r = rule("manual", {}, binds={"units": [group]}, issuer="白石区人民政府办公室", province=None)
        return {a.id for a in audited if rule_applies(r, a, audited)}

    assert bound("区政府各部门") == bound("县直各单位") == {"qh-sfj"}
    assert bound("市政府各部门") == {"hx-sfj"}
    assert bound("各部门") == {"hx-sfj", "qh-sfj"}  # no place word: any department, as before


def test_towns_named_as_a_group_are_the_towns_not_the_county_government():
    county = Agency("qx", "青溪县人民政府", "county", ("http://a/",), province="湖北省")
    town = Agency("bs", "白沙镇人民政府", "county", ("http://b/",), province="湖北省", parent="qx")
    subdistrict = Agency("cg", "城关街道办事处", "county", ("http://c/",), province="湖北省", parent="qx")
    named_like_a_town = Agency("za", "镇安县人民政府", "county", ("http://d/",), province="湖北省")
    for group in ("各乡镇", "各乡镇人民政府", "各镇（街道）"):
        assert {a.id for a in (county, town, subdistrict, named_like_a_town) if unit_matches(group, a, "湖北省")} == {"bs", "cg"}
    assert unit_matches("各县（区）", county, "湖北省") and unit_matches("各县（区）", named_like_a_town, "湖北省")


def test_a_group_named_by_its_work_matches_the_departments_that_do_it():
    finance = Agency("cz", "青溪县财政局", "department", ("http://a/",), province="湖北省")
    market = Agency("sj", "青溪县市场监督管理局", "department", ("http://b/",), province="湖北省")
    housing = Agency("zj", "青溪县住房和城乡建设局", "department", ("http://c/",), province="湖北省")
    office = Agency("bgs", "青溪县人民政府办公室", "department", ("http://d/",), province="湖北省")
    county = Agency("qx", "青溪县人民政府", "county", ("http://e/",), province="湖北省")
    audited = (finance, market, housing, office, county)

    def matched(group):
        return {a.id for a in audited if unit_matches(group, a, "湖北省")}

    assert matched("各级财政部门") == {"cz"}
    assert matched("各级市场监管部门") == {"sj"}  # 市场监督管理 is written 市场监管
    assert matched("县级住房城乡建设主管部门") == {"zj"}
    assert matched("各级民政部门") == set()  # 人民政府 is no 民政


def test_a_town_audited_at_the_county_level_is_no_county():
    county = Agency("qx", "青溪县人民政府", "county", ("http://a/",), province="湖北省")
    town = Agency("bs", "白沙镇人民政府", "county", ("http://b/",), province="湖北省", parent="qx")
    audited = [county, town]

    def bound(group):
        r = rule("manual", {}, binds={"units": [group]}, issuer="某省人民政府办公厅", province=None)
        return {a.id for a in audited if rule_applies(r, a, audited)}

    assert bound("各市、县人民政府") == bound("各县（市、区）") == {"qx"}
    assert bound("各乡镇") == {"bs"}


def test_a_government_office_named_in_a_notice_is_its_government():
    county = Agency("qx", "青溪县人民政府", "county", ("http://a/",), province="湖北省")
    town = Agency("bs", "白沙镇人民政府", "county", ("http://b/",), province="湖北省", parent="qx")
    bureau = Agency("jyj", "青溪县教育局", "department", ("http://c/",), province="湖北省", parent="qx")
    assert [unit_matches("县政府办公室", a, "湖北省") for a in (county, town, bureau)] == [True, False, False]
    office = Agency("bgs", "青溪县人民政府办公室", "department", ("http://d/",), province="湖北省", parent="qx")
    assert unit_matches("县政府办公室", office, "湖北省")  # an audited office is matched by its name, as before


def test_a_rule_naming_the_issuer_itself_binds_it_though_the_letter_is_to_others():
    county = Agency("qx", "青溪县人民政府", "county", ("http://a/",), province="湖北省")
    bureau = Agency("jyj", "青溪县教育局", "department", ("http://b/",), province="湖北省", parent="qx")
    audited = [county, bureau]
    r = rule("manual", {}, binds={"units": ["各乡镇人民政府", "县政府各部门"]}, issuer="青溪县人民政府办公室", province=None)
    own = type(r)(r.id, r.notice, r.kind, r.title, r.quote, r.params, {"units": ["县政府办公室"]}, r.weight)
    assert {a.id for a in audited if rule_applies(own, a, audited)} == {"qx"}
    assert {a.id for a in audited if rule_applies(r, a, audited)} == {"jyj"}


def test_a_departments_level_comes_from_its_name_when_its_government_is_not_audited():
    from checks.catalogue import government_level_of_name

    def level(name):
        return government_level_of_name(Agency("x", name, "department", ("http://x/",)))

    assert [level(n) for n in ("青溪县教育局", "汉江市市场监督管理局", "河北省统计局", "广西壮族自治区民政厅", "广东省人民政府")] \
        == ["county", "city", "province", "province", None]
    elsewhere = Agency("sm-jyj", "石门县教育局", "department", ("http://c/",), province="湖北省", parent="shimen")

    def bound(group):
        r = rule("manual", {}, binds={"units": [group]}, issuer="某省人民政府办公厅", province=None)
        return rule_applies(r, elsewhere, [elsewhere])

    assert (bound("省政府各部门"), bound("市政府各部门"), bound("县直各部门")) == (False, False, True)


def test_a_government_office_named_in_full_is_that_government():
    banner = Agency("kq", "某右旗人民政府", "county", ("http://a/",), province="某自治区")
    other = Agency("zq", "某左旗人民政府", "county", ("http://b/",), province="某自治区")
    bureau = Agency("kq-jyj", "某右旗教育局", "department", ("http://c/",), province="某自治区", parent="kq")
    office = Agency("kq-bgs", "某右旗人民政府办公室", "department", ("http://d/",), province="某自治区", parent="kq")
    matched = {a.id for a in (banner, other, bureau, office) if unit_matches("某右旗人民政府办公室", a, None)}
    assert matched == {"kq", "kq-bgs"}  # the office runs its government's portal; an audited office is itself too
    assert unit_matches("某左旗政府办公室", other, None) and not unit_matches("某左旗政府办公室", banner, None)
    education = Agency("jyt", "某省教育厅", "department", ("http://e/",), province="某省")
    assert unit_matches("某省教育厅办公室", education, "某省") and not unit_matches("某省教育厅办公室", bureau, "某省")
    assert unit_matches("某省教育厅(中共某省委教育工委)办公室", education, "某省")  # an office of two names


def test_the_bureaus_of_one_work_in_every_city_are_those_bureaus_not_the_city_governments():
    city = Agency("hx", "汉西市人民政府", "city", ("http://a/",), province="某省")
    county = Agency("qh", "青禾县人民政府", "county", ("http://b/",), province="某省", parent="hx")
    city_bureau = Agency("hx-jyj", "汉西市教育局", "department", ("http://c/",), province="某省", parent="hx")
    county_bureau = Agency("qh-jyj", "青禾县教育和体育局", "department", ("http://d/",), province="某省", parent="qh")
    city_finance = Agency("hx-czj", "汉西市财政局", "department", ("http://e/",), province="某省", parent="hx")
    audited = [city, county, city_bureau, county_bureau, city_finance]

    def bound(group):
        r = rule("manual", {}, binds={"units": [group]}, issuer="某省教育厅", province=None)
        return {a.id for a in audited if rule_applies(r, a, audited)}

    assert bound("各市教育局") == bound("各市教育(教体)局") == {"hx-jyj"}
    assert bound("各县（市、区）教育局") == {"qh-jyj"}
    assert bound("各市") == {"hx"}  # a group of governments, as before


def test_departments_named_with_their_governments_are_departments():
    county_bureau = Agency("qh-sfj", "青禾县司法局", "department", ("http://d/",), province="某省")
    county = Agency("qh", "青禾县人民政府", "county", ("http://b/",), province="某省")
    for group in ("县政府各工作部门", "区政府各有关部门", "县政府相关部门", "旗直各部门", "县级有关部门", "州直各部门"):
        assert unit_matches(group, county_bureau, "某省") and not unit_matches(group, county, "某省"), group


def test_a_notice_whose_issuer_is_not_audited_binds_the_agencies_of_the_issuers_place():
    longyang = Agency("ly", "隆阳区人民政府", "county", ("http://a/",), province="云南省")
    longyang_bureau = Agency("ly-mzj", "民政局", "department", ("http://b/",), province="云南省", parent="ly")
    dazhu = Agency("dz", "大竹县民政局", "department", ("http://d/",), province="四川省")
    unplaced = Agency("xx", "某某局", "department", ("http://e/",))
    audited = [longyang, longyang_bureau, dazhu, unplaced]

    def bound(binds, issuer="保山市人民政府办公室"):
        r = rule("manual", {}, binds=binds, issuer=issuer, province=None)
        return {a.id for a in audited if rule_applies(r, a, audited)}

    # 保山市 itself is not in the audit: its notice binds its district and the district's bureau (named without a
    # place: its parent's place), not 大竹县's; an agency whose name and parents say nowhere stays bound, as before
    assert bound({"all": True}) == {"ly", "ly-mzj", "xx"}
    assert bound({"units": ["各县（市、区）"]}) == {"ly"}
    assert bound({"all": True}, issuer="国务院办公厅") == {"ly", "ly-mzj", "dz", "xx"}  # no place: everyone
    assert bound({"places": ["四川省达州市大竹县"]}, issuer="TODO") == {"dz", "xx"}
    assert bound({"provinces": ["四川省"]}) == {"dz"}  # a rule file that chose provinces decides itself


def test_a_place_that_names_no_division_is_an_error_in_the_rule_file(tmp_path):
    from checks.catalogue import RulesError, load_rule_file
    import pytest

    path = tmp_path / "n.yaml"
    path.write_text("notice: {id: n, title: T, issuer: I, issued: 2031-01-02, binds: {places: [大竹]}}\nrules: []\n",
                    encoding="utf-8")
    with pytest.raises(RulesError, match="行政区划"):
        load_rule_file(path)


def test_a_place_is_written_back_with_its_official_names_and_read_again_the_same():
    from core.places import full_name, place_of

    prefecture = place_of("凉山州人民政府办公室")  # the short form notices write
    assert full_name(prefecture) == "四川省凉山彝族自治州" and place_of(full_name(prefecture)).code == prefecture.code
    assert full_name(place_of("朝阳区", "北京市")) == "北京市朝阳区"


def test_a_municipalitys_bureaus_are_its_shi_zhengfu_ge_bumen():
    import datetime as dt
    from pathlib import Path

    from checks.catalogue import AuditedAgencies, Notice, Rule

    city = Agency("bj", "北京市人民政府", "province", ("http://a/",), province="北京市")
    bureau = Agency("bj-jw", "北京市教育委员会", "department", ("http://b/",), province="北京市", parent="bj")
    notice = Notice(id="n", title="T", issuer="北京市人民政府办公厅", doc_number=None, issued=dt.date(2031, 3, 2),
                    published=None, year=2031, province="北京市", source_file=None, binds={"units": ["市政府各部门"]},
                    path=Path("n.yaml"))
    rule = Rule("r", notice, "manual", "t", "q", {"reason": "r"}, notice.binds, 1.0)
    audited = AuditedAgencies([city, bureau])
    assert rule_applies(rule, bureau, audited) and not rule_applies(rule, city, audited)


def test_the_townships_of_a_county_are_its_ge_xiang_zhen():
    town = Agency("t", "某某县某某镇人民政府", "county", ("http://t/",), province="广西壮族自治区")
    county = Agency("c", "某某县人民政府", "county", ("http://c/",), province="广西壮族自治区")
    for unit in ("各乡(镇)人民政府", "各乡人民政府"):
        assert unit_matches(unit, town, "广西壮族自治区") and not unit_matches(unit, county, "广西壮族自治区")
