"""Who does a conjoined verb the parser attached one level off: the perfect clause it continues, or the main
clause a comma returns to after a subordinate clause."""

from __future__ import annotations

import datetime as dt

import pytest

from eventwire.coding.actors import resolve_actors
from eventwire.coding.events import extract_events

PUBLISHED = dt.date(2024, 5, 1)


def _source_of(nlp, text: str, trigger: str) -> str | None:  # type: ignore[no-untyped-def]
    doc = nlp(text)
    events = extract_events(doc, resolve_actors(doc, published=PUBLISHED), published=PUBLISHED, doc_id="j")
    found = [e for e in events if e.trigger.text == trigger]
    assert found, [(e.cameo, e.trigger.text) for e in events]
    return None if found[0].source is None else found[0].source.text


@pytest.mark.parametrize(
    ("text", "trigger", "source"),
    [
        (
            "A spokeswoman for the Vietnamese foreign ministry told reporters in Hanoi that Chinese officers had "
            "boarded the boat, injured ten fishermen and confiscated their catch.",
            "confiscated",
            "Chinese officers",
        ),
        (
            "The Nigerian labour minister called the strike illegal because a court had ordered the unions to "
            "suspend it, and urged workers to return to their jobs.",
            "urged",
            "The Nigerian labour minister",
        ),
        # no comma: the conjunct stays inside the subordinate clause
        (
            "The protesters left Nairobi because officers had arrested their leaders and beaten "
            "forty students.",
            "beaten",
            "officers",
        ),
    ],
)
def test_events_conj_subject(nlp, text: str, trigger: str, source: str) -> None:  # type: ignore[no-untyped-def]
    assert _source_of(nlp, text, trigger) == source
