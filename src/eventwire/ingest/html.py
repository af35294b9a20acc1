"""HTML pages -> RawDocument text and metadata, with trafilatura's offline extractor.

trafilatura finds the main text (dropping navigation, footers, comments and share widgets) and reads the
page metadata (title, publication date, canonical URL, site name) from <meta> tags, JSON-LD and <time>
elements. Nothing is fetched: the page is parsed from the string we already hold.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from eventwire.errors import DocumentError
from eventwire.ingest.dates import InvalidDate, normalise_date
from eventwire.ingest.types import RawDocument

# Only dates the page declares in its markup count: htmldate's "extensive search" guesses from free text and
# URLs, which can pick up a date mentioned in the story rather than the publication date.
_DATE_PARAMS: dict[str, Any] = {"extensive_search": False, "original_date": True}


def looks_like_html(text: str) -> bool:
    """True when a text (stdin, a file with an unknown suffix, a corpus field) is an HTML page."""
    head = text.lstrip()[:1024].lower()
    if head.startswith(("<!doctype html", "<html")):
        return True
    return head.startswith("<") and any(
        tag in head for tag in ("<html", "<head", "<body", "<article", "<div", "<p>")
    )


def extract_page(html: str, url: str | None = None) -> dict[str, str | None]:
    """Main text and metadata of a page: keys text, title, published, url, source (missing ones are None)."""
    from trafilatura import bare_extraction  # lazy: importing trafilatura takes a noticeable moment

    result = bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        include_links=False,
        favor_precision=True,
        date_extraction_params=_DATE_PARAMS,
    )
    found: dict[str, Any] = {}
    if result is not None:
        found = result if isinstance(result, dict) else result.as_dict()
    text = found.get("text") or ""
    # trafilatura puts one block element (paragraph, heading, list item) per line: make each a paragraph.
    text = "\n\n".join(line.strip() for line in text.split("\n") if line.strip())
    return {
        "text": text or None,
        "title": _str(found.get("title")),
        "published": _str(found.get("date")),
        "url": _str(found.get("url")),
        "source": _str(found.get("sitename")),
    }


def _str(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def html_to_raw(raw: RawDocument) -> RawDocument:
    """Turn a RawDocument holding ``html`` into one holding the page's main ``text``.

    Fields the record already has (title, published, url, source) win over what the page says; the page fills
    in the rest. Raises DocumentError E010 when the page has no main text, E008 when its date is malformed.
    """
    page = extract_page(raw.html or "", url=raw.url)
    if not page["text"]:
        raise DocumentError("E010", origin=raw.origin)
    published = raw.published
    if published is None and page["published"]:
        try:
            published = normalise_date(page["published"])
        except InvalidDate as exc:
            raise DocumentError("E008", origin=raw.origin, value=page["published"]) from exc
    return dataclasses.replace(
        raw,
        text=page["text"],
        html=None,
        title=raw.title or page["title"],
        published=published,
        url=raw.url or page["url"],
        source=raw.source or page["source"],
    )


def materialise(raw: RawDocument) -> RawDocument:
    """A record that arrived as HTML only, turned into text (with the page's metadata); any other as it is."""
    if raw.html is not None and raw.text is None:
        return html_to_raw(raw)
    return raw
