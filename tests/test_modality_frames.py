"""Modality of coded events: intent, refusal, hypothetical, attribution, historical mentions, quotes."""

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


def _country(actor) -> str | None:  # type: ignore[no-untyped-def]
    return None if actor is None else (actor.country or actor.code)


@pytest.mark.parametrize(
    ("text", "cameo", "flags"),
    [
        # intent frames re-code the act as an intent (03x) or, for force, a threat (13x)
        ("Russia said it was ready to provide military support to Syria.", "0332", {"intent": True}),
        ("Israel announced it would free 150 Palestinian prisoners.", "0353", {"intent": True}),
        ("Iran plans to hold talks with Saudi Arabia.", "036", {"intent": True}),
        ("The US president wants to attack Switzerland.", "1384", {"intent": True}),
        # an offer under a condition stays (it is the offer that happened), marked hypothetical
        ("Japan offered to send aid to Turkey if necessary.", "0333", {"intent": True, "hypothetical": True}),
        # refusals and negated cooperation become rejections (12x)
        ("China refused to meet the American envoy.", "125", {"negated": True}),
        ("Hungary refused to release the Ukrainian prisoners.", "1243", {"negated": True}),
        ("The Kenyan government said it would not negotiate with the strikers.", "125", {"negated": True}),
        # "X wants Y to <act>" is an appeal by X to Y
        ("The US president wants Putin to attack Switzerland.", "021", {"intent": False}),
    ],
)
def test_modality_frames_recode(nlp, text: str, cameo: str, flags: dict[str, bool]) -> None:  # type: ignore[no-untyped-def]
    events = [e for e in _events(nlp, text) if e.cameo == cameo]
    assert events, [(e.cameo, e.trigger.text) for e in _events(nlp, text)]
    for name, value in flags.items():
        assert getattr(events[0].modality, name) is value, (name, events[0].modality)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The Kremlin said President Putin had spoken to the Belarusian president.", "Kremlin"),
        ("According to Reuters, Turkish troops attacked Kurdish fighters in Syria.", "Reuters"),
        ("Russia said it was ready to provide military support to Syria.", "Russia"),
    ],
)
def test_modality_frames_reported_by(nlp, text: str, speaker: str) -> None:  # type: ignore[no-untyped-def]
    events = _events(nlp, text)
    assert events
    assert all(e.modality.reported_by and speaker in e.modality.reported_by for e in events)


@pytest.mark.parametrize(
    "text",
    [
        "In 2010, there were protests in Minsk against the Belarusian president.",  # historical
        "There were no protests in Moscow.",  # negated noun
        "Serbia did not attack Kosovo.",  # negated act without a rejection code
        '"I will never allow it," the Belarusian president said.',  # pronouns inside a quotation
        "If the president leaves, he will be arrested in The Hague.",  # conditional
    ],
)
def test_modality_frames_not_reported_as_events(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert [(e.cameo, e.trigger.text) for e in _events(nlp, text)] == []


def test_modality_frames_historical_needs_an_earlier_year(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _events(nlp, "In 2024, thousands of Georgians protested against the government in Tbilisi.")
    assert [(_country(e.source), e.cameo_root) for e in events] == [("GEO", "14")]


@pytest.mark.parametrize(
    ("published", "expected"),
    [(dt.date(2024, 1, 10), ["19"]), (dt.date(2024, 6, 1), [])],
)
def test_modality_frames_last_year_is_recent_early_in_the_year(
    nlp, published: dt.date, expected: list[str]
) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("The army attacked the rebels in 2023.")
    events = extract_events(doc, resolve_actors(doc, published=published), published=published, doc_id="y")
    assert [e.cameo_root for e in events] == expected
