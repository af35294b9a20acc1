"""Date expressions resolved against the publication date ("on Thursday", "last week", "since 1994").

Sources: spaCy DATE entities, plus the obvious relative words the small model sometimes tags otherwise
("on Thursday" as no entity, "last night" as TIME). Relative expressions are resolved by our own rules;
dateparser only reads spans that name a month or are numeric ("August 9", "9 August 2020", "2020-08-09").
An expression that cannot be placed in time ("recent days", "a tumultuous week") gets ``value=None`` and
precision "unknown": never a wrong date.

Conventions (what ``DateRef.value`` means per precision):

* ``day``: ``YYYY-MM-DD``.
* ``week``: ``YYYY-MM-DD`` of the **Sunday that starts the week** (weeks run Sunday..Saturday). So for an
  article published on Sunday 2020-08-16, "this week" is the week of 2020-08-16 and "last week" the week
  of 2020-08-09.
* ``month``: ``YYYY-MM``; ``year``: ``YYYY``.
* ``historical``: the whole period ends more than a year before publication ("in 2010" read in 2020).

A weekday alone means the most recent such day before publication (the publication's own weekday means a
week earlier, unless the sentence says "today" or "this <weekday>"), or the next one when the clause is in
the future tense ("will meet on Thursday").
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from dateparser.date import DateDataParser
from spacy.tokens import Doc, Span, Token

from eventwire.model import DateRef

WEEKDAYS = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
}
MONTHS = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
}
_MONTH_ABBR = {m[:3]: n for m, n in MONTHS.items()} | {"sept": 9}
#: Words that make a DATE entity a date (or a period) rather than a plain number.
TIME_WORDS = frozenset(
    ["day", "week", "weekend", "fortnight", "month", "year", "decade", "century", "ago", "night", "morning"]
    + ["afternoon", "evening", "season", "summer", "winter", "spring", "autumn", "fall", "quarter", "era"]
    + ["christmas", "easter", "ramadan", "eid", "new", "anniversary", "dawn", "dusk", "midnight", "noon"]
    + [
        "recent",
        "today",
        "tonight",
        "yesterday",
        "tomorrow",
        "daily",
        "weekly",
        "monthly",
        "annual",
        "yearly",
    ]
)
#: Relative day words the small model may leave untagged.
DAY_WORDS = {"today", "tonight", "yesterday", "tomorrow"}
_DAY_NAMES = frozenset(WEEKDAYS) | DAY_WORDS
PARTS_OF_DAY = {"morning", "afternoon", "evening", "night"}
#: Words in front of a date that change its period but not its value ("earlier this week" = this week).
HEDGES = (
    "the ",
    "early ",
    "earlier ",
    "late ",
    "later ",
    "mid-",
    "mid ",
    "the end of ",
    "the start of ",
    "the beginning of ",
    "the middle of ",
    "end of ",
    "start of ",
    "beginning of ",
)
#: Verbs whose complement clause is about the future ("plans to rally on Sunday").
FUTURE_HEADS = frozenset(
    ["plan", "expect", "due", "schedule", "set", "intend", "go", "hope", "vow", "threaten", "promise"]
    + ["agree", "decide", "prepare", "want", "aim", "pledge", "offer", "seek", "propose", "invite"]
)
#: Reporting verbs: "would" in what they report is a future seen from the past.
REPORTING = {"say", "announce", "tell", "add", "confirm", "state", "insist", "warn", "report", "declare"}

_YEAR = re.compile(r"^(1[0-9]{3}|20[0-9]{2})$")
_DECADE = re.compile(r"^(1[0-9]{2}|20[0-9])0'?s$")
_AGO = re.compile(
    r"^(a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+) (day|week|month|year)s? ago$"
)
_NUMERIC_DATE = re.compile(r"\b\d{4}-\d{1,2}-\d{1,2}\b|\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b")
_SMALL = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
          "eight": 8, "nine": 9, "ten": 10}  # fmt: skip


def extract_dates(doc: Doc, published: dt.date | None) -> list[DateRef]:
    """Every date expression in ``doc``, in text order, resolved against ``published`` where possible."""
    out: list[DateRef] = []
    for span in _date_spans(doc):
        lowered = span.text.lower()
        if "year-old" in lowered or "years old" in lowered or "year old" in lowered:
            continue  # an age, not a date
        value, precision = resolve(
            lowered,
            published,
            future=_is_future(span),
            past=_is_past(span),
            today_in_sentence=any(t.lower_ == "today" for t in span.sent),
            prefix=_prefix_word(doc, span),
        )
        if precision == "none":
            continue  # a TIME span with no date in it ("5 pm")
        out.append(
            DateRef(
                text=span.text,
                value=value,
                precision=precision,
                start=span.start_char,
                end=span.end_char,
                historical=_historical(lowered, value, precision, published),
            )
        )
    return out


# --------------------------------------------------------------------------------------------------------
# Spans


def _date_spans(doc: Doc) -> list[Span]:
    ents = doc.ents  # builds every entity Span: read once
    spans = [e for e in ents if e.label_ == "DATE" and _looks_like_date(e)]
    spans += [e for e in ents if e.label_ == "TIME" and _time_has_day(e)]
    covered = {t.i for s in spans for t in s}
    for tok in doc:
        # the cheap word test first: most tokens are neither weekdays nor day words
        if tok.lower_ not in _DAY_NAMES or tok.i in covered or tok.ent_type_ not in ("", "TIME", "DATE"):
            continue
        span = _grow(doc, tok)
        if not any(t.i in covered for t in span):
            spans.append(span)
            covered.update(t.i for t in span)
    trimmed = (_trim(s) for s in spans)
    return sorted((s for s in trimmed if len(s)), key=lambda s: s.start)


def _trim(span: Span) -> Span:
    """Drop a possessive or punctuation at the edges ("last week's" -> "last week")."""
    start, end = span.start, span.end
    doc = span.doc
    while end > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].is_punct):
        end -= 1
    while start < end and doc[start].is_punct:
        start += 1
    return doc[start:end]


def _looks_like_date(span: Span) -> bool:
    """The small model sometimes tags plain numbers DATE ("between 10 and 20 people"): keep a DATE span only
    when some word of it speaks of time (a unit, a name of a day or month, a year, a numeric date)."""
    for tok in span:
        w = tok.lower_.rstrip(".")
        if w in TIME_WORDS or w in WEEKDAYS or w in DAY_WORDS or _month_of(w) is not None:
            return True
        if w.rstrip("s") in TIME_WORDS or _YEAR.match(w) or _DECADE.match(w) or _NUMERIC_DATE.search(w):
            return True
        if "-" in w and any(part.rstrip("s") in TIME_WORDS for part in w.split("-")):
            return True  # "six-month", "two-day"
    return False


def _time_has_day(span: Span) -> bool:
    """ "last night", "this morning", "Thursday night": TIME spans that name a day."""
    words = {t.lower_ for t in span}
    return bool(words & (set(WEEKDAYS) | DAY_WORDS)) or (
        bool(words & {"last", "this"}) and bool(words & PARTS_OF_DAY)
    )


def _grow(doc: Doc, tok: Token) -> Span:
    """A weekday or day word with its "last/this/next" and part of day: "last Thursday night"."""
    start, end = tok.i, tok.i + 1
    if (
        start > 0
        and doc[start - 1].lower_ in ("last", "this", "next", "early", "late")
        and tok.lower_ in WEEKDAYS
    ):
        start -= 1
    if end < len(doc) and doc[end].lower_ in PARTS_OF_DAY:
        end += 1
    return doc[start:end]


def _prefix_word(doc: Doc, span: Span) -> str:
    return doc[span.start - 1].lower_ if span.start > 0 else ""


def _governing_verb(span: Span) -> Token | None:
    return next((t for t in [span.root, *span.root.ancestors] if t.pos_ in ("VERB", "AUX")), None)


def _is_past(span: Span) -> bool:
    """True when the clause governing the date is in a past tense ("were held in March", "has met")."""
    verb = _governing_verb(span)
    if verb is None or _is_future(span):
        return False
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.tag_ == "MD" for a in auxes):
        return False
    return verb.tag_ == "VBD" or any(a.tag_ == "VBD" or a.lemma_.lower() == "have" for a in auxes)


def _is_future(span: Span) -> bool:
    """True when the clause governing the date is in the future tense ("will meet on Thursday", "plans to
    rally on Sunday", "said the talks would resume on Monday")."""
    verb = _governing_verb(span)
    would = False
    for _ in range(3):
        if verb is None:
            return False
        auxes = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
        if auxes & {"will", "'ll", "shall", "wo"}:
            return True
        would = would or "would" in auxes
        if would and verb.dep_ == "ccomp" and verb.head.lemma_.lower() in REPORTING:
            return True  # future in reported speech: "said it ... would meet them on Thursday"
        if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in FUTURE_HEADS:
            return True
        if verb.dep_ not in ("xcomp", "conj"):
            return False
        verb = verb.head
    return False


# --------------------------------------------------------------------------------------------------------
# Resolution


@lru_cache(maxsize=4096)
def resolve(
    text: str,
    published: dt.date | None,
    *,
    future: bool = False,
    past: bool = False,
    today_in_sentence: bool = False,
    prefix: str = "",
) -> tuple[str | None, str]:
    """(value, precision) of one lower-cased date expression. precision "none" = not a date at all."""
    t = _strip_hedges(text.strip().removesuffix("'s").removesuffix("\u2019s"))
    if _YEAR.match(t):
        return t, "year"
    if _DECADE.match(t) or prefix in ("every", "each") or t.startswith(("every ", "each ")):
        return None, "unknown"  # a decade, or a recurring day ("every Saturday")
    if published is not None:
        rel = _relative(t, published, future=future, today_in_sentence=today_in_sentence, prefix=prefix)
        if rel is not None:
            return rel
    named = _named(t, published, future=future, past=past)
    if named is not None:
        return named
    if not any(ch.isalpha() for ch in t) and not any(ch.isdigit() for ch in t):
        return None, "none"
    return None, "unknown"


def _strip_hedges(t: str) -> str:
    changed = True
    while changed:
        changed = False
        for hedge in HEDGES:
            if t.startswith(hedge) and len(t) > len(hedge):
                t = t[len(hedge) :]
                changed = True
    return t


def _relative(
    t: str, pub: dt.date, *, future: bool, today_in_sentence: bool, prefix: str
) -> tuple[str | None, str] | None:
    words = t.split()
    day = _day_word(words, pub)
    if day is not None:
        return day.isoformat(), "day"
    if words and (words[0] in WEEKDAYS or words[0] in ("last", "this", "next")):
        wd = _weekday(words, pub, future=future, today_in_sentence=today_in_sentence, prefix=prefix)
        if wd is not None:
            return wd.isoformat(), "day"
    if len(words) == 2 and words[0] in ("last", "this", "next", "past", "previous"):
        return _relative_period(words[0], words[1], pub)
    ago = _AGO.match(t)
    if ago:
        n = _SMALL.get(ago.group(1)) or int(ago.group(1))
        return _ago(n, ago.group(2), pub)
    return None


def _day_word(words: list[str], pub: dt.date) -> dt.date | None:
    """ "today", "tonight", "this morning", "yesterday (afternoon)", "last night", "tomorrow"."""
    if not words:
        return None
    first, rest = words[0], words[1:]
    if len(rest) > 1 or (rest and rest[0] not in PARTS_OF_DAY):
        return None
    if first in ("today", "tonight") or (first == "this" and rest and rest[0] in PARTS_OF_DAY):
        return pub
    if first == "yesterday" or (first == "last" and rest == ["night"]):
        return pub - dt.timedelta(days=1)
    if first == "tomorrow":
        return pub + dt.timedelta(days=1)
    return None


def _weekday(
    words: list[str], pub: dt.date, *, future: bool, today_in_sentence: bool, prefix: str
) -> dt.date | None:
    modifier = (
        words[0]
        if words[0] in ("last", "this", "next")
        else prefix
        if prefix in ("last", "this", "next")
        else ""
    )
    names = [w for w in words if w in WEEKDAYS]
    others = [w for w in words if w not in WEEKDAYS and w not in ("last", "this", "next")]
    if len(names) != 1 or any(w not in PARTS_OF_DAY for w in others):
        return None
    target = WEEKDAYS[names[0]]
    if target == pub.weekday() and (modifier == "this" or (today_in_sentence and modifier == "")):
        return pub
    if modifier == "next" or (future and modifier != "last"):
        ahead = (target - pub.weekday()) % 7 or 7
        return pub + dt.timedelta(days=ahead)
    back = (pub.weekday() - target) % 7 or 7
    return pub - dt.timedelta(days=back)


def week_start(day: dt.date) -> dt.date:
    """The Sunday that starts the (Sunday..Saturday) week containing ``day``."""
    return day - dt.timedelta(days=(day.weekday() + 1) % 7)


def _relative_period(which: str, unit: str, pub: dt.date) -> tuple[str | None, str] | None:
    if which in ("past", "previous"):
        # "the past week" is a rolling window and "the previous week" depends on the narrative: no value.
        return (None, "unknown") if unit in ("week", "month", "year", "weekend") else None
    shift = {"last": -1, "this": 0, "next": 1}[which]
    if unit in ("week", "weekend"):
        if unit == "weekend":
            return None, "unknown"  # Saturday..Sunday straddles two weeks: say nothing rather than guess
        return (week_start(pub) + dt.timedelta(weeks=shift)).isoformat(), "week"
    if unit == "month":
        y, m = divmod(pub.year * 12 + pub.month - 1 + shift, 12)
        return f"{y:04d}-{m + 1:02d}", "month"
    if unit == "year":
        return f"{pub.year + shift:04d}", "year"
    if unit in MONTHS and which in ("last", "this", "next"):
        return _month_only(MONTHS[unit], pub, future=which == "next")
    return None


def _ago(n: int, unit: str, pub: dt.date) -> tuple[str | None, str]:
    if unit == "day":
        return (pub - dt.timedelta(days=n)).isoformat(), "day"
    if unit == "week":
        return week_start(pub - dt.timedelta(weeks=n)).isoformat(), "week"
    if unit == "month":
        y, m = divmod(pub.year * 12 + pub.month - 1 - n, 12)
        return f"{y:04d}-{m + 1:02d}", "month"
    return f"{pub.year - n:04d}", "year"


def _month_only(month: int, pub: dt.date, *, future: bool, past: bool = True) -> tuple[str, str]:
    """ "in March": the most recent March (this month counts) in a past-tense clause, the next one in a
    future-tense clause, else the nearest one (ties go to the past)."""
    return f"{_pick_year(pub, month, 15, future=future, past=past):04d}-{month:02d}", "month"


def _pick_year(pub: dt.date, month: int, day: int, *, future: bool, past: bool) -> int:
    """The year of a month/day given without one, seen from the publication date and the clause's tense.

    A month alone ("in March") counts the publication's own month as both past and future."""
    if month == pub.month and day == 15:
        return pub.year
    this_year = _safe_date(pub.year, month, day)
    if future:
        return pub.year if this_year >= pub else pub.year + 1
    if past:
        return pub.year if this_year <= pub else pub.year - 1
    candidates = [pub.year - 1, pub.year, pub.year + 1]
    return min(candidates, key=lambda y: (abs((_safe_date(y, month, day) - pub).days), y > pub.year))


def _safe_date(year: int, month: int, day: int) -> dt.date:
    return dt.date(year, month, min(day, 28 if month == 2 else 30 if month in (4, 6, 9, 11) else 31))


def _month_of(word: str) -> int | None:
    w = word.rstrip(".,")
    return MONTHS.get(w) or (_MONTH_ABBR.get(w) if len(w) >= 3 and w != "may." else None)


def _named(t: str, pub: dt.date | None, *, future: bool, past: bool) -> tuple[str | None, str] | None:
    """Dates that name a month or are numeric ("August 9", "March 2019", "2020-08-09")."""
    words = t.replace(",", " ").split()
    months = [m for m in (_month_of(w) for w in words) if m is not None]
    if not months and not _NUMERIC_DATE.search(t):
        return None
    if len(words) == 1 and months:
        if pub is None:
            return None, "unknown"
        return _month_only(months[0], pub, future=future, past=past)
    return _dateparser(t, pub, future=future, past=past)


@lru_cache(maxsize=64)
def _parser(pub: dt.date | None) -> DateDataParser:
    settings: dict[str, object] = {"PREFER_DATES_FROM": "past", "PREFER_DAY_OF_MONTH": "first"}
    if pub is not None:
        settings["RELATIVE_BASE"] = dt.datetime(pub.year, pub.month, pub.day)
    return DateDataParser(languages=["en"], settings=settings)


_HAS_YEAR = re.compile(r"\b(1[0-9]{3}|20[0-9]{2})\b")
_ISO_DATE = re.compile(r"^(1[0-9]{3}|20[0-9]{2})-(\d{1,2})-(\d{1,2})$")
_DAY = re.compile(r"^\d{1,2}$")


def _plain_month(word: str) -> int | None:
    """A month written in full or as its bare three-letter abbreviation ("august", "aug"), else None."""
    return MONTHS.get(word) or (_MONTH_ABBR.get(word) if len(word) == 3 else None)


def _simple_date(t: str) -> tuple[dt.date, str] | None:
    """(date, period) of the plain forms our own rules can read exactly as dateparser does: "august 9",
    "9 august", "august 9, 2020", "9 august 2020", "march 2019", "2020-08-09". None for anything else,
    which dateparser then reads. A month/day without a year gets year 2001 (the caller picks the real one;
    "february 29" is not a date in 2001, so dateparser still decides it). tests/test_dates_fastpath.py checks
    agreement with dateparser.
    """
    iso = _ISO_DATE.match(t)
    if iso:
        return _checked(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)), "day")
    words = t.replace(",", " ").split()
    if len(words) == 2 and _plain_month(words[0]) and _HAS_YEAR.fullmatch(words[1]):
        return _checked(int(words[1]), _plain_month(words[0]) or 0, 1, "month")
    if len(words) not in (2, 3) or (len(words) == 3 and not _HAS_YEAR.fullmatch(words[2])):
        return None
    year = int(words[2]) if len(words) == 3 else 2001
    if _plain_month(words[0]) and _DAY.match(words[1]):
        return _checked(year, _plain_month(words[0]) or 0, int(words[1]), "day")
    if _DAY.match(words[0]) and _plain_month(words[1]):
        return _checked(year, _plain_month(words[1]) or 0, int(words[0]), "day")
    return None


def _checked(year: int, month: int, day: int, period: str) -> tuple[dt.date, str] | None:
    try:
        return dt.date(year, month, day), period
    except ValueError:
        return None  # "february 30": left to dateparser, whatever it makes of it


@lru_cache(maxsize=4096)
def _parse_named(t: str, pub: dt.date | None) -> tuple[dt.date, str] | None:
    """(date, period) dateparser gives ``t`` seen from ``pub``; plain forms are read by ``_simple_date``
    first (dateparser costs milliseconds per call), and every answer is cached per (text, base date)."""
    simple = _simple_date(t)
    if simple is not None:
        return simple
    data = _parser(pub).get_date_data(t)
    if data.date_obj is None:
        return None
    return data.date_obj.date(), data.period or "day"


def _dateparser(t: str, pub: dt.date | None, *, future: bool, past: bool) -> tuple[str | None, str]:
    has_year = bool(_HAS_YEAR.search(t))
    if pub is None and not has_year:
        return None, "unknown"  # "August 9" with no publication date: the year is unknown
    parsed = _parse_named(t, pub)
    if parsed is None:
        return None, "unknown"
    d, period = parsed
    if period == "year":
        return f"{d.year:04d}", "year"
    if period == "month":
        return f"{d.year:04d}-{d.month:02d}", "month"
    if period == "week":
        return week_start(d).isoformat(), "week"
    if not has_year and pub is not None:  # "February 1": our own choice of year, not dateparser's
        d = d.replace(year=_pick_year(pub, d.month, d.day, future=future, past=past))
    return d.isoformat(), "day"


# --------------------------------------------------------------------------------------------------------
# Historical


def period_end(value: str, precision: str) -> dt.date | None:
    """Last day of the period a DateRef value names."""
    try:
        if precision == "day":
            return dt.date.fromisoformat(value)
        if precision == "week":
            return dt.date.fromisoformat(value) + dt.timedelta(days=6)
        if precision == "month":
            y, m = int(value[:4]), int(value[5:7])
            nxt = dt.date(y + (m == 12), m % 12 + 1, 1)
            return nxt - dt.timedelta(days=1)
        if precision == "year":
            return dt.date(int(value[:4]), 12, 31)
    except ValueError:
        return None
    return None


def _historical(text: str, value: str | None, precision: str, pub: dt.date | None) -> bool:
    """An earlier episode: the period ended more than a year before publication (decades included)."""
    if pub is None:
        return False
    if value is None:
        decade = _DECADE.match(_strip_hedges(text.strip()))
        if decade:
            return int(decade.group(1)) * 10 + 9 < pub.year - 1
        return False
    end = period_end(value, precision)
    return end is not None and end < pub - dt.timedelta(days=365)
