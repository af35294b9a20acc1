"""Getting predictions for a gold set: run extraction (one ``nlp.pipe`` batch) or read a JSON Lines output."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from eventwire.errors import DocumentError, EventwireError
from eventwire.evaluation.gold import GoldSet, GoldUnit
from eventwire.evaluation.matching import pred_event
from eventwire.evaluation.scoring import PredUnit
from eventwire.ingest.types import RawDocument
from eventwire.model import Document


def pred_unit(document: Document | dict[str, Any]) -> PredUnit:
    """A PredUnit from a Document or its JSON form."""
    data = document.to_dict() if isinstance(document, Document) else document
    return PredUnit(
        text=str(data.get("text") or ""),
        events=[pred_event(e) for e in data.get("events") or []],
        counts=list(data.get("counts") or []),
        quotes=list(data.get("quotes") or []),
        actors=list(data.get("actors") or []),
    )


def extract_predictions(gold: GoldSet, *, model: str | None = None) -> tuple[dict[str, PredUnit], list[str]]:
    """Run the pipeline over every gold unit (dated with the unit's publication date) in one batch."""
    from eventwire.nlp.pipeline import load_nlp
    from eventwire.pipeline import extract_batch

    raws = [
        RawDocument(origin=u.unit_id, text=u.text, published=u.published, external_id=u.unit_id)
        for u in gold.units
    ]
    predictions: dict[str, PredUnit] = {}
    problems: list[str] = []
    for unit, result in zip(gold.units, extract_batch(raws, nlp=load_nlp(model)), strict=True):
        if isinstance(result, DocumentError):
            problems.append(f"{unit.unit_id}: {result}")
            continue
        predictions[unit.unit_id] = pred_unit(result)
    return predictions, problems


def _read_json_documents(path: Path) -> list[dict[str, Any]]:
    try:
        text = path.read_text(encoding="utf-8")
        stripped = text.lstrip()
        if stripped.startswith("["):
            docs = json.loads(text)
        elif stripped.startswith("{") and "\n{" not in stripped:
            docs = [json.loads(text)]
        else:
            docs = [json.loads(line) for line in text.splitlines() if line.strip()]
    except (OSError, json.JSONDecodeError) as exc:
        raise EventwireError("E034", path=path, detail=str(exc)) from exc
    if not all(isinstance(d, dict) for d in docs):
        raise EventwireError("E034", path=path, detail="expected JSON objects (eventwire documents)")
    return [d for d in docs if "events" in d or "text" in d]


def _norm(text: str) -> str:
    return " ".join(text.split()).lower()


def _same_text(unit: GoldUnit, doc_text: str) -> bool:
    """Cleaning may drop boilerplate (a duplicated headline, 'Source link'), so containment counts too."""
    a, b = _norm(unit.text), _norm(doc_text)
    if not a or not b:
        return False
    return a == b or (len(b) >= 40 and b in a) or (len(a) >= 40 and a in b)


def assign_documents(gold: GoldSet, docs: Iterable[dict[str, Any]]) -> dict[str, PredUnit]:
    """Pair predicted documents with gold units: by origin/doc id naming the unit, else by the same text."""
    by_id = {u.unit_id: u for u in gold.units}
    out: dict[str, PredUnit] = {}
    for doc in docs:
        origin = str(doc.get("origin") or "")
        unit = by_id.get(origin) or next((u for u in gold.units if origin.endswith(u.unit_id)), None)
        if unit is None or unit.unit_id in out:
            unit = next(
                (u for u in gold.units if u.unit_id not in out and _same_text(u, str(doc.get("text") or ""))),
                None,
            )
        if unit is not None and unit.unit_id not in out:
            out[unit.unit_id] = pred_unit(doc)
    return out


def load_predictions(gold: GoldSet, path: Path) -> dict[str, PredUnit]:
    if not path.exists():
        raise EventwireError("E007", path=path)
    return assign_documents(gold, _read_json_documents(path))
