"""Cleaning: headline removal, page furniture, whitespace and re-flow, idempotency, stable ids."""

from __future__ import annotations

import textwrap

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventwire.errors import DocumentError
from eventwire.ingest.clean import clean_text, content_id, guess_title, normalise_whitespace, prepare
from eventwire.ingest.types import RawDocument

BODY = "Police detained 40 people in Minsk on Sunday.\n\nThe interior ministry said the protest was illegal."


@pytest.mark.parametrize(
    ("text", "title", "want_text", "want_title"),
    [
        # headline twice at the top, no metadata title: guessed, and both copies dropped
        (f"Protests grow in Minsk\n\nProtests grow in Minsk\n\n{BODY}", None, BODY, "Protests grow in Minsk"),
        # headline once, guessed from a short first line without a final period
        (f"Protests grow in Minsk\n\n{BODY}", None, BODY, "Protests grow in Minsk"),
        # metadata title repeated in the body (case and punctuation differ)
        (f"PROTESTS GROW IN MINSK!\n\n{BODY}", "Protests grow in Minsk", BODY, "Protests grow in Minsk"),
        # page title with a site suffix; the body repeats only the headline
        (f"Protests grow in Minsk\n\n{BODY}", "Protests grow in Minsk | Example Post", BODY, None),
        # a first line that is a sentence is body text, not a title
        (BODY, None, BODY, None),
        # a byline is not a headline
        (f"By Anna Petrova\n\n{BODY}", None, f"By Anna Petrova\n\n{BODY}", None),
        # nor is a dateline on its own line
        (f"KYIV, Ukraine (AP) —\n\n{BODY}", None, f"KYIV, Ukraine (AP) —\n\n{BODY}", None),
        # a metadata title that the body does not repeat leaves the body alone
        (BODY, "Minsk protests", BODY, "Minsk protests"),
        # a body that is nothing but its headline stays (it is not silently emptied)
        ("Protests grow in Minsk", "Protests grow in Minsk", "Protests grow in Minsk", None),
    ],
)
def test_clean_headline(text: str, title: str | None, want_text: str, want_title: str | None) -> None:
    got_text, got_title = clean_text(text, title)
    assert got_text == want_text
    assert got_title == (want_title if want_title is not None else title)


@pytest.mark.parametrize(
    "trailer",
    [
        "Source link",
        "Read more",
        "Read more: Belarus opposition leader flees",
        "READ THE FULL STORY",
        "Share this article",
        "Share | Tweet | Email",
        "Facebook Twitter WhatsApp",
        "Follow us on Twitter and Instagram",
        "Sign up for our morning newsletter",
        "Advertisement",
        "© 2024 Example Post. All rights reserved.",
        "Copyright 2023 Example Media",
        "Related stories:",
        "Source link\n\nShare on Facebook\nFollow us on Telegram",
    ],
)
def test_clean_trailers_removed(trailer: str) -> None:
    text, _ = clean_text(f"{BODY}\n\n{trailer}\n")
    assert text == BODY


@pytest.mark.parametrize(
    "last_line",
    [
        # a sentence about copyright, not a copyright line
        "Copyright lawyers said the case would take years.",
        "Sharing power was not on the table, she said.",
        "The follow-up talks are due next week.",
    ],
)
def test_clean_reporting_kept_at_the_end(last_line: str) -> None:
    text, _ = clean_text(f"{BODY}\n\n{last_line}")
    assert text.endswith(last_line)


@pytest.mark.parametrize(
    ("raw", "want"),
    [
        ("Police  detained\t 40\u00a0people.", "Police detained 40 people."),
        ("One.\r\nTwo.\rThree.", "One.\n\nTwo.\n\nThree."),
        ("\ufeffOne.\n\n\n\n\nTwo.\u200b", "One.\n\nTwo."),
        ("   \n  One.  \n \n  Two.  \n\n", "One.\n\nTwo."),
        ("Cafe\u0301 owners protested.", "Café owners protested."),  # NFC
        ("Para one.\u2029Para two.", "Para one.\n\nPara two."),
    ],
)
def test_clean_whitespace(raw: str, want: str) -> None:
    assert normalise_whitespace(raw) == want


def test_clean_reflows_hard_wrapped_text() -> None:
    paragraph = (
        "Russia said it was prepared to provide security support to Alexander Lukashenko, as tens of "
        "thousands of opponents of the Belarusian strongman took to the streets for an eighth day."
    )
    second = "The Kremlin said President Vladimir Putin had spoken to his Belarusian counterpart on Saturday."
    wrapped = "\n".join(textwrap.wrap(paragraph, 70)) + "\n\n" + "\n".join(textwrap.wrap(second, 70))
    assert normalise_whitespace(wrapped) == f"{paragraph}\n\n{second}"


def test_clean_single_newlines_between_long_paragraphs_become_breaks() -> None:
    first = "Police detained 40 people in Minsk on Sunday, the interior ministry said in a statement. " * 2
    second = "Opposition leaders said the arrests would not stop the protests planned for next weekend. " * 2
    assert (
        normalise_whitespace(f"{first.strip()}\n{second.strip()}") == f"{first.strip()}\n\n{second.strip()}"
    )


def test_clean_headline_on_its_own_line_is_not_glued_to_wrapped_body() -> None:
    body = (
        "Police detained dozens of protesters in central Minsk on Sunday as crowds gathered near the Stela "
        "monument, chanting and waving flags, witnesses said."
    )
    text = "Minsk protests grow\n" + "\n".join(textwrap.wrap(body, 60))
    cleaned, title = clean_text(text)
    assert title == "Minsk protests grow"
    assert cleaned == body


def test_clean_seed_article(seed_text: str) -> None:
    text, title = clean_text(seed_text)
    assert title == "Russia says it is ready to provide Belarus with military support"
    assert text.startswith("Russia said it was prepared to provide security support")
    assert "Russia says it is ready" not in text
    assert "Source link" not in text
    assert text.endswith("threatened the stability of Russia as well.")
    assert "\n\n\n" not in text and "  " not in text


def test_clean_prepare_gives_content_hash_and_keeps_metadata() -> None:
    raw = RawDocument(
        origin="a.txt",
        text=f"Protests grow in Minsk\n\n{BODY}\n\nSource link",
        url="https://example.org/x",
        published="2020-08-16",
        source="Example Post",
        external_id="42",
    )
    prepared = prepare(raw)
    assert prepared.text == BODY
    assert prepared.doc_id == content_id(BODY)
    assert len(prepared.doc_id) == 20
    assert (prepared.url, prepared.published, prepared.source, prepared.external_id) == (
        "https://example.org/x",
        "2020-08-16",
        "Example Post",
        "42",
    )
    # the same article from another file, with other furniture, gets the same id
    other = prepare(
        RawDocument(origin="b.html", text=f"{BODY}\nRead more\nShare", title="Protests grow in Minsk")
    )
    assert other.doc_id == prepared.doc_id


@pytest.mark.parametrize("text", ["", "   \n\t ", "Source link\n\nRead more", "\u200b\ufeff"])
def test_clean_nothing_left_is_e002(text: str) -> None:
    with pytest.raises(DocumentError) as info:
        prepare(RawDocument(origin="empty.txt", text=text))
    assert info.value.code == "E002"
    assert info.value.origin == "empty.txt"


def test_clean_two_lines_are_not_taken_for_wrapped_text() -> None:
    # Only one line near the widest one: no evidence of hard wrapping, so the break is kept.
    text = "Minsk protests grow as crowds gather near the Stela monument\nPolice detained 40 people."
    assert normalise_whitespace(text) == text.replace("\n", "\n\n")


def test_clean_guess_title_needs_a_body() -> None:
    assert guess_title(["Only a headline"]) is None
    assert guess_title(["A headline", "Body."]) == "A headline"
    assert guess_title(["x" * 250, "Body."]) is None


_words = st.sampled_from(
    ["Police", "detained", "40", "people", "in", "Minsk.", "Source", "link", "Read", "more", "Share",
     "said", "“Leave!”", "—", "Putin", "by", "phone.", "\u00a0", "Café", "e\u0301", "Follow", "us", "on",
     "X", "!", "?", "Advertisement", "Skip to content", "© 2024 Example", "Minsk protests grow"]
)  # fmt: skip
_separators = st.sampled_from([" ", "  ", "\n", "\n\n", "\n\n\n", "\r\n", "\t", " \n "])


@st.composite
def _texts(draw: st.DrawFn) -> str:
    words = draw(st.lists(_words, min_size=0, max_size=60))
    parts: list[str] = []
    for word in words:
        parts.append(word)
        parts.append(draw(_separators))
    return "".join(parts)


@settings(max_examples=300, deadline=None)
@given(text=st.one_of(_texts(), st.text(max_size=300)), title=st.one_of(st.none(), _texts()))
def test_clean_is_idempotent_and_id_stable(text: str, title: str | None) -> None:
    try:
        first = prepare(RawDocument(origin="x", text=text, title=title))
    except DocumentError:
        return
    again = prepare(RawDocument(origin="x", text=first.text, title=first.title))
    assert (again.text, again.title, again.doc_id) == (first.text, first.title, first.doc_id)
    assert first.doc_id == content_id(first.text)
    assert "\n\n\n" not in first.text and first.text == first.text.strip()
