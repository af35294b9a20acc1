"""A sentence describing a happening already reported ("The march was the largest in a decade") adds no event."""

from __future__ import annotations

import datetime as dt

import pytest

from eventwire.coding.actors import resolve_actors
from eventwire.coding.events import extract_events
from eventwire.model import Event

PUBLISHED = dt.date(2024, 5, 1)


def _events(nlp, text: str) -> list[Event]:  # type: ignore[no-untyped-def]
    doc = nlp(text)
    return extract_events(doc, resolve_actors(doc, published=PUBLISHED), published=PUBLISHED, doc_id="d")


@pytest.mark.parametrize(
    "text",
    [
        "The march was the largest in the Serbian capital for more than a decade.",
        "The clashes were the worst in Nairobi since 2019.",
        "Serbian students marched on parliament in Belgrade. The march was peaceful.",
    ],
)
def test_events_described_happening_adds_nothing(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    events = _events(nlp, text)
    assert [e.trigger.text for e in events if e.trigger.text in ("march", "clashes")] == []


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # a participant of its own makes it a report of the happening
        ("The protest by Serbian students was the largest in a decade.", "protest"),
        # not a copula subject
        ("Kenyan police dispersed the march in Nairobi.", "dispersed"),
    ],
)
def test_events_described_happening_keeps_reports(nlp, text: str, trigger: str) -> None:  # type: ignore[no-untyped-def]
    events = _events(nlp, text)
    assert trigger in [e.trigger.text for e in events], [(e.cameo, e.trigger.text) for e in events]
