"""`eventwire ingest` (code documents into the store, in parallel, resumably) and `eventwire failures`."""

from __future__ import annotations

import csv
import json
import os
import sys
from enum import StrEnum
from typing import Any

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    SpinnerColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table
from rich.text import Text

from eventwire.batch.driver import DEFAULT_BATCH_SIZE, IngestSummary, ingest
from eventwire.batch.sizing import estimate_total
from eventwire.cli.common import check_date, err_console, fail
from eventwire.config import DEFAULT_MAX_BYTES, default_store
from eventwire.errors import EventwireError

console = Console()


class _RateColumn(ProgressColumn):
    """Documents per second, from Rich's moving estimate."""

    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text("-- docs/s" if speed is None else f"{speed:,.1f} docs/s", style="cyan")


def _progress(total: int | None) -> Progress:
    columns: list[Any] = [SpinnerColumn(), TextColumn("[bold]ingest[/]")]
    if total is not None:
        columns += [
            BarColumn(),
            MofNCompleteColumn(),
            _RateColumn(),
            TimeElapsedColumn(),
            TimeRemainingColumn(),
        ]
    else:  # streaming: the total is unknown, so show a running count and the rate only
        columns += [TextColumn("{task.completed:,} documents"), _RateColumn(), TimeElapsedColumn()]
    return Progress(*columns, console=err_console, transient=False)


def ingest_command(
    paths: list[str] = typer.Argument(
        ..., help="Files, directories or corpora (.jsonl/.csv/.json); '-' = stdin."
    ),
    store: str = typer.Option(default_store(), "--store", help="Store directory (created if missing)."),
    workers: int = typer.Option(
        os.cpu_count() or 1, "--workers", "-w", min=1, help="Worker processes (1 = in this process)."
    ),
    batch_size: int = typer.Option(DEFAULT_BATCH_SIZE, "--batch-size", min=1, help="Documents per batch."),
    published: str | None = typer.Option(
        None,
        "--published",
        callback=check_date,
        help="Publication date YYYY-MM-DD (when the input lacks one).",
    ),
    model: str | None = typer.Option(None, "--model", help="spaCy pipeline (default: $EVENTWIRE_MODEL)."),
    max_bytes: int = typer.Option(DEFAULT_MAX_BYTES, "--max-bytes", help="Skip documents larger than this."),
    quiet: bool = typer.Option(
        False, "--quiet", "-q", help="No progress bar (the summary is still printed)."
    ),
    retry_failed: bool = typer.Option(
        False, "--retry-failed", help="Code again inputs whose failure an earlier run recorded."
    ),
) -> None:
    """Code documents into the store; documents already stored are skipped, failures are recorded."""
    options: dict[str, Any] = {
        "store": store,
        "workers": workers,
        "batch_size": batch_size,
        "max_bytes": max_bytes,
        "published": published,
        "model": model,
        "total": estimate_total(paths),
        "retry_failed": retry_failed,
    }
    try:
        if quiet or not err_console.is_terminal:
            summary = ingest(paths, **options)
        else:
            summary = _ingest_with_progress(paths, options)
    except EventwireError as exc:
        fail(exc)
    except KeyboardInterrupt:
        err_console.print(f"[bold yellow]stopped[/] {EventwireError('E041', detail='Ctrl-C')}")
        raise typer.Exit(code=130) from None
    print_summary(summary, store)


def _ingest_with_progress(paths: list[str], options: dict[str, Any]) -> IngestSummary:
    """Run the ingest under a Rich progress bar (documents/s, and an ETA when the total is known)."""
    with _progress(options["total"]) as bar:
        task = bar.add_task("ingest", total=options["total"])

        def update(s: IngestSummary) -> None:
            total = None if s.total is None else max(s.total, s.done)
            bar.update(task, completed=s.done, total=total)

        return ingest(paths, progress=update, **options)


def print_summary(summary: IngestSummary, store: str) -> None:
    """The closing summary: what was read, stored, skipped (and why) and how long it took."""
    rate = summary.stored / summary.seconds if summary.seconds > 0 else 0.0
    table = Table(title=f"ingest into {store}", show_header=False, title_justify="left")
    table.add_column("what")
    table.add_column("count", justify="right")
    table.add_row("documents read", f"{summary.read:,}")
    table.add_row("stored", f"{summary.stored:,}")
    table.add_row("already in store", f"{summary.skipped_existing:,}")
    if summary.duplicates:
        table.add_row("duplicates within input", f"{summary.duplicates:,}")
    table.add_row("failed", f"{summary.failed:,}")
    if summary.failed_earlier:
        table.add_row("failed in an earlier run (skipped; --retry-failed)", f"{summary.failed_earlier:,}")
    for code, count in sorted(summary.failures_by_code.items()):
        example = next((f.message for f in summary.failures if f.code == code), "")
        table.add_row(f"  {code}", f"{count:,}  [dim]{_shorten(example)}[/]")
    table.add_row("events stored", f"{summary.events:,}")
    table.add_row("time", f"{summary.seconds:,.1f} s ({rate:,.1f} docs/s)")
    console.print(table)
    if summary.failed:
        console.print("[dim]Every failure and its reason: eventwire failures --store " + store + "[/]")


def _shorten(text: str, limit: int = 90) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


class FailureFormat(StrEnum):
    table = "table"
    csv = "csv"
    jsonl = "jsonl"


FAILURE_COLUMNS = ("at", "code", "origin", "doc_id", "message")


def load_failures(store: str) -> list[dict[str, Any]]:
    """Every recorded failure, oldest first."""
    from eventwire.store import open_store

    handle = open_store(store)
    con = handle.connect()
    try:
        columns = ", ".join(f'"{c}"' for c in FAILURE_COLUMNS)  # quoted: AT is an SQL keyword
        cursor = con.execute(f'SELECT {columns} FROM failures ORDER BY "at", origin, code')
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
    finally:
        con.close()


def failures_command(
    store: str = typer.Option(default_store(), "--store", help="Store directory."),
    fmt: FailureFormat = typer.Option(FailureFormat.table, "--format", "-f", help="table, csv or jsonl."),
) -> None:
    """List the documents that could not be coded, with their reasons."""
    try:
        rows = load_failures(store)
    except EventwireError as exc:
        fail(exc)
    if fmt is FailureFormat.jsonl:
        for row in rows:
            sys.stdout.write(json.dumps({k: _plain(v) for k, v in row.items()}, ensure_ascii=False) + "\n")
    elif fmt is FailureFormat.csv:
        writer = csv.DictWriter(sys.stdout, fieldnames=list(FAILURE_COLUMNS), lineterminator="\n")
        writer.writeheader()
        writer.writerows({k: _plain(v) for k, v in row.items()} for row in rows)
    else:
        table = Table(title=f"{len(rows):,} failures in {store}", title_justify="left")
        for column in FAILURE_COLUMNS:
            table.add_column(column, overflow="fold")
        for row in rows:
            table.add_row(*(str(_plain(row[c]) or "") for c in FAILURE_COLUMNS))
        console.print(table)


def _plain(value: Any) -> Any:
    """JSON/CSV-ready: timestamps and other non-JSON values as strings."""
    return value if value is None or isinstance(value, str | int | float | bool) else str(value)


def register(app: typer.Typer) -> None:
    """Add this module's commands to the app."""
    app.command("ingest")(ingest_command)
    app.command("failures")(failures_command)
