"""`Store.query` / `eventwire sql` run exactly one read-only statement, inside a sandbox."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from eventwire.errors import EventwireError
from eventwire.store import Store, open_store
from test_store_support import protest_document


@pytest.fixture()
def store(tmp_path: Path) -> Store:
    handle = open_store(tmp_path / "s", create=True)
    handle.write_batch([protest_document(1), protest_document(2)])
    return handle


@pytest.mark.parametrize(
    "sql",
    [
        "SELECT count(*) FROM events",
        "  select cameo_root, count(*) from events group by 1  ",
        "WITH e AS (SELECT * FROM events) SELECT count(*) FROM e",
        "FROM documents SELECT doc_id",
        "DESCRIBE events",
        "SHOW TABLES",
        "SUMMARIZE events",
        "EXPLAIN SELECT * FROM events",
        "PRAGMA table_info('events')",
        "SELECT 1; -- a trailing comment",
    ],
)
def test_store_sql_guard_allows_reads(store: Store, sql: str) -> None:
    columns, rows = store.query(sql)
    assert columns and rows is not None


@pytest.mark.parametrize(
    "sql",
    [
        "DROP VIEW events",
        "CREATE TABLE x AS SELECT 1",
        "INSERT INTO events SELECT * FROM events",
        "DELETE FROM events",
        "UPDATE events SET cameo = '01'",
        "SELECT 1; DROP VIEW events",
        "COPY (SELECT * FROM events) TO 'out.csv'",
        "ATTACH 'other.duckdb' AS o",
        "INSTALL httpfs",
        "LOAD httpfs",
        "SET threads = 1",
        "PRAGMA enable_profiling",
        "CALL pragma_version()",
        "EXPORT DATABASE 'dump'",
        "/* sneaky */ DROP VIEW events",
        "",
    ],
)
def test_store_sql_guard_refuses_writes(store: Store, sql: str) -> None:
    with pytest.raises(EventwireError) as exc:
        store.query(sql)
    assert exc.value.code == "E022"
    assert store.query("SELECT count(*) FROM events")[1] == [(4,)]  # nothing changed


@pytest.mark.parametrize(
    "sql",
    [
        "SELECT * FROM read_csv('/etc/hostname')",
        "SELECT * FROM read_text('/etc/passwd')",
        "SELECT * FROM glob('/*')",
    ],
)
def test_store_sql_guard_sandbox_blocks_files_outside_the_store(store: Store, sql: str) -> None:
    with pytest.raises(duckdb.Error):
        store.query(sql)


def test_store_sql_guard_parameters(store: Store) -> None:
    columns, rows = store.query("SELECT count(*) AS n FROM events WHERE cameo = ?", ["043"])
    assert columns == ["n"] and rows == [(2,)]
