"""A learned score for "is this candidate unit an obligation a careful reader would list".

A logistic regression over the unit's character n-grams (n ≤ 3, digits folded to 0, "^"/"$" marking its
start and end) and the structural features of :func:`.candidates.structural_features`.  Its weights are
learned data, not patterns: ``obligation_model.json`` beside this file holds only n-gram → weight,
structural feature → weight, the intercept and the decision thresholds, and ``python -m rules.drafting.train``
rebuilds it from the labelled development notices (see that module).  Scoring needs no scikit-learn.

The drafter uses it by default (:meth:`ObligationModel.keeps`): a unit the hand-written rules keep is dropped when
its score is under ``threshold`` (the rules keep many exhortations and principles a reader does not list), and a
unit no rule rejects but none finds a deliverable in is kept when its score reaches ``rescue`` (an obligation phrased
in a way no rule foresaw); a unit a rule rejects (an exhortation, a title, background) is never kept.
Both thresholds were chosen by cross-validation over batches of notices collected at different times
(``python -m rules.drafting.train --cv``); ``zwgk rules draft --rules-only`` drafts with the rules alone.
"""

from __future__ import annotations

import json
import math
import re
from functools import lru_cache
from pathlib import Path

MODEL_FILE = Path(__file__).resolve().parent / "obligation_model.json"
MAX_N = 3


def ngrams(text: str, max_n: int = MAX_N) -> set[str]:
    """The unit's character n-grams (1 ≤ n ≤ max_n) as a set: presence, not counts."""
    text = "^" + re.sub(r"\d", "0", re.sub(r"\s+", "", text)) + "$"
    return {text[i:i + n] for n in range(1, max_n + 1) for i in range(len(text) - n + 1)} - {"^", "$"}


class ObligationModel:
    def __init__(self, data: dict):
        self.data = data
        self.intercept = float(data["intercept"])
        self.ngram_weights: dict[str, float] = data["ngrams"]
        self.feature_weights: dict[str, float] = data["structural"]
        self.threshold = float(data["threshold"])
        self.rescue = float(data.get("rescue", 2.0))  # above any score: never rescue
        self.max_n = int(data.get("max_n", MAX_N))

    def score(self, text: str, features: dict[str, float]) -> float:
        """Probability-like score in (0, 1)."""
        z = self.intercept
        z += sum(self.ngram_weights.get(gram, 0.0) for gram in ngrams(text, self.max_n))
        z += sum(self.feature_weights.get(name, 0.0) * value for name, value in features.items())
        return 1.0 / (1.0 + math.exp(-max(min(z, 50.0), -50.0)))


    def keeps(self, candidate) -> bool:
        """Whether a candidate unit (:class:`.candidates.Candidate`) is drafted: the rules keep it and the score
        does not veto it, or no rule rejects it and the score alone is high enough."""
        if not (candidate.rules_keep or candidate.rules_unsure):
            return False  # a rule knows it obliges nobody
        score = self.score(candidate.text, candidate.features)
        return score >= (self.threshold if candidate.rules_keep else self.rescue)


@lru_cache(maxsize=4)
def load_model(path: str | Path = MODEL_FILE) -> ObligationModel:
    return ObligationModel(json.loads(Path(path).read_text(encoding="utf-8")))
