"""Riot-control means whose verb the small parser loses (issue 3, round 3): the means noun ("water cannon",
"tear gas") is the event (175) with the noun phrase beside it as the source; with the verb intact the verb codes
it once. Sentences written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from eventwire.coding.actors import resolve_actors
from eventwire.coding.events import extract_events

PUBLISHED = dt.date(2024, 5, 1)


def _found(nlp, text: str) -> list[tuple[str | None, str, str | None]]:  # type: ignore[no-untyped-def]
    doc = nlp(text)
    events = extract_events(doc, resolve_actors(doc, published=PUBLISHED), published=PUBLISHED, doc_id="t")
    return [
        (e.source.code if e.source else None, e.cameo, e.target.code if e.target else None) for e in events
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Riot police in Tbilisi used water cannon on protesters.", ("GEOCOP", "175", "GEOOPP")),
        ("Riot police fired tear gas at demonstrators in Tbilisi.", ("GEOCOP", "175", "GEOOPP")),
        ("Police used tear gas to disperse protesters in Nairobi.", ("KENCOP", "175", "KENOPP")),
    ],
)
def test_events_means_coded_once(nlp, text: str, expected: tuple[str, str, str]) -> None:  # type: ignore[no-untyped-def]
    found = _found(nlp, text)
    assert found.count(expected) == 1, found
    assert len([f for f in found if f[1] == "175"]) == 1, found


@pytest.mark.parametrize(
    "text", ["The tear gas smell lingered over the square.", "The city bought a new water cannon."]
)
def test_events_means_without_use_is_no_event(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert [f for f in _found(nlp, text) if f[1] == "175"] == []
