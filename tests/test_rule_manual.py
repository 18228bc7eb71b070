"""manual: obligations no website can show."""

from __future__ import annotations

from rule_kit import rule, run


def test_manual_is_always_manual():
    assert run(rule("manual", {"reason": "内部报送"}), []).status == "manual"
