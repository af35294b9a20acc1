"""Readers: every input format gives RawDocuments with the right text and metadata."""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path

import pytest

from eventwire.errors import DocumentError, EventwireError
from eventwire.ingest.readers import read_inputs
from eventwire.ingest.types import RawDocument

BODY = "Police detained 40 people in Minsk on Sunday.\n\nThe interior ministry said the protest was illegal."
PAGE = (
    "<!DOCTYPE html><html><head><title>Minsk police detain protesters | Example Post</title>"
    '<meta property="og:site_name" content="Example Post">'
    '<meta property="article:published_time" content="2020-08-17T09:00:00+03:00">'
    '<link rel="canonical" href="https://example.org/minsk"></head><body>'
    '<nav><a href="/">Home</a> | <a href="/world">World</a> | <a href="/sport">Sport</a></nav>'
    "<article><h1>Minsk police detain protesters</h1>"
    "<p>Police in Minsk detained at least 40 people on Sunday as thousands of protesters marched through the "
    "centre of the Belarusian capital, a human rights group said.</p>"
    "<p>The interior ministry said the march had not been authorised and accused organisers of provoking "
    "clashes with officers near the Stela monument.</p></article>"
    "<footer><p>Follow us on Twitter</p><p>&copy; 2020 Example Post</p></footer></body></html>"
)


def _read(*paths: str | Path, **kwargs: object) -> list[RawDocument | DocumentError]:
    return list(read_inputs([str(p) for p in paths], **kwargs))  # type: ignore[arg-type]


def _docs(items: list[RawDocument | DocumentError]) -> list[RawDocument]:
    assert all(isinstance(i, RawDocument) for i in items), [str(i) for i in items]
    return [i for i in items if isinstance(i, RawDocument)]


# --- plain text -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "title", "published", "url", "source", "external_id"),
    [
        # front matter with every key; the headline guess is not needed
        (
            "---\ntitle: Minsk protests\npublished: 2020-08-16\nurl: https://example.org/a\n"
            f"source: Example Post\nid: abc-1\n---\n{BODY}\n",
            "Minsk protests",
            "2020-08-16",
            "https://example.org/a",
            "Example Post",
            "abc-1",
        ),
        # quoted values, a comment, an unknown key, a timestamp date and the "date" alias
        (
            "---\n# metadata\ntitle: \"Minsk: 'we stay'\"\ndate: 2020-08-16T22:10:00Z\n"
            "author: A. N. Other\n---\n" + BODY,
            "Minsk: 'we stay'",
            "2020-08-16",
            None,
            None,
            None,
        ),
        # the aliases corpus records accept work in front matter too
        (
            "---\nheadline: Kyiv talks\npublished_at: Aug 17, 2020\nlink: https://example.org/k\n"
            f"publisher: Wire\ndoc_id: 7\n---\n{BODY}",
            "Kyiv talks",
            "2020-08-17",
            "https://example.org/k",
            "Wire",
            "7",
        ),
        # no front matter: short first line without a final period, then a blank line, is the title
        (f"Minsk protests grow\n\n{BODY}", "Minsk protests grow", None, None, None, None),
        # no front matter, first line is a sentence: no title
        (BODY, None, None, None, None, None),
        # a "---" that does not open a key: value block is text, not front matter
        (f"---\nThis is not metadata at all.\n---\n{BODY}", None, None, None, None, None),
    ],
)
def test_ingest_txt(
    tmp_path: Path,
    content: str,
    title: str | None,
    published: str | None,
    url: str | None,
    source: str | None,
    external_id: str | None,
) -> None:
    path = tmp_path / "story.txt"
    path.write_text(content, encoding="utf-8")
    (doc,) = _docs(_read(path))
    assert doc.origin == str(path)
    assert (doc.title, doc.published, doc.url, doc.source, doc.external_id) == (
        title,
        published,
        url,
        source,
        external_id,
    )
    assert BODY.split("\n\n")[0] in (doc.text or "")


@pytest.mark.parametrize(
    ("own_date", "cli_date", "want"),
    [
        ("2020-08-16", "2021-01-01", "2020-08-16"),  # the document's own date wins
        (None, "2021-01-01", "2021-01-01"),  # --published fills in
        (None, None, None),
        ("16 August 2020", None, "2020-08-16"),  # normalised
    ],
)
def test_ingest_published_fills_only_missing_dates(
    tmp_path: Path, own_date: str | None, cli_date: str | None, want: str | None
) -> None:
    head = f"---\npublished: {own_date}\n---\n" if own_date else ""
    path = tmp_path / "a.txt"
    path.write_text(head + BODY, encoding="utf-8")
    (doc,) = _docs(_read(path, published=cli_date))
    assert doc.published == want


def test_ingest_bad_cli_date_stops_the_run(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(BODY, encoding="utf-8")
    with pytest.raises(EventwireError) as info:
        _read(tmp_path / "a.txt", published="16/08/2020")
    assert info.value.code == "E008"


def test_ingest_markdown(tmp_path: Path) -> None:
    path = tmp_path / "story.md"
    path.write_text(
        "---\npublished: 2024-05-22\n---\n# Japan gives Manila patrol boats\n\n"
        "Japan's minister arrived in **Manila** on Tuesday, [officials said](https://example.org).\n\n"
        "## Tensions at sea\n\nChinese ships fired *water cannon* at two boats.\n",
        encoding="utf-8",
    )
    (doc,) = _docs(_read(path))
    assert doc.title == "Japan gives Manila patrol boats"
    assert doc.published == "2024-05-22"
    assert "arrived in Manila on Tuesday, officials said." in (doc.text or "")
    assert "fired water cannon" in (doc.text or "")
    assert "#" not in (doc.text or "") and "*" not in (doc.text or "")


@pytest.mark.parametrize(
    ("data", "want"),
    [
        ("\ufeffCafé owners marched.".encode(), "Café owners marched."),  # UTF-8 with BOM
        ("Café owners marched.".encode("utf-16"), "Café owners marched."),  # UTF-16 with BOM
        ("Café owners marched.".encode("utf-16-be"), "Café owners marched."),  # UTF-16 BE without BOM
        ("Café owners marched.".encode("utf-16-le"), "Café owners marched."),  # UTF-16 LE without BOM
        ("Café owners marched.".encode("utf-32"), "Café owners marched."),  # UTF-32 with BOM
    ],
)
def test_ingest_encodings(tmp_path: Path, data: bytes, want: str) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(data)
    (doc,) = _docs(_read(path))
    assert doc.text == want


# --- HTML -----------------------------------------------------------------------------------------


def test_ingest_html_file(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    (doc,) = _docs(_read(path, published="2021-01-01"))
    assert doc.title == "Minsk police detain protesters"
    assert doc.published == "2020-08-17"  # the page's own date beats --published
    assert doc.url == "https://example.org/minsk"
    assert doc.source == "Example Post"
    assert doc.html is None
    text = doc.text or ""
    assert "detained at least 40 people" in text and "Stela monument" in text
    for chrome in ("Home", "Sport", "Follow us", "©"):
        assert chrome not in text


# --- corpora --------------------------------------------------------------------------------------

RECORDS: list[dict[str, object]] = [
    {
        "id": "r1",
        "title": "Minsk protests",
        "text": BODY,
        "published": "2020-08-16T10:00:00Z",
        "source": "Wire",
    },
    {"id": 2, "headline": "Kyiv talks", "body": "Ministers met in Kyiv on Monday.", "date": "Aug 17, 2020"},
    {"id": "r3", "html": PAGE, "url": "https://example.org/override"},
]


def _check_records(docs: list[RawDocument], origin: str, numbers: list[int]) -> None:
    assert [d.origin for d in docs] == [f"{origin}#{n}" for n in numbers]
    assert [d.external_id for d in docs] == ["r1", "2", "r3"]
    assert [d.title for d in docs] == ["Minsk protests", "Kyiv talks", "Minsk police detain protesters"]
    assert [d.published for d in docs] == ["2020-08-16", "2020-08-17", "2020-08-17"]
    assert docs[0].source == "Wire" and docs[0].text == BODY
    assert docs[1].text == "Ministers met in Kyiv on Monday."
    assert docs[2].url == "https://example.org/override"  # the record's own field wins over the page's
    assert "detained at least 40 people" in (docs[2].text or "") and docs[2].html is None


def test_ingest_jsonl(tmp_path: Path) -> None:
    path = tmp_path / "corpus.jsonl"
    lines = [json.dumps(RECORDS[0]), "", json.dumps(RECORDS[1]), json.dumps(RECORDS[2])]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    _check_records(_docs(_read(path)), str(path), [1, 3, 4])  # record number = line number


@pytest.mark.parametrize("as_list", [True, False])
def test_ingest_json(tmp_path: Path, as_list: bool) -> None:
    path = tmp_path / "corpus.json"
    if as_list:
        path.write_text(json.dumps(RECORDS, indent=2), encoding="utf-8")
        _check_records(_docs(_read(path)), str(path), [1, 2, 3])
    else:
        path.write_text(json.dumps(RECORDS[0]), encoding="utf-8")
        (doc,) = _docs(_read(path))
        assert (doc.origin, doc.title, doc.text) == (f"{path}#1", "Minsk protests", BODY)


def test_ingest_csv(tmp_path: Path) -> None:
    path = tmp_path / "corpus.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(
            handle, fieldnames=["id", "title", "text", "html", "url", "published", "source"]
        )
        writer.writeheader()
        writer.writerow(RECORDS[0])
        writer.writerow({"id": 2, "title": "Kyiv talks", "text": "Ministers met in Kyiv on Monday."} | {})
        writer.writerow({"id": "r3", "html": PAGE, "url": "https://example.org/override"})
    docs = _docs(_read(path, published="2020-08-17"))
    assert [d.origin for d in docs] == [f"{path}#{n}" for n in (1, 2, 3)]
    assert docs[0].text == BODY  # a multi-line quoted field survives
    assert [d.published for d in docs] == ["2020-08-16", "2020-08-17", "2020-08-17"]
    assert docs[2].title == "Minsk police detain protesters"


# --- directories and stdin ------------------------------------------------------------------------


def test_ingest_directory_recursive_sorted_skipping_hidden(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "a").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / "b" / "2.txt").write_text("Second story\n\n" + BODY, encoding="utf-8")
    (tmp_path / "a" / "1.md").write_text("# First story\n\n" + BODY, encoding="utf-8")
    (tmp_path / "a" / "0.jsonl").write_text(json.dumps(RECORDS[1]) + "\n", encoding="utf-8")
    (tmp_path / "z.htm").write_text(PAGE, encoding="utf-8")
    (tmp_path / ".git" / "notes.txt").write_text(BODY, encoding="utf-8")  # hidden folder
    (tmp_path / ".draft.txt").write_text(BODY, encoding="utf-8")  # hidden file
    (tmp_path / "README.md").write_text("# About these files\n\nNot an article.", encoding="utf-8")
    (tmp_path / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")  # an asset: skipped silently
    docs = _docs(_read(tmp_path))
    assert [Path(d.origin).relative_to(tmp_path).as_posix() for d in docs] == [
        "a/0.jsonl#1",
        "a/1.md",
        "b/2.txt",
        "z.htm",
    ]
    assert [d.title for d in docs] == [
        "Kyiv talks",
        "First story",
        "Second story",
        "Minsk police detain protesters",
    ]


@pytest.mark.parametrize(
    ("stdin", "want_titles", "want_origins"),
    [
        (f"Minsk protests grow\n\n{BODY}", ["Minsk protests grow"], ["<stdin>"]),
        (
            "\n" + "\n".join(json.dumps(r) for r in RECORDS[:2]) + "\n",
            ["Minsk protests", "Kyiv talks"],
            ["<stdin>#2", "<stdin>#3"],
        ),
        (PAGE, ["Minsk police detain protesters"], ["<stdin>"]),
        (json.dumps(RECORDS[:2], indent=1), ["Minsk protests", "Kyiv talks"], ["<stdin>#1", "<stdin>#2"]),
    ],
    ids=["text", "jsonl", "html", "json"],
)
def test_ingest_stdin(
    monkeypatch: pytest.MonkeyPatch, stdin: str, want_titles: list[str], want_origins: list[str]
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    docs = _docs(_read("-", published="2020-08-18"))
    assert [d.title for d in docs] == want_titles
    assert [d.origin for d in docs] == want_origins
    assert all(d.published for d in docs)


def test_ingest_stdin_bytes_layer(monkeypatch: pytest.MonkeyPatch) -> None:
    """Real stdin has a byte layer: it is decoded like a file (here UTF-16 with a BOM)."""
    stream = io.TextIOWrapper(
        io.BytesIO(("Minsk protests grow\n\n" + BODY).encode("utf-16")), encoding="latin-1"
    )
    monkeypatch.setattr(sys, "stdin", stream)
    (doc,) = _docs(_read("-"))
    assert doc.title == "Minsk protests grow" and doc.text and "Police detained 40" in doc.text


def test_ingest_many_paths_in_order(tmp_path: Path) -> None:
    first, second = tmp_path / "x.txt", tmp_path / "y.txt"
    first.write_text("One\n\n" + BODY, encoding="utf-8")
    second.write_text("Two\n\n" + BODY, encoding="utf-8")
    docs = _docs(_read(second, first))
    assert [d.title for d in docs] == ["Two", "One"]
