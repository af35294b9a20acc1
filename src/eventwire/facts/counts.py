"""Counts of people: killed, injured, detained, arrested, missing, displaced, protesters (crowd size) ...

A count is a number expression ("at least two", "nearly 7,000", "tens of thousands", "12,000 or 15,000")
whose *kind* is read from the dependency parse: the verb governing the counted noun (with the right role),
the counted noun itself, a container noun ("a crowd of 5,000") or a predicate adjective ("12 dead").
Numbers that measure something else (kilometres, money, ages, years, times) are never counts, and a number
without a recognisable kind is left out: no kind is better than a wrong one.

The lexicon (verbs, nouns, qualifiers, vague bounds, units) is ``data/facts/counts.yaml``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from eventwire.facts.numbers import (
    ONES,
    SCALE_ABBREVIATIONS,
    SCALES,
    SPECIAL,
    TENS,
    Number,
    is_number_word,
    lexicon,
    parse_digits,
    parse_number,
    parse_range_token,
)
from eventwire.model import Count, DateRef
from eventwire.nlp.syntax import tree_distance

NOMINAL = {"NOUN", "PROPN", "NUM", "PRON", "ADJ"}
#: Entity labels that mean a number measures something other than people.
NON_COUNT_ENTS = {"MONEY", "PERCENT", "TIME", "ORDINAL"}
CURRENCY_SIGNS = {"$", "€", "£", "¥", "us$", "rs", "rs."}
#: Words right before a number that make it an age, a label or an amount ("aged 25", "No. 5", "Article 5").
NON_COUNT_PREFIX = {"aged", "age", "ages", "no", "no.", "number", "article", "page", "chapter", "route", "$"}
RANGE_JOINERS = {"or", "to", "-", "\u2013", "\u2014"}
#: Longest number expression looked at ("two hundred and fifty thousand" and the like fit well within).
MAX_EXPRESSION_TOKENS = 12


@dataclass(frozen=True)
class KindRule:
    name: str
    patient_verbs: frozenset[str]
    agent_verbs: frozenset[str]
    verb_preps: tuple[tuple[str, ...], ...]
    nouns: frozenset[str]
    adjectives: frozenset[str]
    containers: frozenset[str]
    noun_filter: frozenset[str] | None


@dataclass(frozen=True)
class Lexicon:
    kinds: tuple[KindRule, ...]
    prefix: dict[tuple[str, ...], str]
    suffix: dict[tuple[str, ...], str]
    units: frozenset[str]
    person_nouns: frozenset[str]
    protest_context: frozenset[str]
    presence_verbs: frozenset[str]
    #: ``prefix`` grouped by the phrase's last word (the word right before a number), in the same order
    prefix_by_last: dict[str, tuple[tuple[tuple[str, ...], str], ...]] = field(default_factory=dict)


@dataclass
class Expression:
    """Token bounds: qualifier [qstart, start), number [start, end), range/suffix words up to qend."""

    qstart: int
    start: int
    end: int
    qend: int
    number: Number
    qualifier: str


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    data = lexicon()
    kinds = []
    for name, spec in data["kinds"].items():
        nf = spec.get("noun_filter")
        kinds.append(
            KindRule(
                name=str(name),
                patient_verbs=frozenset(spec.get("patient_verbs") or []),
                agent_verbs=frozenset(spec.get("agent_verbs") or []),
                verb_preps=tuple(tuple(p.split()) for p in spec.get("verb_preps") or []),
                nouns=frozenset(spec.get("nouns") or []),
                adjectives=frozenset(spec.get("adjectives") or []),
                containers=frozenset(spec.get("containers") or []),
                noun_filter=frozenset(nf) if nf else None,
            )
        )
    quals = data["qualifiers"]
    prefix = {tuple(k.split()): str(v) for k, v in quals["prefix"].items()}
    by_last: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for phrase, qual in prefix.items():
        by_last.setdefault(phrase[-1], []).append((phrase, qual))
    return Lexicon(
        kinds=tuple(kinds),
        prefix=prefix,
        suffix={tuple(k.split()): str(v) for k, v in quals["suffix"].items()},
        units=frozenset(str(u) for u in data["units"]),
        person_nouns=frozenset(data["person_nouns"]),
        protest_context=frozenset(data["protest_context"]),
        presence_verbs=frozenset(data["presence_verbs"]),
        prefix_by_last={last: tuple(phrases) for last, phrases in by_last.items()},
    )


def extract_counts(doc: Doc, dates: list[DateRef]) -> list[Count]:
    """Every count of people in ``doc``; ``dates`` (with historical flags) mark counts of earlier episodes."""
    lex = load_lexicon()
    counts: list[Count] = []
    text = doc.text  # Doc.text re-joins every token on each access: read it once
    lowers = [t.lower_ for t in doc]
    for sent in doc.sents:
        i = sent.start
        while i < sent.end:
            if not _may_start_number(lowers[i]):
                i += 1  # the common case, decided without building the expression
                continue
            expr = _match_expression(doc, i, sent.end, lex)
            if expr is None:
                i += 1
                continue
            i = max(expr.qend, i + 1)
            count = _build_count(doc, text, sent, expr, lex, dates)
            if count is not None:
                counts.append(count)
    return counts


# --------------------------------------------------------------------------------------------------------
# Finding number expressions

#: Words that open a number expression without being number words themselves ("a dozen", "half a dozen").
_STARTERS = frozenset({"a", "an", "half", "several"})


@lru_cache(maxsize=16384)
def _may_start_number(word: str) -> bool:
    """False when ``_core_end`` would find no number at a token (``word`` is its lower-cased text)."""
    return word in _STARTERS or is_number_word(word)


def _core_end(doc: Doc, i: int, limit: int) -> int:
    """End (exclusive) of the run of number words starting at token ``i``; ``i`` when there is none."""
    words = [t.lower_ for t in doc[i : min(limit, i + MAX_EXPRESSION_TOKENS)]]
    j = 0
    # Multi-word starters: "a dozen", "a hundred", "half a dozen", "a few (hundred)", "a handful".
    if words[:1] in (["a"], ["an"]) and len(words) > 1 and words[1] in SCALES | SPECIAL:
        j = 2
    elif words[:3] == ["half", "a", "dozen"]:
        j = 3
    elif words[:2] in (["a", "few"], ["a", "handful"]):
        j = 2
    elif words[:1] == ["several"]:
        j = 1
    while j < len(words):
        w = words[j]
        if is_number_word(w) and not (
            j and parse_digits(words[j - 1]) is not None and parse_digits(w) is not None
        ):
            j += 1
            continue
        # "1.2m people": the abbreviation is glued to the digits in the text
        prev = doc[i + j - 1] if j else None
        glued = prev is not None and prev.idx + len(prev) == doc[i + j].idx
        if w in SCALE_ABBREVIATIONS and glued and prev is not None and parse_digits(prev.lower_) is not None:
            j += 1
            continue
        # "twenty-five" split into three tokens; a hyphen after digits is a range or "-strong", not a number.
        if w == "-" and j and words[j - 1] in TENS and j + 1 < len(words) and words[j + 1] in ONES:
            j += 1
            continue
        # "tens of thousands", "hundreds of thousands".
        nxt = words[j + 1] if j + 1 < len(words) else ""
        if w == "of" and j and words[j - 1] in ("tens", "hundreds") and nxt in ("thousands", "millions"):
            j += 1
            continue
        # "two hundred and fifty"
        if w == "and" and j and words[j - 1] in SCALES and (nxt in ONES or nxt in TENS):
            j += 1
            continue
        break
    return i + j


def _match_expression(doc: Doc, i: int, limit: int, lex: Lexicon) -> Expression | None:
    end = _core_end(doc, i, limit)
    if end == i:
        return None
    words = [t.text for t in doc[i:end]]
    qstart, qual = _prefix_qualifier(doc, i, lex)
    one_token_range = parse_range_token(words[0].lower()) if len(words) == 1 else None
    if one_token_range is not None:  # "12,000-15,000" kept as one token
        low, high = one_token_range
        return Expression(qstart, i, end, end, Number(None, low, high), "range")
    number = parse_number(words)
    if number is None:
        return None
    qualifier = "vague" if number.vague else "exact"
    expr = Expression(qstart=qstart, start=i, end=end, qend=end, number=number, qualifier=qualifier)
    if qual == "between":
        return _between(doc, expr, limit)
    if qual is not None and not number.vague:
        expr.qualifier = qual
    _range_or_suffix(doc, expr, limit, lex)
    return expr


def _prefix_qualifier(doc: Doc, i: int, lex: Lexicon) -> tuple[int, str | None]:
    """Longest qualifier phrase ending right before token ``i`` (or "between" for a between-range)."""
    if i > 0 and doc[i - 1].lower_ == "between":
        return i - 1, "between"
    best: tuple[int, str | None] = (i, None)
    if i == 0:
        return best
    # only phrases ending in the word before the number can match
    for phrase, qual in lex.prefix_by_last.get(doc[i - 1].lower_, ()):
        n = len(phrase)
        if i - n < 0:
            continue
        if tuple(t.lower_ for t in doc[i - n : i]) == phrase and i - n < best[0]:
            best = (i - n, qual)
    return best


def _next_number(doc: Doc, j: int, limit: int) -> tuple[int, Number] | None:
    if j >= limit:
        return None
    end = _core_end(doc, j, limit)
    if end == j:
        return None
    number = parse_number([t.text for t in doc[j:end]])
    return (end, number) if number is not None else None


def _between(doc: Doc, expr: Expression, limit: int) -> Expression | None:
    """ "between 10 and 20" -> range 10..20."""
    j = expr.end
    if j < limit and doc[j].lower_ == "and":
        nxt = _next_number(doc, j + 1, limit)
        low, high = expr.number.value, nxt[1].value if nxt else None
        if nxt and low is not None and high is not None and high > low:
            expr.number = Number(None, low, high)
            expr.qualifier = "range"
            expr.qend = nxt[0]
            return expr
    expr.qstart = expr.start  # a lone "between" is not a qualifier
    return expr


def _range_or_suffix(doc: Doc, expr: Expression, limit: int, lex: Lexicon) -> None:
    """ "12,000 or 15,000", "10 to 20", "12,000-15,000" make a range; "or more" / "or so" qualify."""
    j = expr.end
    if j >= limit:
        return
    for phrase, qual in lex.suffix.items():
        n = len(phrase)
        if tuple(t.lower_ for t in doc[j : j + n]) == phrase and not expr.number.vague:
            expr.qualifier = qual
            expr.qend = j + n
            return
    joiner = doc[j].lower_
    if joiner not in RANGE_JOINERS or expr.number.value is None:
        return
    if joiner == "to" and expr.qstart > 0 and doc[expr.qstart - 1].lower_ == "from":
        return  # "rose from 10 to 45": a change, not a range
    nxt = _next_number(doc, j + 1, limit)
    if nxt is None or nxt[1].value is None or nxt[1].value <= expr.number.value:
        return
    expr.number = Number(None, expr.number.value, nxt[1].value)
    expr.qualifier = "range"
    expr.qend = nxt[0]


# --------------------------------------------------------------------------------------------------------
# Building the count: reject measures, find the kind, flag earlier episodes


def _build_count(
    doc: Doc, text: str, sent: Span, expr: Expression, lex: Lexicon, dates: list[DateRef]
) -> Count | None:
    tokens = doc[expr.start : expr.qend]
    if _is_measure(doc, expr, lex):
        return None
    anchor = _anchor(doc, expr)
    phrase_head, noun, elliptical = _counted(anchor)
    if not elliptical and _lemma(noun) in lex.units:
        return None
    if _is_superlative_partitive(expr, noun, tokens):
        return None
    kind = _kind(anchor, phrase_head, noun, elliptical, sent, lex)
    if kind is None or _unrealised(phrase_head):
        return None
    start, end = doc[expr.qstart].idx, doc[expr.qend - 1].idx + len(doc[expr.qend - 1])
    number = expr.number
    return Count(
        kind=kind,
        text=text[start:end],
        start=start,
        end=end,
        value=number.value,
        low=number.low if number.vague else (number.value if expr.qualifier == "at_least" else None),
        high=number.high if number.vague else (number.value if expr.qualifier == "at_most" else None),
        qualifier=expr.qualifier,
        historical=_historical(doc, sent, anchor, dates),
    )


#: Modals that make a clause a possibility or a future, not a report of what happened.
MODALS = {"could", "would", "may", "might", "will", "shall", "can", "should", "must", "'ll", "wo", "ca"}


def _unrealised(ph: Token) -> bool:
    """ "the dam could kill millions", "troops will deploy 5,000": no count of what has happened.
    A modal perfect is an estimate of what did happen and stays ("at least 20 may have died")."""
    _, verb = _role(ph)
    for v in (verb, *[c for c in verb.children if c.dep_ in ("xcomp", "oprd")]):
        auxes = [c for c in v.children if c.dep_ in ("aux", "auxpass")]
        if any(a.lower_ in MODALS for a in auxes) and not any(a.lemma_.lower() == "have" for a in auxes):
            return True
    return False


def _lemma(tok: Token) -> str:
    return tok.lemma_.lower()


def _is_measure(doc: Doc, expr: Expression, lex: Lexicon) -> bool:
    """Years, money, percentages, times, ordinals, ages and labels are not counts of people."""
    core = doc[expr.start : expr.end]
    if (
        len(core) == 1
        and core[0].text.isdigit()
        and len(core[0].text) == 4
        and 1000 <= int(core[0].text) <= 2100
    ):
        return True  # "2020", "the 1991 coup"
    if any(t.ent_type_ in NON_COUNT_ENTS for t in core):
        return True
    before = doc[expr.qstart - 1].lower_ if expr.qstart > 0 else ""
    if before in NON_COUNT_PREFIX or before in CURRENCY_SIGNS:
        return True
    after = doc[expr.qend].lower_ if expr.qend < len(doc) else ""
    # "40%", "5 km", "25-year-old" and "3-1" (a score) measure something else; "5,000-strong" stays (a crowd).
    if after in ("%", "percent", "per", "pc") or after in lex.units:
        return True
    if after in ("-", "\u2013") and expr.qend + 1 < len(doc):
        nxt = doc[expr.qend + 1]
        if _lemma(nxt) in lex.units or nxt.like_num:
            return True
    return False


def _anchor(doc: Doc, expr: Expression) -> Token:
    """The expression's syntactic head: its first token whose head lies outside the expression."""
    # Number words first: a qualifier's determiner ("an estimated 120,000") may hang off the noun too.
    for tok in [*doc[expr.start : expr.qend], *doc[expr.qstart : expr.start]]:
        if tok.head.i == tok.i or not expr.qstart <= tok.head.i < expr.qend:
            return tok
    return doc[expr.end - 1]


def _counted(anchor: Token) -> tuple[Token, Token, bool]:
    """(phrase head, counted noun, elliptical): "two people" -> people; "thousands of protesters" ->
    (thousands, protesters); "7,000 detained" -> (7,000, 7,000, elliptical)."""
    head = anchor.head
    if head.i != anchor.i and anchor.dep_ in ("nummod", "quantmod", "compound", "advmod", "amod", "npadvmod"):
        if head.lemma_.lower() == "strong" and head.head.pos_ in ("NOUN", "PROPN"):
            return head.head, head.head, False  # "a 5,000-strong crowd"
        if head.pos_ in ("NOUN", "PROPN", "ADJ"):
            return head, head, False
    for child in anchor.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            pobj = [c for c in child.children if c.dep_ == "pobj"]
            if pobj:
                return anchor, pobj[0], False
    return anchor, anchor, True


def _is_superlative_partitive(expr: Expression, noun: Token, tokens: Span) -> bool:
    """ "one of the biggest demonstrations": a partitive over a superlative is not a count."""
    if expr.number.value != 1 or len(tokens) != 1:
        return False
    return any(c.tag_ == "JJS" or c.lower_ in ("most", "largest", "biggest") for c in noun.children)


def _kind(anchor: Token, ph: Token, noun: Token, elliptical: bool, sent: Span, lex: Lexicon) -> str | None:
    role, verb = _role(ph)
    noun_lemma = _lemma(noun)
    for step in (_verb_kind, _modifier_kind):
        for rule in lex.kinds:
            if rule.noun_filter is not None and not elliptical and noun_lemma not in rule.noun_filter:
                continue
            if step(rule, role, verb, noun):
                return rule.name
    for rule in lex.kinds:
        if not elliptical and (_noun_in(noun, rule.nouns) or _names_total(noun, rule)):
            return rule.name
        if _container_kind(rule, anchor):
            return rule.name
    if _protest_context(ph, noun, elliptical, sent, lex):
        return "protesters"
    return None


def _role(ph: Token) -> tuple[str, Token]:
    """The grammatical role of the counted phrase and the verb it depends on (conjuncts share roles)."""
    while ph.dep_ in ("conj", "appos") and ph.head.pos_ in NOMINAL and ph.head.i != ph.i:
        ph = ph.head
    role, verb = ph.dep_, ph.head
    if role == "pobj" and verb.dep_ == "agent":
        return "nsubj", verb.head  # "killed by 12 gunmen": the gunmen act
    return role, verb


def _verb_matches(verb: Token, entries: frozenset[str]) -> bool:
    lemma = _lemma(verb)
    if lemma in entries:
        return True
    # multi-word entries: "shoot dead", "round up", "take hostage"
    for child in verb.children:
        if f"{lemma} {child.lemma_.lower()}" in entries or f"{lemma} {child.lower_}" in entries:
            return True
    return False


def _patient_role(role: str, verb: Token) -> bool:
    if role in ("dobj", "nsubjpass"):
        return True
    if role == "npadvmod":  # a misparsed object: "displaced 2m people"
        return not any(c.dep_ == "dobj" for c in verb.children)
    # Elliptical passive in headlines and coordinations: "nearly 7,000 detained", "12 soldiers killed".
    return (
        role == "nsubj" and verb.tag_ in ("VBN", "VBD") and not any(c.dep_ == "dobj" for c in verb.children)
    )


def _verb_kind(rule: KindRule, role: str, verb: Token, noun: Token) -> bool:
    verbs = [verb] + [c for c in verb.children if c.dep_ in ("xcomp", "oprd") and c.pos_ == "VERB"]
    for v in verbs:
        passive_complement = v is not verb and v.tag_ == "VBN"
        if _verb_matches(v, rule.patient_verbs) and (_patient_role(role, verb) or passive_complement):
            return True
        # the subject of "fled", or the controlled subject of "were forced to flee"
        agent = role == "nsubj" or (role == "nsubjpass" and v is not verb)
        if agent and not passive_complement and _verb_matches(v, rule.agent_verbs):
            return True
        if role in ("nsubj", "nsubjpass", "dobj") and _verb_prep_matches(v, rule.verb_preps):
            return True
    # "12 were reported dead", "five remain missing", "left 40 wounded"
    if role in ("nsubj", "nsubjpass", "dobj"):
        if role != "dobj" and verb.lower_ in rule.adjectives and _be_predicate(verb):
            return True  # "14 others were missing" parsed as the verb "miss"
        for child in verb.children:
            if child.dep_ in ("acomp", "oprd", "xcomp") and _lemma(child) in rule.adjectives | rule.nouns:
                return True
    return False


def _be_predicate(verb: Token) -> bool:
    """ "were missing": a participle after "be" with no object reads as an adjective."""
    children = list(verb.children)
    has_be = any(c.dep_ in ("aux", "auxpass") and c.lemma_.lower() == "be" for c in children)
    return has_be and not any(c.dep_ == "dobj" for c in children)


def _verb_prep_matches(verb: Token, phrases: tuple[tuple[str, ...], ...]) -> bool:
    lemma = _lemma(verb)
    for phrase in phrases:
        if phrase[0] != lemma:
            continue
        if len(phrase) == 2:
            if any(c.dep_ == "dobj" and _lemma(c) == phrase[1] for c in verb.children):
                return True
            continue
        if _prep_path(verb, list(phrase[1:-1]), phrase[-1]) or _flat_phrase(verb, phrase):
            return True
    return False


def _flat_phrase(verb: Token, phrase: tuple[str, ...]) -> bool:
    """ "took part in the march" parsed flat: took -> part (dobj), took -> in -> march."""
    if len(phrase) < 4:
        return False
    kids = {c.lower_ for c in verb.children if c.dep_ in ("dobj", "prt", "advmod", "prep")}
    if not set(phrase[1:-2]) <= kids:
        return False
    preps = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == phrase[-2]]
    return any(_lemma(o) == phrase[-1] for p in preps for o in p.children if o.dep_ == "pobj")


def _prep_path(head: Token, preps: list[str], obj: str) -> bool:
    """ "from" + "home" below ``head``; several prepositions chain ("out of home": out -> of -> home)."""
    if not preps:
        return any(c.dep_ == "pobj" and _lemma(c) == obj for c in head.children)
    steps = [c for c in head.children if c.dep_ in ("prep", "prt", "advmod", "dobj") and c.lower_ == preps[0]]
    return any(_prep_path(step, preps[1:], obj) for step in steps)


def _modifier_kind(rule: KindRule, role: str, verb: Token, noun: Token) -> bool:
    """ "people killed in the attack", "people who were detained", "12 wounded soldiers"."""
    del role, verb
    for child in noun.children:
        lemma = _lemma(child)
        if child.dep_ == "amod" and lemma in rule.adjectives:
            return True
        if child.dep_ in ("acl", "amod") and child.lower_ in rule.adjectives:
            return True  # "12 people missing", parsed as the verb "miss"
        if (
            child.dep_ == "acl"
            and child.tag_ == "VBN"
            and (lemma in rule.patient_verbs or lemma in rule.adjectives)
        ):
            return True
        if child.dep_ == "relcl":
            passive = any(c.dep_ == "auxpass" for c in child.children)
            if passive and lemma in rule.patient_verbs:
                return True
            if not passive and lemma in rule.agent_verbs:
                return True
    return False


def _compound_lemma(noun: Token) -> str:
    parts = [c.lemma_.lower() for c in noun.children if c.dep_ == "compound"]
    return " ".join([*parts, noun.lemma_.lower()])


def _container_kind(rule: KindRule, anchor: Token) -> bool:
    """ "a crowd of 5,000", "a death toll of 45", "the toll rose to 45", "the death toll is 45"."""
    head = anchor.head
    if anchor.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ == "NOUN":
        owner = head.head
        return _lemma(owner) in rule.containers or _compound_lemma(owner) in rule.containers
    verb = None
    if anchor.dep_ == "pobj" and head.lower_ in ("to", "at") and head.head.pos_ in ("VERB", "AUX"):
        verb = head.head
    elif anchor.dep_ in ("attr", "dobj") and head.pos_ in ("VERB", "AUX"):
        verb = head
    if verb is None:
        return False
    owners = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")]
    return any(_names_total(o, rule) for o in owners)


def _names_total(owner: Token, rule: KindRule) -> bool:
    """ "the death toll", "the toll", "the number of dead/arrests" as the thing the number measures."""
    if _lemma(owner) in rule.containers or _compound_lemma(owner) in rule.containers:
        return True
    if _lemma(owner) != "number":
        return False
    preps = [p for p in owner.children if p.dep_ == "prep" and p.lower_ == "of"]
    members = [c for p in preps for c in p.children if c.dep_ == "pobj"]
    # "the number of dead", "the number of people arrested"
    return any(_noun_in(m, rule.nouns) or _modifier_kind(rule, "", m, m) for m in members)


def _noun_in(tok: Token, words: frozenset[str]) -> bool:
    return _lemma(tok) in words or tok.lower_ in words


def _protest_context(ph: Token, noun: Token, elliptical: bool, sent: Span, lex: Lexicon) -> bool:
    """A person count that only says how many were there ("they were 12,000 people", "the rally drew 5,000",
    "5,000 people attended"), in a sentence about protests, is a crowd size."""
    if not elliptical and _lemma(noun) not in lex.person_nouns:
        return False
    role, verb = _role(ph)
    if role not in ("nsubj", "attr", "dobj") or _lemma(verb) not in lex.presence_verbs:
        return False
    return any(_lemma(t) in lex.protest_context for t in sent)


def _historical(doc: Doc, sent: Span, anchor: Token, dates: list[DateRef]) -> bool:
    """True when the nearest dated anchor in the sentence is an earlier episode ("In 2010, ... 12,000").

    Dates opened by "since" name the start of a period running up to now, so they do not make a count old.
    """
    best: tuple[int, bool] | None = None
    for date in dates:
        if date.start is None or date.end is None or date.value is None:
            continue
        if not (sent.start_char <= date.start < sent.end_char):
            continue
        span = doc.char_span(date.start, date.end, alignment_mode="expand")
        if span is None or (span.start > 0 and doc[span.start - 1].lower_ == "since"):
            continue
        distance = tree_distance(anchor, span.root)
        if best is None or distance < best[0]:
            best = (distance, date.historical)
    return bool(best and best[1])
