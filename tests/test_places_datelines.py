"""Datelines at the start of a document or paragraph, written for these tests: the place reported from (city,
state or country after it), whatever the small model made of the upper-case name; and lines that only look
like one."""

from __future__ import annotations

import pytest

from eventwire.facts.attach import document_focus
from eventwire.facts.places import dateline_names, extract_places, opens_dateline

# (text, [(mention, place name, ISO3, precision)] expected among the places found at the opening line)
DATELINES = [
    (
        "GOMA, Democratic Republic of Congo \u2014 Rebels shelled the road to Sake on Monday.",
        [("GOMA", "Goma", "COD", "city"), ("Democratic Republic of Congo", None, "COD", "country")],
    ),
    (
        "MINSK (Reuters) - Police detained dozens of protesters on Sunday.",
        [("MINSK", "Minsk", "BLR", "city")],
    ),
    (
        "Kyiv, Ukraine \u2014 Air defences were active overnight, the military said.",
        [("Kyiv", "Kyiv", "UKR", "city"), ("Ukraine", "Ukraine", "UKR", "country")],
    ),
    (  # an old spelling, a date and an agency between the name and the dash
        "KIEV, Feb 24 (Reuters) - Sirens sounded across the capital.",
        [("KIEV", "Kyiv", "UKR", "city")],
    ),
    (  # the state after the city picks the small Paris
        "PARIS, Texas (AP) -- A tornado damaged dozens of homes.",
        [("PARIS", "Paris", "USA", "city"), ("Texas", "Texas", "USA", "admin1")],
    ),
    (  # the city picks which Congo the country is
        "BRAZZAVILLE, Congo \u2013 Voters queued outside polling stations.",
        [("BRAZZAVILLE", "Brazzaville", "COG", "city"), ("Congo", "Republic of the Congo", "COG", "country")],
    ),
    (  # agency style: an upper-case name and a colon
        "LYON: Interpol said it would send a team of experts.",
        [("LYON", "Lyon", "FRA", "city")],
    ),
    (
        "GAZA CITY, Palestinian Territories: Four children were killed in shelling.",
        [("GAZA CITY", "Gaza", "PSE", "city")],
    ),
    (  # a dateline opening a later paragraph
        "Talks resumed on Friday.\n\nNAIROBI, Kenya \u2014 The mediators arrived.",
        [("NAIROBI", "Nairobi", "KEN", "city"), ("Kenya", "Kenya", "KEN", "country")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), DATELINES, ids=[t[:24] for t, _ in DATELINES])
def test_places_datelines_found(nlp, text: str, expected: list[tuple[str, str | None, str, str]]) -> None:
    places = extract_places(nlp(text))
    for mention, name, country, precision in expected:
        found = [p for p in places if p.text == mention]
        assert found, f"{mention} not found in {[p.text for p in places]}"
        place = found[0]
        assert (place.country, place.precision) == (country, precision)
        assert name is None or place.name == name
        assert place.start is not None and text[place.start : place.end] == mention
        assert not place.hypothetical
        if precision == "city":
            assert place.lat is not None and place.lon is not None


@pytest.mark.parametrize(
    "text",
    [
        "Minsk is calm - for now, residents say.",  # a sentence, not a dateline
        "Protests in Minsk - police detain hundreds",  # a headline
        "By John Smith - Staff reporter",  # a byline
        "Minsk, the capital, was calm \u2014 for now.",
        "Update: the talks in Geneva resumed on Monday.",  # a colon after a word in title case
        "Geneva: talks resume.",
        "The talks in Geneva \u2014 the third this year \u2014 ended.",
    ],
)
def test_places_datelines_not_every_dash(nlp, text: str) -> None:
    assert not opens_dateline(text, 0)
    places = extract_places(nlp(text))
    # the opening words are no dateline: the focus is what the mentions alone give
    assert document_focus(places, text) == document_focus(places)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("GOMA, Democratic Republic of Congo \u2014 x", ["GOMA", "Democratic Republic of Congo"]),
        ("KYIV, Feb 24 (Reuters) - x", ["KYIV"]),
        ("RIO DE JANEIRO, Brazil, March 3 (AFP) - x", ["RIO DE JANEIRO", "Brazil"]),
        ("Nothing here.", []),
    ],
)
def test_places_dateline_names(text: str, names: list[str]) -> None:
    assert [text[s:e] for s, e in dateline_names(text, 0)] == names


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the dateline city is the focus though the story mentions other cities more
        (
            "MINSK (Reuters) - Police detained protesters. Crowds gathered in Grodno and in Brest.\n\n"
            "In Grodno, workers went on strike.",
            ("Minsk", "city"),
        ),
        ("Kyiv, Ukraine \u2014 Air raid alerts sounded in Kharkiv and Odesa.", ("Kyiv", "city")),
        # no dateline: the country that dominates
        ("Protesters marched in Minsk. Belarus said the vote was fair. Belarus", ("Belarus", "country")),
    ],
)
def test_places_dateline_is_document_focus(nlp, text: str, expected: tuple[str, str]) -> None:
    doc = nlp(text)
    focus = document_focus(extract_places(doc), doc.text)
    assert focus is not None and (focus.name, focus.precision) == expected
