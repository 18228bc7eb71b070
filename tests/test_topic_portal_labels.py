"""The labelled measurement's data hold together: lists, targets and hand labels.

These checks do not run the audit (``python -m tests.eval.topics`` does); they keep the
labelled set usable while the catalogue changes: every rule that applies to an agency
has a label, every cited page is in the agency's list and inside its window, and the
as-of date follows the last title.
"""

from __future__ import annotations

import csv
import datetime as dt

import pytest
import yaml

from checks.catalogue import AuditedAgencies, load_catalogue, rule_applies
from core.targets import load_targets
from tests.eval.topic_portals.build import HERE, build_portal, read_items
from tests.eval.topics import (
    LABELS_FILE,
    SPLITS,
    TARGETS_FILE,
    Verdict,
    load_labels,
    readable_disagreements,
)

LABELS = load_labels()
RAW_LABELS = yaml.safe_load(LABELS_FILE.read_text(encoding="utf-8"))["agencies"]
AGENCIES = {agency.id: agency for agency in load_targets(TARGETS_FILE)}


def _rows(agency_id: str) -> list[dict]:
    with (HERE / f"{agency_id}.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_every_split_is_labelled():
    splits = {entry["split"] for entry in LABELS.values()}
    assert splits == {"dev", "test", "fresh", "fresh2"} == set(SPLITS)
    assert set(LABELS) == set(AGENCIES)


def test_only_dev_disagreements_are_ever_listed():
    # The held-out splits (test, fresh, fresh2) are measured in aggregate only: one disagreement of each kind per split.
    verdicts = [Verdict(split, f"{split}-agency", "r1", "pass", "fail") for split in SPLITS]
    verdicts += [Verdict(split, f"{split}-agency", "r2", "fail", "fail") for split in SPLITS]
    shown = readable_disagreements(verdicts)
    assert [(v.split, v.rule_id) for v in shown] == [("dev", "r1")]


FRESH_SPLITS = ("fresh", "fresh2")


def test_fresh_lists_do_not_reuse_a_window_of_the_same_portal():
    # A fresh list is other years of a portal the other splits use: its dates must overlap no other list of
    # that portal (the other fresh splits' included), and no portal of the test half is used.
    from tests.eval.topic_portals.make_lists import SPECS

    for fresh in (spec for spec in SPECS if LABELS[spec.agency_id]["split"] in FRESH_SPLITS):
        for other in SPECS:
            if other.portal == fresh.portal and other.agency_id != fresh.agency_id:
                assert fresh.last < other.first or other.last < fresh.first, (fresh.agency_id, other.agency_id)
        assert fresh.portal not in {s.portal for s in SPECS if LABELS[s.agency_id]["split"] == "test"}


@pytest.mark.parametrize("agency_id", sorted(LABELS))
def test_every_applicable_rule_has_exactly_one_label(agency_id):
    catalogue = load_catalogue()
    audited = AuditedAgencies(list(AGENCIES.values()))
    applicable = {rule.id for rule in catalogue.rules if rule_applies(rule, AGENCIES[agency_id], audited)}
    labelled = set(LABELS[agency_id]["labels"])
    assert applicable - labelled == set(), "rules without a label"
    assert labelled - applicable == set(), "labels of rules that no longer apply"


@pytest.mark.parametrize("agency_id", sorted(LABELS))
def test_passes_name_pages_of_the_list_and_others_do_not(agency_id):
    urls = {row["url"] for row in _rows(agency_id)}
    for rule_id, label in RAW_LABELS[agency_id]["labels"].items():
        pages = label.get("pages") or []
        if label["label"] == "pass":
            assert pages, f"{rule_id}: a pass names its page"
            assert set(pages) <= urls, f"{rule_id}: cited page not in {agency_id}.csv"
        else:
            assert not pages, f"{rule_id}: only a pass cites pages"
        if label["label"] in ("manual", "fail", "pending"):
            assert label.get("note"), f"{rule_id}: {label['label']} says why"


@pytest.mark.parametrize("agency_id", sorted(LABELS))
def test_as_of_is_after_every_title(agency_id):
    as_of = dt.date.fromisoformat(LABELS[agency_id]["as_of"])
    dates = [dt.date.fromisoformat(row["date"]) for row in _rows(agency_id)]
    assert max(dates) < as_of
    assert (as_of - max(dates)).days <= 7  # the list reaches the as-of date: no unseen gap


@pytest.mark.parametrize("agency_id", sorted(LABELS))
def test_lists_are_title_date_column_url(agency_id):
    rows = _rows(agency_id)
    assert rows and list(rows[0]) == ["title", "date", "column", "url"]
    assert len({row["url"] for row in rows}) == len(rows)
    assert all(row["title"].strip() and row["column"].strip() for row in rows)


def test_portal_links_every_title(tmp_path):
    agency_id = min(LABELS, key=lambda a: len(_rows(a)))
    paths = build_portal(HERE / f"{agency_id}.csv", tmp_path, AGENCIES[agency_id].name)
    items = read_items(HERE / f"{agency_id}.csv")
    assert len(paths) == len(items)
    linked = set()
    for page in (tmp_path / "col").rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        linked |= {path for path in paths.values() if f"../../{path}" in text}
    assert linked == set(paths.values())
