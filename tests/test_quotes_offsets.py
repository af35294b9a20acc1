"""Robustness: any mix of quote marks, apostrophes and paragraphs gives quotes and places whose offsets hold."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eventwire.facts.places import extract_places
from eventwire.facts.quotes import extract_quotes
from eventwire.model import ActorAnalysis

FRAGMENTS = [
    "the minister said",
    "in Minsk",
    "protesters\u2019 demands",
    "We will not leave",
    "according to Reuters",
    "he told reporters in Paris",
    "if they attack",
    "Anna Kowalski",
    "don\u2019t",
    "12,000 people",
    "the Kremlin",
    "on the Nexta Telegram channel",
]
MARKS = ["\u201c", "\u201d", '"', "\u2018", "\u2019", "'", ",", ".", ":", "\n\n", " "]

texts = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.sampled_from(MARKS)), min_size=1, max_size=25).map(
    lambda parts: " ".join(parts).strip() or "empty"
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=texts)
def test_quotes_offsets_hold_for_any_marks(nlp, text: str) -> None:
    doc = nlp(text)
    for quote in extract_quotes(doc, ActorAnalysis()):
        assert text[quote.start : quote.end] == quote.text
        assert quote.text.strip() == quote.text and quote.text
        speaker = quote.speaker
        if speaker is not None and speaker.start is not None:
            assert text[speaker.start : speaker.end] == speaker.text
    for place in extract_places(doc):
        assert place.start is not None and text[place.start : place.end] == place.text
