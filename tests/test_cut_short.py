"""The audit summary and Datasette say which agencies' crawls were cut short, and why (issue 13)."""

from __future__ import annotations

import asyncio

import pytest
from conftest import free_port_base, zwgk
from datasette.app import Datasette
from hostile_portals import HostilePortals

from core import store

CASES = ["clean", "blocked-after-home"]
HEADING = "未抓取完整的单位"


@pytest.fixture(scope="module")
def audited(tmp_path_factory):
    """Run 1 with the default caps (the clean site whole, the other blocked after its home page);
    run 2 with a page cap of 3, which cuts the clean site short too."""
    tmp = tmp_path_factory.mktemp("cut-short")
    base = free_port_base(HostilePortals.ports_needed(CASES))
    db = tmp / "audit.db"
    with HostilePortals(base, CASES) as portals:
        targets = tmp / "targets.yaml"
        targets.write_text(portals.targets_yaml(), encoding="utf-8")
        first = zwgk("audit", "--targets", str(targets), "--db", str(db))
        second = zwgk("audit", "--targets", str(targets), "--db", str(db), "--max-pages", "3")
    return db, first, second


def cut_short_block(output: str) -> list[str]:
    """The summary's lines under the cut-short heading."""
    lines = output.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(HEADING))
    block = []
    for line in lines[start + 1:]:
        if not line.startswith("  "):
            break
        block.append(line.strip())
    return block


def test_the_summary_names_the_agencies_cut_short_and_why(audited):
    _, first, second = audited
    block = cut_short_block(first.stdout)
    assert len(block) == 1 and block[0].startswith("blocked-after-home（") and "被拦截" in block[0]
    assert f"{HEADING}（1 个" in first.stdout
    both = cut_short_block(second.stdout)
    assert [line.split("（")[0] for line in both] == ["blocked-after-home", "clean"]
    assert "页数上限" in both[1]


def test_check_prints_the_block_and_a_complete_run_prints_none(audited, tmp_path):
    db, _, _ = audited
    again = zwgk("check", "--db", str(db), "--run", "1")
    assert cut_short_block(again.stdout) == cut_short_block(audited[1].stdout)
    database = store.open_readonly(db)
    complete = [r for r in store.rows(database, "crawl_coverage", run_id=1) if r["complete"]]
    assert [r["agency_id"] for r in complete] == ["clean"]


def test_datasette_lists_them_with_the_reason_and_the_findings_it_affects(audited):
    db, _, _ = audited
    datasette = Datasette([str(db)])

    def query(path):
        response = asyncio.run(datasette.client.get(path))
        assert response.status_code == 200, response.text
        return response.json()

    home = asyncio.run(datasette.client.get("/")).text
    assert "/audit/cut_short" in home and HEADING in home
    latest = query("/audit/cut_short.json?_shape=array")
    assert {r["单位编号"] for r in latest} == {"clean", "blocked-after-home"} and {r["运行"] for r in latest} == {2}
    first = {r["单位编号"]: r for r in query("/audit/cut_short.json?run=1&_shape=array")}
    assert list(first) == ["blocked-after-home"]
    row = first["blocked-after-home"]
    assert row["被拦截"] > 0 and "被拦截" in row["未抓取完整的原因"] and row["抓取已结束"] == "是"
    findings = store.rows(store.open_readonly(db), "findings", run_id=1, agency_id="blocked-after-home")
    affected = sum(1 for f in findings if f["reason"] == "incomplete_crawl")
    assert row["因此无法核查的规则"] == affected
    assert not any(f["status"] == "fail" and f["rule_id"] != "builtin-site-security" for f in findings)
