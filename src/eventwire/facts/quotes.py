"""Direct quotations and who said them.

A *passage* is the text between matching quote marks (curly or straight double quotes, guillemets) inside one
paragraph; a paragraph that ends inside a quotation continues it in the next paragraph when that one opens
with a quote mark (the standard convention), and the passages of such a chain share their speaker.

Each passage is a *full* quote (a whole utterance: it starts a sentence, or follows "X said:" / "X said,") or
a *partial* one (embedded in a sentence: ``taking into account "pressure exerted on [Belarus]"``). The speaker
is found from, in order:

1. the attribution after the quote (``"...," he said`` / ``"...," said Eugen from Minsk`` / ``"..." X urged on
   ...``),
2. the attribution before it (``X said: "..."``),
3. for a partial quote, the subject of the reporting verb that governs it,
4. for a full quote with no attribution, the speaker of the previous quote in the same paragraph, or of the
   last quote of the previous paragraph when this paragraph opens with the quote (journalistic convention).

Pronoun speakers are resolved through the actor analysis (``ActorAnalysis.mention_at``); when it has no
mention, "he"/"she" falls back to the nearest preceding PERSON entity. Anything less certain gives no speaker:
no speaker is better than a wrong one. ``via`` records the outlet or channel a quote is credited to
("according to ..., Belta", "on the Nexta Telegram channel", "told Reuters")."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from spacy.tokens import Doc, Span, Token

from eventwire.model import Actor, ActorAnalysis, ActorMention, Quote

LEXICON_PATH = Path(__file__).resolve().parent.parent / "data" / "quotes" / "reporting.yaml"

#: Opening mark -> the marks that may close it. A straight quote closes itself.
PAIRS = {"\u201c": "\u201d", '"': '"', "\u00ab": "\u00bb", "\u201e": "\u201c\u201d"}
CLOSERS = {"\u201d", "\u00bb"}
DOUBLE_MARKS = frozenset({*PAIRS, *CLOSERS})
TREEBANK_OPEN, TREEBANK_CLOSE = "``", "''"
SINGLE_OPEN = frozenset({"\u2018", "'"})
SINGLE_CLOSE = frozenset({"\u2019", "'"})
#: Every token that is a quote mark (spaCy splits the Treebank opening mark into two backticks).
ALL_MARKS = frozenset({*DOUBLE_MARKS, *SINGLE_OPEN, *SINGLE_CLOSE, TREEBANK_OPEN, TREEBANK_CLOSE, "`"})

#: The actor code of a speaker the actor analysis could not code (CAMEO's "unknown actor").
UNKNOWN_CODE = "---"

#: Pronouns that may be resolved to the nearest preceding person when coreference gives nothing.
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
#: Pronouns never resolved by the fallback (a group, a thing, or the speaker inside a quote).
OTHER_PRONOUNS = frozenset({"they", "it", "we", "i", "you", "them", "one", "who", "this", "that"})

#: Entity labels whose whole span names an outlet or channel.
NAME_LABELS = frozenset({"ORG", "PRODUCT", "WORK_OF_ART", "FAC"})

#: ActorMention.via values that show the actor analysis resolved pronouns / coreference.
COREF_VIAS = frozenset({"pronoun", "coref"})

#: How far (tokens) into the attribution the reporting verb may be: '"...," the former prime minister said'.
MAX_VERB_OFFSET = 8

#: Longest attribution after a quote that still lets the next quote paragraph inherit its speaker.
MAX_ATTRIBUTION_CHARS = 150

SENTENCE_END = frozenset({".", "!", "?"})
TITLES = frozenset(
    {"mr", "mrs", "ms", "dr", "president", "prime", "minister", "sir", "madam", "mr.", "mrs.", "ms."}
)


@dataclass(frozen=True)
class Lexicon:
    reporting: frozenset[str]
    say: frozenset[str]
    not_reporting: frozenset[str]
    channel_nouns: frozenset[str]
    platforms: frozenset[str]
    interview_nouns: frozenset[str]
    min_partial_words: int


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The quote-frame lexicon of data/quotes/reporting.yaml, read once per process."""
    raw: dict[str, Any] = yaml.safe_load(LEXICON_PATH.read_text(encoding="utf-8"))

    def words(key: str) -> frozenset[str]:
        return frozenset(str(w).lower() for w in raw.get(key) or ())

    return Lexicon(
        reporting=words("reporting_verbs") - words("not_reporting"),
        say=words("say_verbs"),
        not_reporting=words("not_reporting"),
        channel_nouns=words("channel_nouns"),
        platforms=words("platforms"),
        interview_nouns=words("interview_nouns"),
        min_partial_words=int(raw.get("min_partial_words", 3)),
    )


@dataclass
class Passage:
    """Text between an opening and a closing quote mark (or the paragraph end, for an unclosed one)."""

    open_char: int  # offset of the opening mark
    close_char: int  # offset of the closing mark, or the paragraph end when unclosed
    start: int  # the quote text (marks, surrounding blanks and a trailing comma excluded)
    end: int
    paragraph: int
    closed: bool
    continues: bool = False  # continues the unclosed passage before it (next paragraph)
    partial: bool = False
    speaker: Actor | None = None
    via: str | None = None
    attributed: bool = False  # the speaker was found from this passage's own frame
    tokens: list[Token] = field(default_factory=list)


def extract_quotes(doc: Doc, actors: ActorAnalysis) -> list[Quote]:
    """Every direct quotation in ``doc`` with its speaker (None when unsure), in text order."""
    lex = load_lexicon()
    passages = [p for p in _passages(doc) if p.tokens]
    kept: list[Passage] = []
    for passage in passages:
        passage.partial = _is_partial(doc, passage)
        if passage.partial and not _keep_partial(passage, lex):
            continue
        _attribute(doc, passage, actors, lex)
        kept.append(passage)
    _share_chains(kept)
    _inherit(doc, kept)
    return [
        Quote(
            text=doc.text[p.start : p.end],
            start=p.start,
            end=p.end,
            speaker=p.speaker,
            via=p.via,
            partial=p.partial,
        )
        for p in kept
    ]


# ----------------------------------------------------------------------------------------------------
# Finding passages


_PARAGRAPH = re.compile(r"[^\n]+")

#: Characters a paragraph can end with; any other last character means the line was wrapped mid-sentence.
PARAGRAPH_ENDS = frozenset('.!?:;"\u201d\u2019\u00bb)]\u2014-')


def _passages(doc: Doc) -> list[Passage]:
    text = doc.text
    found: list[Passage] = []
    for index, (para_start, para_end) in enumerate(_paragraphs(text)):
        body = text[para_start:para_end]
        pairs = _double_pairs(text, para_start, para_end)
        if not pairs and not any(ch in DOUBLE_MARKS for ch in body) and TREEBANK_OPEN not in body:
            # British style: single quotes are the quotation marks when a paragraph has no double ones.
            pairs = _single_pairs(text, para_start, para_end)
        for open_at, close_at in pairs:
            end = para_end if close_at is None else close_at
            found.append(_passage(doc, open_at, end, index, closed=close_at is not None))
        if found and found[-1].paragraph == index and _starts_with_quote(text, para_start, para_end):
            first = next(p for p in found if p.paragraph == index)
            prev = [p for p in found if p.paragraph == index - 1]
            first.continues = bool(prev) and not prev[-1].closed
    return found


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """Paragraph spans; a line that breaks mid-sentence (hard-wrapped text) joins the next one.

    A line ending without closing punctuation and followed by a line starting in lower case is one
    paragraph wrapped in two, so a quotation across the break stays one passage.
    """
    spans: list[tuple[int, int]] = []
    for line in _PARAGRAPH.finditer(text):
        if not line.group().strip():
            continue
        if spans:
            prev_start, prev_end = spans[-1]
            tail = text[prev_start:prev_end].rstrip()
            if tail and tail[-1] not in PARAGRAPH_ENDS and line.group().lstrip()[:1].islower():
                spans[-1] = (prev_start, line.end())
                continue
        spans.append((line.start(), line.end()))
    return spans


def _double_pairs(text: str, start: int, end: int) -> list[tuple[int, int | None]]:
    """(opening, closing) offsets of double-quoted passages; closing None when the paragraph ends in one.

    Besides curly, straight and angle marks, the ``Penn Treebank'' pair of wire-service archives
    (two backticks, two apostrophes) is read as double quotes.
    """
    pairs: list[tuple[int, int | None]] = []
    open_at: int | None = None
    pos = start
    while pos < end:
        ch = text[pos]
        treebank_open = text.startswith(TREEBANK_OPEN, pos)
        if open_at is None and (treebank_open or (ch in PAIRS and _can_open(text, pos))):
            open_at = pos
            pos += len(TREEBANK_OPEN) if treebank_open else 1
            continue
        if open_at is not None and text.startswith(TREEBANK_OPEN, open_at):
            if text.startswith(TREEBANK_CLOSE, pos):
                pairs.append((open_at, pos))
                open_at = None
        elif open_at is not None and ch in PAIRS[text[open_at]]:
            pairs.append((open_at, pos))
            open_at = None
        elif open_at is not None and ch in PAIRS and ch not in CLOSERS and ch != '"':
            open_at = pos  # a new opening mark before any close: the earlier one was stray
        pos += 1
    if open_at is not None:
        pairs.append((open_at, None))
    return pairs


def _single_pairs(text: str, start: int, end: int) -> list[tuple[int, int | None]]:
    """Single-quoted passages, telling quote marks from apostrophes ("don't", "the protesters' demands").

    An opening mark starts a word after a blank or bracket; a *strong* closing mark follows punctuation or is
    followed by punctuation or the paragraph end; a *weak* one (a letter, then a blank) may be a plural
    possessive and closes only when no strong one follows.
    """
    pairs: list[tuple[int, int | None]] = []
    pos = start
    while pos < end:
        if text[pos] in SINGLE_OPEN and _single_opens(text, pos, start, end):
            strong = weak = None
            for close in range(pos + 2, end):
                kind = _single_close_kind(text, close, end)
                if kind == "strong":
                    strong = close
                    break
                if kind == "weak" and weak is None:
                    weak = close
            close_at = strong if strong is not None else weak
            pairs.append((pos, close_at))
            if close_at is None:
                break
            pos = close_at + 1
            continue
        pos += 1
    return pairs


def _single_opens(text: str, pos: int, start: int, end: int) -> bool:
    before_ok = pos == start or text[pos - 1].isspace() or text[pos - 1] in "([\u2014-"
    return before_ok and pos + 1 < end and text[pos + 1].isalnum()


def _single_close_kind(text: str, pos: int, end: int) -> str | None:
    if text[pos] not in SINGLE_CLOSE:
        return None
    after = text[pos + 1] if pos + 1 < end else ""
    before = text[pos - 1]
    if after.isalnum() or before.isspace():
        return None  # inside a word ("don't") or an opening mark
    if before in ",.!?;" or after == "" or after in ",.;:!?)\u2014":
        return "strong"
    return "weak"


def _can_open(text: str, pos: int) -> bool:
    """A straight quote opens only at a word start (not after a letter: 12" pipe, O"Neil typos)."""
    if text[pos] != '"':
        return True
    return pos == 0 or not text[pos - 1].isalnum()


def _starts_with_quote(text: str, start: int, end: int) -> bool:
    stripped = text[start:end].lstrip()
    return bool(stripped) and stripped[0] in PAIRS


def _passage(doc: Doc, open_char: int, close_char: int, paragraph: int, *, closed: bool) -> Passage:
    text = doc.text
    start = open_char + (len(TREEBANK_OPEN) if text.startswith(TREEBANK_OPEN, open_char) else 1)
    end = close_char
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1  # '"...," he said': the comma belongs to the frame, not to the quote
    passage = Passage(open_char, close_char, start, end, paragraph, closed)
    span = doc.char_span(start, end, alignment_mode="expand") if end > start else None
    passage.tokens = list(span) if span is not None else []
    return passage


def _word_count(passage: Passage) -> int:
    return sum(1 for t in passage.tokens if not t.is_punct and not t.is_space)


# ----------------------------------------------------------------------------------------------------
# Frames around a passage


def _before(doc: Doc, passage: Passage) -> list[Token]:
    """Tokens of the same sentence before the opening mark (back to a sentence end, quote or paragraph)."""
    out: list[Token] = []
    i = _token_at(doc, passage.open_char) - 1
    while i >= 0:
        tok = doc[i]
        if tok.is_space and "\n" in tok.text or tok.text in SENTENCE_END or _is_quote_mark(tok):
            break
        out.append(tok)
        i -= 1
    out.reverse()
    return out


def _after(doc: Doc, passage: Passage) -> list[Token]:
    """Tokens after the closing mark up to the end of the sentence, the next quote or the paragraph."""
    if not passage.closed:
        return []
    out: list[Token] = []
    i = _token_at(doc, passage.close_char) + 1
    while i < len(doc):
        tok = doc[i]
        if tok.is_space and "\n" in tok.text or tok.text in SENTENCE_END or _is_quote_mark(tok):
            break
        out.append(tok)
        i += 1
    return out


def _token_at(doc: Doc, char: int) -> int:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span.start if span is not None else len(doc)


def _is_quote_mark(tok: Token) -> bool:
    return tok.text in ALL_MARKS


def _is_partial(doc: Doc, passage: Passage) -> bool:
    """Embedded in a sentence, rather than a whole utterance after a boundary or a ':'/',' frame."""
    before = [t for t in _before(doc, passage) if not t.is_space]
    if not before:
        return False
    return before[-1].text not in (":", ",")


def _keep_partial(passage: Passage, lex: Lexicon) -> bool:
    """A partial quote of few words is a scare quote ("his 'solidarity'") unless a say-verb governs it."""
    if _word_count(passage) >= lex.min_partial_words:
        return True
    head = _head(passage)
    if head is None or head.head.lemma_.lower() not in lex.say:
        return False
    # 'he said "no"' / 'she said "never again"' quote the whole object; 'they said they were "terrified"'
    # quotes one word of a paraphrase (its subject lies outside the quote).
    inside = {t.i for t in passage.tokens}
    return all(c.i in inside or c.is_punct for c in head.children)


def _head(passage: Passage) -> Token | None:
    """The passage token whose syntactic head lies outside the passage."""
    inside = {t.i for t in passage.tokens}
    for tok in passage.tokens:
        if tok.is_punct:
            continue
        if tok.head.i not in inside or tok.head.i == tok.i:
            return tok
    return None


# ----------------------------------------------------------------------------------------------------
# Attribution


def _attribute(doc: Doc, passage: Passage, actors: ActorAnalysis, lex: Lexicon) -> None:
    if passage.partial:
        verb = _governing_verb(passage, lex)
        if verb is not None:
            passage.speaker = _speaker_of(doc, verb, actors, passage)
            passage.via = _via(list(verb.subtree), lex)
            passage.attributed = passage.speaker is not None
        return
    for frame, verb in (_after_frame(doc, passage, lex), _before_frame(doc, passage, lex)):
        if not frame:
            continue
        passage.via = passage.via or _via(frame, lex)
        if verb is not None:
            passage.speaker = _speaker_of(doc, verb, actors, passage, frame=frame)
        if passage.speaker is None:
            passage.speaker = _according_to_person(doc, frame, actors, passage)
        if passage.speaker is not None or verb is not None:
            passage.attributed = True
            return


def _after_frame(doc: Doc, passage: Passage, lex: Lexicon) -> tuple[list[Token], Token | None]:
    frame = _after(doc, passage)
    words = [t for t in frame if not t.is_space]
    if words and doc.text[passage.start : passage.end].endswith(".") and words[0].text[:1].isupper():
        # '"We will win." The minister said the army...': the quote closed its own sentence and a new one
        # begins; attributions after a quote follow a comma, "?" or "!" ('"Why?" she asked').
        return [], None
    for tok in words[:MAX_VERB_OFFSET]:
        if _is_reporting(tok, lex):
            return frame, tok
    if words and words[0].text == "," and any(t.lower_ == "according" for t in words[:3]):
        return frame, None
    return [], None


def _before_frame(doc: Doc, passage: Passage, lex: Lexicon) -> tuple[list[Token], Token | None]:
    frame = [t for t in _before(doc, passage) if not t.is_space]
    if not frame:
        frame = _introducing_paragraph(doc, passage)
    if not frame or frame[-1].text not in (":", ","):
        return [], None
    for tok in reversed(frame):
        if _is_reporting(tok, lex):
            return frame, tok
    if _according_to_object(frame) is not None:
        return frame, None  # 'According to Maria Lopez, "..."' / 'According to Tass, "..."'
    return [], None


def _introducing_paragraph(doc: Doc, passage: Passage) -> list[Token]:
    """The last sentence of the previous paragraph when it ends with a colon and this one opens with the quote.

    ('The minister told parliament:' / new paragraph: '"We will not retreat."')
    """
    if not _opens_paragraph(doc, passage):
        return []
    i = _token_at(doc, passage.open_char) - 1
    while i >= 0 and doc[i].is_space:
        i -= 1
    if i < 0 or doc[i].text != ":":
        return []
    out: list[Token] = []
    while i >= 0 and not (doc[i].is_space and "\n" in doc[i].text) and doc[i].text not in SENTENCE_END:
        if not _is_quote_mark(doc[i]):
            out.append(doc[i])
        i -= 1
    out.reverse()
    return [t for t in out if not t.is_space]


def _is_reporting(tok: Token, lex: Lexicon) -> bool:
    return tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in lex.reporting


def _governing_verb(passage: Passage, lex: Lexicon) -> Token | None:
    """The nearest reporting verb above a partial quote (speak/talk/meet do not report content)."""
    head = _head(passage)
    node = head.head if head is not None else None
    while node is not None:
        if _is_reporting(node, lex):
            return node
        if node.head.i == node.i:
            return None
        node = node.head
    return None


def _speaker_of(
    doc: Doc, verb: Token, actors: ActorAnalysis, passage: Passage, *, frame: list[Token] | None = None
) -> Actor | None:
    """The subject of a reporting verb as an Actor; inverted "said X" takes the noun after the verb."""
    allowed = {t.i for t in frame} if frame is not None else None
    quoted = {t.i for t in passage.tokens}
    for child in verb.children:
        in_frame = allowed is None or child.i in allowed
        if child.dep_ in ("nsubj", "nsubjpass") and child.i not in quoted and in_frame:
            return _actor_for(doc, child, actors, passage)
    if frame is not None:
        following = [t for t in frame if t.i > verb.i]
        for tok in following[:3]:
            if tok.pos_ in ("PROPN", "NOUN") or tok.lower_ in PERSON_PRONOUNS:
                return _actor_for(doc, _np_head(tok), actors, passage)
            if tok.pos_ not in ("DET", "ADJ", "PROPN", "NOUN", "COMPOUND"):
                break
    return None


def _np_head(tok: Token) -> Token:
    """Climb compounds to the head noun ("said [opposition] organisers")."""
    while tok.dep_ in ("compound", "amod", "det", "poss", "flat") and tok.head.i != tok.i:
        tok = tok.head
    return tok


def _actor_for(doc: Doc, tok: Token, actors: ActorAnalysis, passage: Passage) -> Actor | None:
    mention = actors.mention_at(tok.i)
    if mention is not None:
        return _from_mention(mention)
    lower = tok.lower_
    if lower in PERSON_PRONOUNS:
        # With coreference at work, an unresolved pronoun was left unresolved on purpose: respect that.
        return None if _has_coreference(actors) else _pronoun_fallback(doc, tok, passage)
    if tok.pos_ == "PRON" or lower in OTHER_PRONOUNS:
        return None
    span = _noun_phrase(tok)
    inner = actors.mentions_in(span.start, span.end)
    if any(m.token_start <= tok.i < m.token_end for m in inner):
        return _from_mention(next(m for m in inner if m.token_start <= tok.i < m.token_end))
    actor = _plain_actor(doc, span)
    if inner:
        # Only a modifier is known ("Colombia's chief negotiator"): the speaker is not that actor, but speaks
        # for it, so it lends its country and code.
        modifier = max(inner, key=lambda m: m.token_end - m.token_start)
        actor.code, actor.country = modifier.code, modifier.country
    return actor


def _has_coreference(actors: ActorAnalysis) -> bool:
    """Whether the actor analysis resolves pronouns (then its silence on a pronoun is a decision)."""
    return any(m.via in COREF_VIAS for m in actors.mentions)


def _from_mention(mention: ActorMention) -> Actor:
    return mention.as_actor()


def _noun_phrase(tok: Token) -> Span:
    """The subject's words: its left dependents and name parts, not relative clauses or apposition."""
    doc = tok.doc
    start = tok.left_edge.i
    while start < tok.i and doc[start].is_punct:
        start += 1
    end = tok.i + 1
    appos = [c for c in tok.rights if c.dep_ == "appos" and c.ent_type_ == "PERSON"]
    if appos:  # "the ambassador, Igor Leshchenya" -> the name
        target = appos[0]
        return doc[target.left_edge.i : target.i + 1]
    return doc[start:end]


def _plain_actor(doc: Doc, span: Span) -> Actor:
    """An Actor for a speaker the actor analysis does not know: text and a readable name, unknown code."""
    person = next(
        (e for e in doc.ents if e.label_ == "PERSON" and e.start >= span.start and e.end <= span.end), None
    )
    org = next((e for e in span.ents if e.label_ in ("ORG", "GPE", "NORP")), None)
    text_span = span
    if len(span) > 1 and span[0].lower_ in ("the", "a", "an"):
        text_span = span[1:]
    kind: str | None
    if person is not None:
        name, kind = _canonical_person(doc, person), "person"
    elif org is not None and len(span) <= len(org) + 1:
        name, kind = org.text, "organization" if org.label_ == "ORG" else "country"
    else:
        name, kind = text_span.text, "group" if span.root.tag_ in ("NNS", "NNPS") else None
    return Actor(
        code=UNKNOWN_CODE, text=span.text, start=span.start_char, end=span.end_char, name=name, kind=kind
    )


def _canonical_person(doc: Doc, person: Span) -> str:
    """The fullest name the document gives this person ("Mr Lukashenko" -> "Alexander Lukashenko")."""
    words = [t for t in person if t.lower_ not in TITLES]
    if not words:
        return person.text
    last = words[-1].text
    best = doc[words[0].i : words[-1].i + 1].text
    for ent in doc.ents:
        if ent.label_ == "PERSON" and ent[-1].text == last and len(ent.text) > len(best):
            best = " ".join(t.text for t in ent if t.lower_ not in TITLES)
    return best


def _pronoun_fallback(doc: Doc, pronoun: Token, passage: Passage) -> Actor | None:
    """'he said' without coreference: the nearest PERSON named before the quote, if any."""
    limit = min(passage.open_char, pronoun.idx)
    people = [e for e in doc.ents if e.label_ == "PERSON" and e.end_char <= limit]
    if not people:
        return None
    person = people[-1]
    return Actor(
        code=UNKNOWN_CODE,
        text=pronoun.text,
        start=pronoun.idx,
        end=pronoun.idx + len(pronoun.text),
        name=_canonical_person(doc, person),
        kind="person",
    )


def _according_to_person(
    doc: Doc, frame: list[Token], actors: ActorAnalysis, passage: Passage
) -> Actor | None:
    """'"...," according to John Smith': a person after "according to" is the speaker (an outlet is a via)."""
    target = _according_to_object(frame)
    if target is None or target.ent_type_ != "PERSON":
        return None
    return _actor_for(doc, target, actors, passage)


def _according_to_object(frame: list[Token]) -> Token | None:
    for tok in frame:
        if tok.lower_ == "according":
            to = next((c for c in tok.children if c.lower_ == "to"), None)
            if to is None and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "to":
                to = tok.doc[tok.i + 1]
            if to is not None:
                return next((c for c in to.children if c.dep_ == "pobj"), None)
    return None


# ----------------------------------------------------------------------------------------------------
# via: the outlet or channel


def _via(frame: list[Token], lex: Lexicon) -> str | None:
    target = _according_to_object(frame)
    if target is not None and target.ent_type_ != "PERSON":
        name = _outlet_name(target)
        if name:
            return name
    for tok in frame:
        found = _told_outlet(tok, lex) or _channel(tok, lex)
        if found:
            return found
    return None


def _outlet_name(tok: Token) -> str | None:
    """A proper name for an outlet: the token's apposition ("the news agency, Belta") or its own name."""
    appos = next((c for c in tok.rights if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
    if appos is not None:
        return _name_words(appos)
    if tok.pos_ == "PROPN":
        return _name_words(tok)
    return None


def _name_words(tok: Token) -> str:
    """The proper-name words of ``tok``: its compound/proper left dependents and itself, without "the"."""
    doc = tok.doc
    entity = next((e for e in doc.ents if e.start <= tok.i < e.end and e.label_ in NAME_LABELS), None)
    if entity is not None:  # the whole name, "Associated Press of Pakistan", not just its head
        words = entity[1:] if len(entity) > 1 and entity[0].lower_ == "the" else entity
        return words.text
    start = tok.i
    while start > 0 and doc[start - 1].head.i == tok.i and doc[start - 1].pos_ in ("PROPN", "NOUN", "ADJ"):
        start -= 1
    return doc[start : tok.i + 1].text


def _told_outlet(tok: Token, lex: Lexicon) -> str | None:
    """'told Reuters' -> Reuters (a proper-noun addressee of tell is an outlet; "told reporters" is not)."""
    if tok.lemma_.lower() != "tell" or tok.pos_ != "VERB":
        return None
    for child in tok.children:
        if (
            child.dep_ in ("dobj", "dative", "obj", "iobj")
            and child.pos_ == "PROPN"
            and child.ent_type_ != "PERSON"
        ):
            return _name_words(child)
    return None


def _channel(tok: Token, lex: Lexicon) -> str | None:
    """'on the Nexta Telegram channel' / 'wrote on Twitter' / 'in an interview with the BBC'."""
    if tok.dep_ != "pobj" or tok.head.lower_ not in ("on", "in", "via", "to", "through"):
        return None
    lemma = tok.lemma_.lower()
    if tok.pos_ == "PROPN" and tok.lower_ in lex.platforms:
        return tok.text
    if lemma in lex.channel_nouns:
        words = [t for t in tok.subtree if t.i <= tok.i and t.pos_ not in ("DET", "PUNCT", "PRON")]
        if any(t.pos_ == "PROPN" for t in words):
            return tok.doc[words[0].i : tok.i + 1].text
    if lemma in lex.interview_nouns:
        for prep in tok.children:
            if prep.lower_ == "with":
                obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                if obj is not None and obj.pos_ == "PROPN" and obj.ent_type_ != "PERSON":
                    return _name_words(obj)
    return None


# ----------------------------------------------------------------------------------------------------
# Sharing speakers between passages


def _share_chains(passages: list[Passage]) -> None:
    """Passages continued across paragraphs (unclosed, then reopened) all take the chain's speaker."""
    chains: list[list[Passage]] = []
    for passage in passages:
        if passage.continues and chains:
            chains[-1].append(passage)
        else:
            chains.append([passage])
    for chain in chains:
        speaker = next((p for p in chain if p.attributed and p.speaker is not None), None)
        if speaker is None:
            continue
        for passage in chain:
            if passage.speaker is None:
                passage.speaker = speaker.speaker


def _inherit(doc: Doc, passages: list[Passage]) -> None:
    """An unattributed full quote keeps the voice before it: in its paragraph, or the paragraph before."""
    for index, passage in enumerate(passages):
        if passage.speaker is not None or passage.attributed or passage.partial or index == 0:
            continue
        prev = passages[index - 1]
        if prev.partial or prev.speaker is None:
            continue
        same_paragraph = prev.paragraph == passage.paragraph
        next_paragraph = prev.paragraph == passage.paragraph - 1 and _opens_paragraph(doc, passage)
        if same_paragraph or (next_paragraph and _quote_paragraph(doc, prev)):
            passage.speaker = prev.speaker


def _opens_paragraph(doc: Doc, passage: Passage) -> bool:
    start = doc.text.rfind("\n", 0, passage.open_char) + 1
    return not doc.text[start : passage.open_char].strip()


def _quote_paragraph(doc: Doc, prev: Passage) -> bool:
    """The previous paragraph ends with its quote and attribution, so the next quote paragraph continues."""
    para_end = doc.text.find("\n", prev.close_char)
    tail = doc.text[prev.close_char + 1 : para_end if para_end >= 0 else len(doc.text)].strip()
    # '," said Eugen from Minsk.' and nothing after it: no further sentence of the reporter's own.
    return len(tail) <= MAX_ATTRIBUTION_CHARS and not re.search(r"[.!?]\s+\S", tail)
