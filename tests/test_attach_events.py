"""Attaching counts, places and dates to hand-built events over parsed sentences (published 2020-08-16)."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from eventwire.facts.attach import attach_facts, count_fit, document_focus
from eventwire.facts.counts import extract_counts
from eventwire.facts.dates import extract_dates
from eventwire.model import Event, Modality, Place, SentenceRef, Span

PUBLISHED = dt.date(2020, 8, 16)


def make_event(doc, trigger: str, cameo: str, *, after: str = "") -> Event:  # type: ignore[no-untyped-def]
    """An Event whose trigger is the first ``trigger`` in the text after ``after``."""
    start = doc.text.index(trigger, doc.text.index(after) if after else 0)
    span = doc.char_span(start, start + len(trigger))
    sent = span.sent
    return Event(
        event_id=f"ev-{start}",
        sentence=SentenceRef(index=0, start=sent.start_char, end=sent.end_char),
        trigger=Span(trigger, start, start + len(trigger)),
        source=None,
        target=None,
        cameo=cameo,
        cameo_root=cameo[:2],
        quad_class=4,
        goldstein=-5.0,
        plover={"type": "X", "mode": None},
        modality=Modality(),
    )


def make_place(text: str, name: str, country: str, precision: str, *, nth: int = 0, **kw) -> Place:  # type: ignore[no-untyped-def]
    start = -1
    for _ in range(nth + 1):
        start = text.index(name, start + 1)
    return Place(
        name=name, country=country, precision=precision, text=name, start=start, end=start + len(name), **kw
    )


def run(nlp, text: str, specs: list[tuple[str, str]], places: list[Place] | None = None):  # type: ignore[no-untyped-def]
    doc = nlp(text)
    dates = extract_dates(doc, PUBLISHED)
    counts = extract_counts(doc, dates)
    events = [make_event(doc, trigger, cameo) for trigger, cameo in specs]
    attach_facts(events, doc=doc, counts=counts, places=places or [], dates=dates, published=PUBLISHED)
    return events


# --------------------------------------------------------------------------------------------------
# counts


@pytest.mark.parametrize(
    ("text", "specs", "expected"),
    [
        # each kind goes to the event it fits
        ("Police arrested 30 protesters after clashes that killed 3 people.",
         [("arrested", "173"), ("clashes", "190")], [["30"], ["3"]]),
        # two fitting events: the syntactically closest takes the count, once
        ("Police cracked down on the march and detained 200 people.",
         [("cracked", "175"), ("detained", "173")], [[], ["200"]]),
        # crowd sizes go to protests, not to a resignation
        ("Thousands rallied in the capital as the minister resigned.",
         [("rallied", "141"), ("resigned", "160")], [["Thousands"], []]),
        # the killed and injured of a crackdown
        ("The clampdown, during which at least two people died, hundreds were injured and nearly 7,000 "
         "detained, failed.", [("clampdown", "175")], [["at least two", "hundreds", "nearly 7,000"]]),
        # an aid offer takes no casualty counts
        ("Russia offered aid after floods killed 12 people.", [("offered", "030")], [[]]),
        # counts of another sentence stay out
        ("Police detained 40 people. Officials met on Monday.", [("met", "173")], [[]]),
    ],
)  # fmt: skip
def test_attach_counts_by_fit_and_distance(nlp, text, specs, expected) -> None:  # type: ignore[no-untyped-def]
    events = run(nlp, text, specs)
    assert [[c.text for c in ev.counts] for ev in events] == expected
    for ev in events:
        for c in ev.counts:
            assert text[c.start : c.end] == c.text


def test_attach_historical_count_goes_to_historical_event(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "In 2010, there were protests, but they were just 12,000 or 15,000 people. "
        "Thousands protested on Thursday."
    )
    events = run(nlp, text, [("protests", "141"), ("protested", "141")])
    old, new = events
    assert old.modality.historical and old.date is not None and old.date.value == "2010"
    assert [c.text for c in old.counts] == ["12,000 or 15,000"]
    assert not new.modality.historical and new.date is not None and new.date.value == "2020-08-13"
    assert [c.text for c in new.counts] == ["Thousands"]


def test_attach_historical_count_not_given_to_current_event(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "In 2010, there were protests, but they were just 12,000 or 15,000 people."
    doc = nlp(text)
    dates = extract_dates(doc, PUBLISHED)
    counts = extract_counts(doc, dates)
    event = make_event(doc, "protests", "141")
    attach_facts([event], doc=doc, counts=counts, places=[], dates=[], published=PUBLISHED)  # no date for it
    assert event.counts == []


def test_attach_fit_table_is_data() -> None:
    fit = count_fit()
    assert fit["killed"][:3] == ["18", "19", "20"] and "17" in fit["killed"]
    assert fit["detained"] == ["17"] and fit["protesters"][0] == "14"


# --------------------------------------------------------------------------------------------------
# dates


@pytest.mark.parametrize(
    ("text", "trigger", "value", "precision", "historical"),
    [
        ("Protesters gathered in the square on Thursday.", "gathered", "2020-08-13", "day", False),
        ("On Saturday, Lukashenko issued a plea to the Kremlin for support.",
         "issued", "2020-08-15", "day", False),
        ("Protesters are marching through the capital.", "marching", "2020-08-16", "day", False),
        ("Her allies are trying to persuade the EU to help.", "persuade", "2020-08-16", "day", False),
        ("The opposition demands new elections.", "demands", "2020-08-16", "day", False),
        ("Protesters marched through the capital.", "marched", None, "unknown", False),
        ("Strikes have spread through state companies.", "spread", None, "unknown", False),
        ("He took power in 1994.", "took", "1994", "year", True),
        ("He has ruled since 1994.", "ruled", None, "unknown", False),
        ("He refused to rerun last week's election.", "refused", None, "unknown", False),
        ("He refused to rerun last week's election.", "election", "2020-08-09", "week", False),
        ("Tikhanovskaya, who fled last week, is setting up a council.",
         "setting", "2020-08-16", "day", False),
        ("Tikhanovskaya, who fled last week, is setting up a council.", "fled", "2020-08-09", "week", False),
        ("As reports emerged that detainees had been beaten, protests grew on Thursday.",
         "beaten", None, "unknown",
         False),
        ("As reports emerged that detainees had been beaten, protests grew on Thursday.",
         "grew", "2020-08-13", "day",
         False),
    ],
)  # fmt: skip
def test_attach_event_dates(nlp, text, trigger, value, precision, historical) -> None:  # type: ignore[no-untyped-def]
    (event,) = run(nlp, text, [(trigger, "141")])
    assert event.date is not None
    assert (event.date.value, event.date.precision) == (value, precision)
    assert event.modality.historical is historical
    if event.date.start is not None and event.date.end is not None:
        assert text[event.date.start : event.date.end] == event.date.text


def test_attach_conjunct_of_pluperfect_keeps_no_date(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "As reports emerged that detainees had been beaten and tortured, protests grew on Thursday."
    (event,) = run(nlp, text, [("tortured", "1822")])
    assert event.date is not None and event.date.value is None


def test_attach_place_not_a_possessor(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The Kremlin's backing came as Lukashenko spoke to a rally in Minsk."
    places = [make_place(text, "Kremlin", "RUS", "site"), make_place(text, "Minsk", "BLR", "city")]
    (event,) = run(nlp, text, [("came", "051")], places)
    assert event.place is not None and event.place.name == "Minsk"


def test_attach_place_through_a_frame_noun(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Fighting killed at least 15 people near the eastern city of Goma on Monday."
    places = [make_place(text, "Goma", "COD", "city")]
    (event,) = run(nlp, text, [("killed", "190")], places)
    assert event.place is not None and event.place.name == "Goma"
    assert [c.text for c in event.counts] == ["at least 15"]


def test_attach_place_prefers_the_triggers_own_phrase(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "A court in Ankara last week sentenced a politician to two years in prison, and police detained "
        "four members of the opposition during a protest in Izmir on Sunday."
    )
    places = [make_place(text, "Ankara", "TUR", "city"), make_place(text, "Izmir", "TUR", "city")]
    sentenced, detained = run(nlp, text, [("sentenced", "116"), ("detained", "173")], places)
    assert sentenced.place is not None and sentenced.place.name == "Ankara"
    assert detained.place is not None and detained.place.name == "Izmir"
    assert detained.date is not None and detained.date.value == "2020-08-09"
    assert sentenced.date is not None and sentenced.date.value == "2020-08-09"
    assert sentenced.date.precision == "week" and detained.date.precision == "day"


@pytest.mark.parametrize(
    ("text", "trigger", "name", "expected"),
    [
        ("The minister is due to travel to Addis Ababa on Friday.", "travel", "Addis Ababa", "Addis Ababa"),
        ("The prime minister visited Tokyo last week.", "visited", "Tokyo", "Tokyo"),
        ("Russian forces shelled Kharkiv overnight.", "shelled", "Kharkiv", "Kharkiv"),
        # a recipient or a subject is still no place
        ("Germany offered aid to Kenya.", "offered", "Kenya", "Kenya-focus"),
        ("Kenya welcomed the offer.", "welcomed", "Kenya", "Kenya-focus"),
    ],
)
def test_attach_place_goal_and_object_of_some_verbs(nlp, text, trigger, name, expected) -> None:  # type: ignore[no-untyped-def]
    places = [make_place(text, name, "XXX", "city")]
    (event,) = run(nlp, text, [(trigger, "042")], places)
    assert event.place is not None
    if expected.endswith("-focus"):
        assert event.place.start is None  # the document focus, not this mention
    else:
        assert (event.place.name, event.place.start) == (expected, text.index(expected))


def test_attach_without_publication_date_never_guesses_today(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Protesters are marching through the capital."
    doc = nlp(text)
    event = make_event(doc, "marching", "141")
    attach_facts([event], doc=doc, counts=[], places=[], dates=extract_dates(doc, None), published=None)
    assert event.date is not None and (event.date.value, event.date.precision) == (None, "unknown")


# --------------------------------------------------------------------------------------------------
# places


def test_attach_place_from_the_sentence(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Russia said police detained 50 people in Minsk."
    places = [
        make_place(text, "Russia", "RUS", "country"),
        make_place(text, "Minsk", "BLR", "city", lat=53.9),
    ]
    (event,) = run(nlp, text, [("detained", "173")], places)
    assert event.place is not None and (event.place.name, event.place.start) == ("Minsk", text.index("Minsk"))
    assert event.place.lat == 53.9


def test_attach_place_skips_actors_and_themes(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Russia offered support to Belarus. Belarus has many farms."
    places = [
        make_place(text, "Russia", "RUS", "country"),
        make_place(text, "Belarus", "BLR", "country"),
        make_place(text, "Belarus", "BLR", "country", nth=1),
    ]
    (event,) = run(nlp, text, [("offered", "033")], places)
    # neither "Russia" (subject) nor "to Belarus" (recipient) locates the offer: the document focus does,
    # without offsets since no mention in the sentence is evidence for it
    assert event.place is not None
    assert (event.place.name, event.place.precision, event.place.start) == ("Belarus", "country", None)


def test_attach_place_inherited_within_paragraph_only(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Protesters gathered in Minsk on Sunday. Police detained dozens.\n\nOfficials resigned."
    places = [make_place(text, "Minsk", "BLR", "city")]
    events = run(nlp, text, [("gathered", "141"), ("detained", "173"), ("resigned", "160")], places)
    assert [ev.place.name if ev.place else None for ev in events] == ["Minsk", "Minsk", "Belarus"]
    assert events[1].place is not None and events[1].place.start == text.index("Minsk")
    focus = events[2].place
    assert focus is not None and (focus.precision, focus.country, focus.lat, focus.lon) == (
        "country",
        "BLR",
        None,
        None,
    )


def test_attach_place_ignores_hypothetical(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "If he leaves, he will be tried in The Hague."
    places = [make_place(text, "The Hague", "NLD", "city", hypothetical=True)]
    (event,) = run(nlp, text, [("tried", "111")], places)
    assert event.place is None


def test_attach_place_none_without_places(nlp) -> None:  # type: ignore[no-untyped-def]
    (event,) = run(nlp, "Protesters marched.", [("marched", "141")])
    assert event.place is None


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        # a national story that mentions its capital: the country is the focus
        ([("Belarus", "BLR", "country"), ("Minsk", "BLR", "city"), ("Belarus", "BLR", "country")],
         ("Belarus", "country")),
        # a story told from one city
        ([("Minsk", "BLR", "city"), ("Minsk", "BLR", "city"), ("Belarus", "BLR", "country")],
         ("Minsk", "city")),
        # only cities of one country named: the country, with no invented coordinates
        ([("Minsk", "BLR", "city"), ("Brest", "BLR", "city")], ("Belarus", "country")),
        # the most mentioned country wins over the first mentioned
        ([("Russia", "RUS", "country"), ("Belarus", "BLR", "country"), ("Belarus", "BLR", "country")],
         ("Belarus", "country")),
    ],
)  # fmt: skip
def test_attach_document_focus(names, expected) -> None:  # type: ignore[no-untyped-def]
    places = [Place(name=n, country=c, precision=p) for n, c, p in names]
    focus = document_focus(places)
    assert focus is not None and (focus.name, focus.precision) == expected
    assert focus.start is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "GOMA, Democratic Republic of Congo \u2014 Fighting killed 15 people.\n\nOfficials met in Kinshasa.",
            "Goma",
        ),
        ("KINSHASA - Officials met.\n\nFighting near Goma killed 15. Goma was calm.", "Kinshasa"),
        ("Goma is calm - for now.\n\nOfficials met in Kinshasa and in Kinshasa again.", "Kinshasa"),
    ],
)
def test_attach_document_focus_dateline(text: str, expected: str) -> None:
    places = []
    for name in ("GOMA", "KINSHASA", "Goma", "Kinshasa"):
        for m in re.finditer(rf"\b{name}\b", text):
            places.append(
                Place(
                    name=name.title(),
                    country="COD",
                    precision="city",
                    text=name,
                    start=m.start(),
                    end=m.end(),
                )
            )
    places.sort(key=lambda p: p.start or 0)
    focus = document_focus(places, text)
    assert focus is not None and focus.name == expected


def test_attach_no_events_is_a_no_op(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Nothing happened.")
    attach_facts([], doc=doc, counts=[], places=[], dates=[], published=PUBLISHED)
