"""`eventwire extract`: code files (or stdin) and print the document JSON, JSON Lines or a table."""

from __future__ import annotations

import json
import sys
from enum import StrEnum

import typer

from eventwire.cli.common import check_date, err_console, fail
from eventwire.config import DEFAULT_MAX_BYTES
from eventwire.errors import DocumentError, EventwireError
from eventwire.ingest.readers import read_inputs
from eventwire.model import Document
from eventwire.nlp.pipeline import load_nlp
from eventwire.pipeline import extract_batch


class OutputFormat(StrEnum):
    json = "json"
    jsonl = "jsonl"
    table = "table"


def extract_command(
    files: list[str] = typer.Argument(..., help="Files or directories to code; '-' reads stdin."),
    published: str | None = typer.Option(
        None,
        "--published",
        callback=check_date,
        help="Publication date YYYY-MM-DD, for inputs that carry none of their own.",
    ),
    fmt: OutputFormat = typer.Option(OutputFormat.json, "--format", "-f", help="json, jsonl or table."),
    model: str | None = typer.Option(None, "--model", help="spaCy pipeline (default: $EVENTWIRE_MODEL)."),
    max_bytes: int = typer.Option(
        DEFAULT_MAX_BYTES, "--max-bytes", help="Skip files (or .jsonl/.csv records) larger than this."
    ),
) -> None:
    """Code news documents and print the coded document(s)."""
    try:
        nlp = load_nlp(model)
    except EventwireError as exc:
        fail(exc)
    docs: list[Document] = []
    failures = 0
    for item in extract_batch(read_inputs(files, max_bytes=max_bytes, published=published), nlp=nlp):
        if isinstance(item, DocumentError):
            failures += 1
            err_console.print(f"[yellow]skipped[/] {item.origin}: {item}")
            continue
        docs.append(item)
        if fmt is OutputFormat.jsonl:
            sys.stdout.write(json.dumps(item.to_dict(), ensure_ascii=False) + "\n")
    if fmt is OutputFormat.json:
        if len(docs) == 1:
            sys.stdout.write(json.dumps(docs[0].to_dict(), ensure_ascii=False, indent=2) + "\n")
        else:  # many documents: one JSON object per line
            for doc in docs:
                sys.stdout.write(json.dumps(doc.to_dict(), ensure_ascii=False) + "\n")
    elif fmt is OutputFormat.table:
        from eventwire.cli.render import print_document

        for doc in docs:
            print_document(doc)
    if failures and not docs:
        raise typer.Exit(code=1)


def register(app: typer.Typer) -> None:
    app.command("extract")(extract_command)
