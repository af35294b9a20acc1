from __future__ import annotations

import datetime as dt

from spacy.tokens import Doc

from eventwire.model import DateRef


def extract_dates(doc: Doc, published: dt.date | None) -> list[DateRef]:
    return []  # PLACEHOLDER: being implemented (issue 4)
