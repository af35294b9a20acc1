"""Publication dates as corpora write them -> YYYY-MM-DD.

Only a document's own publication date passes through here (front matter, a corpus field, HTML metadata), so
the accepted forms are the ones publishers and scrapers emit, and nothing relative ("yesterday") is guessed:
the same input must always give the same date, whatever day the batch runs.

Accepted (examples for 16 August 2020):
  2020-08-16, 2020/08/16, 2020.08.16, 20200816
  2020-08-16T10:15:00Z, 2020-08-16 10:15:00+03:00, 2020-08-16T10:15:00.123  (the date as written, no zone
  shift: the local date is the one the publisher meant)
  Sun, 16 Aug 2020 10:15:00 +0000  (RFC 2822, as in RSS feeds and e-mail)
  16 August 2020, 16 Aug 2020, August 16, 2020, Aug. 16 2020, Sunday, August 16, 2020
Day-first or month-first all-numeric forms (16/08/2020, 08/16/2020) are rejected: they are ambiguous.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re

_ISO = re.compile(
    r"^(?P<y>\d{4})(?P<sep>[-/.]?)(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})"
    r"(?:[T ]\d{1,2}(?::\d{2}){0,2}(?:[.,]\d+)?(?:\s*(?:Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?))?)?$",
    re.IGNORECASE,
)
_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_WEEKDAY = r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*,?\s+)?"
_DAY_MONTH_YEAR = re.compile(
    rf"^{_WEEKDAY}(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m>[a-z]+)\.?,?\s+(?P<y>\d{{4}})$"
)
_MONTH_DAY_YEAR = re.compile(
    rf"^{_WEEKDAY}(?P<m>[a-z]+)\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})$"
)
# Years outside this range are typos or placeholder values (0001-01-01, 9999-12-31), not publication dates.
_MIN_YEAR, _MAX_YEAR = 1800, 2200


class InvalidDate(ValueError):
    """The value is not a publication date in any accepted form."""


def normalise_date(value: object) -> str:
    """Return the publication date ``value`` as YYYY-MM-DD, or raise InvalidDate."""
    if isinstance(value, dt.datetime):
        return _checked(value.date())
    if isinstance(value, dt.date):
        return _checked(value)
    if not isinstance(value, str):
        raise InvalidDate(f"not a date: {value!r}")
    text = " ".join(value.split())
    for parse in (_parse_iso, _parse_words, _parse_rfc2822):
        found = parse(text)
        if found is not None:
            return _checked(found)
    raise InvalidDate(f"not a date: {value!r}")


def _checked(day: dt.date) -> str:
    if not _MIN_YEAR <= day.year <= _MAX_YEAR:
        raise InvalidDate(f"year {day.year} is out of range")
    return day.isoformat()


def _make(year: str, month: int | None, day: str) -> dt.date | None:
    if month is None:
        return None
    try:
        return dt.date(int(year), month, int(day))
    except ValueError as exc:  # 2020-02-30: matched the shape but is no date
        raise InvalidDate(str(exc)) from exc


def _parse_iso(text: str) -> dt.date | None:
    match = _ISO.match(text)
    if not match:
        return None
    # 2020816 is ambiguous without separators: only the 8-digit compact form is accepted.
    if not match["sep"] and (len(match["m"]) != 2 or len(match["d"]) != 2):
        return None
    return _make(match["y"], int(match["m"]), match["d"])


def _parse_words(text: str) -> dt.date | None:
    lowered = text.lower()
    for pattern in (_DAY_MONTH_YEAR, _MONTH_DAY_YEAR):
        match = pattern.match(lowered)
        if match:
            return _make(match["y"], _MONTHS.get(match["m"]), match["d"])
    return None


def _parse_rfc2822(text: str) -> dt.date | None:
    if not re.search(r"\d{1,2}:\d{2}", text):  # RFC 2822 always carries a time; otherwise it is not this form
        return None
    parsed = email.utils.parsedate(text)
    if parsed is None:
        return None
    year, month, day = parsed[:3]
    return _make(str(year), month, str(day))
