"""Rule kinds: one module per kind, the one registry of them.

Each module holds a docstring saying what it checks and what ``pass``, ``fail``,
``error`` mean for it, ``WEB_CHECKABLE`` (can a website show it at all),
``PARAMS`` (the parameters its ``evaluate`` reads, see :class:`base.Param`),
optionally ``requires(params, notice)``, and the pure function
``evaluate(rule, evidence, calendar) -> Outcome``.

Adding a kind: write ``checks/kinds/<kind>.py``, add it to ``KINDS`` below, and
add ``tests/test_rule_<kind>.py``.
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
from .base import Evidence, Outcome, Page, param_problems

KINDS = {
    module.__name__.rsplit(".", 1)[-1]: module
    for module in (
        plan_published,
        column_exists,
        interpretation_timely,
        published_by_date,
        topic_disclosed,
        annual_report,
        leader_published,
        manual,
        site_security,
    )
}
# Kinds that the project adds itself (checks/builtin.py); rule files may not use them.
BUILTIN_KINDS = {"site_security"}

__all__ = ["BUILTIN_KINDS", "KINDS", "Evidence", "Outcome", "Page", "param_problems"]
