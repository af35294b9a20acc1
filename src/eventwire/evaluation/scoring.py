"""Scoring: precision / recall / F1 per level, the seed's acceptance numbers, counts and quotes."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from eventwire.coding.ontology import plover_for
from eventwire.errors import EventwireError
from eventwire.evaluation.gold import GoldCount, GoldEntity, GoldQuote, GoldSet, GoldUnit
from eventwire.evaluation.matching import (
    LEVELS,
    PredEvent,
    actor_key,
    bipartite_match,
    event_matches,
    in_span,
    locate_words,
)

#: Roots of military/forceful events (mobilise, coerce, assault, fight, mass violence) for the NATO-source
#: check.
MILITARY_ROOTS = frozenset({"15", "17", "18", "19", "20"})
STATEMENT_ROOT = "01"


@dataclass
class PredUnit:
    """What was extracted for one gold unit: the cleaned text (offsets refer to it), events, counts,
    quotes."""

    text: str
    events: list[PredEvent]
    counts: list[dict[str, Any]] = field(default_factory=list)
    quotes: list[dict[str, Any]] = field(default_factory=list)
    actors: list[dict[str, Any]] = field(default_factory=list)  # document-level entities (coreference)


@dataclass
class LevelScore:
    matched: int = 0  # predictions matched to a gold event (required or optional): true positives
    predicted: int = 0
    matched_required: int = 0
    required: int = 0

    @property
    def false_positives(self) -> int:
        return self.predicted - self.matched

    @property
    def missed(self) -> int:
        return self.required - self.matched_required

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched_required / self.required if self.required else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: LevelScore) -> None:
        self.matched += other.matched
        self.predicted += other.predicted
        self.matched_required += other.matched_required
        self.required += other.required

    def as_dict(self) -> dict[str, float | int]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "tp": self.matched,
            "fp": self.false_positives,
            "fn": self.missed,
            "predicted": self.predicted,
            "gold_required": self.required,
        }


@dataclass
class EventRow:
    """One line of the per-event listing (--verbose)."""

    unit_id: str
    gold_id: str | None
    optional: bool
    gold: str | None  # "SRC TGT codes"
    pred: str | None  # "SRC TGT code"
    root_ok: bool
    exact_ok: bool
    evidence: str | None = None  # the gold words, or the predicted trigger for a false positive


@dataclass
class EvalReport:
    name: str
    kind: str
    units: int
    levels: dict[str, LevelScore]
    rows: list[EventRow]
    acceptance: dict[str, float | int] = field(default_factory=dict)
    counts: LevelScore | None = None
    quotes: LevelScore | None = None
    quote_speakers_right: int = 0
    #: informational (not gated): of root-matched events whose gold gives a PLOVER type, how many agree
    plover_checked: int = 0
    plover_agree: int = 0
    #: diagnostics: gold root (first listed code) -> [required gold events, found at country+root level]
    by_root: dict[str, list[int]] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    def metrics(self) -> dict[str, float | int]:
        """Flat numbers the baseline gate compares (higher is better unless listed in LOWER_IS_BETTER)."""
        out: dict[str, float | int] = {}
        for level, score in self.levels.items():
            out[f"{level}_precision"] = round(score.precision, 4)
            out[f"{level}_recall"] = round(score.recall, 4)
            out[f"{level}_f1"] = round(score.f1, 4)
        out.update(self.acceptance)
        if self.counts is not None:
            out["counts_f1"] = round(self.counts.f1, 4)
        if self.quotes is not None:
            out["quotes_f1"] = round(self.quotes.f1, 4)
        return out

    def as_dict(self) -> dict[str, Any]:
        return {
            "gold": self.name,
            "kind": self.kind,
            "units": self.units,
            "levels": {level: score.as_dict() for level, score in self.levels.items()},
            "acceptance": self.acceptance,
            "counts": self.counts.as_dict() if self.counts else None,
            "quotes": (
                {**self.quotes.as_dict(), "speaker_right": self.quote_speakers_right} if self.quotes else None
            ),
            "by_root": {root: {"gold": n, "found": k} for root, (n, k) in sorted(self.by_root.items())},
            "plover_type_agreement": {"checked": self.plover_checked, "agree": self.plover_agree},
            "metrics": self.metrics(),
            "events": [row.__dict__ for row in self.rows],
            "warnings": self.warnings,
        }


#: Acceptance numbers where lower is better (must not rise above the recorded baseline).
LOWER_IS_BETTER = frozenset({"forbidden_military_source", "forbidden_dated"})


def _describe_gold(gold: Any) -> str:
    return f"{gold.source_code or '-'} {gold.target_code or '-'} {'/'.join(gold.codes)}"


def _describe_pred(pred: PredEvent) -> str:
    return f"{pred.source_code or '-'} {pred.target_code or '-'} {pred.cameo}"


def _score_unit(unit: GoldUnit, pred: PredUnit, report: EvalReport) -> None:
    spans: list[tuple[int, int] | None] = []
    for gold in unit.events:
        span = locate_words(pred.text, gold.words) if gold.words else None
        if gold.words and span is None:
            report.warnings.append(f"{unit.unit_id} {gold.gold_id}: gold words not found in the text")
            span = (-1, -1)  # matches no sentence
        spans.append(span)
    matches: dict[str, dict[int, int]] = {}
    for level in LEVELS:

        def compatible(g: Any, p: PredEvent, level: str = level) -> bool:
            return in_span(p, spans[unit.events.index(g)]) and event_matches(g, p, level)

        matches[level] = bipartite_match(unit.events, pred.events, compatible)
        score = LevelScore(
            matched=len(matches[level]),
            predicted=len(pred.events),
            matched_required=sum(1 for i in matches[level] if not unit.events[i].optional),
            required=sum(1 for g in unit.events if not g.optional),
        )
        report.levels[level].add(score)
    _check_plover(unit, pred, matches["root"], report)
    for i, gold in enumerate(unit.events):
        if not gold.optional:
            tally = report.by_root.setdefault(gold.codes[0][:2], [0, 0])
            tally[0] += 1
            tally[1] += i in matches["root"]
    _listing(unit, pred, matches, report)


def _check_plover(unit: GoldUnit, pred: PredUnit, matched: dict[int, int], report: EvalReport) -> None:
    """Compare the PLOVER type our ontology gives the predicted CAMEO code with the gold's PLOVER type."""
    for i, j in matched.items():
        gold_type = unit.events[i].plover_type
        if not gold_type:
            continue
        try:
            ours = plover_for(pred.events[j].cameo)["type"]
        except EventwireError:  # an unknown CAMEO code has no PLOVER type
            ours = None
        report.plover_checked += 1
        report.plover_agree += ours == gold_type.upper()


def _listing(unit: GoldUnit, pred: PredUnit, matches: dict[str, dict[int, int]], report: EvalReport) -> None:
    root, exact = matches["root"], matches["exact"]
    used: set[int] = set()
    for i, gold in enumerate(unit.events):
        j = root.get(i, exact.get(i))
        if j is not None:
            used.add(j)
        report.rows.append(
            EventRow(
                unit_id=unit.unit_id,
                gold_id=gold.gold_id,
                optional=gold.optional,
                gold=_describe_gold(gold),
                pred=_describe_pred(pred.events[j]) if j is not None else None,
                root_ok=i in root,
                exact_ok=i in exact,
                evidence=gold.words or unit.text,
            )
        )
    for j, event in enumerate(pred.events):
        if j not in used:
            report.rows.append(
                EventRow(
                    unit.unit_id,
                    None,
                    False,
                    None,
                    _describe_pred(event),
                    root_ok=False,
                    exact_ok=False,
                    evidence=_pred_evidence(pred.text, event),
                )
            )


def _pred_evidence(text: str, event: PredEvent) -> str | None:
    """The trigger and the start of its sentence, so a false positive can be looked at without the JSON."""
    sentence = ""
    if event.sentence_start is not None and event.sentence_end is not None:
        sentence = " ".join(text[event.sentence_start : event.sentence_end].split())
    if event.trigger and sentence:
        return f"[{event.trigger}] {sentence}"
    return event.trigger or sentence or None


def _acceptance(unit: GoldUnit, pred: PredUnit) -> dict[str, float | int]:
    """The seed's acceptance numbers (issue 3): required events found, precision over non-statement events,
    forbidden military sources, events dated in forbidden (historical) years."""
    spans = [locate_words(pred.text, g.words) if g.words else None for g in unit.events]

    def compatible(g: Any, p: PredEvent) -> bool:
        span = spans[unit.events.index(g)]
        return span is not None and in_span(p, span) and event_matches(g, p, "root")

    non_statement = [p for p in pred.events if p.root != STATEMENT_ROOT]
    matched_non01 = bipartite_match(unit.events, non_statement, compatible)
    found = bipartite_match(unit.events, pred.events, compatible)
    banned = {actor_key(code).country for code in unit.forbidden_military_sources}
    return {
        "required_found": sum(1 for i in found if not unit.events[i].optional),
        "required_total": sum(1 for g in unit.events if not g.optional),
        "precision_non01": round(len(matched_non01) / len(non_statement), 4) if non_statement else 0.0,
        "forbidden_military_source": sum(
            1 for p in pred.events if p.root in MILITARY_ROOTS and actor_key(p.source_code).country in banned
        ),
        "forbidden_dated": sum(
            1 for p in pred.events if p.date and any(p.date.startswith(y) for y in unit.forbidden_years)
        ),
    }


# --------------------------------------------------------------------------------------------- counts


_NUMBER_RE = re.compile(r"\d[\d,]*")


def _numbers(value: str) -> list[int]:
    return [int(n.replace(",", "")) for n in _NUMBER_RE.findall(value)]


def count_matches(gold: GoldCount, pred: dict[str, Any]) -> bool:
    """Same kind, same historical flag, and the value agrees: a number (exact or within the predicted
    range), a range (same bounds), or a vague quantity ("hundreds": the predicted text says it)."""
    if str(pred.get("kind", "")).lower() != gold.kind.lower():
        return False
    if bool(pred.get("historical", False)) != gold.historical:
        return False
    numbers = _numbers(gold.value)
    value, low, high = pred.get("value"), pred.get("low"), pred.get("high")
    if len(numbers) >= 2:
        return (low, high) == (numbers[0], numbers[1]) or (
            value is not None and numbers[0] <= value <= numbers[1]
        )
    if len(numbers) == 1:
        n = numbers[0]
        return value == n or (low is not None and high is not None and low <= n <= high) or low == n
    return gold.value.lower() in str(pred.get("text", "")).lower()


def _score_counts(golds: list[GoldCount], preds: list[dict[str, Any]]) -> LevelScore:
    owner: dict[int, int] = {}
    for i, gold in enumerate(golds):
        for j, pred in enumerate(preds):
            if j not in owner and count_matches(gold, pred):
                owner[j] = i
                break
    return LevelScore(
        matched=len(owner), predicted=len(preds), matched_required=len(owner), required=len(golds)
    )


# --------------------------------------------------------------------------------------------- quotes


def _norm(text: str) -> str:
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    return " ".join(re.sub(r"[^\w' ]+", " ", text.lower()).split())


def quote_matches(gold: GoldQuote, pred_text: str) -> bool:
    """The texts overlap substantially: one contains the other and the shorter is at least half the longer,
    or the gold gives the opening sentence of a longer predicted passage (gold sets often list a multi-sentence
    quotation by its first sentence)."""
    g, p = _norm(gold.text), _norm(pred_text)
    if not g or not p:
        return False
    short, long_ = sorted((g, p), key=len)
    if short not in long_:
        return False
    return len(short) >= 0.5 * len(long_) or (short == g and p.startswith(g))


def speaker_right(gold: GoldQuote, speaker: Any) -> bool:
    """The predicted speaker's name or text contains the gold speaker's last word ("Lukashenko",
    "Kremlin")."""
    if not gold.speaker or not isinstance(speaker, dict):
        return False
    key = gold.speaker.split()[-1].lower()
    return any(key in str(speaker.get(f) or "").lower() for f in ("name", "text"))


def _score_quotes(golds: list[GoldQuote], preds: list[dict[str, Any]]) -> tuple[LevelScore, int]:
    owner: dict[int, int] = {}
    speakers = 0
    for i, gold in enumerate(golds):
        for j, pred in enumerate(preds):
            if j not in owner and quote_matches(gold, str(pred.get("text", ""))):
                owner[j] = i
                speakers += speaker_right(gold, pred.get("speaker"))
                break
    score = LevelScore(
        matched=len(owner), predicted=len(preds), matched_required=len(owner), required=len(golds)
    )
    return score, speakers


# --------------------------------------------------------------------------------------------- entities

_PRONOUNS = frozenset(
    {"he", "him", "his", "she", "her", "hers", "they", "them", "their", "it", "its", "we", "us", "our", "i"}
)


def _mention_texts(entity: dict[str, Any]) -> list[str]:
    texts = [str(m.get("text") or "") for m in entity.get("mentions") or [] if isinstance(m, dict)]
    return [t.lower() for t in [str(entity.get("name") or ""), *texts] if t]


def entity_resolution(gold: GoldEntity, actors: list[dict[str, Any]]) -> tuple[bool, float | None]:
    """(resolved, mention recall) for one gold person/organisation.

    Resolved: exactly one predicted entity is named by the gold name's last word ("Lukashenko", "Kremlin")
    and it carries the gold code (IGO spellings folded). Mention recall: the share of the gold's non-pronoun
    mention strings that one of that entity's mentions contains or is contained in (None when the gold
    lists no mentions)."""
    key = re.compile(rf"\b{re.escape(gold.name.split()[-1].lower())}\b")
    candidates = [a for a in actors if any(key.search(t) for t in _mention_texts(a))]
    if len(candidates) != 1:
        return False, (0.0 if gold.mentions else None)
    (entity,) = candidates
    resolved = gold.code is None or actor_key(str(entity.get("code") or "")).full == actor_key(gold.code).full
    wanted = {m.lower() for m in gold.mentions if m.lower() not in _PRONOUNS}
    if not wanted:
        return resolved, None
    texts = _mention_texts(entity)
    found = sum(1 for w in wanted if any(w in t or t in w for t in texts if t not in _PRONOUNS))
    return resolved, found / len(wanted)


def _score_entities(golds: list[GoldEntity], actors: list[dict[str, Any]]) -> dict[str, float | int]:
    results = [entity_resolution(g, actors) for g in golds]
    recalls = [r for _, r in results if r is not None]
    return {
        "entities_resolved": sum(1 for ok, _ in results if ok),
        "entities_total": len(golds),
        "entity_mention_recall": round(sum(recalls) / len(recalls), 4) if recalls else 0.0,
    }


# --------------------------------------------------------------------------------------------- entry point


def evaluate(gold: GoldSet, predictions: dict[str, PredUnit]) -> EvalReport:
    """Score predictions (keyed by gold unit id) against a gold set; a unit without predictions has none."""
    report = EvalReport(
        name=gold.name,
        kind=gold.kind,
        units=len(gold.units),
        levels={lvl: LevelScore() for lvl in LEVELS},
        rows=[],
    )
    acceptance: dict[str, float | int] = {}
    for unit in gold.units:
        pred = predictions.get(unit.unit_id)
        if pred is None:
            report.warnings.append(f"{unit.unit_id}: no prediction for this gold unit")
            pred = PredUnit(text=unit.text, events=[])
        _score_unit(unit, pred, report)
        if gold.kind == "seed":
            for key, value in _acceptance(unit, pred).items():
                acceptance[key] = acceptance.get(key, 0) + value
            if unit.entities:
                for key, value in _score_entities(unit.entities, pred.actors).items():
                    acceptance[key] = acceptance.get(key, 0) + value
            if unit.counts:
                report.counts = report.counts or LevelScore()
                report.counts.add(_score_counts(unit.counts, pred.counts))
            if unit.quotes:
                report.quotes = report.quotes or LevelScore()
                quotes, speakers = _score_quotes(unit.quotes, pred.quotes)
                report.quotes.add(quotes)
                report.quote_speakers_right += speakers
    report.acceptance = acceptance
    return report
