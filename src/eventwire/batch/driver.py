"""The ingest driver: stream inputs, skip what the store already holds, fan batches out to an engine.

Memory stays bounded whatever the corpus size: inputs are read lazily, at most ``2 x workers`` batches are in
flight, and only document ids (20 characters each) are remembered. Every batch is committed atomically by the
unit that coded it, so a run killed at any point loses at most its uncommitted batches, and a re-run skips
every document already committed (ids are content hashes, computed here before any parsing).
"""

from __future__ import annotations

import os
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path

from eventwire.batch.engine import Engine, make_engine, run_task
from eventwire.batch.unit import BatchTask, UnitOutcome, failure_from_error
from eventwire.config import DEFAULT_MAX_BYTES, default_model
from eventwire.errors import DocumentError, EventwireError
from eventwire.ingest.clean import prepare
from eventwire.ingest.html import materialise
from eventwire.ingest.readers import read_inputs
from eventwire.ingest.types import RawDocument
from eventwire.model import Failure
from eventwire.store import failure_key, open_store

DEFAULT_BATCH_SIZE = 32
#: The planner reports progress every this many inputs read, even when none of them needs coding.
TICK_EVERY = 500
#: How many failures an IngestSummary keeps verbatim (all of them are in the store's failures table).
MAX_FAILURE_SAMPLES = 1000


@dataclass
class IngestSummary:
    """What a run did. ``failed`` counts documents that could not be coded; reasons are grouped by code."""

    read: int = 0
    stored: int = 0
    skipped_existing: int = 0  # already in the store before this run
    duplicates: int = 0  # the same cleaned text seen earlier in this run's input
    failed: int = 0
    failures_by_code: Counter[str] = field(default_factory=Counter)
    failures: list[Failure] = field(default_factory=list)  # the first MAX_FAILURE_SAMPLES, with reasons
    failed_earlier: int = 0  # inputs whose failure an earlier run recorded: not retried
    events: int = 0
    words: int = 0
    sentences: int = 0  # only counted by the benchmark's parse-only runs
    batches: int = 0
    seconds: float = 0.0
    cpu_seconds: float = 0.0  # CPU time spent inside batch units (all workers together)
    unit_seconds: float = 0.0  # wall time spent inside batch units (all workers together)
    total: int | None = None  # documents expected, when it could be estimated up front
    peak_rss_kb: dict[int, int] = field(default_factory=dict)  # worker pid -> peak RSS (KiB)

    @property
    def done(self) -> int:
        """Documents accounted for so far (coded, skipped or failed)."""
        return self.stored + self.skipped_existing + self.duplicates + self.failed + self.failed_earlier

    def record_failure(self, failure: Failure) -> None:
        self.failed += 1
        self.failures_by_code[failure.code] += 1
        if len(self.failures) < MAX_FAILURE_SAMPLES:
            self.failures.append(failure)


ProgressCallback = Callable[[IngestSummary], None]


class _Planner:
    """Turns the input stream into batch tasks: de-duplicates, converts read errors, groups into batches.

    Skipped before any parsing: documents whose content id is committed, repeats of a document seen earlier in
    this run, and inputs whose failure an earlier run recorded (the store keys failures by origin) unless
    ``retry_failed``. A read error is recorded again only if its origin is new (the store enforces it too).
    """

    def __init__(
        self,
        known_ids: set[str],
        failed_origins: set[str],
        batch_size: int,
        summary: IngestSummary,
        *,
        retry_failed: bool = False,
    ) -> None:
        self.known_ids = known_ids
        self.failed_origins = set() if retry_failed else failed_origins
        self.batch_size = max(1, batch_size)
        self.summary = summary
        self.seen: set[str] = set()
        self.tick: Callable[[], None] | None = None
        self._batch_no = 0

    def tasks(self, items: Iterable[RawDocument | DocumentError]) -> Iterator[BatchTask]:
        task = self._new_task()
        for item in items:
            self.summary.read += 1
            self._add(item, task)
            if self.tick is not None and self.summary.read % TICK_EVERY == 0:
                self.tick()  # a resumed run can skip thousands of documents between two batches
            if len(task.raws) + len(task.failures) >= self.batch_size:
                yield task
                task = self._new_task()
        if task.raws or task.failures:
            yield task

    def _new_task(self) -> BatchTask:
        self._batch_no += 1
        return BatchTask(batch_no=self._batch_no)

    def _add(self, item: RawDocument | DocumentError, task: BatchTask) -> None:
        if isinstance(item, DocumentError):
            self._add_failure(failure_from_error(item), task)
            return
        if item.origin in self.failed_origins and not item.origin.startswith("<"):
            # "<stdin>"-style origins name no particular input, so they never mark one as failed before.
            self.summary.failed_earlier += 1
            return
        try:
            raw = materialise(item)
            doc_id = prepare(raw).doc_id
        except DocumentError as err:
            self._add_failure(failure_from_error(err), task)
            return
        if doc_id in self.known_ids:
            self.summary.skipped_existing += 1
        elif doc_id in self.seen:
            self.summary.duplicates += 1
        else:
            self.seen.add(doc_id)
            task.raws.append(raw)

    def _add_failure(self, failure: Failure, task: BatchTask) -> None:
        if failure_key(failure) in self.failed_origins:
            self.summary.record_failure(failure)  # still bad, and reported, but already in the failures table
        else:
            task.failures.append(failure)


def useful_workers(workers: int, total: int | None, batch_size: int) -> int:
    """No more workers than there are batches to give them (each one costs a pipeline load and its memory)."""
    if total is None:
        return workers
    return max(1, min(workers, -(-total // max(1, batch_size))))


def check_model(model: str | None) -> None:
    """E009 unless the named spaCy pipeline is installed (as a package or a directory), without loading it."""
    import spacy.util

    name = model or default_model()
    if not (spacy.util.is_package(name) or Path(name).is_dir()):
        raise EventwireError("E009", model=name)


def ingest(
    paths: Iterable[str],
    *,
    store: str | os.PathLike[str],
    workers: int | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    max_bytes: int = DEFAULT_MAX_BYTES,
    published: str | None = None,
    model: str | None = None,
    progress: ProgressCallback | None = None,
    total: int | None = None,
    engine: Engine | None = None,
    retry_failed: bool = False,
) -> IngestSummary:
    """Code every document under ``paths`` into the store at ``store``; returns what was done.

    ``workers`` defaults to the number of cores; 1 runs in this process. ``engine`` lets a caller (the
    benchmark) supply an already-started engine; it must have been created for the same store and model.
    """
    started = time.perf_counter()
    if engine is None:
        check_model(model)  # fail fast, before creating a store or a pool that would only break
    store_path = str(Path(store))
    handle = open_store(Path(store_path), create=True)
    summary = IngestSummary(total=total)
    planner = _Planner(
        handle.known_doc_ids(), handle.known_failure_keys(), batch_size, summary, retry_failed=retry_failed
    )
    if progress is not None:
        planner.tick = lambda: progress(summary)
    items = read_inputs(list(paths), max_bytes=max_bytes, published=published)
    own_engine = engine is None
    if engine is None:
        workers = useful_workers(workers or os.cpu_count() or 1, total, batch_size)
        engine = make_engine(workers, store_path=store_path, model=model)
    try:
        run_tasks(planner.tasks(items), engine, summary, progress)
    finally:
        if own_engine:
            engine.close()
    summary.seconds = time.perf_counter() - started
    if progress is not None:
        progress(summary)
    return summary


def run_tasks(
    tasks: Iterable[BatchTask],
    engine: Engine,
    summary: IngestSummary,
    progress: ProgressCallback | None,
    *,
    fn: Callable[[BatchTask], UnitOutcome] = run_task,
) -> None:
    """Submit tasks with at most 2 x workers in flight (bounded memory), folding outcomes into ``summary``.

    ``fn`` is the per-batch function the engine runs (the benchmark swaps in its parse-only floor).
    """
    limit = max(2, 2 * engine.workers)
    in_flight: set[Future[UnitOutcome]] = set()
    for task in tasks:
        while len(in_flight) >= limit:
            in_flight = _collect(in_flight, summary, progress, block=True)
        in_flight.add(engine.submit(fn, task))
        in_flight = _collect(in_flight, summary, progress, block=False)
    while in_flight:
        in_flight = _collect(in_flight, summary, progress, block=True)


def _collect(
    in_flight: set[Future[UnitOutcome]],
    summary: IngestSummary,
    progress: ProgressCallback | None,
    *,
    block: bool,
) -> set[Future[UnitOutcome]]:
    done, pending = wait(in_flight, timeout=None if block else 0, return_when=FIRST_COMPLETED)
    for future in done:
        try:
            outcome = future.result()  # an exception inside a batch unit re-raises here and stops the run
        except BrokenProcessPool as exc:
            raise EventwireError("E040", detail=str(exc) or type(exc).__name__) from exc
        fold_outcome(summary, outcome)
        if progress is not None:
            progress(summary)
    return set(pending)


def fold_outcome(summary: IngestSummary, outcome: UnitOutcome) -> None:
    summary.batches += 1
    summary.stored += outcome.stored
    summary.events += outcome.events
    summary.words += outcome.words
    summary.sentences += outcome.sentences
    summary.cpu_seconds += outcome.cpu_seconds
    summary.unit_seconds += outcome.seconds
    for failure in outcome.failures:
        summary.record_failure(failure)
    pid = outcome.worker_pid
    summary.peak_rss_kb[pid] = max(summary.peak_rss_kb.get(pid, 0), outcome.peak_rss_kb)
