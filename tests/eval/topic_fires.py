"""How often each topic of rules/topics.yaml fires on 34,578 real policy-document titles.

    python -m tests.eval.topic_fires [TOPIC_ID ...]

The titles (../shared/real-pages/policy_titles.csv, from seven portals' document catalogues) are mostly
ordinary policies: a topic that fires on hundreds of them is too loose.  Some hits are genuine (a catalogue
also carries 三定 regulations, 规章清理 decisions, 建议提案 replies), so read the sample the script prints
for a topic before tightening it.  With topic ids, prints every pattern's count and 25 sample hits.

Counts cover the whole file; sample hits are drawn only from the development portals: the Henan and
Yunnan catalogues are the held-out half of the project's labelled measurement and are not read.
"""

from __future__ import annotations

import csv
import random
import sys
from collections import Counter
from pathlib import Path

from rules.topics import DEFAULT_VOCABULARY, load_vocabulary

POLICY_TITLES = Path(__file__).resolve().parents[2].parent / "shared" / "real-pages" / "policy_titles.csv"


HELD_OUT_PORTALS = {"Henan Provincial Government", "Yunnan Provincial Government"}


def policy_titles(path: Path = POLICY_TITLES, *, development_only: bool = False) -> list[str]:
    with path.open(encoding="utf-8", newline="") as handle:
        return [row["title"] for row in csv.DictReader(handle)
                if not (development_only and row["portal"] in HELD_OUT_PORTALS)]


def fires(titles: list[str], vocabulary=None) -> dict[str, list[tuple[str, str]]]:
    """topic id -> [(title, pattern)] for every title the topic accepts as strong evidence."""
    vocabulary = vocabulary or load_vocabulary(DEFAULT_VOCABULARY)
    hits: dict[str, list[tuple[str, str]]] = {topic_id: [] for topic_id in vocabulary.topics}
    for title in titles:
        for topic in vocabulary.topics.values():
            match = topic.judge(title, None, None, vocabulary)
            if match and match.strength == "strong":
                hits[topic.id].append((title, match.pattern))
    return hits


def main(argv: list[str]) -> None:
    titles = policy_titles()
    development = policy_titles(development_only=True) if argv else []
    hits = fires(titles)
    print(f"{len(titles)} policy titles; strong matches per topic:")
    for topic_id, found in sorted(hits.items(), key=lambda item: -len(item[1])):
        if argv and topic_id not in argv:
            continue
        print(f"  {topic_id:36s} {len(found):5d}  {100 * len(found) / len(titles):5.2f}%")
        if argv:
            for pattern, count in Counter(p for _, p in found).most_common():
                print(f"      {count:5d}  {pattern}")
            readable = set(development)
            shown = [title for title, _ in found if title in readable]
            for title in random.Random(1).sample(shown, min(25, len(shown))):
                print(f"        {title}")


if __name__ == "__main__":
    main(sys.argv[1:])
