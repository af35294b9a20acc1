"""Helpers shared by CLI commands: error printing and argument checks."""

from __future__ import annotations

from typing import NoReturn

import typer
from rich.console import Console

from eventwire.errors import EventwireError
from eventwire.ingest.dates import InvalidDate, normalise_date

err_console = Console(stderr=True)


def fail(exc: EventwireError) -> NoReturn:
    err_console.print(f"[bold red]error[/] {exc}")
    raise typer.Exit(code=2)


def check_date(value: str | None) -> str | None:
    """Typer callback: accept a publication date in any form the readers accept, normalised to YYYY-MM-DD."""
    if value is None:
        return None
    try:
        return normalise_date(value)
    except InvalidDate as exc:
        raise typer.BadParameter(f"'{value}' is not a date (use YYYY-MM-DD)") from exc
