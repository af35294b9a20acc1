"""Readable terminal views (Rich) of coded documents."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from eventwire.model import Actor, Document

console = Console()


def _actor(actor: Actor | None) -> str:
    if actor is None:
        return "-"
    label = actor.name or actor.text or ""
    return f"{actor.code} {label}".strip()


def print_document(doc: Document) -> None:
    console.rule(f"[bold]{doc.title or doc.origin or doc.doc_id}[/] ({doc.published or 'undated'})")
    table = Table(show_lines=False, expand=True)
    for column in ("#", "source", "cameo", "target", "modality", "date", "place", "trigger"):
        table.add_column(column, overflow="fold")
    for event in doc.events:
        flags = [
            name
            for name, on in (
                ("neg", event.modality.negated),
                ("intent", event.modality.intent),
                ("hypo", event.modality.hypothetical),
                ("hist", event.modality.historical),
            )
            if on
        ]
        table.add_row(
            str(event.sentence.index),
            _actor(event.source),
            f"{event.cameo} {event.plover.get('type') or ''}",
            _actor(event.target),
            ",".join(flags),
            event.date.value if event.date and event.date.value else "",
            event.place.name if event.place else "",
            event.trigger.text,
        )
    console.print(table)
    console.print(
        f"{len(doc.events)} events, {len(doc.quotes)} quotes, {len(doc.counts)} counts, "
        f"{len(doc.places)} places, {len(doc.dates)} dates"
    )
