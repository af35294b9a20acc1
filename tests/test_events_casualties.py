"""Casualty reports and sympathy, on sentences written for these tests: victims of a weapon whose owner is only
a modifier ("killed in Israeli tank fire"), victims who "died" or "were wounded" in an attack, a gerund's "by"
doer, and sympathy addressed to the people of the place that was hit (even the speaker's own country)."""

from __future__ import annotations

import datetime as dt

import pytest

from eventwire.coding.actors import resolve_actors
from eventwire.coding.events import extract_events
from eventwire.model import Actor

PUBLISHED = dt.date(2024, 5, 1)


def _who(actor: Actor | None) -> str | None:
    return None if actor is None else (actor.country or actor.code)


def _found(nlp, text: str) -> list[tuple[str | None, str, str | None]]:  # type: ignore[no-untyped-def]
    doc = nlp(text)
    events = extract_events(doc, resolve_actors(doc, published=PUBLISHED), published=PUBLISHED, doc_id="t")
    return [(_who(e.source), e.cameo, _who(e.target)) for e in events]


@pytest.mark.parametrize(
    ("text", "source", "root", "target"),
    [
        # the weapon's owner is the doer when no agent is named
        ("Three villagers were killed in Indian artillery fire near the border.", "IND", "194", None),
        ("A fisherman was killed by Egyptian navy gunfire off Gaza.", "EGY", "18", None),
        (
            "Two children were killed in Israeli tank shelling in the north of the Gaza Strip.",
            "ISR",
            "1",
            None,
        ),
        # victims who died or were hurt in an attack: the attack noun carries the event
        ("Two soldiers died in a Russian drone attack near Kharkiv.", "RUS", "19", None),
        ("Five people were wounded in a Turkish drone strike in northern Iraq.", "TUR", "195", None),
        ("Dozens of civilians were injured in shelling by Ukrainian forces in Donetsk.", "UKR", "19", "UKR"),
        # the weapon sets the kind of force (194 artillery and tanks, 195 aerial weapons)
        ("Three fishermen were killed by an Indian army helicopter off the coast.", "IND", "195", None),
        ("Six villagers were killed in Ethiopian artillery shelling.", "ETH", "194", None),
        # victims named only by kind are people of the place where the violence happened
        (
            "Four children were killed by Israeli forces in shelling in the north of the Gaza Strip.",
            "ISR",
            "19",
            "PSE",
        ),
        ("Gunmen killed six civilians in northern Mali.", None, "18", "MLI"),
        ("Gunmen killed a teacher and a security guard in Kaduna state.", None, "18", "NGA"),
        ("Five civilians were killed in an air strike in Idlib province.", None, "195", "SYR"),
        ("Syrian troops killed ten people in shelling in Idlib.", "SYR", "194", "SYR"),
        ("Dozens of civilians were injured in shelling by Ukrainian forces in Donetsk.", "UKR", "194", "UKR"),
        # sympathy: to the bereaved, also at home
        ("President Biden expressed sorrow for the deadly shootings in Texas.", "USA", "018", "USA"),
        (
            "The French president offered condolences for the victims of the attack in Nice.",
            "FRA",
            "018",
            "FRA",
        ),
        ("Germany sent condolences to Turkey after the earthquake.", "DEU", "018", "TUR"),
        ("Japan extended its condolences to the people of Morocco.", "JPN", "018", "MAR"),
    ],
)
def test_events_casualties_coded(nlp, text: str, source: str | None, root: str, target: str | None) -> None:  # type: ignore[no-untyped-def]
    found = _found(nlp, text)
    assert any(
        (source is None or s == source) and code.startswith(root) and (target is None or t == target)
        for s, code, t in found
    ), found


@pytest.mark.parametrize(
    "text",
    [
        "Two men were killed in the Syrian capital on Monday.",  # a place's adjective is not a doer
        "Ten people died in a car crash in Nairobi.",  # an accident is no attack
    ],
)
def test_events_casualties_no_doer_from_place(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert all(s is None for s, code, _ in _found(nlp, text) if code[:2] in ("18", "19", "20"))


def test_events_casualties_own_territory_talks_have_no_target(nlp) -> None:  # type: ignore[no-untyped-def]
    found = _found(nlp, "The Kenyan president said he was ready to host talks in Nairobi.")
    assert found and all(t is None for _, _, t in found), found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # foreign troops killed in another country, no doer named: that country's side (inferred)
        ("Two American soldiers were killed in Afghanistan on Sunday.", ("AFG", "190", "USA")),
        ("There were twelve French soldiers killed in Mali last month.", ("MLI", "190", "FRA")),
    ],
)
def test_events_casualties_foreign_troops_host_side(nlp, text: str, expected: tuple[str, str, str]) -> None:  # type: ignore[no-untyped-def]
    assert expected in _found(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "Two Russian soldiers were killed in Moscow on Sunday.",  # at home: no side to infer
        "Five Ukrainian civilians were killed in Poland.",  # civilians abroad: no war side implied
    ],
)
def test_events_casualties_no_host_side(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert all(s is None for s, code, _ in _found(nlp, text) if code[:2] in ("18", "19")), _found(nlp, text)
