"""Gold-standard readers: the seed YAML format and the PETRARCH validation XML format.

Both become a ``GoldSet`` of ``GoldUnit`` (one text to extract: a whole article, or one PETRARCH
sentence) holding ``GoldEvent`` records. Actor codes are kept as written; ``matching.actor_key``
normalises them for scoring.
"""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from eventwire.errors import EventwireError


@dataclass(frozen=True)
class GoldEvent:
    gold_id: str
    codes: tuple[str, ...]  # every CAMEO code that counts as right (PETRARCH: exactly one)
    source_code: str | None
    target_code: str | None
    #: the gold actor is implicit in the text (seed ``text: null``): a prediction may leave it empty
    source_implicit: bool = False
    target_implicit: bool = False
    words: str | None = None  # seed: words that occur in the event's sentence; None = anywhere in the unit
    optional: bool = False
    plover_type: str | None = None

    @property
    def roots(self) -> frozenset[str]:
        return frozenset(code[:2] for code in self.codes)


@dataclass(frozen=True)
class GoldCount:
    kind: str
    value: str  # as written: "7000", "hundreds", "12,000-15,000"
    qualifier: str | None = None
    historical: bool = False


@dataclass(frozen=True)
class GoldQuote:
    text: str
    speaker: str | None
    partial: bool = False


@dataclass(frozen=True)
class GoldEntity:
    """A person or organisation the text names, with its code and (optionally) the mentions of it."""

    name: str
    code: str | None
    mentions: tuple[str, ...] = ()


@dataclass
class GoldUnit:
    unit_id: str
    text: str
    published: str | None
    events: list[GoldEvent] = field(default_factory=list)
    counts: list[GoldCount] = field(default_factory=list)
    quotes: list[GoldQuote] = field(default_factory=list)
    entities: list[GoldEntity] = field(default_factory=list)
    #: years an event must never be dated in (historical mentions), from the seed's ``not_events``
    forbidden_years: tuple[str, ...] = ()
    #: actor codes that must never be the source of a military (15/17-20) event, from ``not_events``
    forbidden_military_sources: tuple[str, ...] = ()


@dataclass
class GoldSet:
    name: str
    kind: str  # "seed" | "petr"
    path: Path
    units: list[GoldUnit]

    @property
    def n_events(self) -> int:
        return sum(len(u.events) for u in self.units)


def read_gold(path: Path) -> GoldSet:
    """Read a gold file, choosing the format by its suffix (.yaml/.yml seed format, .xml PETRARCH)."""
    if not path.exists():
        raise EventwireError("E007", path=path)
    suffix = path.suffix.lower()
    if suffix in (".yaml", ".yml"):
        return read_seed_yaml(path)
    if suffix == ".xml":
        return read_petr_xml(path)
    raise EventwireError(
        "E030", path=path, detail="expected a .yaml/.yml (seed format) or .xml (PETRARCH) file"
    )


# --------------------------------------------------------------------------------------------- seed YAML


def _actor(value: Any) -> tuple[str | None, bool]:
    """(code, implicit) from a seed actor ``{text, code}``; implicit when the text is null."""
    if not isinstance(value, dict):
        return None, True
    code = value.get("code")
    return (str(code) if code else None), value.get("text") in (None, "")


class _GoldLoader(yaml.SafeLoader):
    """SafeLoader that keeps numbers as text: an unquoted CAMEO code like 0332 would otherwise be read as the
    octal integer 218, and 041 as 33 (YAML 1.1)."""


_GoldLoader.yaml_implicit_resolvers = {
    first: [
        (tag, regexp)
        for tag, regexp in resolvers
        if tag not in ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float")
    ]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _seed_event(raw: dict[str, Any], index: int) -> GoldEvent:
    raw_codes = raw.get("codes") or []
    codes = tuple(str(c) for c in ([raw_codes] if isinstance(raw_codes, str | int) else raw_codes))
    if not codes:
        raise ValueError(f"event {raw.get('id', index)} has no codes")
    source, source_implicit = _actor(raw.get("source"))
    target, target_implicit = _actor(raw.get("target"))
    plover = raw.get("plover") or {}
    return GoldEvent(
        gold_id=str(raw.get("id") or f"E{index + 1}"),
        codes=codes,
        source_code=source,
        target_code=target,
        source_implicit=source_implicit,
        target_implicit=target_implicit,
        words=str(raw["words"]) if raw.get("words") else None,
        optional=bool(raw.get("optional", False)),
        plover_type=plover.get("type") if isinstance(plover, dict) else None,
    )


_YEAR_RE = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


def _forbidden(not_events: list[Any]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Machine-readable parts of the free-text ``not_events`` list: years events must not be dated in, and
    actors (upper-case codes/names) that must not be the source of a military event."""
    years: list[str] = []
    sources: list[str] = []
    for item in not_events:
        text = str(item)
        if "dated" in text.lower():
            years.extend(y for y in _YEAR_RE.findall(text) if y not in years)
        match = re.match(r"\s*([A-Z]{2,}\w*) as the source of any military event", text)
        if match:
            sources.append(match.group(1))
    return tuple(years), tuple(sources)


def _seed_counts(raw: list[Any]) -> list[GoldCount]:
    counts = []
    for item in raw:
        if isinstance(item, dict) and item.get("kind") and item.get("value") is not None:
            counts.append(
                GoldCount(
                    kind=str(item["kind"]),
                    value=str(item["value"]),
                    qualifier=item.get("qualifier"),
                    historical=bool(item.get("historical", False)),
                )
            )
    return counts


def _seed_quotes(raw: list[Any]) -> list[GoldQuote]:
    return [
        GoldQuote(text=str(q["text"]), speaker=q.get("speaker"), partial=bool(q.get("partial", False)))
        for q in raw
        if isinstance(q, dict) and q.get("text")
    ]


def _seed_entities(raw: list[Any]) -> list[GoldEntity]:
    return [
        GoldEntity(
            name=str(e["name"]),
            code=str(e["code"]) if e.get("code") else None,
            mentions=tuple(str(m) for m in e.get("mentions") or []),
        )
        for e in raw
        if isinstance(e, dict) and e.get("name")
    ]


def read_seed_yaml(path: Path) -> GoldSet:
    """Read the seed gold format; the article text is the ``.txt`` beside it (``name.gold.yaml`` ->
    ``name.txt``)."""
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_GoldLoader)  # a SafeLoader subclass
        if not isinstance(data, dict) or not isinstance(data.get("events"), list):
            raise ValueError("no 'events' list")
        events = [_seed_event(raw, i) for i, raw in enumerate(data["events"])]
    except (OSError, yaml.YAMLError, ValueError, TypeError, KeyError) as exc:
        raise EventwireError("E030", path=path, detail=str(exc)) from exc
    stem = path.name.split(".")[0]
    text_path = path.with_name(stem + ".txt")
    if not text_path.exists():
        raise EventwireError("E030", path=path, detail=f"the article text {text_path.name} is not beside it")
    document = data.get("document") or {}
    published = document.get("published")
    years, sources = _forbidden(data.get("not_events") or [])
    unit = GoldUnit(
        unit_id=stem,
        text=text_path.read_text(encoding="utf-8"),
        published=str(published) if published else None,
        events=events,
        counts=_seed_counts(data.get("counts") or []),
        quotes=_seed_quotes(data.get("quotes") or []),
        entities=_seed_entities([*(data.get("people") or []), *(data.get("organizations") or [])]),
        forbidden_years=years,
        forbidden_military_sources=sources,
    )
    return GoldSet(name=stem, kind="seed", path=path, units=[unit])


# --------------------------------------------------------------------------------------------- PETRARCH XML

#: a <Sentence ...> record runs until the next one (the file mixes self-closing and open Sentence tags)
_SENTENCE_RE = re.compile(r"<Sentence\b([^>]*?)/?>(.*?)(?=<Sentence\b|</Sentences>|\Z)", re.DOTALL)
_CODING_RE = re.compile(r"<EventCoding\b([^>]*?)/?>")
_TEXT_RE = re.compile(r"<Text>(.*?)</Text>", re.DOTALL)
_PARSE_RE = re.compile(r"<Parse>(.*?)</Parse>", re.DOTALL)
_ATTR_RE = re.compile(r"""(\w+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")


def _attrs(fragment: str) -> dict[str, str]:
    return {k.lower(): double or single for k, double, single in _ATTR_RE.findall(fragment)}


def petr_date(value: str | None) -> str | None:
    """PETRARCH dates are YYYYMMDD; anything else (the file has a stray '121108') gives no date."""
    if value and re.fullmatch(r"\d{8}", value):
        try:
            return dt.date(int(value[:4]), int(value[4:6]), int(value[6:])).isoformat()
        except ValueError:
            return None
    return None


def _xml_text(fragment: str) -> str:
    """Unescape XML entities in a <Text> body without trusting the rest of the file to be well-formed."""
    return ET.fromstring(f"<t>{fragment}</t>").text or ""


def text_from_conllu(parse: str) -> str:
    """Rebuild a sentence from its CoNLL-U parse (FORM column, honouring SpaceAfter=No): a few records have an
    empty <Text> but a full <Parse>."""
    out: list[str] = []
    for line in parse.splitlines():
        cols = line.split("\t")
        if len(cols) < 2 or not cols[0].strip().isdigit():
            continue
        out.append(cols[1])
        if not (len(cols) >= 10 and "SpaceAfter=No" in cols[9]):
            out.append(" ")
    # parses converted from PTB often lack SpaceAfter: glue closing punctuation back on
    return re.sub(r" ([.,;:!?%)])", r"\1", "".join(out).strip())


def _record_text(body: str) -> str:
    text_match = _TEXT_RE.search(body)
    text = " ".join(_xml_text(text_match.group(1)).split()) if text_match else ""
    if not text:
        parse_match = _PARSE_RE.search(body)
        text = text_from_conllu(_xml_text(parse_match.group(1))) if parse_match else ""
    return text


def read_petr_xml(path: Path) -> GoldSet:
    """Read PETRARCH validation records. The file has '#' banner lines outside tags, so it is not parsed as
    one XML
    document: each <Sentence> record is cut out with a regex and its parts read separately."""
    try:
        raw = path.read_text(encoding="utf-8")
        raw = re.sub(r"<!--.*?-->", "", raw, flags=re.DOTALL)
        units: list[GoldUnit] = []
        for attrs_src, body in _SENTENCE_RE.findall(raw):
            attrs = _attrs(attrs_src)
            if attrs.get("evaluate", "true").lower() == "false":
                continue
            text = _record_text(body)
            if not text:
                continue
            unit_id = attrs.get("id") or f"sentence-{len(units) + 1}"
            events = []
            for n, coding_src in enumerate(_CODING_RE.findall(body)):
                coding = _attrs(coding_src)
                if coding.get("noevents", "").lower() == "true" or not coding.get("eventcode"):
                    continue
                events.append(
                    GoldEvent(
                        gold_id=f"{unit_id}#{n + 1}",
                        codes=(coding["eventcode"],),
                        source_code=coding.get("sourcecode") or None,
                        target_code=coding.get("targetcode") or None,
                    )
                )
            units.append(
                GoldUnit(unit_id=unit_id, text=text, published=petr_date(attrs.get("date")), events=events)
            )
    except (OSError, ET.ParseError, KeyError) as exc:
        raise EventwireError("E030", path=path, detail=str(exc)) from exc
    if not units:
        raise EventwireError("E030", path=path, detail="no <Sentence> records with <Text> found")
    return GoldSet(name=path.stem, kind="petr", path=path, units=units)
