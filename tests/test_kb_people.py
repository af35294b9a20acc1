"""People, organisations, sectors and rule lists of the actor knowledge base."""

from __future__ import annotations

import datetime as dt

import pytest

from eventwire.coding import kb


@pytest.mark.parametrize(
    ("surname", "day", "code"),
    [
        ("Lukashenko", dt.date(2020, 8, 16), "BLRGOV"),
        ("Putin", dt.date(2020, 8, 16), "RUSGOV"),
        ("Tikhanovskaya", dt.date(2020, 8, 16), "BLROPP"),
        ("Merkel", dt.date(2015, 1, 1), "DEUGOV"),
        ("Merkel", dt.date(2023, 1, 1), "DEUGOV"),  # after her last role ended, the latest role applies
        ("Trump", dt.date(2016, 3, 1), "USAPTY"),
        ("Trump", dt.date(2018, 5, 1), "USAGOV"),
        ("Trump", dt.date(2021, 1, 20), "USAPTY"),  # the end date is exclusive: Biden took office that day
        ("Trump", dt.date(2025, 6, 1), "USAGOV"),
        ("Biden", dt.date(2021, 1, 20), "USAGOV"),
        ("Zelensky", dt.date(2010, 1, 1), "UKRGOV"),  # before the first role: the earliest role
        ("Guterres", dt.date(2020, 1, 1), "IGOUNO"),
        ("Stoltenberg", dt.date(2020, 1, 1), "NATO"),
    ],
)
def test_kb_people_roles_are_date_bounded(surname: str, day: dt.date, code: str) -> None:
    person = kb.person_by_surname(surname)
    assert person is not None
    assert person.code_on(day) == code


def test_kb_people_without_date_use_current_role() -> None:
    person = kb.person_by_surname("Trump")
    assert person is not None and person.code_on(None) == "USAGOV"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Alexander Lukashenko", "Alexander Lukashenko"),
        ("Alyaksandr Lukashenka", "Alexander Lukashenko"),
        ("Sviatlana Tsikhanouskaya", "Svetlana Tikhanovskaya"),
        ("recep tayyip erdoğan", "Recep Tayyip Erdogan"),
    ],
)
def test_kb_people_aliases(text: str, name: str) -> None:
    person = kb.person_by_name(text)
    assert person is not None and person.name == name


def test_kb_people_table_is_large_and_well_formed() -> None:
    people = kb.people()
    assert len(people) >= 100
    for person in people:
        assert person.roles, person.name
        assert person.gender in ("m", "f", None)
        for role in person.roles:
            assert role.start is None or role.end is None or role.start < role.end, person.name


@pytest.mark.parametrize(
    ("text", "code", "country"),
    [
        ("the Kremlin", "RUSGOV", "RUS"),
        ("White House", "USAGOV", "USA"),
        ("Downing Street", "GBRGOV", "GBR"),
        ("Élysée", "FRAGOV", "FRA"),
        ("Nato", "NATO", None),
        ("NATO", "NATO", None),
        ("the EU", "IGOEU", None),
        ("United Nations", "IGOUNO", None),
        ("CSTO", "IGOCSTO", None),
        ("OSCE", "IGOOSCE", None),
        ("Amnesty International", "NGOAMN", None),
        ("Belta", "BLRMED", "BLR"),
        ("Nexta", "BLRMED", "BLR"),
        ("Nasha Niva", "BLRMED", "BLR"),
        ("TASS", "RUSMED", "RUS"),
        ("Xinhua", "CHNMED", "CHN"),
    ],
)
def test_kb_organisations_and_media(text: str, code: str, country: str | None) -> None:
    org = kb.organisation_by_name(text)
    assert org is not None, text
    assert (org.code, org.country) == (code, country)


@pytest.mark.parametrize("text", ["who", "is", "un", "au"])
def test_kb_abbreviations_need_capitals(text: str) -> None:
    assert kb.organisation_by_name(text) is None


@pytest.mark.parametrize(
    ("term", "sector", "kind"),
    [
        ("president", "GOV", "person"),
        ("riot police", "COP", "group"),
        ("troops", "MIL", "group"),
        ("security services", "SPY", "group"),
        ("protesters", "OPP", "group"),
        ("rebels", "REB", "group"),
        ("civilians", "CVL", "group"),
        ("news agency", "MED", "organization"),
        ("workers", "LAB", "group"),
        ("court", "JUD", "organization"),
        ("parliament", "LEG", "organization"),
        ("refugees", "REF", "group"),
        ("counterpart", "*", "person"),
    ],
)
def test_kb_sector_vocabulary(term: str, sector: str, kind: str) -> None:
    found = kb.sector_term(term)
    assert found is not None and (found.sector, found.kind) == (sector, kind)


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("1994-07-20", dt.date(1994, 7, 20), dt.date(1994, 7, 20)),
        ("2020-05", dt.date(2020, 5, 1), dt.date(2020, 6, 1)),
        ("2020-12", dt.date(2020, 12, 1), dt.date(2021, 1, 1)),
        ("2017", dt.date(2017, 1, 1), dt.date(2018, 1, 1)),
    ],
)
def test_kb_partial_dates(text: str, start: dt.date, end: dt.date) -> None:
    assert kb.parse_partial_date(text) == start
    assert kb.parse_partial_date(text, end=True) == end


def test_kb_rules_lists_load() -> None:
    rules = kb.rules()
    assert "say" in rules.government_verbs
    assert "in" in rules.locative_prepositions
    assert rules.pronouns["she"] == ("sg", "f")
    assert rules.honorifics["mrs"] == "f"
