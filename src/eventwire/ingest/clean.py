"""Cleaning: turn a raw document into the text every offset refers to.

Cleaning happens once, before parsing, so spans found later index the cleaned text directly. It is
deterministic and idempotent: preparing a prepared document again (same text, same title) changes nothing, so
the content-hashed ``doc_id`` is stable across runs, machines and re-ingests.

What it does, in order:
  1. Unicode NFC, one kind of line end, no BOM / zero-width characters, runs of spaces folded, lines stripped.
  2. Page furniture removed from the end ("Source link", "Read more", share buttons, "Follow us on ...",
     copyright lines) and from the very top ("Advertisement", "Skip to content").
  3. Paragraphs: a blank line separates paragraphs. Text hard-wrapped at a fixed width (e-mail, old .txt
     files) is re-flowed; any other single line break is taken as a paragraph break, so the output has blank
     lines only.
  4. The headline: when no title is given, a short first paragraph without final punctuation is the title. The
     title (given or guessed) is removed from the top of the body, however often it is repeated there.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from eventwire.errors import DocumentError
from eventwire.ingest.types import PreparedDocument, RawDocument

# Trailing lines that are page furniture, not reporting. Matched against whole lines, case-insensitively.
_TRAILER = re.compile(
    r"^[\s\[(]*(?:"
    r"source\s+link\b.*|source:\s*https?://\S+|read\s+more\b.*|read\s+the\s+(?:full\s+)?(?:story|article)\b.*|"
    r"continue\s+reading\b.*|share\s+(?:this|on|via)\b.*|"
    r"(?:share|tweet|email|e-mail|print|facebook|twitter|whatsapp|telegram|linkedin|reddit|x)"
    r"(?:\s*[|/·•,]?\s*(?:share|tweet|email|e-mail|print|facebook|twitter|whatsapp|telegram|linkedin|reddit|x))*|"
    r"follow\s+(?:us|me)\b.*|like\s+us\s+on\b.*|sign\s+up\s+(?:for|to)\b.*|subscribe\b.*|click\s+here\b.*|"
    r"advertisement|sponsored(?:\s+content)?|related(?:\s+(?:articles|stories|coverage|news))?:?|"
    r"(?:©|\(c\)|copyright\s*(?:©|\(c\))?\s*\d{4}).*|all\s+rights\s+reserved\.?|tags?:.*"
    r")[\s\])]*$",
    re.IGNORECASE,
)
# Lines that only ever appear above an article as page chrome.
_LEADER = re.compile(
    r"^(?:advertisement|skip\s+to\s+(?:main\s+)?content|listen\s+to\s+this\s+article|share|menu|home)$",
    re.IGNORECASE,
)
_SPACES = re.compile(r"[ \t\f\v\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_INVISIBLE = dict.fromkeys(map(ord, "\ufeff\u200b\u200c\u200d\u2060\u00ad"))
_FINAL_PUNCT = re.compile(r"[.!?…][\"'”’»)\]]*$")
# Hard wrapping is only recognised at widths typewriters and mail clients use; longer lines are paragraphs.
_WRAP_MIN, _WRAP_MAX = 40, 100
_TITLE_MAX_CHARS, _TITLE_MAX_WORDS = 200, 30
_BYLINE = re.compile(r"^(?:by|from|updated|published|posted)\b", re.IGNORECASE)


def _fold_lines(text: str) -> list[str]:
    """Step 1: NFC, LF line ends, no invisible characters, folded spaces, stripped lines."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n\n").translate(_INVISIBLE)
    return [_SPACES.sub(" ", line).strip() for line in text.split("\n")]


def _strip_furniture(lines: list[str]) -> list[str]:
    """Step 2: drop furniture lines (and blank lines) at the end, and chrome at the very top."""
    end = len(lines)
    while end and (not lines[end - 1] or _TRAILER.match(lines[end - 1])):
        end -= 1
    start = 0
    while start < end and (not lines[start] or _LEADER.match(lines[start])):
        start += 1
    return lines[start:end]


def _wrap_width(lines: list[str]) -> int | None:
    """The width the text was hard-wrapped at, or None when its lines are paragraphs, not wrapped lines."""
    width = max((len(line) for line in lines), default=0)
    wrapped = sum(1 for line in lines if len(line) >= 0.75 * width)
    if _WRAP_MIN <= width <= _WRAP_MAX and wrapped >= 2:
        return width
    return None


def _paragraphs(lines: list[str]) -> list[str]:
    """Step 3: group lines into paragraphs (single-line, no line breaks inside)."""
    width = _wrap_width(lines)
    paragraphs: list[str] = []
    current, previous = "", ""
    for line in lines:
        if not line:
            if current:
                paragraphs.append(current)
            current = previous = ""
            continue
        # A wrapped line was broken because the next word would not fit; otherwise the break was meant.
        next_word = line.split(" ", 1)[0]
        if current and width is not None and len(previous) + 1 + len(next_word) > width:
            current += " " + line
        else:
            if current:
                paragraphs.append(current)
            current = line
        previous = line
    if current:
        paragraphs.append(current)
    return paragraphs


def normalise_whitespace(text: str) -> str:
    """Normalise characters and whitespace; paragraphs come out separated by exactly one blank line."""
    return "\n\n".join(_paragraphs(_fold_lines(text)))


def _norm_key(line: str) -> str:
    """Comparison key for headlines: case, punctuation and spacing do not matter."""
    return " ".join(re.sub(r"[\W_]+", " ", line).split()).casefold()


def guess_title(paragraphs: list[str]) -> str | None:
    """A short first paragraph without final punctuation, followed by more text, is the headline."""
    if len(paragraphs) < 2:
        return None
    first = paragraphs[0]
    if len(first) > _TITLE_MAX_CHARS or len(first.split()) > _TITLE_MAX_WORDS or _BYLINE.match(first):
        return None
    # "KYIV, Ukraine (AP) —" or "Updated:" lead into the text that follows; a headline stands alone.
    if first.endswith((":", "—", "–", "-", ",", ";")):
        return None
    if _FINAL_PUNCT.search(first) and _norm_key(first) != _norm_key(paragraphs[1]):
        return None
    return first if _norm_key(first) else None


def _title_keys(title: str) -> set[str]:
    """The title as it may appear in the body: whole, or without a " | Site" / " - Site" suffix."""
    keys = {_norm_key(title)}
    parts = re.split(r"\s+[|–—-]\s+", title)
    if len(parts) > 1:
        keys.add(_norm_key(" - ".join(parts[:-1])))
    keys.discard("")
    return keys


def strip_boilerplate(text: str, title: str | None) -> tuple[str, str | None]:
    """Step 4 on normalised text: find the headline and drop it from the top. Returns (text, title).

    Headline copies and page chrome can alternate at the top ("Headline / Share / Headline / body"), and
    re-flowing can join the last lines into one furniture paragraph, so both are removed until nothing
    changes: that is what makes cleaning idempotent.
    """
    paragraphs = text.split("\n\n") if text else []
    if not title:
        title = guess_title(paragraphs)
    keys = _title_keys(title) if title else set()
    while True:
        before = len(paragraphs)
        paragraphs = _strip_furniture(paragraphs)
        # A body that is only its headline is still a (tiny) document: keep it rather than report it empty.
        while len(paragraphs) > 1 and _norm_key(paragraphs[0]) in keys:
            paragraphs.pop(0)
        if len(paragraphs) == before:
            return "\n\n".join(paragraphs), title


def clean_text(text: str, title: str | None = None) -> tuple[str, str | None]:
    """Clean ``text`` (with its known title, if any). Returns (cleaned text, title)."""
    clean_title = normalise_whitespace(title).replace("\n\n", " ") if title else None
    body = normalise_whitespace("\n".join(_strip_furniture(_fold_lines(text))))
    return strip_boilerplate(body, clean_title or None)


def content_id(text: str) -> str:
    """Stable document id: a hash of the cleaned text, so the same article gives the same id everywhere."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:20]


def prepare(raw: RawDocument) -> PreparedDocument:
    """Clean a raw text document into a PreparedDocument (raises DocumentError when nothing is left)."""
    text, title = clean_text(raw.text or "", raw.title)
    if not text:
        raise DocumentError("E002", origin=raw.origin)
    return PreparedDocument(
        doc_id=content_id(text),
        text=text,
        origin=raw.origin,
        title=title,
        url=raw.url,
        published=raw.published,
        source=raw.source,
        external_id=raw.external_id,
    )
