"""Which clause a place or date belongs to: a coordinated clause with its own subject keeps its place, and a
to-infinitive's date is what is asked or planned, not the asking. Sentences written for these tests
(published Sunday 2020-08-16)."""

from __future__ import annotations

import datetime as dt

import pytest

from eventwire.facts.attach import attach_facts
from eventwire.facts.dates import extract_dates
from eventwire.facts.places import extract_places
from eventwire.model import Event, Modality, SentenceRef, Span

PUBLISHED = dt.date(2020, 8, 16)


def _event(doc, trigger: str) -> Event:  # type: ignore[no-untyped-def]
    start = doc.text.index(trigger)
    sent = doc.char_span(start, start + len(trigger)).sent
    return Event(
        event_id=f"ev-{start}",
        sentence=SentenceRef(index=0, start=sent.start_char, end=sent.end_char),
        trigger=Span(trigger, start, start + len(trigger)),
        source=None,
        target=None,
        cameo="010",
        cameo_root="01",
        quad_class=1,
        goldstein=0.0,
        plover={"type": "X", "mode": None},
        modality=Modality(),
    )


def _attach(nlp, text: str, trigger: str) -> Event:  # type: ignore[no-untyped-def]
    doc = nlp(text)
    event = _event(doc, trigger)
    attach_facts(
        [event],
        doc=doc,
        counts=[],
        places=extract_places(doc),
        dates=extract_dates(doc, PUBLISHED),
        published=PUBLISHED,
    )
    return event


@pytest.mark.parametrize(
    ("text", "trigger", "place"),
    [
        # the other conjunct has its own subject: its place is its own
        (
            "Japan and Vietnam are negotiating a defence pact, and their ministers are due to meet in Tokyo in July.",
            "negotiating",
            "Japan",
        ),
        (
            "He said the gunmen who killed four soldiers near Poonch had fled, and he accused India of lying.",
            "accused",
            "India",
        ),
        (
            "A court in Ankara sentenced a journalist, and police detained four people during a protest in Izmir.",
            "sentenced",
            "Ankara",
        ),
        (
            "A court in Ankara sentenced a journalist, and police detained four people during a protest in Izmir.",
            "detained",
            "İzmir",
        ),
        # what a speaker reports happened elsewhere: the saying is not there (the document's place stands)
        ("Ukraine's military said drones struck a power plant in Kharkiv.", "said", "Ukraine"),
        ("Ukraine's military said drones struck a power plant in Kharkiv.", "struck", "Kharkiv"),
        ("Officials in Lviv said drones had struck a substation in Kharkiv.", "said", "Lviv"),
        ("Kenya announced that its troops had reached Goma in Congo.", "announced", "Kenya"),
        (
            "Bolivia faces shortages. The minister blamed the weather and said ships would dock at the port of Arica.",
            "blamed",
            "Bolivia",
        ),
        # what is asked for happens elsewhere and later; a verb framing its complement's time shares its place
        ("Kenya urged donors to release pledges made at a conference in Geneva.", "urged", "Kenya"),
        ("Police tried to disperse the crowd in Minsk.", "tried", "Minsk"),
        # a reporting conjunct says nothing of where the reported event was: the place it joins stands
        (
            "Police cleared a blockade near El Alto with tear gas, and officials said eight people were detained.",
            "detained",
            "El Alto",
        ),
        # a conjunct without a subject of its own shares the place
        ("Police detained 20 people and fired tear gas in central Lagos.", "detained", "Lagos"),
        ("Riot police charged the crowd in Belgrade and detained dozens.", "charged", "Belgrade"),
    ],
)
def test_attach_clauses_place_of_own_conjunct(nlp, text: str, trigger: str, place: str) -> None:  # type: ignore[no-untyped-def]
    event = _attach(nlp, text, trigger)
    assert event.place is not None and event.place.name == place


@pytest.mark.parametrize(
    ("text", "trigger", "value"),
    [
        # what is asked, offered or planned is later than the asking
        ("The minister called on the unions to return to talks on Wednesday.", "called", None),
        ("The president invited his counterpart to visit Canberra early next year.", "invited", None),
        ("The rebels agreed to withdraw their fighters by Friday.", "agreed", None),
        # verbs that only frame their complement share its time
        ("Rebels tried to storm the army base on Thursday.", "tried", "2020-08-13"),
        ("Troops began to shell the town on Saturday.", "began", "2020-08-15"),
        # an adverbial clause still dates its head ("..., killing 12 on Saturday")
        ("Gunmen attacked a village, killing 12 people on Saturday.", "attacked", "2020-08-15"),
    ],
)
def test_attach_clauses_date_of_infinitive(nlp, text: str, trigger: str, value: str | None) -> None:  # type: ignore[no-untyped-def]
    event = _attach(nlp, text, trigger)
    assert event.date is not None and event.date.value == value


def test_attach_clauses_infinitive_keeps_its_own_date(nlp) -> None:  # type: ignore[no-untyped-def]
    """The infinitive's own event keeps the date of its clause (how far ahead the weekday lies is dates.py's
    call)."""
    event = _attach(nlp, "The minister called on the unions to return to talks on Wednesday.", "return")
    assert event.date is not None and event.date.text == "Wednesday" and event.date.value is not None
