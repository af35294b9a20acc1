"""Sector words in front of a generic noun: parties, embassies, labour federations."""

from __future__ import annotations

import datetime as dt

import pytest

from eventwire.coding.actors import resolve_actors
from eventwire.coding.events import extract_events

PUBLISHED = dt.date(2024, 5, 1)


def _source_code(nlp, text: str) -> str | None:  # type: ignore[no-untyped-def]
    doc = nlp(text)
    events = extract_events(doc, resolve_actors(doc, published=PUBLISHED), published=PUBLISHED, doc_id="a")
    assert events, text
    source = events[0].source
    return None if source is None else source.code


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # a party's spokesman speaks for the party, not for the government
        ("A party spokesman in Dhaka accused the government of lying.", "BGDPTY"),
        ("Party officials in Lusaka condemned the arrests.", "ZMBPTY"),
        # the modifier of the modifier is the narrower sector
        ("An opposition party spokesman in Dhaka accused the government of lying.", "BGDOPP"),
        ("A ruling party official in Harare accused the opposition of violence.", "ZWEGOV"),
        # an embassy is its country's government
        ("China's embassy in Manila criticised the agreement.", "CHNGOV"),
        ("The Russian embassy in London condemned the sanctions.", "RUSGOV"),
        # labour federations are labour
        ("Nigeria's two main labour federations began a general strike on Tuesday.", "NGALAB"),
        ("Argentina's largest labor federation called a general strike.", "ARGLAB"),
    ],
)
def test_actors_sector_modifiers(nlp, text: str, code: str) -> None:  # type: ignore[no-untyped-def]
    assert _source_code(nlp, text) == code


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # a modifier of a minister or ministry names the portfolio: still the government
        ("The Nigerian labour minister urged workers to return to their jobs.", "NGAGOV"),
        ("Labour Minister John Okafor of Nigeria urged workers to return to work.", "NGAGOV"),
        ("The South African police minister condemned the attack.", "ZAFGOV"),
        # other nouns still take the modifier's sector
        ("The Sudanese army commander accused the rebels of lying.", "SDNMIL"),
    ],
)
def test_actors_portfolio_is_government(nlp, text: str, code: str) -> None:  # type: ignore[no-untyped-def]
    assert _source_code(nlp, text) == code


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # "the junta" is the military in power named before, not the most mentioned (adversary) country
        (
            "Niger's military rulers expelled the French ambassador. France and French officials in Paris said "
            "the French envoy would stay. The junta suspended two French television channels.",
            "NERGOV",
        ),
        (
            "Myanmar's army seized power in February. The United States and US officials in Washington "
            "condemned the coup. The junta arrested hundreds of American-trained activists.",
            "MMRGOV",
        ),
    ],
)
def test_actors_junta_is_the_earlier_military(nlp, text: str, code: str) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(text)
    analysis = resolve_actors(doc, published=PUBLISHED)
    juntas = [m for m in analysis.mentions if m.text.lower().endswith("junta")]
    assert juntas and juntas[0].code == code


def test_actors_junta_not_the_adversarys_troops(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Niger's military rulers expelled the French ambassador. Supporters of the junta demanded the withdrawal "
        "of France's 1,500 troops. The junta suspended two French television channels."
    )
    analysis = resolve_actors(nlp(text), published=PUBLISHED)
    assert {m.code for m in analysis.mentions if m.text.lower().endswith("junta")} == {"NERGOV"}


@pytest.mark.parametrize(
    ("text", "medium", "actor"),
    [
        # the medium someone speaks through is not an actor
        ("The Colombian president welcomed the deal on social media.", "social media", False),
        ("The Kenyan president condemned the attack on state television.", "state television", False),
        ("The Peruvian minister criticised the strike on radio.", "radio", False),
        # a broadcaster acted upon is one
        ("Police raided the offices of Russian television in Kyiv.", "Russian television", True),
    ],
)
def test_actors_channel_is_no_actor(nlp, text: str, medium: str, actor: bool) -> None:  # type: ignore[no-untyped-def]
    analysis = resolve_actors(nlp(text), published=PUBLISHED)
    assert any(m.text == medium for m in analysis.mentions) is actor, [m.text for m in analysis.mentions]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # several states, none of them the document's focus
        ("Regional leaders called for an end to the fighting in Goma.", "GOV"),
        ("Western governments condemned the Russian attack on Kyiv.", "GOV"),
        # a portfolio noun keeps its country
        ("The Congolese foreign minister accused Rwanda of aggression.", "CODGOV"),
        ("The foreign ministry in Kinshasa condemned the attack.", "CODGOV"),
    ],
)
def test_actors_multinational_groups_have_no_country(nlp, text: str, code: str) -> None:  # type: ignore[no-untyped-def]
    assert _source_code(nlp, text) == code
