"""Estimate how many documents a set of inputs holds, cheaply and without parsing, for a progress ETA.

JSON Lines files are counted by their non-blank lines (a byte scan, bounded memory), CSV files by their rows
(streamed), .json files by their records (read whole, as the reader does, up to 50 MB); single-document files
count one each; directories are walked. Anything that cannot be counted (stdin, a huge .json) makes the
estimate unknown, and progress then shows a running count. Readers may still yield a little more or less
(a bad record, an unreadable file): it is an estimate for the ETA, never used to decide what to process.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from pathlib import Path

_ONE_DOC = frozenset([".txt", ".text", ".md", ".markdown", ".html", ".htm", ".xhtml"])
_LINES = frozenset([".jsonl", ".ndjson"])
_SKIPPED_STEMS = frozenset(
    ["readme", "license", "licence", "changelog", "contributing", "notice", "authors", "copying"]
)
_COUNTED = _ONE_DOC | _LINES | {".csv", ".json"}
_CHUNK = 1 << 20
#: A .json file is read whole to count its records only up to this size (readers load it whole anyway).
_MAX_JSON_BYTES = 50_000_000


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


def count_csv_rows(path: Path) -> int | None:
    """Data rows of a CSV file (quoted multi-line fields handled), streamed; None if it cannot be read."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            rows = sum(1 for row in csv.reader(handle) if any(cell.strip() for cell in row))
    except (OSError, UnicodeDecodeError, csv.Error):
        return None
    return max(0, rows - 1)


def count_json_records(path: Path) -> int | None:
    """Records in a .json file (a list of records, or one record); None for a big or unreadable file."""
    try:
        if path.stat().st_size > _MAX_JSON_BYTES:
            return None
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, ValueError):
        return None
    return len(data) if isinstance(data, list) else 1


def _file_count(path: Path) -> int | None:
    suffix = path.suffix.lower()
    if suffix in _LINES:
        return count_lines(path)
    if suffix in _ONE_DOC:
        return 1
    if suffix == ".csv":
        return count_csv_rows(path)
    if suffix == ".json":
        return count_json_records(path)
    return None


def _dir_count(root: Path) -> int | None:
    total = 0
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root)
        if any(part.startswith(".") for part in rel.parts) or not path.is_file():
            continue
        if path.stem.lower() in _SKIPPED_STEMS:
            continue
        if path.suffix.lower() in _COUNTED:
            found = _file_count(path)
            if found is None:
                return None
            total += found
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
