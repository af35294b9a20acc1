"""Score eventwire on the devset: per-article and micro-averaged (summed TP/FP/FN) results.

Usage (from the repository root):
    .venv/bin/python benchmarks/devset/score.py            # table
    .venv/bin/python benchmarks/devset/score.py --json     # JSON (per article + aggregate)
    .venv/bin/python benchmarks/devset/score.py --verbose  # also every miss and false positive

The same aggregation is used by tests/test_eval_benchmarks.py (the gate against baseline.json).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from eventwire.evaluation.gold import read_gold
from eventwire.evaluation.runner import extract_predictions
from eventwire.evaluation.scoring import EvalReport, LevelScore, evaluate

DEVSET = Path(__file__).resolve().parent


def gold_files(root: Path = DEVSET) -> list[Path]:
    return sorted(root.glob("*.gold.yaml"))


def run(root: Path = DEVSET, model: str | None = None) -> list[EvalReport]:
    reports = []
    for path in gold_files(root):
        gold = read_gold(path)
        predictions, problems = extract_predictions(gold, model=model)
        report = evaluate(gold, predictions)
        report.warnings.extend(problems)
        reports.append(report)
    return reports


def aggregate(reports: list[EvalReport]) -> dict[str, LevelScore]:
    """Micro-average: sum matched / predicted / required over the articles, per level (+ counts, quotes)."""
    total: dict[str, LevelScore] = {}
    for report in reports:
        parts = dict(report.levels)
        if report.counts is not None:
            parts["counts"] = report.counts
        if report.quotes is not None:
            parts["quotes"] = report.quotes
        for name, score in parts.items():
            total.setdefault(name, LevelScore()).add(score)
    return total


def summary(reports: list[EvalReport]) -> dict[str, Any]:
    per_article = {
        r.name: {
            **{lvl: s.as_dict() for lvl, s in r.levels.items()},
            "counts": r.counts.as_dict() if r.counts else None,
            "quotes": r.quotes.as_dict() if r.quotes else None,
            "quote_speakers_right": r.quote_speakers_right,
            "forbidden_dated": r.acceptance.get("forbidden_dated"),
        }
        for r in reports
    }
    agg = {name: s.as_dict() for name, s in aggregate(reports).items()}
    return {"articles": per_article, "aggregate": agg}


def _fmt(s: dict[str, float | int]) -> str:
    return f"{s['precision']:.3f} {s['recall']:.3f} {s['f1']:.3f} ({s['tp']}/{s['fp']}/{s['fn']})"


def main(argv: list[str]) -> int:
    reports = run()
    data = summary(reports)
    if "--json" in argv:
        print(json.dumps(data, indent=2))
        return 0
    print(f"{'article':42} {'country+root P R F1 (TP/FP/FN)':34} {'exact':30} {'counts':30} quotes")
    for name, row in {**data["articles"], "AGGREGATE (micro)": data["aggregate"]}.items():
        cells = [_fmt(row[k]) if row.get(k) else "-" for k in ("root", "exact", "counts", "quotes")]
        print(f"{name:42} {cells[0]:34} {cells[1]:30} {cells[2]:30} {cells[3]}")
    if "--verbose" in argv:
        for r in reports:
            print(f"\n== {r.name}")
            for row in r.rows:
                if row.root_ok or (row.optional and row.pred is None):
                    continue
                tag = "MISS" if row.gold_id else "FP  "
                print(
                    f"{tag} {row.gold_id or '-':4} gold={row.gold or '-':32} pred={row.pred or '-':26} {row.evidence}"
                )
            for w in r.warnings:
                print("warning:", w)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
