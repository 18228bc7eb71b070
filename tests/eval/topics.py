"""Labelled measurement of obligation verdicts on portals built from real page-title lists.

    python -m tests.eval.topics [--half dev|test|fresh|fresh2] [--keep DIR] [--verbose] [--disagreements]

``--half dev`` builds, audits and prints only the development half (what tuning may look at);
``--half test`` only the held-out half; ``--half fresh`` only the fresh split (lists built and labelled
after the tool was frozen, see ``topic_portals/PROVENANCE.md``); ``--half fresh2`` only the second fresh
split (built and labelled later, by someone who had not read the other splits' labels); without it, all
of them.  Tune with ``--half dev --verbose``; read the test, fresh and fresh2 splits' aggregate figures
once, at the end.
Disagreements (``--disagreements``, ``--verbose``) are listed for the dev half only, whatever ``--half``
says: never for test, fresh or fresh2.

For every agency in ``tests/eval/topic_portals/labels.yaml`` this builds its sample
portal (``topic_portals/build.py``) in a temporary directory, serves it on
127.0.0.1, runs the real CLI (``zwgk audit --targets … --db … --as-of DATE``, one
audit per as-of date), reads the findings and compares them with the hand labels.

It prints, per split (``dev``, ``test``, ``fresh``, ``fresh2``) and overall:
- the confusion table: hand label (pass / fail / manual / pending) × tool status;
- false-fail rate: labelled pass, manual or pending, and the tool said fail;
- false-pass rate: labelled fail or manual, and the tool said pass;
- recall of pass and of fail;
- how many verdicts the tool left undecided (manual, error) or called pending.

Labels were written before any run of the tool and are never changed to match it
(see ``topic_portals/PROVENANCE.md``).
"""

from __future__ import annotations

import argparse
import csv
import functools
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from collections import Counter, defaultdict
from contextlib import ExitStack
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import yaml

from tests.eval.topic_portals.build import HERE as PORTALS_HERE
from tests.eval.topic_portals.build import build_portal

LABELS_FILE = PORTALS_HERE / "labels.yaml"
TARGETS_FILE = PORTALS_HERE / "targets.yaml"
LABELS = ("pass", "fail", "manual", "pending")
TOOL_STATUSES = (
    "pass",
    "fail",
    "manual",
    "pending",
    "error",
    "not_applicable",
    "absent",
)
SPLITS = ("dev", "test", "fresh", "fresh2")
# Splits whose disagreements may be listed: only the one tuning looks at.
READABLE_SPLITS = ("dev",)


@dataclass(frozen=True)
class Verdict:
    split: str
    agency_id: str
    rule_id: str
    label: str
    status: str  # what the tool said; "absent" when it wrote no finding for the rule


# -- labels ------------------------------------------------------------------------------


def load_labels(path: Path = LABELS_FILE) -> dict[str, dict]:
    """{agency id: {"split", "as_of", "labels": {rule id: label}}} with the labels checked."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    agencies = data.get("agencies") or {}
    result = {}
    for agency_id, entry in agencies.items():
        split = entry.get("split")
        if split not in SPLITS:
            raise ValueError(
                f"{path}: {agency_id}: split must be one of {SPLITS}, got {split!r}"
            )
        as_of = str(entry.get("as_of") or "")
        if len(as_of) != 10:
            raise ValueError(f"{path}: {agency_id}: as_of must be YYYY-MM-DD")
        labels = {}
        for rule_id, label in (entry.get("labels") or {}).items():
            value = label.get("label") if isinstance(label, dict) else label
            if value not in LABELS:
                raise ValueError(
                    f"{path}: {agency_id}: {rule_id}: label must be one of {LABELS}, got {value!r}"
                )
            labels[rule_id] = value
        result[agency_id] = {"split": split, "as_of": as_of, "labels": labels}
    return result


# -- serving -----------------------------------------------------------------------------


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # the crawler reports what it fetched
        pass

    def guess_type(self, path):
        ctype = super().guess_type(path)
        return "text/html; charset=utf-8" if ctype == "text/html" else ctype


def serve_directory(directory: Path, stack: ExitStack) -> int:
    """Serve ``directory`` on a free 127.0.0.1 port until ``stack`` closes; return the port."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    stack.callback(server.server_close)
    stack.callback(server.shutdown)
    return server.server_address[1]


# -- running the tool --------------------------------------------------------------------


REPO_ROOT = Path(__file__).resolve().parents[2]


def _env() -> dict[str, str]:
    # The CLI runs this checkout's code even where the editable install lags behind a package move.
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(
        filter(None, [str(REPO_ROOT), env.get("PYTHONPATH")])
    )
    return env


def zwgk_command() -> list[str]:
    script = Path(sys.executable).parent / "zwgk"
    if script.exists():
        return [str(script)]
    found = shutil.which("zwgk")
    if not found:
        raise RuntimeError("找不到 zwgk 命令：请先 pip install -e .")
    return [found]


def supports_as_of() -> bool:
    help_text = subprocess.run(
        [*zwgk_command(), "audit", "--help"],
        check=False,
        capture_output=True,
        text=True,
        env=_env(),
    ).stdout
    return "--as-of" in help_text


def write_targets(agencies: list[dict], ports: dict[str, int], path: Path) -> None:
    """The measurement's targets file with each agency's URL pointing at its served portal."""
    entries = []
    for entry in agencies:
        entry = dict(entry)
        entry["urls"] = [f"http://127.0.0.1:{ports[entry['id']]}/index.html"]
        entries.append(entry)
    path.write_text(
        yaml.safe_dump({"agencies": entries}, allow_unicode=True, sort_keys=False),
        encoding="utf-8",
    )


def run_audit(
    targets: Path, db: Path, as_of: str | None, max_pages: int, verbose: bool
) -> None:
    command = [
        *zwgk_command(),
        "audit",
        "--targets",
        str(targets),
        "--db",
        str(db),
        "--max-pages",
        str(max_pages),
    ]
    if as_of:
        command += ["--as-of", as_of]
    result = subprocess.run(
        command, check=False, capture_output=not verbose, text=True, env=_env()
    )
    if result.returncode != 0:
        raise RuntimeError(
            f"zwgk audit failed ({result.returncode}):\n{result.stderr or ''}"
        )


def read_findings(db: Path) -> dict[tuple[str, str], str]:
    """{(agency id, rule id): status} of the latest run, through the store's named query."""
    from core import store

    database = store.open_db(db)
    run_id = store.latest_run_id(database)
    if hasattr(store, "findings_of_run"):
        # not_applicable rows too: a labelled rule the tool thinks does not apply is a disagreement, not "absent"
        rows = store.findings_of_run(database, run_id, include_not_applicable=True)
        return {(row["agency_id"], row["rule_id"]): row["status"] for row in rows}
    return _findings_from_export(db, run_id)


def _findings_from_export(db: Path, run_id: int) -> dict[tuple[str, str], str]:
    # Until the store names a findings query, read what `zwgk export findings --all` writes.
    from core.model import STATUS_LABELS

    status_of_name = {name: status for status, name in STATUS_LABELS.items()}
    status_of_name.setdefault("不适用", "not_applicable")
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "findings.csv"
        command = [
            *zwgk_command(),
            "export",
            "findings",
            "--db",
            str(db),
            "--run",
            str(run_id),
        ]
        subprocess.run(
            [*command, "--format", "csv", "-o", str(out), "--all"],
            check=True,
            capture_output=True,
            env=_env(),
        )
        with out.open(encoding="utf-8-sig", newline="") as handle:
            return {
                (r["单位编号"], r["规则"]): status_of_name.get(r["结论"], r["结论"])
                for r in csv.DictReader(handle)
            }


# -- label coverage ----------------------------------------------------------------------


def coverage_problems(labels: dict[str, dict], targets: list[dict]) -> list[str]:
    """Rules that apply to an agency but carry no label, and labels of rules that no longer apply.

    The catalogue changes under the labels (rules split, re-scoped, made manual); the
    measurement must say so rather than quietly score a different set of rules.
    """
    from checks.catalogue import AuditedAgencies, load_catalogue, rule_applies
    from core.model import Agency

    catalogue = load_catalogue()
    problems = []
    audited = [Agency(id=entry["id"], name=entry["name"], level=entry["level"], urls=tuple(entry.get("urls") or ()),
                      province=entry.get("province"), parent=entry.get("parent"),
                      aliases=tuple(entry.get("aliases") or ())) for entry in targets]
    index = AuditedAgencies(audited)
    for agency in audited:
        applicable = {rule.id for rule in catalogue.rules if rule_applies(rule, agency, index)}
        labelled = set(labels[agency.id]["labels"])
        for rule_id in sorted(applicable - labelled):
            problems.append(f"{agency.id}: 规则 {rule_id} 适用但没有标注")
        for rule_id in sorted(labelled - applicable):
            problems.append(f"{agency.id}: 规则 {rule_id} 已标注但不再适用")
    return problems


# -- measuring ---------------------------------------------------------------------------


def measure(
    keep: Path | None = None,
    verbose: bool = False,
    root: Path = PORTALS_HERE,
    half: str | None = None,
) -> list[Verdict]:
    """Build, serve and audit every labelled agency under ``root``; one verdict per labelled rule.

    ``half`` ("dev", "test", "fresh" or "fresh2") keeps only that split's agencies: the other splits are
    neither built nor audited, so nothing of them (titles, disagreements) can reach the screen.
    """
    labels = load_labels(root / LABELS_FILE.name)
    if half is not None:
        if half not in SPLITS:
            raise ValueError(f"half must be one of {SPLITS}, got {half!r}")
        labels = {agency: entry for agency, entry in labels.items() if entry["split"] == half}
    if not labels:
        return []
    targets_file = root / TARGETS_FILE.name
    targets = yaml.safe_load(targets_file.read_text(encoding="utf-8"))["agencies"]
    targets = [entry for entry in targets if entry["id"] in labels]
    missing = set(labels) - {entry["id"] for entry in targets}
    if missing:
        raise ValueError(
            f"{targets_file}: labelled agencies missing from the targets: {sorted(missing)}"
        )
    for problem in coverage_problems(labels, targets):
        print(f"注意：{problem}")
    work = keep or Path(tempfile.mkdtemp(prefix="zwgk-topics-"))
    as_of_supported = supports_as_of()
    if not as_of_supported:
        print(
            "注意：zwgk audit 还没有 --as-of 选项，本次按今天的日期核查（未到期的要求会被判为未通过）。"
        )

    statuses: dict[tuple[str, str], str] = {}
    try:
        with ExitStack() as stack:
            ports, article_counts = {}, {}
            for entry in targets:
                pages = build_portal(
                    root / f"{entry['id']}.csv",
                    work / "portals" / entry["id"],
                    entry["name"],
                )
                article_counts[entry["id"]] = len(pages)
                ports[entry["id"]] = serve_directory(
                    work / "portals" / entry["id"], stack
                )
            by_as_of: dict[str, list[dict]] = defaultdict(list)
            for entry in targets:
                by_as_of[
                    labels[entry["id"]]["as_of"] if as_of_supported else "today"
                ].append(entry)
            for number, (as_of, group) in enumerate(sorted(by_as_of.items()), start=1):
                targets_path, db_path = (
                    work / f"targets-{number}.yaml",
                    work / f"findings-{number}.db",
                )
                write_targets(group, ports, targets_path)
                max_pages = (
                    max(article_counts[e["id"]] for e in group) * 2 + 100
                )  # articles + list pages
                run_audit(
                    targets_path,
                    db_path,
                    as_of if as_of_supported else None,
                    max_pages,
                    verbose,
                )
                statuses.update(read_findings(db_path))
    finally:
        if keep is None:
            shutil.rmtree(work, ignore_errors=True)

    return [
        Verdict(
            entry["split"],
            agency_id,
            rule_id,
            label,
            statuses.get((agency_id, rule_id), "absent"),
        )
        for agency_id, entry in labels.items()
        for rule_id, label in entry["labels"].items()
    ]


def rate(numerator: int, denominator: int) -> str:
    return (
        f"{numerator / denominator:6.1%} ({numerator}/{denominator})"
        if denominator
        else "     — (0/0)"
    )


def summary(verdicts: list[Verdict]) -> dict:
    """The figures of one set of verdicts (the floors a test would assert come from here)."""
    table = Counter((v.label, v.status) for v in verdicts)
    labelled = Counter(v.label for v in verdicts)
    should_not_fail = [v for v in verdicts if v.label in ("pass", "manual", "pending")]
    should_not_pass = [v for v in verdicts if v.label in ("fail", "manual")]
    return {
        "count": len(verdicts),
        "table": table,
        "false_fail": (
            sum(v.status == "fail" for v in should_not_fail),
            len(should_not_fail),
        ),
        "false_pass": (
            sum(v.status == "pass" for v in should_not_pass),
            len(should_not_pass),
        ),
        "pass_recall": (table[("pass", "pass")], labelled["pass"]),
        "fail_recall": (table[("fail", "fail")], labelled["fail"]),
        "tool_counts": Counter(v.status for v in verdicts),
    }


def print_summary(name: str, verdicts: list[Verdict]) -> None:
    figures = summary(verdicts)
    agencies = sorted({v.agency_id for v in verdicts})
    print(
        f"\n== {name}: {len(agencies)} 个单位（{', '.join(agencies) or '无'}），{figures['count']} 条已标注规则"
    )
    if not verdicts:
        return
    statuses = [s for s in TOOL_STATUSES if any(v.status == s for v in verdicts)]
    print("人工标注 \\ 工具结论  " + "".join(f"{s:>9}" for s in statuses))
    for label in LABELS:
        print(
            f"{label:<20}"
            + "".join(f"{figures['table'][(label, s)]:>9}" for s in statuses)
        )
    print(
        f"误判未通过率 false fail（应 pass/manual/pending，判 fail）：{rate(*figures['false_fail'])}"
    )
    print(
        f"误判通过率 false pass（应 fail/manual，判 pass）：      {rate(*figures['false_pass'])}"
    )
    print(f"通过召回率 recall of pass：{rate(*figures['pass_recall'])}")
    print(f"未通过召回率 recall of fail：{rate(*figures['fail_recall'])}")
    counts = figures["tool_counts"]
    print(
        f"工具结论：需人工 {counts['manual']}，无法核查 {counts['error']}，未到期 {counts['pending']}，"
        f"缺少结论 {counts['absent']}"
    )
    print("按规则类型（误判未通过 / 应非未通过；标注 pass 的判 pass / manual / fail）：" + "；".join(
        f"{kind} {ff}/{n} ({p_pass}/{p_manual}/{p_fail})" for kind, (ff, n, p_pass, p_manual, p_fail)
        in sorted(by_kind(verdicts).items())))


def by_kind(verdicts: list[Verdict]) -> dict[str, tuple[int, int, int, int, int]]:
    """Per rule kind, aggregate only (no rule ids, so the held-out splits stay unread): false fails,
    rules that should not fail, and what became of the rules labelled pass (pass, manual, fail)."""
    from checks.catalogue import load_catalogue

    kinds = {rule.id: rule.kind for rule in load_catalogue().rules}
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0, 0])
    for v in verdicts:
        row = counts[kinds.get(v.rule_id, "?")]
        if v.label in ("pass", "manual", "pending"):
            row[1] += 1
            row[0] += v.status == "fail"
        if v.label == "pass":
            row[2 + ("pass", "manual", "fail").index(v.status)] += v.status in ("pass", "manual", "fail")
    return {kind: tuple(row) for kind, row in counts.items()}


def readable_disagreements(verdicts: list[Verdict]) -> list[Verdict]:
    """The disagreements that may be shown: the development half's only, so that the held-out splits
    (test, fresh, fresh2) stay unread whatever the command line asks."""
    return [v for v in verdicts if v.split in READABLE_SPLITS and v.label != v.status]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--keep",
        type=Path,
        help="keep the built portals and databases in this directory",
    )
    parser.add_argument(
        "--half",
        choices=SPLITS,
        help="measure only this split (dev while tuning; test, fresh and fresh2 once, at the end, without --verbose)",
    )
    parser.add_argument(
        "--verbose",
        action="store_true",
        help="show the audit's output and every disagreement of the dev half",
    )
    parser.add_argument(
        "--disagreements",
        action="store_true",
        help="list the dev half's disagreements (never those of test, fresh or fresh2)",
    )
    args = parser.parse_args(argv)
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
    verdicts = measure(args.keep, args.verbose, half=args.half)
    if not verdicts:
        print("labels.yaml 中还没有已标注的单位。")
        return 1
    for split in (args.half,) if args.half else SPLITS:
        print_summary(f"{split} 集", [v for v in verdicts if v.split == split])
    if not args.half:
        print_summary("全部", verdicts)
    if args.verbose or args.disagreements:
        print("\n不一致的结论（仅 dev 集）：")
        for v in readable_disagreements(verdicts):
            print(f"  [{v.split}] {v.agency_id} {v.rule_id}: 标注 {v.label}，工具 {v.status}")
    return 0


if __name__ == "__main__":
    os.environ.setdefault("PYTHONUNBUFFERED", "1")
    raise SystemExit(main())
