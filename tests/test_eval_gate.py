"""Accuracy gate: the seed article and the PETRARCH-2 GSR sentences must not score below the recorded baseline
(src/eventwire/evaluation/baseline.json; raise it with `eventwire eval GOLD --record-baseline`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.evaluation.baseline import load_baseline, regressions
from eventwire.evaluation.gold import read_gold
from eventwire.evaluation.runner import extract_predictions
from eventwire.evaluation.scoring import EvalReport, evaluate

GOLD_FILES = {
    "seed": Path("seed") / "belarus-2020-08-16.gold.yaml",
    "petr": Path("benchmarks") / "petrarch-gsr" / "PETR2_GSR_validation.xml",
}


@pytest.fixture(scope="module", params=sorted(GOLD_FILES))
def report(request: pytest.FixtureRequest, shared_dir: Path) -> EvalReport:
    gold = read_gold(shared_dir / GOLD_FILES[request.param])
    predictions, problems = extract_predictions(gold)  # one nlp.pipe batch per gold set
    result = evaluate(gold, predictions)
    result.warnings.extend(problems)
    return result


def test_eval_gate_no_regression(report: EvalReport) -> None:
    failed = regressions(report, load_baseline())
    assert not failed, "accuracy dropped below the recorded baseline:\n" + "\n".join(failed)


def test_eval_gate_gold_is_fully_readable(report: EvalReport) -> None:
    # every gold event's words must be found in the cleaned text, or it could never be matched
    assert not [w for w in report.warnings if "gold words not found" in w]


def test_eval_gate_baseline_recorded(report: EvalReport) -> None:
    assert report.name in load_baseline(), f"no baseline recorded for {report.name}"
