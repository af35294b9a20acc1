"""Store schema versions and the migrations between them.

``MIGRATIONS[i]`` migrates a store from version ``i + 1`` to ``i + 2``; version 1 is the first layout, so the
list is empty until a layout change needs one. A migration gets the store root, rewrites what it must (use
``rewrite_shards`` to transform every committed shard of a table atomically) and must be safe to run again if
it was interrupted: ``upgrade`` records the new version in store.json only after each step completes.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from eventwire import __version__
from eventwire.errors import EventwireError
from eventwire.store import shards

STORE_FILE = "store.json"
STORE_FORMAT = "eventwire-store"

Migration = Callable[[Path], None]

#: MIGRATIONS[i]: version i+1 -> i+2. Append only.
MIGRATIONS: list[Migration] = []


def target_version() -> int:
    """The version this eventwire writes: one past the last migration."""
    return 1 + len(MIGRATIONS)


def read_store_file(root: Path) -> dict[str, Any]:
    """store.json, or E021 when ``root`` is not a store."""
    path = root / STORE_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise EventwireError("E021", path=root) from exc
    if not isinstance(data, dict) or data.get("format") != STORE_FORMAT or "schema_version" not in data:
        raise EventwireError("E021", path=root)
    return data


def write_store_file(root: Path, version: int, created: str | None = None) -> None:
    now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    shards.atomic_write_json(
        root / STORE_FILE,
        {
            "format": STORE_FORMAT,
            "schema_version": version,
            "created": created or now,
            "updated": now,
            "eventwire_version": __version__,
        },
    )


def check_version(root: Path) -> int:
    """The store's version if this eventwire can read it; E020 (older: upgrade) or E028 (newer) otherwise."""
    found = int(read_store_file(root)["schema_version"])
    expected = target_version()
    if found < expected:
        raise EventwireError("E020", path=root, found=found, expected=expected)
    if found > expected:
        raise EventwireError("E028", path=root, found=found, expected=expected)
    return found


def upgrade(root: Path) -> list[int]:
    """Run the migrations from the store's version to ``target_version()``; returns the versions reached."""
    info = read_store_file(root)
    found = int(info["schema_version"])
    expected = target_version()
    if found > expected:
        raise EventwireError("E028", path=root, found=found, expected=expected)
    if found < 1:
        raise EventwireError("E020", path=root, found=found, expected=expected)
    reached = []
    for version in range(found, expected):
        MIGRATIONS[version - 1](root)
        write_store_file(root, version + 1, created=info.get("created"))
        reached.append(version + 1)
    return reached


def rewrite_shards(root: Path, table: str, transform: Callable[[pa.Table], pa.Table]) -> int:
    """Apply ``transform`` to every committed shard of ``table``, replacing each file atomically (same name,
    so commit markers stay valid). Returns the number of shards rewritten."""
    done = 0
    for commit in shards.snapshot(root):
        rel = commit.shards.get(table)
        if rel is None:
            continue
        path = root / rel
        shards.atomic_write_parquet(path, transform(pq.read_table(path)))
        done += 1
    return done
