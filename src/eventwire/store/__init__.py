"""The embedded event store: Parquet shards per table, committed atomically per batch, queried with DuckDB.

See ``core.py`` for the API and ``shards.py`` for the on-disk layout and its crash/concurrency guarantees.
"""

from __future__ import annotations

from eventwire.store.core import Store, StoreSummary, WriteResult, failure_key, open_store
from eventwire.store.migrations import target_version
from eventwire.store.schema import STORE_VERSION, TABLES

__all__ = [
    "STORE_VERSION",
    "TABLES",
    "Store",
    "StoreSummary",
    "WriteResult",
    "failure_key",
    "open_store",
    "target_version",
]
