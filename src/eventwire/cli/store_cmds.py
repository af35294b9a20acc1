"""Store commands: `events`, `sql`, `export`, `compact`, `upgrade`, `stats` (wrap eventwire.store)."""

from __future__ import annotations

import csv
import datetime as dt
import json
import sys
from collections.abc import Sequence
from enum import StrEnum
from pathlib import Path
from typing import Any

import duckdb
import typer
from rich.console import Console
from rich.table import Table

from eventwire.cli.common import check_date, err_console, fail
from eventwire.config import default_store
from eventwire.errors import EventwireError
from eventwire.store import Store, StoreSummary, open_store

console = Console()

#: `stats` suggests compaction above this many committed batches (every query opens each shard).
COMPACT_HINT_BATCHES = 50

STORE_HELP = "Store directory (default: $EVENTWIRE_STORE or ./eventwire-data)."


class RowFormat(StrEnum):
    table = "table"
    csv = "csv"
    jsonl = "jsonl"


class ExportFormat(StrEnum):
    duckdb = "duckdb"
    csv = "csv"
    gdelt = "gdelt"


# Columns `eventwire events --format table` shows (csv/jsonl give every column).
_EVENT_VIEW = (
    ("date", lambda r: _text(r["event_date"])),
    ("source", lambda r: _actor(r, "source")),
    ("cameo", lambda r: f"{r['cameo']} {r['plover_type'] or ''}".strip()),
    ("target", lambda r: _actor(r, "target")),
    ("flags", lambda r: _flags(r)),
    ("place", lambda r: _text(r["place_name"])),
    ("trigger", lambda r: _text(r["trigger_text"])),
    ("doc", lambda r: r["doc_id"][:12]),
)


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def _actor(row: dict[str, Any], side: str) -> str:
    label = row[f"{side}_name"] or row[f"{side}_text"] or ""
    return f"{row[f'{side}_code'] or '-'} {label}".strip()


def _flags(row: dict[str, Any]) -> str:
    names = ("negated", "intent", "hypothetical", "historical")
    return " ".join(name[:4] for name in names if row.get(name))


def _open(store: str | None) -> Store:
    try:
        return open_store(store or default_store())
    except EventwireError as exc:
        fail(exc)


def _json_default(value: Any) -> Any:
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    return str(value)


def print_rows(
    columns: Sequence[str], rows: Sequence[Sequence[Any]], fmt: RowFormat, title: str = ""
) -> None:
    """Rows as a Rich table, CSV (with header) or JSON Lines on stdout."""
    if fmt is RowFormat.csv:
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows(rows)
    elif fmt is RowFormat.jsonl:
        for row in rows:
            record = dict(zip(columns, row, strict=True))
            sys.stdout.write(json.dumps(record, ensure_ascii=False, default=_json_default) + "\n")
    else:
        table = Table(title=title or None, expand=False)
        for column in columns:
            table.add_column(column, overflow="fold")
        for row in rows:
            table.add_row(*(_text(v) for v in row))
        console.print(table)


def events_command(
    store: str | None = typer.Option(None, "--store", help=STORE_HELP),
    country: str | None = typer.Option(None, "--country", help="Source or target country: BLR, BY, Belarus."),
    actor: str | None = typer.Option(None, "--actor", help="Actor code prefix or name (case-insensitive)."),
    cameo: str | None = typer.Option(None, "--cameo", help="CAMEO code or prefix: root '14' or code '141'."),
    since: str | None = typer.Option(None, "--since", callback=check_date, help="On or after YYYY-MM-DD."),
    until: str | None = typer.Option(None, "--until", callback=check_date, help="On or before YYYY-MM-DD."),
    doc: str | None = typer.Option(None, "--doc", help="Document id (or a prefix of it)."),
    limit: int | None = typer.Option(None, "--limit", min=0, help="At most this many events."),
    fmt: RowFormat = typer.Option(RowFormat.table, "--format", "-f", help="table, csv or jsonl."),
) -> None:
    """List stored events, oldest first (event date, else the document's publication date)."""
    handle = _open(store)
    try:
        columns, rows = handle.event_rows(country, actor, cameo, since, until, doc, limit)
    except EventwireError as exc:
        fail(exc)
    if fmt is RowFormat.table:
        found = [dict(zip(columns, row, strict=True)) for row in rows]
        view = [[get(r) for _, get in _EVENT_VIEW] for r in found]
        print_rows([name for name, _ in _EVENT_VIEW], view, fmt, title=f"{len(found)} events")
    else:
        print_rows(columns, rows, fmt)


def sql_command(
    query: str = typer.Argument(..., help="One read-only statement, e.g. 'SELECT count(*) FROM events'."),
    store: str | None = typer.Option(None, "--store", help=STORE_HELP),
    fmt: RowFormat = typer.Option(RowFormat.table, "--format", "-f", help="table, csv or jsonl."),
) -> None:
    """Run read-only SQL over the store's tables (documents, events, actors, quotes, counts, places, dates,
    failures)."""
    handle = _open(store)
    try:
        columns, rows = handle.query(query)
    except EventwireError as exc:
        fail(exc)
    except duckdb.Error as exc:  # a mistake in the user's SQL: show DuckDB's message, not a traceback
        err_console.print(f"[bold red]error[/] {exc}")
        raise typer.Exit(code=2) from None
    print_rows(columns, rows, fmt)


def export_command(
    fmt: ExportFormat = typer.Option(..., "--format", "-f", help="duckdb, csv or gdelt."),
    out: Path = typer.Option(..., "--out", "-o", help="File (duckdb, gdelt) or directory (csv) to write."),
    store: str | None = typer.Option(None, "--store", help=STORE_HELP),
) -> None:
    """Export the store: a single-file DuckDB database, one CSV per table, or GDELT 2.0 Events TSV."""
    handle = _open(store)
    try:
        written = handle.export(fmt.value, out)
    except EventwireError as exc:
        fail(exc)
    for path in written:
        console.print(f"wrote {path}")


def print_summary(summary: StoreSummary) -> None:
    for action in summary.actions:
        console.print(action)
    table = Table(title=f"{summary.path} (schema v{summary.schema_version}, {summary.batches} batches)")
    table.add_column("table")
    table.add_column("rows", justify="right")
    table.add_column("shards", justify="right")
    for name, rows in summary.rows.items():
        table.add_row(name, f"{rows:,}", str(summary.shards.get(name, 0)))
    table.add_row("[bold]total bytes[/]", f"{summary.bytes:,}", "")
    console.print(table)
    if summary.batches > COMPACT_HINT_BATCHES:
        console.print(f"{summary.batches} batches: `eventwire compact` would make queries faster.")


def stats_command(store: str | None = typer.Option(None, "--store", help=STORE_HELP)) -> None:
    """Row and shard counts per table."""
    handle = _open(store)
    try:
        print_summary(handle.summary())
    except EventwireError as exc:
        fail(exc)


def compact_command(store: str | None = typer.Option(None, "--store", help=STORE_HELP)) -> None:
    """Merge each table's small shards into one (safe while readers and writers run)."""
    handle = _open(store)
    try:
        print_summary(handle.compact())
    except EventwireError as exc:
        fail(exc)


def upgrade_command(store: str | None = typer.Option(None, "--store", help=STORE_HELP)) -> None:
    """Migrate a store written by an older eventwire to the current schema version."""
    try:
        handle = open_store(store or default_store(), check_version=False)
        print_summary(handle.upgrade())
    except EventwireError as exc:
        fail(exc)


def register(app: typer.Typer) -> None:
    """Add this module's commands to the app."""
    app.command("events")(events_command)
    app.command("sql")(sql_command)
    app.command("export")(export_command)
    app.command("compact")(compact_command)
    app.command("upgrade")(upgrade_command)
    app.command("stats")(stats_command)
