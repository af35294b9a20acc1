"""Pairing predicted documents with gold units, and running extraction over a gold set."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventwire.errors import EventwireError
from eventwire.evaluation.gold import GoldSet, GoldUnit
from eventwire.evaluation.runner import assign_documents, extract_predictions, load_predictions

UNITS = [
    GoldUnit("s1", "Russia accused Ukraine of shelling the town.", "2015-06-09"),
    GoldUnit("s2", "Protesters rallied in Minsk against the president on Sunday.", "2020-08-16"),
    GoldUnit("s3", "The two leaders met in Geneva.", None),
]


def _gold() -> GoldSet:
    return GoldSet("toy", "petr", Path("toy.xml"), list(UNITS))


def _doc(text: str, origin: str | None = None, cameo: str = "141") -> dict[str, object]:
    return {"text": text, "origin": origin, "events": [{"cameo": cameo, "source": None, "target": None}]}


@pytest.mark.parametrize(
    ("docs", "expected"),
    [
        ([_doc("anything", origin="s2")], {"s2"}),  # by origin naming the unit
        ([_doc("x", origin="corpus.jsonl#s3")], {"s3"}),  # origin ending with the unit id
        ([_doc("  Protesters rallied in Minsk\nagainst the president on Sunday. ")], {"s2"}),  # same text
        ([_doc(UNITS[0].text), _doc(UNITS[0].text)], {"s1"}),  # a second copy does not steal another unit
        ([_doc("Unrelated text about the weather in Oslo today.")], set()),
    ],
)
def test_eval_runner_assign_documents(docs: list[dict[str, object]], expected: set[str]) -> None:
    assert set(assign_documents(_gold(), docs)) == expected


def test_eval_runner_load_predictions_formats(tmp_path: Path) -> None:
    lines = tmp_path / "p.jsonl"
    lines.write_text("\n".join(json.dumps(_doc(u.text)) for u in UNITS) + "\n", encoding="utf-8")
    assert set(load_predictions(_gold(), lines)) == {"s1", "s2", "s3"}
    array = tmp_path / "p.json"
    array.write_text(json.dumps([_doc(UNITS[1].text, cameo="1411")], indent=2), encoding="utf-8")
    preds = load_predictions(_gold(), array)
    assert [e.cameo for e in preds["s2"].events] == ["1411"]
    single = tmp_path / "one.json"
    single.write_text(json.dumps(_doc(UNITS[2].text), indent=2), encoding="utf-8")
    assert set(load_predictions(_gold(), single)) == {"s3"}


def test_eval_runner_bad_predictions(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{not json}\n", encoding="utf-8")
    with pytest.raises(EventwireError) as err:
        load_predictions(_gold(), bad)
    assert err.value.code == "E034"


def test_eval_runner_extract_predictions_keeps_units_aligned(nlp: object) -> None:
    predictions, problems = extract_predictions(_gold())
    assert problems == []
    assert set(predictions) == {"s1", "s2", "s3"}
    assert predictions["s2"].text.startswith("Protesters rallied in Minsk")
