"""Time every canned query of the supervisors' Datasette on an audit database.

    python bench/queries.py findings.db [--grow-to 100000]

With --grow-to, works on a copy of the database grown by re-checking copies of its
latest run's pages as new runs until it holds that many pages (a long audit history).
"""

from __future__ import annotations

import argparse
import asyncio
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from datasette.app import Datasette  # noqa: E402

from checks import storage  # noqa: E402
from checks.rules import load_catalogue  # noqa: E402
from zwgk.audit import agencies_of_run, check  # noqa: E402
from zwgk.serve import metadata_for  # noqa: E402


def grow(path: Path, pages_wanted: int) -> None:
    db = storage.open_db(path)
    catalogue = load_catalogue()
    while db.conn.execute("SELECT count(*) FROM pages").fetchone()[0] < pages_wanted:
        source = storage.latest_run_id(db, with_pages=True)
        run_id = storage.start_run(db, targets="(copy)", rules_dir="", options=json_options(db, source))
        columns = [c.name for c in db["pages"].columns if c.name not in ("id", "run_id")]
        with db.conn:
            db.conn.execute(
                f"INSERT INTO pages (run_id, {', '.join(f'[{c}]' for c in columns)}) "
                f"SELECT ?, {', '.join(f'[{c}]' for c in columns)} FROM pages WHERE run_id = ?", (run_id, source))
            db.conn.execute("INSERT INTO links (run_id, from_url, to_url, anchor) "
                            "SELECT ?, from_url, to_url, anchor FROM links WHERE run_id = ?", (run_id, source))
            db.conn.execute("INSERT INTO fetch_errors (run_id, agency_id, url, kind, http_status, message, at) "
                            "SELECT ?, agency_id, url, kind, http_status, message, at FROM fetch_errors WHERE run_id = ?",
                            (run_id, source))
        check(db, run_id, agencies_of_run(db, run_id), catalogue)


def json_options(db, run_id):
    import json

    return json.loads(storage.get_run(db, run_id)["options"] or "{}")


async def time_queries(path: Path) -> list[tuple[str, float, int]]:
    metadata = metadata_for(path)
    ds = Datasette([], immutables=[str(path)], metadata=metadata)
    name = path.stem
    db = storage.open_db(path)
    agency = db.conn.execute("SELECT agency_id FROM findings WHERE status = 'fail' LIMIT 1").fetchone()[0]
    rule = db.conn.execute("SELECT rule_id FROM findings WHERE status = 'fail' LIMIT 1").fetchone()[0]
    params = {"agency_findings": f"agency={agency}", "rule_findings": f"rule={rule}", "search_pages": "q=解读"}
    results = []
    for query in metadata["databases"][name]["queries"]:
        url = f"/{name}/{query}.json?_shape=array&{params.get(query, '')}"
        await ds.client.get(url)  # warm the page cache once
        started = time.perf_counter()
        response = await ds.client.get(url)
        elapsed = time.perf_counter() - started
        results.append((query, elapsed, len(response.json()) if response.status_code == 200 else -response.status_code))
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db", type=Path)
    parser.add_argument("--grow-to", type=int, help="pages the copy should hold")
    args = parser.parse_args()
    path = args.db
    if args.grow_to:
        path = Path(tempfile.mkdtemp(prefix="zwgk-queries-")) / args.db.name
        shutil.copy(args.db, path)
        grow(path, args.grow_to)
    pages = storage.open_db(path).conn.execute("SELECT count(*) FROM pages").fetchone()[0]
    print(f"{path}: {pages} pages")
    for query, seconds, rows in asyncio.run(time_queries(path)):
        print(f"  {query:24} {seconds * 1000:8.1f} ms  {rows} rows")


if __name__ == "__main__":
    main()
