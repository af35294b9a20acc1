"""Date expressions resolved against the publication date (Sunday 2020-08-16 unless a case says otherwise)."""

from __future__ import annotations

import datetime as dt

import pytest

from eventwire.facts.dates import extract_dates, period_end, resolve, week_start

SUN = dt.date(2020, 8, 16)  # a Sunday
WED = dt.date(2021, 3, 17)  # a Wednesday

# (sentence, published, [(span text, value, precision, historical)])
CASES = [
    ("Protesters clashed with police on Thursday.", SUN, [("Thursday", "2020-08-13", "day", False)]),
    ("On Saturday, police arrested dozens.", SUN, [("Saturday", "2020-08-15", "day", False)]),
    ("The minister will visit Kyiv on Thursday.", SUN, [("Thursday", "2020-08-20", "day", False)]),
    ("Police said the curfew began on Sunday.", SUN, [("Sunday", "2020-08-09", "day", False)]),
    ("The summit is set for this Sunday.", SUN, [("this Sunday", "2020-08-16", "day", False)]),
    ("She was released last Tuesday.", SUN, [("last Tuesday", "2020-08-11", "day", False)]),
    ("Talks resumed on Monday.", WED, [("Monday", "2021-03-15", "day", False)]),
    ("Talks collapsed on Wednesday.", WED, [("Wednesday", "2021-03-10", "day", False)]),
    ("Today, thousands marched in the capital.", SUN, [("Today", "2020-08-16", "day", False)]),
    ("The rally took place yesterday.", SUN, [("yesterday", "2020-08-15", "day", False)]),
    ("Fighting broke out last night in the north.", SUN, [("last night", "2020-08-15", "day", False)]),
    ("Two days ago, rebels seized the town.", SUN, [("Two days ago", "2020-08-14", "day", False)]),
    ("The vote was held on August 9.", SUN, [("August 9", "2020-08-09", "day", False)]),
    ("The treaty was signed on 9 August 2020.", SUN, [("9 August 2020", "2020-08-09", "day", False)]),
    ("The report is dated 2020-08-09.", SUN, [("2020-08-09", "2020-08-09", "day", False)]),
    ("Protests continued this week.", SUN, [("this week", "2020-08-16", "week", False)]),
    ("The army withdrew earlier this week.", WED, [("earlier this week", "2021-03-14", "week", False)]),
    (
        "He insisted he would not rerun last week's presidential election.",
        SUN,
        [("last week", "2020-08-09", "week", False)],
    ),
    ("Rebels will attack next week.", SUN, [("next week", "2020-08-23", "week", False)]),
    ("Talks collapsed last month.", SUN, [("last month", "2020-07", "month", False)]),
    ("Talks collapsed last month.", dt.date(2021, 1, 5), [("last month", "2020-12", "month", False)]),
    ("Elections were held in March.", SUN, [("March", "2020-03", "month", False)]),
    ("Elections were held in November.", SUN, [("November", "2019-11", "month", False)]),
    ("Elections will be held in March.", SUN, [("March", "2021-03", "month", False)]),
    ("The ceasefire was agreed in March 2019.", SUN, [("March 2019", "2019-03", "month", True)]),
    ("The company was founded last year.", SUN, [("last year", "2019", "year", False)]),
    ("He has ruled since 1994.", SUN, [("1994", "1994", "year", True)]),
    ("The 1991 coup failed.", SUN, [("1991", "1991", "year", True)]),
    ("In 2010, there were protests.", SUN, [("2010", "2010", "year", True)]),
    ("In 2019, there were protests.", SUN, [("2019", "2019", "year", False)]),
    ("In the 1990s, the war killed thousands.", SUN, [("the 1990s", None, "unknown", True)]),
    ("Violence has surged in recent days.", SUN, [("recent days", None, "unknown", False)]),
    ("The country has endured a tumultuous week.", SUN, [("a tumultuous week", None, "unknown", False)]),
    ("Violence has surged over the past week.", SUN, [("the past week", None, "unknown", False)]),
    ("Troops have been there for 26 years.", SUN, [("26 years", None, "unknown", False)]),
    # a month or day without a year: past clause -> the last one, future -> the next one, else the nearest
    (
        "The two sides agreed to end operations from February 1.",
        SUN,
        [("February 1", "2021-02-01", "day", False)],
    ),
    ("Troops withdrew on February 1.", SUN, [("February 1", "2020-02-01", "day", False)]),
    ("They agreed to meet again in March.", SUN, [("March", "2021-03", "month", False)]),
    ("The talks resume in September.", SUN, [("September", "2020-09", "month", False)]),
    (
        "The government said it would meet union leaders on Thursday.",
        SUN,
        [("Thursday", "2020-08-20", "day", False)],
    ),
    ('"We will be back every Saturday," she said.', SUN, [("Saturday", None, "unknown", False)]),
    (
        "He said the government remained open to talks and would meet union leaders on Thursday.",
        SUN,
        [("Thursday", "2020-08-20", "day", False)],
    ),
    # no publication date: relative expressions stay unknown, explicit years still resolve
    ("Protesters clashed with police on Thursday.", None, [("Thursday", None, "unknown", False)]),
    ("In 2010, there were protests.", None, [("2010", "2010", "year", False)]),
    # not dates at all
    ("Between 10 and 20 people were arrested.", SUN, []),  # the small model tags this DATE
    ("A 25-year-old man was arrested.", SUN, []),
    ("The curfew starts at 10 pm.", SUN, []),
]


@pytest.mark.parametrize(("sentence", "published", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_dates_resolution_table(nlp, sentence, published, expected) -> None:  # type: ignore[no-untyped-def]
    dates = extract_dates(nlp(sentence), published)
    assert [(d.text, d.value, d.precision, d.historical) for d in dates] == expected
    for d in dates:
        assert d.start is not None and d.end is not None
        assert sentence[d.start : d.end] == d.text


@pytest.mark.parametrize(
    ("text", "kwargs", "expected"),
    [
        ("sunday", {}, ("2020-08-09", "day")),  # the publication's weekday alone: a week earlier
        ("sunday", {"today_in_sentence": True}, ("2020-08-16", "day")),
        ("sunday", {"prefix": "this"}, ("2020-08-16", "day")),
        ("sunday", {"future": True}, ("2020-08-23", "day")),
        ("thursday night", {}, ("2020-08-13", "day")),
        ("thursday", {"prefix": "next"}, ("2020-08-20", "day")),
        ("this morning", {}, ("2020-08-16", "day")),
        ("tomorrow", {}, ("2020-08-17", "day")),
        ("three weeks ago", {}, ("2020-07-26", "week")),
        ("early last year", {}, ("2019", "year")),
        ("the end of last month", {}, ("2020-07", "month")),
        ("an eighth day", {}, (None, "unknown")),
    ],
)
def test_dates_resolve_rules(text: str, kwargs: dict[str, object], expected: tuple[str | None, str]) -> None:
    assert resolve(text, SUN, **kwargs) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize("day", [dt.date(2020, 8, 9) + dt.timedelta(days=n) for n in range(7)])
def test_dates_week_starts_on_sunday(day: dt.date) -> None:
    assert week_start(day) == dt.date(2020, 8, 9)


def test_dates_period_end() -> None:
    assert period_end("2020-02", "month") == dt.date(2020, 2, 29)
    assert period_end("2020-12", "month") == dt.date(2020, 12, 31)
    assert period_end("2020-08-09", "week") == dt.date(2020, 8, 15)
    assert period_end("2010", "year") == dt.date(2010, 12, 31)
