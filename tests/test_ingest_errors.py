"""Bad inputs: each gives its own specific DocumentError, and the iteration goes on to the next input."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from eventwire.errors import DocumentError
from eventwire.ingest.readers import read_inputs
from eventwire.ingest.types import RawDocument

GOOD = "Minsk protests grow\n\nPolice detained 40 people in Minsk on Sunday, a rights group said."


def _read(*paths: str | Path, max_bytes: int = 10_000) -> list[RawDocument | DocumentError]:
    return list(read_inputs([str(p) for p in paths], max_bytes=max_bytes))


def _summary(items: list[RawDocument | DocumentError], root: Path) -> list[tuple[str, str]]:
    """(relative origin, "ok" or error code) for each item, in order."""
    out = []
    for item in items:
        origin = item.origin.replace(str(root) + "/", "")
        out.append((origin, item.code if isinstance(item, DocumentError) else "ok"))
    return out


def test_ingest_errors_directory_mix(tmp_path: Path) -> None:
    """One good, one binary, one empty, one huge, one badly encoded file: 1 document and 4 specific errors."""
    (tmp_path / "a-good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "b-binary.txt").write_bytes(b"GIF89a\x00\x01\x02\x03" * 20)
    (tmp_path / "c-empty.txt").write_text("  \n\n\t ", encoding="utf-8")
    (tmp_path / "d-huge.txt").write_text("word " * 5_000, encoding="utf-8")
    latin1 = "Protesters gathered in the Café Européen."
    (tmp_path / "e-latin1.txt").write_bytes(latin1.encode("latin-1"))
    items = _read(tmp_path)
    assert _summary(items, tmp_path) == [
        ("a-good.txt", "ok"),
        ("b-binary.txt", "E003"),
        ("c-empty.txt", "E002"),
        ("d-huge.txt", "E004"),
        ("e-latin1.txt", "E001"),
    ]
    errors = {item.origin.rsplit("/", 1)[-1]: item for item in items if isinstance(item, DocumentError)}
    offset = latin1.index("é")  # the first byte that is not UTF-8
    assert f"byte 0xe9 at byte offset {offset}" in errors["e-latin1.txt"].message
    assert "25,000 bytes" in errors["d-huge.txt"].message and "10,000" in errors["d-huge.txt"].message


@pytest.mark.parametrize(
    ("name", "data", "code"),
    [
        ("nul.txt", b"Police detained\x00 people", "E003"),
        ("controls.txt", bytes(range(1, 9)) * 30 + b"some text", "E003"),
        ("bad-utf8.md", b"Valid start \xc3\x28 invalid continuation", "E001"),
        ("truncated.txt", b"Minsk " + "é".encode()[:1], "E001"),
        ("blank.txt", b"", "E002"),
        ("bom-only.txt", b"\xef\xbb\xbf \n", "E002"),
        ("front-matter-only.txt", b"---\ntitle: Nothing here\n---\n\n", "E002"),
        ("bad-date.txt", b"---\npublished: 16/08/2020\n---\nPolice detained 40 people.", "E008"),
        (
            "no-text.html",
            b"<html><head><title>Menu</title></head><body><div class='menu'><ul><li><a href='/'>Home</a></li>"
            b"<li><a href='/w'>World</a></li></ul></div><footer>(c) 2020</footer></body></html>",
            "E010",
        ),
        ("scan.pdf", b"%PDF-1.7 ...", "E005"),
        ("photo.jpg", b"\xff\xd8\xff\xe0", "E005"),
    ],
)
def test_ingest_errors_single_file(tmp_path: Path, name: str, data: bytes, code: str) -> None:
    bad = tmp_path / name
    bad.write_bytes(data)
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    items = _read(bad, good)
    assert _summary(items, tmp_path) == [(name, code), ("good.txt", "ok")]
    error = items[0]
    assert isinstance(error, DocumentError)
    assert error.origin == str(bad) and str(bad) in error.message or code == "E008"


def test_ingest_errors_missing_path_and_special_file(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    items = _read(tmp_path / "nope.txt", "/dev/null", good)
    assert _summary(items, tmp_path) == [("nope.txt", "E007"), ("/dev/null", "E012"), ("good.txt", "ok")]


def test_ingest_errors_directory_suffix_policy(tmp_path: Path) -> None:
    """Assets and README files are skipped silently; unreadable formats and unknown suffixes are reported."""
    (tmp_path / "story.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (tmp_path / "style.css").write_text("body {}", encoding="utf-8")
    (tmp_path / "README.md").write_text("# Notes", encoding="utf-8")
    (tmp_path / "LICENSE").write_text("MIT", encoding="utf-8")
    (tmp_path / "report.docx").write_bytes(b"PK\x03\x04")
    (tmp_path / "notes.weird").write_text(GOOD, encoding="utf-8")
    (tmp_path / "Makefile").write_text("all:", encoding="utf-8")
    assert _summary(_read(tmp_path), tmp_path) == [
        ("Makefile", "E005"),
        ("notes.weird", "E005"),
        ("report.docx", "E005"),
        ("story.txt", "ok"),
    ]


def test_ingest_errors_directory_without_documents(tmp_path: Path) -> None:
    (tmp_path / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (tmp_path / ".hidden.txt").write_text(GOOD, encoding="utf-8")
    assert _summary(_read(tmp_path), tmp_path) == [(str(tmp_path), "E011")]


def test_ingest_errors_unknown_suffix_named_explicitly_is_sniffed(tmp_path: Path) -> None:
    path = tmp_path / "story.article"
    path.write_text(GOOD, encoding="utf-8")
    (doc,) = _read(path)
    assert isinstance(doc, RawDocument) and doc.title == "Minsk protests grow"


def test_ingest_errors_jsonl_records(tmp_path: Path) -> None:
    """Each bad record is E006 with its line number; the good records around them still come out."""
    good = {"id": "g", "text": "Police detained 40 people in Minsk."}
    lines = [
        json.dumps(good).encode(),  # 1 ok
        b'{"id": "broken", "text": "no closing brace"',  # 2 invalid JSON
        b'["a", "list"]',  # 3 not an object
        json.dumps({"id": "x", "title": "No body"}).encode(),  # 4 no text or html
        json.dumps({"id": "d", "text": "Talks in Kyiv.", "published": "yesterday"}).encode(),  # 5 bad date
        json.dumps({"id": "t", "text": 42}).encode(),  # 6 wrong type
        b'{"id": "enc", "text": "Caf\xe9"}',  # 7 not UTF-8
        json.dumps({"id": "big", "text": "word " * 5_000}).encode(),  # 8 over the limit
        b"",  # 9 blank: skipped, not an error
        json.dumps(good).encode(),  # 10 ok
    ]
    path = tmp_path / "corpus.jsonl"
    path.write_bytes(b"\n".join(lines) + b"\n")
    items = _read(path)
    summary = [(item.origin.rsplit("#", 1)[-1], getattr(item, "code", "ok")) for item in items]
    assert summary == [
        ("1", "ok"),
        ("2", "E006"),
        ("3", "E006"),
        ("4", "E006"),
        ("5", "E006"),
        ("6", "E006"),
        ("7", "E006"),
        ("8", "E006"),
        ("10", "ok"),
    ]
    messages = [item.message for item in items if isinstance(item, DocumentError)]
    assert all(f"{path}, record " in m for m in messages)
    assert "invalid JSON" in messages[0] and "got list" in messages[1] and "'yesterday'" in messages[3]
    assert "bytes, over the limit of 10,000 bytes" in messages[6]


def test_ingest_errors_jsonl_is_streamed_past_the_file_limit(tmp_path: Path) -> None:
    """A JSONL corpus bigger than max_bytes is fine: the limit applies to each record."""
    record = json.dumps({"text": "Police detained 40 people in Minsk on Sunday."})
    path = tmp_path / "big.jsonl"
    path.write_text("\n".join([record] * 400), encoding="utf-8")
    assert path.stat().st_size > 10_000
    items = _read(path)
    assert len(items) == 400 and all(isinstance(i, RawDocument) for i in items)


@pytest.mark.parametrize(
    ("content", "want"),
    [
        ('[{"text": "ok one"}, 5, {"text": ""}, {"text": "ok two", "published": "2020-13-45"}]', [
            "ok", "E006", "E006", "E006"]),
        ('{"text": "unterminated', ["E006"]),
        ("[]", ["E002"]),
    ],
)  # fmt: skip
def test_ingest_errors_json(tmp_path: Path, content: str, want: list[str]) -> None:
    path = tmp_path / "corpus.json"
    path.write_text(content, encoding="utf-8")
    assert [getattr(i, "code", "ok") for i in _read(path)] == want


@pytest.mark.parametrize(
    ("content", "want"),
    [
        # a row with too many fields, a row without text, a bad date, then a good one
        (
            'id,text,published\n1,"Police detained 40.",2020-08-16\n2,a,b,c\n3,,\n'
            "4,Talks.,2020-02-30\n5,Talks.,\n",
            ["ok", "E006", "E006", "E006", "ok"],
        ),
        ("id,title,url\n1,No text column,http://x\n", ["E006"]),  # header without text/html
        ("", ["E002"]),
    ],
)
def test_ingest_errors_csv(tmp_path: Path, content: str, want: list[str]) -> None:
    path = tmp_path / "corpus.csv"
    path.write_text(content, encoding="utf-8")
    assert [getattr(i, "code", "ok") for i in _read(path)] == want


def test_ingest_errors_csv_bad_bytes_in_one_row(tmp_path: Path) -> None:
    path = tmp_path / "corpus.csv"
    path.write_bytes(b"id,text\n1,Police detained 40.\n2,Caf\xe9 attacked.\n3,Talks in Kyiv.\n")
    items = _read(path)
    assert [getattr(i, "code", "ok") for i in items] == ["ok", "E006", "ok"]
    assert "invalid UTF-8" in items[1].message  # type: ignore[union-attr]


def test_ingest_errors_stdin_too_big(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("word " * 5_000))
    (error,) = _read("-")
    assert isinstance(error, DocumentError) and error.code == "E004" and "25,000 bytes" in error.message


@pytest.mark.parametrize(("stdin", "code"), [("", "E002"), ("  \n\n", "E002"), ("\x00\x01binary", "E003")])
def test_ingest_errors_stdin(monkeypatch: pytest.MonkeyPatch, stdin: str, code: str) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    (error,) = _read("-")
    assert isinstance(error, DocumentError) and error.code == code and error.origin == "<stdin>"
