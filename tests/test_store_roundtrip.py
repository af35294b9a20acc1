"""Store round trip: what goes into a batch comes back out of DuckDB with the same values and stable types."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eventwire.model import (
    Actor,
    ActorEntity,
    Count,
    DateRef,
    Document,
    Event,
    Modality,
    Place,
    Quote,
    SentenceRef,
    Span,
)
from eventwire.store import TABLES, open_store
from test_store_support import protest_document

TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=80)
MAYBE_STR = st.none() | st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=12)
INT32 = st.integers(min_value=0, max_value=2**31 - 1)
INT64 = st.integers(min_value=-(2**63), max_value=2**63 - 1)
MAYBE_INT64 = st.none() | INT64
FLOAT = st.floats(allow_nan=False, allow_infinity=False)


@st.composite
def spans(draw: st.DrawFn, text: str) -> Span:
    start = draw(st.integers(0, len(text)))
    end = draw(st.integers(start, len(text)))
    return Span(text[start:end], start, end)


@st.composite
def actors(draw: st.DrawFn, text: str) -> Actor | None:
    if draw(st.booleans()):
        return None
    span = draw(spans(text))
    implicit = draw(st.booleans())
    return Actor(
        code=draw(st.from_regex(r"[A-Z]{3,6}", fullmatch=True)),
        text=None if implicit else span.text,
        start=None if implicit else span.start,
        end=None if implicit else span.end,
        name=draw(MAYBE_STR),
        country=draw(st.none() | st.from_regex(r"[A-Z]{3}", fullmatch=True)),
        sector=draw(MAYBE_STR),
        kind=draw(st.sampled_from([None, "person", "organization", "country", "group"])),
        entity_id=draw(MAYBE_STR),
    )


@st.composite
def places(draw: st.DrawFn) -> Place | None:
    if draw(st.booleans()):
        return None
    return Place(
        name=draw(TEXT),
        country=draw(MAYBE_STR),
        precision=draw(st.sampled_from(["site", "city", "admin1", "country", "region", "unknown"])),
        lat=draw(st.none() | FLOAT),
        lon=draw(st.none() | FLOAT),
        geonameid=draw(MAYBE_INT64),
        admin1=draw(MAYBE_STR),
        hypothetical=draw(st.booleans()),
    )


@st.composite
def counts(draw: st.DrawFn, text: str) -> Count:
    span = draw(spans(text))
    return Count(
        kind=draw(st.sampled_from(["killed", "injured", "detained", "arrested", "protesters", "displaced"])),
        text=span.text,
        start=span.start,
        end=span.end,
        value=draw(MAYBE_INT64),
        low=draw(MAYBE_INT64),
        high=draw(MAYBE_INT64),
        qualifier=draw(st.sampled_from([None, "exact", "at_least", "approximately"])),
        historical=draw(st.booleans()),
    )


@st.composite
def events(draw: st.DrawFn, text: str, index: int) -> Event:
    cameo = draw(st.from_regex(r"[0-9]{2,4}", fullmatch=True))
    sentence = draw(spans(text))
    date_value = draw(st.none() | st.sampled_from(["2020-08-16", "2020-08", "2020", "2021-W05", "bogus"]))
    return Event(
        event_id=f"e{index}-{draw(st.text(max_size=5))}",
        sentence=SentenceRef(draw(INT32), sentence.start, sentence.end),
        trigger=draw(spans(text)),
        source=draw(actors(text)),
        target=draw(actors(text)),
        cameo=cameo,
        cameo_root=cameo[:2],
        quad_class=draw(st.integers(1, 4)),
        goldstein=draw(st.floats(-10, 10)),
        plover={"type": draw(TEXT), "mode": draw(MAYBE_STR), "context": draw(MAYBE_STR)},
        modality=Modality(*(draw(st.booleans()) for _ in range(3)), draw(MAYBE_STR), draw(st.booleans())),
        acled=draw(st.none() | st.fixed_dictionaries({"event_type": TEXT, "sub_event_type": TEXT})),
        date=None if date_value is None else DateRef(draw(MAYBE_STR), date_value, "day"),
        place=draw(places()),
        counts=draw(st.lists(counts(text), max_size=2)),
        confidence=draw(st.floats(0, 1)),
        cameo_name=draw(MAYBE_STR),
    )


@st.composite
def documents(draw: st.DrawFn, index: int) -> Document:
    text = draw(TEXT)
    quote = draw(spans(text))
    return Document(
        doc_id=f"doc{index}-{draw(st.text(max_size=8))}",
        text=text,
        title=draw(MAYBE_STR),
        published=draw(st.none() | st.sampled_from(["2020-08-16", "2019-12-31", "not a date"])),
        url=draw(MAYBE_STR),
        source=draw(MAYBE_STR),
        origin=draw(MAYBE_STR),
        events=[draw(events(text, i)) for i in range(draw(st.integers(0, 3)))],
        quotes=[Quote(quote.text, quote.start, quote.end, speaker=draw(actors(text)), via=draw(MAYBE_STR))],
        counts=draw(st.lists(counts(text), max_size=2)),
        places=[p for p in [draw(places())] if p],
        actors=[ActorEntity("E1", draw(MAYBE_STR), "XXX", None, None, None, [draw(spans(text))])],
    )


def _rows(store: Any, sql: str) -> list[dict[str, Any]]:
    columns, rows = store.query(sql)
    return [dict(zip(columns, row, strict=True)) for row in rows]


def _actor_values(actor: Actor | None) -> tuple[Any, ...]:
    keys = ("code", "name", "text", "start", "end", "country", "sector", "kind", "entity_id")
    return tuple(getattr(actor, k) if actor else None for k in keys)


def _check_event(row: dict[str, Any], event: Event, text: str) -> None:
    assert row["trigger_text"] == event.trigger.text == text[row["trigger_start"] : row["trigger_end"]]
    assert (row["sentence_index"], row["sentence_start"], row["sentence_end"]) == (
        event.sentence.index,
        event.sentence.start,
        event.sentence.end,
    )
    for side, actor in (("source", event.source), ("target", event.target)):
        keys = ("code", "name", "text", "start", "end", "country", "sector", "kind", "entity_id")
        assert tuple(row[f"{side}_{k}"] for k in keys) == _actor_values(actor)
    assert (row["cameo"], row["cameo_root"], row["quad_class"]) == (
        event.cameo,
        event.cameo_root,
        event.quad_class,
    )
    assert row["goldstein"] == event.goldstein and row["confidence"] == event.confidence
    assert row["plover_type"] == event.plover["type"] and row["plover_context"] == event.plover["context"]
    assert row["acled_event_type"] == (event.acled or {}).get("event_type")
    modality = event.modality
    assert (row["negated"], row["intent"], row["hypothetical"], row["historical"], row["reported_by"]) == (
        modality.negated,
        modality.intent,
        modality.hypothetical,
        modality.historical,
        modality.reported_by,
    )
    assert row["date_value"] == (event.date.value if event.date else None)
    place = event.place
    assert (row["place_name"], row["place_lat"], row["place_lon"], row["place_geonameid"]) == (
        (place.name, place.lat, place.lon, place.geonameid) if place else (None, None, None, None)
    )
    assert row["n_counts"] == len(event.counts)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.integers(0, 3), min_size=1, max_size=3).flatmap(
        lambda sizes: st.tuples(*(documents(i) for i in range(len(sizes))))
    )
)
def test_store_roundtrip_values_come_back(docs: tuple[Document, ...]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(Path(tmp) / "s", create=True)
        store.write_batch(list(docs))
        by_id = {d.doc_id: d for d in docs}
        stored = _rows(store, "SELECT * FROM documents")
        assert {r["doc_id"] for r in stored} == set(by_id)
        for row in stored:
            doc = by_id[row["doc_id"]]
            assert (row["text"], row["title"], row["published"], row["url"], row["origin"]) == (
                doc.text,
                doc.title,
                doc.published,
                doc.url,
                doc.origin,
            )
            assert row["n_events"] == len(doc.events)
        for row in _rows(store, "SELECT * FROM events"):
            doc = by_id[row["doc_id"]]
            _check_event(row, doc.events[row["event_index"]], doc.text)
        for row in _rows(store, "SELECT * FROM counts"):
            doc = by_id[row["doc_id"]]
            source = (
                doc.counts
                if row["event_id"] is None
                else next(e.counts for e in doc.events if e.event_id == row["event_id"])
            )
            count = source[row["count_index"]]
            assert (row["kind"], row["text"], row["start"], row["end"]) == (
                count.kind,
                count.text,
                count.start,
                count.end,
            )
            assert (row["value"], row["low"], row["high"], row["historical"]) == (
                count.value,
                count.low,
                count.high,
                count.historical,
            )
        for row in _rows(store, "SELECT * FROM quotes"):
            quote = by_id[row["doc_id"]].quotes[row["quote_index"]]
            assert row["text"] == quote.text == by_id[row["doc_id"]].text[row["start"] : row["end"]]
            assert tuple(
                row[f"speaker_{k}"]
                for k in ("code", "name", "text", "start", "end", "country", "sector", "kind", "entity_id")
            ) == _actor_values(quote.speaker)
        for row in _rows(store, "SELECT * FROM actors"):
            entity = by_id[row["doc_id"]].actors[0]
            assert row["name"] == entity.name
            assert row["mentions"] == [m.to_dict() for m in entity.mentions]
        counts_expected = {
            "documents": len(docs),
            "events": sum(len(d.events) for d in docs),
            "quotes": sum(len(d.quotes) for d in docs),
            "places": sum(len(d.places) for d in docs),
            "counts": sum(len(d.counts) + sum(len(e.counts) for e in d.events) for d in docs),
        }
        table_counts = store.table_counts()
        for table, expected in counts_expected.items():
            assert table_counts[table] == expected
            assert store.query(f"SELECT count(*) FROM {table}")[1][0][0] == expected


def _types(store: Any, table: str) -> list[tuple[str, str]]:
    return [(r[0], r[1]) for r in store.query(f"DESCRIBE {table}")[1]]


def test_store_roundtrip_types_are_stable_when_empty_and_full(tmp_path: Path) -> None:
    """An empty store, a store whose batch left whole tables empty or all-null, and a full one read back with
    the same column names and types."""
    empty = open_store(tmp_path / "empty", create=True)
    sparse = open_store(tmp_path / "sparse", create=True)
    sparse.write_batch([Document(doc_id="bare", text="Nothing happened.")])
    full = open_store(tmp_path / "full", create=True)
    full.write_batch([protest_document(1), protest_document(2)])
    for table in TABLES:
        assert _types(empty, table) == _types(sparse, table) == _types(full, table)
        assert [name for name, _ in _types(full, table)] == TABLES[table].names


def test_store_roundtrip_derived_columns(tmp_path: Path) -> None:
    store = open_store(tmp_path / "s", create=True)
    store.write_batch([protest_document(5)])
    row = store.events(cameo="173")[0]
    assert row["detained"] == 15 and row["killed"] is None
    assert str(row["date_first"]) == str(row["date_last"]) == "2020-08-16"
    assert row["lead_paragraph"] is True
    meet = store.events(cameo="043")[0]
    assert meet["lead_paragraph"] is False  # its sentence is in the second paragraph
