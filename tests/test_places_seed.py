"""Places of the seed article (skipped without ../shared)."""

from __future__ import annotations

import pytest


def test_places_seed(seed_document) -> None:
    doc = seed_document
    places = doc.places
    for place in places:
        assert doc.text[place.start : place.end] == place.text
    minsk = [p for p in places if p.text == "Minsk"]
    assert minsk and all(
        p.geonameid == 625144 and p.country == "BLR" and p.precision == "city" for p in minsk
    )
    assert minsk[0].lat == pytest.approx(53.90, abs=0.01) and minsk[0].lon == pytest.approx(27.57, abs=0.01)
    slovakia = [p for p in places if p.text == "Slovakia"]
    assert [(p.country, p.precision) for p in slovakia] == [("SVK", "country")]
    hague = [p for p in places if p.name == "The Hague"]
    assert [(p.country, p.hypothetical) for p in hague] == [("NLD", True)]
    assert {p.country for p in places if p.name in ("Belarus", "Russia")} == {"BLR", "RUS"}
    # Nothing else is hypothetical, and no person, demonym or organisation became a place.
    assert [p.name for p in places if p.hypothetical] == ["The Hague"]
    assert not {"Leshchenya", "Belarusian", "Eugen", "Stela", "Nato", "Belta"} & {p.text for p in places}
