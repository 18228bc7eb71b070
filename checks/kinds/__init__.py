"""Rule kinds: one module per kind, each a pure function ``evaluate(rule, evidence, calendar)``.

Adding a kind: write ``checks/kinds/<kind>.py``, register it here and in
``checks.rules.KINDS``, and add ``tests/test_rule_<kind>.py``.
"""

from . import (
    annual_report,
    column_exists,
    interpretation_timely,
    leader_published,
    manual,
    plan_published,
    published_by_date,
    site_security,
    topic_disclosed,
)
from .base import Evidence, Outcome, Page

EVALUATORS = {
    "plan_published": plan_published.evaluate,
    "column_exists": column_exists.evaluate,
    "interpretation_timely": interpretation_timely.evaluate,
    "published_by_date": published_by_date.evaluate,
    "manual": manual.evaluate,
    "site_security": site_security.evaluate,
    "topic_disclosed": topic_disclosed.evaluate,
    "annual_report": annual_report.evaluate,
    "leader_published": leader_published.evaluate,
}

__all__ = ["EVALUATORS", "Evidence", "Outcome", "Page"]
