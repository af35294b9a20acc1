"""The example corpus (examples/articles) reads cleanly; every document has metadata and a fair length."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.errors import DocumentError
from eventwire.ingest.clean import prepare
from eventwire.ingest.readers import read_inputs
from eventwire.ingest.types import PreparedDocument

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "articles"


@pytest.fixture(scope="module")
def prepared() -> list[PreparedDocument]:
    items = list(read_inputs([str(EXAMPLES)]))
    errors = [str(item) for item in items if isinstance(item, DocumentError)]
    assert errors == []
    return [prepare(item) for item in items if not isinstance(item, DocumentError)]


def test_ingest_examples_count_and_formats(prepared: list[PreparedDocument]) -> None:
    assert len(prepared) >= 12
    suffixes = {Path(doc.origin.split("#")[0]).suffix for doc in prepared}
    assert {".txt", ".md", ".html", ".jsonl", ".csv"} <= suffixes
    assert not any("README" in doc.origin for doc in prepared)
    assert len({doc.doc_id for doc in prepared}) == len(prepared)


def test_ingest_examples_metadata_and_length(prepared: list[PreparedDocument]) -> None:
    for doc in prepared:
        assert doc.title, doc.origin
        assert doc.published and len(doc.published) == 10, doc.origin
        assert doc.source, doc.origin
        assert 150 <= len(doc.text.split()) <= 400, (doc.origin, len(doc.text.split()))
        # the headline is metadata, not body text
        assert not doc.text.startswith(doc.title), doc.origin


def test_ingest_examples_html_chrome_removed(prepared: list[PreparedDocument]) -> None:
    pages = [
        doc for doc in prepared if doc.origin.endswith(".html") or doc.external_id == "wire-2024-0305-dhaka"
    ]
    assert len(pages) == 2
    for doc in pages:
        for chrome in ("Home", "Sign in", "Share", "©", "Privacy policy"):
            assert chrome not in doc.text, (doc.origin, chrome)
