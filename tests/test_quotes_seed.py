"""Quotes of the seed article against its analyst gold (skipped without ../shared).

The gold lists Eugen's two multi-sentence passages by their first sentence; eventwire emits one quote per
passage between quote marks, so a gold quote is found when a passage starts with it."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import yaml


def _norm(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).replace("\u2019", "'").replace("\u2018", "'")
    return " ".join(text.split())


def test_quotes_seed(seed_document, shared_dir: Path) -> None:
    gold = yaml.safe_load((shared_dir / "seed" / "belarus-2020-08-16.gold.yaml").read_text(encoding="utf-8"))
    quotes = seed_document.quotes
    for quote in quotes:
        assert seed_document.text[quote.start : quote.end] == quote.text
    right = 0
    for g in gold["quotes"]:
        match = next((q for q in quotes if _norm(q.text).startswith(_norm(g["text"]).rstrip("."))), None)
        assert match is not None, g["text"]
        assert match.partial is bool(g.get("partial", False))
        if g.get("via"):
            assert match.via == g["via"]
        speaker = match.speaker
        key = g["speaker"].split()[-1].lower()
        if speaker is not None and any(key in (getattr(speaker, f) or "").lower() for f in ("name", "text")):
            right += 1
    assert right >= 5
    # Scare quotes and chants are not quotations.
    assert not {"solidarity", "if necessary", "Leave! Leave!"} & {q.text for q in quotes}
