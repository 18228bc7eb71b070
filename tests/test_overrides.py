"""Appeals and overrides (申诉复核): the file is validated line by line, applied by audit and check,
shown beside the machine's verdict, ignored once expired, and scores follow the reviewed verdict."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import free_port_base, zwgk

from checks.overrides import (
    Override,
    OverridesError,
    apply_overrides,
    lint_overrides,
    load_overrides,
)
from core import store
from zwgk.sample_portals import SamplePortals, sample_targets_yaml

GOOD = """overrides:
  - agency: kaifeng
    rule: henan-2017-plan
    status: pass
    reason: 单位提交了期限内发布的记录，抓取时该页已迁移
    reviewer: 张三
    date: 2017-07-03
"""


def write(tmp_path, text, name="overrides.yaml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("text, words", [
    (GOOD.replace("status: pass", "status: passed"), ["overrides[1]", "'status'", "passed", "not_applicable"]),
    (GOOD.replace("date: 2017-07-03", "date: 2017-13-03"), ["overrides[1]", "'date'", "2017-13-03"]),
    (GOOD + "    expires: 2017-07-01\n", ["overrides[1]", "'expires'"]),
    (GOOD.replace("    reviewer: 张三\n", ""), ["overrides[1]", "'reviewer'"]),
    (GOOD.replace("reason:", "reasn:"), ["overrides[1]", "reasn"]),
    (GOOD + GOOD.split("overrides:\n")[1], ["overrides[2]", "重复"]),
    ("overrides: [\n", ["YAML"]),
    ("- agency: x\n", ["overrides"]),
])
def test_bad_overrides_name_file_entry_and_field(tmp_path, text, words):
    path = write(tmp_path, text)
    with pytest.raises(OverridesError) as info:
        load_overrides(path)
    message = str(info.value)
    assert str(path) in message and "\n" not in message
    for word in words:
        assert word in message


def test_lint_knows_agencies_and_rules_and_lists_every_problem(tmp_path):
    text = GOOD + GOOD.split("overrides:\n")[1].replace("kaifeng", "kaifen").replace("henan-2017-plan", "henan-2017-pla")
    path = write(tmp_path, text)
    problems = lint_overrides(path, agency_ids={"kaifeng"}, rule_ids={"henan-2017-plan"})
    assert len(problems) == 2
    assert "'agency'" in problems[0] and "kaifen" in problems[0] and "overrides[2]" in problems[0]
    assert "'rule'" in problems[1] and "henan-2017-pla" in problems[1]
    assert lint_overrides(write(tmp_path, GOOD, "good.yaml"), agency_ids={"kaifeng"}, rule_ids={"henan-2017-plan"}) == []


def test_lint_command(tmp_path, sample_portals):
    bad = write(tmp_path, GOOD.replace("kaifeng", "nowhere").replace("status: pass", "status: ok"))
    result = zwgk("overrides", "lint", str(bad), "--targets", str(sample_portals), check=False)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "'status'" in result.stdout
    good = write(tmp_path, GOOD, "good.yaml")
    assert zwgk("overrides", "lint", str(good), "--targets", str(sample_portals)).returncode == 0
    unknown_agency = write(tmp_path, GOOD.replace("kaifeng", "nowhere"), "u.yaml")
    result = zwgk("overrides", "lint", str(unknown_agency), "--targets", str(sample_portals), check=False)
    assert result.returncode == 1 and "nowhere" in result.stdout and "'agency'" in result.stdout


def test_expiry_day_still_applies_and_the_day_after_does_not():
    override = Override("a", "r", "pass", "理由", "张三", dt.date(2017, 7, 1), dt.date(2017, 12, 31), "f")
    for as_of, applied in ((dt.date(2017, 12, 31), True), (dt.date(2018, 1, 1), False)):
        findings = [{"agency_id": "a", "rule_id": "r", "status": "fail"}]
        result = apply_overrides(findings, [override], as_of)
        assert (findings[0]["status"], len(result.applied), len(result.expired)) == (
            ("pass", 1, 0) if applied else ("fail", 0, 1))
        assert findings[0].get("machine_status") == ("fail" if applied else None)


@pytest.fixture(scope="module")
def audited(tmp_path_factory):
    """The sample portals audited with an overrides file: one override in force, one expired, and
    one naming no agency of the run."""
    tmp = tmp_path_factory.mktemp("overrides")
    overrides = write(tmp, GOOD + """  - agency: yuxi
    rule: yunnan-2017-column
    status: pass
    reason: 专栏在子站，复核已确认
    reviewer: 李四
    date: 2018-03-01
    expires: 2019-12-31
  - agency: somewhere-else
    rule: henan-2017-plan
    status: fail
    reason: 另一批单位的复核
    reviewer: 王五
    date: 2018-03-01
""")
    base = free_port_base()
    targets = write(tmp, sample_targets_yaml(base), "targets.yaml")
    db = tmp / "audit.db"
    with SamplePortals(base):
        result = zwgk("audit", "--targets", str(targets), "--db", str(db), "--overrides", str(overrides))
    return db, overrides, result


def finding(db, agency, rule, run_id=1):
    return store.rows(store.open_readonly(db), "findings", run_id=run_id, agency_id=agency, rule_id=rule)[0]


def test_audit_applies_overrides_in_force_beside_the_machines_verdict(audited):
    db, _, result = audited
    plan = finding(db, "kaifeng", "henan-2017-plan")
    assert (plan["status"], plan["machine_status"]) == ("pass", "fail")  # one working day late, reviewed
    assert plan["override_reviewer"] == "张三" and plan["override_date"] == "2017-07-03"
    assert "迁移" in plan["override_reason"] and plan["override_expires"] is None
    assert "逾期1个工作日" in plan["detail"]  # the machine's reasoning stays readable
    column = finding(db, "yuxi", "yunnan-2017-column")  # expired before today's as-of date: not applied
    assert column["status"] == "fail" and column["machine_status"] is None and column["override_reason"] is None
    assert "已应用 1 条" in result.stderr and "已过期" in result.stderr and "somewhere-else" in result.stderr
    others = [f for f in store.rows(store.open_readonly(db), "findings", run_id=1) if f["machine_status"]]
    assert [(f["agency_id"], f["rule_id"]) for f in others] == [("kaifeng", "henan-2017-plan")]


def test_scores_follow_the_reviewed_verdict(audited):
    db, overrides, _ = audited
    database = store.open_readonly(db)
    reviewed = {s["agency_id"]: s for s in store.rows(database, "scores", run_id=1)}
    findings = store.rows(database, "findings", run_id=1, agency_id="kaifeng")
    assert reviewed["kaifeng"]["points_earned"] == sum(f["weight"] for f in findings if f["status"] == "pass")
    # the same crawl checked without the overrides: kaifeng loses the plan's weight
    zwgk("check", "--db", str(db), "--run", "1")
    machine = {s["agency_id"]: s for s in store.rows(store.open_readonly(db), "scores", run_id=1)}
    assert finding(db, "kaifeng", "henan-2017-plan")["status"] == "fail"
    assert reviewed["kaifeng"]["points_earned"] - machine["kaifeng"]["points_earned"] == 2
    assert reviewed["kaifeng"]["passed"] == machine["kaifeng"]["passed"] + 1
    assert reviewed["yuxi"]["points_earned"] == machine["yuxi"]["points_earned"]
    # judged at a day before its expiry, yuxi's override applies
    zwgk("check", "--db", str(db), "--run", "1", "--as-of", "2019-12-31", "--overrides", str(overrides))
    column = finding(db, "yuxi", "yunnan-2017-column")
    assert (column["status"], column["machine_status"], column["override_expires"]) == ("pass", "fail", "2019-12-31")


def test_check_with_a_bad_overrides_file_is_one_line(audited, tmp_path):
    db, _, _ = audited
    bad = write(tmp_path, GOOD.replace("status: pass", "status: 通过"))
    result = zwgk("check", "--db", str(db), "--overrides", str(bad), check=False)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and "'status'" in result.stderr
