"""spaCy pipeline loading and eventwire's own spaCy components."""

from eventwire.nlp.pipeline import load_nlp

__all__ = ["load_nlp"]
