"""Ingest: read documents from files, corpora and stdin; clean them; give each a content-hashed id."""

from eventwire.ingest.clean import content_id, prepare
from eventwire.ingest.types import PreparedDocument, RawDocument

__all__ = ["PreparedDocument", "RawDocument", "content_id", "prepare"]
