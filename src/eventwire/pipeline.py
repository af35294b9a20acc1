"""The extraction pipeline: cleaned text -> spaCy parse -> facts and coding -> Document.

``analyse`` is the one place the stages are wired together; ``extract`` (one text) and ``extract_batch``
(a stream, parsed with ``nlp.pipe``) both go through it, so the CLI, the store and a cluster run the same
code.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from eventwire.coding.actors import resolve_actors
from eventwire.coding.events import extract_events
from eventwire.errors import DocumentError, EventwireError
from eventwire.facts.attach import attach_facts
from eventwire.facts.counts import extract_counts
from eventwire.facts.dates import extract_dates
from eventwire.facts.places import extract_places
from eventwire.facts.quotes import extract_quotes
from eventwire.ingest.clean import prepare
from eventwire.ingest.dates import InvalidDate, normalise_date
from eventwire.ingest.html import materialise
from eventwire.ingest.types import PreparedDocument, RawDocument
from eventwire.model import Document
from eventwire.nlp.pipeline import load_nlp, model_label


def parse_date(value: str | None) -> dt.date | None:
    """Parse a publication date in any form the readers accept (2020-08-16, 16 August 2020, RFC 2822 ...)."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(normalise_date(value))
    except InvalidDate as exc:
        raise EventwireError("E008", value=value) from exc


def analyse(doc: Doc, prepared: PreparedDocument, *, model: str | None = None) -> Document:
    """Run every fact extractor and the event coder over one parsed document."""
    published = parse_date(prepared.published)
    dates = extract_dates(doc, published)
    places = extract_places(doc)
    actors = resolve_actors(doc, published=published)
    quotes = extract_quotes(doc, actors)
    counts = extract_counts(doc, dates)
    events = extract_events(doc, actors, published=published, doc_id=prepared.doc_id, quotes=quotes)
    attach_facts(events, doc=doc, counts=counts, places=places, dates=dates, published=published)
    return Document(
        doc_id=prepared.doc_id,
        text=prepared.text,
        title=prepared.title,
        published=published.isoformat() if published else None,
        url=prepared.url,
        source=prepared.source,
        events=events,
        quotes=quotes,
        counts=counts,
        places=places,
        dates=dates,
        actors=actors.entities,
        origin=prepared.origin,
        model=model,
    )


def extract(
    text: str,
    *,
    published: str | dt.date | None = None,
    title: str | None = None,
    url: str | None = None,
    source: str | None = None,
    model: str | None = None,
) -> Document:
    """Code one news text. ``published`` (YYYY-MM-DD) anchors relative dates such as "on Thursday"."""
    if isinstance(published, dt.date):
        published = published.isoformat()
    raw = RawDocument(origin="<text>", text=text, title=title, url=url, published=published, source=source)
    nlp = load_nlp(model)
    prepared = prepare(raw)
    parse_date(prepared.published)  # a bad date is the caller's error: raise before parsing
    return analyse(nlp(prepared.text), prepared, model=model_label(nlp))


def extract_batch(
    items: Iterable[RawDocument | DocumentError],
    *,
    nlp: Language | None = None,
    batch_size: int = 32,
) -> Iterator[Document | DocumentError]:
    """Code a stream of raw documents in order; a bad document yields its DocumentError, the rest go on."""
    nlp = nlp or load_nlp()
    label = model_label(nlp)
    queue: list[PreparedDocument | DocumentError] = []

    def prepared_stream() -> Iterator[tuple[str, None]]:
        for item in items:
            if isinstance(item, DocumentError):
                queue.append(item)
                continue
            try:
                prepared = _prepare_checked(item)
            except DocumentError as err:
                queue.append(err)
                continue
            queue.append(prepared)
            yield prepared.text, None

    for doc, _ in nlp.pipe(prepared_stream(), as_tuples=True, batch_size=batch_size):
        # Errors queued before this document come out first, so output order follows input order.
        while queue and isinstance(queue[0], DocumentError):
            yield queue.pop(0)  # type: ignore[misc]
        prepared = queue.pop(0)
        assert isinstance(prepared, PreparedDocument)
        try:
            yield analyse(doc, prepared, model=label)
        except Exception as exc:  # noqa: BLE001 - one bad document must not stop a batch
            yield DocumentError("E031", origin=prepared.origin, doc_id=prepared.doc_id, detail=repr(exc))
    yield from (q for q in queue if isinstance(q, DocumentError))


def _prepare_checked(raw: RawDocument) -> PreparedDocument:
    prepared = prepare(materialise(raw))
    try:
        parse_date(prepared.published)
    except EventwireError as exc:
        record = raw.external_id or "-"
        raise DocumentError("E006", origin=raw.origin, record=record, detail=exc.message) from exc
    return prepared
