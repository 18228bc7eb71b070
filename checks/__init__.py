"""Checks: evaluate the notices' rules on what the crawler stored.

rules/*.yaml → :mod:`checks.catalogue` (catalogue, applicability) →
:mod:`checks.kinds` (one small function per rule kind) →
:mod:`checks.evaluate` (findings for every agency × rule) →
:mod:`checks.scoring` (scores) → :mod:`core.store` (SQLite).
"""
