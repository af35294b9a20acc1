"""The engine-neutral batch unit: a list of raw documents in, coded documents and failures out.

Everything that turns input into stored rows for one batch lives here, so the in-process driver, the
process pool and a future cluster engine (Spark, Ray, a job queue) all run exactly the same code:
``process_batch`` codes a batch, ``run_unit`` codes it and commits it to a store as one atomic write.
"""

from __future__ import annotations

import datetime as dt
import os
import resource
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from spacy.language import Language

from eventwire.errors import DocumentError
from eventwire.ingest.clean import prepare
from eventwire.ingest.types import RawDocument
from eventwire.model import Document, Failure
from eventwire.nlp.pipeline import load_nlp
from eventwire.pipeline import extract_batch

#: Documents handed to ``nlp.pipe`` at once inside a batch (spaCy's own minibatch size).
PIPE_BATCH_SIZE = 64


@dataclass
class BatchResult:
    """What one batch produced: coded documents (input order) and the documents that failed, with reasons."""

    documents: list[Document] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)

    @property
    def events(self) -> int:
        return sum(len(d.events) for d in self.documents)


@dataclass
class UnitOutcome:
    """A small, picklable report of one committed batch (the rows themselves stay in the store)."""

    batch_no: int
    batch_id: str | None
    stored: int
    events: int
    failures: list[Failure]  # every failure of the batch, with reasons
    words: int
    seconds: float
    peak_rss_kb: int = 0
    worker_pid: int = 0
    #: CPU time this process spent on the batch (hardly affected by other jobs sharing the machine)
    cpu_seconds: float = 0.0
    #: set by the benchmark's parse-only task only (a Document does not carry its sentence count)
    sentences: int = 0


def now_iso() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def failure_from_error(err: DocumentError, *, doc_id: str | None = None) -> Failure:
    """A DocumentError as a storable (and picklable) Failure row."""
    return Failure(origin=err.origin, code=err.code, message=err.message, doc_id=doc_id, at=now_iso())


def _doc_id_of(item: RawDocument | DocumentError) -> str | None:
    """The content id of a raw document, when it can be cleaned (used to key a failure to its document)."""
    if not isinstance(item, RawDocument) or item.text is None:
        return None
    try:
        return prepare(item).doc_id
    except DocumentError:
        return None


def process_batch(
    raws: Sequence[RawDocument | DocumentError],
    *,
    model: str | None = None,
    pipe_batch_size: int = PIPE_BATCH_SIZE,
) -> BatchResult:
    """Code one batch with ``pipeline.extract_batch`` (``nlp.pipe``); bad documents become failures.

    The pipeline is loaded once per process (``load_nlp`` is cached), so calling this per batch is cheap.
    ``extract_batch`` yields exactly one result per input, in input order, which lets a failure be keyed to
    the content id of the document that caused it.
    """
    nlp = load_nlp(model)
    try:
        outputs = list(extract_batch(raws, nlp=nlp, batch_size=pipe_batch_size))
    except Exception:  # noqa: BLE001 - a crash inside nlp.pipe: isolate the culprit, keep the rest
        outputs = [_one(item, nlp) for item in raws]
    result = BatchResult()
    aligned = len(outputs) == len(raws)
    for index, out in enumerate(outputs):
        if isinstance(out, Document):
            result.documents.append(out)
        else:
            doc_id = _doc_id_of(raws[index]) if aligned else None
            result.failures.append(failure_from_error(out, doc_id=doc_id))
    return result


def _one(item: RawDocument | DocumentError, nlp: Language) -> Document | DocumentError:
    """Code one document alone (the fallback when a whole ``nlp.pipe`` batch crashed)."""
    try:
        return next(iter(extract_batch([item], nlp=nlp, batch_size=1)))
    except Exception as exc:  # noqa: BLE001 - recorded as this document's failure
        origin = item.origin
        return DocumentError("E031", origin=origin, doc_id=_doc_id_of(item) or "-", detail=repr(exc))


class BatchSink(Protocol):
    """Where a committed batch goes: the store (``eventwire.store``) or anything with the same method."""

    def write_batch(
        self, documents: Sequence[Document], failures: Sequence[Failure] = (), batch_id: str | None = None
    ) -> str: ...


@dataclass
class BatchTask:
    """One unit of work: raw documents to code, plus failures found while reading them (stored alongside).

    Only picklable values travel here (a DocumentError is not: its constructor takes keyword-only arguments),
    so the reader's errors arrive already turned into ``Failure`` rows.
    """

    batch_no: int
    raws: list[RawDocument] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)


def run_unit(
    task: BatchTask,
    *,
    sink: BatchSink | None,
    model: str | None = None,
    before_commit: Callable[[], bool] | None = None,
) -> UnitOutcome:
    """Code a batch and commit it to ``sink`` in one atomic write (``sink=None`` codes without storing).

    ``before_commit`` is asked right before the write; returning False abandons the batch (a pool worker uses
    it to drop work whose parent run has died, so a resumed run is the only one writing those documents).
    """
    started, cpu_started = time.perf_counter(), time.process_time()
    result = process_batch(task.raws, model=model) if task.raws else BatchResult()
    failures = [*task.failures, *result.failures]
    batch_id: str | None = None
    if sink is not None and (result.documents or failures):
        if before_commit is not None and not before_commit():
            raise RunAbandoned(f"batch {task.batch_no} abandoned before commit")
        # The store skips documents and failures it already holds, a second guard against duplicates.
        batch_id = sink.write_batch(result.documents, failures)
    return UnitOutcome(
        batch_no=task.batch_no,
        batch_id=batch_id,
        stored=len(result.documents),
        events=result.events,
        failures=failures,
        words=sum(len(d.text.split()) for d in result.documents),
        seconds=time.perf_counter() - started,
        peak_rss_kb=peak_rss_kb(),
        worker_pid=os.getpid(),
        cpu_seconds=time.process_time() - cpu_started,
    )


class RunAbandoned(RuntimeError):
    """The run that owned this batch is gone; its result must not be committed."""


def peak_rss_kb() -> int:
    """Peak resident set size of this process so far, in KiB (Linux reports ru_maxrss in KiB)."""
    return int(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
