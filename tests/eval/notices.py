"""How well `zwgk rules draft` reads the labelled real notices in ../shared/real-pages/notices/.

    python -m tests.eval.notices [--verbose]

Metadata fields are compared exactly; an obligation counts as found when a drafted
obligation overlaps its quote and agrees on kind, working_days, anchor and by_date.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from checks.draft import clean_text, draft, read_notice

REAL_PAGES = Path(__file__).resolve().parents[3] / "shared" / "real-pages"
METADATA = ("title", "issuer", "doc_number", "issued", "published")


def _overlaps(a: str, b: str) -> bool:
    a, b = clean_text(a), clean_text(b)
    core = b[: min(len(b), 14)]
    return core in a or a[: min(len(a), 14)] in b


def evaluate(verbose: bool = False) -> dict[str, tuple[int, int]]:
    labels = json.loads((REAL_PAGES / "notices.json").read_text(encoding="utf-8"))
    score = {field: [0, 0] for field in (*METADATA, "obligations", "obligation_fields")}
    for label in labels:
        result = draft(read_notice(REAL_PAGES / "notices" / label["file"]))
        for field in METADATA:
            score[field][1] += 1
            got = getattr(result, field)
            if got == label[field]:
                score[field][0] += 1
            elif verbose:
                print(f"  {field:10} {label['file']}: got {got!r}, want {label[field]!r}")
        for obligation in label["obligations"]:
            score["obligations"][1] += 1
            match = next((o for o in result.obligations if _overlaps(o["quote"], obligation["quote"])), None)
            if match:
                score["obligations"][0] += 1
                score["obligation_fields"][1] += 1
                same = (match["kind"] == obligation["kind"] and match.get("working_days") == obligation["working_days"]
                        and match.get("by_date") == obligation["by_date"])
                score["obligation_fields"][0] += same
                if verbose and not same:
                    print(f"  fields     {label['file']}: {match['kind']} {match.get('working_days')} {match.get('by_date')}"
                          f" vs {obligation['kind']} {obligation['working_days']} {obligation['by_date']}: {obligation['quote'][:40]}")
            elif verbose:
                print(f"  missed     {label['file']}: {obligation['kind']}: {obligation['quote'][:50]}")
    return {k: (v[0], v[1]) for k, v in score.items()}


def main() -> None:
    for field, (ok, total) in evaluate("--verbose" in sys.argv).items():
        print(f"{field:18} {ok:3d}/{total} = {ok / max(total, 1):6.1%}")


if __name__ == "__main__":
    main()
