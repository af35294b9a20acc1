"""Modality of an event trigger: negated, only intended, hypothetical, reported by someone, or historical?

The coder walks up from the trigger's clause through complement links (``xcomp``, ``ccomp``, ``acomp``,
``conj``, prepositional complements) and reads the frame words it passes (``data/lexicon/frames.yaml``):
intent frames ("ready to", "plans to", "offered to"), appeals ("urged X to"), demands, refusals
("refused to"), speech verbs ("said", "according to") and accusations ("accused X of ...").
``ClauseFrames`` records what it found so the event coder can re-code the event (intent -> 03x,
refusal -> 12x, appeal -> 02x) and fill ``Modality``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from eventwire.coding.frames import children, is_infinitive, own_subject, subject_token
from eventwire.coding.lexicon import Frames

#: Links from a complement clause to the clause that governs it.
COMPLEMENT_DEPS = ("xcomp", "ccomp", "acomp", "pcomp", "pobj")
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


@dataclass
class ClauseFrames:
    """What governs a trigger's clause, innermost first."""

    intent: list[Token] = field(default_factory=list)  # intent frame words ("prepared", "offered")
    appeal: Token | None = None  # "urged X to ..." (the appeal verb, which has an object)
    demand: Token | None = None
    refusal: Token | None = None  # "refused to ..."
    speech: Token | None = None  # "said", "insisted" ...
    according_to: Token | None = None  # the X of "according to X"
    accusation: bool = False  # inside "accused X of ..." / "alleged that ..."
    stopped_at: Token | None = None  # the outermost clause reached
    unrealised: bool = (
        False  # an infinitive governed by no frame ("permission to help", "in order to attack")
    )
    chain: list[Token] = field(default_factory=list)  # every clause head passed, trigger clause first


def _governor(token: Token) -> tuple[Token, str] | None:
    """The clause that governs ``token`` through a complement link, and the link's label."""
    dep = token.dep_
    if token.head.i == token.i:
        return None
    if dep in ("xcomp", "ccomp", "acomp", "conj"):
        return token.head, dep
    if (
        dep in ("pcomp", "pobj")
        and token.head.dep_ == "prep"
        and token.head.head.pos_ in ("VERB", "ADJ", "AUX")
    ):
        return token.head.head, "prep:" + token.head.lower_
    return None


def clause_frames(clause: Token, frames: Frames) -> ClauseFrames:
    """Walk up from ``clause`` collecting the frames that govern it."""
    out = ClauseFrames(chain=[clause])
    current = clause
    for _ in range(8):
        _according_to(current, out)
        step = _governor(current)
        if step is None:
            out.unrealised = out.unrealised or (current.i == clause.i and is_infinitive(current))
            break
        parent, link = step
        lemma = parent.lemma_.lower()
        out.chain.append(parent)
        if link == "conj":  # a conjoined verb is a sibling event: it shares only what governs both
            current = parent
            continue
        if lemma in frames.accusation_verbs:
            out.accusation = True
            break
        if lemma in frames.speech_verbs:
            out.speech = parent
            _according_to(parent, out)
            break
        if lemma in frames.appeal_frames and (
            (link == "xcomp" and children(parent, "dobj"))
            or (link == "ccomp" and is_infinitive(current) and own_subject(current) is not None)
        ):
            out.appeal = parent  # "urged Iran to free ...", "wants Putin to attack ..."
            break
        if lemma in frames.demand_frames and (
            link == "xcomp" and children(parent, "dobj") or link == "ccomp"
        ):
            out.demand = parent
            break
        if lemma in frames.refusal_frames and link == "xcomp":
            out.refusal = parent
        elif lemma in frames.intent_frames:
            out.intent.append(parent)
        elif lemma not in frames.transparent:
            # another event verb governs ("pressured X to help", "permission to help"): an infinitive under
            # it is that verb's content, not an act of its own
            out.unrealised = is_infinitive(current)
            break
        current = parent
    out.stopped_at = current
    return out


def _according_to(token: Token, out: ClauseFrames) -> None:
    if out.according_to is not None:
        return
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "according":
            for sub in child.subtree:
                if sub.dep_ == "pobj":
                    out.according_to = sub
                    return


def is_negated(token: Token, frames: Frames) -> bool:
    """ "did not attack", "never betrayed", "no protests", "would not rerun"."""
    for child in token.children:
        if child.dep_ == "neg" or (child.dep_ == "det" and child.lower_ == "no"):
            return True
        if child.dep_ in ("nsubj", "nsubjpass") and _nobody(child):
            return True  # "No group has claimed responsibility", "nobody was arrested"
        if child.dep_ in ("aux", "advmod") and child.lower_ in frames.negators:
            return True
    return False


_NOBODY = frozenset({"nobody", "none", "noone", "no-one"})


def _nobody(subject: Token) -> bool:
    return subject.lower_ in _NOBODY or any(c.dep_ == "det" and c.lower_ == "no" for c in subject.children)


def is_absence(token: Token) -> bool:
    """A negation that reports something has not (yet) happened rather than someone refusing: a perfect ("have
    not agreed to any talks"), a passive ("no meeting has been scheduled") or a "no N" subject. Such a
    negated cooperative act is not a rejection (12x)."""
    if any(c.dep_ in ("nsubj", "nsubjpass") and _nobody(c) for c in token.children):
        return True
    if any(c.dep_ == "auxpass" for c in token.children):
        return True
    return any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in token.children)


def is_hypothetical(chain: list[Token], frames: Frames) -> bool:
    """A conditional ("if he leaves"), a condition on the event ("if necessary"), a modal ("could attack")."""
    for clause in chain:
        for child in clause.children:
            if child.dep_ == "mark" and child.lower_ in frames.hypothetical_marks:
                return True
            if child.dep_ == "aux" and child.lower_ in frames.hypothetical_aux:
                return True
            if child.dep_ == "advcl" and any(
                m.dep_ == "mark" and m.lower_ in frames.hypothetical_marks for m in child.children
            ):
                return True
        if clause.dep_ == "advcl" and any(
            m.dep_ == "mark" and m.lower_ in frames.hypothetical_marks for m in clause.children
        ):
            return True
    return False


def is_future(clause: Token, auxiliaries: frozenset[str]) -> bool:
    return any(c.dep_ in ("aux", "auxpass") and c.lower_ in auxiliaries for c in clause.children)


def _year_of(ent_text: str) -> int | None:
    match = _YEAR.search(ent_text)
    return int(match.group(1)) if match else None


def is_historical(trigger: Token, clause: Token, sent: Span, published: dt.date | None) -> bool:
    """An earlier episode named in passing: a year before the report's year attached to the trigger's clause.

    "In 2010, there were protests": "2010" hangs off the clause of "protests" without crossing another verb.
    Without a publication date, today's date stands in.
    """
    today = published or dt.date.today()
    # a year before the report's year counts unless the report is from the first quarter (then "in 2023" in
    # January 2024 may be last month's news)
    reference = today.year if today.month > 3 else today.year - 1
    anchors = {trigger.i, clause.i, trigger.head.i if trigger.pos_ in ("NOUN", "PROPN") else trigger.i}
    for ent in sent.ents:
        if ent.label_ not in ("DATE", "CARDINAL"):
            continue
        year = _year_of(ent.text)
        if year is None or year >= reference:
            continue
        node = ent.root
        for _ in range(6):
            if node.i in anchors:
                return True
            if node.head.i == node.i or (node.pos_ in ("VERB", "AUX") and node.i != ent.root.i):
                break
            node = node.head
    return False


def speaker_token(frames_found: ClauseFrames) -> Token | None:
    """Who says so: the subject of the governing speech verb, else the X of "according to X"."""
    if frames_found.speech is not None:
        subj = subject_token(frames_found.speech)
        if subj is not None:
            return subj
    return frames_found.according_to


#: Units of an interval that puts a clause before the main event ("two weeks after rebels kidnapped ...").
_INTERVAL_UNITS = frozenset({"day", "week", "month", "year", "decade"})


def is_earlier_episode(clause: Token) -> bool:
    """A clause dated by an interval before the main event ("two weeks after rebels kidnapped peacekeepers",
    "months since the army seized power"): an earlier episode named as background, not this report's event."""
    for node in (clause, clause.head):
        if node.dep_ != "advcl" and node.i != clause.i:
            break
        for mark in node.children:
            if mark.dep_ == "mark" and mark.lower_ in ("after", "since"):
                units = [c for c in mark.children if c.dep_ in ("npadvmod", "advmod")]
                units += [c for c in node.children if c.dep_ == "npadvmod"]
                if any(u.lemma_.lower() in _INTERVAL_UNITS for u in units):
                    return True
        if node.dep_ != "advcl":
            break
    return False
