"""The event store: a directory of Parquet shards per table, committed per batch, queried with DuckDB views.

    >>> store = open_store("eventwire-data", create=True)
    >>> store.write_batch(documents, failures)        # one atomic batch; already-stored doc_ids are skipped
    >>> store.events(country="BLR", cameo="14")       # list of dicts
    >>> cols, rows = store.query("SELECT cameo_root, count(*) FROM events GROUP BY 1")

There is no lock and no server: writers add shards and then a commit marker (see ``shards.py``); every reader
builds fresh views over the committed shards, so readers and writers in any number of processes never block
each other.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import socket
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import duckdb
import pyarrow.parquet as pq

from eventwire.config import default_store
from eventwire.errors import EventwireError
from eventwire.model import Document, Failure
from eventwire.store import migrations, shards
from eventwire.store.flatten import Row, document_rows, failure_row, to_arrow
from eventwire.store.queries import EventFilter, check_read_only
from eventwire.store.schema import TABLES, empty_table

#: Seconds between two automatic cleanups by one writer (``compact`` and ``cleanup`` always clean).
CLEANUP_INTERVAL_S = 300.0


@dataclass
class StoreSummary:
    """What a store holds (``stats``), and what ``compact``/``upgrade`` did (``actions``)."""

    path: Path
    schema_version: int
    batches: int
    shards: dict[str, int]
    rows: dict[str, int]
    bytes: int
    actions: list[str] = field(default_factory=list)


@dataclass
class WriteResult:
    """The outcome of one ``write``: what was stored and what was skipped as already known."""

    batch_id: str
    committed: bool  # False when nothing was new (then no files were written)
    documents: int = 0
    failures: int = 0
    skipped_documents: int = 0
    skipped_failures: int = 0
    rows: dict[str, int] = field(default_factory=dict)


def failure_key(failure: Failure) -> str:
    """How a failure is recognised on a resumed run: by the input it came from (its origin).

    An origin in angle brackets ("<stdin>", "<stdin>#3") names no particular input: every run reads a new
    stream there, so the key adds what the failing document was: its doc_id (a content hash) when it had
    one, else a hash of the error code and message. The same bad input fed again gives the same key (a resumed
    run stays idempotent); different bad inputs on stdin each get recorded."""
    return failure_key_of(failure.origin, failure.doc_id, failure.code, failure.message)


def failure_key_of(origin: str, doc_id: str | None, code: str | None, message: str | None) -> str:
    """``failure_key`` from a failure's stored columns."""
    if not origin.startswith("<"):
        return origin
    if doc_id:
        return f"{origin}|{doc_id}"
    digest = hashlib.sha256(f"{code}\x00{message}".encode()).hexdigest()[:16]
    return f"{origin}|{code}:{digest}"


@cache
def _empty_select(table: str) -> str:
    """A zero-row SELECT with the table's exact column names and DuckDB types."""
    relation = duckdb.connect().from_arrow(empty_table(table))
    columns = ", ".join(
        f"CAST(NULL AS {dtype}) AS {_quote(name)}"
        for name, dtype in zip(relation.columns, relation.dtypes, strict=True)
    )
    return f"SELECT {columns} WHERE false"


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _sql_string(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


class Store:
    """An opened store directory. Cheap to create; holds no lock and no open file."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._doc_ids: dict[str, frozenset[str]] = {}  # per commit (commits are immutable)
        self._failure_keys: dict[str, frozenset[str]] = {}
        # The union of the two caches above over the batch ids it was built from: a new write only adds the
        # commits made since, instead of re-uniting every commit's set at every batch.
        self._known: tuple[frozenset[str], set[str], set[str]] = (frozenset(), set(), set())
        self._last_cleanup: float | None = None

    def __repr__(self) -> str:
        return f"Store({str(self.root)!r})"

    @property
    def path(self) -> Path:
        return self.root

    # --- writing --------------------------------------------------------------------------------------------

    def write_batch(
        self, documents: Sequence[Document], failures: Sequence[Failure] = (), batch_id: str | None = None
    ) -> str:
        """Store one batch atomically and return its id (see ``write`` for the details)."""
        return self.write(documents, failures, batch_id).batch_id

    def write(
        self, documents: Sequence[Document], failures: Sequence[Failure] = (), batch_id: str | None = None
    ) -> WriteResult:
        """Store documents and failures as one batch: either all of it becomes visible or none of it.

        Documents whose doc_id is already committed (or repeated in this batch) are skipped, as are failures
        whose origin is already recorded, so re-running an ingest adds nothing. When nothing is new no
        files are written and ``committed`` is False.
        """
        batch_id = shards.check_batch_id(batch_id) if batch_id else shards.new_batch_id()
        if shards.marker_path(self.root, batch_id).exists():
            raise EventwireError("E029", batch_id=batch_id, path=self.root)
        new_docs, new_failures = self._new_items(documents, failures)
        result = WriteResult(
            batch_id=batch_id,
            committed=False,
            documents=len(new_docs),
            failures=len(new_failures),
            skipped_documents=len(documents) - len(new_docs),
            skipped_failures=len(failures) - len(new_failures),
        )
        if not new_docs and not new_failures:
            return result
        self._maybe_cleanup()
        rows = self._rows(new_docs, new_failures)
        shards.take_lease(self.root, batch_id)
        try:
            written: dict[str, str] = {}
            for table, table_rows in rows.items():
                if table_rows:
                    rel = f"{table}/{batch_id}.parquet"
                    shards.atomic_write_parquet(self.root / rel, to_arrow(table, table_rows, batch_id))
                    written[table] = rel
            result.rows = {t: len(r) for t, r in rows.items() if r}
            commit = shards.Commit(
                batch_id=batch_id,
                shards=written,
                rows=result.rows,
                committed_at=shards.now_iso(),
                extra={"documents": len(new_docs), "failures": len(new_failures)},
            )
            shards.write_commit(self.root, commit)  # the commit point
        finally:
            shards.release_lease(self.root, batch_id)
        result.committed = True
        self._doc_ids[batch_id] = frozenset(d.doc_id for d in new_docs)
        self._failure_keys[batch_id] = frozenset(failure_key(f) for f in new_failures)
        return result

    def _maybe_cleanup(self) -> None:
        """Remove leftovers of writers that died: at this Store's first write, then at most every few minutes
        (a cleanup lists every shard, too much to do at every batch of a long ingest)."""
        now = time.monotonic()
        if self._last_cleanup is None or now - self._last_cleanup > CLEANUP_INTERVAL_S:
            shards.cleanup(self.root, TABLES)
            self._last_cleanup = now

    def _new_items(
        self, documents: Sequence[Document], failures: Sequence[Failure]
    ) -> tuple[list[Document], list[Failure]]:
        known, known_failures = self._known_keys()  # one snapshot of the commits for both
        new_docs: list[Document] = []
        for doc in documents:
            if doc.doc_id not in known:
                known.add(doc.doc_id)
                new_docs.append(doc)
        new_failures: list[Failure] = []
        for failure in failures:
            if failure_key(failure) not in known_failures:
                known_failures.add(failure_key(failure))
                new_failures.append(failure)
        return new_docs, new_failures

    @staticmethod
    def _rows(documents: Sequence[Document], failures: Sequence[Failure]) -> dict[str, list[Row]]:
        stored_at = dt.datetime.now(dt.UTC)
        rows: dict[str, list[Row]] = {name: [] for name in TABLES}
        for doc in documents:
            for table, table_rows in document_rows(doc, stored_at).items():
                rows[table].extend(table_rows)
        rows["failures"] = [failure_row(f) for f in failures]
        return rows

    # --- what is committed ----------------------------------------------------------------------------------

    def commits(self) -> list[shards.Commit]:
        return shards.snapshot(self.root)

    def known_doc_ids(self) -> set[str]:
        """doc_ids of committed documents (read once per commit, then cached: commits never change)."""
        return self._known_keys()[0]

    def known_failure_keys(self) -> set[str]:
        """``failure_key`` of every committed failure, so a resumed run can skip those inputs."""
        return self._known_keys()[1]

    def _known_keys(self) -> tuple[set[str], set[str]]:
        """(doc_ids, failure keys) of everything committed, from ONE snapshot; fresh sets the caller may
        extend."""
        for attempt in range(5):
            try:
                commits = self.commits()
                for commit in commits:
                    self._read_keys(commit)
                ids = frozenset(c.batch_id for c in commits)
                built_from, docs, failures = self._known
                if not built_from <= ids:  # a compaction replaced commits: unite the per-commit sets again
                    built_from, docs, failures = frozenset(), set(), set()
                for batch in ids - built_from:
                    docs |= self._doc_ids[batch]
                    failures |= self._failure_keys[batch]
                self._known = (ids, docs, failures)
                return set(docs), set(failures)
            except FileNotFoundError:  # a compaction replaced the shard between snapshot and read
                if attempt == 4:
                    raise
        raise AssertionError("unreachable")

    def _read_keys(self, commit: shards.Commit) -> None:
        """Cache one commit's doc_ids and failure keys (read from its shards once: commits never change)."""
        if commit.batch_id not in self._doc_ids:
            rel = commit.shards.get("documents")
            listed = _read_columns(self.root / rel, ["doc_id"]) if rel else []
            self._doc_ids[commit.batch_id] = frozenset(
                str(r["doc_id"]) for r in listed if r["doc_id"] is not None
            )
        if commit.batch_id not in self._failure_keys:
            rel = commit.shards.get("failures")
            rows = _read_columns(self.root / rel, ["origin", "doc_id", "code", "message"]) if rel else []
            self._failure_keys[commit.batch_id] = frozenset(
                failure_key_of(str(r["origin"]), r["doc_id"], r["code"], r["message"])
                for r in rows
                if r["origin"] is not None
            )

    # --- reading --------------------------------------------------------------------------------------------

    def connect(self, sandbox: bool = False) -> duckdb.DuckDBPyConnection:
        """A NEW in-memory DuckDB connection with one view per table over the shards committed right now
        (plus ``open_failures``: failures whose origin has no stored document since).

        Batches committed later are not seen (open a new connection). With ``sandbox`` the connection can read
        nothing but the store's own files and its settings are locked (what ``query`` uses).
        """
        for attempt in range(10):
            con = duckdb.connect(":memory:")
            try:
                self._create_views(con)
                break
            except duckdb.IOException:
                # DuckDB lists the files when the view is made: a compaction removed some since the snapshot.
                con.close()
                if attempt == 9:
                    raise
                time.sleep(0.01 * (attempt + 1))
        if sandbox:
            root = _sql_string(str(self.root.resolve()) + os.sep)
            con.execute(f"SET allowed_directories = [{root}]")
            con.execute("SET enable_external_access = false")
            con.execute("SET lock_configuration = true")
        return con

    def _create_views(self, con: duckdb.DuckDBPyConnection) -> None:
        commits = self.commits()
        base = self.root.resolve()
        for table in TABLES:
            files = [str(base / c.shards[table]) for c in commits if table in c.shards]
            # Start from the typed empty relation: column order and types never depend on which shards exist.
            sql = _empty_select(table)
            if files:
                listed = ", ".join(_sql_string(f) for f in files)
                sql += f" UNION ALL BY NAME SELECT * FROM read_parquet([{listed}], union_by_name=true)"
            con.execute(f"CREATE VIEW {_quote(table)} AS {sql}")
        # Failures not since resolved: a retried input that was later stored is no longer open.
        con.execute(
            "CREATE VIEW open_failures AS SELECT * FROM failures f"
            " WHERE NOT EXISTS (SELECT 1 FROM documents d WHERE d.origin = f.origin)"
        )

    def query(self, sql: str, params: Sequence[Any] | None = None) -> tuple[list[str], list[tuple[Any, ...]]]:
        """Run one read-only SQL statement over the store's views: (column names, rows). E022 otherwise."""
        for attempt in range(5):
            con = self.connect(sandbox=True)
            try:
                check_read_only(con, sql)
                cursor = con.execute(sql, list(params) if params is not None else None)
                columns = [d[0] for d in cursor.description or []]
                return columns, cursor.fetchall()
            except duckdb.IOException:
                if attempt == 4:  # shards vanished under us (compaction) five times running
                    raise
            finally:
                con.close()
        raise AssertionError("unreachable")

    def events(
        self,
        country: str | None = None,
        actor: str | None = None,
        cameo: str | None = None,
        since: str | dt.date | None = None,
        until: str | dt.date | None = None,
        doc: str | None = None,
        limit: int | None = None,
    ) -> list[dict[str, Any]]:
        """Events matching every filter given, oldest first, each a dict of the events columns plus
        ``event_date`` (the event's date, else its document's), ``published``, ``title``, ``url``,
        ``origin``."""
        columns, rows = self.event_rows(country, actor, cameo, since, until, doc, limit)
        return [dict(zip(columns, row, strict=True)) for row in rows]

    def event_rows(
        self,
        country: str | None = None,
        actor: str | None = None,
        cameo: str | None = None,
        since: str | dt.date | None = None,
        until: str | dt.date | None = None,
        doc: str | None = None,
        limit: int | None = None,
    ) -> tuple[list[str], list[tuple[Any, ...]]]:
        """``events`` as (column names, rows): the columns are known even when no event matches."""
        flt = EventFilter(country, actor, cameo, _as_date(since), _as_date(until), doc, limit)
        sql, params = flt.sql()
        return self.query(sql, params)

    def table_counts(self) -> dict[str, int]:
        """Rows per table, from the commit markers (exact: each records the rows its shards hold)."""
        counts = dict.fromkeys(TABLES, 0)
        for commit in self.commits():
            for table, n in commit.rows.items():
                counts[table] = counts.get(table, 0) + n
        return counts

    def summary(self, actions: Sequence[str] = ()) -> StoreSummary:
        commits = self.commits()
        shard_counts = dict.fromkeys(TABLES, 0)
        size = 0
        for commit in commits:
            for table, rel in commit.shards.items():
                shard_counts[table] = shard_counts.get(table, 0) + 1
                size += _size(self.root / rel)
        return StoreSummary(
            path=self.root,
            schema_version=int(migrations.read_store_file(self.root)["schema_version"]),
            batches=len(commits),
            shards=shard_counts,
            rows=self.table_counts(),
            bytes=size,
            actions=list(actions),
        )

    # --- maintenance (implemented in their own modules) -----------------------------------------------------

    def export(self, fmt: str, out: Path | str) -> list[Path]:
        """Write the store as ``duckdb`` (one database file), ``csv`` (a directory, one file per table) or
        ``gdelt`` (GDELT 2.0 Events TSV); returns the files written."""
        from eventwire.store.export import export

        for attempt in range(3):
            try:
                return export(self, fmt, Path(out))
            except duckdb.IOException:
                if attempt == 2:  # shards vanished under us (a compaction finished) three times running
                    raise
        raise AssertionError("unreachable")

    def compact(self) -> StoreSummary:
        """Merge all committed shards of each table into one (atomically; readers never see a gap or a
        duplicate) and remove leftovers; duplicate doc_ids from racing writers are dropped."""
        from eventwire.store.compact import compact

        return self.summary(compact(self.root))

    def upgrade(self) -> StoreSummary:
        """Migrate the store to the version this eventwire writes (no-op when it is current)."""
        reached = migrations.upgrade(self.root)
        actions = [f"migrated to version {v}" for v in reached] or ["already at the current version"]
        return self.summary(actions)

    def cleanup(self) -> list[str]:
        """Remove leftovers of writers that died (uncommitted shards, temporary files, stale leases)."""
        return shards.cleanup(self.root, TABLES)


def _read_columns(path: Path, columns: list[str]) -> list[dict[str, Any]]:
    return list(pq.read_table(path, columns=columns).to_pylist())


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _as_date(value: str | dt.date | None) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(value)


def open_store(path: str | Path | None = None, create: bool = False, check_version: bool = True) -> Store:
    """Open the store at ``path`` (default: $EVENTWIRE_STORE or ./eventwire-data).

    ``create``: make the directory and store.json when there is no store yet (an existing non-empty directory
    that is not a store is refused, E021, so a typo never scatters shards into an unrelated folder).
    ``check_version``: refuse a store of another schema version (E020 older / E028 newer); ``upgrade`` opens
    with False.
    """
    root = Path(path if path is not None else default_store()).expanduser()
    if not (root / migrations.STORE_FILE).exists():
        if not create:
            raise EventwireError("E021", path=root)
        _create(root)
    if check_version:
        migrations.check_version(root)
    else:
        migrations.read_store_file(root)
    return Store(root)


_CREATING = ".creating"
#: How long to wait for another live creator's store.json before giving up (E021).
CREATE_WAIT_S = 5.0
#: A creation flag older than this is abandoned whatever its content says (writing store.json takes ms).
STALE_CREATING_S = 60.0
#: A flag with no readable owner (its creator died between creating and filling it, or an older eventwire
#: wrote it empty) is abandoned once it is this old.
UNOWNED_CREATING_S = 5.0


def _create(root: Path) -> None:
    """Make a new store at ``root``. Parallel creators race safely: one holds the O_EXCL flag file and writes
    store.json; the others wait for it, or find it already written once they get the flag. A flag left by a
    creator that died (SIGKILL, power loss) is recognised by its owner's pid/host and age, and removed."""
    if root.exists() and not root.is_dir():
        raise EventwireError("E021", path=root)
    root.mkdir(parents=True, exist_ok=True)
    flag = root / _CREATING
    deadline = time.monotonic() + CREATE_WAIT_S
    while True:
        try:
            fd = os.open(flag, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
            break
        except FileExistsError:
            if (root / migrations.STORE_FILE).exists():
                return  # another process created it meanwhile
            if _remove_if_stale(flag):
                continue
            if time.monotonic() > deadline:
                raise EventwireError("E021", path=root) from None
            time.sleep(0.01)
    try:
        owner = {"pid": os.getpid(), "host": socket.gethostname(), "started": time.time()}
        os.write(fd, json.dumps(owner).encode("utf-8"))
    finally:
        os.close(fd)
    try:
        if (root / migrations.STORE_FILE).exists():
            return  # created by a process that held the flag before us
        if any(not p.name.startswith(".") for p in root.iterdir()):
            raise EventwireError("E021", path=root)  # someone's unrelated directory: never write into it
        migrations.write_store_file(root, migrations.target_version())
    finally:
        flag.unlink(missing_ok=True)


def _remove_if_stale(flag: Path) -> bool:
    """Remove a creation flag whose creator is gone; True when the flag is gone (removed or vanished)."""
    try:
        before = flag.stat()
        text = flag.read_text(encoding="utf-8")
    except FileNotFoundError:
        return True
    except OSError:
        return False
    age = time.time() - before.st_mtime
    try:
        owner = json.loads(text)
        alive = age <= STALE_CREATING_S and (
            owner.get("host") != socket.gethostname() or shards.pid_alive(int(owner.get("pid", -1)))
        )
    except (ValueError, TypeError, AttributeError):
        alive = age <= UNOWNED_CREATING_S  # not written yet (the creator is between open and write) or legacy
    if alive:
        return False
    # Only the flag we judged: a creator that replaced it since has a fresh one (another inode) to keep.
    with contextlib.suppress(FileNotFoundError):
        if flag.stat().st_ino == before.st_ino:
            flag.unlink()
    return True
