"""The country table of the actor knowledge base: names, aliases, demonyms, capitals."""

from __future__ import annotations

import pytest

from eventwire.coding import kb


@pytest.mark.parametrize(
    ("text", "iso3", "kind"),
    [
        ("Russia", "RUS", "name"),
        ("Russian Federation", "RUS", "name"),
        ("the US", "USA", "name"),
        ("U.S.", "USA", "name"),
        ("UK", "GBR", "name"),
        ("Britain", "GBR", "name"),
        ("Ivory Coast", "CIV", "name"),
        ("Côte d’Ivoire", "CIV", "name"),
        ("Kosovo", "XKX", "name"),
        ("the Netherlands", "NLD", "name"),
        ("BELARUS", "BLR", "name"),
        ("Belarusian", "BLR", "demonym"),
        ("Belarusians", "BLR", "plural"),
        ("British", "GBR", "demonym"),
        ("Britons", "GBR", "plural"),
        ("Chinese", "CHN", "demonym"),
        ("Ukrainian", "UKR", "demonym"),
        ("Slovakia", "SVK", "name"),
        ("Burma", "MMR", "name"),
        ("DRC", "COD", "name"),
    ],
)
def test_kb_country_names_aliases_demonyms(text: str, iso3: str, kind: str) -> None:
    match = kb.country_match(text)
    assert match is not None, text
    assert match.country.iso3 == iso3
    assert match.kind == kind
    assert kb.country_by_name(text) == match.country


@pytest.mark.parametrize("text", ["Nato", "Lukashenko", "States", "", "the"])
def test_kb_country_unknown_names(text: str) -> None:
    assert kb.country_by_name(text) is None


@pytest.mark.parametrize(
    ("capital", "iso3"), [("Moscow", "RUS"), ("Minsk", "BLR"), ("beijing", "CHN"), ("Kyiv", "UKR")]
)
def test_kb_country_capitals(capital: str, iso3: str) -> None:
    record = kb.country_by_capital(capital)
    assert record is not None and record.iso3 == iso3


def test_kb_country_table_is_complete_and_unique() -> None:
    records = kb.countries()
    assert len(records) >= 249
    codes = [r.iso3 for r in records]
    assert len(codes) == len(set(codes))
    assert all(len(r.iso3) == 3 and len(r.iso2) == 2 and r.name for r in records)
    assert kb.country_by_code("BY") is kb.country_by_code("blr")
