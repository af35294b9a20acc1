"""The accuracy gate: recorded minimum scores per gold set, which may only ever be raised.

``baseline.json`` (beside this module) maps a gold set's name to its metrics. ``regressions`` lists every
metric that dropped below its record (or, for the must-stay-low counts in ``LOWER_IS_BETTER``, rose above
it); ``record`` raises the record to the current score where it improved and never lowers it.

Procedure: after an improvement, run ``eventwire eval GOLD --record-baseline`` for the seed and for the
PETRARCH set, review the diff of ``baseline.json`` and commit it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from eventwire.errors import EventwireError
from eventwire.evaluation.scoring import LOWER_IS_BETTER, EvalReport

BASELINE_PATH = Path(__file__).with_name("baseline.json")
#: scores are stored rounded to 4 places; smaller differences are noise, not regressions
TOLERANCE = 1e-4
#: metrics that describe the gold set rather than the coder (never gated)
UNGATED = frozenset({"required_total", "entities_total"})
#: precision and recall are recorded for the record but gated only through their F1, so a change that trades a
#: little precision for more recall (or back) passes as long as F1 does not fall
REPORTED_ONLY = ("_precision", "_recall")


def gated(key: str) -> bool:
    return key not in UNGATED and not key.endswith(REPORTED_ONLY)


def load_baseline(path: Path = BASELINE_PATH) -> dict[str, dict[str, float]]:
    if not path.exists():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise EventwireError("E035", path=path, detail=str(exc)) from exc
    if not isinstance(data, dict):
        raise EventwireError("E035", path=path, detail="expected a JSON object")
    return {k: v for k, v in data.items() if isinstance(v, dict)}


def regressions(report: EvalReport, baseline: dict[str, dict[str, float]]) -> list[str]:
    """Metrics of ``report`` worse than the baseline recorded for its gold set (empty: the gate passes)."""
    recorded = baseline.get(report.name, {})
    current = report.metrics()
    failed = []
    for key, floor in sorted(recorded.items()):
        if not gated(key) or key not in current:
            continue
        value = float(current[key])
        if key in LOWER_IS_BETTER:
            if value > floor + TOLERANCE:
                failed.append(f"{report.name} {key}: {value:g} > recorded maximum {floor:g}")
        elif value < floor - TOLERANCE:
            failed.append(f"{report.name} {key}: {value:g} < recorded minimum {floor:g}")
    return failed


def record(report: EvalReport, path: Path = BASELINE_PATH) -> dict[str, Any]:
    """Raise the recorded scores for this gold set where the report improved on them; return the new entry."""
    data: dict[str, Any] = {}
    if path.exists():
        data = json.loads(path.read_text(encoding="utf-8"))
    old = data.get(report.name, {})
    new: dict[str, float] = {}
    for key, value in report.metrics().items():
        if key in UNGATED:
            continue
        if key not in old:
            new[key] = value
        elif key in LOWER_IS_BETTER:
            new[key] = min(old[key], value)
        else:
            new[key] = max(old[key], value)
    data[report.name] = dict(sorted(new.items()))
    data.setdefault(
        "_about",
        "Minimum scores per gold set for tests/test_eval_gate.py; raise with `eventwire eval GOLD "
        "--record-baseline` (values only ever move up; forbidden_* counts only down).",
    )
    path.write_text(json.dumps(data, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return data[report.name]
