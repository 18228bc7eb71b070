"""One line per problem for the printed scorecard and the 通报: what was required, and what was found.

A finding's detail usually reads "要求……；<what the portal shows>": cutting it at a fixed length
kept the requirement and lost the outcome.  A line is the rule's title (the requirement in short)
and the last clause of the detail (the outcome); when that is still too long the middle is
elided, never the end, which carries the days late or the missing item.
"""

from __future__ import annotations

WIDTH = 150  # characters of outcome kept on one printed line


def outcome_of(detail: str) -> str:
    """The part of a finding's detail that says what was found (after the requirement)."""
    detail = (detail or "").strip()
    if detail.startswith("要求") and "；" in detail:
        return detail.rsplit("；", 1)[1].strip() or detail
    return detail


def shorten_middle(text: str, width: int = WIDTH) -> str:
    """``text`` within ``width`` characters, elided in the middle: the beginning and the end stay."""
    if len(text) <= width:
        return text
    head = width // 3
    return text[:head] + "……" + text[-(width - head - 2):]


def problem_line(finding: dict, width: int = WIDTH) -> str:
    """``rule title（rule id）：outcome`` for a fail or error finding."""
    title = finding.get("rule_title") or ""
    head = f"{title}（{finding['rule_id']}）" if title else finding["rule_id"]
    return f"{head}：{shorten_middle(outcome_of(finding.get('detail') or ''), width)}"
