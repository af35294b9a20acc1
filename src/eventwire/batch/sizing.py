"""Estimate how many documents a set of inputs holds, cheaply and without parsing, for a progress ETA.

JSON Lines files are counted by their non-blank lines (a byte scan, bounded memory); single-document files
count one each; directories are walked. Anything whose record count cannot be known without parsing (.json
arrays, .csv with multi-line fields, stdin) makes the estimate unknown; progress then shows a count.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

_ONE_DOC = frozenset([".txt", ".text", ".md", ".markdown", ".html", ".htm", ".xhtml"])
_LINES = frozenset([".jsonl", ".ndjson"])
_SKIPPED_STEMS = frozenset(
    ["readme", "license", "licence", "changelog", "contributing", "notice", "authors", "copying"]
)
_CHUNK = 1 << 20


def count_lines(path: Path) -> int:
    """Non-blank lines of a file, read in 1 MiB chunks."""
    count = 0
    pending = b""
    with path.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            lines = (pending + chunk).split(b"\n")
            pending = lines.pop()
            count += sum(1 for line in lines if line.strip())
    return count + (1 if pending.strip() else 0)


def _file_count(path: Path) -> int | None:
    suffix = path.suffix.lower()
    if suffix in _LINES:
        return count_lines(path)
    if suffix in _ONE_DOC:
        return 1
    return None


def _dir_count(root: Path) -> int | None:
    total = 0
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root)
        if any(part.startswith(".") for part in rel.parts) or not path.is_file():
            continue
        if path.stem.lower() in _SKIPPED_STEMS:
            continue
        suffix = path.suffix.lower()
        if suffix in _LINES or suffix in _ONE_DOC:
            total += _file_count(path) or 0
        elif suffix in {".json", ".csv"}:
            return None
    return total


def estimate_total(paths: Iterable[str]) -> int | None:
    """Documents expected under ``paths``, or None when that cannot be known without reading them."""
    total = 0
    for name in paths:
        if name == "-":
            return None
        path = Path(name)
        if path.is_dir():
            found = _dir_count(path)
        elif path.is_file():
            found = _file_count(path)
        else:
            found = 1  # a missing path is one reported failure
        if found is None:
            return None
        total += found
    return total
