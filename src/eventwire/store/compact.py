"""Compaction: merge every committed shard of each table into one shard, without readers ever noticing.

Ordering (why readers never see a gap or a duplicate):
  1. write the merged shards under a new batch id (leased, so a concurrent cleanup leaves them alone);
  2. write the merged commit marker, listing every batch id it ``supersedes``: from this rename on, readers
     see the merged shards and hide the old markers (``shards.visible``), so the switch is one atomic step;
  3. delete the superseded markers, then their shards (``shards.cleanup``).
A reader that took its snapshot before step 2 may find an old shard gone after step 3; snapshots and queries
retry in that case, and the retry sees the merged marker. Batches committed while compaction runs are not in
its snapshot, so they stay as they are.

Compaction also drops rows of documents stored twice (two writers racing on the same doc_id): per doc_id the
rows of the earliest batch are kept, and per failure origin the earliest failure.
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
import time
from collections.abc import Iterator
from pathlib import Path

import duckdb

from eventwire.errors import EventwireError
from eventwire.store import shards
from eventwire.store.schema import TABLES

LOCK = "_compact.lock"

# The order rows are written in, so a compacted shard is deterministic given its inputs.
_ORDER = {
    "documents": "batch_id, doc_id",
    "events": "doc_id, event_index",
    "actors": "doc_id, entity_id",
    "quotes": "doc_id, quote_index",
    "counts": "doc_id, event_id NULLS FIRST, count_index",
    "places": "doc_id, place_index",
    "dates": "doc_id, date_index",
    "failures": "batch_id, origin",
}


@contextlib.contextmanager
def _lock(root: Path) -> Iterator[None]:
    """One compaction at a time per store (two would both merge the same batches). A lock left by a dead
    process (same rules as writer leases) is taken over."""
    path = root / LOCK
    for _ in range(2):
        try:
            fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
        except FileExistsError:
            if shards.lease_file_alive(path):
                info = _read(path)
                raise EventwireError("E027", path=path, pid=info.get("pid"), host=info.get("host")) from None
            path.unlink(missing_ok=True)
            continue
        with os.fdopen(fd, "w") as handle:
            json.dump({"pid": os.getpid(), "host": socket.gethostname(), "started": time.time()}, handle)
        try:
            yield
        finally:
            path.unlink(missing_ok=True)
        return
    raise EventwireError("E027", path=path, pid="?", host="?")


def _read(path: Path) -> dict[str, object]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _view(con: duckdb.DuckDBPyConnection, table: str, files: list[str]) -> None:
    listed = ", ".join("'" + f.replace("'", "''") + "'" for f in files)
    con.execute(f'CREATE VIEW "{table}" AS SELECT * FROM read_parquet([{listed}], union_by_name=true)')


#: ``core.failure_key`` as partition columns: the origin, plus for "<stdin>"-style origins the doc_id, or the
#: code and message when there is no doc_id. Equal keys <=> equal partitions, so compaction keeps one row per
#: failure the writers consider distinct.
_STDIN = "starts_with(origin, '<')"
_FAILURE_KEY = ", ".join(
    [
        "origin",
        f"CASE WHEN {_STDIN} THEN nullif(doc_id, '') END",
        f"CASE WHEN {_STDIN} AND nullif(doc_id, '') IS NULL THEN code END",
        f"CASE WHEN {_STDIN} AND nullif(doc_id, '') IS NULL THEN message END",
    ]
)


def _select(table: str) -> str:
    """The rows of ``table`` to keep: those of the earliest batch that stored each document."""
    if table == "failures":
        keep = f'QUALIFY row_number() OVER (PARTITION BY {_FAILURE_KEY} ORDER BY batch_id, "at") = 1'
        return f"SELECT * FROM failures {keep}"
    if table == "documents":
        return "SELECT * FROM documents QUALIFY row_number() OVER (PARTITION BY doc_id ORDER BY batch_id) = 1"
    return (
        f'SELECT t.* FROM "{table}" t SEMI JOIN '
        "(SELECT doc_id, min(batch_id) AS batch_id FROM documents GROUP BY doc_id) k "
        "ON t.doc_id = k.doc_id AND t.batch_id = k.batch_id"
    )


def _merge(con: duckdb.DuckDBPyConnection, root: Path, table: str, batch_id: str) -> tuple[str, int]:
    """Write the merged shard of ``table`` (streamed by DuckDB, not held in memory); (relative path, rows)."""
    rel = f"{table}/{batch_id}.parquet"
    final = root / rel
    tmp = shards.temp_name(final)
    sql = f"SELECT * FROM ({_select(table)}) ORDER BY {_ORDER[table]}"
    try:
        con.execute(f"COPY ({sql}) TO '{tmp}' (FORMAT parquet, COMPRESSION zstd)")
        rows = con.execute(f"SELECT count(*) FROM read_parquet('{tmp}')").fetchone()
        shards.replace_durably(tmp, final)
    finally:
        tmp.unlink(missing_ok=True)
    return rel, int(rows[0]) if rows else 0


def compact(root: Path) -> list[str]:
    """Merge the committed shards of every table into one per table; returns what was done, as lines."""
    with _lock(root):
        leftovers = shards.cleanup(root, TABLES)
        actions = [f"removed {len(leftovers)} leftover files of interrupted writes"] if leftovers else []
        commits = shards.snapshot(root)
        if len(commits) < 2:
            return [*actions, f"nothing to merge ({len(commits)} committed batch)"]
        batch_id = shards.new_batch_id("c")
        shards.take_lease(root, batch_id)
        try:
            con = duckdb.connect(":memory:")
            written: dict[str, str] = {}
            rows: dict[str, int] = {}
            for table in TABLES:
                files = [str((root / c.shards[table]).resolve()) for c in commits if table in c.shards]
                if files:
                    _view(con, table, files)
            for table in TABLES:
                if any(table in c.shards for c in commits):
                    written[table], rows[table] = _merge(con, root, table, batch_id)
            con.close()
            # Everything these batches superseded too: a marker a crashed compaction left behind stays hidden.
            older = {old for c in commits for old in c.supersedes}
            supersedes = sorted({c.batch_id for c in commits} | older)
            commit = shards.Commit(
                batch_id=batch_id,
                shards=written,
                rows=rows,
                supersedes=tuple(supersedes),
                committed_at=shards.now_iso(),
                extra={"compacted": len(commits)},
            )
            shards.write_commit(root, commit)
        finally:
            shards.release_lease(root, batch_id)
        removed = shards.cleanup(root, TABLES)
        merged = sum(len(c.shards) for c in commits)
        return [
            *actions,
            f"merged {merged} shards of {len(commits)} batches into {len(written)}",
            f"removed {len(removed)} superseded files",
        ]
