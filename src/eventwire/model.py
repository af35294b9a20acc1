"""The document model: what eventwire extracts, as plain dataclasses.

Every class maps one-to-one onto a definition in ``data/schema/document.schema.json``; ``to_dict`` gives the
JSON form. Offsets (``start``/``end``) always index the cleaned ``Document.text``, end exclusive, so
``text[start:end]`` is the evidence for the item.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any

SCHEMA_VERSION = "1.0"


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


class _Serialisable:
    def to_dict(self) -> dict[str, Any]:
        out = _plain(self)
        assert isinstance(out, dict)
        return out


@dataclass
class Span(_Serialisable):
    text: str
    start: int
    end: int


@dataclass
class Actor(_Serialisable):
    """An actor as it takes part in one event or quote (CAMEO code = country + sector, or an IGO code)."""

    code: str
    text: str | None = None
    start: int | None = None
    end: int | None = None
    name: str | None = None
    country: str | None = None
    sector: str | None = None
    kind: str | None = None  # person | organization | country | group | None
    entity_id: str | None = None  # the document-level entity this mention belongs to (coreference)


@dataclass
class ActorMention:
    """One mention of an actor in the text, after knowledge-base lookup and coreference.

    Internal (not part of the JSON contract as such): the event coder and quote finder look actors up here.
    ``token_start``/``token_end`` index the spaCy Doc (end exclusive); ``start``/``end`` index the text.
    """

    text: str
    start: int
    end: int
    token_start: int
    token_end: int
    code: str
    entity_id: str
    name: str | None = None
    country: str | None = None
    sector: str | None = None
    kind: str | None = None
    via: str = "kb"  # how it was resolved: kb | title | demonym | sector | coref | pronoun ...

    def as_actor(self) -> Actor:
        return Actor(
            code=self.code,
            text=self.text,
            start=self.start,
            end=self.end,
            name=self.name,
            country=self.country,
            sector=self.sector,
            kind=self.kind,
            entity_id=self.entity_id,
        )


@dataclass
class ActorEntity(_Serialisable):
    """A document-level actor: all mentions that coreference resolved to one participant."""

    entity_id: str
    name: str | None
    code: str
    country: str | None
    sector: str | None
    kind: str | None
    mentions: list[Span] = field(default_factory=list)


@dataclass
class SentenceRef(_Serialisable):
    index: int
    start: int
    end: int


@dataclass
class DateRef(_Serialisable):
    """A date expression (document level, with offsets) or an event's date (offsets optional)."""

    text: str | None
    value: str | None  # ISO date (YYYY-MM-DD), or YYYY-MM / YYYY for coarser precision
    precision: str  # day | week | month | year | unknown
    start: int | None = None
    end: int | None = None
    historical: bool = False  # refers to an earlier episode (before the reporting window)


@dataclass
class Place(_Serialisable):
    name: str
    country: str | None
    precision: str  # site | city | admin1 | country | region | unknown
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    text: str | None = None
    start: int | None = None
    end: int | None = None
    admin1: str | None = None
    hypothetical: bool = False


@dataclass
class Count(_Serialisable):
    kind: str
    text: str
    start: int
    end: int
    value: int | None = None
    low: int | None = None
    high: int | None = None
    qualifier: str | None = None  # exact | at_least | at_most | approximately | range | vague
    historical: bool = False


@dataclass
class Quote(_Serialisable):
    text: str
    start: int
    end: int
    speaker: Actor | None = None
    via: str | None = None
    partial: bool = False


@dataclass
class Modality(_Serialisable):
    negated: bool = False
    intent: bool = False
    hypothetical: bool = False
    reported_by: str | None = None
    historical: bool = False


@dataclass
class Event(_Serialisable):
    event_id: str
    sentence: SentenceRef
    trigger: Span
    source: Actor | None
    target: Actor | None
    cameo: str
    cameo_root: str
    quad_class: int
    goldstein: float
    plover: dict[str, str | None]
    modality: Modality
    acled: dict[str, str] | None = None
    date: DateRef | None = None
    place: Place | None = None
    counts: list[Count] = field(default_factory=list)
    confidence: float = 0.5
    cameo_name: str | None = None


@dataclass
class Document(_Serialisable):
    doc_id: str
    text: str
    title: str | None = None
    published: str | None = None
    url: str | None = None
    source: str | None = None
    language: str | None = "en"
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    counts: list[Count] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    dates: list[DateRef] = field(default_factory=list)
    actors: list[ActorEntity] = field(default_factory=list)
    schema_version: str = SCHEMA_VERSION
    origin: str | None = None  # where the document was read from (path, path#line, stdin)
    model: str | None = None  # the spaCy pipeline that parsed it


@dataclass
class ActorAnalysis:
    """Every actor mention in a document and the entities coreference grouped them into."""

    mentions: list[ActorMention] = field(default_factory=list)
    entities: list[ActorEntity] = field(default_factory=list)

    def mention_at(self, token_i: int) -> ActorMention | None:
        """The mention covering spaCy token ``token_i``, if any (the first one, when mentions overlap)."""
        return self._token_index().get(token_i)

    def _token_index(self) -> dict[int, ActorMention]:
        # Event coding and quote attribution ask for every token of a document, so index tokens once; rebuild
        # when the mention list has grown or been replaced since the index was made.
        key = (id(self.mentions), len(self.mentions))
        cached = self.__dict__.get("_index")
        if cached is None or cached[0] != key:
            index: dict[int, ActorMention] = {}
            for mention in self.mentions:
                for i in range(mention.token_start, mention.token_end):
                    index.setdefault(i, mention)
            cached = (key, index)
            self.__dict__["_index"] = cached
        return cached[1]

    def mentions_in(self, token_start: int, token_end: int) -> list[ActorMention]:
        """Mentions lying wholly inside tokens [token_start, token_end)."""
        return [m for m in self.mentions if m.token_start >= token_start and m.token_end <= token_end]


@dataclass
class Failure(_Serialisable):
    """A document that could not be coded, kept with its reason (stored in the ``failures`` table)."""

    origin: str
    code: str
    message: str
    doc_id: str | None = None
    at: str | None = None  # ISO timestamp when it was recorded
