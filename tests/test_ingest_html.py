"""HTML extraction: main text without page chrome, metadata from the page, record fields winning."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.errors import DocumentError
from eventwire.ingest.clean import prepare
from eventwire.ingest.html import html_to_raw, looks_like_html
from eventwire.ingest.types import RawDocument

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "articles" / "08-kenya-aid-offer.html"


def test_ingest_html_example_page() -> None:
    raw = html_to_raw(RawDocument(origin="page", html=EXAMPLE.read_text(encoding="utf-8")))
    assert raw.title == "Germany offers Kenya drought aid as foreign minister visits Nairobi"
    assert raw.published == "2023-03-09"
    assert raw.url == "https://ledger.example.org/2023/03/09/germany-kenya-drought-aid"
    assert raw.source == "East Africa Ledger"
    prepared = prepare(raw)
    assert prepared.text.startswith("Germany's foreign minister arrived in Nairobi on Wednesday")
    assert prepared.text.endswith("security in the Horn of Africa.")
    for chrome in (
        "Subscribe",
        "Related stories",
        "Maize prices",
        "Privacy policy",
        "Follow us",
        "Advertisement",
    ):
        assert chrome not in prepared.text
    assert "\n\n" in prepared.text  # paragraphs kept apart


def test_ingest_html_record_fields_win() -> None:
    html = EXAMPLE.read_text(encoding="utf-8")
    raw = html_to_raw(
        RawDocument(
            origin="r#1", html=html, title="Own title", published="2023-03-10", source="Wire", url="u"
        )
    )
    assert (raw.title, raw.published, raw.source, raw.url) == ("Own title", "2023-03-10", "Wire", "u")
    assert raw.html is None and raw.text


@pytest.mark.parametrize(
    "html",
    [
        "",
        "<html><head><title>x</title></head><body><ul class='menu'><li><a href='/'>Home</a></li>"
        "<li><a href='/a'>About</a></li></ul></body></html>",
    ],
)
def test_ingest_html_without_text_is_e010(html: str) -> None:
    with pytest.raises(DocumentError) as info:
        html_to_raw(RawDocument(origin="empty.html", html=html))
    assert info.value.code == "E010"


def test_ingest_html_unparseable_page_date_is_ignored() -> None:
    html = (
        '<html><head><meta property="article:published_time" content="not a date"></head><body><article>'
        "<p>Police in Minsk detained at least 40 people on Sunday as thousands of protesters marched, a "
        "rights group said in a statement published on its website.</p></article></body></html>"
    )
    raw = html_to_raw(RawDocument(origin="p.html", html=html))
    assert raw.published is None  # htmldate ignores what is not a date: nothing malformed reaches us


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("<!DOCTYPE html><html><body>x</body></html>", True),
        ("  \n<html lang='en'>", True),
        ("<div><p>Police detained 40.</p></div>", True),
        ("Police detained 40 people.", False),
        ("<3 this story", False),
        ('{"text": "x"}', False),
    ],
)
def test_ingest_html_sniffing(text: str, want: bool) -> None:
    assert looks_like_html(text) is want
