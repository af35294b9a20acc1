"""Terminal (Rich) view of an evaluation report; the JSON view is ``EvalReport.as_dict()``."""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from eventwire.evaluation.scoring import EvalReport, LevelScore

#: the issue's acceptance thresholds for the seed article, shown beside the numbers
SEED_TARGETS = {
    "required_found": ">= 13",
    "precision_non01": ">= 0.8",
    "forbidden_military_source": "= 0",
    "forbidden_dated": "= 0",
    "entities_resolved": "Lukashenko: 1 actor",
}


def _score_row(table: Table, label: str, score: LevelScore) -> None:
    table.add_row(
        label,
        f"{score.precision:.3f}",
        f"{score.recall:.3f}",
        f"{score.f1:.3f}",
        str(score.matched),
        str(score.false_positives),
        str(score.missed),
    )


def print_report(report: EvalReport, *, verbose: bool = False, console: Console | None = None) -> None:
    console = console or Console()
    console.rule(f"[bold]{report.name}[/] ({report.kind}, {report.units} unit(s))")
    table = Table(title="Events", show_lines=False)
    for column in ("level", "precision", "recall", "F1", "TP", "FP", "FN"):
        table.add_column(column, justify="right" if column != "level" else "left")
    labels = {"root": "country+root", "exact": "exact codes"}
    for level, score in report.levels.items():
        _score_row(table, labels.get(level, level), score)
    if report.counts is not None:
        _score_row(table, "counts", report.counts)
    if report.quotes is not None:
        _score_row(table, f"quotes ({report.quote_speakers_right} speakers right)", report.quotes)
    console.print(table)
    if report.acceptance:
        acc = Table(title="Acceptance (issue 3)")
        acc.add_column("measure")
        acc.add_column("value", justify="right")
        acc.add_column("target", justify="right")
        for key, value in report.acceptance.items():
            if key.endswith("_total"):
                continue
            total_key = key.replace("_found", "_total").replace("_resolved", "_total")
            has_total = total_key != key and total_key in report.acceptance
            shown = f"{value} of {report.acceptance[total_key]}" if has_total else str(value)
            acc.add_row(key, shown, SEED_TARGETS.get(key, ""))
        if report.plover_checked:
            acc.add_row(
                "PLOVER type agrees (info)", f"{report.plover_agree} of {report.plover_checked}", "not gated"
            )
        console.print(acc)
    if verbose:
        _print_by_root(report, console)
        _print_rows(report, console)
    for warning in report.warnings:
        console.print(f"[yellow]warning[/] {escape(warning)}")


def _short(text: str | None, width: int = 60) -> str:
    if not text:
        return "-"
    text = text if len(text) <= width else text[: width - 1] + "\u2026"
    return escape(text)  # evidence is article text: "[Belarus]" must not be read as Rich markup


def _print_by_root(report: EvalReport, console: Console) -> None:
    table = Table(title="Recall by gold CAMEO root (country+root level)")
    for column in ("root", "gold", "found", "recall"):
        table.add_column(column, justify="right")
    for root, (gold, found) in sorted(report.by_root.items()):
        table.add_row(root, str(gold), str(found), f"{found / gold:.2f}" if gold else "-")
    console.print(table)


def _print_rows(report: EvalReport, console: Console) -> None:
    rows = Table(title="Per event", show_lines=False)
    columns = ["unit"] if report.units > 1 else []
    for column in [*columns, "gold", "gold coding", "predicted", "root", "exact", "evidence"]:
        rows.add_column(column, overflow="fold")
    for row in report.rows:
        gold_id = (row.gold_id or "-") + (" (opt)" if row.optional else "")
        unit = [row.unit_id] if report.units > 1 else []
        rows.add_row(
            *unit,
            gold_id,
            row.gold or "-",
            row.pred or "-",
            "ok" if row.root_ok else ("FP" if row.gold_id is None else "miss"),
            "ok" if row.exact_ok else "",
            _short(row.evidence),
        )
    console.print(rows)
