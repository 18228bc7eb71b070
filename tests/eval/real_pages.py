"""Accuracy of the extractor on the labelled real pages in ../shared/real-pages/, beside htmldate.

    python -m tests.eval.real_pages [--verbose]

Prints per-field accuracy for zwgk's extractor, the publication-date accuracy of
htmldate (``pip install -e ".[bench]"``) on the same pages, and 文号 normalisation
accuracy on docnumbers.csv.  tests/test_extract_real_pages.py asserts thresholds
from the same functions.
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

from core.text import normalise_doc_number
from crawler.extract import extract_page

REAL_PAGES = Path(__file__).resolve().parents[3] / "shared" / "real-pages"
FIELDS = ("title", "published", "written", "column", "doc_number", "page_type", "interpretation_links")


def load_labels() -> list[dict]:
    return json.loads((REAL_PAGES / "labels.json").read_text(encoding="utf-8"))


def page_url(label: dict) -> str:
    # Without the original URL, a neutral one: no date can come from it.
    return label["url"] or "http://www.example.gov.cn/page.html"


def field_accuracy(verbose: bool = False) -> dict[str, tuple[int, int]]:
    labels = load_labels()
    correct = {name: 0 for name in FIELDS}
    for label in labels:
        info = extract_page((REAL_PAGES / "pages" / label["file"]).read_bytes(), page_url(label))
        for name in FIELDS:
            got, want = getattr(info, name), label[name]
            if name == "interpretation_links":
                got, want = sorted(got), sorted(want)
            if got == want:
                correct[name] += 1
            elif verbose:
                print(f"  {name:22} {label['file']}: got {got!r}, want {want!r}")
    return {name: (correct[name], len(labels)) for name in FIELDS}


def htmldate_accuracy(verbose: bool = False) -> tuple[int, int] | None:
    try:
        from htmldate import find_date
    except ImportError:
        return None
    labels = load_labels()
    correct = 0
    for label in labels:
        html = (REAL_PAGES / "pages" / label["file"]).read_bytes().decode("utf-8", errors="replace")
        try:
            got = find_date(html, url=label["url"], original_date=True, extensive_search=True)
        except Exception:  # htmldate raises on some fragments; that counts as a miss
            got = None
        if got == label["published"]:
            correct += 1
        elif verbose:
            print(f"  htmldate {label['file']}: got {got!r}, want {label['published']!r}")
    return correct, len(labels)


def docnumber_accuracy(verbose: bool = False) -> tuple[int, int]:
    with open(REAL_PAGES / "docnumbers.csv", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    correct = 0
    for row in rows:
        got = normalise_doc_number(row["raw"]) or ""
        if got == row["normalised"]:
            correct += 1
        elif verbose:
            print(f"  文号 {row['raw']!r}: got {got!r}, want {row['normalised']!r}")
    return correct, len(rows)


def main() -> None:
    verbose = "--verbose" in sys.argv
    print(f"real pages: {REAL_PAGES}")
    for name, (ok, total) in field_accuracy(verbose).items():
        print(f"zwgk      {name:22} {ok:3d}/{total} = {ok / total:6.1%}")
    dates = htmldate_accuracy(verbose)
    if dates:
        print(f"htmldate  {'published':22} {dates[0]:3d}/{dates[1]} = {dates[0] / dates[1]:6.1%}")
    else:
        print("htmldate  not installed (pip install -e '.[bench]')")
    ok, total = docnumber_accuracy(verbose)
    print(f"zwgk      {'文号 (docnumbers.csv)':22} {ok:3d}/{total} = {ok / total:6.1%}")


if __name__ == "__main__":
    main()
