"""Kill -9 an ingest after its first commit, run it again: every document stored exactly once."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from eventwire.batch.corpus import generate
from eventwire.ingest.clean import prepare
from eventwire.ingest.readers import read_inputs
from eventwire.ingest.types import RawDocument
from eventwire.store import open_store

N_DOCS = 60
N_BAD = 2


def _write_corpus(path: Path) -> None:
    records = list(generate(N_DOCS, seed=42))
    for record in records:  # short documents keep the test fast; two paragraphs still carry events
        record["text"] = "\n\n".join(record["text"].split("\n\n")[:2])
    records.insert(10, {"id": "empty-1", "text": ""})
    records.insert(40, {"id": "empty-2", "text": "   "})
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")


def _ingest_cmd(corpus: Path, store: Path, workers: int) -> list[str]:
    return [
        sys.executable, "-m", "eventwire.cli.main", "ingest", str(corpus),
        "--store", str(store), "--workers", str(workers), "--batch-size", "4", "--quiet",
    ]  # fmt: skip


def _children(pid: int) -> list[int]:
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return []
    return [int(p) for p in text.split()]


def _alive(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


def _query(store: Path, sql: str) -> tuple[int, ...]:
    con = open_store(store).connect()
    try:
        row = con.execute(sql).fetchone()
    finally:
        con.close()
    assert row is not None
    return tuple(int(v) for v in row)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="uses /proc to watch the worker processes")
@pytest.mark.parametrize("workers", [1, 2])
def test_batch_kill9_then_resume_loses_and_duplicates_nothing(tmp_path: Path, workers: int) -> None:
    corpus, store = tmp_path / "corpus.jsonl", tmp_path / "store"
    _write_corpus(corpus)
    expected = {
        prepare(item).doc_id
        for item in read_inputs([str(corpus)])
        if isinstance(item, RawDocument) and (item.text or "").strip()
    }
    assert len(expected) == N_DOCS

    proc = subprocess.Popen(
        _ingest_cmd(corpus, store, workers), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    commits = store / "_commits"
    deadline = time.monotonic() + 60
    while not (commits.is_dir() and any(p.suffix == ".json" for p in commits.iterdir())):
        assert proc.poll() is None, proc.stderr.read().decode() if proc.stderr else "ingest exited early"
        assert time.monotonic() < deadline, "no batch committed within 60 s"
        time.sleep(0.02)
    workers_before = _children(proc.pid)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    # Orphaned workers must not outlive their run (they would race the resumed run's writes).
    deadline = time.monotonic() + 10
    while any(_alive(p) for p in workers_before) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(_alive(p) for p in workers_before)
    (stored_at_kill,) = _query(store, "SELECT count(*) FROM documents")
    assert 0 < stored_at_kill < N_DOCS, "the kill should land mid-run"

    resumed = subprocess.run(_ingest_cmd(corpus, store, 1), capture_output=True, text=True, timeout=120)
    assert resumed.returncode == 0, resumed.stderr

    docs, unique_docs = _query(store, "SELECT count(*), count(DISTINCT doc_id) FROM documents")
    events, unique_events = _query(store, "SELECT count(*), count(DISTINCT event_id) FROM events")
    failures, unique_origins = _query(store, "SELECT count(*), count(DISTINCT origin) FROM failures")
    coder_failures = _query(store, "SELECT count(*) FROM failures WHERE doc_id IS NOT NULL")[0]
    assert docs == unique_docs and events == unique_events and failures == unique_origins
    assert docs + coder_failures == N_DOCS  # every good document stored once (or its failure recorded)
    assert open_store(store).known_doc_ids() <= expected
    assert failures - coder_failures == N_BAD
