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

from checks.catalogue import load_catalogue  # noqa: E402
from core import store  # noqa: E402
from datasette_zwgk import metadata_for  # noqa: E402
from zwgk.audit import agencies_of_run, check  # noqa: E402


def grow(path: Path, pages_wanted: int) -> None:
    db = store.open_db(path)
    catalogue = load_catalogue()
    while store.count(db, "pages") < pages_wanted:
        source = store.latest_run_id(db, with_pages=True)
        run_id = store.start_run(db, targets="(copy)", rules_dir="", options=json_options(db, source))
        store.copy_run_crawl(db, source, run_id)
        check(db, run_id, agencies_of_run(db, run_id), catalogue)


def json_options(db, run_id):
    import json

    return json.loads(store.get_run(db, run_id)["options"] or "{}")


async def time_queries(path: Path) -> list[tuple[str, float, int]]:
    metadata = metadata_for([path.stem])
    ds = Datasette([], immutables=[str(path)])
    name = path.stem
    db = store.open_db(path)
    failed = store.rows(db, "findings", status="fail")[0]
    agency, rule = failed["agency_id"], failed["rule_id"]
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
    pages = store.count(store.open_db(path), "pages")
    print(f"{path}: {pages} pages")
    for query, seconds, rows in asyncio.run(time_queries(path)):
        print(f"  {query:24} {seconds * 1000:8.1f} ms  {rows} rows")


if __name__ == "__main__":
    main()
