"""An ability ("can arrest") is no act, and an act someone is "due to" do has not happened yet."""

from __future__ import annotations

import datetime as dt

import pytest

from eventwire.coding.actors import resolve_actors
from eventwire.coding.events import extract_events
from eventwire.model import Event

PUBLISHED = dt.date(2024, 5, 1)


def _events(nlp, text: str) -> list[Event]:  # type: ignore[no-untyped-def]
    doc = nlp(text)
    return extract_events(doc, resolve_actors(doc, published=PUBLISHED), published=PUBLISHED, doc_id="m")


@pytest.mark.parametrize(
    "text",
    [
        "The police can arrest protesters without a warrant in Cairo.",
        "The army cannot attack the rebels in Mosul.",
        "Kenyan police can't detain journalists for more than a day.",
    ],
)
def test_modality_ability_is_not_an_event(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    factual = [e for e in _events(nlp, text) if not (e.modality.hypothetical or e.modality.negated)]
    assert factual == [], [(e.cameo, e.trigger.text) for e in factual]


@pytest.mark.parametrize(
    ("text", "lemma"),
    [
        ("The French foreign minister is due to visit Moscow on Monday.", "visit"),
        ("The Chinese premier is due to travel to Berlin next week.", "travel"),
        ("Iran is due to meet Saudi officials in Baghdad.", "meet"),
    ],
)
def test_modality_due_to_is_intent(nlp, text: str, lemma: str) -> None:  # type: ignore[no-untyped-def]
    events = [e for e in _events(nlp, text) if e.trigger.text.lower().startswith(lemma[:4])]
    assert events, [(e.cameo, e.trigger.text) for e in _events(nlp, text)]
    assert all(e.modality.intent for e in events)
    assert all(not e.cameo.startswith("04") for e in events)  # not a visit or meeting that took place


def test_modality_past_ability_sentence_still_codes_the_real_arrest(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _events(nlp, "Egyptian police arrested 20 protesters in Cairo.")
    assert [e.cameo for e in events] == ["173"]
