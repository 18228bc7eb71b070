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


def tree_rss_kib(root: int) -> int:
    """Resident memory of a process and all its descendants, from /proc."""
    parents: dict[int, int] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/status") as f:
                fields = dict(line.split(":", 1) for line in f if ":" in line)
            parents[int(entry)] = int(fields["PPid"])
            rss[int(entry)] = int(fields.get("VmRSS", "0 kB").split()[0])
        except (OSError, KeyError, ValueError):
            continue
    family, grew = {root}, True
    while grew:
        grew = False
        for pid, ppid in parents.items():
            if ppid in family and pid not in family:
                family.add(pid)
                grew = True
    return sum(rss.get(pid, 0) for pid in family)


def measure(command: list[str], env: dict | None = None, cwd=None) -> tuple[float, int, int]:
    """Run a command; wall seconds, exit code, and peak RSS (KiB) of its whole process tree."""
    started = time.monotonic()
    process = subprocess.Popen(command, env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = 0
    while process.poll() is None:
        peak = max(peak, tree_rss_kib(process.pid))
        time.sleep(0.25)
    elapsed = time.monotonic() - started
    if process.returncode != 0:
        print(process.stderr.read().decode()[-2000:], file=sys.stderr)
    return elapsed, process.returncode, peak


def run_naive(out: Path) -> tuple[float, int, int]:
    stats_file = out / "naive-stats.json"
    plain_env = {k: v for k, v in os.environ.items() if k != "SCRAPY_SETTINGS_MODULE"}
    seconds, _, rss = measure(
        [sys.executable, "-m", "scrapy", "runspider", str(HERE / "naive_spider.py"), "-a", f"start_file={out / 'starts.txt'}",
         "-a", f"stats_out={stats_file}", "-s", "LOG_LEVEL=WARNING", "-s", "CONCURRENT_REQUESTS=48"],
        plain_env, cwd=out,  # outside the project: Scrapy's defaults, not ours
    )
    return seconds, json.loads(stats_file.read_text()).get("response_received_count", 0), rss


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--agencies", type=int, default=200)
    parser.add_argument("--pages", type=int, default=250, help="pages per agency (rounded to the farm's shape)")
    parser.add_argument("--out", type=Path, default=HERE / "out")
    parser.add_argument("--skip-naive", action="store_true", help="measure only the audit crawl")
    parser.add_argument("--processes", type=int, help="crawl processes (default: zwgk's default, one per core)")
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
        naive_s, naive_pages, naive_rss = (1.0, 0, 0) if args.skip_naive else run_naive(args.out)

        # 2. the audit crawl (spider + extraction + SQLite), exactly as `zwgk crawl` runs it
        from checks.catalogue import load_catalogue
        from core import store
        from zwgk.audit import agencies_of_run, check

        db_path = args.out / "bench.db"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db_path}{suffix}").unlink(missing_ok=True)
        command = [sys.executable, "-m", "zwgk.cli", "crawl", "--targets", str(targets), "--db", str(db_path),
                   "--max-pages", str(args.pages + 10), "--max-depth", "8", "--concurrency", "48"]
        if args.processes:
            command += ["--processes", str(args.processes)]
        audit_s, code, audit_rss = measure(command, env)
        db = store.open_db(db_path)
        run_id = store.latest_run_id(db)
        agencies, catalogue = agencies_of_run(db, run_id), load_catalogue()
        audit_pages = store.run_counts(db, run_id)[0]

        # 3. zwgk check on what was stored
        t = time.monotonic()
        check(db, run_id, agencies, catalogue)
        check_s = time.monotonic() - t
        findings = len(store.rows(db, "findings", run_id=run_id))
        size_mb = db_path.stat().st_size / 1e6
    finally:
        subprocess.run([nginx, "-c", str(conf), "-s", "stop"], check=False)

    naive_rate, audit_rate = max(naive_pages / naive_s, 1e-9), audit_pages / audit_s
    print(f"farm: {args.agencies} agencies × {args.pages} pages ({farm})")
    if naive_pages:
        print(f"naive spider : {naive_pages:6d} pages in {naive_s:6.1f} s = {naive_rate:7.1f} pages/s, peak RSS {naive_rss / 1024:6.0f} MB")
    ratio = f"  ({audit_rate / naive_rate:.2f}× naive)" if naive_pages else ""
    print(f"audit crawl  : {audit_pages:6d} pages in {audit_s:6.1f} s = {audit_rate:7.1f} pages/s, "
          f"peak RSS {audit_rss / 1024:6.0f} MB (all processes){ratio}")
    print(f"zwgk check   : {len(agencies)} agencies × {len(catalogue.rules)} rules = {findings} findings in {check_s:.2f} s")
    print(f"database     : {size_mb:.0f} MB")


if __name__ == "__main__":
    main()
