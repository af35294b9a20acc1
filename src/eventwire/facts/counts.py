from __future__ import annotations

from spacy.tokens import Doc

from eventwire.model import Count, DateRef


def extract_counts(doc: Doc, dates: list[DateRef]) -> list[Count]:
    return []  # PLACEHOLDER: being implemented (issue 4)
