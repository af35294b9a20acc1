"""SQL over the store: the read-only guard and the ``events`` filter query."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

import duckdb
import pycountry

from eventwire.errors import EventwireError

# Statement kinds that cannot change anything (DESCRIBE, SHOW, SUMMARIZE, FROM-first all parse as SELECT).
_READ_ONLY = {duckdb.StatementType.SELECT, duckdb.StatementType.EXPLAIN}
# PRAGMAs that only report; others (e.g. enable_profiling, memory_limit) change the session and are refused.
_READ_PRAGMAS = {
    "table_info",
    "show",
    "show_tables",
    "show_tables_expanded",
    "show_databases",
    "database_size",
    "storage_info",
    "version",
    "platform",
    "functions",
}
_PRAGMA_NAME = re.compile(r"^\s*PRAGMA\s+([A-Za-z_]+)", re.IGNORECASE)


def check_read_only(con: duckdb.DuckDBPyConnection, sql: str) -> None:
    """E022 unless ``sql`` is exactly one read-only statement. The parser decides, not a keyword scan, so
    'SELECT 1; DROP TABLE x' and writes hidden after comments are caught."""
    try:
        statements = con.extract_statements(sql)
    except duckdb.Error as exc:
        raise EventwireError("E022", detail=f"cannot parse it ({exc})") from exc
    if len(statements) != 1:
        raise EventwireError("E022", detail=f"expected one statement, got {len(statements)}")
    statement = statements[0]
    if statement.type in _READ_ONLY:
        return
    if statement.type == duckdb.StatementType.PRAGMA:
        match = _PRAGMA_NAME.match(statement.query)
        if match and match[1].lower() in _READ_PRAGMAS:
            return
    raise EventwireError("E022", detail=f"{statement.type.name} statements are not allowed")


def country_code(value: str) -> str:
    """A country filter as the ISO alpha-3 code actors carry: 'BLR', 'by', 'Belarus' -> 'BLR'. Unknown values
    are used as given (upper-cased), so CAMEO non-ISO codes still work."""
    text = value.strip()
    try:
        country = pycountry.countries.lookup(text)
    except LookupError:
        return text.upper()
    return str(country.alpha_3)


@dataclass(frozen=True)
class EventFilter:
    """Filters of ``Store.events``; every one given must hold (AND)."""

    country: str | None = None  # source or target country
    actor: str | None = None  # code prefix, or words starting a name/text; source or target; any case
    cameo: str | None = None  # code prefix: '14' (root) or '141'
    since: dt.date | None = None  # event date (else the document's published date) on or after
    until: dt.date | None = None  # ... on or before
    doc: str | None = None  # doc_id or a prefix of it
    limit: int | None = None

    def sql(self) -> tuple[str, list[Any]]:
        where: list[str] = []
        params: list[Any] = []
        if self.country:
            where.append("(upper(e.source_country) = ? OR upper(e.target_country) = ?)")
            params += [country_code(self.country)] * 2
        if self.actor:
            needle = self.actor.strip().lower()
            # Names match at a word start, so 'rus' finds 'Russian troops' but not 'Belarusian police'.
            word = r"(^|[^\pL\pN])" + re.escape(needle)
            clauses = []
            for side in ("source", "target"):
                clauses.append(
                    f"(starts_with(lower(e.{side}_code), ?) OR regexp_matches(lower(e.{side}_name), ?)"
                    f" OR regexp_matches(lower(e.{side}_text), ?))"
                )
                params += [needle, word, word]
            where.append("(" + " OR ".join(clauses) + ")")
        if self.cameo:
            where.append("starts_with(e.cameo, ?)")
            params.append(self.cameo.strip())
        if self.since:
            where.append("coalesce(e.date_last, d.published_date) >= ?")
            params.append(self.since)
        if self.until:
            where.append("coalesce(e.date_first, d.published_date) <= ?")
            params.append(self.until)
        if self.doc:
            where.append("starts_with(e.doc_id, ?)")
            params.append(self.doc.strip())
        sql = (
            "SELECT e.*, coalesce(e.date_first, d.published_date) AS event_date, d.published, d.title, d.url,"
            " d.origin FROM events e LEFT JOIN documents d USING (doc_id)"
        )
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY event_date NULLS LAST, e.doc_id, e.event_index"
        if self.limit is not None:
            sql += f" LIMIT {int(self.limit)}"
        return sql, params
