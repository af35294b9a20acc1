"""A place named only in a condition ("if he leaves, he will be in court in The Hague") is where nothing has
happened: attach never makes it an event's place nor the document focus. Sentences written for these tests."""

from __future__ import annotations

import pytest

from eventwire.facts.attach import attach_facts, document_focus
from eventwire.facts.places import extract_places
from eventwire.model import Event, Modality, Place, SentenceRef, Span


def _event(doc, trigger: str, cameo: str) -> Event:  # type: ignore[no-untyped-def]
    start = doc.text.index(trigger)
    sent = doc.char_span(start, start + len(trigger)).sent
    return Event(
        event_id=f"ev-{start}",
        sentence=SentenceRef(index=0, start=sent.start_char, end=sent.end_char),
        trigger=Span(trigger, start, start + len(trigger)),
        source=None,
        target=None,
        cameo=cameo,
        cameo_root=cameo[:2],
        quad_class=1,
        goldstein=0.0,
        plover={"type": "X", "mode": None},
        modality=Modality(),
    )


def _place_of(nlp, text: str, trigger: str, cameo: str) -> tuple[Place | None, list[Place]]:  # type: ignore[no-untyped-def]
    doc = nlp(text)
    places = extract_places(doc)
    event = _event(doc, trigger, cameo)
    attach_facts([event], doc=doc, counts=[], places=places, dates=[], published=None)
    return event.place, places


@pytest.mark.parametrize(
    ("text", "trigger", "cameo", "hypothetical", "expected"),
    [
        (  # the condition's place is skipped: the document's real place stands
            "Belarus held elections on Sunday. If he leaves, then he will be in court in The Hague, the "
            "opposition leader warned.",
            "warned",
            "012",
            "The Hague",
            "Belarus",
        ),
        (  # an inverted condition ("Should ...") and its consequence; Kyiv named once: the country is the focus
            "Officials spoke in Kyiv on Monday.\n\nShould the talks fail, troops will move into Kherson.",
            "move",
            "150",
            "Kherson",
            "Ukraine",
        ),
        (  # "in case ..."
            "Nigeria's unions met on Monday. In case the talks fail, workers will march in Abuja.",
            "march",
            "141",
            "Abuja",
            "Nigeria",
        ),
    ],
)
def test_attach_hypothetical_place_not_event_place(  # type: ignore[no-untyped-def]
    nlp, text: str, trigger: str, cameo: str, hypothetical: str, expected: str
) -> None:
    place, places = _place_of(nlp, text, trigger, cameo)
    assert any(p.text == hypothetical and p.hypothetical for p in places)
    assert place is not None and not place.hypothetical
    assert place.name == expected


def test_attach_only_hypothetical_places_give_no_place(nlp) -> None:  # type: ignore[no-untyped-def]
    place, places = _place_of(nlp, "If the court orders it, he will be sent to The Hague.", "sent", "0")
    assert places and all(p.hypothetical for p in places)
    assert place is None  # no place at all rather than a place where nothing happened


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        # three hypothetical mentions of The Hague do not outvote one real mention of Belarus
        ([("The Hague", "NLD", "city", True)] * 3 + [("Belarus", "BLR", "country", False)], "Belarus"),
        ([("Geneva", "CHE", "city", True), ("Kenya", "KEN", "country", False)], "Kenya"),
        ([("Geneva", "CHE", "city", True)], None),
    ],
)
def test_attach_focus_ignores_hypothetical(names, expected: str | None) -> None:  # type: ignore[no-untyped-def]
    places = [Place(name=n, country=c, precision=p, hypothetical=h) for n, c, p, h in names]
    focus = document_focus(places)
    assert (focus.name if focus else None) == expected


def test_attach_hypothetical_dateline_line_still_real(nlp) -> None:  # type: ignore[no-untyped-def]
    """A dateline is never hypothetical, even when the sentence it opens states a condition."""
    text = "GENEVA (Reuters) - If the talks fail, the delegations will leave for Paris."
    doc = nlp(text)
    places = extract_places(doc)
    geneva = next(p for p in places if p.text == "GENEVA")
    assert not geneva.hypothetical
    focus = document_focus(places, doc.text)
    assert focus is not None and focus.name == "Geneva"
