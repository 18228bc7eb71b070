"""What a new draft adds, drops or changes against a reviewed rule file (``zwgk rules draft --compare``).

Rules are paired by quote overlap (on the comparable form, punctuation ignored), not by id: a
reviewer renumbers, splits and merges rules, but keeps the notice's sentence as the quote.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from core.text import comparable

_PUNCTUATION = re.compile(r"[\s,，.。;；:：、!！?？\"'“”‘’()（）《》〈〉<>「」『』\[\]【】|@…·\-—_]+")
# what a notice states; what only a reviewer decides (match, weight, a title) is not compared
COMPARED_PARAMS = ("working_days", "anchor", "by_date", "topics", "names", "year")


def _plain(text: str) -> str:
    return _PUNCTUATION.sub("", comparable(text or ""))


def quotes_overlap(a: str, b: str) -> bool:
    """The same sentence or clause: one contains the other, or a common run covers most of the shorter."""
    a, b = _plain(a), _plain(b)
    if not a or not b:
        return False
    if a in b or b in a:
        return True
    run = SequenceMatcher(None, a, b, autojunk=False).find_longest_match(0, len(a), 0, len(b)).size
    return run >= 6 and run >= 0.6 * min(len(a), len(b))


@dataclass
class Comparison:
    added: list[dict] = field(default_factory=list)                  # drafted rules no reviewed rule covers
    dropped: list[dict] = field(default_factory=list)                # reviewed rules the draft no longer has
    changed: list[tuple[dict, dict, list[str]]] = field(default_factory=list)  # (reviewed, drafted, what differs)
    kept: int = 0

    def lines(self) -> list[str]:
        out = [f"与已审定文件相比：新增 {len(self.added)} 条，删除 {len(self.dropped)} 条，变更 {len(self.changed)} 条，"
               f"不变 {self.kept} 条"]
        for rule in self.added:
            out.append(f"+ 新增 {rule['id']} [{rule['kind']}] {_short(rule['quote'])}")
        for rule in self.dropped:
            out.append(f"- 删除 {rule['id']} [{rule['kind']}] {_short(rule['quote'])}")
        for reviewed, drafted, what in self.changed:
            out.append(f"~ 变更 {reviewed['id']} → {drafted['id']}：{'；'.join(what)}  {_short(reviewed['quote'])}")
        return out


def _short(quote: str, length: int = 40) -> str:
    quote = re.sub(r"\s+", " ", quote).strip()
    return quote if len(quote) <= length else quote[:length] + "…"


def _comparable(value) -> str:
    """A parameter as compared: a list of topics or names in any order is the same list."""
    return str(sorted(map(str, value))) if isinstance(value, list) else str(value)


def _differences(reviewed: dict, drafted: dict) -> list[str]:
    what = []
    if reviewed.get("kind") != drafted.get("kind"):
        what.append(f"类型 {reviewed.get('kind')} → {drafted.get('kind')}")
    old, new = reviewed.get("params") or {}, drafted.get("params") or {}
    for key in COMPARED_PARAMS:
        if _comparable(old.get(key)) != _comparable(new.get(key)) and (key in old or key in new):
            what.append(f"{key} {old.get(key)} → {new.get(key)}")
    # who a rule applies to: named units compared as names (brackets of either width, any order); a draft that names
    # nobody where the reviewer named units binds everyone the notice binds — the widest change of all.  A reviewed
    # file's levels and types are not drafted: their absence is no change worth a line per rule.
    old_scope, new_scope = reviewed.get("applies_to"), drafted.get("applies_to")
    if new_scope and scope_key(old_scope) != scope_key(new_scope):
        what.append(f"applies_to {old_scope} → {new_scope}")
    elif not new_scope and old_scope and "units" in old_scope:
        what.append(f"applies_to {old_scope} → （未限定：按通知 binds，适用于所有受约束单位）")
    return what


def scope_key(scope) -> str:
    """A selector as compared: unit names in their comparable form (（）and () alike), lists in any order."""
    if not isinstance(scope, dict):
        return str(scope)
    return str(sorted((key, sorted(_plain(v) for v in value) if isinstance(value, list) else str(value))
                      for key, value in scope.items()))


def binds_difference(reviewed: dict, drafted: dict) -> str | None:
    """The notice's binds when the draft reads them otherwise than the reviewed file."""
    old, new = (reviewed.get("notice") or {}).get("binds"), (drafted.get("notice") or {}).get("binds")
    if old is None or scope_key(old) == scope_key(new):
        return None
    return f"~ 通知约束范围 binds：{old} → {new}"


def compare_rules(reviewed: list[dict], drafted: list[dict]) -> Comparison:
    """Pair each reviewed rule with the drafted rules whose quotes overlap it."""
    result = Comparison()
    matched_drafts: set[int] = set()
    for rule in reviewed:
        partners = [i for i, d in enumerate(drafted) if quotes_overlap(rule.get("quote", ""), d["quote"])]
        if not partners:
            result.dropped.append(rule)
            continue
        matched_drafts.update(partners)
        # the closest partner: the same kind first, then the quote most like the reviewed one
        quote = _plain(rule.get("quote", ""))
        best = drafted[max(partners, key=lambda i: (drafted[i]["kind"] == rule.get("kind"),
                                                    SequenceMatcher(None, quote, _plain(drafted[i]["quote"]), autojunk=False).ratio(),
                                                    -i))]
        what = _differences(rule, best)
        if what:
            result.changed.append((rule, best, what))
        else:
            result.kept += 1
    result.added = [d for i, d in enumerate(drafted) if i not in matched_drafts]
    return result
