"""Writes: one snapshot per write, known keys kept right across compaction, and stdin failures keyed by what
failed (not only by the origin "<stdin>", which names no particular input)."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.model import Failure
from eventwire.store import failure_key, open_store, shards
from eventwire.store.core import failure_key_of
from test_store_support import protest_document


def test_each_write_takes_one_snapshot(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = open_store(tmp_path / "s", create=True)
    calls: list[Path] = []
    real = shards.snapshot

    def counting(root: Path, attempts: int = 20) -> list[shards.Commit]:
        calls.append(root)
        return real(root, attempts)

    monkeypatch.setattr(shards, "snapshot", counting)
    for i in range(4):
        calls.clear()
        result = store.write([protest_document(i)], [Failure(origin=f"bad{i}.txt", code="E002", message="x")])
        assert result.committed and len(calls) == 1


def test_known_keys_follow_compaction(tmp_path: Path) -> None:
    store = open_store(tmp_path / "s", create=True)
    for i in range(3):
        store.write([protest_document(i)], [Failure(origin="<stdin>", code="E002", message=f"empty {i}")])
    before = (store.known_doc_ids(), store.known_failure_keys())
    store.compact()  # replaces every commit: the cached union must be rebuilt, not extended
    assert (store.known_doc_ids(), store.known_failure_keys()) == before
    again = store.write([protest_document(1)], [Failure(origin="<stdin>", code="E002", message="empty 1")])
    assert not again.committed and again.skipped_documents == 1 and again.skipped_failures == 1
    store.write([protest_document(7)])
    assert store.known_doc_ids() == before[0] | {protest_document(7).doc_id}


@pytest.mark.parametrize(
    ("first", "second", "stored"),
    [
        # different bad documents read from stdin: both are recorded
        (("<stdin>", "a" * 16, "E010", "x"), ("<stdin>", "b" * 16, "E010", "x"), 2),
        (("<stdin>", None, "E002", "empty document"), ("<stdin>", None, "E004", "too large"), 2),
        (("<stdin>#1", None, "E006", "bad json"), ("<stdin>#1", None, "E006", "bad field"), 2),
        # the same bad input fed again: recorded once (a resumed run is idempotent)
        (("<stdin>", "a" * 16, "E010", "x"), ("<stdin>", "a" * 16, "E010", "x"), 1),
        (("<stdin>", None, "E002", "empty document"), ("<stdin>", None, "E002", "empty document"), 1),
        # a file is one input: a second failure of the same path is the same failure
        (("in/a.txt", None, "E002", "empty"), ("in/a.txt", None, "E003", "binary"), 1),
    ],
)
def test_stdin_failures_are_keyed_by_content(
    tmp_path: Path,
    first: tuple[str, str | None, str, str],
    second: tuple[str, str | None, str, str],
    stored: int,
) -> None:
    def failure(spec: tuple[str, str | None, str, str]) -> Failure:
        origin, doc_id, code, message = spec
        return Failure(origin=origin, doc_id=doc_id, code=code, message=message)

    root = tmp_path / "s"
    open_store(root, create=True).write([], [failure(first)])
    reopened = open_store(root)  # keys rebuilt from the stored columns, not from this process's cache
    assert failure_key(failure(first)) in reopened.known_failure_keys()
    reopened.write([], [failure(second)])
    assert reopened.table_counts()["failures"] == stored


@pytest.mark.parametrize("origin", ["in/a.txt", "corpus.jsonl#12", "/abs/path.html"])
def test_path_origins_stay_their_own_key(origin: str) -> None:
    # the ingest driver matches raw origins against these keys to skip inputs that failed before
    assert failure_key_of(origin, "d" * 16, "E002", "empty") == origin
