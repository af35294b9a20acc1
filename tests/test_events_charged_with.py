"""The offence someone is charged with or punished for is no event of its own."""

from __future__ import annotations

import datetime as dt

import pytest

from eventwire.coding.actors import resolve_actors
from eventwire.coding.events import extract_events
from eventwire.model import Event

PUBLISHED = dt.date(2024, 5, 1)


def _events(nlp, text: str) -> list[Event]:  # type: ignore[no-untyped-def]
    doc = nlp(text)
    return extract_events(doc, resolve_actors(doc, published=PUBLISHED), published=PUBLISHED, doc_id="c")


@pytest.mark.parametrize(
    ("text", "offence"),
    [
        ("He said those arrested would face charges of attacking officials.", "attacking"),
        ("Police said 41 people had been arrested for looting and for attacking officers.", "attacking"),
        ("Kenyan police detained six students for attacking a police station in Nakuru.", "attacking"),
        ("A court in Cairo sentenced the activist to three years for insulting the president.", "insulting"),
        ("The blogger was convicted of threatening the Egyptian president.", "threatening"),
    ],
)
def test_events_charged_offence_not_coded(nlp, text: str, offence: str) -> None:  # type: ignore[no-untyped-def]
    events = _events(nlp, text)
    assert offence not in [e.trigger.text for e in events], [(e.cameo, e.trigger.text) for e in events]


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # the punishment itself is still the event
        ("Kenyan police detained six students for attacking a police station in Nakuru.", "detained"),
        ("A court in Istanbul jailed the Turkish journalist for insulting the president.", "jailed"),
    ],
)
def test_events_charged_sentence_keeps_other_events(nlp, text: str, trigger: str) -> None:  # type: ignore[no-untyped-def]
    events = _events(nlp, text)
    assert trigger in [e.trigger.text for e in events], [(e.cameo, e.trigger.text) for e in events]


@pytest.mark.parametrize(
    ("text", "noun"),
    [
        (
            "The European Union imposed sanctions on Myanmar officers, accusing them of responsibility for air "
            "strikes on civilians and for the violent repression of opponents.",
            "repression",
        ),
        ("Police in Karachi arrested two men for the bombing of a mosque.", "bombing"),
        ("Iran accused Israel of the assassination of a nuclear scientist.", "assassination"),
    ],
)
def test_events_alleged_noun_not_coded(nlp, text: str, noun: str) -> None:  # type: ignore[no-untyped-def]
    events = _events(nlp, text)
    assert noun not in [e.trigger.text for e in events], [(e.cameo, e.trigger.text) for e in events]
    assert events  # the accusation, sanction or arrest itself stays
