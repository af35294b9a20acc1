from __future__ import annotations

import datetime as dt

from spacy.tokens import Doc

from eventwire.model import Count, DateRef, Event, Place


def attach_facts(
    events: list[Event],
    *,
    doc: Doc,
    counts: list[Count],
    places: list[Place],
    dates: list[DateRef],
    published: dt.date | None,
) -> None:
    """Attach to each event (in place) its counts, place and date."""
    return None  # PLACEHOLDER: being implemented (issue 4)
