"""Readers work while another process writes (and compacts): they always see whole committed batches."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from typer.testing import CliRunner

from eventwire.cli.main import app
from eventwire.store import open_store
from test_store_support import protest_document

TESTS = Path(__file__).resolve().parent
DOCS_PER_BATCH = 3
BATCHES = 12

# The writer: BATCHES batches of DOCS_PER_BATCH documents (2 events, 1 quote each); compacts every 4th batch.
_WRITER = """
import sys, time
sys.path.insert(0, {tests!r})
from test_store_support import protest_document
from eventwire.store import open_store
store = open_store({root!r}, create=True)
print("ready", flush=True)
for b in range({batches}):
    store.write_batch([protest_document(b * {per} + i) for i in range({per})])
    if b % 4 == 3:
        store.compact()
    time.sleep(0.01)
"""

_CHECK = """
SELECT (SELECT count(*) FROM documents), (SELECT count(DISTINCT doc_id) FROM documents),
       (SELECT count(*) FROM events), (SELECT count(*) FROM quotes), (SELECT count(*) FROM counts)
"""


def test_store_concurrency_reader_sees_whole_batches_while_writing(tmp_path: Path) -> None:
    root = tmp_path / "s"
    script = _WRITER.format(tests=str(TESTS), root=str(root), batches=BATCHES, per=DOCS_PER_BATCH)
    writer = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert writer.stdout is not None and writer.stdout.readline().strip() == b"ready"
    store = open_store(root)
    seen: set[int] = set()
    deadline = time.monotonic() + 60
    while writer.poll() is None and time.monotonic() < deadline:
        ((docs, distinct, events, quotes, counts),) = store.query(_CHECK)[1]
        # A whole number of batches, each document complete, never a document twice.
        assert docs % DOCS_PER_BATCH == 0, docs
        assert distinct == docs and events == 2 * docs and quotes == docs
        assert counts == 2 * docs  # one document-level count + the same count attached to its event
        ids = store.known_doc_ids()
        assert len(ids) % DOCS_PER_BATCH == 0
        seen.add(docs)
    _, err = writer.communicate(timeout=60)
    assert writer.returncode == 0, err.decode()
    assert len(seen) >= 3, f"the reader saw too few intermediate states: {sorted(seen)}"
    print(f"reader saw {len(seen)} states: {sorted(seen)}")
    total = BATCHES * DOCS_PER_BATCH
    assert store.query(_CHECK)[1] == [(total, total, 2 * total, total, 2 * total)]
    assert store.known_doc_ids() == {protest_document(i).doc_id for i in range(total)}
    # The CLI in this process reads the finished store too.
    result = CliRunner().invoke(app, ["events", "--store", str(root), "--format", "jsonl", "--cameo", "043"])
    assert result.exit_code == 0 and len(result.output.splitlines()) == total


# A worker: creates (or joins) the store and writes its own documents in small batches.
_WORKER = """
import sys
sys.path.insert(0, {tests!r})
from test_store_support import protest_document
from eventwire.store import open_store
store = open_store({root!r}, create=True)
for b in range({batches}):
    store.write_batch([protest_document({offset} + b * 2 + i) for i in range(2)])
"""


def test_store_concurrency_parallel_writers_share_a_new_store(tmp_path: Path) -> None:
    """Two writer processes create the same store at once and write interleaved batches: every batch lands,
    and neither one's cleanup removes the other's in-progress shards."""
    root = tmp_path / "s"
    workers = [
        subprocess.Popen(
            [
                sys.executable,
                "-c",
                _WORKER.format(tests=str(TESTS), root=str(root), batches=5, offset=offset),
            ],
            stderr=subprocess.PIPE,
        )
        for offset in (0, 1000)
    ]
    for worker in workers:
        _, err = worker.communicate(timeout=60)
        assert worker.returncode == 0, err.decode()
    store = open_store(root)
    expected = {protest_document(o + i).doc_id for o in (0, 1000) for i in range(10)}
    assert store.known_doc_ids() == expected
    assert len(store.commits()) == 10
    assert store.query("SELECT count(*), count(DISTINCT doc_id) FROM documents")[1] == [(20, 20)]
    assert store.table_counts()["events"] == 40
    leftovers = [
        p for p in root.rglob("*") if p.is_file() and (p.name.startswith(".") or p.parent.name == "_leases")
    ]
    assert leftovers == []
