"""Bounded memory: the planner streams its input, and at most 2 x workers batches are ever in flight."""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

import pytest

from eventwire.batch.driver import IngestSummary, _Planner, run_tasks
from eventwire.batch.unit import BatchTask, UnitOutcome
from eventwire.errors import DocumentError
from eventwire.ingest.types import RawDocument


def _endless() -> Iterator[RawDocument | DocumentError]:
    for i in itertools.count():
        if i % 7 == 3:
            yield DocumentError("E007", origin=f"missing-{i}.txt")
        else:
            yield RawDocument(origin=f"stream#{i}", text=f"Police detained {i} people in Lagos on Monday.")


@pytest.mark.parametrize("batch_size", [1, 5, 32])
def test_batch_planner_streams_an_endless_input(batch_size: int) -> None:
    summary = IngestSummary()
    planner = _Planner(set(), set(), batch_size, summary)
    tasks = list(itertools.islice(planner.tasks(_endless()), 3))
    assert [t.batch_no for t in tasks] == [1, 2, 3]
    assert all(len(t.raws) + len(t.failures) == batch_size for t in tasks)
    assert summary.read == 3 * batch_size  # nothing read ahead of the batches handed out


def test_batch_planner_skips_known_and_repeated_documents() -> None:
    from eventwire.ingest.clean import prepare

    raws = [
        RawDocument(origin=f"f{i}", text=t) for i, t in enumerate(["A riot.", "B march.", "A riot.", "C."])
    ]
    known = {prepare(raws[1]).doc_id}
    summary = IngestSummary()
    tasks = list(_Planner(known, {"f3"}, 10, summary).tasks(iter(raws)))
    assert [r.origin for t in tasks for r in t.raws] == ["f0"]
    assert (summary.skipped_existing, summary.duplicates, summary.failed_earlier) == (1, 1, 1)


class _ThreadEngine:
    """A stand-in engine: runs batches on threads and records how many were submitted but not yet folded."""

    def __init__(self, workers: int, summary: IngestSummary) -> None:
        self.workers = workers
        self.summary = summary
        self.submitted = 0
        self.max_outstanding = 0
        self._pool = ThreadPoolExecutor(max_workers=workers)

    def submit(self, fn: Callable[[Any], Any], arg: Any) -> Future[Any]:
        self.submitted += 1
        self.max_outstanding = max(self.max_outstanding, self.submitted - self.summary.batches)
        return self._pool.submit(fn, arg)

    def close(self) -> None:
        self._pool.shutdown()


def _slow_unit(task: BatchTask) -> UnitOutcome:
    time.sleep(0.002)
    return UnitOutcome(task.batch_no, None, len(task.raws), 0, [], 0, 0.002)


@pytest.mark.parametrize("workers", [1, 2, 4])
def test_batch_run_tasks_bounds_batches_in_flight(workers: int) -> None:
    summary = IngestSummary()
    engine = _ThreadEngine(workers, summary)
    produced = 0

    def tasks() -> Iterator[BatchTask]:
        nonlocal produced
        for number in range(1, 61):
            produced += 1
            # The producer is never more than the in-flight limit (+ the one being built) ahead of the results.
            assert produced - summary.batches <= 2 * max(1, workers) + 1
            yield BatchTask(number, raws=[RawDocument(origin=str(number), text="x")])

    try:
        run_tasks(tasks(), engine, summary, None, fn=_slow_unit)
    finally:
        engine.close()
    assert summary.batches == 60 and summary.stored == 60
    assert engine.max_outstanding <= max(2, 2 * workers)
