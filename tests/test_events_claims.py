"""Claims of responsibility (015) are addressed to the target of the claimed act, found through the attack noun's
participle ("an attack targeting shoppers at a mall in Kenya's capital"). Sentences written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from eventwire.coding.actors import resolve_actors
from eventwire.coding.events import extract_events

PUBLISHED = dt.date(2024, 5, 1)


def _found(nlp, text: str) -> list[tuple[str | None, str, str | None]]:  # type: ignore[no-untyped-def]
    doc = nlp(text)
    events = extract_events(doc, resolve_actors(doc, published=PUBLISHED), published=PUBLISHED, doc_id="t")
    return [
        (e.source.country if e.source else None, e.cameo, e.target.country if e.target else None)
        for e in events
    ]


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        (
            "Al-Shabaab claimed responsibility for a bombing targeting a hotel in Kenya.",
            "SOM",
            "KEN",
        ),
        (
            "Islamic State claimed responsibility for an attack targeting a church in Egypt.",
            None,
            "EGY",
        ),
        ("Al-Shabaab claimed responsibility for an attack on a mall in Kenya's capital.", "SOM", "KEN"),
    ],
)
def test_events_claims_target_of_the_claimed_act(nlp, text: str, source: str | None, target: str) -> None:  # type: ignore[no-untyped-def]
    assert (source, "015", target) in _found(nlp, text)
