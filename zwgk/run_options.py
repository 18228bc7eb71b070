"""A run's options, kept in ``audit_runs.options`` so that ``--resume`` continues the run as it was started.

The command printed on Ctrl-C repeats them, and ``--resume`` reuses every stored option the
command line does not give again (a crawl started with ``--delay 2 --per-agency 1`` against a
fragile portal must not resume at full speed).
"""

from __future__ import annotations

import json
import shlex

from core import store

# option name (as the CLI function receives it) → command-line flag
CRAWL_FLAGS = {
    "max_pages": "--max-pages", "max_depth": "--max-depth", "concurrency": "--concurrency",
    "per_agency": "--per-agency", "delay": "--delay", "processes": "--processes",
}
AUDIT_FLAGS = {
    "rules_dir": "--rules", "evaluation_points": "--evaluation-points", "as_of": "--as-of",
    "overrides": "--overrides",
}
FLAGS = {**CRAWL_FLAGS, **AUDIT_FLAGS}


def stored_options(db, run_id: int) -> dict:
    run = store.get_run(db, run_id)
    return json.loads(run["options"] or "{}") if run else {}


def remember(db, run_id: int, values: dict) -> dict:
    """Store the options a run uses (None values are not stored) beside what it already holds
    (``agency_ids``); returns the stored options."""
    options = stored_options(db, run_id)
    options.update({name: _plain(value) for name, value in values.items() if name in FLAGS and value is not None})
    store.update_run(db, run_id, options=json.dumps(options, ensure_ascii=False, sort_keys=True))
    return options


def reuse_on_resume(db, run_id: int, values: dict, given: set[str]) -> dict:
    """``values`` with every option not given on the command line taken from the run's stored options."""
    stored = stored_options(db, run_id)
    return {name: (stored[name] if name in stored and name in FLAGS and name not in given else value)
            for name, value in values.items()}


def resume_command(command: str, targets: str, db: str, run_id: int, options: dict) -> str:
    """The command that resumes a run with the options it was started with."""
    words = ["zwgk", command, "--targets", str(targets), "--db", str(db), "--resume", str(run_id)]
    for name, flag in FLAGS.items():
        if options.get(name) is not None:
            words += [flag, str(options[name])]
    return " ".join(shlex.quote(w) for w in words)


def _plain(value):
    """JSON-friendly: dates as YYYY-MM-DD, paths as strings."""
    if hasattr(value, "isoformat"):
        return value.isoformat()[:10]
    if isinstance(value, (int, float, str, bool)):
        return value
    return str(value)
