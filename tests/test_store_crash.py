"""A writer killed (-9) before its commit marker leaves nothing visible; the next write cleans up after it."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from eventwire.store import TABLES, open_store
from test_store_support import protest_document

TESTS = Path(__file__).resolve().parent

# Runs in a child process: every shard of the batch is renamed into place, then the process kills itself with
# SIGKILL at the moment it would write the commit marker (no cleanup handler can run).
_KILLED_WRITER = """
import os, signal, sys
sys.path.insert(0, {tests!r})
from test_store_support import protest_document
from eventwire.store import open_store, shards

def die(*args, **kwargs):
    os.kill(os.getpid(), signal.SIGKILL)

shards.write_commit = die
open_store({root!r}, create=True).write_batch([protest_document(1), protest_document(2)])
"""


def _shard_files(root: Path) -> list[Path]:
    return [p for t in TABLES if (root / t).is_dir() for p in (root / t).iterdir()]


def test_store_crash_uncommitted_batch_is_invisible_then_cleaned(tmp_path: Path) -> None:
    root = tmp_path / "s"
    script = _KILLED_WRITER.format(tests=str(TESTS), root=str(root))
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=60)
    assert proc.returncode == -signal.SIGKILL, proc.stderr.decode()
    orphans = _shard_files(root)
    assert len(orphans) >= 5  # documents, events, actors, quotes, counts, places, dates were all written
    assert list((root / "_leases").glob("*.json"))  # the dead writer's lease is still there

    store = open_store(root)
    assert store.table_counts() == dict.fromkeys(TABLES, 0)
    assert store.query("SELECT count(*) FROM documents")[1] == [(0,)]
    assert store.query("SELECT count(*) FROM events")[1] == [(0,)]
    assert store.known_doc_ids() == set()

    # The next write removes the orphans and stores the documents the dead writer never committed.
    result = store.write([protest_document(1), protest_document(2)])
    assert result.committed and result.documents == 2
    assert not any(p.exists() for p in orphans)
    assert not list((root / "_leases").glob("*.json"))
    assert store.table_counts()["documents"] == 2
    assert sorted(p.name for p in _shard_files(root)) == sorted(
        f"{result.batch_id}.parquet" for _ in result.rows
    )


def test_store_crash_live_writer_is_left_alone(tmp_path: Path) -> None:
    """Shards of a batch whose writer is still running (live lease) must survive another writer's cleanup."""
    root = tmp_path / "s"
    store = open_store(root, create=True)
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        batch = "b-in-progress"
        (root / "_leases").mkdir(exist_ok=True)
        lease = {"pid": sleeper.pid, "host": os.uname().nodename, "started": time.time()}
        (root / "_leases" / f"{batch}.json").write_text(json.dumps(lease))
        (root / "events").mkdir(exist_ok=True)
        shard = root / "events" / f"{batch}.parquet"
        tmp = root / "events" / f".{batch}.parquet.abcd1234.tmp"
        shard.write_bytes(b"being written")
        tmp.write_bytes(b"being written")
        store.write_batch([protest_document(1)])
        assert shard.exists() and tmp.exists()
        assert store.table_counts()["events"] == 2  # the in-progress shard is not visible
    finally:
        sleeper.kill()
        sleeper.wait()
    # Its writer is gone now: the next cleanup takes the leftovers.
    removed = store.cleanup()
    assert not shard.exists() and not tmp.exists()
    assert f"events/{batch}.parquet" in removed


@pytest.mark.parametrize("name", [".x.parquet.1234abcd.tmp", "b-orphan.parquet"])
def test_store_crash_stray_files_without_lease_are_removed(tmp_path: Path, name: str) -> None:
    store = open_store(tmp_path / "s", create=True)
    store.write_batch([protest_document(1)])
    stray = store.root / "documents" / name
    stray.write_bytes(b"junk")
    assert store.table_counts()["documents"] == 1
    store.write_batch([protest_document(2)])  # this writer already cleaned at its first write: not again yet
    assert stray.exists()
    open_store(store.root).write_batch([protest_document(3)])  # the next writer process cleans at once
    assert not stray.exists()
    assert store.table_counts()["documents"] == 3
