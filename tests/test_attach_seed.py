"""Attaching facts to hand-built events of the seed article (skips without ../shared)."""

from __future__ import annotations

import datetime as dt
import re

from eventwire.facts.attach import attach_facts
from eventwire.facts.counts import extract_counts
from eventwire.facts.dates import extract_dates
from eventwire.model import Event, Modality, Place, SentenceRef, Span

PUBLISHED = dt.date(2020, 8, 16)


def _event(doc, trigger: str, cameo: str, after: str) -> Event:  # type: ignore[no-untyped-def]
    start = doc.text.index(trigger, doc.text.index(after))
    sent = doc.char_span(start, start + len(trigger)).sent
    return Event(
        event_id=trigger,
        sentence=SentenceRef(index=0, start=sent.start_char, end=sent.end_char),
        trigger=Span(trigger, start, start + len(trigger)),
        source=None,
        target=None,
        cameo=cameo,
        cameo_root=cameo[:2],
        quad_class=4,
        goldstein=-5.0,
        plover={"type": "X"},
        modality=Modality(),
    )


def test_attach_seed_events(nlp, seed_text) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(seed_text)
    dates = extract_dates(doc, PUBLISHED)
    counts = extract_counts(doc, dates)
    places = [
        Place(name=name, country="BLR", precision=precision, text=name, start=m.start(), end=m.end())
        for name, precision in (("Minsk", "city"), ("Belarus", "country"))
        for m in re.finditer(name, seed_text)
    ]
    events = {
        "took": _event(doc, "took", "141", "tens of thousands"),
        "rallied": _event(doc, "rallied", "141", "Stela"),
        "clampdown": _event(doc, "clampdown", "175", "The clampdown"),
        "gathered": _event(doc, "gathered", "141", "protests gathered"),
        "protests": _event(doc, "protests", "141", "In 2010"),
        "plea": _event(doc, "plea", "023", "desperate plea"),
    }
    attach_facts(
        list(events.values()), doc=doc, counts=counts, places=places, dates=dates, published=PUBLISHED
    )
    kinds = {name: [(c.kind, c.text) for c in ev.counts] for name, ev in events.items()}
    assert kinds["took"] == [("protesters", "tens of thousands")]
    assert kinds["rallied"] == [("protesters", "thousands")]
    assert kinds["clampdown"] == [
        ("killed", "at least two"),
        ("injured", "hundreds"),
        ("detained", "nearly 7,000"),
    ]
    assert kinds["protests"] == [("protesters", "12,000 or 15,000")]
    assert events["protests"].modality.historical and not events["took"].modality.historical
    assert events["rallied"].place is not None and events["rallied"].place.name == "Minsk"
    assert events["gathered"].date is not None and events["gathered"].date.value == "2020-08-13"
    assert events["plea"].date is not None and events["plea"].date.value == "2020-08-15"
