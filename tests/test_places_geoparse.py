"""Geoparsing over sentences written for these tests: gazetteer lookups, mislabelled entities, disambiguation
by the document's countries, demonyms and measures that are not places, hypothetical mentions."""

from __future__ import annotations

import pytest

from eventwire.facts.gazetteer import load_gazetteer
from eventwire.facts.places import extract_places
from eventwire.model import Place

# (sentence, [(mention text, place name, ISO3 country, precision)]) -- every place the sentence mentions.
CASES = [
    (
        "Thousands of protesters gathered in Minsk on Sunday, the Belarusian opposition said.",
        [("Minsk", "Minsk", "BLR", "city")],
    ),
    (  # a US state in the document picks the small Paris
        "The storm hit Paris, Texas, on Tuesday, the Texas governor said.",
        [
            ("Paris", "Paris", "USA", "city"),
            ("Texas", "Texas", "USA", "admin1"),
            ("Texas", "Texas", "USA", "admin1"),
        ],
    ),
    ("The French president flew to Paris after the summit.", [("Paris", "Paris", "FRA", "city")]),
    (  # Georgia the US state, by context
        "Georgia's governor signed the bill in Atlanta on Monday.",
        [("Georgia", "Georgia", "USA", "admin1"), ("Atlanta", "Atlanta", "USA", "city")],
    ),
    (  # Georgia the country, by context
        "Russian troops remain in Georgia's breakaway regions after the war with Tbilisi.",
        [("Georgia", "Georgia", "GEO", "country"), ("Tbilisi", "Tbilisi", "GEO", "city")],
    ),
    (  # spaCy labels the country ORG and the person's surname GPE
        "The Belarusian ambassador to Slovakia, Igor Leshchenya, resigned.",
        [("Slovakia", "Slovakia", "SVK", "country")],
    ),
    ("The convoy travelled 7,000 kilometres from the border.", []),
    (
        "Clashes broke out in the West Bank and Gaza overnight.",
        [("West Bank", "West Bank", "PSE", "region"), ("Gaza", "Gaza Strip", "PSE", "region")],
    ),
    (  # places used as actors are still places mentioned
        "The Kremlin said Moscow would respond.",
        [("Kremlin", "Kremlin", "RUS", "site"), ("Moscow", "Moscow", "RUS", "city")],
    ),
    (  # a city spaCy tags ORG, coordinated with one it tags GPE; Brest in Belarus, not France
        "Police detained 40 people in Gomel and Brest, the rights group Viasna said.",
        [("Gomel", "Homyel'", "BLR", "city"), ("Brest", "Brest", "BLR", "city")],
    ),
    ("Ukrainian officials said shelling continued in Donbas.", [("Donbas", "Donbas", "UKR", "region")]),
    (  # alternate names
        "He was born in Kiev and studied in Bombay.",
        [("Kiev", "Kyiv", "UKR", "city"), ("Bombay", "Mumbai", "IND", "city")],
    ),
    (  # demonyms are not places
        "The Americans and the British sent aid to Syria.",
        [("Syria", "Syria", "SYR", "country")],
    ),
    (
        "Tensions rose in the Middle East after the strike near Damascus.",
        [("Middle East", "Middle East", None, "region"), ("Damascus", "Damascus", "SYR", "city")],
    ),
    (
        "Protests spread across the UK and the US.",
        [("UK", "United Kingdom", "GBR", "country"), ("US", "United States", "USA", "country")],
    ),
    ("Jordan Peterson spoke at the event.", []),
    (  # a national capital before the US state of the same name
        "Officials in Washington and London condemned the attack.",
        [("Washington", "Washington", "USA", "city"), ("London", "London", "GBR", "city")],
    ),
    (
        "Hundreds marched on Tiananmen Square in Beijing.",
        [("Tiananmen Square", "Tiananmen Square", "CHN", "site"), ("Beijing", "Beijing", "CHN", "city")],
    ),
    (  # an editor's bracket between the preposition and the name
        "He condemned the pressure exerted on [Belarus] from the outside.",
        [("Belarus", "Belarus", "BLR", "country")],
    ),
    ("Scotland voted to remain.", [("Scotland", "Scotland", "GBR", "admin1")]),
    (  # a list merged into one entity is split; a demonym tagged GPE is not a place
        "Drones struck energy facilities in the Ukrainian regions of Kharkiv and Odesa overnight.",
        [("Kharkiv", "Kharkiv", "UKR", "city"), ("Odesa", "Odesa", "UKR", "city")],
    ),
    (
        "Police said the rallies in Abuja, Lagos and Port Harcourt had been peaceful.",
        [
            ("Abuja", "Abuja", "NGA", "city"),
            ("Lagos", "Lagos", "NGA", "city"),
            ("Port Harcourt", "Port Harcourt", "NGA", "city"),
        ],
    ),  # fmt: skip
    (  # officials and people "of" a place name it, whatever the model's label
        "The regional governor of Kharkiv said the mayor of Odesa had asked for help.",
        [("Kharkiv", "Kharkiv", "UKR", "city"), ("Odesa", "Odesa", "UKR", "city")],
    ),
    (  # an obscure GeoNames alternate name (of an Iranian town) does not make a Dhaka district Iranian
        "Police raided homes in Gulshan, a district of Dhaka, in Bangladesh.",
        [
            ("Gulshan", "Gulshan", None, "unknown"),
            ("Dhaka", "Dhaka", "BGD", "city"),
            ("Bangladesh", "Bangladesh", "BGD", "country"),
        ],
    ),  # fmt: skip
    (  # spaCy tags this city LANGUAGE
        "Local news reports that there was a pause in the bombing in Aleppo.",
        [("Aleppo", "Aleppo", "SYR", "city")],
    ),
    (  # an untagged name in apposition to "city"
        "Insurgents bombarded a government-held part of Syria's second city Aleppo overnight.",
        [("Syria", "Syria", "SYR", "country"), ("Aleppo", "Aleppo", "SYR", "city")],
    ),
    (  # part of a country: a region of it, with no pretended coordinates
        "The flight was blown up over Eastern Ukraine by a missile.",
        [("Eastern Ukraine", "Eastern Ukraine", "UKR", "region")],
    ),
    (  # "the North" is not a truncated North Salt Lake
        "Seoul urged the North to stop its threats, South Korea said.",
        [("Seoul", "Seoul", "KOR", "city"), ("South Korea", "South Korea", "KOR", "country")],
    ),
]


@pytest.mark.parametrize(("sentence", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_places_geoparse(nlp, sentence: str, expected: list[tuple[str, str, str | None, str]]) -> None:
    doc = nlp(sentence)
    places = extract_places(doc)
    got = [(p.text, p.name, p.country, p.precision) for p in places]
    assert got == expected
    for place in places:
        assert place.start is not None and place.end is not None
        assert sentence[place.start : place.end] == place.text


@pytest.mark.parametrize(
    ("sentence", "mention", "hypothetical"),
    [
        ("If the talks fail, the delegation will fly to Geneva.", "Geneva", True),
        ("The delegation flew to Geneva, where talks began.", "Geneva", False),
        ("Unless the army withdraws from Kherson, the talks are over.", "Kherson", True),
        ("He said he would go to Kabul if he was invited.", "Kabul", True),
        ("Protests continued in Warsaw, and if the police intervene the union will strike.", "Warsaw", False),
        # the condition hangs on the speech tag set inside the sentence
        (
            "If the protests continue, he warned, troops would be deployed to Pointe-Noire.",
            "Pointe-Noire",
            True,
        ),
        (
            "If the protests continue, troops would be deployed to Pointe-Noire, he warned.",
            "Pointe-Noire",
            True,
        ),
        (
            "Troops were deployed to Pointe-Noire, he said, and if needed more would follow.",
            "Pointe-Noire",
            False,
        ),
        # conditions without "if"
        ("Should the talks fail, troops will move into Kherson.", "Kherson", True),
        ("In case the talks fail, troops will move into Kherson.", "Kherson", True),
        ("In the event that the deal collapses, refugees would flee to Poland.", "Poland", True),
        ("Were the army to attack Taipei, the US would respond.", "Taipei", True),
        ("In the event, the talks in Geneva failed.", "Geneva", False),
    ],
)
def test_places_hypothetical(nlp, sentence: str, mention: str, hypothetical: bool) -> None:
    places = [p for p in extract_places(nlp(sentence)) if p.text == mention]
    assert len(places) == 1
    assert places[0].hypothetical is hypothetical


def _by_text(places: list[Place], text: str) -> Place:
    return next(p for p in places if p.text == text)


def test_places_coordinates_only_for_what_they_are(nlp) -> None:
    """Cities carry their own coordinates and GeoNames id; a country its centroid, with precision country."""
    places = extract_places(nlp("Troops moved from Kharkiv towards the border with Russia."))
    city, country = _by_text(places, "Kharkiv"), _by_text(places, "Russia")
    assert (city.precision, city.country, city.geonameid) == ("city", "UKR", 706483)
    assert city.lat == pytest.approx(49.98, abs=0.05) and city.lon == pytest.approx(36.25, abs=0.05)
    assert country.precision == "country" and country.lat is not None


@pytest.mark.parametrize(
    ("name", "kind", "country"),
    [
        ("minsk", "city", "BLR"),
        ("the Hague", "city", "NLD"),
        ("Ivory Coast", "country", "CIV"),
        ("Russian Federation", "country", "RUS"),
        ("South Korea", "country", "KOR"),
        ("Crimea", "region", "UKR"),
        ("Donbass", "region", "UKR"),
    ],
)
def test_places_gazetteer_lookup(name: str, kind: str, country: str) -> None:
    readings = load_gazetteer().lookup(name)
    assert any(r.kind == kind and r.country == country for r in readings)


@pytest.mark.parametrize("noise", ["MSQ", "mnsk", "Strikes", "Eugen"])
def test_places_gazetteer_ignores_codes_and_transliterations(noise: str) -> None:
    assert load_gazetteer().lookup(noise) == []


def test_places_gazetteer_demonyms_vote_but_are_not_names() -> None:
    gaz = load_gazetteer()
    assert gaz.demonym_country("Belarusian") == "BLR"
    assert gaz.demonym_country("Soviet") is None
    assert all(r.kind != "country" for r in gaz.lookup("Belarusian"))
