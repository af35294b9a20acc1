"""Money offered is material aid offered (CAMEO 033), not a bare intent to cooperate (030)."""

from __future__ import annotations

import datetime as dt

import pytest

from eventwire.coding.actors import resolve_actors
from eventwire.coding.events import extract_events

PUBLISHED = dt.date(2024, 5, 1)


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        ("Germany offered Kenya 40 million euros for drought relief.", "033"),
        ("The United States offered Ukraine two billion dollars.", "033"),
        ("China offered Pakistan a loan of three billion dollars.", "033"),
        # an offer of something else keeps its own code
        ("Qatar offered mediation.", "038"),
    ],
)
def test_lexicon_offer_money(nlp, text: str, cameo: str) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(text)
    events = extract_events(doc, resolve_actors(doc, published=PUBLISHED), published=PUBLISHED, doc_id="o")
    assert [e.cameo for e in events if e.trigger.text == "offered"] == [cameo]
