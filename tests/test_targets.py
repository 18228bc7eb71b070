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
