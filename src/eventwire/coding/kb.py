"""The actor knowledge base: countries, seats of power, international bodies, sectors, media and people.

Everything here is read from the human-editable files in ``eventwire/data/actors/`` (formats documented in the
README there and in each file's header comment) and cached once per process. Lookups normalise their input the
same way the tables are keyed (:func:`normalise`): case-insensitive, accents folded, curly apostrophes
straightened, whitespace collapsed and a leading "the" optional: "the US", "US" and "u.s." meet one row.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Literal

import yaml

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
    folded = text
    if not text.isascii():  # fast path: most names need no accent folding
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


# ----------------------------------------------------------------------------------------------------
# Named organisations, seats of power and media


@dataclass(frozen=True)
class OrgRecord:
    """A named organisation, seat of power or news outlet (``organisations.tsv`` / ``media.tsv``)."""

    name: str
    aliases: tuple[str, ...]
    code: str
    country: str | None
    sector: str | None
    kind: str  # organization | group | seat (a place standing for the body sitting there)


@lru_cache(maxsize=1)
def organisations() -> tuple[OrgRecord, ...]:
    """Organisations and seats of power, then media outlets (code = country + MED)."""
    orgs = [
        OrgRecord(
            name=row["name"],
            aliases=_split(row.get("aliases")),
            code=row["code"],
            country=row.get("country") or None,
            sector=row.get("sector") or None,
            kind=row.get("kind") or "organization",
        )
        for row in read_table("organisations.tsv")
    ]
    orgs += [
        OrgRecord(
            name=row["name"],
            aliases=_split(row.get("aliases")),
            code=f"{row['country']}MED",
            country=row["country"],
            sector="MED",
            kind="organization",
        )
        for row in read_table("media.tsv")
    ]
    return tuple(orgs)


def _is_abbreviation(name: str) -> bool:
    letters = [c for c in name if c.isalpha()]
    return len(letters) <= 6 and all(c.isupper() for c in letters)


@lru_cache(maxsize=1)
def _org_index() -> dict[str, OrgRecord]:
    index: dict[str, OrgRecord] = {}
    for record in organisations():
        for text in (record.name, *record.aliases):
            index.setdefault(normalise(text), record)
    return index


@lru_cache(maxsize=1)
def _abbreviations() -> frozenset[str]:
    """Keys that must be written in capitals to match ("WHO", "UN", "IS"), so "who"/"is" never do."""
    return frozenset(
        normalise(text) for r in organisations() for text in (r.name, *r.aliases) if _is_abbreviation(text)
    )


def organisation_by_name(text: str) -> OrgRecord | None:
    """A named organisation, seat or outlet ("the Kremlin", "Nato", "Belta"); abbreviations need capitals."""
    key = normalise(text)
    record = _org_index().get(key)
    if record is None:
        return None
    names = (record.name, *record.aliases)
    written_small = key in _abbreviations() and not _is_abbreviation(_THE.sub("", text.strip()))
    # "Nato" is an alias in its own right; other abbreviations only match as written in capitals.
    if written_small and not any(normalise(a) == key and not _is_abbreviation(a) for a in names):
        return None
    return record


# ----------------------------------------------------------------------------------------------------
# Sector vocabulary


@dataclass(frozen=True)
class SectorTerm:
    """A noun naming who an actor is (``sectors.tsv``)."""

    term: str
    sector: str  # CAMEO sector, or "*" = the sector of the actor it relates to
    kind: str  # person | group | organization
    number: str  # sg | pl
    flags: frozenset[str]


@lru_cache(maxsize=1)
def sector_terms() -> dict[str, SectorTerm]:
    """Sector vocabulary keyed by the lower-case term ("riot police", "president")."""
    terms: dict[str, SectorTerm] = {}
    for row in read_table("sectors.tsv"):
        flags = frozenset(f.strip() for f in row.get("flags", "").split(",") if f.strip())
        term = row["term"].lower()
        terms.setdefault(term, SectorTerm(term, row["sector"], row["kind"], row["number"], flags))
    return terms


def sector_term(text: str) -> SectorTerm | None:
    return sector_terms().get(normalise(text))


# ----------------------------------------------------------------------------------------------------
# People with date-bounded roles


@dataclass(frozen=True)
class Role:
    code: str
    start: dt.date | None
    end: dt.date | None  # exclusive; None = still holds it

    def holds_on(self, day: dt.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)


@dataclass(frozen=True)
class PersonRecord:
    name: str
    surname: str
    aliases: tuple[str, ...]
    gender: str | None
    roles: tuple[Role, ...]
    note: str = (
        ""  # offices held, free text ("President of Belarus"): matched by descriptions ("the president")
    )

    def role_on(self, day: dt.date | None) -> Role | None:
        """The role held on ``day``, else the latest ended before it, else the earliest (see people.tsv)."""
        if not self.roles:
            return None
        if day is None:
            current = [r for r in self.roles if r.end is None]
            return current[-1] if current else self.roles[-1]
        holding = [r for r in self.roles if r.holds_on(day)]
        if holding:
            return holding[-1]
        ended = [r for r in self.roles if r.end is not None and r.end <= day]
        if ended:
            return max(ended, key=lambda r: r.end or day)
        return self.roles[0]

    def code_on(self, day: dt.date | None) -> str | None:
        role = self.role_on(day)
        return role.code if role else None


def parse_partial_date(text: str, *, end: bool = False) -> dt.date | None:
    """YYYY, YYYY-MM or YYYY-MM-DD: a partial start is its first day, a partial end the day after it."""
    text = text.strip()
    if not text:
        return None
    parts = [int(p) for p in text.split("-")]
    if len(parts) == 3:
        return dt.date(parts[0], parts[1], parts[2])
    if len(parts) == 2:
        if not end:
            return dt.date(parts[0], parts[1], 1)
        year, month = (parts[0] + 1, 1) if parts[1] == 12 else (parts[0], parts[1] + 1)
        return dt.date(year, month, 1)
    return dt.date(parts[0] + 1 if end else parts[0], 1, 1)


def parse_roles(cell: str) -> tuple[Role, ...]:
    """Parse "BLRGOV 1994-07-20..|USAPTY 2021..2025" into roles (see the people.tsv header)."""
    roles = []
    for item in _split(cell):
        code, _, period = item.partition(" ")
        start, _, end = period.strip().partition("..")
        roles.append(Role(code.strip(), parse_partial_date(start), parse_partial_date(end, end=True)))
    return tuple(roles)


@lru_cache(maxsize=1)
def people() -> tuple[PersonRecord, ...]:
    return tuple(
        PersonRecord(
            name=row["name"],
            surname="" if row.get("surname") == "-" else (row.get("surname") or row["name"].split()[-1]),
            aliases=_split(row.get("aliases")),
            gender=row.get("gender") or None,
            roles=parse_roles(row.get("roles", "")),
            note=row.get("note", ""),
        )
        for row in read_table("people.tsv")
    )


@lru_cache(maxsize=1)
def _people_full_index() -> dict[str, PersonRecord]:
    index: dict[str, PersonRecord] = {}
    for person in people():
        for text in (person.name, *person.aliases):
            index.setdefault(normalise(text), person)
    return index


@lru_cache(maxsize=1)
def _people_surname_index() -> dict[str, tuple[PersonRecord, ...]]:
    index: dict[str, list[PersonRecord]] = {}
    for person in people():
        if person.surname:
            index.setdefault(normalise(person.surname), []).append(person)
    return {key: tuple(found) for key, found in index.items()}


def person_by_name(text: str) -> PersonRecord | None:
    """A KB person by full name or alias ("Alexander Lukashenko", "Lukashenka")."""
    return _people_full_index().get(normalise(text))


def person_by_surname(text: str, day: dt.date | None = None) -> PersonRecord | None:
    """A KB person by the surname used alone or after a title ("Lukashenko", "Xi"). A surname shared by
    several people ("Clinton", "Castro") is resolved only when exactly one of them held a role on ``day``."""
    found = _people_surname_index().get(normalise(text), ())
    if len(found) == 1:
        return found[0]
    if day is None:
        return None
    active = [p for p in found if any(r.holds_on(day) for r in p.roles)]
    return active[0] if len(active) == 1 else None


# ----------------------------------------------------------------------------------------------------
# Context-rule word lists (rules.yaml)


@dataclass(frozen=True)
class Rules:
    government_verbs: frozenset[str]
    locative_prepositions: frozenset[str]
    quantity_nouns: frozenset[str]
    protest_lemmas: frozenset[str]
    protest_take_nouns: frozenset[str]
    honorifics: dict[str, str]
    state_modifiers: frozenset[str]
    pronouns: dict[str, tuple[str, str]]  # word -> (number, gender)
    female_first_names: frozenset[str]
    sector_modifiers: dict[str, str]
    party_not_political: frozenset[str] = frozenset()  # "all parties", "warring parties": no PTY
    affiliation_participles: frozenset[str] = frozenset()  # "Iran-backed": the sponsor is not the actor
    place_target_verbs: frozenset[str] = frozenset()  # "shelled Kharkiv": the city's country is the target
    stateless_peoples: frozenset[str] = frozenset()  # "Kurdish fighters": no country, not even the focus
    dissent_aims: frozenset[str] = frozenset()  # "calling for an insurrection": the callers are opposition
    portfolio_nouns: frozenset[str] = frozenset()  # "labour minister": a modifier names the portfolio only
    regime_nouns: frozenset[str] = frozenset()  # "the junta": the country of the military named before
    multinational_modifiers: frozenset[str] = frozenset()  # "regional leaders": of no one country


@lru_cache(maxsize=1)
def rules() -> Rules:
    raw = yaml.safe_load((ACTORS_DIR / "rules.yaml").read_text(encoding="utf-8"))

    def words(key: str) -> frozenset[str]:
        return frozenset(str(w).lower() for w in raw.get(key, []))

    return Rules(
        government_verbs=words("government_verbs"),
        locative_prepositions=words("locative_prepositions"),
        quantity_nouns=words("quantity_nouns"),
        protest_lemmas=words("protest_lemmas"),
        protest_take_nouns=words("protest_take_nouns"),
        honorifics={str(k).lower(): str(v or "") for k, v in raw.get("honorifics", {}).items()},
        state_modifiers=words("state_modifiers"),
        pronouns={
            str(k).lower(): (str(v.get("number", "")), str(v.get("gender", "")))
            for k, v in raw.get("pronouns", {}).items()
        },
        female_first_names=words("female_first_names"),
        sector_modifiers={str(k).lower(): str(v) for k, v in raw.get("sector_modifiers", {}).items()},
        party_not_political=words("party_not_political"),
        portfolio_nouns=words("portfolio_nouns"),
        regime_nouns=words("regime_nouns"),
        multinational_modifiers=words("multinational_modifiers"),
        affiliation_participles=words("affiliation_participles"),
        place_target_verbs=words("place_target_verbs"),
        stateless_peoples=words("stateless_peoples"),
        dissent_aims=words("dissent_aims"),
    )


# ----------------------------------------------------------------------------------------------------
# Matching support


_WORD_BREAK = re.compile(r"[-'.]")


@lru_cache(maxsize=1)
def name_first_words() -> frozenset[str]:
    """First words of every KB name (and their part before a hyphen or apostrophe: "al" of "al-Qaeda"), so a
    matcher can skip tokens that start no name without building candidate strings."""
    keys: list[str] = [*_country_index(), *_capital_index(), *_org_index(), *_people_full_index()]
    keys += list(_people_surname_index())
    words: set[str] = set()
    for key in keys:
        first = key.split(" ", 1)[0]
        words.add(first)
        words.add(_WORD_BREAK.split(first, 1)[0])
    return frozenset(w for w in words if w)


@lru_cache(maxsize=1)
def demonym_words() -> frozenset[str]:
    """Single-word demonyms and plural people nouns, lower case ("tunisian"): they may match uncapitalised."""
    return frozenset(
        k for k, m in _country_index().items() if m.kind in ("demonym", "plural") and " " not in k
    )


@lru_cache(maxsize=1)
def sector_last_words() -> frozenset[str]:
    """The last word of every sector term: a noun that is none of these heads no sector phrase."""
    return frozenset(term.rsplit(" ", 1)[-1] for term in sector_terms())
