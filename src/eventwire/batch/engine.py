"""Engines run batch units: in this process (workers=1) or on a pool of spawned worker processes.

Each pool worker loads the spaCy pipeline and opens the store once (in its initializer), then codes and
commits whole batches. Workers commit their own batches (the store admits concurrent writers): results never
travel back through the parent, Parquet encoding runs in parallel, and the parent stays free to read and
de-duplicate input. A worker whose parent run has died (SIGKILL included) is killed with it (Linux
parent-death signal) and in any case refuses to commit, so a resumed run is the only writer of the documents
it re-queues.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import sys
import time
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from typing import Any, Protocol, TypeVar

from eventwire.batch.unit import BatchSink, BatchTask, UnitOutcome, process_batch, run_unit
from eventwire.ingest.types import RawDocument
from eventwire.nlp.pipeline import load_nlp

T = TypeVar("T")
R = TypeVar("R")

_PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>


class Engine(Protocol):
    """Runs functions of one argument somewhere and hands back futures."""

    workers: int

    def submit(self, fn: Callable[[T], R], arg: T) -> Future[R]: ...

    def close(self) -> None: ...


class _WorkerState:
    """Per-process state set up once: the store handle, the model name and the parent to watch."""

    sink: BatchSink | None = None
    model: str | None = None
    parent_pid: int | None = None


def _open_sink(store_path: str | None) -> BatchSink | None:
    if store_path is None:
        return None
    from eventwire.store import open_store

    sink: BatchSink = open_store(Path(store_path), create=True)
    return sink


#: Coded once when a worker starts, so every lazily loaded table (gazetteer, lexicons, knowledge base) is
#: loaded before the first real batch rather than inside it.
WARM_UP_TEXT = (
    "Police detained 12 protesters in Paris on Monday, the Interior Ministry said. "
    '"We will not give up," said opposition leader Anna Novak, who was arrested on 3 March 2019.'
)


def init_worker(store_path: str | None, model: str | None, parent_pid: int | None, warm: bool = True) -> None:
    """Pool initializer: die with the parent, load the pipeline and its data, open the store (once each)."""
    _WorkerState.parent_pid = parent_pid
    _WorkerState.model = model
    if parent_pid is not None:
        _die_with_parent(parent_pid)
        # Ctrl-C reaches the whole process group; the parent alone decides (it lets running batches commit
        # and cancels the rest), so a worker never dies half-way with a traceback.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    load_nlp(model)
    if warm:
        process_batch(
            [RawDocument(origin="<warm-up>", text=WARM_UP_TEXT, published="2020-08-16")], model=model
        )
    _WorkerState.sink = _open_sink(store_path)


def _die_with_parent(parent_pid: int) -> None:
    """Ask Linux to SIGKILL this worker when its parent dies; elsewhere the commit guard alone protects."""
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0)
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent_pid:  # the parent died before prctl took effect
        os._exit(1)


def parent_alive() -> bool:
    """True while the process that started this worker is still our parent."""
    return _WorkerState.parent_pid is None or os.getppid() == _WorkerState.parent_pid


def run_task(task: BatchTask) -> UnitOutcome:
    """Pool entry point: run the batch unit with this worker's pipeline and store."""
    return run_unit(task, sink=_WorkerState.sink, model=_WorkerState.model, before_commit=parent_alive)


def worker_ready(_: Any = None) -> int:
    """A near no-op task: once it returns, that worker has finished its initializer (used to warm pools up).

    It lingers a moment so that a round of these spreads over all workers instead of one fast worker taking
    them all.
    """
    time.sleep(0.05)
    return os.getpid()


class InProcessEngine:
    """workers=1: everything runs here, in order, without a pool (simplest to debug and to kill)."""

    workers = 1

    def __init__(self, store_path: str | None, model: str | None, warm: bool = True) -> None:
        init_worker(store_path, model, parent_pid=None, warm=warm)

    def submit(self, fn: Callable[[T], R], arg: T) -> Future[R]:
        future: Future[R] = Future()
        try:
            future.set_result(fn(arg))
        except BaseException as exc:  # noqa: BLE001 - delivered through the future, as a pool would
            future.set_exception(exc)
        return future

    def close(self) -> None:
        return None


class PoolEngine:
    """N spawned worker processes ('spawn': no inherited spaCy/DuckDB state, same behaviour on every OS)."""

    def __init__(self, workers: int, store_path: str | None, model: str | None, warm: bool = True) -> None:
        self.workers = workers
        self._pool = ProcessPoolExecutor(
            max_workers=workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=init_worker,
            initargs=(store_path, model, os.getpid(), warm),
        )

    def submit(self, fn: Callable[[T], R], arg: T) -> Future[R]:
        return self._pool.submit(fn, arg)

    def warm_up(self) -> None:
        """Start every worker and wait until each has loaded its pipeline (benchmarks time steady state)."""
        ready: set[int] = set()
        for _ in range(50):
            ready.update(f.result() for f in [self._pool.submit(worker_ready) for _ in range(self.workers)])
            if len(ready) >= self.workers:
                return

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)


def make_engine(
    workers: int, *, store_path: str | None, model: str | None, warm: bool = True
) -> InProcessEngine | PoolEngine:
    """workers <= 1: in this process; more: a spawned pool. ``warm`` codes a sample text in each worker first."""
    if workers <= 1:
        return InProcessEngine(store_path, model, warm)
    return PoolEngine(workers, store_path, model, warm)
