"""Attach to each event its counts, place and date, from the facts found in the document.

* **counts**: counts in the event's sentence whose kind fits the event's CAMEO code (table in
  ``data/facts/attach.yaml``); each count goes to one event only, the syntactically closest fitting one,
  and an earlier episode's count (``historical``) only to an event of that earlier episode.
* **place**: the place in the event's sentence closest to the trigger in the parse, skipping places that are
  actors ("Russia said") or hypothetical; else the place of the nearest preceding event of the same paragraph;
  else the document focus (its dominant city, or its main country with precision "country"). Coordinates are
  only ever copied from a Place that carries them, never made up.
* **date**: a resolved date of the event's clause (else of a clause governing it or adjoined to it; never
  "since 1994" nor "last week's election" for another word); else the publication date when the tense says
  it is today's news (simple present, present progressive); else an explicit "unknown". A historical date
  marks the event ``modality.historical``.
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
from collections import Counter
from functools import cache, lru_cache
from importlib import resources
from typing import Any

import yaml
from spacy.tokens import Doc, Span, Token

from eventwire.coding import kb
from eventwire.facts.places import opens_dateline
from eventwire.model import Count, DateRef, Event, Place
from eventwire.nlp.syntax import tree_distance

PRECISION_RANK = {"site": 0, "city": 1, "admin1": 2, "country": 3, "region": 4, "unknown": 5}


@lru_cache(maxsize=1)
def _table() -> dict[str, Any]:
    path = resources.files("eventwire") / "data" / "facts" / "attach.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


@cache
def _words(key: str) -> frozenset[str]:
    """One word list of ``attach.yaml`` as a set (built once, not per candidate)."""
    return frozenset(str(w) for w in _table()[key])


def count_fit() -> dict[str, list[str]]:
    """Count kind -> CAMEO code prefixes it may attach to, most fitting first."""
    return {str(k): [str(p) for p in v] for k, v in _table()["count_fit"].items()}


def attach_facts(
    events: list[Event],
    *,
    doc: Doc,
    counts: list[Count],
    places: list[Place],
    dates: list[DateRef],
    published: dt.date | None,
) -> None:
    """Attach to each event (in place) its counts, place and date."""
    if not events:
        return
    index = DocIndex(doc)
    triggers = {id(ev): index.root_at(ev.trigger.start, ev.trigger.end) for ev in events}
    ordered = sorted(events, key=lambda ev: (ev.trigger.start, ev.trigger.end))
    for ev in ordered:
        ev.date = _event_date(index, triggers[id(ev)], dates, published)
        if ev.date.historical:
            ev.modality.historical = True
        ev.counts = []
    _attach_counts(index, ordered, triggers, counts)
    _attach_places(index, ordered, triggers, places)


# --------------------------------------------------------------------------------------------------------
# Shared helpers


class DocIndex:
    """What the attachment rules ask of one Doc again and again, computed once.

    ``Doc.text`` re-joins every token on each access and ``Token.sent`` rescans the sentence flags, so calling
    them per candidate pair made attachment quadratic in the document's length."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.text = doc.text
        self.breaks = [i for i, ch in enumerate(self.text) if ch == "\n"]
        self.sent_of = [0] * len(doc)  # token index -> index into self.sents
        self.sents: list[Span] = list(doc.sents)
        for n, sent in enumerate(self.sents):
            for i in range(sent.start, sent.end):
                self.sent_of[i] = n
        self._spans: dict[tuple[int, int], Span | None] = {}

    def sent(self, tok: Token) -> Span:
        return self.sents[self.sent_of[tok.i]]

    def span(self, start: int, end: int) -> Span | None:
        """``doc.char_span(start, end, alignment_mode="expand")``, memoised."""
        key = (start, end)
        if key not in self._spans:
            self._spans[key] = self.doc.char_span(start, end, alignment_mode="expand")
        return self._spans[key]

    def root_at(self, start: int | None, end: int | None) -> Token | None:
        """The syntactic head of the tokens covering text[start:end] (None for missing or bad offsets)."""
        if start is None or end is None or not 0 <= start < end <= len(self.text):
            return None
        span = self.span(start, end)
        return span.root if span is not None and len(span) else None

    def same_sentence(self, a: Token, b: Token) -> bool:
        """Same sentence and same paragraph: the parser sometimes runs a sentence across a line break."""
        if self.sent_of[a.i] != self.sent_of[b.i]:
            return False
        lo, hi = sorted((a.idx, b.idx))
        return bisect.bisect_left(self.breaks, lo) == bisect.bisect_left(self.breaks, hi)


# --------------------------------------------------------------------------------------------------------
# Dates


def _event_date(
    index: DocIndex, trigger: Token | None, dates: list[DateRef], published: dt.date | None
) -> DateRef:
    if trigger is not None:
        best = _closest_date(index, trigger, dates)
        if best is not None:
            return dataclasses.replace(best)
        if published is not None and _todays_news(index, trigger):
            return DateRef(text=None, value=published.isoformat(), precision="day")
    return DateRef(text=None, value=None, precision="unknown")


def _closest_date(index: DocIndex, trigger: Token, dates: list[DateRef]) -> DateRef | None:
    """The resolved date of the trigger's clause, else of a clause governing it or adjoined to it."""
    doc = index.doc
    sent = index.sent(trigger)
    home = _clause_head(trigger)
    best: tuple[int, int, DateRef] | None = None
    for date in dates:
        if date.value is None or date.start is None or date.end is None:
            continue
        if not sent.start_char <= date.start < sent.end_char:
            continue
        span = index.span(date.start, date.end)
        if span is None or _opens_period(doc, span):
            continue
        root = span.root
        if not index.same_sentence(root, trigger):
            continue
        if root.dep_ == "poss" and root.head.i != trigger.i:
            continue  # "last week's election" dates the election, not the verb around it
        there = _clause_head(root)
        if there.i == home.i:
            rank = 0
        elif _related_clause(there, home):
            rank = 1
        else:
            continue
        key = (rank, tree_distance(trigger, root))
        if best is None or key < best[:2]:
            best = (key[0], key[1], date)
    return best[2] if best else None


def _related_clause(there: Token, home: Token) -> bool:
    """The date's clause governs the event's ("On Saturday, police said they arrested 50"), or the event's
    clause has the date's as an adjunct ("..., killing 12 on Monday")."""
    if _pluperfect(home) and not _pluperfect(there):
        return False  # "how detainees had been beaten": earlier than the main clause's date
    if any(anc.i == there.i for anc in home.ancestors):
        return True
    if there.head.i != home.i:
        return False
    if there.dep_ == "xcomp" and _to_infinitive(there):
        # "called on the unions to return to talks on Wednesday", "invited him to visit early next year":
        # the infinitive is what is asked, planned or promised, later than the asking -- unless the verb only
        # frames its complement's own time ("began to shell on Monday", "tried to block ... on Sunday")
        return _shares_time(home)
    return there.dep_ in ("advcl", "xcomp")


def _to_infinitive(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _pluperfect(verb: Token) -> bool:
    """ "had been beaten" (and "... beaten and tortured": a conjunct shares its head's auxiliary)."""
    while True:
        if any(c.dep_ == "aux" and c.lower_ in ("had", "'d") for c in verb.children):
            return True
        if verb.dep_ != "conj" or verb.head.i == verb.i:
            return False
        verb = verb.head


def _opens_period(doc: Doc, span: Span) -> bool:
    """ "since 1994": the start of a period running up to now, not when the event happened."""
    return span.start > 0 and doc[span.start - 1].lower_ in ("since", "until", "till")


def _clause_head(tok: Token) -> Token:
    """The verb heading the clause ``tok`` is in (the token itself for a verb; the sentence root at worst)."""
    for t in [tok, *tok.ancestors]:
        if t.pos_ in ("VERB", "AUX") or t.dep_ == "ROOT":
            return t
    return tok


def _todays_news(index: DocIndex, trigger: Token) -> bool:
    """Simple present, present progressive or present passive: the report is about today."""
    verb = next((t for t in [trigger, *trigger.ancestors] if t.pos_ in ("VERB", "AUX")), None)
    if verb is None or not index.same_sentence(verb, trigger):
        return False
    while verb.dep_ == "xcomp" and verb.head.pos_ in ("VERB", "AUX"):
        verb = verb.head  # "are trying to persuade": the tense is the governing verb's
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.tag_ in ("MD", "VBD") or a.lemma_.lower() == "have" for a in auxes):
        return False  # will/would/could, was/had, has/have (perfect): not today's news as such
    if verb.tag_ in ("VBZ", "VBP"):
        return True
    present_be = any(a.lemma_.lower() == "be" and a.tag_ in ("VBZ", "VBP") for a in auxes)
    return present_be and verb.tag_ in ("VBG", "VBN")


# --------------------------------------------------------------------------------------------------------
# Counts


def _fit_rank(kind: str, cameo: str, fit: dict[str, list[str]]) -> int | None:
    for rank, prefix in enumerate(fit.get(kind, [])):
        if cameo.startswith(prefix):
            return rank
    return None


def _attach_counts(
    index: DocIndex, events: list[Event], triggers: dict[int, Token | None], counts: list[Count]
) -> None:
    fit = count_fit()
    for count in counts:
        number = index.root_at(count.start, count.end)
        if number is None:
            continue
        best: tuple[int, int, Event] | None = None
        for ev in events:
            trig = triggers[id(ev)]
            rank = _fit_rank(count.kind, ev.cameo or "", fit)
            if trig is None or rank is None or not index.same_sentence(trig, number):
                continue
            if count.historical != bool(ev.modality.historical):
                continue  # a 2010 crowd size does not describe this week's protest, nor the reverse
            key = (tree_distance(trig, number), rank)
            if best is None or key < best[:2]:
                best = (key[0], key[1], ev)
        if best is not None:
            best[2].counts.append(count)


# --------------------------------------------------------------------------------------------------------
# Places


def _attach_places(
    index: DocIndex, events: list[Event], triggers: dict[int, Token | None], places: list[Place]
) -> None:
    located = [
        (p, tok) for p in places if not p.hypothetical and (tok := index.root_at(p.start, p.end)) is not None
    ]
    breaks = index.breaks
    focus = document_focus(places, index.text)
    previous: tuple[int, Place] | None = None  # (paragraph, place) of the last placed event
    for ev in events:
        trig = triggers[id(ev)]
        paragraph = bisect.bisect_right(breaks, ev.trigger.start)
        place = _sentence_place(index, trig, located) if trig is not None else None
        if place is None and previous is not None and previous[0] == paragraph:
            place = previous[1]
        if place is not None:
            previous = (paragraph, place)
        ev.place = dataclasses.replace(place) if place is not None else focus


def _is_destination(tok: Token, trigger: Token) -> bool:
    """ "travel to Addis Ababa", "visited Tokyo", "shelled Kharkiv": for these verbs the object or goal of
    the trigger itself is where the event happens."""
    lemma = trigger.lemma_.lower()
    if tok.head.i == trigger.i and tok.dep_ == "dobj":
        return lemma in _words("place_object_verbs")
    prep = tok.head
    return (
        tok.dep_ == "pobj"
        and prep.head.i == trigger.i
        and prep.lower_ in ("to", "towards", "toward", "into")
        and lemma in _words("motion_verbs")
    )


def _is_location(tok: Token) -> bool:
    """A place mention used as a location ("in Minsk", "Minsk residents"), not as an actor ("Russia said",
    "support to Belarus") nor a theme ("pressure on Belarus")."""
    head = tok
    while True:
        while head.dep_ in ("compound", "flat", "appos", "conj") and head.head.i != head.i:
            head = head.head
        # "near the eastern city of Goma", "the outskirts of Kyiv": the frame noun's position decides
        of = head.head
        if head.dep_ == "pobj" and of.lower_ == "of" and of.head.pos_ == "NOUN" and _frames_place(of.head):
            head = of.head
            continue
        break
    if head.dep_ == "pobj":
        return head.head.lower_ in _words("locative_preps")
    return head.dep_ in _words("modifier_roles")


def _frames_place(noun: Token) -> bool:
    return noun.lemma_.lower() in _words("place_frames")


def _sentence_place(index: DocIndex, trigger: Token, candidates: list[tuple[Place, Token]]) -> Place | None:
    best: tuple[tuple[int, int, int], Place] | None = None
    for place, tok in candidates:
        if not index.same_sentence(tok, trigger) or not (_is_location(tok) or _is_destination(tok, trigger)):
            continue
        if _other_conjunct(tok, trigger) or _reported(tok, trigger):
            continue
        # a place inside the trigger's own phrase beats one reached through its head ("A court in Ankara
        # sentenced X, and police detained Y during a protest in Izmir": Izmir for "detained")
        below = trigger.left_edge.i <= tok.i <= trigger.right_edge.i
        key = (0 if below else 1, tree_distance(trigger, tok), PRECISION_RANK.get(place.precision, 5))
        if best is None or key < best[0]:
            best = (key, place)
    return best[1] if best else None


def _other_conjunct(place: Token, trigger: Token) -> bool:
    """The place lies in another clause coordinated with the trigger's, one with a subject of its own: "the
    Japanese are negotiating a deal, and the ministers are due to meet in Tokyo", "he said Islamabad had no link
    to the gunmen who killed soldiers near Poonch, and he accused India": that clause's place is its own."""
    lca = _common_ancestor(place, trigger)
    if lca is None:
        return False
    return _conjunct_on_path(place, lca) or _conjunct_on_path(trigger, lca, through_report=False)


def _reported(place: Token, trigger: Token) -> bool:
    """The place lies in a clause the trigger's clause reports, asks for or plans: "officials said drones
    struck Kharkiv" (Kharkiv is where the strike was, not the saying), "he blamed X and said ships would arrive
    at Arica", "urged donors to release pledges made in Geneva" (what is asked happens elsewhere and later)."""
    lca = _common_ancestor(place, trigger)
    if lca is None:
        return False
    for node in place.ancestors:
        if node.i == lca.i:
            return False
        if node.dep_ in ("ccomp", "parataxis"):
            return True
        if node.dep_ == "xcomp" and _to_infinitive(node) and not _shares_time(node.head):
            return True
    return False


def _shares_time(verb: Token) -> bool:
    return verb.lemma_.lower() in _words("shared_time_verbs")


def _common_ancestor(a: Token, b: Token) -> Token | None:
    above_a = {a.i, *(t.i for t in a.ancestors)}
    return next((t for t in [b, *b.ancestors] if t.i in above_a), None)


def _conjunct_on_path(tok: Token, top: Token, *, through_report: bool = True) -> bool:
    """A coordinated verb with its own subject between ``tok`` (included) and ``top`` (excluded).

    Without ``through_report``, a conjunct above a reported clause does not count: "police cleared a blockade
    near El Alto, and officials said eight people were detained" -- the reporting clause says nothing of
    where the detentions were, so the place of the clause it joins still stands."""
    for node in [tok, *tok.ancestors]:
        if node.i == top.i:
            return False
        if node.dep_ == "conj" and node.pos_ in ("VERB", "AUX") and _has_subject(node):
            return True
        if not through_report and node.dep_ in ("ccomp", "parataxis"):
            return False
    return False


def _has_subject(verb: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children)


def document_focus(places: list[Place], text: str | None = None) -> Place | None:
    """The document's main place: its dateline ("GOMA, Congo — ..."), else its dominant city if one clearly
    leads, else its main country.

    The main country is the most mentioned one (ties: the first mentioned). A city is the focus only when it
    is in that country, mentioned at least twice, at least as often as the country itself and at least twice
    as often as any other city there: a story told from one city, not a national story that mentions it.
    """
    real = [p for p in places if not p.hypothetical and p.country]
    if not real:
        return None
    dateline = _dateline(real, text) if text else None
    if dateline is not None:
        return dataclasses.replace(dateline, text=None, start=None, end=None)
    countries = Counter(p.country for p in real)
    top = max(countries, key=lambda c: (countries[c], -_first_index(real, c)))
    cities = Counter(p.name for p in real if p.country == top and p.precision == "city")
    ranked = cities.most_common(2)
    country_mentions = sum(1 for p in real if p.country == top and p.precision == "country")
    if (
        ranked
        and ranked[0][1] >= max(2, country_mentions)
        and (len(ranked) == 1 or ranked[0][1] >= 2 * ranked[1][1])
    ):
        city = next(p for p in real if p.name == ranked[0][0] and p.precision == "city")
        return dataclasses.replace(city, text=None, start=None, end=None)
    country = next((p for p in real if p.country == top and p.precision == "country"), None)
    if country is not None:
        return dataclasses.replace(country, text=None, start=None, end=None)
    return Place(name=_country_name(top), country=top, precision="country")


def _dateline(places: list[Place], text: str) -> Place | None:
    """The first city (site, state) a dateline opens a line with: "KYIV, Feb 24 (Reuters) - ...".

    ``facts.places.opens_dateline`` is the test places.py finds datelines with, so the two agree."""
    for place in places:
        if place.start is None or place.precision not in ("site", "city", "admin1"):
            continue
        if opens_dateline(text, place.start):
            return place
    return None


def _first_index(places: list[Place], country: str | None) -> int:
    return next(i for i, p in enumerate(places) if p.country == country)


def _country_name(code: str | None) -> str:
    """The knowledge base's short name ("Democratic Republic of the Congo"), as country mentions are named."""
    if not code:
        return "unknown"
    record = kb.country_by_code(code)
    return record.name if record is not None else code
