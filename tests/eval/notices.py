"""How well `zwgk rules draft` reads the labelled real notices in ../shared/real-pages/notices/.

    python -m tests.eval.notices [--verbose] [--half dev|test] [--extra DIR] [--rules-only | --scorer MODEL.json]

The 60 labelled notices are split by issuer family into a development half (tuned on) and a
test half (only measured), see ``tests/eval/notice_split.yaml``.  For each half and for both
together it prints:

- obligations: recall (a labelled obligation is found when a drafted rule's quote overlaps its
  quote), typed recall (…and the drafted rule has the labelled kind) and precision (drafted
  rules that overlap some labelled obligation, over all drafted rules);
- deadlines: labelled obligations with a working-day lag or a fixed date whose overlapping
  drafted rule states the same ``working_days`` and ``by_date``;
- metadata: 文号, issued, published, title, issuer compared exactly (``None`` must be ``None``).

``--extra DIR`` also measures a folder of further development notices kept outside the repository
(other people's sentences): one ``.txt`` per notice whose first line is the page's URL, and
``DIR/labels.json`` in the schema of ``notices.json`` (see tests/eval/README.md).  Its figures are
printed as an ``extra`` column; they are development material, never a test.

The drafter is measured as it ships: hand-written rules and the learned scorer (``rules/drafting/obligation_model.json``,
``rules/drafting/train.py``).  ``--rules-only`` measures the rules alone; ``--scorer MODEL.json`` another model file.

The drafted rules are the drafter's obligations, one per rule of the YAML file a reviewer gets; a drafted
rule that overlaps a restatement quoted in a label's note is not counted against precision.
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from rules.draft import SHIPPED_MODEL, draft, read_notice
from rules.drafting.compare import quotes_overlap

REAL_PAGES = Path(__file__).resolve().parents[3] / "shared" / "real-pages"
SPLIT_FILE = Path(__file__).resolve().parent / "notice_split.yaml"
LABEL_FILES = ("notices.json", "notices_more.json")
METADATA = ("doc_number", "issued", "published", "title", "issuer")
HALVES = ("dev", "test")

def overlaps(a: str, b: str) -> bool:
    """Two quotes state the same thing (the drafter's own comparison: rules/drafting/compare.py)."""
    return quotes_overlap(a, b)


def load_labels() -> dict[str, dict]:
    labels = {}
    for name in LABEL_FILES:
        for label in json.loads((REAL_PAGES / name).read_text(encoding="utf-8")):
            labels[label["file"]] = label
    return labels


def load_split() -> dict[str, str]:
    return {name: entry["half"] for name, entry in yaml.safe_load(SPLIT_FILE.read_text(encoding="utf-8"))["notices"].items()}


def notice_text(path: Path) -> str:
    """The notice as captured; an extra notice's first line is its URL (provenance, not page text)."""
    text = read_notice(path)
    first, _, rest = text.partition("\n")
    return rest if re.fullmatch(r"\s*(https?://\S+|None)\s*", first) else text


MODEL = SHIPPED_MODEL  # the learned scorer the drafter uses: --rules-only sets None, --scorer another file


def drafted_rules(path: Path):
    """The drafter's notice metadata and its drafted obligations (one per rule of the YAML file)."""
    notice = draft(notice_text(path), model=MODEL)
    rules = [{"kind": o["kind"], "quote": o["quote"], "working_days": o.get("working_days"),
              "by_date": None if o.get("by_date") is None else str(o["by_date"])} for o in notice.obligations]
    return notice, rules


def restatements(obligation: dict) -> list[str]:
    """Quotes of the same obligation restated elsewhere, given in its note ("…"): matching one is no error."""
    return [q for q in re.findall(r'"([^"]{8,})"', obligation.get("note") or "") if re.search(r"[\u4e00-\u9fff]", q)]


@dataclass
class Tally:
    counts: dict = field(default_factory=lambda: {k: [0, 0] for k in (
        "recall", "typed_recall", "precision", "deadlines", *METADATA)})

    def add(self, key: str, ok: bool) -> None:
        self.counts[key][0] += bool(ok)
        self.counts[key][1] += 1

    def merge(self, other: "Tally") -> None:
        for key, (ok, total) in other.counts.items():
            self.counts[key][0] += ok
            self.counts[key][1] += total

    def ratio(self, key: str) -> float:
        ok, total = self.counts[key]
        return ok / total if total else 1.0


def _has_deadline(obligation: dict) -> bool:
    return obligation.get("working_days") is not None or obligation.get("by_date") is not None


def score_obligations(labelled: list[dict], rules: list[dict], tally: Tally, name: str, verbose: bool = False) -> None:
    """Recall, typed recall, deadlines and precision of ``rules`` (each with kind, quote, working_days, by_date)
    against the labelled obligations of one notice, added to ``tally``."""
    used = set()
    for obligation in labelled:
        matches = [i for i, r in enumerate(rules) if overlaps(r["quote"], obligation["quote"])]
        typed = [i for i in matches if rules[i]["kind"] == obligation["kind"]]
        tally.add("recall", bool(matches))
        tally.add("typed_recall", bool(typed))
        used.update(matches)
        used.update(i for i, r in enumerate(rules) for q in restatements(obligation) if overlaps(r["quote"], q))
        if _has_deadline(obligation):
            same = any(rules[i]["working_days"] == obligation["working_days"] and rules[i]["by_date"] == obligation["by_date"]
                       for i in matches)
            tally.add("deadlines", same)
            if verbose and not same:
                got = [(rules[i]["working_days"], rules[i]["by_date"]) for i in matches]
                print(f"  deadline   {name}: got {got}, want {obligation['working_days']} {obligation['by_date']}:"
                      f" {obligation['quote'][:40]}")
        if verbose and not matches:
            print(f"  missed     {name}: {obligation['kind']}: {obligation['quote'][:60]}")
        elif verbose and not typed:
            print(f"  kind       {name}: got {[rules[i]['kind'] for i in matches]}, want {obligation['kind']}:"
                  f" {obligation['quote'][:50]}")
    for index, rule in enumerate(rules):
        tally.add("precision", index in used)
        if verbose and index not in used:
            print(f"  extra      {name}: {rule['kind']}: {rule['quote'][:60]}")



def score_notice(label: dict, verbose: bool = False, folder: Path | None = None) -> Tally:
    tally = Tally()
    notice, rules = drafted_rules((folder or REAL_PAGES / "notices") / label["file"])
    name = label["file"][:28]
    for key in METADATA:
        got = getattr(notice, key)
        got = None if got is None else str(got)
        tally.add(key, got == label[key])
        if verbose and got != label[key]:
            print(f"  {key:10} {name}: got {got!r}, want {label[key]!r}")
    score_obligations(label["obligations"], rules, tally, name, verbose)
    return tally


def evaluate(verbose: bool = False, halves=HALVES) -> dict[str, Tally]:
    """Tallies per half and for both together ("all")."""
    labels, split = load_labels(), load_split()
    result = {half: Tally() for half in (*halves, "all")}
    for name in sorted(split):
        if split[name] not in halves:
            continue
        if verbose:
            print(f"{split[name]}: {name}")
        tally = score_notice(labels[name], verbose)
        result[split[name]].merge(tally)
        result["all"].merge(tally)
    return result


def evaluate_extra(folder: Path, verbose: bool = False) -> Tally:
    """Tally over a folder of further development notices with its own labels.json."""
    folder = Path(folder)
    labels_file = folder / "labels.json"
    if not labels_file.is_file():
        raise SystemExit(f"{labels_file}: 没有标注文件（labels.json）")
    tally = Tally()
    for label in sorted(json.loads(labels_file.read_text(encoding="utf-8")), key=lambda l: l["file"]):
        if verbose:
            print(f"extra: {label['file']}")
        tally.merge(score_notice(label, verbose, folder))
    return tally


ROWS = (("recall", "obligations recall"), ("typed_recall", "  … with the labelled kind"),
        ("precision", "obligations precision"), ("deadlines", "deadlines (working_days/by_date)"),
        ("doc_number", "文号"), ("issued", "issued"), ("published", "published"), ("title", "title"),
        ("issuer", "issuer"))


def report(result: dict[str, Tally]) -> str:
    columns = list(result)
    lines = [f"{'':34}" + "".join(f"{c:>20}" for c in columns)]
    for key, caption in ROWS:
        cells = []
        for column in columns:
            ok, total = result[column].counts[key]
            cells.append(f"{ok:>4}/{total:<4} {result[column].ratio(key):6.1%}")
        lines.append(f"{caption:34}" + "".join(f"{c:>20}" for c in cells))
    return "\n".join(lines)


def main(argv: list[str]) -> None:
    if "--help" in argv or "-h" in argv:
        print(__doc__)  # and measure nothing: the test half is measured only on purpose
        return
    unknown = [arg for arg in argv if arg.startswith("-") and arg not in ("--half", "--verbose", "--extra", "--rules-only", "--scorer")]
    if unknown:
        raise SystemExit(f"未知的选项: {' '.join(unknown)}\n" + __doc__.split("\n\n")[1])
    halves = HALVES
    if "--half" in argv:
        halves = (argv[argv.index("--half") + 1],)
    verbose = "--verbose" in argv
    global MODEL
    if "--rules-only" in argv:
        MODEL = None
    elif "--scorer" in argv:
        from rules.drafting.scorer import load_model

        MODEL = load_model(argv[argv.index("--scorer") + 1])
    result = evaluate(verbose, halves)
    if "--extra" in argv:
        result["extra"] = evaluate_extra(Path(argv[argv.index("--extra") + 1]), verbose)
    print(report(result))


if __name__ == "__main__":
    main(sys.argv[1:])
