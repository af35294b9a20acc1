"""Re-writing the same documents adds nothing; batch ids are unique and validated."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.errors import EventwireError
from eventwire.model import Failure
from eventwire.store import failure_key, open_store
from test_store_support import protest_document


def test_store_idempotent_rewrite_adds_nothing(tmp_path: Path) -> None:
    store = open_store(tmp_path / "s", create=True)
    docs = [protest_document(i) for i in range(4)]
    first = store.write(docs[:3])
    counts = store.table_counts()
    again = store.write(docs[:3])
    assert first.committed and first.documents == 3
    assert not again.committed and again.skipped_documents == 3
    assert store.table_counts() == counts
    mixed = store.write(docs)  # one new among known ones: only it is stored
    assert (mixed.documents, mixed.skipped_documents) == (1, 3)
    assert store.table_counts()["documents"] == 4
    assert store.known_doc_ids() == {d.doc_id for d in docs}


def test_store_idempotent_within_one_batch_and_across_processes_view(tmp_path: Path) -> None:
    doc = protest_document(7)
    store = open_store(tmp_path / "s", create=True)
    result = store.write([doc, doc])
    assert (result.documents, result.skipped_documents) == (1, 1)
    # A second Store object (as another process would have) knows the committed ids from disk.
    assert open_store(tmp_path / "s").known_doc_ids() == {doc.doc_id}
    assert open_store(tmp_path / "s").write([doc]).committed is False


def test_store_idempotent_failures_recorded_once(tmp_path: Path) -> None:
    store = open_store(tmp_path / "s", create=True)
    bad = [
        Failure("in/a.txt", "E002", "empty"),
        Failure("in/b.bin", "E003", "binary"),
        Failure("in/a.txt", "E002", "x"),
    ]
    result = store.write([], bad)
    assert (result.failures, result.skipped_failures) == (2, 1)
    assert store.known_failure_keys() == {"in/a.txt", "in/b.bin"} == {failure_key(f) for f in bad}
    assert store.write([], bad).committed is False
    columns, rows = store.query("SELECT origin, code, message FROM failures ORDER BY origin")
    assert rows == [("in/a.txt", "E002", "empty"), ("in/b.bin", "E003", "binary")]


def test_store_idempotent_batch_ids(tmp_path: Path) -> None:
    store = open_store(tmp_path / "s", create=True)
    ids = {store.write_batch([protest_document(i)]) for i in range(5)}
    assert len(ids) == 5 and ids == {c.batch_id for c in store.commits()}
    assert store.write_batch([protest_document(10)], batch_id="worker-1.chunk-0007") == "worker-1.chunk-0007"
    with pytest.raises(EventwireError) as exc:
        store.write_batch([protest_document(11)], batch_id="worker-1.chunk-0007")
    assert exc.value.code == "E029"


@pytest.mark.parametrize("bad", ["-bad", ".hidden", "a/b", "../x", "with space", "x" * 121])
def test_store_idempotent_invalid_batch_id(tmp_path: Path, bad: str) -> None:
    store = open_store(tmp_path / "s", create=True)
    with pytest.raises(EventwireError) as exc:
        store.write_batch([protest_document(1)], batch_id=bad)
    assert exc.value.code == "E024"
    assert store.commits() == []


def test_store_idempotent_open_failures_view(tmp_path: Path) -> None:
    """A failed input that a later run stored (e.g. after raising a size limit) is no longer open."""
    store = open_store(tmp_path / "s", create=True)
    doc = protest_document(1)
    store.write([], [Failure(doc.origin or "", "E004", "too big"), Failure("in/other.txt", "E002", "empty")])
    open_now = store.query("SELECT origin FROM open_failures ORDER BY origin")[1]
    assert open_now == [("in/other.txt",), (doc.origin,)]
    store.write([doc])
    assert store.query("SELECT origin FROM open_failures")[1] == [("in/other.txt",)]
    assert store.table_counts()["failures"] == 2  # the record of the failure itself stays
