"""Load the event-trigger lexicons in ``data/lexicon/`` (verbs, nouns, frames, topics) once per process.

The YAML files are the analyst-editable part of the event coder; their format is documented in each file's
header and in ``data/lexicon/README.md``. This module only parses and validates them into typed records.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from eventwire.errors import EventwireError

_CODE = re.compile(r"^\d{2,4}$")
DEFAULT_VERB_TARGETS = (
    "dobj",
    "dative",
    "prep:to",
    "prep:with",
    "prep:against",
    "prep:on",
    "prep:at",
    "prep:into",
    "prep:in",
)
DEFAULT_NOUN_TARGETS = ("against", "on", "with", "to", "at", "for", "of", "in")
DEFAULT_NOUN_SOURCES = ("by", "from")


@dataclass(frozen=True)
class Pattern:
    """One trigger pattern: a lemma plus constraints giving a CAMEO code (verbs and nouns share the shape)."""

    lemma: str
    code: str
    pos: str  # "verb" | "noun"
    particle: str | None = None
    prep: str | None = None
    pobj: frozenset[str] = frozenset()
    object: frozenset[str] = frozenset()
    not_object: frozenset[str] = frozenset()
    modifier: frozenset[str] = frozenset()
    not_modifier: frozenset[str] = frozenset()
    target: tuple[str, ...] = ()
    source: tuple[str, ...] = ()
    implicit_source: str | None = None
    implicit_target: str | None = None
    topic: bool = False
    symmetric: bool = False
    weak: bool = False
    anaphoric: bool = False
    standalone: bool = False
    subject: frozenset[str] = frozenset()
    clause: str | None = None  # the verb must take this complement: "xcomp" ("warned X to ...") or "ccomp"


@dataclass(frozen=True)
class Topic:
    name: str
    lemmas: frozenset[str]
    codes: dict[str, str]


@dataclass(frozen=True)
class Frames:
    light_verbs: frozenset[str]
    light_preps: frozenset[str]
    agreement_verbs: frozenset[str]
    speech_verbs: frozenset[str]
    accusation_verbs: frozenset[str]
    intent_frames: frozenset[str]
    commitment_frames: frozenset[str]
    appeal_frames: frozenset[str]
    demand_frames: frozenset[str]
    refusal_frames: frozenset[str]
    transparent: frozenset[str]
    hypothetical_marks: frozenset[str]
    hypothetical_aux: frozenset[str]
    future_aux: frozenset[str]
    reported_future_aux: frozenset[str]
    negators: frozenset[str]
    group_nouns: frozenset[str]
    relation_nouns: frozenset[str]
    document_nouns: frozenset[str]
    tables: dict[str, dict[str, str]] = field(default_factory=dict)
    violence_nouns: frozenset[str] = frozenset()
    disaster_nouns: frozenset[str] = frozenset()
    contested_speech: frozenset[str] = frozenset()
    military_sense: dict[str, str] = field(default_factory=dict)
    air_context: frozenset[str] = frozenset()
    military_context: frozenset[str] = frozenset()
    labour_context: frozenset[str] = frozenset()
    habitual_adverbs: frozenset[str] = frozenset()
    weapon_nouns: frozenset[str] = frozenset()
    weapon_codes: dict[str, str] = field(default_factory=dict)
    crowd_control_means: dict[str, frozenset[str]] = field(default_factory=dict)
    casualty_verbs: frozenset[str] = frozenset()
    charge_words: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Lexicon:
    verbs: dict[str, tuple[Pattern, ...]]
    nouns: dict[str, tuple[Pattern, ...]]
    frames: Frames
    topics: tuple[Topic, ...]

    def codes(self) -> set[str]:
        """Every CAMEO code the lexicon can produce directly or through a mapping table."""
        out = {p.code for group in (self.verbs, self.nouns) for pats in group.values() for p in pats}
        for table in self.frames.tables.values():
            out.update(table.values())
        for topic in self.topics:
            out.update(topic.codes.values())
        return out


def _read(name: str) -> dict[str, Any]:
    path = resources.files("eventwire") / "data" / "lexicon" / name
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise EventwireError("E080", name=name, detail=str(exc)) from exc
    if not isinstance(data, dict):
        raise EventwireError("E080", name=name, detail="top level must be a mapping")
    return data


def _word(value: Any) -> str:
    """One lexicon word. YAML 1.1 reads bare on/off/yes/no as booleans: give "on"/"off" back (the only ones
    a lexicon uses, as prepositions and particles: "crackdown on", "call off")."""
    if value is True:
        return "on"
    if value is False:
        return "off"
    return str(value).lower()


def _words(value: Any) -> frozenset[str]:
    if value is None:
        return frozenset()
    if isinstance(value, str | bool):
        return frozenset([_word(value)])
    return frozenset(_word(v) for v in value)


def _roles(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    values = value if isinstance(value, list) else [value]
    return tuple(_word(v) for v in values)


def _check_code(code: Any, where: str) -> str:
    code = str(code)
    if not _CODE.match(code):
        raise EventwireError("E081", where=where, value=code)
    return code


def _pattern(lemma: str, raw: Any, pos: str, file: str) -> Pattern:
    if isinstance(raw, str | int):
        raw = {"code": raw}
    if not isinstance(raw, dict) or "code" not in raw:
        raise EventwireError("E080", name=file, detail=f"pattern for '{lemma}' needs a code: {raw!r}")
    implicit = raw.get("implicit") or {}
    target = raw.get("target")
    source = raw.get("source")
    subject = raw.get("subject")
    return Pattern(
        lemma=lemma,
        code=_check_code(raw["code"], f"{file}:{lemma}"),
        pos=pos,
        particle=_word(raw["particle"]) if "particle" in raw else None,
        prep=_word(raw["prep"]) if "prep" in raw else None,
        pobj=_words(raw.get("pobj")),
        object=_words(raw.get("object")),
        not_object=_words(raw.get("not_object")),
        modifier=_words(raw.get("modifier")),
        not_modifier=_words(raw.get("not_modifier")),
        target=_roles(target),
        source=_roles(source),
        implicit_source=implicit.get("source"),
        implicit_target=implicit.get("target"),
        topic=bool(raw.get("topic", False)),
        symmetric=bool(raw.get("symmetric", False)),
        weak=bool(raw.get("weak", False)),
        anaphoric=bool(raw.get("anaphoric", False)),
        standalone=bool(raw.get("standalone", False)),
        clause=raw.get("clause"),
        subject=frozenset(str(w) if str(w) == "PERSON" else str(w).lower() for w in (subject or [])),
    )


def _patterns(section: Any, pos: str, file: str) -> dict[str, tuple[Pattern, ...]]:
    if not isinstance(section, dict):
        raise EventwireError("E080", name=file, detail="expected a mapping of lemma -> patterns")
    out: dict[str, tuple[Pattern, ...]] = {}
    for lemma, raws in section.items():
        raws = raws if isinstance(raws, list) else [raws]
        out[str(lemma).lower()] = tuple(_pattern(str(lemma).lower(), r, pos, file) for r in raws)
    return out


def _frames(data: dict[str, Any]) -> Frames:
    table_names = ("intent", "appeal", "demand", "negation", "complements")
    tables = {
        name: {str(k): _check_code(v, f"frames.yaml:{name}") for k, v in (data.get(name) or {}).items()}
        for name in table_names
    }
    return Frames(
        light_verbs=_words(data.get("light_verbs")),
        light_preps=_words(data.get("light_preps")),
        agreement_verbs=_words(data.get("agreement_verbs")),
        speech_verbs=_words(data.get("speech_verbs")),
        accusation_verbs=_words(data.get("accusation_verbs")),
        intent_frames=_words(data.get("intent_frames")),
        commitment_frames=_words(data.get("commitment_frames")),
        appeal_frames=_words(data.get("appeal_frames")),
        demand_frames=_words(data.get("demand_frames")),
        refusal_frames=_words(data.get("refusal_frames")),
        transparent=_words(data.get("transparent")),
        hypothetical_marks=_words(data.get("hypothetical_marks")),
        hypothetical_aux=_words(data.get("hypothetical_aux")),
        future_aux=_words(data.get("future_aux")),
        reported_future_aux=_words(data.get("reported_future_aux")),
        negators=_words(data.get("negators")),
        group_nouns=_words(data.get("group_nouns")),
        relation_nouns=_words(data.get("relation_nouns")),
        document_nouns=_words(data.get("document_nouns")),
        tables=tables,
        violence_nouns=_words(data.get("violence_nouns")),
        weapon_nouns=frozenset(str(k).lower() for k in (data.get("weapon_nouns") or {})),
        weapon_codes={
            str(k).lower(): _check_code(v, "frames.yaml:weapon_nouns")
            for k, v in (data.get("weapon_nouns") or {}).items()
            if v
        },
        casualty_verbs=_words(data.get("casualty_verbs")),
        charge_words=_words(data.get("charge_words")),
        crowd_control_means={
            str(k).lower(): _words(v) for k, v in (data.get("crowd_control_means") or {}).items()
        },
        disaster_nouns=_words(data.get("disaster_nouns")),
        contested_speech=_words(data.get("contested_speech")),
        military_sense={
            str(k): _check_code(v, "frames.yaml:military_sense")
            for k, v in (data.get("military_sense") or {}).items()
        },
        air_context=_words(data.get("air_context")),
        military_context=_words(data.get("military_context")),
        labour_context=_words(data.get("labour_context")),
        habitual_adverbs=_words(data.get("habitual_adverbs")),
    )


def _topics(data: dict[str, Any]) -> tuple[Topic, ...]:
    return tuple(
        Topic(
            name=str(t["name"]),
            lemmas=_words(t.get("lemmas")),
            codes={
                str(k): _check_code(v, f"topics.yaml:{t['name']}") for k, v in (t.get("codes") or {}).items()
            },
        )
        for t in data.get("topics") or []
    )


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """Parse and validate the four lexicon files (cached: once per process)."""
    return Lexicon(
        verbs=_patterns(_read("verbs.yaml").get("verbs"), "verb", "verbs.yaml"),
        nouns=_patterns(_read("nouns.yaml").get("nouns"), "noun", "nouns.yaml"),
        frames=_frames(_read("frames.yaml")),
        topics=_topics(_read("topics.yaml")),
    )


def map_code(code: str, table: dict[str, str]) -> str | None:
    """Map ``code`` through a frames table: the longest key prefixing the code wins (None if none does)."""
    for size in range(len(code), 0, -1):
        hit = table.get(code[:size])
        if hit is not None:
            return hit
    return None
