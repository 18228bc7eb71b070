"""How the drafter holds up when the same notices come in the other shapes captures and portals give them.

    python -m tests.eval.layouts --extra DIR [--extra DIR ...] [--layout NAME[,NAME...]]

Each layout is a mechanical rewrite of a notice's text (its first line, the page URL, is kept): hard-wrapped at a
page's width, run together on one line (with spaces, or with nothing between the lines), tables flattened one cell per line or separated by tabs, headings without
their opening bracket, markdown marks, a signature dated in figures.  The labels are unchanged — quotes are compared
without whitespace and punctuation (``tests.eval.notices.overlaps``) — so the figures need no new labelling and cannot
be tuned to anyone's reading of a notice.  Only development folders are rewritten (``--extra``, as in
``tests.eval.notices``); the test half is never read.  A rewrite that would split a labelled quote (a table flattened
when a quote spans its cells) leaves that notice out of the layout's figures and of the "as written" column beside it.
"""

from __future__ import annotations

import json
import re
import sys
import tempfile
from pathlib import Path

from tests.eval.notices import ROWS, Tally, score_notice

_CN_DIGITS = "〇一二三四五六七八九"


def _wrapped(text: str, width: float = 28) -> str:
    """Every line longer than the width cut at it (digits and ASCII count half, as on a printed page)."""
    out = []
    for line in text.splitlines():
        if "|" in line:
            out.append(line)
            continue
        piece, printed = "", 0.0
        for char in line:
            step = 0.5 if ord(char) < 128 else 1.0
            if printed + step > width:
                out.append(piece)
                piece, printed = "", 0.0
            piece, printed = piece + char, printed + step
        out.append(piece)
    return "\n".join(out) + "\n"


def _one_line(text: str) -> str:
    """A search service's excerpt: the lines joined with a space."""
    return " ".join(line.strip() for line in text.splitlines() if line.strip()) + "\n"


def _run_together(text: str) -> str:
    """A document-sharing site's text layer: the lines joined with nothing between them."""
    return "".join(line.strip() for line in text.splitlines() if line.strip()) + "\n"


def _table_cells(text: str, separator: str | None) -> str:
    """Each "|" row's cells one per line (``separator`` None) or joined by ``separator`` on the row's line."""
    out = []
    for line in text.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if line.count("|") >= 3 and len(cells) >= 3:
            cells = [cell for cell in cells if cell]
            if separator is None:
                out.extend(cells)
            else:
                out.append(separator.join(cells))
        else:
            out.append(line)
    return "\n".join(out) + "\n"


def _brackets_lost(text: str) -> str:
    """"（一）推进…" → "一）推进…": the opening bracket of a second-level heading lost."""
    return re.sub(r"(?m)^(\s*)[（(]([一二三四五六七八九十]{1,3})[)）]", r"\1\2）", text)


def _markdown(text: str) -> str:
    """A markdown conversion: "## 一、…", "**（一）…**", "● 1.…"."""
    text = re.sub(r"(?m)^(\s*)([一二三四五六七八九十]{1,3}、)", r"\1## \2", text)
    text = re.sub(r"(?m)^(\s*)([（(][一二三四五六七八九十]{1,3}[)）][^\n。]{0,30}?)(?=$|。)", r"\1**\2**", text)
    return re.sub(r"(?m)^(\s*)(\d{1,2}[.．、])", r"\1● \2", text)


def _signature_in_figures(text: str) -> str:
    """A signature's date line "2031年3月20日" written "2031.3.20"."""
    return re.sub(r"(?m)^(\s*)((?:19|20)\d{2})年(\d{1,2})月(\d{1,2})日(\s*)$", r"\1\2.\3.\4\5", text)


LAYOUTS = {
    "wrapped": _wrapped,
    "one_line": _one_line,
    "run_together": _run_together,
    "tables_one_cell_per_line": lambda text: _table_cells(text, None),
    "tables_tab_separated": lambda text: _table_cells(text, "\t"),
    "brackets_lost": _brackets_lost,
    "markdown": _markdown,
    "signature_in_figures": _signature_in_figures,
}


def _keeps_quotes(label: dict, text: str) -> bool:
    plain = re.sub(r"\s", "", text)
    return all(re.sub(r"\s", "", obligation["quote"]) in plain for obligation in label["obligations"])


def measure(folders: list[Path], layout: str) -> tuple[Tally, Tally, int]:
    """Tallies as written and in the layout, over the notices whose quotes the layout keeps whole."""
    rewrite = LAYOUTS[layout]
    written, rewritten, kept = Tally(), Tally(), 0
    with tempfile.TemporaryDirectory() as scratch:
        scratch = Path(scratch)
        for folder in folders:
            for label in json.loads((folder / "labels.json").read_text(encoding="utf-8")):
                source = (folder / label["file"]).read_text(encoding="utf-8")
                first, _, rest = source.partition("\n")
                changed = rewrite(rest)
                if layout.startswith("tables") and (changed.strip() == rest.strip() or not _keeps_quotes(label, changed)):
                    continue  # no table to rewrite, or a quote spans the cells
                (scratch / label["file"]).write_text(first + "\n" + changed, encoding="utf-8")
                written.merge(score_notice(label, folder=folder))
                rewritten.merge(score_notice(label, folder=scratch))
                kept += 1
    return written, rewritten, kept


def main(argv: list[str]) -> None:
    if "--help" in argv or "-h" in argv:
        print(__doc__)
        return
    folders = [Path(argv[i + 1]) for i, arg in enumerate(argv) if arg == "--extra"]
    layouts = list(LAYOUTS)
    if "--layout" in argv:
        layouts = argv[argv.index("--layout") + 1].split(",")
    unknown = [name for name in layouts if name not in LAYOUTS]
    missing = [folder for folder in folders if not (folder / "labels.json").is_file()]
    if not folders or unknown or missing:
        raise SystemExit("用法: python -m tests.eval.layouts --extra 目录 [--extra 目录 ...] [--layout 名称,...]\n"
                         "同一批开发用通知改写成其他版式（PDF 折行、整段一行、表格拆格等）后再起草，比较改写前后的召回率、精确率、期限和成文日期；"
                         "--help 查看说明。\n"
                         + (f"未知的版式: {', '.join(unknown)}（可选: {', '.join(LAYOUTS)}）\n" if unknown else "")
                         + "".join(f"{folder}: 没有标注文件（labels.json）\n" for folder in missing))
    keys = [key for key, _ in ROWS if key in ("recall", "precision", "deadlines", "issued")]
    print(f"{'layout':28}{'notices':>8}  " + "  ".join(f"{key + ' as written → rewritten':>36}" for key in keys))
    for layout in layouts:
        written, rewritten, kept = measure(folders, layout)
        cells = [f"{written.ratio(key):7.1%} → {rewritten.ratio(key):6.1%} ({rewritten.counts[key][0]}/{rewritten.counts[key][1]})"
                 for key in keys]
        print(f"{layout:28}{kept:>8}  " + "  ".join(f"{cell:>36}" for cell in cells), flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
