"""Two actors the parser joins into one phrase ("the Congolese army and M23 rebels") stay two actors."""

from __future__ import annotations

import datetime as dt

from eventwire.coding.actors import resolve_actors
from eventwire.coding.events import extract_events

PUBLISHED = dt.date(2024, 5, 1)
TEXT = "Fighting between the Congolese army and M23 rebels killed at least 15 people near Goma on Monday."


def test_actors_coordination_split_mentions(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(TEXT)
    analysis = resolve_actors(doc, published=PUBLISHED)
    texts = {m.text: m.code for m in analysis.mentions}
    assert texts.get("the Congolese army") == "CODMIL"
    assert texts.get("M23 rebels") == "CODREB"
    for m in analysis.mentions:
        assert doc.text[m.start : m.end] == m.text
        assert " and " not in m.text


def test_actors_coordination_split_fighting_sides(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(TEXT)
    events = extract_events(doc, resolve_actors(doc, published=PUBLISHED), published=PUBLISHED, doc_id="s")
    pairs = {(e.source.code if e.source else None, e.target.code if e.target else None) for e in events}
    assert ("CODMIL", "CODREB") in pairs
