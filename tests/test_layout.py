"""The tree is the pipeline: rules → crawler → checks → Datasette over a bottom layer, core/, with no back-edges."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("core", "rules", "crawler", "checks", "datasette_zwgk", "zwgk")
# What each package may import from the project (besides itself).
ALLOWED = {
    "core": set(),
    "rules": {"core"},
    "crawler": {"core"},
    "checks": {"core", "rules"},
    "datasette_zwgk": {"core"},
    "zwgk": {"core", "rules", "crawler", "checks", "datasette_zwgk"},
}


def project_imports(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module.split(".")[0])
    return found & set(PACKAGES)


def test_no_package_imports_one_above_it():
    problems = []
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            for imported in project_imports(path) - ALLOWED[package] - {package}:
                problems.append(f"{path.relative_to(ROOT)} imports {imported}")
    assert not problems, "\n".join(problems)


def test_one_registry_of_rule_kinds_and_one_date_parser():
    from checks.kinds import KINDS

    for name, module in KINDS.items():
        assert module.__doc__ and "pass" in module.__doc__, f"{name}: say what pass and fail mean for it"
        assert isinstance(module.PARAMS, dict) and isinstance(module.WEB_CHECKABLE, bool), name
    definitions = [
        f"{path.relative_to(ROOT)}" for package in PACKAGES for path in (ROOT / package).rglob("*.py")
        if "def parse_date(" in path.read_text(encoding="utf-8")
    ]
    assert definitions == ["core/text/dates.py"]
