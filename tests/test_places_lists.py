"""Lists of places the small model merges into one entity ("Abuja, Lagos") or tags in part: every member is a
place of its own with its coordinates, never one place of precision "unknown". Sentences written for these
tests."""

from __future__ import annotations

import pytest

from eventwire.facts.places import extract_places

CASES = [
    ("Police said the rallies in Abuja, Lagos and Port Harcourt had been peaceful.", ["Abuja", "Lagos", "Port Harcourt"]),
    ("Protesters gathered in Abuja, Lagos.", ["Abuja", "Lagos"]),
    ("Marches took place in Abuja, Lagos, Kano and Port Harcourt on Tuesday.", ["Abuja", "Lagos", "Kano", "Port Harcourt"]),
    ("Thousands rallied across Abuja, Lagos, and Enugu.", ["Abuja", "Lagos", "Enugu"]),  # serial comma
    ("Drones struck Kharkiv, Odesa and Dnipro overnight.", ["Kharkiv", "Odesa", "Dnipro"]),
    ("Fighting was reported in Homs, Hama and Idlib.", ["Homs", "Hama", "Idlib"]),
    ("Strikes closed ports in Rotterdam, Antwerp and Hamburg.", ["Rotterdam", "Antwerp", "Hamburg"]),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "cities"), CASES, ids=[c[0][:32] for c in CASES])
def test_places_lists_every_city(nlp, sentence: str, cities: list[str]) -> None:
    places = extract_places(nlp(sentence))
    assert [p.text for p in places] == cities
    for place in places:
        assert place.precision == "city"
        assert place.lat is not None and place.lon is not None and place.geonameid is not None
        assert sentence[place.start : place.end] == place.text  # type: ignore[misc]


def test_places_lists_keep_a_known_multiword_name(nlp) -> None:  # type: ignore[no-untyped-def]
    """A list split only where the whole is unknown: "Bosnia and Herzegovina" stays one country."""
    places = extract_places(nlp("Elections were held in Bosnia and Herzegovina on Sunday."))
    assert [(p.text, p.country, p.precision) for p in places] == [
        ("Bosnia and Herzegovina", "BIH", "country")
    ]
