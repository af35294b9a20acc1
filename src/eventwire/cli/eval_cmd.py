"""`eventwire eval`: score extraction against a gold standard (seed YAML or PETRARCH validation XML)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import typer

from eventwire.cli.common import err_console, fail
from eventwire.errors import EventwireError


def eval_command(
    gold: Path = typer.Argument(..., help="Gold file: seed format (.yaml) or PETRARCH validation (.xml)."),
    pred: Path | None = typer.Option(
        None,
        "--pred",
        help="Predicted documents (JSON Lines from `eventwire extract`); default: run extraction.",
    ),
    model: str | None = typer.Option(None, "--model", help="spaCy pipeline (default: $EVENTWIRE_MODEL)."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="List every gold and predicted event."),
    as_json: bool = typer.Option(False, "--json", help="Print the report as JSON."),
    record_baseline: bool = typer.Option(
        False,
        "--record-baseline",
        help="Raise the recorded minimums (baseline.json) where this run improved.",
    ),
    check: bool = typer.Option(False, "--check", help="Exit 1 when a score is below the recorded baseline."),
    baseline: Path | None = typer.Option(
        None, "--baseline", help="Baseline file (default: eventwire/evaluation/baseline.json)."
    ),
) -> None:
    """Print precision / recall / F1 at (source country, target country, CAMEO root) and exact-code level."""
    from eventwire.evaluation import baseline as gate
    from eventwire.evaluation.gold import read_gold
    from eventwire.evaluation.report import print_report
    from eventwire.evaluation.runner import extract_predictions, load_predictions
    from eventwire.evaluation.scoring import evaluate

    try:
        gold_set = read_gold(gold)
        problems: list[str] = []
        if pred is not None:
            predictions = load_predictions(gold_set, pred)
        else:
            predictions, problems = extract_predictions(gold_set, model=model)
        report = evaluate(gold_set, predictions)
        report.warnings.extend(problems)
        baseline_path = baseline or gate.BASELINE_PATH
        failed = gate.regressions(report, gate.load_baseline(baseline_path))
    except EventwireError as exc:
        fail(exc)
    if as_json:
        out = report.as_dict()
        out["regressions"] = failed
        sys.stdout.write(json.dumps(out, ensure_ascii=False, indent=2) + "\n")
    else:
        print_report(report, verbose=verbose)
    if record_baseline:
        entry = gate.record(report, baseline_path)
        err_console.print(f"recorded baseline for {report.name}: {entry}")
    for line in failed:
        err_console.print(f"[red]below baseline[/] {line}")
    if check and failed:
        raise typer.Exit(code=1)


def register(app: typer.Typer) -> None:
    app.command("eval")(eval_command)
