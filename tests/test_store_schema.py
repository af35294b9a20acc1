"""The store keeps every field of the document model: a field added to model.py must get a column."""

from __future__ import annotations

import dataclasses

import pytest

from eventwire import model
from eventwire.store import TABLES

# Model fields the store flattens (see store/flatten.py), per class. Nested objects are stored as prefixed
# columns (source_*, place_*, date_*) or as rows of their own table (events, quotes, counts, places, dates).
STORED = {
    model.Document: {
        "doc_id",
        "text",
        "title",
        "published",
        "url",
        "source",
        "language",
        "events",
        "quotes",
        "counts",
        "places",
        "dates",
        "actors",
        "schema_version",
        "origin",
        "model",
    },
    model.Event: {
        "event_id",
        "sentence",
        "trigger",
        "source",
        "target",
        "cameo",
        "cameo_root",
        "quad_class",
        "goldstein",
        "plover",
        "modality",
        "acled",
        "date",
        "place",
        "counts",
        "confidence",
        "cameo_name",
    },
    model.Actor: {"code", "text", "start", "end", "name", "country", "sector", "kind", "entity_id"},
    model.Place: {
        "name",
        "country",
        "precision",
        "lat",
        "lon",
        "geonameid",
        "text",
        "start",
        "end",
        "admin1",
        "hypothetical",
    },
    model.Count: {"kind", "text", "start", "end", "value", "low", "high", "qualifier", "historical"},
    model.Quote: {"text", "start", "end", "speaker", "via", "partial"},
    model.DateRef: {"text", "value", "precision", "start", "end", "historical"},
    model.Modality: {"negated", "intent", "hypothetical", "reported_by", "historical"},
    model.ActorEntity: {"entity_id", "name", "code", "country", "sector", "kind", "mentions"},
    model.Failure: {"origin", "code", "message", "doc_id", "at"},
}


@pytest.mark.parametrize("cls", list(STORED), ids=lambda c: c.__name__)
def test_store_schema_covers_model_fields(cls: type) -> None:
    fields = {f.name for f in dataclasses.fields(cls)}
    missing = fields - STORED[cls]
    assert not missing, (
        f"model.{cls.__name__} gained {sorted(missing)}: add columns in store/schema.py (at the end of the "
        f"table), fill them in store/flatten.py, then list the field here"
    )


@pytest.mark.parametrize(
    ("table", "columns"),
    [
        (
            "events",
            [
                "source_code",
                "target_entity_id",
                "plover_context",
                "acled_sub_event_type",
                "reported_by",
                "date_precision",
                "place_admin1",
                "place_hypothetical",
                "cameo_name",
                "confidence",
            ],
        ),
        ("quotes", ["speaker_code", "speaker_entity_id", "via", "partial"]),
        ("places", ["admin1", "hypothetical", "geonameid"]),
        ("counts", ["event_id", "qualifier", "historical"]),
        ("dates", ["historical", "date_first", "date_last"]),
        ("actors", ["mentions", "n_mentions"]),
        ("documents", ["schema_version", "model", "language", "origin"]),
    ],
)
def test_store_schema_has_columns(table: str, columns: list[str]) -> None:
    names = TABLES[table].names
    assert names[0] == "batch_id"
    assert set(columns) <= set(names)
    assert len(names) == len(set(names))
