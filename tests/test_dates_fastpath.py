"""The plain-date fast path reads exactly what dateparser reads, and resolution output is unchanged by it."""

from __future__ import annotations

import datetime as dt

import pytest

from eventwire.facts import dates
from eventwire.facts.dates import _parser, _simple_date, resolve

PUBS = [dt.date(2020, 8, 16), dt.date(2021, 1, 3), dt.date(2024, 2, 29), dt.date(1999, 12, 31)]
PLAIN = [
    "august 9",
    "9 august",
    "aug 9",
    "9 aug",
    "may 1",
    "31 december",
    "december 31, 2019",
    "december 31 2019",
    "9 august 2020",
    "sep 30 1994",
    "march 2019",
    "may 2020",
    "jan 2021",
    "2020-08-09",
    "1994-1-5",
    "february 28",
    "01 june 2011",
]
#: Not plain: the fast path must leave them to dateparser.
NOT_PLAIN = [
    "february 30",
    "february 29",
    "2021-02-29",
    "august 9 and 10",
    "mid-august 2020",
    "9th august",
    "9",
]


def _via_dateparser(text: str, pub: dt.date) -> tuple[dt.date, str] | None:
    data = _parser(pub).get_date_data(text)
    return None if data.date_obj is None else (data.date_obj.date(), data.period or "day")


@pytest.mark.parametrize("text", PLAIN)
@pytest.mark.parametrize("pub", PUBS[:2])
def test_fast_path_agrees_with_dateparser(text: str, pub: dt.date) -> None:
    ours = _simple_date(text)
    theirs = _via_dateparser(text, pub)
    assert ours is not None and theirs is not None
    has_year = any(w.isdigit() and len(w) == 4 for w in text.replace(",", " ").replace("-", " ").split())
    if has_year:
        assert ours == theirs
    else:  # the year of a bare month/day is ours to pick: only month, day and period must agree
        assert (ours[0].month, ours[0].day, ours[1]) == (theirs[0].month, theirs[0].day, theirs[1])


@pytest.mark.parametrize("text", NOT_PLAIN)
def test_fast_path_declines_other_forms(text: str) -> None:
    assert _simple_date(text) is None


@pytest.mark.parametrize("text", PLAIN)
@pytest.mark.parametrize("pub", PUBS)
@pytest.mark.parametrize("tense", [(False, False), (True, False), (False, True)])
def test_resolution_unchanged_by_fast_path(
    text: str, pub: dt.date, tense: tuple[bool, bool], monkeypatch: pytest.MonkeyPatch
) -> None:
    future, past = tense
    fast = resolve.__wrapped__(text, pub, future=future, past=past)
    monkeypatch.setattr(dates, "_simple_date", lambda _t: None)
    dates._parse_named.cache_clear()
    try:
        slow = resolve.__wrapped__(text, pub, future=future, past=past)
    finally:
        dates._parse_named.cache_clear()
    assert fast == slow
