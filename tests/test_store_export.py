"""Exports: a single-file DuckDB database, CSV per table, GDELT 2.0 Events TSV (61 columns)."""

from __future__ import annotations

import csv
from pathlib import Path

import duckdb
import pytest

from eventwire.errors import EventwireError
from eventwire.model import Place
from eventwire.store import TABLES, Store, open_store
from eventwire.store.export import GDELT_COLUMNS, geo_type, global_event_id
from test_store_support import MINSK, make_document, make_event, protest_document

TEXT = (
    "Riot police attacked protesters in Minsk.\n"
    "Police also attacked protesters near the station.\n"
    "The government did not negotiate with strikers.\n"
    "Officials threatened to arrest strike leaders.\n"
    "Washington police arrested marchers."
)


@pytest.fixture()
def store(tmp_path: Path) -> Store:
    handle = open_store(tmp_path / "s", create=True)
    dc = Place("Washington", "USA", "city", 38.895, -77.036, 4140963)
    events = [
        make_event(
            TEXT,
            "attacked",
            index=0,
            cameo="1823",
            date="2020-08-16",
            place=MINSK,
            source=("BLRCOP", "Riot police", "BLR"),
        ),
        # Same source/target/code in the same document: one GDELT row with NumMentions 2.
        make_event(
            TEXT,
            "also attacked",
            index=1,
            cameo="1823",
            date="2020-08-16",
            place=MINSK,
            source=("BLRCOP", "Riot police", "BLR"),
        ),
        make_event(TEXT, "negotiate", index=2, cameo="046", negated=True),
        make_event(TEXT, "threatened", index=3, cameo="173", hypothetical=True),
        make_event(
            TEXT,
            "arrested",
            index=4,
            cameo="173",
            place=dc,
            source=("USACOP", "Washington police", "USA"),
            target=("USAOPP", "marchers", "USA"),
        ),
    ]
    handle.write_batch([make_document(TEXT, events, published="2020-08-17", url="https://news.example/a")])
    handle.write_batch([protest_document(3)])
    return handle


def _gdelt(store: Store, out: Path) -> list[dict[str, str]]:
    (path,) = store.export("gdelt", out)
    lines = path.read_text(encoding="utf-8").splitlines()
    rows = [line.split("\t") for line in lines]
    assert all(len(row) == 61 for row in rows)
    return [dict(zip(GDELT_COLUMNS, row, strict=True)) for row in rows]


def test_store_export_gdelt_layout_and_codes(store: Store, tmp_path: Path) -> None:
    assert len(GDELT_COLUMNS) == 61 and len(set(GDELT_COLUMNS)) == 61
    assert GDELT_COLUMNS[:5] == ("GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate")
    assert GDELT_COLUMNS[25:35] == (
        "IsRootEvent",
        "EventCode",
        "EventBaseCode",
        "EventRootCode",
        "QuadClass",
        "GoldsteinScale",
        "NumMentions",
        "NumSources",
        "NumArticles",
        "AvgTone",
    )
    assert GDELT_COLUMNS[-2:] == ("DATEADDED", "SOURCEURL")
    rows = _gdelt(store, tmp_path / "out.tsv")
    codes = sorted(r["EventCode"] for r in rows)
    # negated (046) and hypothetical (173 threat) are left out; the two 1823 mentions collapse into one row.
    assert codes == ["043", "173", "173", "1823"]
    attack = next(r for r in rows if r["EventCode"] == "1823")
    assert (attack["EventBaseCode"], attack["EventRootCode"], attack["QuadClass"]) == ("182", "18", "4")
    assert attack["NumMentions"] == "2" and attack["NumSources"] == "1" and attack["AvgTone"] == ""
    assert (attack["SQLDATE"], attack["MonthYear"], attack["Year"]) == ("20200816", "202008", "2020")
    assert attack["FractionDate"] == f"{2020 + 229 / 365:.4f}"
    assert (attack["Actor1Code"], attack["Actor1Name"], attack["Actor1CountryCode"]) == (
        "BLRCOP",
        "RIOT POLICE",
        "BLR",
    )
    assert attack["Actor1Type1Code"] == "COP" and attack["Actor2Code"] == "BLROPP"
    assert attack["IsRootEvent"] == "1"
    assert (attack["ActionGeo_Type"], attack["ActionGeo_CountryCode"]) == (
        "4",
        "BY",
    )  # world city, ISO alpha-2
    assert attack["ActionGeo_FullName"] == "Minsk, Minsk City, Belarus"
    assert (attack["ActionGeo_Lat"], attack["ActionGeo_Long"], attack["ActionGeo_FeatureID"]) == (
        "53.9",
        "27.5667",
        "625144",
    )
    assert attack["Actor1Geo_Type"] == "0" and attack["Actor1Geo_FullName"] == ""
    assert attack["SOURCEURL"] == "https://news.example/a"
    assert len(attack["DATEADDED"]) == 14 and attack["DATEADDED"].isdigit()
    us = next(r for r in rows if r["Actor1Code"] == "USACOP")
    assert (us["ActionGeo_Type"], us["ActionGeo_CountryCode"], us["IsRootEvent"]) == ("3", "US", "0")
    assert us["SQLDATE"] == "20200817"  # no event date: the publication date
    ids = [r["GLOBALEVENTID"] for r in rows]
    assert len(set(ids)) == len(ids) and all(i.isdigit() for i in ids)
    assert _gdelt(store, tmp_path / "again.tsv") == rows  # deterministic


@pytest.mark.parametrize(
    ("precision", "alpha2", "expected"),
    [
        ("country", "BY", 1),
        ("admin1", "US", 2),
        ("city", "US", 3),
        ("site", "US", 3),
        ("city", "FR", 4),
        ("admin1", "FR", 5),
        ("region", "FR", 1),
        ("region", None, 0),
        ("unknown", None, 0),
    ],
)
def test_store_export_gdelt_geo_type(precision: str, alpha2: str | None, expected: int) -> None:
    assert geo_type(precision, alpha2) == expected


def test_store_export_gdelt_id_is_stable_and_distinct() -> None:
    assert global_event_id("d1", "e1") == global_event_id("d1", "e1") < 2**60
    assert global_event_id("d1", "e1") != global_event_id("d2", "e1")


def test_store_export_duckdb_file(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "share" / "events.duckdb"
    assert store.export("duckdb", out) == [out]
    con = duckdb.connect(str(out), read_only=True)
    tables = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    assert tables == set(TABLES) | {"store_info"}
    for table, n in store.table_counts().items():
        assert con.execute(f"SELECT count(*) FROM {table}").fetchone() == (n,)
    assert con.execute("SELECT schema_version FROM store_info").fetchone() == (1,)
    con.close()
    store.export("duckdb", out)  # re-export replaces the file
    assert not [p for p in out.parent.iterdir() if p.name.startswith(".")]


def test_store_export_csv_per_table(store: Store, tmp_path: Path) -> None:
    written = store.export("csv", tmp_path / "csv")
    assert sorted(p.name for p in written) == sorted(f"{t}.csv" for t in TABLES)
    counts = store.table_counts()
    for path in written:
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
        assert len(rows) == counts[path.stem]
    with (tmp_path / "csv" / "events.csv").open(encoding="utf-8", newline="") as handle:
        header = next(csv.reader(handle))
    assert header == TABLES["events"].names


def test_store_export_unknown_format(store: Store, tmp_path: Path) -> None:
    with pytest.raises(EventwireError) as exc:
        store.export("xlsx", tmp_path / "x")
    assert exc.value.code == "E023"
