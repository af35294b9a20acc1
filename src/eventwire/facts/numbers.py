"""Read English number expressions: digits ("7,000", "1.2 million"), words ("twenty-five", "three hundred"),
and vague plurals ("hundreds", "tens of thousands", "several dozen") with their conventional bounds.

The bounds of vague words live in ``data/facts/counts.yaml`` (section ``vague``) so an analyst can change the
convention without touching code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

ONES = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000}
#: Newspaper abbreviations written straight after digits ("1.2m people", "2bn"); only read in that position.
SCALE_ABBREVIATIONS = {"m": 1_000_000, "mn": 1_000_000, "bn": 1_000_000_000}
#: Words that behave like numbers inside a number expression but are not numbers on their own.
SPECIAL = {"dozen": 12, "score": 20}

_DIGITS = re.compile(r"^\d{1,3}(,\d{3})+$|^\d+$|^\d+\.\d+$|^\d{1,3}(,\d{3})*\.\d+$")
_RANGE_TOKEN = re.compile(r"^(\d[\d,.]*)[-\u2013\u2014](\d[\d,.]*)$")


@dataclass(frozen=True)
class Number:
    """A parsed number: ``value`` when the words give one figure, else vague ``low``..``high`` bounds."""

    value: int | None
    low: int | None = None
    high: int | None = None

    @property
    def vague(self) -> bool:
        return self.value is None


@lru_cache(maxsize=1)
def lexicon() -> dict[str, Any]:
    """The count lexicon (data/facts/counts.yaml), loaded once per process."""
    path = resources.files("eventwire") / "data" / "facts" / "counts.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


@lru_cache(maxsize=1)
def vague_bounds() -> dict[str, tuple[int, int]]:
    return {str(k): (int(v[0]), int(v[1])) for k, v in lexicon()["vague"].items()}


def is_number_word(word: str) -> bool:
    """True for a word that can be part of a number expression ("7,000", "seven", "hundred", "dozens")."""
    w = word.lower()
    return (
        w in ONES
        or w in TENS
        or w in SCALES
        or w in SPECIAL
        or w in vague_bounds()
        or _plural_scale(w) is not None
        or parse_digits(w) is not None
        or _hyphenated(w) is not None
        or _RANGE_TOKEN.match(w) is not None
    )


def parse_digits(word: str) -> float | None:
    """ "7,000" -> 7000.0, "1.2" -> 1.2; None for anything else (malformed groupings such as "1,00" too)."""
    if not _DIGITS.match(word):
        return None
    return float(word.replace(",", ""))


def _plural_scale(word: str) -> str | None:
    """ "thousands" -> "thousand"; lets "tens of thousands" be looked up whatever the plural."""
    if word.endswith("s") and word[:-1] in SCALES | SPECIAL:
        return word[:-1]
    return None


def _hyphenated(word: str) -> int | None:
    """ "twenty-five" as one token."""
    parts = word.split("-")
    if len(parts) == 2 and parts[0] in TENS and parts[1] in ONES and 0 < ONES[parts[1]] < 10:
        return TENS[parts[0]] + ONES[parts[1]]
    return None


def parse_range_token(word: str) -> tuple[int, int] | None:
    """ "12,000-15,000" (one token) -> (12000, 15000)."""
    match = _RANGE_TOKEN.match(word)
    if not match:
        return None
    low, high = parse_digits(match.group(1)), parse_digits(match.group(2))
    if low is None or high is None or low >= high:
        return None
    return int(low), int(high)


def parse_number(words: list[str]) -> Number | None:
    """Parse the words of one number expression (no qualifier), e.g. ["tens", "of", "thousands"].

    Returns None when the words are not a number this module understands.
    """
    ws = [w.lower() for w in words if w not in ("-", "\u2013")]
    if not ws:
        return None
    phrase = " ".join(ws)
    bounds = vague_bounds()
    if phrase in bounds:
        low, high = bounds[phrase]
        return Number(None, low, high)
    if ws[0] in ("several", "a few", "few") or phrase.startswith("a few "):
        return _multiplied_vague(ws)
    return _exact(ws)


def _multiplied_vague(ws: list[str]) -> Number | None:
    """ "several hundred" -> 300..999 style bounds: the vague multiplier times the scale that follows."""
    head = "a few" if ws[:2] == ["a", "few"] else ws[0]
    rest = ws[2:] if head == "a few" else ws[1:]
    mult = vague_bounds().get(head)
    if mult is None or not rest:
        return None
    scale = _exact(rest)
    if scale is None or scale.value is None:
        return None
    return Number(None, mult[0] * scale.value, (mult[1] + 1) * scale.value - 1)


def _exact(ws: list[str]) -> Number | None:
    """Sum-of-products reading of number words and digits: "three hundred", "1.2 million", "a dozen"."""
    total = 0.0
    current = 0.0
    seen = False
    for w in ws:
        digits = parse_digits(w)
        if w in ("a", "an") and not seen:
            current = current or 1.0  # "a hundred", "a dozen", "half a dozen"
            continue
        if w == "and" and seen:
            continue  # "two hundred and fifty"
        if w == "half" and not seen:
            current = 0.5
            continue
        if digits is not None:
            current += digits
        elif w in ONES:
            current += ONES[w]
        elif w in TENS:
            current += TENS[w]
        elif _hyphenated(w) is not None:
            current += _hyphenated(w) or 0
        elif w in SPECIAL:
            current = (current or 1.0) * SPECIAL[w]
        elif w in SCALES or (w in SCALE_ABBREVIATIONS and seen):
            scale = SCALES.get(w) or SCALE_ABBREVIATIONS[w]
            current = (current or 1.0) * scale
            if scale >= 1000:
                total += current
                current = 0.0
        else:
            return None
        seen = True
    if not seen:
        return None
    value = total + current
    if abs(value - round(value)) > 1e-6:
        return None  # "2.5 people": not a count
    return Number(round(value))
