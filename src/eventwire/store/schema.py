"""The store's tables: one explicit Arrow schema per table, the single source of truth for column types.

Every shard of a table is written with exactly this schema, so an empty batch, a column that is null in every
row, and a table with no shards yet all read back with the same, stable DuckDB types. Add columns at the end
(readers use ``union_by_name``); renaming or removing one needs a store migration (see ``migrations.py``).
"""

from __future__ import annotations

import pyarrow as pa

#: Bump together with a migration in ``migrations.MIGRATIONS`` whenever a stored layout changes incompatibly.
STORE_VERSION = 1

_S = pa.string()
_I32 = pa.int32()
_I64 = pa.int64()
_F64 = pa.float64()
_B = pa.bool_()
_D = pa.date32()
_TS = pa.timestamp("us", tz="UTC")


def _actor_fields(prefix: str) -> list[pa.Field]:
    """The flattened columns of an ``Actor`` (source_*, target_*, speaker_*)."""
    return [
        pa.field(f"{prefix}_code", _S),
        pa.field(f"{prefix}_name", _S),
        pa.field(f"{prefix}_text", _S),
        pa.field(f"{prefix}_start", _I32),
        pa.field(f"{prefix}_end", _I32),
        pa.field(f"{prefix}_country", _S),
        pa.field(f"{prefix}_sector", _S),
        pa.field(f"{prefix}_kind", _S),
        pa.field(f"{prefix}_entity_id", _S),
    ]


def _place_fields(prefix: str) -> list[pa.Field]:
    """The flattened columns of a ``Place`` (``prefix`` is '' for the places table, 'place_' in events)."""
    return [
        pa.field(f"{prefix}name", _S),
        pa.field(f"{prefix}country", _S),
        pa.field(f"{prefix}admin1", _S),
        pa.field(f"{prefix}precision", _S),
        pa.field(f"{prefix}lat", _F64),
        pa.field(f"{prefix}lon", _F64),
        pa.field(f"{prefix}geonameid", _I64),
        pa.field(f"{prefix}text", _S),
        pa.field(f"{prefix}start", _I32),
        pa.field(f"{prefix}end", _I32),
        pa.field(f"{prefix}hypothetical", _B),
    ]


# Columns every table starts with: which batch wrote the row (provenance, and what compaction dedupes on).
_BATCH = [pa.field("batch_id", _S, nullable=False)]

DOCUMENTS = pa.schema(
    [
        *_BATCH,
        pa.field("doc_id", _S, nullable=False),
        pa.field("title", _S),
        pa.field("published", _S),  # as given (YYYY-MM-DD normally)
        pa.field("published_date", _D),  # parsed, for date filters; null when not a valid date
        pa.field("url", _S),
        pa.field("source", _S),
        pa.field("origin", _S),
        pa.field("model", _S),
        pa.field("language", _S),
        pa.field("schema_version", _S),
        pa.field("text", _S),
        pa.field("n_chars", _I32),
        pa.field("n_events", _I32),
        pa.field("n_quotes", _I32),
        pa.field("n_counts", _I32),
        pa.field("n_places", _I32),
        pa.field("n_dates", _I32),
        pa.field("n_actors", _I32),
        pa.field("stored_at", _TS),
    ]
)

EVENTS = pa.schema(
    [
        *_BATCH,
        pa.field("doc_id", _S, nullable=False),
        pa.field("event_id", _S, nullable=False),
        pa.field("event_index", _I32),  # position in Document.events
        pa.field("sentence_index", _I32),
        pa.field("sentence_start", _I32),
        pa.field("sentence_end", _I32),
        pa.field("lead_paragraph", _B),  # the sentence starts in the document's first paragraph
        pa.field("trigger_text", _S),
        pa.field("trigger_start", _I32),
        pa.field("trigger_end", _I32),
        *_actor_fields("source"),
        *_actor_fields("target"),
        pa.field("cameo", _S),
        pa.field("cameo_name", _S),
        pa.field("cameo_root", _S),
        pa.field("quad_class", pa.int8()),
        pa.field("goldstein", _F64),
        pa.field("plover_type", _S),
        pa.field("plover_mode", _S),
        pa.field("plover_context", _S),
        pa.field("acled_event_type", _S),
        pa.field("acled_sub_event_type", _S),
        pa.field("negated", _B),
        pa.field("intent", _B),
        pa.field("hypothetical", _B),
        pa.field("historical", _B),
        pa.field("reported_by", _S),
        pa.field("date_text", _S),
        pa.field("date_value", _S),
        pa.field("date_precision", _S),
        pa.field("date_start", _I32),
        pa.field("date_end", _I32),
        pa.field("date_historical", _B),
        pa.field("date_first", _D),  # first and last day the date value covers (a month covers 28-31 days)
        pa.field("date_last", _D),
        *_place_fields("place_"),
        pa.field("confidence", _F64),
        pa.field("n_counts", _I32),
        # Counts summary: largest figure per common kind attached to the event (value, else high, else low).
        pa.field("killed", _I64),
        pa.field("injured", _I64),
        pa.field("detained", _I64),  # detained + arrested
        pa.field("participants", _I64),  # protesters / participants / demonstrators
    ]
)

ACTORS = pa.schema(
    [
        *_BATCH,
        pa.field("doc_id", _S, nullable=False),
        pa.field("entity_id", _S, nullable=False),
        pa.field("name", _S),
        pa.field("code", _S),
        pa.field("country", _S),
        pa.field("sector", _S),
        pa.field("kind", _S),
        pa.field("n_mentions", _I32),
        pa.field("first_text", _S),
        pa.field("first_start", _I32),
        pa.field("first_end", _I32),
        pa.field(
            "mentions",
            pa.list_(pa.struct([pa.field("text", _S), pa.field("start", _I32), pa.field("end", _I32)])),
        ),
    ]
)

QUOTES = pa.schema(
    [
        *_BATCH,
        pa.field("doc_id", _S, nullable=False),
        pa.field("quote_index", _I32),
        pa.field("text", _S),
        pa.field("start", _I32),
        pa.field("end", _I32),
        pa.field("partial", _B),
        pa.field("via", _S),
        *_actor_fields("speaker"),
    ]
)

COUNTS = pa.schema(
    [
        *_BATCH,
        pa.field("doc_id", _S, nullable=False),
        pa.field("event_id", _S),  # null: a document-level count; set: the count as attached to that event
        pa.field("count_index", _I32),  # position in Document.counts, or in Event.counts when event_id is set
        pa.field("kind", _S),
        pa.field("text", _S),
        pa.field("start", _I32),
        pa.field("end", _I32),
        pa.field("value", _I64),
        pa.field("low", _I64),
        pa.field("high", _I64),
        pa.field("qualifier", _S),
        pa.field("historical", _B),
    ]
)

PLACES = pa.schema(
    [
        *_BATCH,
        pa.field("doc_id", _S, nullable=False),
        pa.field("place_index", _I32),
        *_place_fields(""),
    ]
)

DATES = pa.schema(
    [
        *_BATCH,
        pa.field("doc_id", _S, nullable=False),
        pa.field("date_index", _I32),
        pa.field("text", _S),
        pa.field("value", _S),
        pa.field("precision", _S),
        pa.field("start", _I32),
        pa.field("end", _I32),
        pa.field("historical", _B),
        pa.field("date_first", _D),
        pa.field("date_last", _D),
    ]
)

FAILURES = pa.schema(
    [
        *_BATCH,
        pa.field("origin", _S, nullable=False),
        pa.field("doc_id", _S),
        pa.field("code", _S),
        pa.field("message", _S),
        pa.field("at", _S),  # ISO timestamp as recorded by the batch
    ]
)

#: Table name -> schema, in the order tables are written and listed.
TABLES: dict[str, pa.Schema] = {
    "documents": DOCUMENTS,
    "events": EVENTS,
    "actors": ACTORS,
    "quotes": QUOTES,
    "counts": COUNTS,
    "places": PLACES,
    "dates": DATES,
    "failures": FAILURES,
}


def empty_table(name: str) -> pa.Table:
    """A zero-row table with the schema of ``name`` (what a view over no shards reads as)."""
    return TABLES[name].empty_table()
