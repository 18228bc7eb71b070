"""Crawl benchmark: the audit crawl against a naive Scrapy spider on a farm modelled on real portals.

    python bench/run.py [--agencies 200] [--pages 250] [--processes N]

Serves the farm (``farm.py``: TRS / Hanweb / 开普云-style pages of 25–150 KB with 100+ links,
agencies over the five notices' provinces and levels) with nginx on loopback, one address per
agency, then measures, in this order: the naive spider (follows every link, stores nothing) at
one process and at one process per core, the audit crawl (spider + extractor + SQLite, exactly
as ``zwgk crawl`` runs it) at one process and at one process per core, and ``zwgk check`` on
what the audit stored.  Prints pages/s, the ratios, peak RSS of each process tree and the check
time.  Needs nginx: installed with ``apt-get install -y nginx-light`` when missing and run as root.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

from farm import build_farm, host_of, targets_yaml

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


PEAK_BY_PROCESS: dict[int, tuple[str, int]] = {}  # pid -> (short command, peak RSS KiB) of the last measure()


def tree_rss_kib(root: int) -> int:
    """Resident memory of a process and all its descendants, from /proc; each one's peak goes to PEAK_BY_PROCESS."""
    parents: dict[int, int] = {}
    names: dict[int, str] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/status") as f:
                fields = dict(line.split(":", 1) for line in f if ":" in line)
            parents[int(entry)] = int(fields["PPid"])
            rss[int(entry)] = int(fields.get("VmRSS", "0 kB").split()[0])
            names[int(entry)] = fields.get("Name", "").strip()
        except (OSError, KeyError, ValueError):
            continue
    family, grew = {root}, True
    while grew:
        grew = False
        for pid, ppid in parents.items():
            if ppid in family and pid not in family:
                family.add(pid)
                grew = True
    for pid in family:
        previous = PEAK_BY_PROCESS.get(pid, ("", 0))[1]
        PEAK_BY_PROCESS[pid] = (names.get(pid, "?"), max(previous, rss.get(pid, 0)))
    return sum(rss.get(pid, 0) for pid in family)


def peaks_by_process() -> str:
    """'parent 61, 118, 121 MB': each process's own peak RSS in the last measure(), in start order."""
    return ", ".join(f"{peak / 1024:.0f}" for _, (_, peak) in sorted(PEAK_BY_PROCESS.items())) + " MB"


CPU_SECONDS: list[float] = []  # CPU time (user + system) of each measured command, in order


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def measure(commands: list[list[str]], env: dict | None = None, cwd=None) -> tuple[float, int, int]:
    """Run commands side by side; wall seconds, the first non-zero exit code, and the peak of the
    summed RSS (KiB) of their process trees.  Their CPU seconds (every descendant, nginx excluded)
    are appended to CPU_SECONDS: on a shared machine pages per CPU-second is the steadier figure."""
    cpu_before = _children_cpu()
    PEAK_BY_PROCESS.clear()
    started = time.monotonic()
    processes = [subprocess.Popen(c, env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
                 for c in commands]
    peak = 0
    while any(p.poll() is None for p in processes):
        peak = max(peak, sum(tree_rss_kib(p.pid) for p in processes))
        time.sleep(0.25)
    elapsed = time.monotonic() - started
    CPU_SECONDS.append(_children_cpu() - cpu_before)
    for p in processes:
        if p.returncode != 0:
            print(p.stderr.read().decode()[-2000:], file=sys.stderr)
    return elapsed, next((p.returncode for p in processes if p.returncode), 0), peak


def run_naive(out: Path, homes: list[str], processes: int) -> tuple[float, int, int]:
    """The naive spider on every agency, in ``processes`` processes, each on every N-th agency
    with its share of the total concurrency of 48 (as ``zwgk crawl --processes`` shares it)."""
    plain_env = {k: v for k, v in os.environ.items() if k != "SCRAPY_SETTINGS_MODULE"}
    commands, stats_files = [], []
    for shard in range(processes):
        starts, stats_file = out / f"naive-starts-{shard}.txt", out / f"naive-stats-{shard}.json"
        starts.write_text("\n".join(homes[shard::processes]))
        stats_file.unlink(missing_ok=True)
        stats_files.append(stats_file)
        commands.append([
            sys.executable, "-m", "scrapy", "runspider", str(HERE / "naive_spider.py"), "-a", f"start_file={starts}",
            "-a", f"stats_out={stats_file}", "-s", "LOG_LEVEL=WARNING", "-s", f"CONCURRENT_REQUESTS={max(4, -(-48 // processes))}",
        ])
    # Run from outside the checkout: Scrapy looks for scrapy.cfg upwards from the working directory,
    # and the naive spider must run on Scrapy's defaults, not the project's settings.
    with tempfile.TemporaryDirectory(prefix="zwgk-naive-") as elsewhere:
        seconds, _, rss = measure(commands, plain_env, cwd=elsewhere)
    pages = sum(json.loads(f.read_text()).get("response_received_count", 0) for f in stats_files if f.exists())
    return seconds, pages, rss


def run_audit(out: Path, targets: Path, pages: int, processes: int, env: dict) -> tuple[float, int, int, Path]:
    """``zwgk crawl`` on a fresh database; seconds, pages stored, peak RSS of the whole tree, database."""
    from core import store

    db_path = out / f"bench-{processes}p.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db_path}{suffix}").unlink(missing_ok=True)
    command = [sys.executable, "-m", "zwgk.cli", "crawl", "--targets", str(targets), "--db", str(db_path),
               "--max-pages", str(pages + 20), "--max-depth", "8", "--concurrency", "48", "--processes", str(processes)]
    seconds, code, rss = measure([command], env)
    if code:
        sys.exit(f"zwgk crawl failed ({code})")
    db = store.open_db(db_path)
    stored = store.run_counts(db, store.latest_run_id(db))[0]
    db.conn.close()
    return seconds, stored, rss, db_path


def run_reaudit(db_path: Path, targets: Path, pages: int, processes: int, env: dict) -> tuple[float, int, int, int]:
    """A second ``zwgk crawl`` on the same database, nothing changed on the farm: conditional requests
    (nginx answers 304) and reuse of the stored pages.  Seconds, pages, unchanged pages, bytes saved."""
    from core import store

    command = [sys.executable, "-m", "zwgk.cli", "crawl", "--targets", str(targets), "--db", str(db_path),
               "--max-pages", str(pages + 20), "--max-depth", "8", "--concurrency", "48", "--processes", str(processes)]
    seconds, code, _ = measure([command], env)
    if code:
        sys.exit(f"zwgk crawl (re-audit) failed ({code})")
    db = store.open_db(db_path)
    run = store.get_run(db, store.latest_run_id(db))
    db.conn.close()
    return seconds, run["pages"] or 0, run["unchanged_pages"] or 0, run["bytes_saved"] or 0


def ensure_nginx() -> str:
    nginx = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)
    if nginx:
        return nginx
    if os.geteuid() == 0 and shutil.which("apt-get"):
        print("nginx missing: apt-get install -y nginx-light", file=sys.stderr)
        subprocess.run(["apt-get", "install", "-y", "nginx-light"], check=True, stdout=subprocess.DEVNULL)
        return "/usr/sbin/nginx"
    sys.exit("the benchmark serves its farm with nginx: sudo apt-get install -y nginx-light")


def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    memory = int(Path("/proc/meminfo").read_text().split()[1]) // 1024 // 1024
    return f"{os.cpu_count()} cores ({cpu}), {memory} GB, Python {platform.python_version()}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--agencies", type=int, default=200)
    parser.add_argument("--pages", type=int, default=250, help="pages per agency (lists, articles, attachments)")
    parser.add_argument("--out", type=Path, default=HERE / "out")
    parser.add_argument("--processes", type=int, default=os.cpu_count() or 1, help="processes of the 'per core' runs")
    parser.add_argument("--skip-naive", action="store_true", help="measure only the audit crawl and the check")
    parser.add_argument("--skip-single", action="store_true", help="skip the one-process runs")
    args = parser.parse_args()
    args.out = args.out.resolve()  # nginx reads its configuration and farm by absolute path

    farm = HERE / "farm" / f"v2-{args.agencies}x{args.pages}"
    if not farm.exists():
        t = time.monotonic()
        total = build_farm(farm, args.agencies, args.pages)
        print(f"farm: {total} pages generated in {time.monotonic() - t:.1f} s", file=sys.stderr)
    args.out.mkdir(parents=True, exist_ok=True)
    nginx = ensure_nginx()
    conf = nginx_config(args.out, farm, args.agencies)
    subprocess.run([nginx, "-c", str(conf)], check=True)
    widths = sorted({1, args.processes}) if not args.skip_single else [args.processes]
    naive, audit = {}, {}
    try:
        homes = [f"http://{host_of(i)}:{PORT}/index.html" for i in range(1, args.agencies + 1)]
        targets = args.out / "targets.yaml"
        targets.write_text(targets_yaml(args.agencies, PORT), encoding="utf-8")
        env = dict(os.environ, SCRAPY_SETTINGS_MODULE="crawler.settings", PYTHONPATH=str(ROOT))
        for width in widths:
            if not args.skip_naive:
                naive[width] = (*run_naive(args.out, homes, width), CPU_SECONDS[-1])
            audit[width] = (*run_audit(args.out, targets, args.pages, width, env), CPU_SECONDS[-1], peaks_by_process())
        reaudit = run_reaudit(audit[widths[-1]][3], targets, args.pages, widths[-1], env)
    finally:
        subprocess.run([nginx, "-c", str(conf), "-s", "stop"], check=False)

    # zwgk check on what the widest audit stored, timed as the command times it
    from checks.catalogue import load_catalogue
    from core import store
    from zwgk.audit import agencies_of_run, check

    db_path = audit[widths[-1]][3]
    db = store.open_db(db_path)
    run_id = store.latest_run_id(db) - 1  # the full crawl, not the re-audit
    agencies, catalogue = agencies_of_run(db, run_id), load_catalogue()
    t = time.monotonic()
    counts = check(db, run_id, agencies, catalogue)
    check_s = time.monotonic() - t
    applicable = sum(n for status, n in counts.items() if status != "not_applicable")

    pages_in_farm = sum(1 for p in farm.rglob("*") if p.is_file())
    print(f"date: {time.strftime('%Y-%m-%d')}, machine: {machine()}")
    print(f"farm: {args.agencies} agencies × ~{args.pages} pages = {pages_in_farm} files ({farm.name})")
    for width in widths:
        label = "1 process " if width == 1 else f"{width} processes"
        a_s, a_pages, a_rss, _, a_cpu, a_peaks = audit[width]
        a_rate = a_pages / a_s
        line = ""
        if width in naive:
            n_s, n_pages, n_rss, n_cpu = naive[width]
            n_rate = n_pages / n_s
            print(f"naive spider, {label}: {n_pages:6d} pages in {n_s:6.1f} s = {n_rate:6.1f} pages/s "
                  f"({n_pages / n_cpu:6.1f} pages/CPU-s), peak RSS {n_rss / 1024:5.0f} MB")
            line = f"  = {a_rate / n_rate:.2f}× naive wall, {a_pages / a_cpu / (n_pages / n_cpu):.2f}× per CPU-s"
        print(f"audit crawl,  {label}: {a_pages:6d} pages in {a_s:6.1f} s = {a_rate:6.1f} pages/s "
              f"({a_pages / a_cpu:6.1f} pages/CPU-s), peak RSS {a_rss / 1024:5.0f} MB{line}")
        print(f"    peak RSS of each process (parent first): {a_peaks}")
    r_s, r_pages, r_unchanged, r_saved = reaudit
    print(f"re-audit, {widths[-1]} processes, farm unchanged: {r_pages:6d} pages in {r_s:6.1f} s = {r_pages / r_s:6.1f} pages/s "
          f"({r_pages / CPU_SECONDS[-1]:6.1f} pages/CPU-s); {r_unchanged} unchanged (304), {r_saved / 1e6:.0f} MB not downloaded")
    if 1 in audit and len(widths) > 1:
        print(f"audit {widths[-1]} processes / 1 process: {audit[widths[-1]][1] / audit[widths[-1]][0] / (audit[1][1] / audit[1][0]):.2f}×")
    if 1 in naive and widths[-1] in naive and widths[-1] in audit and len(widths) > 1:
        n1 = naive[1][1] / naive[1][0]
        print(f"audit {widths[-1]} processes / naive 1 process: {audit[widths[-1]][1] / audit[widths[-1]][0] / n1:.2f}×")
    print(f"zwgk check: {len(agencies)} agencies × {len(catalogue.rules)} rules = {sum(counts.values())} findings "
          f"({applicable} applicable: {json.dumps(counts, ensure_ascii=False, sort_keys=True)}) in {check_s:.2f} s")
    load = os.getloadavg()[0]
    print(f"load average at the end: {load:.1f} on {os.cpu_count()} cores (other work on the machine slows wall-clock figures)")
    print(f"database: {db_path.stat().st_size / 1e6:.0f} MB")


if __name__ == "__main__":
    main()
