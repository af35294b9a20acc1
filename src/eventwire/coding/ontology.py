"""CAMEO, PLOVER and ACLED tables: everything eventwire knows about an event code.

``describe("0332")`` gives the CAMEO name, root, Goldstein weight and QuadClass
(``data/reference/cameo_codes.csv``), the PLOVER type/mode/context (``data/reference/cameo2plover.txt``,
the OEDA crosswalk, CC BY-SA 4.0) and the ACLED event type where one applies (``data/acled.tsv``,
our own mapping).
The tables are read once per process.

PLOVER choices (documented in ``data/reference/README.md``):

- codes missing from the crosswalk fall back to their parent code (``0356`` -> ``035`` -> ``03``);
- CAMEO 02 (APPEAL) is coded ``REQUEST`` with the mode/context of the parallel 10 (DEMAND) code;
- CAMEO 01 (statements) gets the eventwire-only type ``STATEMENT``;
- intent codes 03x stay ``AGREE``: the PLOVER manual asks for the single category, not a category plus an
  intent/future context (the intent is in ``Event.modality.intent``).
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Protocol

from eventwire.errors import EventwireError

#: PLOVER types eventwire emits that the PLOVER manual does not define (so consumers can filter them).
PLOVER_EXTENSIONS = frozenset({"STATEMENT"})
#: CAMEO roots whose PLOVER coding is an eventwire extension rather than the crosswalk.
_STATEMENT_ROOT = "01"
_APPEAL_ROOT = "02"
_DEMAND_ROOT = "10"

#: Sectors that make an actor part of the state (ACLED's "state forces" and government).
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "SPY", "JUD", "LEG"})
#: Sectors of non-state armed or political actors (ACLED rebels, militias, political groups).
NONSTATE_SECTORS = frozenset({"REB", "OPP", "INS", "SEP", "UAF", "IMG", "PRM", "CRM", "PTY", "RAD"})
#: Sectors counted as civilians for ACLED (violence against them is "Violence against civilians").
CIVILIAN_SECTORS = frozenset(
    {"CVL", "REF", "EDU", "MED", "HLH", "LAB", "BUS", "REL", "AGR", "JRN", "SOC", "NGO"}
)
_PROTEST_WORDS = re.compile(
    r"\b(protest\w*|demonstrat\w*|rall(y|ies|iers)|marchers?|strikers?|rioters?|dissidents?|activists?)\b",
    re.IGNORECASE,
)
_CODE_RE = re.compile(r"^[0-9]{2,4}$")


class ActorLike(Protocol):
    """What the ACLED conditions read from an actor (``model.Actor`` and ``model.ActorMention`` both fit)."""

    code: str
    sector: str | None
    text: str | None


@dataclass(frozen=True)
class CameoInfo:
    code: str
    root: str
    name: str
    goldstein: float
    quad_class: int
    plover: dict[str, str | None]
    acled: dict[str, str] | None


@dataclass(frozen=True)
class _CameoRow:
    code: str
    root: str
    name: str
    goldstein: float
    quad_class: int


@dataclass(frozen=True)
class _AcledRule:
    prefix: str
    conditions: tuple[str, ...]
    event_type: str | None  # None: explicitly no ACLED equivalent
    sub_event_type: str | None


def _data_text(*parts: str) -> str:
    return resources.files("eventwire").joinpath("data", *parts).read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def cameo_table() -> dict[str, _CameoRow]:
    """Every CAMEO code in ``cameo_codes.csv``, keyed by code (leading zeros kept)."""
    rows: dict[str, _CameoRow] = {}
    reader = csv.DictReader(_data_text("reference", "cameo_codes.csv").splitlines())
    for line_no, rec in enumerate(reader, start=2):
        try:
            code = rec["code"].strip()
            rows[code] = _CameoRow(
                code=code,
                root=rec["root"].strip(),
                name=rec["name"].strip(),
                goldstein=float(rec["goldstein"]),
                quad_class=int(rec["quad_class"]),
            )
        except (KeyError, ValueError, AttributeError) as exc:
            raise EventwireError("E033", path="cameo_codes.csv", line=line_no, detail=repr(exc)) from exc
    return rows


def _blank_to_none(value: str) -> str | None:
    value = " ".join(value.split())  # "access " -> "access"; "crime;  corruption" -> "crime; corruption"
    return value or None


def parse_crosswalk(lines: Iterable[str]) -> dict[str, dict[str, str | None]]:
    """Parse CAMEO2PLOVER lines (``CODE: TYPE, mode, context # comment``) into {code: {type, mode, context}}.

    The first line for a code wins (the file lists the 08 root twice, CONCEDE then RETREAT, and 175 twice).
    """
    table: dict[str, dict[str, str | None]] = {}
    for raw in lines:
        if raw.startswith("~~~"):
            break  # everything after the ~~~~~ rule is notes, not data
        line = raw.split("#", 1)[0].strip()
        if ":" not in line:
            continue
        code, _, rest = line.partition(":")
        code = code.strip()
        if not _CODE_RE.match(code) or code in table:
            continue
        fields = [f for f in rest.split(",")] + ["", ""]
        ptype = _blank_to_none(fields[0])
        if ptype is None:
            continue
        table[code] = {
            "type": ptype.upper(),
            "mode": _blank_to_none(fields[1]),
            "context": _blank_to_none(fields[2]),
        }
    return table


@lru_cache(maxsize=1)
def plover_table() -> dict[str, dict[str, str | None]]:
    return parse_crosswalk(_data_text("reference", "cameo2plover.txt").splitlines())


def _parents(code: str) -> list[str]:
    """The code then its ancestors: 0356 -> [0356, 035, 03]."""
    return [code[:n] for n in range(len(code), 1, -1)]


def plover_for(code: str) -> dict[str, str | None]:
    """PLOVER type/mode/context for a CAMEO code (falling back to the parent code; see the module doc)."""
    root = code[:2]
    if root == _STATEMENT_ROOT:
        return {"type": "STATEMENT", "mode": None, "context": None}
    if root == _APPEAL_ROOT:
        parallel = plover_for(_DEMAND_ROOT + code[2:])
        return {"type": "REQUEST", "mode": parallel["mode"], "context": parallel["context"]}
    table = plover_table()
    for candidate in _parents(code):
        if candidate in table:
            return dict(table[candidate])
    raise EventwireError("E032", cameo=code)


@lru_cache(maxsize=1)
def acled_rules() -> dict[str, list[_AcledRule]]:
    """ACLED rules grouped by CAMEO prefix, in file order (the first matching rule of a group wins)."""
    rules: dict[str, list[_AcledRule]] = {}
    header_seen = False
    for line_no, raw in enumerate(_data_text("acled.tsv").splitlines(), start=1):
        if not raw.strip() or raw.startswith("#"):
            continue
        cols = raw.split("\t")
        if not header_seen:
            header_seen = True  # the first non-comment line names the columns
            continue
        if len(cols) < 4 or not _CODE_RE.match(cols[0].strip()):
            raise EventwireError("E033", path="acled.tsv", line=line_no, detail=f"bad row {raw!r}")
        when = cols[1].strip()
        conditions = () if when == "*" else tuple(c.strip() for c in when.split(",") if c.strip())
        unknown = [c for c in conditions if c not in _CONDITIONS]
        if unknown:
            raise EventwireError(
                "E033", path="acled.tsv", line=line_no, detail=f"unknown condition {unknown}"
            )
        event_type = cols[2].strip()
        rule = _AcledRule(
            prefix=cols[0].strip(),
            conditions=conditions,
            event_type=None if event_type == "-" else event_type,
            sub_event_type=cols[3].strip() or None,
        )
        rules.setdefault(rule.prefix, []).append(rule)
    return rules


def _sector(actor: ActorLike | None) -> str | None:
    if actor is None:
        return None
    if actor.sector:
        return actor.sector.upper()
    code = (actor.code or "").upper()
    return code[3:6] if len(code) >= 6 else None


def is_state(actor: ActorLike | None) -> bool:
    """A government/security actor, or a bare country code (CAMEO's convention for the state itself)."""
    if actor is None:
        return False
    sector = _sector(actor)
    if sector is None:
        code = (actor.code or "").upper()
        return len(code) == 3 and code.isalpha() and not code.startswith("IGO")
    return sector in STATE_SECTORS


def is_nonstate(actor: ActorLike | None) -> bool:
    return _sector(actor) in NONSTATE_SECTORS


def is_protesters(actor: ActorLike | None) -> bool:
    if actor is None:
        return False
    return _sector(actor) == "OPP" or bool(actor.text and _PROTEST_WORDS.search(actor.text))


def is_civilians(actor: ActorLike | None) -> bool:
    return _sector(actor) in CIVILIAN_SECTORS and not is_protesters(actor)


_CONDITIONS = {
    "source=state": lambda s, t: is_state(s),
    "source=nonstate": lambda s, t: is_nonstate(s),
    "target=protesters": lambda s, t: is_protesters(t),
    "target=civilians": lambda s, t: is_civilians(t),
}


def acled_for(
    code: str, source: ActorLike | None = None, target: ActorLike | None = None
) -> dict[str, str] | None:
    """ACLED event_type/sub_event_type for a CAMEO code and its actors (None: ACLED has no equivalent)."""
    rules = acled_rules()
    for prefix in _parents(code):
        for rule in rules.get(prefix, []):
            if all(_CONDITIONS[c](source, target) for c in rule.conditions):
                if rule.event_type is None or rule.sub_event_type is None:
                    return None
                return {"event_type": rule.event_type, "sub_event_type": rule.sub_event_type}
    return None


def is_known(code: str) -> bool:
    """True for a CAMEO code listed in the codebook table."""
    return code in cameo_table()


def cameo_name(code: str) -> str:
    row = cameo_table().get(code)
    if row is None:
        raise EventwireError("E032", cameo=code)
    return row.name


def describe(code: str, *, source: ActorLike | None = None, target: ActorLike | None = None) -> CameoInfo:
    """Everything about one CAMEO code; ``source``/``target`` refine the ACLED sub-type."""
    code = code.strip()
    row = cameo_table().get(code)
    if row is None:
        raise EventwireError("E032", cameo=code)
    return CameoInfo(
        code=row.code,
        root=row.root,
        name=row.name,
        goldstein=row.goldstein,
        quad_class=row.quad_class,
        plover=plover_for(code),
        acled=acled_for(code, source, target),
    )


class _EventLike(Protocol):
    """What the document pass reads and sets (``model.Event`` fits)."""

    @property
    def cameo(self) -> str: ...

    @property
    def target(self) -> ActorLike | None: ...

    acled: dict[str, str] | None


_INTERVENTION_ROOTS = ("17", "18", "20")


def refine_acled_document(events: Sequence[_EventLike]) -> None:
    """Document-level ACLED pass: peaceful protests become "Protest with intervention" when the same report
    has coercion or violence (17x/18x/20x) against protesters. Mutates ``events`` in place."""
    intervened = any(e.cameo[:2] in _INTERVENTION_ROOTS and is_protesters(e.target) for e in events)
    if not intervened:
        return
    for event in events:
        if event.acled and event.acled.get("sub_event_type") == "Peaceful protest":
            event.acled = {"event_type": "Protests", "sub_event_type": "Protest with intervention"}
