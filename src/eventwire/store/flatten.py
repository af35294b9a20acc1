"""Flatten ``Document`` objects into table rows (plain dicts keyed by the column names in ``schema.py``)."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterable, Sequence
from typing import Any

import pyarrow as pa

from eventwire.model import Actor, Count, DateRef, Document, Event, Failure, Place
from eventwire.store.schema import TABLES

Row = dict[str, Any]

_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")


def date_range(value: str | None, precision: str | None = None) -> tuple[dt.date | None, dt.date | None]:
    """First and last day an ISO date value covers: '2020-08-16' -> that day, '2020-08' -> the month, '2020'
    -> the year, '2020-W33' -> that ISO week; a day value with precision 'week' covers the 7 days from it.
    Anything unparseable gives (None, None) so a bad value never breaks a write."""
    if not value:
        return None, None
    text = value.strip()
    try:
        if len(text) == 10:
            day = dt.date.fromisoformat(text)
            return (day, day + dt.timedelta(days=6)) if precision == "week" else (day, day)
        if len(text) == 7 and text[4] == "-":
            year, month = int(text[:4]), int(text[5:])
            return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])
        if len(text) == 4 and text.isdigit():
            return dt.date(int(text), 1, 1), dt.date(int(text), 12, 31)
        week = _WEEK.match(text)
        if week:
            first = dt.date.fromisocalendar(int(week[1]), int(week[2]), 1)
            return first, first + dt.timedelta(days=6)
    except ValueError:
        pass
    return None, None


def _actor(prefix: str, actor: Actor | None) -> Row:
    if actor is None:
        return {f"{prefix}_{key}": None for key in _ACTOR_KEYS}
    return {f"{prefix}_{key}": getattr(actor, key) for key in _ACTOR_KEYS}


_ACTOR_KEYS = ("code", "name", "text", "start", "end", "country", "sector", "kind", "entity_id")
_PLACE_KEYS = ("name", "country", "admin1", "precision", "lat", "lon", "geonameid", "text", "start", "end")


def _place(prefix: str, place: Place | None) -> Row:
    row: Row = {f"{prefix}{key}": getattr(place, key) if place else None for key in _PLACE_KEYS}
    row[f"{prefix}hypothetical"] = place.hypothetical if place else None
    return row


# Count kinds summarised on each event row (column -> the count kinds it takes the largest figure of).
_COUNT_SUMMARY = {
    "killed": ("killed", "dead", "deaths", "fatalities"),
    "injured": ("injured", "wounded"),
    "detained": ("detained", "arrested"),
    "participants": ("protesters", "participants", "demonstrators", "crowd"),
}


def _figure(count: Count) -> int | None:
    for value in (count.value, count.high, count.low):
        if value is not None:
            return value
    return None


def _count_summary(counts: Sequence[Count]) -> Row:
    """The largest non-historical figure per summary column (the max, not the sum: reports repeat numbers)."""
    row: Row = {}
    for column, kinds in _COUNT_SUMMARY.items():
        current = [c for c in counts if c.kind in kinds and not c.historical]
        figures = [f for c in current if (f := _figure(c)) is not None]
        row[column] = max(figures) if figures else None
    return row


def _lead_end(text: str) -> int:
    """End offset of the first paragraph (the GDELT 'lead'): up to the first line break after some text."""
    stripped = len(text) - len(text.lstrip())
    newline = text.find("\n", stripped)
    return len(text) if newline < 0 else newline


def _date(prefix: str, date: DateRef | None) -> Row:
    first, last = date_range(date.value, date.precision) if date else (None, None)
    return {
        f"{prefix}text": date.text if date else None,
        f"{prefix}value": date.value if date else None,
        f"{prefix}precision": date.precision if date else None,
        f"{prefix}start": date.start if date else None,
        f"{prefix}end": date.end if date else None,
        f"{prefix}historical": date.historical if date else None,
        "date_first": first,  # same name in the events and dates tables
        "date_last": last,
    }


def event_row(doc: Document, index: int, event: Event, lead_end: int) -> Row:
    acled = event.acled or {}
    row: Row = {
        "doc_id": doc.doc_id,
        "event_id": event.event_id,
        "event_index": index,
        "sentence_index": event.sentence.index,
        "sentence_start": event.sentence.start,
        "sentence_end": event.sentence.end,
        "lead_paragraph": event.sentence.start < lead_end,
        "trigger_text": event.trigger.text,
        "trigger_start": event.trigger.start,
        "trigger_end": event.trigger.end,
        **_actor("source", event.source),
        **_actor("target", event.target),
        "cameo": event.cameo,
        "cameo_name": event.cameo_name,
        "cameo_root": event.cameo_root,
        "quad_class": event.quad_class,
        "goldstein": event.goldstein,
        "plover_type": event.plover.get("type"),
        "plover_mode": event.plover.get("mode"),
        "plover_context": event.plover.get("context"),
        "acled_event_type": acled.get("event_type"),
        "acled_sub_event_type": acled.get("sub_event_type"),
        "negated": event.modality.negated,
        "intent": event.modality.intent,
        "hypothetical": event.modality.hypothetical,
        "historical": event.modality.historical,
        "reported_by": event.modality.reported_by,
        **_date("date_", event.date),
        **_place("place_", event.place),
        "confidence": event.confidence,
        "n_counts": len(event.counts),
        **_count_summary(event.counts),
    }
    return row


def _count_row(doc_id: str, index: int, count: Count, event_id: str | None) -> Row:
    return {
        "doc_id": doc_id,
        "event_id": event_id,
        "count_index": index,
        **{key: getattr(count, key) for key in ("kind", "text", "start", "end", "value", "low", "high")},
        "qualifier": count.qualifier,
        "historical": count.historical,
    }


def _published_date(value: str | None) -> dt.date | None:
    first, _ = date_range(value[:10] if value else None)
    return first


def document_rows(doc: Document, stored_at: dt.datetime) -> dict[str, list[Row]]:
    """All rows one document contributes, per table (no ``batch_id`` yet; the writer adds it)."""
    lead_end = _lead_end(doc.text)
    rows: dict[str, list[Row]] = {name: [] for name in TABLES}
    rows["documents"].append(
        {
            "doc_id": doc.doc_id,
            **{key: getattr(doc, key) for key in ("title", "published", "url", "source", "origin", "model")},
            "published_date": _published_date(doc.published),
            "language": doc.language,
            "schema_version": doc.schema_version,
            "text": doc.text,
            "n_chars": len(doc.text),
            "n_events": len(doc.events),
            "n_quotes": len(doc.quotes),
            "n_counts": len(doc.counts),
            "n_places": len(doc.places),
            "n_dates": len(doc.dates),
            "n_actors": len(doc.actors),
            "stored_at": stored_at,
        }
    )
    for i, event in enumerate(doc.events):
        rows["events"].append(event_row(doc, i, event, lead_end))
        attached = enumerate(event.counts)
        rows["counts"].extend(_count_row(doc.doc_id, j, c, event.event_id) for j, c in attached)
    rows["counts"].extend(_count_row(doc.doc_id, i, c, None) for i, c in enumerate(doc.counts))
    for entity in doc.actors:
        first = entity.mentions[0] if entity.mentions else None
        rows["actors"].append(
            {
                "doc_id": doc.doc_id,
                **{k: getattr(entity, k) for k in ("entity_id", "name", "code", "country", "sector", "kind")},
                "n_mentions": len(entity.mentions),
                "first_text": first.text if first else None,
                "first_start": first.start if first else None,
                "first_end": first.end if first else None,
                "mentions": [{"text": m.text, "start": m.start, "end": m.end} for m in entity.mentions],
            }
        )
    for i, quote in enumerate(doc.quotes):
        rows["quotes"].append(
            {
                "doc_id": doc.doc_id,
                "quote_index": i,
                "text": quote.text,
                "start": quote.start,
                "end": quote.end,
                "partial": quote.partial,
                "via": quote.via,
                **_actor("speaker", quote.speaker),
            }
        )
    for i, place in enumerate(doc.places):
        rows["places"].append({"doc_id": doc.doc_id, "place_index": i, **_place("", place)})
    for i, date in enumerate(doc.dates):
        rows["dates"].append({"doc_id": doc.doc_id, "date_index": i, **_date("", date)})
    return rows


def failure_row(failure: Failure) -> Row:
    return {
        "origin": failure.origin,
        "doc_id": failure.doc_id,
        "code": failure.code,
        "message": failure.message,
        "at": failure.at,
    }


def to_arrow(name: str, rows: Iterable[Row], batch_id: str) -> pa.Table:
    """Rows of table ``name`` as an Arrow table with its exact schema (missing keys become null)."""
    schema = TABLES[name]
    listed = [{**row, "batch_id": batch_id} for row in rows]
    return pa.Table.from_pylist(listed, schema=schema)
