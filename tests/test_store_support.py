"""Builders shared by the store tests (documents made directly from eventwire.model, no NLP pipeline).

Imported by the other tests/test_store_*.py modules; it holds no tests itself.
"""

from __future__ import annotations

import hashlib

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


def doc_id_for(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def span_of(text: str, word: str) -> Span:
    start = text.index(word)
    return Span(word, start, start + len(word))


def _sentence_of(text: str, at: int) -> SentenceRef:
    """The line holding offset ``at`` (test texts put one sentence per line)."""
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    return SentenceRef(text.count("\n", 0, at), start, len(text) if end < 0 else end)


def make_event(
    text: str,
    trigger: str,
    *,
    index: int = 0,
    cameo: str = "173",
    source: tuple[str, str, str] | None = ("BLRCOP", "Police", "BLR"),
    target: tuple[str, str, str] | None = ("BLROPP", "protesters", "BLR"),
    date: str | None = None,
    precision: str = "day",
    place: Place | None = None,
    counts: list[Count] | None = None,
    negated: bool = False,
    hypothetical: bool = False,
    historical: bool = False,
) -> Event:
    """An event whose trigger and actor spans are real offsets into ``text`` when the words occur in it."""
    trig = span_of(text, trigger)

    def actor(spec: tuple[str, str, str] | None) -> Actor | None:
        if spec is None:
            return None
        code, words, country = spec
        if words in text:
            span = span_of(text, words)
            return Actor(
                code,
                span.text,
                span.start,
                span.end,
                name=words.title(),
                country=country,
                sector=code[3:] or None,
                kind="group",
            )
        return Actor(code, name=words, country=country, sector=code[3:] or None)

    return Event(
        event_id=f"ev{index}-{cameo}-{trig.start}",
        sentence=_sentence_of(text, trig.start),
        trigger=trig,
        source=actor(source),
        target=actor(target),
        cameo=cameo,
        cameo_root=cameo[:2],
        quad_class=4 if cameo[:2] in {"17", "18", "19", "20"} else 1,
        goldstein=-5.0 if cameo.startswith("17") else 1.0,
        plover={"type": "ARREST" if cameo.startswith("17") else "CONSULT", "mode": None, "context": None},
        modality=Modality(negated=negated, hypothetical=hypothetical, historical=historical),
        acled={"event_type": "Protests", "sub_event_type": "Protest with intervention"},
        date=DateRef(date, date, precision) if date else None,
        place=place,
        counts=counts or [],
        confidence=0.8,
    )


def make_document(
    text: str,
    events: list[Event] | None = None,
    *,
    published: str | None = "2020-08-16",
    url: str | None = None,
    title: str | None = "A report",
) -> Document:
    return Document(
        doc_id=doc_id_for(text),
        text=text,
        title=title,
        published=published,
        url=url,
        source="Example Wire",
        origin=f"mem://{doc_id_for(text)}",
        events=events or [],
    )


MINSK = Place("Minsk", "BLR", "city", 53.9, 27.5667, 625144, "Minsk", None, None, admin1="Minsk City")


def protest_document(n: int, published: str = "2020-08-16") -> Document:
    """A small realistic document (distinct per ``n``): two events, a quote, counts, a place, an actor."""
    text = (
        f"Police detained {n + 10} protesters in Minsk on Sunday, report {n}.\n"
        'Opposition leaders said "we will not stop" and met European diplomats.'
    )
    detained = Count(
        "detained",
        str(n + 10),
        text.index(str(n + 10)),
        text.index(str(n + 10)) + len(str(n + 10)),
        value=n + 10,
        qualifier="exact",
    )
    arrest = make_event(text, "detained", index=0, date=published, place=MINSK, counts=[detained])
    meet = make_event(
        text,
        "met",
        index=1,
        cameo="043",
        source=("BLROPP", "Opposition leaders", "BLR"),
        target=("IGOEU", "European diplomats", None),
    )
    doc = make_document(text, [arrest, meet], published=published, url=f"https://news.example/{n}")
    quote = span_of(text, '"we will not stop"')
    who = span_of(text, "Opposition leaders")
    speaker = Actor("BLROPP", who.text, who.start, who.end, name="Opposition", country="BLR", sector="OPP")
    doc.quotes = [Quote(quote.text, quote.start, quote.end, speaker=speaker, via="Example Wire")]
    doc.counts = [detained]
    doc.places = [MINSK]
    doc.dates = [DateRef("Sunday", published, "day", text.index("Sunday"), text.index("Sunday") + 6)]
    police = span_of(text, "Police")
    doc.actors = [ActorEntity("E1", "Belarusian police", "BLRCOP", "BLR", "COP", "organization", [police])]
    return doc
