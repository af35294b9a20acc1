"""Matching predicted events to gold events, at two levels.

- ``root``: (source country, target country, CAMEO root). The country part of an actor code is its first
  three letters when they are an ISO 3166 alpha-3 code. International and transnational bodies (IGO, NGO,
  IMG, MNC, ISM codes, and bare names such as NATO) are keyed by the body itself, with common spellings
  folded together (``IGOWSTNAT``, ``IGONATO`` and ``NATO`` are all NATO). ``---`` (PETRARCH's "unknown
  country"), a bare sector code (``MIL``) and a missing actor have no country.
- ``exact``: the full actor codes (IGO spellings folded the same way) and the CAMEO code itself.

An actor the gold marks as implicit (seed ``text: null``) may be left empty by the prediction; otherwise
gold and prediction must agree (two actors without a country agree). Gold and predicted events are paired
one-to-one by a maximum bipartite matching, required gold events first, so a duplicated prediction counts
once as a true positive and then as a false positive.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import pycountry

from eventwire.evaluation.gold import GoldEvent

LEVELS = ("root", "exact")

#: Spellings of the same international body -> one key (PETRARCH/Phoenix, CAMEO and plain names).
IGO_ALIASES: dict[str, str] = {
    "IGOWSTNAT": "NATO",
    "IGONAT": "NATO",
    "IGONATO": "NATO",
    "NATO": "NATO",
    "NAT": "NATO",
    "IGOEUREEC": "EU",
    "IGOEUR": "EU",
    "IGOEU": "EU",
    "EU": "EU",
    "IGOUNO": "UN",
    "IGOUN": "UN",
    "UNO": "UN",
    "UN": "UN",
    "IGOCSTO": "CSTO",
    "CSTO": "CSTO",
    "IGOOSCE": "OSCE",
    "OSCE": "OSCE",
    "IGOCOPITP": "INTERPOL",
}
#: CAMEO/PLOVER non-state "country" codes that head a code the way a country does.
TRANSNATIONAL = ("IGO", "NGO", "IMG", "MNC", "ISM")
_EXTRA_COUNTRIES = {"XKX", "KSV"}  # Kosovo (user-assigned code; CAMEO uses KSV)
#: CAMEO/PLOVER sector codes: a code that starts with one has no country ("MIL" = PETRARCH's "---MIL").
SECTORS = frozenset(
    {
        "GOV",
        "MIL",
        "COP",
        "JUD",
        "LEG",
        "OPP",
        "PTY",
        "REB",
        "PRM",
        "SPY",
        "UAF",
        "INS",
        "SEP",
        "CVL",
        "BUS",
        "EDU",
        "MED",
        "HLH",
        "LAB",
        "AGR",
        "JRN",
        "REF",
        "REL",
        "SOC",
        "CRM",
        "HRI",
        "ELI",
        "ENV",
        "MOD",
        "RAD",
        "NGM",
    }
)


@lru_cache(maxsize=1)
def _iso3() -> frozenset[str]:
    return frozenset({c.alpha_3 for c in pycountry.countries} | _EXTRA_COUNTRIES)


@dataclass(frozen=True)
class ActorKey:
    country: str | None  # ISO3, canonical IGO key, or None (missing / unknown country)
    full: str | None  # the whole code with the IGO spelling folded; None when there is no actor


def actor_key(code: str | None) -> ActorKey:
    """Normalise a CAMEO/PETRARCH actor code for scoring (see the module docstring)."""
    if code is None:
        return ActorKey(None, None)
    code = re.sub(r"[^A-Za-z-]", "", code).upper()
    if not code or set(code) == {"-"}:
        return ActorKey(None, None)
    if code.startswith("---"):
        return ActorKey(None, code)
    for length in range(len(code), 1, -1):  # longest known IGO spelling that prefixes the code
        alias = IGO_ALIASES.get(code[:length])
        if alias is not None and (length == len(code) or code[:3] in TRANSNATIONAL):
            return ActorKey(alias, alias + code[length:])
    if code[:3] in TRANSNATIONAL:
        return ActorKey(code[:6], code)
    if code[:3] in _iso3():
        return ActorKey(code[:3], code)
    if code[:3] in SECTORS:  # a sector without a country
        return ActorKey(None, "---" + code)
    return ActorKey(code, code)


@dataclass(frozen=True)
class PredEvent:
    """The parts of a predicted event that scoring reads (built from a model.Event or its JSON form)."""

    event_id: str
    cameo: str
    source_code: str | None
    target_code: str | None
    sentence_start: int | None = None
    sentence_end: int | None = None
    date: str | None = None
    trigger: str | None = None

    @property
    def root(self) -> str:
        return self.cameo[:2]


def _get(obj: Any, name: str) -> Any:
    if obj is None:
        return None
    if isinstance(obj, dict):
        return obj.get(name)
    return getattr(obj, name, None)


def pred_event(event: Any) -> PredEvent:
    """A PredEvent from a ``model.Event`` or the dict ``Event.to_dict()`` gives (as in JSON Lines output)."""
    sentence = _get(event, "sentence")
    trigger = _get(event, "trigger")
    date = _get(event, "date")
    source = _get(event, "source")
    target = _get(event, "target")
    start = _get(sentence, "start")
    end = _get(sentence, "end")
    if start is None:  # no sentence offsets: the trigger still places the event in the text
        start, end = _get(trigger, "start"), _get(trigger, "end")
    return PredEvent(
        event_id=str(_get(event, "event_id") or ""),
        cameo=str(_get(event, "cameo") or ""),
        source_code=_get(source, "code") or _get(source, "country"),
        target_code=_get(target, "code") or _get(target, "country"),
        sentence_start=start,
        sentence_end=end,
        date=_get(date, "value"),
        trigger=_get(trigger, "text"),
    )


def _actor_agrees(gold_code: str | None, implicit: bool, pred_code: str | None, level: str) -> bool:
    if implicit and pred_code is None:
        return True
    gold, pred = actor_key(gold_code), actor_key(pred_code)
    if level == "root":
        return gold.country == pred.country
    return gold.full == pred.full


def event_matches(gold: GoldEvent, pred: PredEvent, level: str) -> bool:
    """Does ``pred`` code ``gold`` at this level (ignoring where in the text it is)?"""
    if level == "root":
        if pred.root not in gold.roots:
            return False
    elif pred.cameo not in gold.codes:
        return False
    return _actor_agrees(gold.source_code, gold.source_implicit, pred.source_code, level) and _actor_agrees(
        gold.target_code, gold.target_implicit, pred.target_code, level
    )


def bipartite_match(
    golds: Sequence[GoldEvent], preds: Sequence[PredEvent], compatible: Callable[[GoldEvent, PredEvent], bool]
) -> dict[int, int]:
    """Maximum one-to-one matching {gold index: pred index}; required gold events are matched first, and an
    augmenting path never unmatches a gold event, so optional events cannot displace required ones."""
    order = [i for i, g in enumerate(golds) if not g.optional] + [
        i for i, g in enumerate(golds) if g.optional
    ]
    edges = {i: [j for j, p in enumerate(preds) if compatible(golds[i], p)] for i in order}
    owner: dict[int, int] = {}  # pred index -> gold index

    def augment(i: int, seen: set[int]) -> bool:
        for j in edges[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in order:
        augment(i, set())
    return {i: j for j, i in owner.items()}


def locate_words(text: str, words: str) -> tuple[int, int] | None:
    """Character span of ``words`` in ``text``, tolerant of whitespace, quote style and dash differences."""
    pieces = []
    for token in words.split():
        escaped = re.escape(token)
        escaped = re.sub(r"(\\?['\u2018\u2019])", "['\u2018\u2019]", escaped)
        escaped = re.sub(r'(\\?["\u201c\u201d])', '["\u201c\u201d]', escaped)
        escaped = re.sub(r"(\\?[-\u2013\u2014])", "[-\u2013\u2014]", escaped)
        pieces.append(escaped)
    match = re.search(r"\s+".join(pieces), text, flags=re.IGNORECASE)
    return (match.start(), match.end()) if match else None


def in_span(pred: PredEvent, span: tuple[int, int] | None) -> bool:
    """Is the predicted event's sentence overlapping the gold words' span? (None span: the whole unit.)"""
    if span is None:
        return True
    if pred.sentence_start is None or pred.sentence_end is None:
        return False
    return pred.sentence_start < span[1] and span[0] < pred.sentence_end
