"""How far two careful readers agree on the dev half's obligations: a second reader's labels of the 24 development
notices (``second_reader_dev_labels.json``, made blind — without the first labels, the drafter or its code — by the
rules of ``../shared/real-pages/README.md``) scored against ``notices.json``/``notices_more.json`` exactly as the
drafter is scored (tests/eval/notices.py): the second reader's obligations stand where the drafted rules stand.
The file keeps no text of the notices: each obligation is a character span of its notice, read here.

    python -m tests.eval.agreement [--verbose]

In the verbose listing "missed" is an obligation only the first reader listed, "extra" one only the second did.

It measures the labels, not the drafter: what recall and precision a careful human reaches on the same texts.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from tests.eval.notices import REAL_PAGES, ROWS, Tally, load_labels, score_obligations

SECOND_READER = Path(__file__).resolve().parent / "second_reader_dev_labels.json"


def agreement(verbose: bool = False) -> Tally:
    first = load_labels()
    tally = Tally()
    for second in json.loads(SECOND_READER.read_text(encoding="utf-8")):
        text = (REAL_PAGES / "notices" / second["file"]).read_text(encoding="utf-8")
        reference = first[second["file"]]
        found = [{**obligation, "quote": text[slice(*obligation["span"])]} for obligation in second["obligations"]]
        score_obligations(reference["obligations"], found, tally, second["file"][:28], verbose)
        for key in ("issued", "published"):
            tally.add(key, second.get(key) == reference.get(key))
    return tally


if __name__ == "__main__":
    tally = agreement("--verbose" in sys.argv)
    for key, caption in ROWS:
        ok, total = tally.counts[key]
        if total:
            print(f"{caption:34}{ok:>5}/{total:<5}{tally.ratio(key):7.1%}")
