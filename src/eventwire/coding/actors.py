from __future__ import annotations

import datetime as dt

from spacy.tokens import Doc

from eventwire.model import ActorAnalysis


def resolve_actors(doc: Doc, *, published: dt.date | None = None) -> ActorAnalysis:
    return ActorAnalysis()  # PLACEHOLDER: being implemented (issue 3)
