from __future__ import annotations

from spacy.tokens import Doc

from eventwire.model import Place


def extract_places(doc: Doc) -> list[Place]:
    return []  # PLACEHOLDER: being implemented (issue 4)
