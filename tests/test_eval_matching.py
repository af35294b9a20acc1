"""Matching predicted events to gold events: actor keys, levels, one-to-one matching, locating words."""

from __future__ import annotations

import pytest

from eventwire.evaluation.gold import GoldEvent
from eventwire.evaluation.matching import (
    ActorKey,
    PredEvent,
    actor_key,
    bipartite_match,
    event_matches,
    in_span,
    locate_words,
    pred_event,
)
from eventwire.model import Actor, DateRef, Event, Modality, SentenceRef, Span


@pytest.mark.parametrize(
    ("code", "country", "full"),
    [
        ("USAGOV", "USA", "USAGOV"),
        ("usa", "USA", "USA"),
        ("PSEGZA", "PSE", "PSEGZA"),
        ("SYROPPHRI", "SYR", "SYROPPHRI"),
        ("---REB", None, "---REB"),  # PETRARCH: unknown country
        ("---", None, None),
        ("", None, None),
        (None, None, None),
        ("NATO", "NATO", "NATO"),
        ("IGOWSTNAT", "NATO", "NATO"),
        ("IGONATO", "NATO", "NATO"),
        ("IGOEU", "EU", "EU"),
        ("IGOEUREEC", "EU", "EU"),
        ("EU", "EU", "EU"),
        ("IGOUNO", "UN", "UN"),
        ("IGOUNOMIL", "UN", "UNMIL"),
        ("IMGMUSISI", "IMGMUS", "IMGMUSISI"),  # transnational group: keyed by its first six letters
        ("CSTO", "CSTO", "CSTO"),
        ("XKXGOV", "XKX", "XKXGOV"),
        ("MIL", None, "---MIL"),  # a bare sector: no country, same as PETRARCH's ---MIL
        ("GOV", None, "---GOV"),
    ],
)
def test_eval_actor_key(code: str | None, country: str | None, full: str | None) -> None:
    assert actor_key(code) == ActorKey(country, full)


def _gold(codes: tuple[str, ...], src: str | None, tgt: str | None, **kw: object) -> GoldEvent:
    return GoldEvent(gold_id=str(kw.pop("gid", "G")), codes=codes, source_code=src, target_code=tgt, **kw)  # type: ignore[arg-type]


def _pred(cameo: str, src: str | None, tgt: str | None, start: int = 0, end: int = 100) -> PredEvent:
    return PredEvent(f"p{cameo}", cameo, src, tgt, start, end)


@pytest.mark.parametrize(
    ("gold", "pred", "root_ok", "exact_ok"),
    [
        (_gold(("042",), "USA", "CHN"), _pred("042", "USA", "CHN"), True, True),
        (_gold(("042",), "USA", "CHN"), _pred("043", "USA", "CHN"), True, False),  # same root, other code
        (_gold(("042",), "USA", "CHN"), _pred("051", "USA", "CHN"), False, False),  # wrong root
        (_gold(("042",), "USAGOV", "CHN"), _pred("042", "USA", "CHNGOV"), True, False),  # sectors: exact only
        (_gold(("042",), "USA", "CHN"), _pred("042", "CHN", "USA"), False, False),  # swapped actors
        (_gold(("042",), "USA", "CHN"), _pred("042", "USA", None), False, False),  # explicit target missing
        (_gold(("112",), "BLRGOV", "NATO"), _pred("112", "BLRGOV", "IGOWSTNAT"), True, True),  # IGO spellings
        (_gold(("190",), "---REB", "SYR"), _pred("190", None, "SYR"), True, False),  # both countryless
        (_gold(("190",), "---REB", "SYR"), _pred("190", "SYRREB", "SYR"), False, False),
        # implicit gold actor (seed ``text: null``): an empty prediction is fine, a wrong country is not
        (
            _gold(("123", "120"), "BLRGOV", "BLROPP", target_implicit=True),
            _pred("120", "BLRGOV", None),
            True,
            True,
        ),
        (
            _gold(("123",), "BLRGOV", "BLROPP", target_implicit=True),
            _pred("123", "BLRGOV", "RUS"),
            False,
            False,
        ),
        (
            _gold(("123",), "BLRGOV", "BLROPP", target_implicit=True),
            _pred("128", "BLR", "BLROPP"),
            True,
            False,
        ),
    ],
)
def test_eval_event_matches_levels(gold: GoldEvent, pred: PredEvent, root_ok: bool, exact_ok: bool) -> None:
    assert event_matches(gold, pred, "root") is root_ok
    assert event_matches(gold, pred, "exact") is exact_ok


def _root(g: GoldEvent, p: PredEvent) -> bool:
    return event_matches(g, p, "root")


def test_eval_duplicate_prediction_counts_once() -> None:
    golds = [_gold(("141",), "BLROPP", "BLRGOV")]
    preds = [_pred("141", "BLROPP", "BLRGOV"), _pred("1411", "BLROPP", "BLRGOV")]
    assert bipartite_match(golds, preds, _root) == {0: 0}  # the second is a false positive


def test_eval_matching_is_maximal_not_greedy() -> None:
    # pred 0 fits both golds, pred 1 only gold 0: a greedy pass would pair (0,0) and leave gold 1 unmatched
    golds = [_gold(("141", "173"), "BLR", "BLR", gid="A"), _gold(("141",), "BLR", "BLR", gid="B")]
    preds = [_pred("141", "BLR", "BLR"), _pred("173", "BLR", "BLR")]
    assert bipartite_match(golds, preds, _root) == {0: 1, 1: 0}


def test_eval_required_gold_wins_over_optional() -> None:
    golds = [
        _gold(("141",), "BLR", "BLR", gid="opt", optional=True),
        _gold(("141",), "BLR", "BLR", gid="req"),
    ]
    preds = [_pred("141", "BLR", "BLR")]
    assert bipartite_match(golds, preds, _root) == {1: 0}


@pytest.mark.parametrize(
    ("text", "words", "found"),
    [
        ("He said it was \u201csolidarity\u201d with them.", 'said it was "solidarity" with', "said it was"),
        ("last  week's\nelection", "last week\u2019s election", "last  week's\nelection"),
        ("A state-owned firm", "state\u2013owned firm", "state-owned firm"),
        ("Nothing here.", "absent words", None),
    ],
)
def test_eval_locate_words(text: str, words: str, found: str | None) -> None:
    span = locate_words(text, words)
    if found is None:
        assert span is None
    else:
        assert span is not None and text[span[0] : span[1]].startswith(found)


@pytest.mark.parametrize(
    ("sentence", "span", "ok"),
    [
        ((0, 50), (10, 20), True),
        ((0, 50), (45, 60), True),
        ((50, 90), (10, 20), False),
        ((0, 50), None, True),
    ],
)
def test_eval_in_span(sentence: tuple[int, int], span: tuple[int, int] | None, ok: bool) -> None:
    assert in_span(_pred("141", None, None, *sentence), span) is ok


def test_eval_pred_event_from_model_and_dict() -> None:
    event = Event(
        event_id="ev1",
        sentence=SentenceRef(2, 10, 60),
        trigger=Span("detained", 30, 38),
        source=Actor(code="BLRCOP"),
        target=Actor(code="BLROPP"),
        cameo="173",
        cameo_root="17",
        quad_class=4,
        goldstein=-5.0,
        plover={"type": "COERCE", "mode": "arrest", "context": "legal"},
        modality=Modality(),
        date=DateRef(text=None, value="2020-08-15", precision="day"),
    )
    expected = PredEvent("ev1", "173", "BLRCOP", "BLROPP", 10, 60, "2020-08-15", "detained")
    assert pred_event(event) == expected
    assert pred_event(event.to_dict()) == expected
    assert pred_event({"cameo": "141", "source": None, "target": None}).source_code is None
