"""Scoring hand-made predictions against a hand-made gold set: P/R/F1, acceptance numbers, counts, quotes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from eventwire.evaluation.gold import GoldCount, GoldEntity, GoldEvent, GoldQuote, GoldSet, GoldUnit
from eventwire.evaluation.matching import PredEvent
from eventwire.evaluation.scoring import (
    PredUnit,
    count_matches,
    entity_resolution,
    evaluate,
    quote_matches,
    speaker_right,
)

TEXT = (
    "Police detained 40 protesters in Ruritania on Monday. "  # sentence 0: 0-53
    "The president accused Nato of massing troops. "  # sentence 1: 54-100
    "Workers went on strike at the port. "  # sentence 2
    "In 1998, there were riots."  # sentence 3
)


def _sent(i: int) -> tuple[int, int]:
    spans = [(m.start(), m.end()) for m in re.finditer(r"[^.]+\.", TEXT)]
    start, end = spans[i]
    return start + (TEXT[start] == " "), end


def _gold_unit() -> GoldUnit:
    return GoldUnit(
        unit_id="doc",
        text=TEXT,
        published="2021-03-08",
        events=[
            GoldEvent("G1", ("173",), "BLRCOP", "BLROPP", words="Police detained 40 protesters"),
            GoldEvent("G2", ("112", "111"), "BLRGOV", "NATO", words="accused Nato of massing troops"),
            GoldEvent("G3", ("143",), "BLRLAB", "BLRGOV", target_implicit=True, words="went on strike"),
            GoldEvent("G4", ("1712",), "BLROPP", None, optional=True, words="went on strike"),
        ],
        counts=[GoldCount("detained", "40"), GoldCount("protesters", "12,000-15,000", historical=True)],
        quotes=[GoldQuote("We will never give up", "Maria Example")],
        forbidden_years=("1998",),
        forbidden_military_sources=("NATO",),
    )


def _gold() -> GoldSet:
    return GoldSet(name="toy", kind="seed", path=Path("toy.gold.yaml"), units=[_gold_unit()])


def _p(cameo: str, src: str | None, tgt: str | None, sentence: int, date: str | None = None) -> PredEvent:
    start, end = _sent(sentence)
    return PredEvent(f"{cameo}@{sentence}", cameo, src, tgt, start, end, date)


def _score(events: list[PredEvent], **extra: object) -> dict[str, float | int]:
    pred = PredUnit(text=TEXT, events=events, **extra)  # type: ignore[arg-type]
    return evaluate(_gold(), {"doc": pred}).metrics()


def test_eval_scoring_perfect() -> None:
    m = _score(
        [_p("173", "BLRCOP", "BLROPP", 0), _p("112", "BLRGOV", "IGOWSTNAT", 1), _p("143", "BLRLAB", None, 2)]
    )
    assert (m["root_precision"], m["root_recall"], m["root_f1"]) == (1.0, 1.0, 1.0)
    assert m["exact_f1"] == 1.0
    assert m["required_found"] == 3 and m["required_total"] == 3


@pytest.mark.parametrize(
    ("events", "root", "exact"),
    [
        # right coding, wrong sentence: no credit
        ([_p("173", "BLRCOP", "BLROPP", 2)], (0, 1, 3), (0, 1, 3)),
        # right root, other code: root credit only
        ([_p("170", "BLRCOP", "BLROPP", 0)], (1, 0, 2), (0, 1, 3)),
        # wrong target country
        ([_p("173", "BLRCOP", "RUSOPP", 0)], (0, 1, 3), (0, 1, 3)),
        # duplicate: once TP, then FP
        ([_p("173", "BLRCOP", "BLROPP", 0), _p("173", "BLRCOP", "BLROPP", 0)], (1, 1, 2), (1, 1, 2)),
        # optional gold: counts toward precision, costs no recall when absent
        ([_p("1712", "BLROPP", None, 2)], (1, 0, 3), (1, 0, 3)),
        # sector differs: root level right, exact wrong
        ([_p("173", "BLRGOV", "BLRCVL", 0)], (1, 0, 2), (0, 1, 3)),
    ],
)
def test_eval_scoring_counts_tp_fp_fn(
    events: list[PredEvent], root: tuple[int, int, int], exact: tuple[int, int, int]
) -> None:
    report = evaluate(_gold(), {"doc": PredUnit(text=TEXT, events=events)})
    for level, expected in (("root", root), ("exact", exact)):
        score = report.levels[level]
        assert (score.matched, score.false_positives, score.missed) == expected, level


def test_eval_scoring_precision_recall_values() -> None:
    m = _score([_p("173", "BLRCOP", "BLROPP", 0), _p("190", "BLR", "RUS", 3), _p("1712", "BLROPP", None, 2)])
    assert m["root_precision"] == pytest.approx(2 / 3, abs=1e-4)  # G1 + optional G4; one FP
    assert m["root_recall"] == pytest.approx(1 / 3, abs=1e-4)  # only G1 of 3 required
    assert m["root_f1"] == pytest.approx(2 * (2 / 3) * (1 / 3) / (1.0), abs=1e-4)


def test_eval_scoring_acceptance_numbers() -> None:
    m = _score(
        [
            _p("010", "BLRGOV", None, 1),  # statement: excluded from precision_non01
            _p("173", "BLRCOP", "BLROPP", 0),
            _p("154", "IGOWSTNAT", "BLR", 1),  # NATO as source of a military event
            _p("145", "BLROPP", None, 3, date="1998"),  # dated in a forbidden (historical) year
        ]
    )
    assert m["required_found"] == 1
    assert m["precision_non01"] == pytest.approx(1 / 3, abs=1e-4)
    assert m["forbidden_military_source"] == 1
    assert m["forbidden_dated"] == 1


def test_eval_scoring_missing_unit_is_all_misses() -> None:
    report = evaluate(_gold(), {})
    assert report.levels["root"].missed == 3 and report.levels["root"].predicted == 0
    assert any("no prediction" in w for w in report.warnings)


def test_eval_scoring_listing_rows() -> None:
    report = evaluate(
        _gold(), {"doc": PredUnit(TEXT, [_p("173", "BLRCOP", "BLROPP", 0), _p("190", "A", "B", 3)])}
    )
    by_gold = {r.gold_id: r for r in report.rows}
    assert by_gold["G1"].root_ok and by_gold["G1"].exact_ok
    assert not by_gold["G2"].root_ok and by_gold["G2"].pred is None
    false_pos = [r for r in report.rows if r.gold_id is None]
    assert len(false_pos) == 1 and false_pos[0].pred == "A B 190"
    data = report.as_dict()
    assert data["levels"]["root"]["tp"] == 1 and len(data["events"]) == 5


@pytest.mark.parametrize(
    ("gold", "pred", "ok"),
    [
        (GoldCount("detained", "7000"), {"kind": "detained", "value": 7000}, True),
        (GoldCount("detained", "7000"), {"kind": "detained", "value": 700}, False),
        (GoldCount("detained", "7000"), {"kind": "killed", "value": 7000}, False),
        (GoldCount("killed", "2"), {"kind": "killed", "low": 2, "high": None}, True),
        (GoldCount("injured", "hundreds"), {"kind": "injured", "text": "hundreds were injured"}, True),
        (GoldCount("injured", "hundreds"), {"kind": "injured", "text": "dozens"}, False),
        (
            GoldCount("protesters", "12,000-15,000", historical=True),
            {"kind": "protesters", "low": 12000, "high": 15000, "historical": True},
            True,
        ),
        (
            GoldCount("protesters", "12,000-15,000", historical=True),
            {"kind": "protesters", "low": 12000, "high": 15000},
            False,
        ),  # historical flag must agree
    ],
)
def test_eval_count_matches(gold: GoldCount, pred: dict[str, object], ok: bool) -> None:
    assert count_matches(gold, pred) is ok


@pytest.mark.parametrize(
    ("gold", "pred", "ok"),
    [
        ("We will not yield.", "\u201cWe will not yield\u201d", True),
        (
            "pressure exerted on [Belarus] from the outside",
            "pressure exerted on Belarus from the outside",
            True,
        ),
        # gold lists a multi-sentence quotation by its opening sentence: that is a match ...
        ("We will not yield.", "We will not yield. And we will fight on, whatever happens to us all.", True),
        # ... but a short gold phrase from inside a long passage is not
        ("we will fight on", "We will not yield. And we will fight on, whatever happens to us all.", False),
        # nor is a short prediction that only opens a long gold quote
        ("We will not yield. And we will fight on, whatever happens to us all.", "We will not yield.", False),
        ("We will not yield.", "Something else entirely", False),
    ],
)
def test_eval_quote_matches(gold: str, pred: str, ok: bool) -> None:
    assert quote_matches(GoldQuote(gold, None), pred) is ok


@pytest.mark.parametrize(
    ("speaker", "ok"),
    [
        ({"name": "Alexander Lukashenko"}, True),
        ({"text": "Mr Lukashenko"}, True),
        ({"name": "Putin"}, False),
        (None, False),
    ],
)
def test_eval_quote_speaker(speaker: object, ok: bool) -> None:
    assert speaker_right(GoldQuote("x", "Alexander Lukashenko"), speaker) is ok


def test_eval_scoring_counts_and_quotes_in_report() -> None:
    report = evaluate(
        _gold(),
        {
            "doc": PredUnit(
                TEXT,
                [],
                counts=[{"kind": "detained", "value": 40}, {"kind": "killed", "value": 1}],
                quotes=[{"text": "We will never give up!", "speaker": {"name": "Maria Example"}}],
            )
        },
    )
    assert report.counts is not None and (report.counts.matched, report.counts.predicted) == (1, 2)
    assert report.counts.recall == 0.5
    assert report.quotes is not None and report.quotes.f1 == 1.0 and report.quote_speakers_right == 1


@pytest.mark.parametrize(
    ("cameo", "agree"),
    [("173", 1), ("170", 1), ("175", 0)],  # 175 is ASSAULT in the crosswalk, gold says COERCE
)
def test_eval_scoring_plover_agreement_is_informational(cameo: str, agree: int) -> None:
    unit = _gold_unit()
    unit.events[0] = GoldEvent(
        "G1",
        ("173", "170", "175"),
        "BLRCOP",
        "BLROPP",
        words="Police detained 40 protesters",
        plover_type="COERCE",
    )
    gold = GoldSet(name="toy", kind="seed", path=Path("toy.gold.yaml"), units=[unit])
    report = evaluate(gold, {"doc": PredUnit(TEXT, [_p(cameo, "BLRCOP", "BLROPP", 0)])})
    assert (report.plover_checked, report.plover_agree) == (1, agree)
    assert "plover" not in " ".join(report.metrics())  # never gated


LUKA = GoldEntity(
    "Alexander Lukashenko", "BLRGOV", ("Alexander Lukashenko", "the Belarusian strongman", "he")
)


def _entity(name: str | None, code: str, *mentions: str) -> dict[str, object]:
    return {"name": name, "code": code, "mentions": [{"text": m} for m in mentions]}


@pytest.mark.parametrize(
    ("gold", "actors", "expected"),
    [
        (
            LUKA,
            [_entity("Alexander Lukashenko", "BLRGOV", "Alexander Lukashenko", "the Belarusian strongman")],
            (True, 1.0),
        ),
        (
            LUKA,
            [_entity("Alexander Lukashenko", "BLRGOV", "Mr Lukashenko", "he")],
            (True, 0.5),
        ),  # pronouns ignored
        (
            LUKA,
            [_entity(None, "BLRGOV", "Lukashenko"), _entity(None, "BLRGOV", "Mr Lukashenko")],
            (False, 0.0),
        ),  # split
        (
            LUKA,
            [_entity("Alexander Lukashenko", "RUSGOV", "Alexander Lukashenko")],
            (False, 0.5),
        ),  # wrong code
        (
            GoldEntity("EU", "IGOEU"),
            [_entity("Eugen", "BLRCVL", "Eugen"), _entity("European Union", "EU", "the EU")],
            (True, None),
        ),
        (GoldEntity("Nato", "NATO"), [], (False, None)),
    ],
)
def test_eval_entity_resolution(
    gold: GoldEntity, actors: list[dict[str, object]], expected: tuple[bool, float | None]
) -> None:
    assert entity_resolution(gold, actors) == expected


def test_eval_scoring_recall_by_root() -> None:
    report = evaluate(_gold(), {"doc": PredUnit(TEXT, [_p("173", "BLRCOP", "BLROPP", 0)])})
    assert report.by_root == {"17": [1, 1], "11": [1, 0], "14": [1, 0]}  # optional G4 not counted
    assert report.as_dict()["by_root"]["17"] == {"gold": 1, "found": 1}
