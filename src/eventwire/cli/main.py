"""`eventwire` command line. Each command validates its arguments, then calls a plain library function."""

from __future__ import annotations

import typer

from eventwire import __version__
from eventwire.cli import eval_cmd, extract_cmd, ingest_cmd, store_cmds

app = typer.Typer(
    name="eventwire",
    help="Turn news reports into a sourced record of political events (CAMEO, PLOVER, ACLED).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"eventwire {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Show the version."
    ),
) -> None:
    """eventwire: offline political event extraction from news."""


for _module in (extract_cmd, ingest_cmd, store_cmds, eval_cmd):
    _module.register(app)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
