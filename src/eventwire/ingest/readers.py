"""Readers: paths (files, directories) and stdin -> RawDocument, or a DocumentError for that input."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from eventwire.config import DEFAULT_MAX_BYTES
from eventwire.errors import DocumentError
from eventwire.ingest.types import RawDocument


def read_inputs(
    paths: Iterable[str], *, max_bytes: int = DEFAULT_MAX_BYTES, published: str | None = None
) -> Iterator[RawDocument | DocumentError]:
    """Yield one RawDocument per document found (or a DocumentError for a bad one). "-" reads stdin."""
    for name in paths:
        if name == "-":
            yield RawDocument(origin="<stdin>", text=sys.stdin.read(), published=published)
            continue
        path = Path(name)
        if not path.exists():
            yield DocumentError("E007", origin=name)
            continue
        yield RawDocument(origin=name, text=path.read_text(encoding="utf-8"), published=published)
