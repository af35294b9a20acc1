"""Number words and digits as eventwire.facts.numbers reads them (values and the vague-bound convention)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eventwire.facts.numbers import Number, parse_number, parse_range_token

CASES = [
    (["7,000"], Number(7000)),
    (["1.2", "million"], Number(1_200_000)),
    (["two"], Number(2)),
    (["Twenty", "-", "five"], Number(25)),
    (["twenty-five"], Number(25)),
    (["three", "hundred"], Number(300)),
    (["two", "hundred", "and", "fifty"], Number(250)),
    (["a", "dozen"], Number(12)),
    (["half", "a", "dozen"], Number(6)),
    (["a", "hundred"], Number(100)),
    (["5", "million"], Number(5_000_000)),
    (["hundreds"], Number(None, 200, 999)),
    (["thousands"], Number(None, 2000, 9999)),
    (["tens", "of", "thousands"], Number(None, 20000, 99999)),
    (["hundreds", "of", "thousands"], Number(None, 200000, 999999)),
    (["dozens"], Number(None, 24, 99)),
    (["several", "hundred"], Number(None, 300, 999)),
    (["a", "few", "thousand"], Number(None, 2000, 5999)),
    (["1.2", "m"], Number(1_200_000)),
    (["2", "bn"], Number(2_000_000_000)),
    (["m"], None),  # an abbreviation alone is no number
    (["2.5"], None),  # not a whole number of people
    (["kilometres"], None),
    (["1,00"], None),  # malformed grouping
]


@pytest.mark.parametrize(("words", "expected"), CASES, ids=[" ".join(w) for w, _ in CASES])
def test_counts_numbers_parse(words: list[str], expected: Number | None) -> None:
    assert parse_number(words) == expected


@given(st.integers(min_value=0, max_value=10**9))
def test_counts_numbers_grouped_digits_round_trip(n: int) -> None:
    assert parse_number([f"{n:,}"]) == Number(n)
    assert parse_number([str(n)]) == Number(n)


def test_counts_numbers_range_token() -> None:
    assert parse_range_token("12,000-15,000") == (12000, 15000)
    assert parse_range_token("15-12") is None  # a score or a backwards range is not a range of people
