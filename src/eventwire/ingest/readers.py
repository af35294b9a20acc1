"""Readers: paths (files, directories) and stdin -> RawDocument, or a DocumentError for that input.

Every problem is reported for the one input it concerns and the iteration goes on, so a batch of ten thousand
files with three bad ones codes the rest and names the three.

Formats (chosen by suffix; stdin and files with an unknown suffix are sniffed):
  .txt .text .md .markdown  plain text. An optional front-matter block may open the file:
                                ---
                                title: Russia offers Belarus support
                                published: 2020-08-16
                                url: https://example.org/story
                                source: Example Post
                                ---
                            (keys and aliases as for corpus records below; other keys are ignored).
                            Without a title, a short first line with no final punctuation, followed by a
                            blank line, is the title. Markdown heading markers ("# ") are dropped.
  .html .htm .xhtml         a web page: trafilatura extracts the main text, title, date, URL and site name.
  .jsonl .ndjson            one JSON record per line, streamed (any length, bounded memory; the size limit
                            applies to each record). Record number = line number.
  .json                     a list of records or one record (read whole: the size limit applies to the file).
  .csv                      a header row, then one record per row, streamed (size limit per record).
Record fields: id, title, text, html, url, published, source (aliases: body/content -> text,
headline -> title, date/published_at/publish_date -> published, link -> url, publisher/sitename -> source,
doc_id -> id). A record needs text or html; with html only, the page is extracted as for an .html file.

Directories are walked recursively in sorted order. Skipped silently: hidden files and folders (".name"),
README/LICENSE/CHANGELOG-style files, and files whose suffix marks them as assets (images, audio, video,
fonts, stylesheets, scripts, configuration). Reported (E005): document-like formats we cannot read (.pdf,
.docx, .xml ...) and unknown suffixes, because the user probably meant them to be read. A directory with
nothing readable: E011.

Encoding: UTF-8 (with or without BOM), UTF-16/UTF-32 with a BOM, and BOM-less UTF-16 recognised by its NUL
pattern. Anything else is E001 naming the first bad byte's offset. Publication dates in any common form are
normalised to YYYY-MM-DD (see ingest/dates.py); ``published`` (the --published option) fills in only where a
document has no date of its own.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import os
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from eventwire.config import DEFAULT_MAX_BYTES
from eventwire.errors import DocumentError, EventwireError
from eventwire.ingest.clean import guess_title, normalise_whitespace
from eventwire.ingest.dates import InvalidDate, normalise_date
from eventwire.ingest.types import RawDocument

Item = RawDocument | DocumentError

TEXT, MARKDOWN, HTML, JSON, JSONL, CSV = "text", "markdown", "html", "json", "jsonl", "csv"
DOCUMENT_SUFFIXES = {
    ".txt": TEXT,
    ".text": TEXT,
    ".md": MARKDOWN,
    ".markdown": MARKDOWN,
    ".html": HTML,
    ".htm": HTML,
    ".xhtml": HTML,
    ".json": JSON,
    ".jsonl": JSONL,
    ".ndjson": JSONL,
    ".csv": CSV,
}


def _suffixes(words: str) -> frozenset[str]:
    return frozenset("." + word for word in words.split())


# Documents in formats we do not read: reported in a directory walk, since the user likely meant them.
UNSUPPORTED_DOCUMENT_SUFFIXES = _suffixes(
    "pdf doc docx odt rtf epub xml rss atom eml msg tsv xls xlsx ods pages gz zip bz2 xz"
)
# Files that are never articles: skipped silently in a directory walk (an explicitly named one is E005).
ASSET_SUFFIXES = _suffixes(
    "png jpg jpeg gif bmp svg webp ico tif tiff heic mp3 wav ogg flac m4a mp4 mov avi mkv webm "
    "woff woff2 ttf otf eot css js mjs map py pyc pyo so dll exe bin o a "
    "yaml yml toml ini cfg conf lock log parquet duckdb db sqlite pkl npy swp bak tmp"
)
# Project files that sit next to articles (examples/articles/README.md) but are not articles.
SKIPPED_STEMS = frozenset(("readme", "license", "licence", "changelog", "contributing", "copying"))

_FIELD_ALIASES = {
    "id": ("id", "doc_id", "_id"),
    "title": ("title", "headline"),
    "text": ("text", "body", "content"),
    "html": ("html", "raw_html"),
    "url": ("url", "link"),
    "published": ("published", "date", "published_at", "publish_date", "pubdate"),
    "source": ("source", "publisher", "sitename"),
}
# Front matter takes the same keys (and aliases) as corpus records; "id" becomes the external id.
_FRONT_MATTER_KEYS = {
    alias: ("external_id" if field == "id" else field)
    for field, aliases in _FIELD_ALIASES.items()
    if field not in ("text", "html")
    for alias in aliases
}
_KEY_VALUE = re.compile(r"^([A-Za-z_][\w-]*)\s*:\s*(.*)$")
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)(?:\s+#+)?\s*$")
_MD_RULE = re.compile(r"^\s{0,3}(?:={3,}|-{3,}|\*{3,}|_{3,})\s*$")
# Inline markup whose markers would otherwise reach the tokenizer: **strong**, __strong__, *em*, _em_, `code`,
# [link text](url) and ![image alt](url) (the visible words are kept, the markers and URLs go).
_MD_INLINE = (
    (re.compile(r"!?\[([^\]\n]*)\]\([^)\n]*\)"), r"\1"),
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),
    (re.compile(r"(?<![\w*])([*_])(?=\S)([^*_\n]+?)(?<=\S)\1(?![\w*])"), r"\2"),
    (re.compile(r"`([^`\n]+)`"), r"\1"),
)
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
# More than this share of control characters and a "text" is really a binary file that happened to decode.
_CONTROL_RATIO = 0.05
_SNIFF_BYTES = 8192


def read_inputs(
    paths: Iterable[str], *, max_bytes: int = DEFAULT_MAX_BYTES, published: str | None = None
) -> Iterator[RawDocument | DocumentError]:
    """Yield one RawDocument per document found (or a DocumentError for a bad one). "-" reads stdin."""
    default = _default_date(published)
    for name in paths:
        if name == "-":
            yield from read_stdin(max_bytes=max_bytes, published=default)
            continue
        path = Path(name)
        if path.is_dir():
            yield from read_directory(path, max_bytes=max_bytes, published=default)
        elif path.is_file():
            yield from read_file(path, max_bytes=max_bytes, published=default)
        elif path.exists():  # a FIFO, socket or device: not something to read a document from
            yield DocumentError("E012", origin=name, detail="not a regular file or directory")
        else:
            yield DocumentError("E007", origin=name)


def _default_date(published: str | None) -> str | None:
    """The --published value, normalised; a malformed one is a problem with the whole run."""
    if published is None:
        return None
    try:
        return normalise_date(published)
    except InvalidDate as exc:
        raise EventwireError("E008", value=published) from exc


# ----------------------------------------------------------------------------------------------------
# Directories and files


def _walk(root: Path) -> list[Path]:
    """Every non-hidden file under ``root``, sorted by path (so a/x.txt, b/y.txt, z.txt)."""
    found: list[Path] = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        found.extend(Path(folder) / name for name in files if not name.startswith("."))
    return sorted(found, key=lambda path: path.relative_to(root).parts)


def _is_skipped(path: Path) -> bool:
    name = path.name.lower()
    return name.split(".", 1)[0] in SKIPPED_STEMS or path.suffix.lower() in ASSET_SUFFIXES


def read_directory(root: Path, *, max_bytes: int, published: str | None) -> Iterator[Item]:
    """Read every document under a directory; see the module docstring for what is skipped or reported."""
    found = False
    for path in _walk(root):
        if _is_skipped(path):
            continue
        found = True
        suffix = path.suffix.lower()
        if suffix in DOCUMENT_SUFFIXES:
            yield from read_file(path, max_bytes=max_bytes, published=published)
        else:  # unknown or unreadable: the user probably meant it to be read, so say why it was not
            yield DocumentError("E005", origin=str(path), suffix=suffix or "(none)")
    if not found:
        yield DocumentError("E011", origin=str(root))


def read_file(path: Path, *, max_bytes: int, published: str | None) -> Iterator[Item]:
    """Read one file by its suffix (an unknown suffix is sniffed; an asset or unsupported format is E005)."""
    origin = str(path)
    suffix = path.suffix.lower()
    kind = DOCUMENT_SUFFIXES.get(suffix)
    if kind is None and (suffix in ASSET_SUFFIXES or suffix in UNSUPPORTED_DOCUMENT_SUFFIXES):
        yield DocumentError("E005", origin=origin, suffix=suffix)
        return
    try:
        if kind in (JSONL, CSV):
            with path.open("rb") as stream:
                reader = _jsonl_records if kind == JSONL else _csv_records
                yield from reader(stream, origin, max_bytes=max_bytes, published=published)
            return
        size = path.stat().st_size
        if size > max_bytes:
            yield DocumentError("E004", origin=origin, size=size, limit=max_bytes)
            return
        data = path.read_bytes()
    except OSError as exc:
        yield DocumentError("E012", origin=origin, detail=exc.strerror or str(exc))
        return
    yield from _read_whole(data, origin, kind, max_bytes=max_bytes, published=published)


def _read_whole(
    data: bytes, origin: str, kind: str | None, *, max_bytes: int, published: str | None
) -> Iterator[Item]:
    """A document read whole into memory: decode it, then read it as ``kind`` (None: sniff the content)."""
    try:
        text = decode_bytes(data, origin)
    except DocumentError as err:
        yield err
        return
    if not text.strip():
        yield DocumentError("E002", origin=origin)
        return
    kind = kind or sniff(text)
    if kind == JSON:
        yield from _json_records(text, origin, max_bytes=max_bytes, published=published)
    elif kind == JSONL:
        stream = io.BytesIO(text.encode("utf-8"))
        yield from _jsonl_records(stream, origin, max_bytes=max_bytes, published=published)
    elif kind == CSV:
        stream = io.BytesIO(text.encode("utf-8"))
        yield from _csv_records(stream, origin, max_bytes=max_bytes, published=published)
    elif kind == HTML:
        yield _html_document(RawDocument(origin=origin, html=text), published)
    else:
        yield _text_document(text, origin, markdown=kind == MARKDOWN, published=published)


def sniff(text: str) -> str:
    """What a document without a telling suffix is: html, jsonl, json or text."""
    from eventwire.ingest.html import looks_like_html

    head = text.lstrip()
    if looks_like_html(head):
        return HTML
    if head.startswith("["):
        return JSON
    if head.startswith("{"):
        first = head.split("\n", 1)[0]
        try:
            return JSONL if isinstance(json.loads(first), dict) else JSON
        except ValueError:
            return JSON  # one pretty-printed object
    return TEXT


# ----------------------------------------------------------------------------------------------------
# Decoding


def decode_bytes(data: bytes, origin: str) -> str:
    """Bytes -> text, or DocumentError E001 (not decodable) / E003 (binary)."""
    encoding = _bom_encoding(data) or _bomless_utf16(data)
    if encoding is None and b"\x00" in data[: _SNIFF_BYTES * 8]:
        raise DocumentError("E003", origin=origin)
    try:
        text = data.decode(encoding or "utf-8")
    except UnicodeDecodeError as exc:
        byte = exc.object[exc.start : exc.start + 1].hex() or "end of data"
        detail = f"invalid {exc.encoding.upper()} byte 0x{byte} at byte offset {exc.start}"
        raise DocumentError("E001", origin=origin, detail=detail) from exc
    text = text.removeprefix("\ufeff")
    if text and len(_CONTROL.findall(text)) > _CONTROL_RATIO * len(text):
        raise DocumentError("E003", origin=origin)
    return text


def _bom_encoding(data: bytes) -> str | None:
    # UTF-32 first: its little-endian BOM starts with the UTF-16 one.
    for bom, encoding in (
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            return encoding
    return None


def _bomless_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM: in mostly-ASCII text every other byte is NUL (binary files rarely show that)."""
    sample = data[:_SNIFF_BYTES]
    if len(sample) < 4 or len(sample) % 2:
        return None
    even, odd = sample[0::2], sample[1::2]
    half = len(sample) // 2
    if odd.count(0) > 0.9 * half and even.count(0) == 0:
        return "utf-16-le"
    if even.count(0) > 0.9 * half and odd.count(0) == 0:
        return "utf-16-be"
    return None


# ----------------------------------------------------------------------------------------------------
# Plain text and HTML documents


def _text_document(text: str, origin: str, *, markdown: bool, published: str | None) -> Item:
    meta, body = split_front_matter(text)
    if markdown:
        body = strip_markdown(body)
    fields: dict[str, str | None] = {
        _FRONT_MATTER_KEYS[k]: v for k, v in meta.items() if k in _FRONT_MATTER_KEYS
    }
    if fields.get("published"):
        try:
            fields["published"] = normalise_date(fields["published"])
        except InvalidDate:
            return DocumentError("E008", origin=origin, value=fields["published"])
    if not body.strip():
        return DocumentError("E002", origin=origin)
    title = fields.get("title") or guess_title(normalise_whitespace(body).split("\n\n"))
    return RawDocument(
        origin=origin,
        text=body,
        title=title,
        url=fields.get("url"),
        published=fields.get("published") or published,
        source=fields.get("source"),
        external_id=fields.get("external_id"),
    )


def split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """A leading block of ``key: value`` lines between ``---`` markers -> (lower-cased keys -> values, body).

    Anything else (no closing marker within 40 lines, a line that is not ``key: value``) is not front matter,
    and the text is returned unchanged: better to code a stray "---" than to swallow a first paragraph.
    """
    lines = text.lstrip("\ufeff").split("\n")
    if not lines or lines[0].strip() != "---":
        return {}, text
    meta: dict[str, str] = {}
    for index, line in enumerate(lines[1:41], start=1):
        stripped = line.strip()
        if stripped in ("---", "..."):
            return meta, "\n".join(lines[index + 1 :])
        if not stripped or stripped.startswith("#"):
            continue
        match = _KEY_VALUE.match(stripped)
        if not match:
            return {}, text
        meta[match[1].lower()] = _unquote(match[2].strip())
    return {}, text


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value


def strip_markdown(text: str) -> str:
    """Markdown -> text: "# Heading" becomes its own paragraph "Heading"; rules go; inline markers go."""
    lines = []
    for line in text.split("\n"):
        if _MD_RULE.match(line):
            lines.append("")
            continue
        heading = _MD_HEADING.match(line)
        lines.extend(["", heading[1], ""] if heading else [line])
    plain = "\n".join(lines)
    for pattern, replacement in _MD_INLINE:
        plain = pattern.sub(replacement, plain)
    return plain


def _html_document(raw: RawDocument, published: str | None) -> Item:
    from eventwire.ingest.html import html_to_raw  # lazy: trafilatura is only imported when HTML is met

    try:
        page = html_to_raw(raw)
    except DocumentError as err:
        return err
    if page.published is None and published is not None:
        page.published = published
    return page


# ----------------------------------------------------------------------------------------------------
# Corpora: JSON, JSON Lines, CSV


def _record_error(origin: str, record: int | str, detail: str) -> DocumentError:
    return DocumentError("E006", origin=f"{origin}#{record}", path=origin, record=record, detail=detail)


def record_to_raw(
    obj: Any, origin: str, record: int | str, *, max_bytes: int, published: str | None
) -> RawDocument | DocumentError:
    """One corpus record (a mapping with the fields in the module docstring) -> RawDocument or E006."""
    if not isinstance(obj, dict):
        return _record_error(
            origin, record, f"expected an object with 'text' or 'html', got {type(obj).__name__}"
        )
    fields: dict[str, str | None] = {}
    for field, aliases in _FIELD_ALIASES.items():
        value = next((obj[a] for a in aliases if obj.get(a) not in (None, "")), None)
        if isinstance(value, int | float) and not isinstance(value, bool) and field == "id":
            value = str(value)
        if value is not None and not isinstance(value, str):
            return _record_error(origin, record, f"'{field}' must be a string, not {type(value).__name__}")
        fields[field] = value
    text, html = fields["text"], fields["html"]
    if not (text and text.strip()) and not (html and html.strip()):
        return _record_error(origin, record, "no 'text' or 'html' (or it is empty)")
    size = len((text or "").encode("utf-8")) + len((html or "").encode("utf-8"))
    if size > max_bytes:
        return _record_error(
            origin, record, f"record is {size:,} bytes, over the limit of {max_bytes:,} bytes"
        )
    if fields["published"]:
        try:
            fields["published"] = normalise_date(fields["published"])
        except InvalidDate:
            return _record_error(origin, record, f"invalid publication date {fields['published']!r}")
    raw = RawDocument(
        origin=f"{origin}#{record}",
        text=text if text and text.strip() else None,
        html=html,
        title=fields["title"],
        url=fields["url"],
        published=fields["published"],
        source=fields["source"],
        external_id=fields["id"],
    )
    if raw.text is None:
        return _html_document(raw, published)
    raw.html = None  # the text is what gets coded; the page is not needed any more
    if raw.published is None:
        raw.published = published
    return raw


def _json_records(text: str, origin: str, *, max_bytes: int, published: str | None) -> Iterator[Item]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        yield _record_error(origin, "-", f"invalid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}")
        return
    records = data if isinstance(data, list) else [data]
    if not records:
        yield DocumentError("E002", origin=origin)
    for number, obj in enumerate(records, start=1):
        yield record_to_raw(obj, origin, number, max_bytes=max_bytes, published=published)


def _bounded_lines(stream: IO[bytes], max_bytes: int) -> Iterator[tuple[int, bytes | int]]:
    """(line number, line bytes) for each line, or (line number, size) for a line over ``max_bytes``.

    A line is never held in memory beyond ``max_bytes``: an over-long one is drained in chunks and measured.
    """
    number = 0
    while True:
        line = stream.readline(max_bytes + 1)
        if not line:
            return
        number += 1
        if len(line) > max_bytes and not line.endswith(b"\n"):
            size = len(line)
            while chunk := stream.readline(1 << 20):
                size += len(chunk)
                if chunk.endswith(b"\n"):
                    break
            yield number, size
            continue
        yield number, line


def _jsonl_records(
    stream: IO[bytes], origin: str, *, max_bytes: int, published: str | None
) -> Iterator[Item]:
    """Stream JSON Lines: one record per non-blank line; a bad line is E006 with its line number."""
    head = stream.read(_SNIFF_BYTES)
    if b"\x00" in head:
        yield DocumentError("E003", origin=origin)
        return
    stream = _prepended(head, stream)
    seen = False
    for number, line in _bounded_lines(stream, max_bytes):
        if isinstance(line, int):
            seen = True
            yield _record_error(
                origin, number, f"record is {line:,} bytes, over the limit of {max_bytes:,} bytes"
            )
            continue
        try:
            decoded = line.decode("utf-8-sig" if number == 1 else "utf-8").strip()
        except UnicodeDecodeError as exc:
            seen = True
            yield _record_error(origin, number, f"invalid UTF-8 byte at offset {exc.start} of the line")
            continue
        if not decoded:
            continue
        seen = True
        try:
            obj = json.loads(decoded)
        except json.JSONDecodeError as exc:
            yield _record_error(origin, number, f"invalid JSON: {exc.msg} at column {exc.colno}")
            continue
        yield record_to_raw(obj, origin, number, max_bytes=max_bytes, published=published)
    if not seen:
        yield DocumentError("E002", origin=origin)


def _csv_records(stream: IO[bytes], origin: str, *, max_bytes: int, published: str | None) -> Iterator[Item]:
    """Stream a CSV corpus: header row, then records; a bad row is E006 with its record number."""
    head = stream.read(_SNIFF_BYTES)
    if b"\x00" in head:
        yield DocumentError("E003", origin=origin)
        return
    problems: dict[int, str] = {}  # physical line number -> what was wrong with it

    def lines() -> Iterator[str]:
        for number, line in _bounded_lines(_prepended(head, stream), max_bytes):
            if isinstance(line, int):
                problems[number] = f"line is {line:,} bytes, over the limit of {max_bytes:,} bytes"
                yield "\n"
                continue
            try:
                yield line.decode("utf-8-sig" if number == 1 else "utf-8")
            except UnicodeDecodeError as exc:
                problems[number] = f"invalid UTF-8 byte at offset {exc.start} of line {number}"
                yield line.decode("utf-8", errors="replace")

    csv.field_size_limit(max(max_bytes, csv.field_size_limit()))
    reader = csv.reader(lines())
    header: list[str] | None = None
    record, last_line = 0, 0
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            record += 1
            last_line = reader.line_num
            yield _record_error(origin, record, f"malformed CSV: {exc}")
            continue
        bad = [problems[n] for n in range(last_line + 1, reader.line_num + 1) if n in problems]
        last_line = reader.line_num
        if header is None:
            if bad:
                yield _record_error(origin, "header", bad[0])
                return
            header = [cell.strip().lower() for cell in row]
            if not {"text", "html", "body", "content"} & set(header):
                yield _record_error(origin, "header", "no 'text' or 'html' column")
                return
            continue
        if not any(cell.strip() for cell in row) and not bad:
            continue
        record += 1
        if bad:
            yield _record_error(origin, record, bad[0])
        elif len(row) > len(header):
            yield _record_error(origin, record, f"{len(row)} fields but the header has {len(header)}")
        else:
            obj = {name: value for name, value in zip(header, row, strict=False) if value != ""}
            yield record_to_raw(obj, origin, record, max_bytes=max_bytes, published=published)
    if header is None:
        yield DocumentError("E002", origin=origin)


def _prepended(head: bytes, rest: IO[bytes]) -> IO[bytes]:
    """A binary stream with some already-read bytes put back in front (for sniffing without seeking)."""
    return io.BufferedReader(_Chain(head, rest))


class _Chain(io.RawIOBase):
    def __init__(self, head: bytes, rest: IO[bytes]) -> None:
        super().__init__()
        self._head, self._rest = head, rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        view = memoryview(buffer)
        if self._head:
            count = min(len(view), len(self._head))
            view[:count] = self._head[:count]
            self._head = self._head[count:]
            return count
        data = self._rest.read(len(view))
        view[: len(data)] = data
        return len(data)


# ----------------------------------------------------------------------------------------------------
# Standard input


def read_stdin(*, max_bytes: int, published: str | None) -> Iterator[Item]:
    """Read stdin: JSON Lines (streamed) when its first line is a JSON object, else one document (sniffed)."""
    stream = _stdin_bytes()
    head = b""
    while True:  # keep leading blank lines; the first real line decides the format
        line = stream.readline(max_bytes + 1)
        head += line
        if not line or line.strip() or len(head) > max_bytes:
            break
    first = line.strip()
    if first.startswith(b"{") and _is_json_object(first):
        yield from _jsonl_records(
            _prepended(head, stream), "<stdin>", max_bytes=max_bytes, published=published
        )
        return
    rest = stream.read(max_bytes + 1 - len(head)) if len(head) <= max_bytes else b""
    data = head + rest
    if len(data) > max_bytes:
        size = len(data) + sum(len(chunk) for chunk in iter(lambda: stream.read(1 << 20), b""))
        yield DocumentError("E004", origin="<stdin>", size=size, limit=max_bytes)
        return
    yield from _read_whole(data, "<stdin>", None, max_bytes=max_bytes, published=published)


def _stdin_bytes() -> IO[bytes]:
    buffer = getattr(sys.stdin, "buffer", None)
    if buffer is not None:
        return buffer
    # A text stream without a byte layer (a test double, an embedding app): encode what it holds.
    return io.BytesIO(sys.stdin.read().encode("utf-8"))


def _is_json_object(line: bytes) -> bool:
    try:
        return isinstance(json.loads(line), dict)
    except ValueError:
        return False
