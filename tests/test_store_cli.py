"""The store commands: events, sql, export, compact, upgrade, stats."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from eventwire.cli.main import app
from eventwire.store import open_store
from test_store_support import protest_document

runner = CliRunner()


@pytest.fixture()
def root(tmp_path: Path) -> Path:
    store = open_store(tmp_path / "s", create=True)
    store.write_batch([protest_document(1), protest_document(2)])
    store.write_batch([protest_document(3, published="2021-01-05")])
    return tmp_path / "s"


def _run(*args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.output


@pytest.mark.parametrize(
    ("args", "n"),
    [
        ([], 6),
        (["--cameo", "17"], 3),
        (["--since", "2021-01-01"], 2),
        (["--actor", "IGO"], 3),
        (["--limit", "1"], 1),
    ],
)
def test_store_cli_events_jsonl(root: Path, args: list[str], n: int) -> None:
    lines = _run("events", "--store", str(root), "--format", "jsonl", *args).splitlines()
    assert len(lines) == n
    assert all(json.loads(line)["event_id"] for line in lines)


def test_store_cli_events_csv_and_table(root: Path) -> None:
    rows = list(
        csv.DictReader(io.StringIO(_run("events", "--store", str(root), "-f", "csv", "--cameo", "173")))
    )
    assert len(rows) == 3 and {r["source_code"] for r in rows} == {"BLRCOP"}
    table = _run("events", "--store", str(root), "--cameo", "043")
    assert "3 events" in table and "BLROPP" in table


def test_store_cli_events_csv_header_without_matches(root: Path) -> None:
    out = _run("events", "--store", str(root), "-f", "csv", "--country", "FRA")
    header = out.splitlines()
    assert len(header) == 1 and header[0].startswith("batch_id,doc_id,event_id,")


def test_store_cli_events_env_store(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EVENTWIRE_STORE", str(root))
    assert len(_run("events", "-f", "jsonl").splitlines()) == 6


def test_store_cli_sql(root: Path) -> None:
    out = _run(
        "sql",
        "SELECT cameo, count(*) AS n FROM events GROUP BY 1 ORDER BY 1",
        "--store",
        str(root),
        "-f",
        "csv",
    )
    assert out.splitlines() == ["cameo,n", "043,3", "173,3"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["sql", "DROP VIEW events"], "E022"),
        (["sql", "SELECT nope FROM events"], "nope"),
        (["export", "--format", "xlsx", "--out", "x"], "xlsx"),
        (["events", "--since", "16/08/2020"], "YYYY-MM-DD"),
    ],
)
def test_store_cli_errors(root: Path, args: list[str], message: str) -> None:
    result = runner.invoke(app, [*args, "--store", str(root)])
    assert result.exit_code == 2
    assert message in result.output


def test_store_cli_not_a_store(tmp_path: Path) -> None:
    result = runner.invoke(app, ["stats", "--store", str(tmp_path / "missing")])
    assert result.exit_code == 2 and "E021" in result.output


def test_store_cli_stats_compact_export(root: Path, tmp_path: Path) -> None:
    stats = _run("stats", "--store", str(root))
    assert "2 batches" in stats and "events" in stats
    compacted = _run("compact", "--store", str(root))
    assert "merged" in compacted and "1 batches" in compacted
    out = tmp_path / "gdelt.tsv"
    assert str(out) in _run("export", "--format", "gdelt", "--out", str(out), "--store", str(root))
    assert len(out.read_text().splitlines()) == 6
    assert "current version" in _run("upgrade", "--store", str(root))
