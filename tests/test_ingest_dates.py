"""Publication dates: the forms corpora use are normalised to YYYY-MM-DD; anything else is rejected."""

from __future__ import annotations

import datetime as dt

import pytest

from eventwire.ingest.dates import InvalidDate, normalise_date


@pytest.mark.parametrize(
    "value",
    [
        "2020-08-16",
        " 2020-08-16 ",
        "2020/08/16",
        "2020.8.16",
        "20200816",
        "2020-08-16T10:15:00Z",
        "2020-08-16T23:59:59.123456+03:00",
        "2020-08-16 10:15",
        "2020-08-16T10:15:00 UTC",
        "Sun, 16 Aug 2020 10:15:00 +0000",
        "16 Aug 2020 10:15:00 GMT",
        "16 August 2020",
        "16th August 2020",
        "August 16, 2020",
        "Aug. 16 2020",
        "Sunday, August 16, 2020",
        "Sunday 16 August 2020",
        dt.date(2020, 8, 16),
        dt.datetime(2020, 8, 16, 23, 0),
    ],
)
def test_ingest_dates_accepted(value: object) -> None:
    assert normalise_date(value) == "2020-08-16"


@pytest.mark.parametrize(
    "value",
    [
        "",
        "yesterday",
        "last Sunday",
        "16/08/2020",  # day-first or month-first: ambiguous
        "08/16/2020",
        "2020-02-30",  # the right shape, but no such day
        "2020-13-01",
        "2020816",
        "0001-01-01",  # placeholder dates
        "9999-12-31",
        "Smarch 16, 2020",
        "2020-08-16 and more",
        1597536000,  # an epoch number is not a date we guess at
        None,
    ],
)
def test_ingest_dates_rejected(value: object) -> None:
    with pytest.raises(InvalidDate):
        normalise_date(value)
