"""Exports of a store: a single-file DuckDB database, CSV per table, and the GDELT 2.0 Events layout.

GDELT export choices (documented, since GDELT has no notion of them):
- Only events that happened are exported: negated, hypothetical (incl. threats/intentions coded as such) and
  historical events are left out, because every GDELT row asserts that an event took place.
- One row per distinct (document, source code, target code, CAMEO code); NumMentions is how many coded events
  of the document collapse into it. NumSources = NumArticles = 1 (one document); AvgTone is left empty
  (eventwire does not score tone, and 0 would claim a neutral one).
- Geo country codes are ISO 3166 alpha-2 (from pycountry), NOT GDELT's FIPS 10-4 codes (they differ for many
  countries, e.g. Belarus is BY in ISO and BO in FIPS). FeatureID is the GeoNames id (GDELT uses GNS/GNIS
  ids); ADM1/ADM2 codes are empty below country level (eventwire has admin1 names, not FIPS admin codes).
- Actor1Geo/Actor2Geo are empty (type 0): eventwire locates events, not actors; ActionGeo is the event place.
- IsRootEvent is 1 when the event's sentence starts in the document's first paragraph (GDELT's "lead").
- SQLDATE is the event's date, else its document's publication date, else the day it was stored (DATEADDED),
  as GDELT dates an undated event by its article.
- GLOBALEVENTID is a stable 60-bit number derived from doc and event ids, so re-exports give the same ids.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pycountry

from eventwire.errors import EventwireError
from eventwire.store import shards
from eventwire.store.schema import TABLES

if TYPE_CHECKING:
    from eventwire.store.core import Store

#: GDELT 2.0 Events columns, in file order (61).
GDELT_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    *(
        f"{actor}{field}"
        for actor in ("Actor1", "Actor2")
        for field in (
            "Code",
            "Name",
            "CountryCode",
            "KnownGroupCode",
            "EthnicCode",
            "Religion1Code",
            "Religion2Code",
            "Type1Code",
            "Type2Code",
            "Type3Code",
        )
    ),
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
    *(
        f"{geo}_{field}"
        for geo in ("Actor1Geo", "Actor2Geo", "ActionGeo")
        for field in ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")
    ),
    "DATEADDED",
    "SOURCEURL",
)

# GDELT Geo_Type values.
GEO_NONE, GEO_COUNTRY, GEO_US_STATE, GEO_US_CITY, GEO_WORLD_CITY, GEO_WORLD_STATE = 0, 1, 2, 3, 4, 5


def export(store: Store, fmt: str, out: Path) -> list[Path]:
    exporters: dict[str, Callable[[Store, Path], list[Path]]] = {
        "duckdb": export_duckdb,
        "csv": export_csv,
        "gdelt": export_gdelt,
    }
    if fmt not in exporters:
        raise EventwireError("E023", fmt=fmt)
    return exporters[fmt](store, out)


def _sql_path(path: Path) -> str:
    return "'" + str(path).replace("'", "''") + "'"


def export_duckdb(store: Store, out: Path) -> list[Path]:
    """One database file with a real table per store table (plus ``store_info``), replaced atomically."""
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = shards.temp_name(out)
    con = store.connect()
    try:
        con.execute(f"ATTACH {_sql_path(tmp)} AS export_db")
        for table in TABLES:
            con.execute(f'CREATE TABLE export_db."{table}" AS SELECT * FROM "{table}"')
        version = store.summary().schema_version
        con.execute(
            "CREATE TABLE export_db.store_info AS"
            " SELECT ? AS store_path, ? AS schema_version, now() AS exported_at",
            [str(store.root.resolve()), version],
        )
        con.execute("DETACH export_db")
        con.close()
        shards.replace_durably(tmp, out)
    finally:
        con.close()
        tmp.unlink(missing_ok=True)
        Path(str(tmp) + ".wal").unlink(missing_ok=True)
    return [out]


def export_csv(store: Store, out: Path) -> list[Path]:
    """``out/<table>.csv`` for every table, with a header row (nested columns are written as DuckDB text)."""
    out.mkdir(parents=True, exist_ok=True)
    con = store.connect()
    written = []
    try:
        for table in TABLES:
            final = out / f"{table}.csv"
            tmp = shards.temp_name(final)
            try:
                con.execute(f"COPY (SELECT * FROM \"{table}\") TO {_sql_path(tmp)} (HEADER, DELIMITER ',')")
                shards.replace_durably(tmp, final)
            finally:
                tmp.unlink(missing_ok=True)
            written.append(final)
    finally:
        con.close()
    return written


# --- GDELT --------------------------------------------------------------------------------------------------

_GDELT_SQL = """
SELECT e.*, d.url, d.origin, d.stored_at,
       coalesce(e.date_first, d.published_date, CAST(d.stored_at AS DATE)) AS sql_date,
       count(*) OVER grp AS num_mentions,
       row_number() OVER (grp ORDER BY e.event_index) AS nth
FROM events e JOIN documents d USING (doc_id)
WHERE NOT coalesce(e.negated, false) AND NOT coalesce(e.hypothetical, false)
  AND NOT coalesce(e.historical, false)
WINDOW grp AS (PARTITION BY e.doc_id, e.source_code, e.target_code, e.cameo)
QUALIFY nth = 1
ORDER BY sql_date, e.doc_id, e.event_index
"""


def export_gdelt(store: Store, out: Path) -> list[Path]:
    """GDELT 2.0 Events rows (tab-separated, no header, as GDELT publishes them); ``out`` is a file, or a
    directory to write ``eventwire.export.CSV`` into."""
    if out.is_dir():
        out = out / "eventwire.export.CSV"
    out.parent.mkdir(parents=True, exist_ok=True)
    con = store.connect()
    try:
        cursor = con.execute(_GDELT_SQL)
        names = [d[0] for d in cursor.description or []]
        rows = [gdelt_row(dict(zip(names, r, strict=True))) for r in cursor.fetchall()]
    finally:
        con.close()
    tmp = shards.temp_name(out)
    try:
        with open(tmp, "w", encoding="utf-8", newline="") as handle:
            # No quoting in GDELT files: fields are cleaned of tabs and line breaks instead.
            handle.writelines("\t".join(row) + "\n" for row in rows)
        shards.replace_durably(tmp, out)
    finally:
        tmp.unlink(missing_ok=True)
    return [out]


def _clean(value: Any) -> str:
    """A GDELT field: tabs and line breaks would break the layout, so they become spaces; None is empty."""
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:g}" if value != int(value) else f"{value:.1f}"
    return " ".join(str(value).split("\t")).replace("\r", " ").replace("\n", " ")


def global_event_id(doc_id: str, event_id: str) -> int:
    """Stable 60-bit id of an event (its document is hashed in too, should an event id repeat across docs)."""
    digest = hashlib.sha1(f"{doc_id}\x00{event_id}".encode()).hexdigest()
    return int(digest[:15], 16)


def _actor(row: dict[str, Any], side: str) -> list[Any]:
    code = row[f"{side}_code"]
    if not code:
        return [""] * 10
    name = row[f"{side}_name"] or row[f"{side}_text"]
    return [
        code,
        name.upper() if name else "",
        row[f"{side}_country"],
        "",  # KnownGroupCode: eventwire's actor codes carry no separate known-group field
        "",  # EthnicCode
        "",  # Religion1Code
        "",  # Religion2Code
        row[f"{side}_sector"],
        "",
        "",
    ]


def _country(code: str | None) -> Any:
    if not code:
        return None
    try:
        return pycountry.countries.lookup(code)
    except LookupError:
        return None


def geo_type(precision: str | None, alpha2: str | None) -> int:
    """GDELT Geo_Type of a place precision: 1 country, 2 US state, 3 US city, 4 world city, 5 world state."""
    us = alpha2 == "US"
    if precision == "country":
        return GEO_COUNTRY
    if precision == "admin1":
        return GEO_US_STATE if us else GEO_WORLD_STATE
    if precision in ("city", "site"):
        return GEO_US_CITY if us else GEO_WORLD_CITY
    return GEO_COUNTRY if alpha2 else GEO_NONE  # region/unknown: at best the country is known


def action_geo(row: dict[str, Any]) -> list[Any]:
    """The 8 ActionGeo_* fields from the event's place."""
    name = row["place_name"]
    country = _country(row["place_country"])
    if not name and country is None:
        return [GEO_NONE, "", "", "", "", "", "", ""]
    alpha2 = str(country.alpha_2) if country is not None else None
    kind = geo_type(row["place_precision"], alpha2)
    parts = [] if kind == GEO_COUNTRY else [name, row["place_admin1"]]
    parts.append(str(country.name) if country is not None else None)
    full = ", ".join(dict.fromkeys(p for p in parts if p))  # ordered, without repeats ('Minsk, Minsk')
    feature = alpha2 if kind == GEO_COUNTRY else row["place_geonameid"]
    adm1 = alpha2 if kind == GEO_COUNTRY else ""  # GDELT's country-level ADM1 is the country code
    return [kind, full, alpha2, adm1, "", row["place_lat"], row["place_lon"], feature]


def gdelt_row(row: dict[str, Any]) -> list[str]:
    """One events row (joined with its document) as the 61 GDELT fields."""
    day: dt.date = row["sql_date"]
    stored: dt.datetime = row["stored_at"]
    cameo = row["cameo"] or ""
    values: list[Any] = [
        global_event_id(row["doc_id"], row["event_id"]),
        f"{day:%Y%m%d}",
        f"{day:%Y%m}",
        day.year,
        f"{day.year + day.timetuple().tm_yday / 365:.4f}",
        *_actor(row, "source"),
        *_actor(row, "target"),
        1 if row["lead_paragraph"] else 0,
        cameo,
        cameo[:3],
        row["cameo_root"] or cameo[:2],
        row["quad_class"],
        row["goldstein"],
        row["num_mentions"],
        1,
        1,
        None,  # AvgTone: not computed
        *[GEO_NONE, "", "", "", "", "", "", ""],
        *[GEO_NONE, "", "", "", "", "", "", ""],
        *action_geo(row),
        f"{stored.astimezone(dt.UTC):%Y%m%d%H%M%S}" if stored else "",
        row["url"] or row["origin"],
    ]
    assert len(values) == len(GDELT_COLUMNS)
    return [_clean(v) for v in values]
