"""The seed article's counts and dates (skips without ../shared); nothing here is special-cased in code."""

from __future__ import annotations

import datetime as dt

import pytest

from eventwire.facts.counts import extract_counts
from eventwire.facts.dates import extract_dates

PUBLISHED = dt.date(2020, 8, 16)


@pytest.fixture(scope="module")
def seed_facts(nlp, seed_text):  # type: ignore[no-untyped-def]
    doc = nlp(seed_text)
    dates = extract_dates(doc, PUBLISHED)
    return doc, dates, extract_counts(doc, dates)


def test_counts_seed_casualties(seed_facts) -> None:  # type: ignore[no-untyped-def]
    _, _, counts = seed_facts
    by_kind = {c.kind: c for c in counts if c.kind in ("killed", "injured", "detained")}
    killed, injured, detained = by_kind["killed"], by_kind["injured"], by_kind["detained"]
    assert (killed.value, killed.qualifier, killed.text) == (2, "at_least", "at least two")
    assert (injured.text, injured.qualifier, injured.low, injured.high) == ("hundreds", "vague", 200, 999)
    assert (detained.value, detained.qualifier, detained.text) == (7000, "approximately", "nearly 7,000")
    assert not (killed.historical or injured.historical or detained.historical)


def test_counts_seed_crowds(seed_facts) -> None:  # type: ignore[no-untyped-def]
    _, _, counts = seed_facts
    crowds = [(c.text, c.low, c.high, c.qualifier, c.historical) for c in counts if c.kind == "protesters"]
    assert crowds == [
        ("tens of thousands", 20000, 99999, "vague", False),
        ("thousands", 2000, 9999, "vague", False),
        ("12,000 or 15,000", 12000, 15000, "range", True),  # the 2010 protests
    ]


def test_counts_seed_no_other_numbers(seed_facts) -> None:  # type: ignore[no-untyped-def]
    _, _, counts = seed_facts
    # years (1991, 1994, 2010), "an eighth day" and "one of the biggest" are not counts
    assert len(counts) == 6


def test_counts_seed_offsets(seed_facts, seed_text) -> None:  # type: ignore[no-untyped-def]
    _, dates, counts = seed_facts
    for item in [*counts, *dates]:
        assert seed_text[item.start : item.end] == item.text


def test_dates_seed_relative_days(seed_facts, seed_text) -> None:  # type: ignore[no-untyped-def]
    _, dates, _ = seed_facts
    at = {(d.text, d.start): d for d in dates}
    thursday = at[("Thursday", seed_text.index("on Thursday") + 3)]
    saturday = at[("Saturday", seed_text.index("On Saturday") + 3)]
    last_week = at[("last week", seed_text.index("last week’s presidential election"))]
    assert (thursday.value, thursday.precision) == ("2020-08-13", "day")
    assert (saturday.value, saturday.precision) == ("2020-08-15", "day")
    assert (last_week.value, last_week.precision) == ("2020-08-09", "week")


def test_dates_seed_history_and_unknowns(seed_facts) -> None:  # type: ignore[no-untyped-def]
    _, dates, _ = seed_facts
    years = {(d.text, d.historical) for d in dates if d.precision == "year"}
    assert years == {("1994", True), ("1991", True), ("2010", True)}
    unknown = {d.text for d in dates if d.value is None}
    assert {"a tumultuous week", "recent days"} <= unknown
    assert all(d.precision == "unknown" for d in dates if d.value is None)
