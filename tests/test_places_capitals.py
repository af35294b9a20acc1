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
