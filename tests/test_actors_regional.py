"""Actor KB rows for generalisation (issue 3, round 3), on phrases written for these tests: demonyms of regional
peoples living in one state, peoples of several states (no country, not even the document's focus), the
Islamic State's code, "X-led coalition", and everyday victim nouns (teachers, guards, parents, collaborators)."""

from __future__ import annotations

import datetime as dt

import pytest

from eventwire.coding import kb
from eventwire.coding.actors import resolve_actors


def _codes(nlp, text: str) -> dict[str, str | None]:  # type: ignore[no-untyped-def]
    doc = nlp(text)
    return {m.text: m.code for m in resolve_actors(doc, published=dt.date(2024, 5, 1)).mentions}


@pytest.mark.parametrize(
    ("word", "iso3"),
    [
        ("Chechen", "RUS"),
        ("Uyghur", "CHN"),
        ("Uighurs", "CHN"),
        ("Tibetan", "CHN"),
        ("Tigrayan", "ETH"),
        ("Oromo", "ETH"),
        ("Darfuri", "SDN"),
        ("Palestinian", "PSE"),
    ],
)
def test_actors_regional_demonyms(word: str, iso3: str) -> None:
    match = kb.country_match(word)
    assert match is not None and match.country.iso3 == iso3


@pytest.mark.parametrize("word", ["Kurdish", "Kurds", "Baloch"])
def test_actors_regional_stateless_peoples_have_no_country(word: str) -> None:
    assert kb.country_match(word) is None
    assert word.lower() in kb.rules().stateless_peoples


@pytest.mark.parametrize(
    ("text", "phrase", "code"),
    [
        ("Kurdish fighters clashed with Turkish troops near the border.", "Kurdish fighters", "REB"),
        ("Chechen fighters ambushed a convoy.", "Chechen fighters", "RUSREB"),
        ("The Saudi-led coalition bombed a port in Yemen.", "The Saudi-led coalition", "SAUMIL"),
        ("The US-led coalition said it had struck a depot.", "coalition", "USAMIL"),
        ("The ruling coalition lost its majority.", "The ruling coalition", "GOV"),
        ("A teacher and a security guard were shot.", "A teacher", "EDU"),
        ("A teacher and a security guard were shot.", "a security guard", "CVL"),
        ("Militants executed five suspected collaborators.", "five suspected collaborators", "CVL"),
        ("The parents of the missing girls appealed for help.", "The parents", "CVL"),
    ],
)
def test_actors_regional_groups(nlp, text: str, phrase: str, code: str) -> None:  # type: ignore[no-untyped-def]
    assert _codes(nlp, text).get(phrase) == code


def test_actors_regional_islamic_state_is_one_transnational_group() -> None:
    for name in ("Islamic State", "ISIL", "Daesh"):
        org = kb.organisation_by_name(name)
        assert org is not None and org.code == "IMGMUSISI" and not org.country


@pytest.mark.parametrize(
    ("text", "phrase", "code"),
    [
        # the government of the official who just spoke, not a bare GOV
        (
            "The Dutch prime minister said the government would send aid to Turkey.",
            "the government",
            "NLDGOV",
        ),
        (
            "The Kenyan president met Ugandan officials. He said the government would investigate.",
            "the government",
            "KENGOV",
        ),
        # people described by what they call for or join
        ("Police arrested anyone calling for an insurrection.", "anyone", "OPP"),
        ("He said anyone who joins the protest will be arrested.", "anyone", "OPP"),
        ("Anyone can apply for the grant.", "Anyone", "CVL"),
    ],
)
def test_actors_regional_context(nlp, text: str, phrase: str, code: str) -> None:  # type: ignore[no-untyped-def]
    assert _codes(nlp, text).get(phrase) == code
