"""Helpers shared by CLI commands: error printing and argument checks."""

from __future__ import annotations

import datetime as dt
from typing import NoReturn

import typer
from rich.console import Console

from eventwire.errors import EventwireError

err_console = Console(stderr=True)


def fail(exc: EventwireError) -> NoReturn:
    err_console.print(f"[bold red]error[/] {exc}")
    raise typer.Exit(code=2)


def check_date(value: str | None) -> str | None:
    """Typer callback: accept YYYY-MM-DD only."""
    if value is None:
        return None
    try:
        dt.date.fromisoformat(value)
    except ValueError as exc:
        raise typer.BadParameter(f"'{value}' is not a date in YYYY-MM-DD form") from exc
    return value
