"""The accuracy gate's baseline: regressions are caught, records only ever move up."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventwire.errors import EventwireError
from eventwire.evaluation.baseline import BASELINE_PATH, load_baseline, record, regressions
from eventwire.evaluation.scoring import EvalReport, LevelScore


def _report(matched: int, forbidden: int = 0, name: str = "toy") -> EvalReport:
    score = LevelScore(matched=matched, predicted=4, matched_required=matched, required=4)
    return EvalReport(
        name=name,
        kind="seed",
        units=1,
        levels={"root": score, "exact": LevelScore(0, 4, 0, 4)},
        rows=[],
        acceptance={"required_found": matched, "required_total": 4, "forbidden_dated": forbidden},
    )


def test_eval_baseline_record_then_gate(tmp_path: Path) -> None:
    path = tmp_path / "baseline.json"
    entry = record(_report(2), path)
    assert entry["root_f1"] == 0.5 and entry["required_found"] == 2 and "required_total" not in entry
    baseline = load_baseline(path)
    assert regressions(_report(2), baseline) == []
    assert regressions(_report(3), baseline) == []  # better is fine
    failed = regressions(_report(1), baseline)
    assert any("root_f1" in f for f in failed) and any("required_found" in f for f in failed)
    assert any("forbidden_dated" in f for f in regressions(_report(2, forbidden=1), baseline))


def test_eval_baseline_only_moves_up(tmp_path: Path) -> None:
    path = tmp_path / "baseline.json"
    record(_report(3, forbidden=1), path)
    record(_report(1, forbidden=2), path)  # worse run: nothing goes down (forbidden count: nothing goes up)
    entry = json.loads(path.read_text())["toy"]
    assert entry["required_found"] == 3 and entry["forbidden_dated"] == 1
    record(_report(4, forbidden=0), path)
    entry = json.loads(path.read_text())["toy"]
    assert entry["required_found"] == 4 and entry["forbidden_dated"] == 0 and entry["root_f1"] == 1.0


def test_eval_baseline_other_sets_untouched(tmp_path: Path) -> None:
    path = tmp_path / "baseline.json"
    record(_report(2, name="a"), path)
    record(_report(3, name="b"), path)
    data = load_baseline(path)
    assert data["a"]["required_found"] == 2 and data["b"]["required_found"] == 3
    assert regressions(_report(0, name="unrecorded"), data) == []  # nothing recorded: nothing to fail


def test_eval_baseline_unreadable(tmp_path: Path) -> None:
    path = tmp_path / "baseline.json"
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(EventwireError) as err:
        load_baseline(path)
    assert err.value.code == "E035"
    assert load_baseline(tmp_path / "absent.json") == {}


def test_eval_baseline_shipped_file_is_valid() -> None:
    data = load_baseline(BASELINE_PATH)
    for name, metrics in data.items():
        assert all(isinstance(v, int | float) for v in metrics.values()), name


def test_eval_baseline_gates_f1_not_its_parts(tmp_path: Path) -> None:
    """Trading precision for recall at the same F1 passes; a lower F1 fails whatever its parts do."""
    path = tmp_path / "baseline.json"

    def report(matched: int, predicted: int, required: int) -> EvalReport:
        score = LevelScore(matched=matched, predicted=predicted, matched_required=matched, required=required)
        return EvalReport(name="toy", kind="seed", units=1, levels={"root": score}, rows=[], acceptance={})

    record(report(6, 8, 10), path)  # P 0.75 R 0.6 F1 0.667
    baseline = load_baseline(path)
    assert regressions(report(6, 10, 8), baseline) == []  # P 0.6 R 0.75: same F1
    failed = regressions(report(5, 10, 8), baseline)  # P 0.5 R 0.625: lower F1
    assert [f for f in failed if "root_f1" in f] and not [f for f in failed if "precision" in f]
