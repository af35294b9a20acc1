from __future__ import annotations

import datetime as dt

from spacy.tokens import Doc

from eventwire.model import ActorAnalysis, Event


def extract_events(
    doc: Doc, actors: ActorAnalysis, *, published: dt.date | None = None, doc_id: str = ""
) -> list[Event]:
    return []  # PLACEHOLDER: being implemented (issue 3)
