"""Crawl benchmark: the real audit crawl against a naive Scrapy spider on a generated farm.

    python bench/run.py [--agencies 200] [--pages 250]

Serves the farm with nginx on loopback (one loopback address per agency), then
runs, in this order: the naive spider (follows every link, stores nothing), the
audit crawl (spider + extractor + SQLite pipeline), and ``zwgk check`` on what
the audit stored.  Prints pages per second, peak RSS and the check time.
Needs nginx (``apt-get install nginx-light``).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

from farm import build_farm, host_of  # noqa: E402

PORT = 18080


def nginx_config(out: Path, farm: Path, agencies: int) -> Path:
    listens = "\n".join(f"    listen {host_of(i)}:{PORT};" for i in range(1, agencies + 1))
    conf = out / "nginx.conf"
    conf.write_text(f"""
worker_processes 1;
pid {out}/nginx.pid;
error_log {out}/nginx-error.log;
events {{ worker_connections 4096; }}
http {{
  access_log off;
  sendfile on;
  keepalive_requests 100000;
  default_type text/html;
  server {{
{listens}
    root {farm}/$host;
  }}
}}
""")
    return conf


def measure(command: list[str], env: dict | None = None, cwd=None) -> tuple[float, int, int]:
    """Run a command; wall seconds, exit code, and peak RSS (KiB) of it and the children it waited for."""
    started = time.monotonic()
    process = subprocess.Popen(command, env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.monotonic() - started
    if os.waitstatus_to_exitcode(status) != 0:
        print(process.stderr.read().decode()[-2000:], file=sys.stderr)
    return elapsed, os.waitstatus_to_exitcode(status), usage.ru_maxrss


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--agencies", type=int, default=200)
    parser.add_argument("--pages", type=int, default=250, help="pages per agency (rounded to the farm's shape)")
    parser.add_argument("--out", type=Path, default=HERE / "out")
    args = parser.parse_args()

    farm = HERE / "farm" / f"{args.agencies}x{args.pages}"
    if not farm.exists():
        t = time.monotonic()
        total = build_farm(farm, args.agencies, args.pages)
        print(f"farm: {total} pages generated in {time.monotonic() - t:.1f} s")
    args.out.mkdir(parents=True, exist_ok=True)
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    conf = nginx_config(args.out, farm, args.agencies)
    subprocess.run([nginx, "-c", str(conf)], check=True)
    try:
        homes = [f"http://{host_of(i)}:{PORT}/index.html" for i in range(1, args.agencies + 1)]
        (args.out / "starts.txt").write_text("\n".join(homes))
        targets = args.out / "targets.yaml"
        targets.write_text("agencies:\n" + "".join(
            f"  - {{id: a{i:03d}, name: 样例{i:03d}市人民政府, level: city, province: 河南省, urls: ['{u}']}}\n"
            for i, u in enumerate(homes, start=1)), encoding="utf-8")
        env = dict(os.environ, SCRAPY_SETTINGS_MODULE="crawler.settings", PYTHONPATH=str(ROOT))

        # 1. naive baseline: Scrapy's defaults, with the same total concurrency as the audit
        stats_file = args.out / "naive-stats.json"
        plain_env = {k: v for k, v in os.environ.items() if k != "SCRAPY_SETTINGS_MODULE"}
        naive_s, code, naive_rss = measure(
            [sys.executable, "-m", "scrapy", "runspider", str(HERE / "naive_spider.py"), "-a", f"start_file={args.out / 'starts.txt'}",
             "-a", f"stats_out={stats_file}", "-s", "LOG_LEVEL=WARNING", "-s", "CONCURRENT_REQUESTS=48"],
            plain_env, cwd=args.out,  # outside the project: Scrapy's defaults, not ours
        )
        naive_pages = json.loads(stats_file.read_text()).get("response_received_count", 0)

        # 2. the audit crawl (spider + extraction + SQLite), as `zwgk crawl` runs it
        from checks import storage
        from crawler.run import crawl_command
        from zwgk.audit import CrawlOptions, check, prepare_run

        db_path = args.out / "bench.db"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db_path}{suffix}").unlink(missing_ok=True)
        db, run_id, agencies, catalogue = prepare_run(str(db_path), str(targets), None, CrawlOptions())
        audit_s, code, audit_rss = measure(
            crawl_command(targets=str(targets), db=str(db_path), run_id=run_id, max_pages=args.pages + 10,
                          max_depth=8, resume=False, progress_interval=0),
            env,
        )
        audit_pages = db.conn.execute("SELECT count(*) FROM pages WHERE run_id = ?", (run_id,)).fetchone()[0]

        # 3. zwgk check on what was stored
        t = time.monotonic()
        check(db, run_id, agencies, catalogue)
        check_s = time.monotonic() - t
        findings = db.conn.execute("SELECT count(*) FROM findings WHERE run_id = ?", (run_id,)).fetchone()[0]
        size_mb = db_path.stat().st_size / 1e6
    finally:
        subprocess.run([nginx, "-c", str(conf), "-s", "stop"], check=False)

    naive_rate, audit_rate = naive_pages / naive_s, audit_pages / audit_s
    print(f"farm: {args.agencies} agencies × {args.pages} pages ({farm})")
    print(f"naive spider : {naive_pages:6d} pages in {naive_s:6.1f} s = {naive_rate:7.1f} pages/s, peak RSS {naive_rss / 1024:6.0f} MB")
    print(f"audit crawl  : {audit_pages:6d} pages in {audit_s:6.1f} s = {audit_rate:7.1f} pages/s, peak RSS {audit_rss / 1024:6.0f} MB"
          f"  ({audit_rate / naive_rate:.2f}× naive)")
    print(f"zwgk check   : {len(agencies)} agencies × {len(catalogue.rules)} rules = {findings} findings in {check_s:.2f} s")
    print(f"database     : {size_mb:.0f} MB")


if __name__ == "__main__":
    main()
