"""Accuracy gate on the project's BLIND test set (benchmarks/testset: 6 articles written for eventwire, with gold
codings in the seed YAML format committed before eventwire was ever run on them). The aggregate (micro-averaged)
country+root F1 must not drop more than the recorded tolerance (0.03) below benchmarks/testset/baseline.json.

The testset is for measuring generalisation only: do not tune the coder on its articles or its misses (use
benchmarks/devset for that). The files live in the repository, so nothing is skipped."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventwire.evaluation.gold import read_gold
from eventwire.evaluation.runner import extract_predictions
from eventwire.evaluation.scoring import EvalReport, LevelScore, evaluate

TESTSET = Path(__file__).resolve().parent.parent / "benchmarks" / "testset"
GOLD_FILES = sorted(TESTSET.glob("*.gold.yaml"))


@pytest.fixture(scope="module")
def baseline() -> dict[str, object]:
    return json.loads((TESTSET / "baseline.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def reports() -> list[EvalReport]:
    out = []
    for path in GOLD_FILES:
        gold = read_gold(path)
        predictions, problems = extract_predictions(gold)  # the spaCy pipeline is loaded once per process
        report = evaluate(gold, predictions)
        report.warnings.extend(problems)
        out.append(report)
    return out


def _aggregate(reports: list[EvalReport], level: str) -> LevelScore:
    total = LevelScore()
    for report in reports:
        total.add(report.levels[level])
    return total


def test_eval_testset_is_complete() -> None:
    assert len(GOLD_FILES) >= 6
    for path in GOLD_FILES:
        assert path.with_name(path.name.split(".")[0] + ".txt").exists(), f"{path.name}: article text missing"


def test_eval_testset_gold_is_fully_readable(reports: list[EvalReport]) -> None:
    # every gold event's words must be found in the cleaned text, and every article must be coded
    problems = [w for r in reports for w in r.warnings if "gold words not found" in w or "no prediction" in w]
    assert not problems, "\n".join(problems)


def test_eval_testset_root_f1_no_regression(reports: list[EvalReport], baseline: dict[str, object]) -> None:
    score = _aggregate(reports, "root")
    floor = float(baseline["root_f1"]) - float(baseline.get("tolerance", 0.03))  # type: ignore[arg-type]
    per_article = ", ".join(f"{r.name}={r.levels['root'].f1:.3f}" for r in reports)
    assert score.f1 >= floor, (
        f"BLIND testset country+root F1 {score.f1:.4f} < {floor:.4f} (baseline {baseline['root_f1']}); "
        f"TP/FP/FN {score.matched}/{score.false_positives}/{score.missed}; per article: {per_article}"
    )
