"""Invariants of every ActorAnalysis: offsets, token spans, ids, entity membership."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.language import Language

from eventwire.coding.actors import resolve_actors

TEXTS = [
    "Russia said it was prepared to provide security support to Alexander Lukashenko.",
    "\u201cWe will not give up,\u201d said Maria Kolesnikova, an opposition figure, in Minsk on Monday.",
    "The U.S. State Department and the E.U. urged Belarusian authorities to free the detained.",
    "Côte d’Ivoire’s government and the African Union welcomed the deal; Hamas rejected it.",
    "Police in Nairobi said they had arrested 20 people, including three journalists from the BBC.",
    "",
    "   \n\n  ",
    "he she it they",
    "THE KREMLIN SAID NOTHING.",
]


@pytest.mark.parametrize("text", TEXTS)
def test_actors_offsets_and_ids(nlp: Language, text: str) -> None:
    doc = nlp(text)
    analysis = resolve_actors(doc, published=dt.date(2021, 1, 1))
    entity_ids = {e.entity_id for e in analysis.entities}
    covered: set[int] = set()
    for m in analysis.mentions:
        assert text[m.start : m.end] == m.text
        assert doc[m.token_start].idx == m.start
        assert doc[m.token_end - 1].idx + len(doc[m.token_end - 1]) == m.end
        assert m.code and m.entity_id in entity_ids
        tokens = set(range(m.token_start, m.token_end))
        assert not tokens & covered, "mentions overlap"
        covered |= tokens
        assert analysis.mention_at(m.token_start) is m
    for entity in analysis.entities:
        assert entity.mentions, entity
        for span in entity.mentions:
            assert text[span.start : span.end] == span.text


def test_actors_without_publication_date_use_current_roles(nlp: Language) -> None:
    analysis = resolve_actors(nlp("Donald Trump spoke."), published=None)
    assert analysis.mentions[0].code == "USAGOV"


_WORDS = [
    "Russia",
    "said",
    "it",
    "he",
    "she",
    "they",
    "the",
    "Belarusian",
    "police",
    "Mr",
    "Lukashenko",
    "Kremlin",
    "protesters",
    "of",
    "opponents",
    "his",
    "counterpart",
    "Nato",
    "EU",
    "in",
    "Minsk",
    "\u201c",
    "\u201d",
    ",",
    ".",
    "\n\n",
    "President",
    "Putin",
    "al-Shabab",
    "tens",
    "thousands",
    "supporters",
    "her",
    "allies",
    "Congo",
    "former",
    "ambassador",
    "to",
    "Slovakia",
    "Igor",
    "Leshchenya",
    "state",
    "TV",
    "US",
    "and",
    "British",
]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=40))
def test_actors_offsets_hold_on_word_salad(nlp: Language, words: list[str]) -> None:
    text = " ".join(words)
    doc = nlp(text)
    analysis = resolve_actors(doc, published=dt.date(2020, 8, 16))
    for m in analysis.mentions:
        assert text[m.start : m.end] == m.text
        assert 0 <= m.token_start < m.token_end <= len(doc)
        assert m.code
