"""What readers produce (a raw document) and what cleaning hands to the NLP stage (a prepared document)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class RawDocument:
    """One document as read, before cleaning. ``origin`` says where it came from (path, path#N, <stdin>)."""

    origin: str
    text: str | None = None
    html: str | None = None
    title: str | None = None
    url: str | None = None
    published: str | None = None  # YYYY-MM-DD
    source: str | None = None  # publisher
    external_id: str | None = None  # the corpus's own id field, if any


@dataclass
class PreparedDocument:
    """A cleaned document ready for parsing; ``text`` is the text every offset refers to."""

    doc_id: str
    text: str
    origin: str
    title: str | None = None
    url: str | None = None
    published: str | None = None
    source: str | None = None
    external_id: str | None = None
