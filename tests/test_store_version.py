"""Opening checks that a directory is a store of this schema version; `upgrade` runs migrations."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pytest
from typer.testing import CliRunner

from eventwire.cli.main import app
from eventwire.errors import EventwireError
from eventwire.store import STORE_VERSION, migrations, open_store, target_version
from test_store_support import protest_document


def _set_version(root: Path, version: int) -> None:
    info = json.loads((root / "store.json").read_text())
    info["schema_version"] = version
    (root / "store.json").write_text(json.dumps(info))


def test_store_version_is_recorded(tmp_path: Path) -> None:
    open_store(tmp_path / "s", create=True)
    info = json.loads((tmp_path / "s" / "store.json").read_text())
    assert info["schema_version"] == STORE_VERSION == target_version() == 1 + len(migrations.MIGRATIONS)
    assert info["format"] == "eventwire-store" and info["created"] and info["eventwire_version"]


@pytest.mark.parametrize(("version", "code"), [(0, "E020"), (STORE_VERSION + 1, "E028")])
def test_store_version_mismatch_is_refused(tmp_path: Path, version: int, code: str) -> None:
    open_store(tmp_path / "s", create=True)
    _set_version(tmp_path / "s", version)
    with pytest.raises(EventwireError) as exc:
        open_store(tmp_path / "s")
    assert exc.value.code == code
    assert str(tmp_path / "s") in exc.value.message


@pytest.mark.parametrize("setup", ["missing", "file", "unrelated_dir", "garbage_json"])
def test_store_version_not_a_store(tmp_path: Path, setup: str) -> None:
    target = tmp_path / "x"
    if setup == "file":
        target.write_text("hello")
    elif setup == "unrelated_dir":
        target.mkdir()
        (target / "notes.txt").write_text("mine")
    elif setup == "garbage_json":
        target.mkdir()
        (target / "store.json").write_text("{not json")
    with pytest.raises(EventwireError) as exc:
        open_store(target, create=setup != "missing")
    assert exc.value.code == "E021"
    if setup == "unrelated_dir":
        assert sorted(p.name for p in target.iterdir()) == ["notes.txt"]  # nothing written into it


def _add_source_label(root: Path) -> None:
    """A synthetic migration 1 -> 2: events gain a computed column."""

    def transform(table: pa.Table) -> pa.Table:
        label = pc.binary_join_element_wise(table["source_code"], table["cameo"], "/")
        return table.append_column("source_cameo", label)

    migrations.rewrite_shards(root, "events", transform)


def test_store_version_upgrade_runs_migrations(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = tmp_path / "s"
    store = open_store(root, create=True)
    store.write_batch([protest_document(1)])
    store.write_batch([protest_document(2)])
    # This eventwire now "writes version 2": the version-1 store is refused until upgraded.
    monkeypatch.setattr(migrations, "MIGRATIONS", [_add_source_label])
    with pytest.raises(EventwireError) as exc:
        open_store(root)
    assert exc.value.code == "E020" and "eventwire upgrade --store" in exc.value.message
    result = CliRunner().invoke(app, ["upgrade", "--store", str(root)])
    assert result.exit_code == 0, result.output
    assert "migrated to version 2" in result.output
    upgraded = open_store(root)
    assert json.loads((root / "store.json").read_text())["schema_version"] == 2
    _, rows = upgraded.query("SELECT source_cameo FROM events WHERE cameo = '173' ORDER BY doc_id")
    assert rows == [("BLRCOP/173",), ("BLRCOP/173",)]
    assert upgraded.upgrade().actions == ["already at the current version"]


def test_store_version_cli_reports_mismatch(tmp_path: Path) -> None:
    open_store(tmp_path / "s", create=True)
    _set_version(tmp_path / "s", 0)
    result = CliRunner().invoke(app, ["events", "--store", str(tmp_path / "s")])
    assert result.exit_code == 2
    assert "E020" in result.output
