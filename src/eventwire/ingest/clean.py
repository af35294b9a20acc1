"""Cleaning: turn a raw document into the text every offset refers to.

Cleaning happens once, before parsing, so spans found later index the cleaned text directly.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from eventwire.errors import DocumentError
from eventwire.ingest.types import PreparedDocument, RawDocument

# Trailing lines that are page furniture, not reporting.
_TRAILER = re.compile(
    r"^\s*(source\s+link|read\s+more|read\s+the\s+full\s+(story|article)|share\s+(this|on)\b.*|"
    r"(share|tweet|email|print)(\s*[|/·•]\s*(share|tweet|email|print|facebook|twitter|whatsapp))*|"
    r"follow\s+us\s+on\b.*|click\s+here\b.*|advertisement|related\s+(articles|stories)?:?)\s*$",
    re.IGNORECASE,
)
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_BLANKS = re.compile(r"\n{3,}")


def normalise_whitespace(text: str) -> str:
    """NFC-normalise, unify line ends, fold runs of spaces and blank lines, strip each line."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\ufeff", "").replace("\u200b", "")
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return _BLANKS.sub("\n\n", "\n".join(lines)).strip()


def _norm_key(line: str) -> str:
    return re.sub(r"\W+", " ", line).strip().casefold()


def strip_boilerplate(text: str, title: str | None) -> tuple[str, str | None]:
    """Drop a headline repeated at the top and trailing furniture lines. Returns (text, title)."""
    paragraphs = text.split("\n\n")
    # A headline repeated at the top (often once as <title>, once as <h1>): keep the body once.
    if title is None and len(paragraphs) > 1 and "\n" not in paragraphs[0] and len(paragraphs[0]) < 200:
        first = paragraphs[0]
        if not first.rstrip().endswith((".", "!", "?", '"', "”")) or _norm_key(first) == _norm_key(paragraphs[1]):
            title = first
    if title:
        key = _norm_key(title)
        while paragraphs and _norm_key(paragraphs[0]) == key:
            paragraphs.pop(0)
    while paragraphs:
        lines = paragraphs[-1].split("\n")
        while lines and _TRAILER.match(lines[-1]):
            lines.pop()
        if lines:
            paragraphs[-1] = "\n".join(lines)
            break
        paragraphs.pop()
    return "\n\n".join(paragraphs).strip(), title


def content_id(text: str) -> str:
    """Stable document id: a hash of the cleaned text, so the same article gives the same id everywhere."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:20]


def prepare(raw: RawDocument) -> PreparedDocument:
    """Clean a raw text document into a PreparedDocument (raises DocumentError when nothing is left)."""
    text = normalise_whitespace(raw.text or "")
    title = normalise_whitespace(raw.title) if raw.title else None
    text, title = strip_boilerplate(text, title)
    if not text:
        raise DocumentError("E002", origin=raw.origin)
    return PreparedDocument(
        doc_id=content_id(text),
        text=text,
        origin=raw.origin,
        title=title,
        url=raw.url,
        published=raw.published,
        source=raw.source,
        external_id=raw.external_id,
    )
