"""Ingest: read documents from files, corpora and stdin; clean them; give each a content-hashed id."""

from eventwire.ingest.clean import clean_text, content_id, prepare
from eventwire.ingest.dates import InvalidDate, normalise_date
from eventwire.ingest.readers import read_inputs
from eventwire.ingest.types import PreparedDocument, RawDocument

__all__ = [
    "InvalidDate",
    "PreparedDocument",
    "RawDocument",
    "clean_text",
    "content_id",
    "normalise_date",
    "prepare",
    "read_inputs",
]
