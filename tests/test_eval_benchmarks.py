"""Accuracy gates on the project's own gold sets, in the seed YAML format, which live in the repository (nothing is
skipped):

- ``benchmarks/devset``: 8 articles written for eventwire; developed against after its first, blind measurement.
- ``benchmarks/testset``: 6 articles whose gold was committed before eventwire ever ran on them. It measures
  generalisation only: do not tune the coder on its articles or its misses (use the devset for that).

For each set the aggregate (micro-averaged) country+root F1 must not drop more than the set's recorded tolerance
below its ``baseline.json``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventwire.evaluation.gold import read_gold
from eventwire.evaluation.runner import extract_predictions
from eventwire.evaluation.scoring import EvalReport, LevelScore, evaluate

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"
#: gold set -> the number of articles it must hold
SETS = {"devset": 8, "testset": 6}


def _gold_files(name: str) -> list[Path]:
    return sorted((BENCHMARKS / name).glob("*.gold.yaml"))


_REPORTS: dict[str, list[EvalReport]] = {}


def _reports(name: str) -> list[EvalReport]:
    """Evaluate a set once per test session (the spaCy pipeline is loaded once per process)."""
    if name not in _REPORTS:
        out = []
        for path in _gold_files(name):
            gold = read_gold(path)
            predictions, problems = extract_predictions(gold)
            report = evaluate(gold, predictions)
            report.warnings.extend(problems)
            out.append(report)
        _REPORTS[name] = out
    return _REPORTS[name]


def _aggregate(reports: list[EvalReport], level: str) -> LevelScore:
    total = LevelScore()
    for report in reports:
        total.add(report.levels[level])
    return total


@pytest.mark.parametrize(("name", "articles"), SETS.items())
def test_eval_benchmarks_set_is_complete(name: str, articles: int) -> None:
    files = _gold_files(name)
    assert len(files) >= articles
    for path in files:
        assert path.with_name(path.name.split(".")[0] + ".txt").exists(), f"{path.name}: article text missing"


@pytest.mark.parametrize("name", SETS)
def test_eval_benchmarks_gold_is_fully_readable(name: str) -> None:
    # every gold event's words must be found in the cleaned text, and every article must be coded
    problems = [
        w for r in _reports(name) for w in r.warnings if "gold words not found" in w or "no prediction" in w
    ]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("name", SETS)
def test_eval_benchmarks_root_f1_no_regression(name: str) -> None:
    baseline = json.loads((BENCHMARKS / name / "baseline.json").read_text(encoding="utf-8"))
    reports = _reports(name)
    score = _aggregate(reports, "root")
    floor = float(baseline["root_f1"]) - float(baseline["tolerance"])
    per_article = ", ".join(f"{r.name}={r.levels['root'].f1:.3f}" for r in reports)
    assert score.f1 >= floor, (
        f"{name} country+root F1 {score.f1:.4f} < {floor:.4f} (baseline {baseline['root_f1']}); "
        f"TP/FP/FN {score.matched}/{score.false_positives}/{score.missed}; per article: {per_article}"
    )
