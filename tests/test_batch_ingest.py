"""The ingest driver and CLI: idempotent re-ingest, failures recorded and listed, duplicates skipped."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from eventwire.batch.corpus import generate
from eventwire.batch.driver import ingest
from eventwire.cli.main import app
from eventwire.store import open_store


def _corpus(folder: Path, n: int, *, seed: int = 3, extra: list[dict[str, str]] | None = None) -> Path:
    path = folder / "corpus.jsonl"
    records = [*generate(n, seed=seed), *(extra or [])]
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def _counts(store: Path) -> dict[str, int]:
    return open_store(store).table_counts()


def _dupes(store: Path, table: str, column: str) -> int:
    con = open_store(store).connect()
    try:
        row = con.execute(f"SELECT count(*) - count(DISTINCT {column}) FROM {table}").fetchone()
    finally:
        con.close()
    assert row is not None
    return int(row[0])


@pytest.mark.parametrize("batch_size", [1, 4, 100])
def test_batch_ingest_twice_adds_nothing(tmp_path: Path, batch_size: int) -> None:
    corpus = _corpus(tmp_path, 9)
    store = tmp_path / "store"
    first = ingest([str(corpus)], store=store, workers=1, batch_size=batch_size)
    counts = _counts(store)
    second = ingest([str(corpus)], store=store, workers=1, batch_size=batch_size)
    assert first.read == second.read == 9
    assert first.stored + first.failed == 9
    assert counts["documents"] == first.stored
    assert second.stored == 0 and second.skipped_existing == first.stored
    assert _counts(store) == counts
    assert first.batches == -(-9 // batch_size)


def test_batch_ingest_records_failures_and_skips_repeats(tmp_path: Path) -> None:
    good = next(generate(1, seed=11))
    extra = [
        {"id": "blank", "text": "  \n "},
        dict(good),
        {"id": "baddate", "text": "Police arrested 3 men.", "published": "31/31/2020"},
    ]
    corpus = _corpus(tmp_path, 3, seed=11, extra=extra)  # record 4 repeats record 1
    store = tmp_path / "store"
    summary = ingest([str(corpus), str(tmp_path / "nope.txt")], store=store, workers=1, batch_size=2)
    assert summary.read == 7
    assert summary.duplicates == 1
    assert summary.stored == 3
    assert summary.failed == 3 and sum(summary.failures_by_code.values()) == 3
    assert "E007" in summary.failures_by_code
    assert _counts(store)["failures"] == 3
    again = ingest([str(corpus), str(tmp_path / "nope.txt")], store=store, workers=1, batch_size=2)
    # The repeat is now simply "already in store", like the record it repeats.
    assert again.stored == 0 and again.skipped_existing == 4 and again.duplicates == 0
    assert again.failed + again.failed_earlier == 3
    assert _counts(store)["failures"] == 3  # recorded once
    assert _dupes(store, "documents", "doc_id") == 0


def test_batch_ingest_pool_matches_in_process(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path, 12, seed=5)
    one, two = tmp_path / "one", tmp_path / "two"
    ingest([str(corpus)], store=one, workers=1, batch_size=3)
    summary = ingest([str(corpus)], store=two, workers=2, batch_size=3)
    assert summary.batches == 4 and len(summary.peak_rss_kb) >= 1
    ids = [open_store(s).known_doc_ids() for s in (one, two)]
    assert ids[0] == ids[1] and len(ids[0]) == summary.stored
    assert _counts(one) == _counts(two)
    assert _dupes(two, "events", "event_id") == 0


def test_batch_cli_ingest_and_failures(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path, 3, seed=8)
    store = tmp_path / "store"
    runner = CliRunner()
    args = ["ingest", str(corpus), str(tmp_path / "missing.txt"), "--store", str(store), "--workers", "1"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    for label in ("documents read", "stored", "already in store", "E007", "events stored", "time"):
        assert label in result.output
    rerun = runner.invoke(app, args)
    assert rerun.exit_code == 0 and "already in store" in rerun.output
    listed = runner.invoke(app, ["failures", "--store", str(store), "--format", "jsonl"])
    assert listed.exit_code == 0
    rows = [json.loads(line) for line in listed.output.splitlines()]
    assert [(r["code"], r["origin"]) for r in rows] == [("E007", str(tmp_path / "missing.txt"))]
    as_csv = runner.invoke(app, ["failures", "--store", str(store), "--format", "csv"])
    assert as_csv.output.splitlines()[0] == "at,code,origin,doc_id,message"
    table = runner.invoke(app, ["failures", "--store", str(store)])
    assert table.exit_code == 0 and "E007" in table.output


@pytest.mark.parametrize(
    "args",
    [
        ["ingest", "x.jsonl", "--workers", "0"],
        ["ingest", "x.jsonl", "--published", "16/08/2020"],
        ["failures", "--store", "{tmp}/not-a-store"],
    ],
)
def test_batch_cli_rejects_bad_runs(tmp_path: Path, args: list[str]) -> None:
    result = CliRunner().invoke(app, [a.replace("{tmp}", str(tmp_path)) for a in args])
    assert result.exit_code != 0


@pytest.mark.parametrize(
    ("workers", "total", "batch_size", "expected"),
    [(2, None, 32, 2), (2, 18, 32, 1), (4, 100, 32, 4), (4, 70, 32, 3), (8, 0, 32, 1)],
)
def test_batch_useful_workers(workers: int, total: int | None, batch_size: int, expected: int) -> None:
    from eventwire.batch.driver import useful_workers

    assert useful_workers(workers, total, batch_size) == expected


def test_batch_failed_documents_are_skipped_then_retried_on_request(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import eventwire.pipeline as pipeline

    corpus = _corpus(tmp_path, 4, seed=21)
    poison = json.loads(corpus.read_text(encoding="utf-8").splitlines()[2])["text"]
    real = pipeline.analyse

    def failing(doc, prepared, *, model=None):  # type: ignore[no-untyped-def]
        if prepared.text == poison:
            raise ValueError("stage bug")
        return real(doc, prepared, model=model)

    monkeypatch.setattr(pipeline, "analyse", failing)
    store = tmp_path / "store"
    first = ingest([str(corpus)], store=store, workers=1)
    assert (first.stored, first.failed, dict(first.failures_by_code)) == (3, 1, {"E031": 1})
    (failure,) = first.failures
    assert failure.origin.endswith("#3") and failure.doc_id and "stage bug" in failure.message
    monkeypatch.setattr(pipeline, "analyse", real)  # the bug is fixed...
    second = ingest([str(corpus)], store=store, workers=1)
    assert (second.stored, second.skipped_existing, second.failed_earlier) == (0, 3, 1)  # ...but not retried
    third = ingest([str(corpus)], store=store, workers=1, retry_failed=True)
    assert (third.stored, third.skipped_existing, third.failed) == (1, 3, 0)
    assert _counts(store)["documents"] == 4 and _counts(store)["failures"] == 1


@pytest.mark.parametrize("streaming", [False, True])
def test_batch_cli_progress_bar(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, streaming: bool) -> None:
    import io

    from rich.console import Console

    import eventwire.cli.ingest_cmd as ingest_cmd

    screen = io.StringIO()
    monkeypatch.setattr(ingest_cmd, "err_console", Console(file=screen, force_terminal=True, width=120))
    if streaming:  # an unknown total: a running count instead of a bar with an ETA
        monkeypatch.setattr(ingest_cmd, "estimate_total", lambda paths: None)
    corpus = _corpus(tmp_path, 2, seed=13)
    args = ["ingest", str(corpus), "--store", str(tmp_path / "store"), "--workers", "1"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    drawn = screen.getvalue()
    assert "docs/s" in drawn
    assert ("2 documents" in drawn) if streaming else ("2/2" in drawn)
