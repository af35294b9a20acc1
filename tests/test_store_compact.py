"""Compaction merges shards without changing a single row, and readers never see a gap or a duplicate."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Any

import pytest

from eventwire.errors import EventwireError
from eventwire.store import TABLES, Store, open_store
from eventwire.store.compact import LOCK
from test_store_support import protest_document


def _contents(store: Store) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, in a canonical order (all columns, batch_id included)."""
    out = {}
    for table in TABLES:
        _, rows = store.query(f"SELECT * FROM {table}")
        out[table] = sorted(rows, key=repr)
    return out


def _files(root: Path) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())


@pytest.mark.parametrize("batches", [2, 5])
def test_store_compact_preserves_rows_exactly(tmp_path: Path, batches: int) -> None:
    store = open_store(tmp_path / "s", create=True)
    for i in range(batches):
        store.write_batch([protest_document(2 * i), protest_document(2 * i + 1)])
    store.write_batch([], [])  # nothing new: no batch
    before, counts = _contents(store), store.table_counts()
    summary = store.compact()
    assert _contents(store) == before
    assert store.table_counts() == counts and summary.rows == counts
    assert summary.batches == 1
    assert all(n <= 1 for n in summary.shards.values())
    # Only the merged shards, its marker and store.json are left.
    files = _files(store.root)
    assert len([f for f in files if f.startswith("_commits/")]) == 1
    assert len([f for f in files if f.endswith(".parquet")]) == sum(summary.shards.values())
    assert store.known_doc_ids() == {protest_document(i).doc_id for i in range(2 * batches)}


def test_store_compact_nothing_to_do(tmp_path: Path) -> None:
    store = open_store(tmp_path / "s", create=True)
    assert "nothing to merge (0 committed batch)" in store.compact().actions
    store.write_batch([protest_document(1)])
    assert "nothing to merge (1 committed batch)" in store.compact().actions


def test_store_compact_drops_rows_of_racing_duplicate_writers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = open_store(tmp_path / "s", create=True)
    doc = protest_document(1)
    store.write_batch([doc])
    # Two writers that both checked the store before either committed would each store the document.
    monkeypatch.setattr(store, "_known_keys", lambda: (set(), set()))
    store.write_batch([doc, protest_document(2)])
    assert store.table_counts()["documents"] == 3
    store.compact()
    counts = store.table_counts()
    assert counts["documents"] == 2 and counts["events"] == 4 and counts["quotes"] == 2
    _, rows = store.query("SELECT doc_id, count(*) FROM events GROUP BY 1 HAVING count(*) <> 2")
    assert rows == []


def test_store_compact_superseded_markers_stay_hidden(tmp_path: Path) -> None:
    """A compaction that died after its marker but before deleting the old markers leaves them behind; they
    must stay hidden, also after a later compaction supersedes the first one."""
    store = open_store(tmp_path / "s", create=True)
    for i in range(3):
        store.write_batch([protest_document(i)])
    old_markers = tmp_path / "old"
    shutil.copytree(store.root / "_commits", old_markers)
    store.compact()
    for marker in old_markers.iterdir():  # resurrect the superseded markers (their shards are gone)
        shutil.copy(marker, store.root / "_commits" / marker.name)
    assert store.table_counts()["documents"] == 3
    store.write_batch([protest_document(9)])
    store.compact()
    assert store.table_counts()["documents"] == 4
    assert len(list((store.root / "_commits").glob("*.json"))) == 1
    assert store.query("SELECT count(DISTINCT doc_id), count(*) FROM documents")[1] == [(4, 4)]


def test_store_compact_lock(tmp_path: Path) -> None:
    store = open_store(tmp_path / "s", create=True)
    for i in range(2):
        store.write_batch([protest_document(i)])
    lock = store.root / LOCK
    lock.write_text(json.dumps({"pid": os.getpid(), "host": os.uname().nodename, "started": 1e18}))
    with pytest.raises(EventwireError) as exc:
        store.compact()
    assert exc.value.code == "E027"
    lock.write_text(json.dumps({"pid": 2**22 + 12345, "host": os.uname().nodename, "started": 1e18}))
    assert store.compact().batches == 1  # a dead holder's lock is taken over
    assert not lock.exists()
