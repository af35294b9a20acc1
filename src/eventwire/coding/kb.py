"""The actor knowledge base: countries, seats of power, international bodies, sectors, media and people.

Everything here is read from the human-editable files in ``eventwire/data/actors/`` (formats documented in the
README there and in each file's header comment) and cached once per process. Lookups normalise their input the
same way the tables are keyed (:func:`normalise`): case-insensitive, accents folded, curly apostrophes
straightened, whitespace collapsed and a leading "the" optional: "the US", "US" and "u.s." meet one row.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Literal

#: The actor knowledge base files (shipped as package data).
ACTORS_DIR = Path(__file__).resolve().parent.parent / "data" / "actors"

#: How a country name matched: its canonical name or an alias, an adjective/singular demonym, a plural people
#: noun ("Belarusians"), or its capital city.
CountryMatchKind = Literal["name", "demonym", "plural", "capital"]


@dataclass(frozen=True)
class CountryRecord:
    """One row of ``countries.tsv``."""

    iso3: str
    iso2: str
    name: str
    aliases: tuple[str, ...]
    demonyms: tuple[str, ...]
    plurals: tuple[str, ...]
    capital: str | None


@dataclass(frozen=True)
class CountryMatch:
    country: CountryRecord
    kind: CountryMatchKind


# ----------------------------------------------------------------------------------------------------
# Reading the data files


def _split(cell: str | None) -> tuple[str, ...]:
    return tuple(part.strip() for part in (cell or "").split("|") if part.strip())


def read_table(filename: str) -> list[dict[str, str]]:
    """Read a '#'-commented TSV file of data/actors/; its first non-comment line is the header."""
    source = ACTORS_DIR / filename
    lines = [
        ln for ln in source.read_text(encoding="utf-8").splitlines() if ln.strip() and not ln.startswith("#")
    ]
    reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    return [{k: (v or "").strip() for k, v in row.items() if k} for row in reader]


_THE = re.compile(r"^the\s+")
_SPACES = re.compile(r"\s+")


def normalise(text: str) -> str:
    """The lookup key of a name: folded case and accents, straight quotes, no leading "the", single spaces."""
    folded = unicodedata.normalize("NFKD", text)
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    folded = (
        folded.replace("\u2019", "'").replace("\u2018", "'").replace("\u2010", "-").replace("\u2011", "-")
    )
    folded = _SPACES.sub(" ", folded.strip().lower())
    return _THE.sub("", folded)


# ----------------------------------------------------------------------------------------------------
# Countries


@lru_cache(maxsize=1)
def countries() -> tuple[CountryRecord, ...]:
    """Every country and territory of ``countries.tsv``, in file order."""
    return tuple(
        CountryRecord(
            iso3=row["iso3"],
            iso2=row["iso2"],
            name=row["name"],
            aliases=_split(row.get("aliases")),
            demonyms=_split(row.get("demonyms")),
            plurals=_split(row.get("plurals")),
            capital=row.get("capital") or None,
        )
        for row in read_table("countries.tsv")
    )


def _country_keys(record: CountryRecord) -> Iterator[tuple[str, CountryMatchKind]]:
    yield record.name, "name"
    for alias in record.aliases:
        yield alias, "name"
    for demonym in record.demonyms:
        yield demonym, "demonym"
    for plural in record.plurals:
        yield plural, "plural"


@lru_cache(maxsize=1)
def _country_index() -> dict[str, CountryMatch]:
    # First writer wins: rows are ordered by ISO code and a name shared by two rows ("Congolese") is kept by
    # the first; names beat demonyms because every row's names are indexed before any demonym.
    index: dict[str, CountryMatch] = {}
    records = countries()
    for wanted in ("name", "demonym", "plural"):
        for record in records:
            for text, kind in _country_keys(record):
                if kind == wanted:
                    index.setdefault(normalise(text), CountryMatch(record, kind))
    return index


@lru_cache(maxsize=1)
def _capital_index() -> dict[str, CountryRecord]:
    index: dict[str, CountryRecord] = {}
    for record in countries():
        if record.capital:
            index.setdefault(normalise(record.capital), record)
    return index


@lru_cache(maxsize=1)
def _iso3_index() -> dict[str, CountryRecord]:
    return {record.iso3: record for record in countries()}


def country_match(text: str) -> CountryMatch | None:
    """Match a country name, alias, demonym or plural people noun ("the US", "Belarusian", "Britons")."""
    return _country_index().get(normalise(text))


def country_by_name(text: str) -> CountryRecord | None:
    """The country a name, alias or demonym refers to, case-insensitive, "the" optional; None if unknown."""
    match = country_match(text)
    return match.country if match else None


def country_by_capital(text: str) -> CountryRecord | None:
    """The country whose capital (seat of government) is ``text`` ("Moscow" -> Russia)."""
    return _capital_index().get(normalise(text))


def country_by_code(code: str) -> CountryRecord | None:
    """The country with ISO alpha-3 (or alpha-2) ``code``."""
    code = code.strip().upper()
    if len(code) == 2:
        return next((r for r in countries() if r.iso2 == code), None)
    return _iso3_index().get(code)


def max_country_tokens() -> int:
    """The longest country name/alias in whitespace tokens (bounds phrase matching)."""
    return max(len(key.split()) for key in _country_index())
