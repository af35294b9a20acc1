"""Country names several countries share ("Congo", "Korea"): the co-mentioned places decide, else the default
reading; nationality words shared by both countries ("Congolese") do not vote."""

from __future__ import annotations

import pytest

from eventwire.facts.gazetteer import load_gazetteer
from eventwire.facts.places import extract_places


@pytest.mark.parametrize(
    ("text", "mention", "country"),
    [
        # the Democratic Republic: by its cities, its full name or abbreviation, or by default
        ("Rebels advanced on Goma. Fighting in Congo displaced thousands.", "Congo", "COD"),
        ("Officials in Kinshasa said the army had retaken towns across Congo.", "Congo", "COD"),
        ("The DRC government said aid would reach Congo's east within days.", "Congo", "COD"),
        ("Protests spread across Congo on Monday.", "Congo", "COD"),
        ("Congolese soldiers were deployed across Congo.", "Congo", "COD"),
        # the Republic of the Congo: by its capital, even when the model does not tag it a place
        ("Voters in Congo went to the polls. Turnout in Brazzaville was high.", "Congo", "COG"),
        (
            "Election results were announced in Congo. Brazzaville officials said the vote was fair.",
            "Congo",
            "COG",
        ),
        ("Troops from Congo-Brazzaville were sent to the border of Congo.", "Congo", "COG"),
        # Korea: the capital named decides
        ("Talks were held in Seoul about the future of Korea.", "Korea", "KOR"),
        ("Diplomats in Pyongyang said sanctions on Korea hurt farmers.", "Korea", "PRK"),
    ],
)
def test_places_shared_country_name(nlp, text: str, mention: str, country: str) -> None:
    found = [p for p in extract_places(nlp(text)) if p.text == mention]
    assert found and all(p.country == country and p.precision == "country" for p in found)
    assert found[0].lat is not None  # a country mention carries its representative point


@pytest.mark.parametrize(
    ("text", "mention", "country"),
    [
        ("Refugees crossed into Guinea-Bissau on Monday.", "Guinea-Bissau", "GNB"),
        ("Troops from Congo-Brazzaville were deployed.", "Congo-Brazzaville", "COG"),
        ("Refugees crossed into Guinea on Monday.", "Guinea", "GIN"),
    ],
)
def test_places_hyphenated_country_names_stay_whole(nlp, text: str, mention: str, country: str) -> None:
    """The tokenizer splits at hyphens and the model may tag only the first part; the whole name counts."""
    found = [p for p in extract_places(nlp(text)) if p.country == country]
    assert [p.text for p in found] == [mention]
    assert text[found[0].start : found[0].end] == mention  # type: ignore[misc]


def test_places_shared_name_lists_every_country_default_first() -> None:
    readings = load_gazetteer().lookup("congo")
    assert [r.country for r in readings] == ["COD", "COG"]
    assert all(r.kind == "country" for r in readings)


@pytest.mark.parametrize(
    ("word", "country"), [("Congolese", None), ("Belarusian", "BLR"), ("Kenyans", "KEN")]
)
def test_places_shared_demonym_does_not_vote(word: str, country: str | None) -> None:
    assert load_gazetteer().demonym_country(word) == country
