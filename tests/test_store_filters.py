"""`Store.events` filters: country, actor, CAMEO prefix, date window (event date, else published), doc."""

from __future__ import annotations

import pytest

from eventwire.store import Store, open_store
from test_store_support import make_document, make_event

KYIV_TEXT = "Ukrainian troops shelled Russian positions near Kharkiv.\nThe Kremlin denied any losses."
MINSK_TEXT = "Belarusian police arrested journalists in Minsk.\nLukashenko met Putin in Sochi."
PARIS_TEXT = "French unions protested in Paris.\nThe minister praised the police."


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    handle = open_store(tmp_path_factory.mktemp("filters") / "s", create=True)
    docs = [
        make_document(
            KYIV_TEXT,
            [
                make_event(
                    KYIV_TEXT,
                    "shelled",
                    index=0,
                    cameo="195",
                    source=("UKRMIL", "Ukrainian troops", "UKR"),
                    target=("RUSMIL", "Russian positions", "RUS"),
                    date="2022-05",
                    precision="month",
                ),
                make_event(
                    KYIV_TEXT,
                    "denied",
                    index=1,
                    cameo="0231",
                    source=("RUSGOV", "The Kremlin", "RUS"),
                    target=None,
                ),
            ],
            published="2022-05-20",
        ),
        make_document(
            MINSK_TEXT,
            [
                make_event(
                    MINSK_TEXT,
                    "arrested",
                    index=0,
                    cameo="173",
                    source=("BLRCOP", "Belarusian police", "BLR"),
                    target=("BLRMED", "journalists", "BLR"),
                    date="2020-08-16",
                ),
                make_event(
                    MINSK_TEXT,
                    "met",
                    index=1,
                    cameo="040",
                    source=("BLRGOV", "Lukashenko", "BLR"),
                    target=("RUSGOV", "Putin", "RUS"),
                ),
            ],
            published="2020-09-14",
        ),
        make_document(
            PARIS_TEXT,
            [
                make_event(
                    PARIS_TEXT,
                    "protested",
                    index=0,
                    cameo="141",
                    source=("FRALAB", "French unions", "FRA"),
                    target=None,
                ),
                make_event(
                    PARIS_TEXT,
                    "praised",
                    index=1,
                    cameo="051",
                    source=("FRAGOV", "The minister", "FRA"),
                    target=("FRACOP", "the police", "FRA"),
                ),
            ],
            published=None,
        ),
    ]
    handle.write_batch(docs[:2])
    handle.write_batch(docs[2:])
    return handle


def _triggers(rows: list[dict[str, object]]) -> list[object]:
    return [row["trigger_text"] for row in rows]


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        ({}, ["arrested", "met", "shelled", "denied", "protested", "praised"]),  # by date, undated last
        ({"country": "RUS"}, ["met", "shelled", "denied"]),
        ({"country": "ru"}, ["met", "shelled", "denied"]),
        ({"country": "Belarus"}, ["arrested", "met"]),
        ({"country": "FRA"}, ["protested", "praised"]),
        ({"actor": "blrcop"}, ["arrested"]),
        ({"actor": "RUS"}, ["met", "shelled", "denied"]),  # code prefix, source or target
        ({"actor": "putin"}, ["met"]),  # name, case-insensitive
        ({"actor": "rus"}, ["met", "shelled", "denied"]),  # words start with it: not 'Belarusian'
        ({"actor": "french UNIONS"}, ["protested"]),
        ({"actor": "(x"}, []),  # regex characters are literal
        ({"actor": "police"}, ["arrested", "praised"]),  # words in text, either side
        ({"cameo": "14"}, ["protested"]),  # root
        ({"cameo": "04"}, ["met"]),
        ({"cameo": "023"}, ["denied"]),  # code prefix of 0231
        ({"cameo": "0231"}, ["denied"]),
        ({"cameo": "19"}, ["shelled"]),
        ({"since": "2022-01-01"}, ["shelled", "denied"]),
        ({"until": "2020-12-31"}, ["arrested", "met"]),
        ({"since": "2020-09-01", "until": "2020-09-30"}, ["met"]),  # undated event: document date
        ({"since": "2022-05-25", "until": "2022-05-31"}, ["shelled"]),  # month-precision date overlaps
        ({"since": "2022-05-21"}, ["shelled"]),  # the denial is dated by publication (05-20) only
        ({"country": "BLR", "cameo": "17"}, ["arrested"]),
        ({"country": "FRA", "since": "2000-01-01"}, []),  # no date at all: excluded by a date filter
        ({"limit": 2}, ["arrested", "met"]),
        ({"limit": 0}, []),
    ],
)
def test_store_filters_events(store: Store, kwargs: dict[str, object], expected: list[str]) -> None:
    assert _triggers(store.events(**kwargs)) == expected  # type: ignore[arg-type]


def test_store_filters_by_document(store: Store) -> None:
    doc_id = store.events(cameo="173")[0]["doc_id"]
    assert isinstance(doc_id, str)
    assert _triggers(store.events(doc=doc_id)) == ["arrested", "met"]
    assert _triggers(store.events(doc=doc_id[:6])) == ["arrested", "met"]
    assert store.events(doc="no-such-doc") == []


def test_store_filters_rows_carry_document_fields(store: Store) -> None:
    row = store.events(cameo="195")[0]
    assert row["published"] == "2022-05-20" and row["title"] == "A report"
    assert str(row["event_date"]) == "2022-05-01"
    assert row["source_code"] == "UKRMIL" and row["target_country"] == "RUS"
