"""The file layer of the store: atomic shard writes, commit markers, writer leases and cleanup.

Layout of a store directory::

    store.json                      schema version, created, eventwire version
    <table>/<batch_id>.parquet      one shard per table per batch (only tables with rows get one)
    _commits/<batch_id>.json        commit marker: the batch's shards and row counts, written LAST
    _leases/<batch_id>.json         "a live writer owns this batch": pid, host, start time
    .<name>.<random>.tmp            a file being written (any directory); readers never look at dot files

Why: a batch touches several tables, and a rename is atomic only per file. So a batch is visible exactly when
its commit marker exists, and readers build their views from the shards the markers list, never from a
directory listing. A writer killed at any point leaves, at worst, shards no marker names; the next writer (or
compact) removes them unless the lease shows their writer is still alive (parallel writers share a store).

A compaction marker lists the batch ids it ``supersedes``; readers hide superseded markers, so between writing
the merged marker and deleting the old ones no row is seen twice, and no row is ever missing.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import re
import secrets
import socket
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from eventwire.errors import EventwireError

COMMITS = "_commits"
LEASES = "_leases"
#: A lease older than this is treated as abandoned even if its pid looks alive (pids get reused).
MAX_LEASE_AGE_S = 6 * 3600
_BATCH_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,119}$")


def new_batch_id(kind: str = "b") -> str:
    """Unique and time-sortable: kind + UTC time to the microsecond + 32 random bits (parallel writers never
    collide)."""
    now = dt.datetime.now(dt.UTC)
    return f"{kind}{now:%Y%m%dT%H%M%S%f}Z-{secrets.token_hex(4)}"


def check_batch_id(batch_id: str) -> str:
    if not _BATCH_ID.match(batch_id):
        raise EventwireError("E024", batch_id=batch_id)
    return batch_id


def _fsync_dir(path: Path) -> None:
    """Make a rename durable (POSIX); a no-op where directories cannot be opened (Windows)."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def temp_name(final: Path) -> Path:
    """A dot-prefixed name next to ``final``: invisible to readers, removed by cleanup if abandoned."""
    return final.parent / f".{final.name}.{secrets.token_hex(4)}.tmp"


def replace_durably(tmp: Path, final: Path) -> None:
    """fsync ``tmp``, rename it over ``final`` (atomic), fsync the directory."""
    with open(tmp, "rb") as handle:
        os.fsync(handle.fileno())
    os.replace(tmp, final)
    _fsync_dir(final.parent)


def atomic_write_bytes(final: Path, data: bytes) -> None:
    """Write to a dot-prefixed temporary name in the same directory, fsync, rename over ``final``."""
    final.parent.mkdir(parents=True, exist_ok=True)
    tmp = temp_name(final)
    try:
        tmp.write_bytes(data)
        replace_durably(tmp, final)
    finally:
        tmp.unlink(missing_ok=True)


def atomic_write_json(final: Path, payload: dict[str, Any]) -> None:
    atomic_write_bytes(final, (json.dumps(payload, indent=2, sort_keys=True) + "\n").encode("utf-8"))


def atomic_write_parquet(final: Path, table: pa.Table) -> None:
    final.parent.mkdir(parents=True, exist_ok=True)
    tmp = temp_name(final)
    try:
        pq.write_table(table, tmp, compression="zstd")
        replace_durably(tmp, final)
    finally:
        tmp.unlink(missing_ok=True)


@dataclass(frozen=True)
class Commit:
    """One commit marker: a batch (or a compaction) and the shards it made visible."""

    batch_id: str
    shards: dict[str, str]  # table -> shard path relative to the store root
    rows: dict[str, int]
    supersedes: tuple[str, ...] = ()
    committed_at: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "batch_id": self.batch_id,
            "shards": self.shards,
            "rows": self.rows,
            "supersedes": list(self.supersedes),
            "committed_at": self.committed_at,
            **self.extra,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Commit:
        known = {"batch_id", "shards", "rows", "supersedes", "committed_at"}
        return cls(
            batch_id=str(data["batch_id"]),
            shards={str(k): str(v) for k, v in data.get("shards", {}).items()},
            rows={str(k): int(v) for k, v in data.get("rows", {}).items()},
            supersedes=tuple(str(s) for s in data.get("supersedes", [])),
            committed_at=str(data.get("committed_at", "")),
            extra={k: v for k, v in data.items() if k not in known},
        )


def marker_path(root: Path, batch_id: str) -> Path:
    return root / COMMITS / f"{batch_id}.json"


def write_commit(root: Path, commit: Commit) -> None:
    """The commit point of a batch: until this rename, nothing the batch wrote is visible."""
    atomic_write_json(marker_path(root, commit.batch_id), commit.to_json())


class _Vanished(Exception):
    """A marker or shard disappeared while being read (a compaction finished meanwhile): read again."""


# Parsed commit markers by (path, mtime, size): markers never change once written, so a long ingest re-reads
# only the new ones instead of every marker of the store at each batch.
_MARKER_CACHE: dict[tuple[str, int, int], Commit] = {}


def _read_marker(path: str) -> Commit:
    try:
        stat = os.stat(path)
        key = (path, stat.st_mtime_ns, stat.st_size)
        cached = _MARKER_CACHE.get(key)
        if cached is not None:
            return cached
        with open(path, encoding="utf-8") as handle:
            data = json.load(handle)
    except FileNotFoundError as exc:
        raise _Vanished(path) from exc
    except (OSError, ValueError) as exc:
        raise EventwireError("E025", path=path, detail=exc) from exc
    commit = Commit.from_json(data)
    _MARKER_CACHE[key] = commit
    return commit


def _read_markers(root: Path) -> list[Commit]:
    folder = os.path.abspath(root / COMMITS)
    try:
        names = sorted(n for n in os.listdir(folder) if n.endswith(".json") and not n.startswith("."))
    except FileNotFoundError:
        return []
    return [_read_marker(os.path.join(folder, name)) for name in names]


def visible(commits: Iterable[Commit]) -> list[Commit]:
    """The commits readers see: every marker not superseded by another (compaction) marker."""
    commits = list(commits)
    superseded = {old for c in commits for old in c.supersedes}
    return [c for c in commits if c.batch_id not in superseded]


def snapshot(root: Path, attempts: int = 20) -> list[Commit]:
    """The committed batches, consistently: retried when a concurrent compaction removes a marker between
    listing and reading (then the superseding marker is already in place, so a re-read is whole).

    Shards are not checked one by one (that made every write slower as commits piled up): a marker is
    written after its shards and deleted before them (``cleanup``), so a marker that still exists when it is
    read vouches for its shards at that moment. A compaction that deletes them later is the same race as
    before, and readers handle it as before (``Store`` retries on a missing shard)."""
    for attempt in range(attempts):
        try:
            return visible(_read_markers(root))
        except _Vanished:
            time.sleep(0.01 * (attempt + 1))
    raise EventwireError("E026", path=root)


# --- leases: which uncommitted batches belong to a writer that is still running -----------------------------


def _lease_path(root: Path, batch_id: str) -> Path:
    return root / LEASES / f"{batch_id}.json"


def take_lease(root: Path, batch_id: str) -> None:
    atomic_write_json(
        _lease_path(root, batch_id),
        {"pid": os.getpid(), "host": socket.gethostname(), "started": time.time()},
    )


def release_lease(root: Path, batch_id: str) -> None:
    _lease_path(root, batch_id).unlink(missing_ok=True)


def pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:
        return False
    # A process killed with -9 but not yet reaped by its parent is a zombie: dead for our purposes.
    with contextlib.suppress(OSError, IndexError):
        stat = Path(f"/proc/{pid}/stat").read_text()
        return stat.rsplit(")", 1)[1].split()[0] != "Z"
    return True


def now_iso() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="microseconds")


def lease_file_alive(path: Path) -> bool:
    """Whether the process that wrote this lease (or lock) file is still running (and the file is recent)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    if time.time() - float(data.get("started", 0)) > MAX_LEASE_AGE_S:
        return False
    if data.get("host") != socket.gethostname():
        return True  # another machine on a shared file system: trust it until the lease is too old
    return pid_alive(int(data.get("pid", -1)))


def live_leases(root: Path) -> set[str]:
    folder = root / LEASES
    if not folder.is_dir():
        return set()
    return {p.stem for p in folder.glob("*.json") if not p.name.startswith(".") and lease_file_alive(p)}


# --- cleanup ------------------------------------------------------------------------------------------------


def _batch_of(path: Path) -> str:
    """The batch id a shard, marker or temporary file belongs to ('.<id>.parquet.<rnd>.tmp' -> '<id>')."""
    name = path.name
    if name.startswith(".") and name.endswith(".tmp"):
        name = name[1:].rsplit(".", 2)[0]
    return name.rsplit(".", 1)[0]


def cleanup(root: Path, tables: Iterable[str]) -> list[str]:
    """Remove what no live writer or commit needs: superseded markers and shards, shards and temporary files
    of batches that never committed (their writer died), stale leases. Returns the removed paths (relative).

    Order matters with concurrent writers: files are listed FIRST, then leases, then markers. A writer takes
    its lease before writing any shard and drops it only after its marker exists, so a listed file's batch is
    either leased or committed by the time we look, unless its writer is dead.
    """
    candidates = [p for t in (*tables, COMMITS) if (root / t).is_dir() for p in (root / t).iterdir()]
    leased = live_leases(root)
    markers = _read_markers_tolerant(root)
    superseded = {old for c in markers for old in c.supersedes}
    keep_markers = {c.batch_id for c in markers if c.batch_id not in superseded}
    referenced = {rel for c in markers if c.batch_id in keep_markers for rel in c.shards.values()}
    removed: list[str] = []
    # Superseded markers go first (their superseding marker exists), so no reader ever sees an orphaned shard.
    for c in markers:
        if c.batch_id in superseded and _unlink(marker_path(root, c.batch_id)):
            removed.append(f"{COMMITS}/{c.batch_id}.json")
    for path in candidates:
        rel = path.relative_to(root).as_posix()
        batch = _batch_of(path)
        if path.parent.name == COMMITS and not path.name.startswith("."):
            continue  # markers handled above
        if rel in referenced or batch in leased or not path.is_file():
            continue
        if not path.name.startswith(".") and marker_path(root, batch).exists() and batch not in superseded:
            continue  # committed after we read the markers
        if _unlink(path):
            removed.append(rel)
    for lease in (root / LEASES).glob("*.json") if (root / LEASES).is_dir() else ():
        if lease.stem not in leased and _unlink(lease):
            removed.append(f"{LEASES}/{lease.name}")
    return removed


def _read_markers_tolerant(root: Path) -> list[Commit]:
    for attempt in range(20):
        try:
            return _read_markers(root)
        except _Vanished:
            time.sleep(0.01 * (attempt + 1))
    return _read_markers(root)


def _unlink(path: Path) -> bool:
    try:
        path.unlink()
    except FileNotFoundError:
        return False
    return True
