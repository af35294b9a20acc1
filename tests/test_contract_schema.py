"""The JSON that `eventwire extract` prints validates against the project's own copy of the contract schema."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from eventwire.model import Document

SCHEMA_PATH = Path(__file__).resolve().parent.parent / "src/eventwire/data/schema/document.schema.json"


@pytest.fixture(scope="module")
def schema() -> dict:
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


def test_contract_schema_is_compatible_with_shared_contract(shared_dir: Path, schema: dict) -> None:
    """Our schema may add fields but must keep every required field and property of the shared contract."""
    contract = json.loads((shared_dir / "contract" / "document.schema.json").read_text(encoding="utf-8"))
    assert set(contract["required"]) <= set(schema["required"])
    assert set(contract["properties"]) <= set(schema["properties"])
    for name, definition in contract["$defs"].items():
        ours = schema["$defs"][name]
        assert set(definition.get("required", [])) <= set(ours.get("required", []))
        assert set(definition.get("properties", {})) <= set(ours.get("properties", {}))


def test_contract_seed_output_validates(seed_document: Document, schema: dict) -> None:
    jsonschema.validate(seed_document.to_dict(), schema)


def _spans(obj: object):  # type: ignore[no-untyped-def]
    """Every dict with text/start/end integers, anywhere in the output."""
    if isinstance(obj, dict):
        if (
            isinstance(obj.get("start"), int)
            and isinstance(obj.get("end"), int)
            and isinstance(obj.get("text"), str)
        ):
            yield obj
        for value in obj.values():
            yield from _spans(value)
    elif isinstance(obj, list):
        for value in obj:
            yield from _spans(value)


def test_contract_seed_offsets_index_cleaned_text(seed_document: Document) -> None:
    data = seed_document.to_dict()
    text = data.pop("text")
    for span in _spans(data):
        assert text[span["start"] : span["end"]] == span["text"], span


def test_contract_seed_boilerplate_removed(seed_document: Document) -> None:
    text = seed_document.text
    assert not text.startswith("Russia says it is ready"), "duplicated headline kept"
    assert "Source link" not in text
    assert seed_document.title == "Russia says it is ready to provide Belarus with military support"
