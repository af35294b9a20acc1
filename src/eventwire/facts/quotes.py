from __future__ import annotations

from spacy.tokens import Doc

from eventwire.model import ActorAnalysis, Quote


def extract_quotes(doc: Doc, actors: ActorAnalysis) -> list[Quote]:
    return []  # PLACEHOLDER: being implemented (issue 4)
