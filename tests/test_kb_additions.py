"""Knowledge-base rows added for generalisation (issue 3, round 2): date-bounded roles of office-holders and
opposition figures outside the seed's region, given-name surnames, and regional IGO codes."""

from __future__ import annotations

import datetime as dt

import pytest

from eventwire.coding import kb


@pytest.mark.parametrize(
    ("surname", "day", "code"),
    [
        ("Anwar", dt.date(2020, 1, 1), "MYSOPP"),  # Malay names are used by the given name
        ("Anwar", dt.date(2025, 7, 30), "MYSGOV"),
        ("Tchiroma", dt.date(2024, 1, 1), "CMRGOV"),  # minister until he broke with the ruling party
        ("Tchiroma", dt.date(2025, 10, 30), "CMROPP"),
        ("Greer", dt.date(2025, 4, 16), "USAGOV"),
        ("Koulamallah", dt.date(2024, 6, 12), "TCDGOV"),
        ("Kobakhidze", dt.date(2024, 5, 2), "GEOGOV"),
        ("Gakharia", dt.date(2020, 1, 1), "GEOGOV"),
        ("Gakharia", dt.date(2024, 5, 2), "GEOOPP"),
        ("Phumtham", dt.date(2025, 7, 30), "THAGOV"),
        ("Faki", dt.date(2020, 1, 1), "IGOAU"),
    ],
)
def test_kb_additions_roles(surname: str, day: dt.date, code: str) -> None:
    person = kb.person_by_surname(surname)
    assert person is not None
    assert person.code_on(day) == code


@pytest.mark.parametrize("name", ["Hun Manet", "Hun Sen", "Lloyd Austin", "Lin Jian"])
def test_kb_additions_names_too_common_alone_have_no_surname(name: str) -> None:
    assert kb.person_by_name(name) is not None
    assert kb.person_by_surname(name.split()[-1]) is None


@pytest.mark.parametrize("surname", ["Deby"])
def test_kb_additions_shared_surname_is_ambiguous(surname: str) -> None:
    assert kb.person_by_surname(surname) is None  # father and son were both president of Chad


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Economic Community of Central African States", "IGOECCAS"),
        ("ECCAS", "IGOECCAS"),
        ("SADC", "IGOSADC"),
        ("IGAD", "IGOIGAD"),
        ("East African Community", "IGOEAC"),
        ("BRICS", "IGOBRICS"),
        ("ECOWAS", "IGOECOWAS"),
        ("Gulf Cooperation Council", "IGOGCC"),
        ("United National Movement", "GEOOPP"),
        ("National Unity Government", "MMROPP"),
    ],
)
def test_kb_additions_organisations(name: str, code: str) -> None:
    org = kb.organisation_by_name(name)
    assert org is not None and org.code == code
    if code.startswith("IGO"):
        assert org.country is None and org.sector == "IGO"
