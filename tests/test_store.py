"""The store: one module owns the schema, migrates additively, and holds every named query."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from core import store
from core.store.schema import TABLES

ROOT = Path(__file__).resolve().parent.parent


def test_schema_is_created_once_and_reopening_changes_nothing(tmp_path):
    db = store.open_db(tmp_path / "a.db")
    first = sorted(db.conn.execute("SELECT type, name, sql FROM sqlite_master").fetchall(), key=str)
    again = store.open_db(tmp_path / "a.db")
    assert sorted(again.conn.execute("SELECT type, name, sql FROM sqlite_master").fetchall(), key=str) == first
    assert set(TABLES) <= set(again.table_names())


def test_an_old_database_gains_new_columns_without_losing_rows(tmp_path):
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE scores (run_id INTEGER, agency_id TEXT, percent FLOAT, PRIMARY KEY (run_id, agency_id))")
    conn.execute("INSERT INTO scores VALUES (1, 'x', 50.0)")
    conn.commit()
    conn.close()
    db = store.open_db(path)
    assert {"coverage", "pending", "notices"} <= {c.name for c in db["scores"].columns}
    assert store.rows(db, "scores") == [dict(store.rows(db, "scores")[0], run_id=1, agency_id="x", percent=50.0)]


def test_rows_reads_only_known_tables(tmp_path):
    db = store.open_db(tmp_path / "a.db")
    with pytest.raises(ValueError):
        store.rows(db, "sqlite_master")
    with pytest.raises(ValueError):
        store.count(db, "pages; DROP TABLE pages")


def test_replacing_findings_is_idempotent(tmp_path):
    db = store.open_db(tmp_path / "a.db")
    run_id = store.start_run(db, targets="t.yaml", rules_dir="rules", options={})
    finding = {"run_id": run_id, "agency_id": "x", "rule_id": "r", "status": "fail", "weight": 1.0}
    score = {"run_id": run_id, "agency_id": "x", "percent": 0.0}
    for _ in range(2):
        store.replace_findings(db, run_id, [finding], [score], notice_scores=[{**score, "notice": "n"}])
    assert len(store.rows(db, "findings", run_id=run_id)) == 1
    assert len(store.rows(db, "scores", run_id=run_id)) == 1
    assert len(store.rows(db, "notice_scores", run_id=run_id)) == 1


def test_no_sql_outside_the_store():
    """Every SQL statement the project runs is a named query of core/store (tests and benchmarks included)."""
    statement = __import__("re").compile(r"\b(SELECT|INSERT|UPDATE|DELETE|CREATE)\b\s+[\w*(\[]")
    offenders = []
    for path in ROOT.glob("**/*.py"):
        relative = path.relative_to(ROOT)
        if relative.parts[0] in (".venv", "core") or relative == Path("tests/test_store.py"):
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if statement.search(line) and "sql=" not in line and "# attack" not in line:
                offenders.append(f"{relative}:{number}: {line.strip()}")
    assert not offenders, "SQL outside core/store:\n" + "\n".join(offenders)
