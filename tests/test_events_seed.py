"""Acceptance facts for the event coder on the seed article (skipped without ../shared)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from eventwire.coding import kb
from eventwire.model import Actor, Document


def _norm(text: str) -> str:
    return " ".join(text.replace("\u2019", "'").replace("\u201c", '"').replace("\u201d", '"').split())


def _gold_country(code: str | None) -> str | None:
    if code is None:
        return None
    return code[:3] if kb.country_by_code(code[:3]) else code


def _country(actor: Actor | None) -> str | None:
    return None if actor is None else (actor.country or actor.code)


@pytest.fixture(scope="module")
def gold(shared_dir: Path) -> dict:  # type: ignore[type-arg]
    return yaml.safe_load((shared_dir / "seed" / "belarus-2020-08-16.gold.yaml").read_text(encoding="utf-8"))


def _matches(doc: Document, gold_event: dict) -> list[int]:  # type: ignore[type-arg]
    words = _norm(gold_event["words"])[:60]
    roots = {c[:2] for c in gold_event["codes"]}
    hits = []
    for i, e in enumerate(doc.events):
        sentence = _norm(doc.text[e.sentence.start : e.sentence.end])
        if (
            words in sentence
            and e.cameo_root in roots
            and _country(e.source) == _gold_country(gold_event["source"]["code"])
            and _country(e.target) == _gold_country(gold_event["target"]["code"])
        ):
            hits.append(i)
    return hits


def test_events_seed_required_events_and_precision(seed_document: Document, gold: dict) -> None:  # type: ignore[type-arg]
    matched: set[int] = set()
    found = 0
    required = [g for g in gold["events"] if not g.get("optional")]
    for g in gold["events"]:
        hits = _matches(seed_document, g)
        matched.update(hits)
        found += bool(hits) and not g.get("optional")
    assert found >= 13, f"{found} of {len(required)} required gold events"
    non_statements = [i for i, e in enumerate(seed_document.events) if e.cameo_root != "01"]
    precision = len([i for i in non_statements if i in matched]) / max(1, len(non_statements))
    assert precision >= 0.8


def test_events_seed_no_nato_military_event(seed_document: Document) -> None:
    assert not [
        e
        for e in seed_document.events
        if _country(e.source) == "NATO" and e.cameo_root in ("15", "18", "19", "20")
    ]


def test_events_seed_no_historical_event(seed_document: Document) -> None:
    for event in seed_document.events:
        sentence = seed_document.text[event.sentence.start : event.sentence.end]
        assert "2010" not in sentence, (event.cameo, event.trigger.text)
        if event.date is not None and event.date.value:
            assert event.date.value[:4] not in ("1991", "1994", "2010")


def test_events_seed_lukashenko_is_one_actor(seed_document: Document) -> None:
    ids = {
        a.entity_id
        for e in seed_document.events
        for a in (e.source, e.target)
        if a is not None and a.name and "Lukashenko" in a.name
    }
    assert len(ids) == 1


def test_events_seed_offsets(seed_document: Document) -> None:
    text = seed_document.text
    for event in seed_document.events:
        assert text[event.trigger.start : event.trigger.end] == event.trigger.text
