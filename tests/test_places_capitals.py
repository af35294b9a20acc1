"""'the Serbian capital': a nationality word and "capital" name the country's capital city. Sentences written
for these tests."""

from __future__ import annotations

import pytest

from eventwire.facts.places import extract_places


@pytest.mark.parametrize(
    ("sentence", "mention", "name", "country"),
    [
        (
            "The march was the largest in the Serbian capital for a decade.",
            "Serbian capital",
            "Belgrade",
            "SRB",
        ),
        ("Drones hit the Ukrainian capital's outskirts overnight.", "Ukrainian capital", "Kyiv", "UKR"),
        ("Crowds filled the Kenyan capital, chanting slogans.", "Kenyan capital", "Nairobi", "KEN"),
        ("Gunmen attacked a mall in Kenya's capital on Saturday.", "Kenya's capital", "Nairobi", "KEN"),
    ],
)
def test_places_capitals_by_nationality(nlp, sentence: str, mention: str, name: str, country: str) -> None:  # type: ignore[no-untyped-def]
    places = [p for p in extract_places(nlp(sentence)) if p.text == mention]
    assert len(places) == 1
    place = places[0]
    assert (place.name, place.country, place.precision) == (name, country, "city")
    assert place.lat is not None and sentence[place.start : place.end] == mention  # type: ignore[misc]


@pytest.mark.parametrize(
    "sentence",
    [
        "Protesters gathered in the Belarusian capital Minsk.",  # the name itself is the mention
        "The Russian capital, Moscow, was calm.",
        "Chinese capital investment rose sharply.",  # money
        "Foreign capital left the country.",
    ],
)
def test_places_capitals_not_doubled_nor_money(nlp, sentence: str) -> None:  # type: ignore[no-untyped-def]
    assert not [p for p in extract_places(nlp(sentence)) if "capital" in (p.text or "")]


@pytest.mark.parametrize(
    ("sentence", "mention", "country"),
    [
        # the model swallows the name into a time ("Aleppo overnight" TIME)
        (
            "Insurgents shelled a part of Syria's second city Aleppo overnight, killing eight.",
            "Aleppo",
            "SYR",
        ),
    ],
)
def test_places_names_inside_times(nlp, sentence: str, mention: str, country: str) -> None:  # type: ignore[no-untyped-def]
    assert [(p.text, p.country) for p in extract_places(nlp(sentence)) if p.text == mention] == [
        (mention, country)
    ]


@pytest.mark.parametrize(
    "sentence", ["Protests resumed in March in Kyiv.", "The vote is due in May in Kyiv."]
)
def test_places_calendar_words_are_not_towns(nlp, sentence: str) -> None:  # type: ignore[no-untyped-def]
    assert [p.text for p in extract_places(nlp(sentence))] == ["Kyiv"]
