"""Rebuild ``obligation_model.json``: the learned scorer of candidate units (:mod:`.scorer`).

    python -m rules.drafting.train [--no-dev] [--folder DIR ...] [--out PATH] [--cv]

Run from a checkout beside ``../shared`` (it reuses the evaluation's loaders and overlap rule in
``tests/eval/notices.py``).  Training material, all of it development material:

- the **dev half** of ``tests/eval/notice_split.yaml`` (texts in ``../shared/real-pages/notices/``);
- each ``--folder DIR``: notices kept outside the repository, one ``.txt`` per notice whose first line is its
  URL, labels in ``DIR/labels.json`` (``tests/eval/README.md``: the extra and the fresh folder).

The test half is never read.  Every candidate unit of :func:`.candidates.candidates` is one example, labelled
positive when its quote overlaps a labelled obligation's quote (or a restatement quoted in its note) by the
evaluation's rule (``tests.eval.notices.overlaps``), negative otherwise; units repeating an earlier one are
left out.  Features: character n-grams (1–3) kept only when they occur in at least ``MIN_NOTICES`` different
notices (a phrase of one notice teaches nothing about the next), plus the structural features.  The model is
an L2 logistic regression with balanced class weights (liblinear, deterministic).

``--cv`` first cross-validates by issuer family (GroupKFold, so no province is on both sides of a fold),
prints candidate-level and obligation-level (the evaluation's) recall and precision for each decision
strategy and threshold, and picks the threshold stored in the file.  With the veto on (``draft(text, veto=…)``,
``tests.eval.notices --scorer``) a unit is kept when the rules keep it AND its score reaches the threshold
(the scorer vetoes, it never adds): the threshold is the highest
whose out-of-fold obligation recall stays within ``MAX_RECALL_LOSS`` of the rules alone.  The rules were tuned
on this same material, so their out-of-fold figures here are optimistic; the scorer's are not.  Measured once on
the test half the veto cost too much recall, so the drafter does not use it by default (README).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from . import candidates as candidates_module
from .scorer import MAX_N, MODEL_FILE, ngrams

MIN_NOTICES = 3
C = 0.25
FOLDS = 5
STRATEGY = "rules_and_score"
# The scorer only vetoes what the rules keep; it may cost at most this much out-of-fold recall.
MAX_RECALL_LOSS = 0.015

# Issuer family (province) of the notices kept outside the repository, by file-name prefix: folds never put
# one province's phrasing on both sides.  The shared notices take theirs from notice_split.yaml.
OUTSIDE_FAMILIES = {
    "X01": "tianjin", "X02": "jilin", "X03": "heilongjiang", "X04": "xinjiang", "X05": "xinjiang",
    "X06": "guangxi", "X07": "unknown-x07", "X08": "zhejiang", "X09": "zhejiang", "X10": "hebei",
    "X11": "hebei", "X12": "anhui", "X13": "anhui", "X14": "guangdong", "X15": "guangdong", "X16": "fujian",
    "X17": "shandong", "X18": "shandong", "X19": "shandong", "X20": "fujian",
    "F01": "zhejiang", "F02": "zhejiang", "F03": "anhui", "F04": "anhui", "F05": "anhui", "F06": "shandong",
    "F07": "jilin", "F08": "jilin", "F09": "shandong", "F10": "fujian", "F11": "beijing", "F12": "beijing",
    "F13": "guangdong", "F14": "neimenggu", "F15": "shandong", "F16": "xinjiang", "F17": "unknown-f17",
    "F18": "anhui", "F19": "fujian", "F20": "shandong",
}


@dataclass
class Notice:
    name: str
    family: str
    candidates: list            # Candidate, repeats left out
    labels: list[bool]
    quotes: list[str]           # labelled obligation quotes (recall)
    accepted: list[list[str]]   # per obligation: its quote and restatements (precision)


def notice_candidates(text: str) -> list:
    """The drafter's candidate units of a notice (what :func:`rules.draft.draft` decides on)."""
    from core.text import clean_text
    from rules.draft import notice_metadata

    from . import tables

    notice = notice_metadata(text)
    table = tables.task_table(clean_text(text), notice.year)
    return candidates_module.candidates(text, notice.year, notice.kind, table, notice.title)


def _notice(name: str, family: str, path: Path, label: dict) -> Notice:
    from tests.eval.notices import notice_text, overlaps, restatements

    found = [c for c in notice_candidates(notice_text(path)) if not c.repeated]
    accepted = [[o["quote"], *restatements(o)] for o in label["obligations"]]
    labels = [any(overlaps(c.quote, q) for group in accepted for q in group) for c in found]
    return Notice(name, family, found, labels, [o["quote"] for o in label["obligations"]], accepted)


def load_material(dev: bool = True, folders: list[Path] = ()) -> list[Notice]:
    import yaml

    from tests.eval.notices import REAL_PAGES, SPLIT_FILE, load_labels

    notices = []
    if dev:
        labels = load_labels()
        split = yaml.safe_load(SPLIT_FILE.read_text(encoding="utf-8"))["notices"]
        for name in sorted(split):
            if split[name]["half"] == "dev":  # the test half is never read
                notices.append(_notice(name, split[name]["family"], REAL_PAGES / "notices" / name, labels[name]))
    for folder in folders:
        folder = Path(folder)
        for label in sorted(json.loads((folder / "labels.json").read_text(encoding="utf-8")), key=lambda l: l["file"]):
            family = OUTSIDE_FAMILIES.get(label["file"][:3], "unknown-" + label["file"][:3])
            notices.append(_notice(label["file"], family, folder / label["file"], label))
    return notices


# -- features and fitting ----------------------------------------------------------------------------------


def _vocabulary(notices: list[Notice]) -> list[str]:
    """N-grams that occur in at least MIN_NOTICES different notices."""
    spread = defaultdict(set)
    for notice in notices:
        for candidate in notice.candidates:
            for gram in ngrams(candidate.text, MAX_N):
                spread[gram].add(notice.name)
    return sorted(gram for gram, names in spread.items() if len(names) >= MIN_NOTICES)


def _matrix(notices: list[Notice], vocabulary: list[str], feature_names: list[str]):
    from scipy.sparse import csr_matrix

    index = {gram: i for i, gram in enumerate(vocabulary)}
    offset = len(vocabulary)
    rows, cols, values = [], [], []
    row = 0
    for notice in notices:
        for candidate in notice.candidates:
            for gram in ngrams(candidate.text, MAX_N):
                if gram in index:
                    rows.append(row), cols.append(index[gram]), values.append(1.0)
            for j, name in enumerate(feature_names):
                value = candidate.features.get(name, 0.0)
                if value:
                    rows.append(row), cols.append(offset + j), values.append(float(value))
            row += 1
    return csr_matrix((values, (rows, cols)), shape=(row, offset + len(feature_names)))


def fit(notices: list[Notice]) -> dict:
    """The model as stored: weights by n-gram and by structural feature, and the intercept."""
    from sklearn.linear_model import LogisticRegression

    vocabulary = _vocabulary(notices)
    feature_names = sorted({name for n in notices for c in n.candidates for name in c.features})
    X = _matrix(notices, vocabulary, feature_names)
    y = [label for notice in notices for label in notice.labels]
    model = LogisticRegression(C=C, class_weight="balanced", solver="liblinear", max_iter=1000, random_state=0)
    model.fit(X, y)
    weights = model.coef_[0]
    ngram_weights = {gram: round(float(w), 4) for gram, w in zip(vocabulary, weights) if abs(w) >= 1e-4}
    structural = {name: round(float(w), 4) for name, w in zip(feature_names, weights[len(vocabulary):])}
    return {"max_n": MAX_N, "min_notices": MIN_NOTICES, "C": C, "intercept": round(float(model.intercept_[0]), 4),
            "structural": structural, "ngrams": ngram_weights}


# -- cross-validation by issuer family ---------------------------------------------------------------------

THRESHOLDS = [round(0.05 * i, 2) for i in range(2, 20)]


def decide(strategy: str, candidate, score: float, threshold: float, high: float = 0.9) -> bool:
    if candidate.cut_off:
        return False
    if strategy == "score":
        return score >= threshold
    if strategy == "rules_and_score":
        return candidate.rules_keep and score >= threshold
    if strategy == "rules_and_score_or_high":
        return (candidate.rules_keep and score >= threshold) or score >= high
    return candidate.rules_keep  # "rules"


def measure(notices: list[Notice], scores: list[list[float]], strategy: str, threshold: float) -> dict:
    """The evaluation's measures (tests/eval/notices.py) when the drafter keeps what ``strategy`` keeps."""
    from tests.eval.notices import overlaps

    found = total = right = kept = 0
    for notice, notice_scores in zip(notices, scores):
        quotes = [c.quote for c, s in zip(notice.candidates, notice_scores) if decide(strategy, c, s, threshold)]
        total += len(notice.quotes)
        found += sum(any(overlaps(q, quote) for q in quotes) for quote in notice.quotes)
        kept += len(quotes)
        right += sum(any(overlaps(q, a) for group in notice.accepted for a in group) for q in quotes)
    recall, precision = found / max(total, 1), right / max(kept, 1)
    return {"recall": recall, "precision": precision, "found": found, "obligations": total, "right": right,
            "kept": kept}


def out_of_fold_scores(notices: list[Notice]) -> list[list[float]]:
    from sklearn.model_selection import GroupKFold

    from .scorer import ObligationModel

    families = [notice.family for notice in notices]
    scores: list[list[float] | None] = [None] * len(notices)
    for train_index, held_index in GroupKFold(n_splits=FOLDS).split(notices, groups=families):
        model = ObligationModel({**fit([notices[i] for i in train_index]), "threshold": 0.5})
        for i in held_index:
            scores[i] = [model.score(c.text, c.features) for c in notices[i].candidates]
    return scores


def cross_validate(notices: list[Notice], out=sys.stdout) -> float:
    """Print out-of-fold figures for each strategy and threshold; return the chosen threshold."""
    scores = out_of_fold_scores(notices)
    pairs = [(label, score) for n, s in zip(notices, scores) for label, score in zip(n.labels, s)]
    print(f"{len(notices)} notices, {len(pairs)} candidates, {sum(l for l, _ in pairs)} positive; "
          f"{len(set(n.family for n in notices))} issuer families, {FOLDS} folds", file=out)
    base = measure(notices, scores, "rules", 0.0)
    print(f"rules alone (tuned on this material: optimistic): recall {base['found']}/{base['obligations']} "
          f"{base['recall']:.1%}, precision {base['right']}/{base['kept']} {base['precision']:.1%}", file=out)
    chosen = THRESHOLDS[0]
    for strategy in ("score", "rules_and_score", "rules_and_score_or_high"):
        print(f"-- {strategy}", file=out)
        for threshold in THRESHOLDS:
            m = measure(notices, scores, strategy, threshold)
            held = [(l, s >= threshold) for l, s in pairs]
            tp = sum(l and k for l, k in held)
            unit_p = tp / max(sum(k for _, k in held), 1)
            unit_r = tp / max(sum(l for l, _ in held), 1)
            print(f"  t={threshold:.2f}  obligations recall {m['found']:>3}/{m['obligations']} {m['recall']:6.1%}"
                  f"  precision {m['right']:>3}/{m['kept']:<3} {m['precision']:6.1%}"
                  f"   | units p {unit_p:6.1%} r {unit_r:6.1%}", file=out)
            if strategy == STRATEGY and m["recall"] >= base["recall"] - MAX_RECALL_LOSS:
                chosen = threshold
    threshold = chosen
    print(f"chosen: {STRATEGY} at t={threshold:.2f} (the highest whose out-of-fold recall is within "
          f"{MAX_RECALL_LOSS:.1%} of the rules alone)", file=out)
    return threshold


def build(dev: bool = True, folders: list[Path] = (), cv: bool = False, threshold: float | None = None) -> dict:
    notices = load_material(dev, folders)
    if cv:
        threshold = cross_validate(notices)
    model = fit(notices)
    model["strategy"] = STRATEGY
    model["threshold"] = 0.5 if threshold is None else threshold
    model["trained_on"] = {"dev_half": dev, "folders": [Path(f).name for f in folders], "notices": len(notices)}
    return model


def dump(model: dict) -> str:
    return json.dumps(model, ensure_ascii=False, sort_keys=True, indent=0) + "\n"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="rebuild rules/drafting/obligation_model.json")
    parser.add_argument("--no-dev", action="store_true", help="leave out the shared dev half")
    parser.add_argument("--folder", action="append", default=[], help="a folder of notices with labels.json")
    parser.add_argument("--out", default=str(MODEL_FILE))
    parser.add_argument("--cv", action="store_true", help="cross-validate by issuer family and pick the threshold")
    parser.add_argument("--threshold", type=float, default=None, help="threshold to store without --cv")
    args = parser.parse_args(argv)
    model = build(not args.no_dev, [Path(f) for f in args.folder], args.cv, args.threshold)
    Path(args.out).write_text(dump(model), encoding="utf-8")
    print(f"{args.out}: {len(model['ngrams'])} n-grams, threshold {model['threshold']}", file=sys.stderr)


if __name__ == "__main__":
    main()
