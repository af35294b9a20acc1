"""Gazetteer additions (data/gazetteer/additions.tsv): regions, provinces and towns the GeoNames extract lacks,
resolved with their country and representative point; a country known only through its places is named as
the knowledge base names it. Sentences written for these tests."""

from __future__ import annotations

import pytest

from eventwire.facts.attach import document_focus
from eventwire.facts.places import extract_places


@pytest.mark.parametrize(
    ("sentence", "mention", "country", "precision"),
    [
        ("Police cleared a blockade near El Alto with tear gas.", "El Alto", "BOL", "city"),
        ("Rebels advanced in North Kivu on Monday.", "North Kivu", "COD", "admin1"),
        ("Ships were attacked off Hodeidah.", "Hodeidah", "YEM", "city"),
        ("Japan will fund a radar station on the island of Palawan.", "Palawan", "PHL", "admin1"),
        ("Drought hit the counties of Turkana and Marsabit.", "Turkana", "KEN", "admin1"),
        ("Fighting killed 30 people in the Catatumbo region.", "Catatumbo", "COL", "region"),
        ("Tankers avoided the Bab el-Mandeb after the attacks.", "Bab el-Mandeb", None, "region"),
    ],
)
def test_places_additions_resolve(
    nlp, sentence: str, mention: str, country: str | None, precision: str
) -> None:  # type: ignore[no-untyped-def]
    found = [p for p in extract_places(nlp(sentence)) if p.text == mention]
    assert found, f"{mention} not found"
    place = found[0]
    assert (place.country, place.precision) == (country, precision)
    assert place.lat is not None and place.lon is not None


def test_places_focus_country_named_like_the_kb(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Rebels advanced in North Kivu and Ituri on Monday.")
    focus = document_focus(extract_places(doc), doc.text)
    assert focus is not None and (focus.name, focus.country, focus.precision) == (
        "Democratic Republic of the Congo",
        "COD",
        "country",
    )
    assert focus.lat is None  # only the country is known: no invented point
