"""process_batch: output order follows input order, bad documents become failures with their reasons."""

from __future__ import annotations

import pytest

from eventwire.batch.unit import BatchTask, process_batch, run_unit
from eventwire.errors import DocumentError
from eventwire.ingest.clean import content_id, prepare
from eventwire.ingest.types import RawDocument
from eventwire.model import Document, Failure

TEXTS = [
    "Riot police detained 40 protesters in Minsk on Sunday.",
    "The foreign minister of Kenya met his Ugandan counterpart in Kampala on Tuesday.",
    "Rebels attacked an army post near Goma, killing 12 soldiers.",
    "Teachers marched through Lima to demand higher wages.",
]


def _raw(i: int, text: str, **extra: str) -> RawDocument:
    return RawDocument(origin=f"corpus.jsonl#{i}", text=text, **extra)


@pytest.mark.parametrize(
    ("layout", "expected_codes"),
    [
        ("gggg", []),
        ("egge", ["E007", "E007"]),
        ("g0g", ["E002"]),  # empty after cleaning
        ("gdg", ["E006"]),  # unreadable publication date
        ("e0d", ["E007", "E002", "E006"]),
    ],
)
def test_batch_process_keeps_order_and_captures_failures(layout: str, expected_codes: list[str]) -> None:
    items: list[RawDocument | DocumentError] = []
    good_origins = []
    for i, kind in enumerate(layout):
        if kind == "g":
            items.append(_raw(i, TEXTS[i % len(TEXTS)]))
            good_origins.append(f"corpus.jsonl#{i}")
        elif kind == "e":
            items.append(DocumentError("E007", origin=f"missing-{i}.txt"))
        elif kind == "0":
            items.append(_raw(i, "   \n\n  "))
        elif kind == "d":
            items.append(_raw(i, TEXTS[0] + f" Report {i}.", published="sometime last week"))
    result = process_batch(items)
    assert [d.origin for d in result.documents] == good_origins
    assert [f.code for f in result.failures] == expected_codes
    assert all(isinstance(f, Failure) and f.message and f.origin and f.at for f in result.failures)
    for doc in result.documents:
        assert doc.doc_id == content_id(doc.text)


def test_batch_process_keys_analysis_failure_to_its_document(monkeypatch: pytest.MonkeyPatch) -> None:
    import eventwire.pipeline as pipeline

    real = pipeline.analyse

    def flaky(doc, prepared, *, model=None):  # type: ignore[no-untyped-def]
        if "Goma" in prepared.text:
            raise RuntimeError("coder crashed")
        return real(doc, prepared, model=model)

    monkeypatch.setattr(pipeline, "analyse", flaky)
    raws = [_raw(i, t) for i, t in enumerate(TEXTS)]
    result = process_batch(list(raws))
    assert [d.origin for d in result.documents] == ["corpus.jsonl#0", "corpus.jsonl#1", "corpus.jsonl#3"]
    (failure,) = result.failures
    assert failure.code == "E031"
    assert failure.origin == "corpus.jsonl#2"
    assert failure.doc_id == prepare(raws[2]).doc_id
    assert "coder crashed" in failure.message


class _Sink:
    def __init__(self) -> None:
        self.batches: list[tuple[list[Document], list[Failure]]] = []

    def write_batch(self, documents, failures=(), batch_id=None):  # type: ignore[no-untyped-def]
        self.batches.append((list(documents), list(failures)))
        return f"b{len(self.batches)}"


@pytest.mark.parametrize("commit_allowed", [True, False])
def test_batch_run_unit_commits_once_or_abandons(commit_allowed: bool) -> None:
    sink = _Sink()
    reader_failure = Failure(origin="gone.txt", code="E007", message="gone.txt does not exist.")
    task = BatchTask(batch_no=7, raws=[_raw(0, TEXTS[0]), _raw(1, "")], failures=[reader_failure])
    if not commit_allowed:
        with pytest.raises(RuntimeError, match="abandoned"):
            run_unit(task, sink=sink, before_commit=lambda: False)
        assert sink.batches == []
        return
    outcome = run_unit(task, sink=sink, before_commit=lambda: True)
    assert outcome.batch_no == 7 and outcome.batch_id == "b1" and outcome.stored == 1
    ((docs, failures),) = sink.batches
    assert [d.origin for d in docs] == ["corpus.jsonl#0"]
    assert [f.code for f in failures] == ["E007", "E002"]
    assert outcome.words == len(docs[0].text.split()) and outcome.peak_rss_kb > 0


def test_batch_process_isolates_a_document_that_crashes_the_parser(monkeypatch: pytest.MonkeyPatch) -> None:
    import eventwire.batch.unit as unit

    real = unit.extract_batch

    def crashing(items, **kwargs):  # type: ignore[no-untyped-def]
        items = list(items)
        if any(isinstance(i, RawDocument) and "POISON" in (i.text or "") for i in items):
            raise MemoryError("parser blew up")  # what a pathological document can do inside nlp.pipe
        return real(items, **kwargs)

    monkeypatch.setattr(unit, "extract_batch", crashing)
    raws: list[RawDocument | DocumentError] = [_raw(i, t) for i, t in enumerate(TEXTS)]
    raws.insert(2, _raw(9, "POISON " * 5))
    result = process_batch(raws)
    assert [d.origin for d in result.documents] == [f"corpus.jsonl#{i}" for i in range(4)]
    (failure,) = result.failures
    assert (failure.code, failure.origin) == ("E031", "corpus.jsonl#9")
    assert failure.doc_id == content_id("POISON POISON POISON POISON POISON") and "blew up" in failure.message
