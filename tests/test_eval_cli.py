"""`eventwire eval` on a small gold set with predictions read from JSON Lines (no model needed)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from eventwire.cli.main import app

TEXT = "Police detained 40 protesters in Minsk on Monday. The president accused Nato of massing troops."
GOLD = """
document: {published: 2021-03-08}
events:
  - id: G1
    words: "Police detained 40 protesters"
    source: {text: Police, code: BLRCOP}
    target: {text: protesters, code: BLROPP}
    codes: ["173"]
  - id: G2
    words: "accused Nato"
    source: {text: The president, code: BLRGOV}
    target: {text: Nato, code: NATO}
    codes: ["112"]
"""


def _event(cameo: str, src: str, tgt: str, start: int, end: int) -> dict[str, object]:
    return {
        "event_id": cameo,
        "cameo": cameo,
        "sentence": {"index": 0, "start": start, "end": end},
        "trigger": {"text": "x", "start": start, "end": start + 1},
        "source": {"code": src},
        "target": {"code": tgt},
    }


@pytest.fixture()
def files(tmp_path: Path) -> tuple[Path, Path]:
    (tmp_path / "toy.txt").write_text(TEXT, encoding="utf-8")
    gold = tmp_path / "toy.gold.yaml"
    gold.write_text(GOLD, encoding="utf-8")
    doc = {
        "doc_id": "d",
        "text": TEXT,
        "events": [_event("173", "BLRCOP", "BLROPP", 0, 49), _event("190", "X", "Y", 50, 96)],
    }
    pred = tmp_path / "pred.jsonl"
    pred.write_text(json.dumps(doc) + "\n", encoding="utf-8")
    return gold, pred


def test_eval_cli_json(files: tuple[Path, Path], tmp_path: Path) -> None:
    gold, pred = files
    result = CliRunner().invoke(
        app, ["eval", str(gold), "--pred", str(pred), "--json", "--baseline", str(tmp_path / "b.json")]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert (
        data["levels"]["root"]["tp"] == 1
        and data["levels"]["root"]["fp"] == 1
        and data["levels"]["root"]["fn"] == 1
    )
    assert data["acceptance"]["required_found"] == 1
    assert data["regressions"] == []


def test_eval_cli_table_and_gate(files: tuple[Path, Path], tmp_path: Path) -> None:
    gold, pred = files
    base = tmp_path / "b.json"
    base.write_text(json.dumps({"toy": {"root_f1": 0.9}}), encoding="utf-8")
    result = CliRunner().invoke(
        app, ["eval", str(gold), "--pred", str(pred), "-v", "--check", "--baseline", str(base)]
    )
    assert result.exit_code == 1  # below the recorded minimum
    assert "country+root" in result.stdout and "G2" in result.stdout
    result = CliRunner().invoke(
        app, ["eval", str(gold), "--pred", str(pred), "--record-baseline", "--baseline", str(base)]
    )
    assert result.exit_code == 0
    assert json.loads(base.read_text())["toy"]["root_f1"] == 0.9  # never lowered


def test_eval_cli_bad_gold(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["eval", str(tmp_path / "missing.yaml")])
    assert result.exit_code == 2
