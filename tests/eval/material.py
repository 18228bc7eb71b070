"""Rebuild and check the development folders of outside notices (kept outside the repository).

    python -m tests.eval.material [--root /tmp/zwgk] [NAME ...]

The texts are other people's sentences, so the repository keeps only our labels (``tests/eval/NAME_labels.json``),
each naming the page's URL and the sha256 of the capture as it was labelled (first line the URL, then the ``pages``
excerpt verbatim; the oldest folders' captures end with one newline, the others with none: the hash tells).  A lost folder is rebuilt by searching the ``search`` tool's ``pages`` corpus for
each notice and saving its excerpt under the label's file name in ``ROOT/NAME-notices/``; this command then writes
``labels.json`` beside the texts, listing the notices whose capture is there (a page the corpus no longer returns is
left out, and said so), and reports, for every folder, which captures match their recorded hash, which
differ (and whether every labelled quote is still in the text) and which are missing.  Exit status 1 when a
capture is missing or a quote is not in its text.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

LABELS = Path(__file__).resolve().parent


def folders() -> dict[str, Path]:
    """Labels file of each development folder, by folder name (``more2`` → ``more2-notices``)."""
    return {path.name.removesuffix("_labels.json"): path for path in sorted(LABELS.glob("*_labels.json"))}


def check_folder(name: str, labels_file: Path, root: Path) -> tuple[int, int, list[str], list[str]]:
    """Write labels.json (the notices whose capture is there) into the folder; return (matching, differing, missing
    files, lost quotes)."""
    labels = json.loads(labels_file.read_text(encoding="utf-8"))
    folder = root / f"{name}-notices"
    folder.mkdir(parents=True, exist_ok=True)
    present = [label for label in labels if (folder / label["file"]).exists()]
    (folder / "labels.json").write_text(json.dumps(present, ensure_ascii=False, indent=1), encoding="utf-8")
    matching = differing = 0
    missing: list[str] = []
    lost: list[str] = []
    for label in labels:
        text_file = folder / label["file"]
        if not text_file.exists():
            missing.append(label["file"])
            continue
        text = text_file.read_text(encoding="utf-8")
        if hashlib.sha256(text.encode("utf-8")).hexdigest() == label.get("sha256"):
            matching += 1
            continue
        differing += 1
        lost += [f"{label['file']}: {o['quote'][:30]}" for o in label["obligations"] if o["quote"] not in text]
    return matching, differing, missing, lost


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", default="/tmp/zwgk", help="where the NAME-notices folders live")
    parser.add_argument("names", nargs="*", help="folders to check (default: all with a labels file)")
    args = parser.parse_args(argv)
    known = folders()
    unknown = [name for name in args.names if name not in known]
    if unknown:
        print(f"没有这些标注文件：{', '.join(unknown)}（可选：{', '.join(known)}）", file=sys.stderr)
        return 2
    bad = False
    for name in args.names or known:
        matching, differing, missing, lost = check_folder(name, known[name], Path(args.root))
        total = matching + differing + len(missing)
        print(f"{name}: {matching}/{total} match their hash, {differing} differ, {len(missing)} missing"
              + (" (left out of labels.json)" if missing else ""))
        for line in [f"  missing {m}" for m in missing] + [f"  quote not in text: {q}" for q in lost]:
            print(line)
        bad = bad or bool(missing or lost)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
