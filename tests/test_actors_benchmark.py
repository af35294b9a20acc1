"""Actor recall on the PETRARCH-2 GSR validation sentences (third-party gold): a gate that only moves up.

For every gold event's source and target code, is there an actor mention with that code (exact) or at least
that country (first three letters)? Recorded minimums fail the test when resolution gets worse. Exact recall
is held down by a convention difference: PETRARCH codes "Brazil ... seeking" as BRA where eventwire codes a
country that speaks or acts diplomatically as its government (BRAGOV), as the seed gold does.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from spacy.language import Language

from eventwire.coding.actors import resolve_actors

#: Measured 2026-11-27 over 61 sentences / 117 gold actor codes (codes with an unknown country, "---REB",
#: are left out): exact 61/117 = 0.521, country 99/117 = 0.846.
MIN_EXACT = 0.52
MIN_COUNTRY = 0.84

_RECORD = re.compile(r"<Sentence ([^>]*)/>(.*?)<Text>(.*?)</Text>", re.S)
_CODING = re.compile(r"<EventCoding ([^>]*)/>")


def _records(path: Path) -> list[tuple[dt.date | None, str, set[str]]]:
    out = []
    for attrs, codings, text in _RECORD.findall(path.read_text(encoding="utf-8")):
        if 'evaluate="true"' not in attrs:
            continue
        date = re.search(r'date="(\d{4})(\d{2})(\d{2})"', attrs)
        published = dt.date(int(date[1]), int(date[2]), int(date[3])) if date else None
        gold = set()
        for coding in _CODING.findall(codings):
            for key in ("sourcecode", "targetcode"):
                found = re.search(key + r'="([^"]*)"', coding)
                if found and found[1] and not found[1].startswith("---"):
                    gold.add(found[1])
        if gold:
            out.append((published, " ".join(text.split()), gold))
    return out


def test_actors_benchmark_petrarch_gsr_recall(nlp: Language, shared_dir: Path) -> None:
    records = _records(shared_dir / "benchmarks" / "petrarch-gsr" / "PETR2_GSR_validation.xml")
    assert len(records) > 50
    total = exact = country = 0
    for published, text, gold in records:
        codes = {m.code for m in resolve_actors(nlp(text), published=published).mentions}
        for code in gold:
            total += 1
            exact += code in codes
            country += any(c[:3] == code[:3] for c in codes)
    assert exact / total >= MIN_EXACT, f"exact actor recall {exact}/{total}"
    assert country / total >= MIN_COUNTRY, f"country actor recall {country}/{total}"
