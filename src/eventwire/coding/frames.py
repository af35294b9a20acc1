"""Dependency frames for the event coder: who is the subject, object, agent of a trigger, and which actor
mentions those tokens stand for.

spaCy's English pipelines use ClearNLP labels: ``nsubj``/``nsubjpass`` subjects, ``dobj`` objects, ``dative``
("provide X to Y"), ``agent`` ("by X" of a passive), ``prep`` + ``pobj``/``pcomp``, ``xcomp``/``ccomp``
complements, ``conj`` for coordination, ``relcl``/``acl`` for relative and reduced relative clauses.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator

from spacy.tokens import Doc, Span, Token

from eventwire.coding import kb
from eventwire.coding.lexicon import Frames
from eventwire.facts.places import dateline_names
from eventwire.model import ActorAnalysis, ActorMention

SUBJECT_DEPS = ("nsubj", "csubj")
PASSIVE_SUBJECT_DEPS = ("nsubjpass", "csubjpass")
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
#: Clause links through which a verb without its own subject shares its head's subject.
SUBJECT_SHARING_DEPS = ("xcomp", "conj", "advcl", "acomp", "pcomp")


def phrase_lemma(token: Token) -> str:
    """The lemma with its particle, as lexicons write phrasal verbs: "step down", "crack down"."""
    particles = [c.lemma_.lower() for c in token.children if c.dep_ == "prt"]
    return f"{token.lemma_.lower()} {particles[0]}" if particles else token.lemma_.lower()


def is_passive(verb: Token) -> bool:
    """A passive clause ("was arrested by police") or reduced relative ("the civilians imprisoned")."""
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        return True
    if verb.dep_ == "conj" and verb.tag_ == "VBN" and verb.head.i != verb.i:
        return is_passive(verb.head)  # "detainees had been beaten and tortured"
    return verb.dep_ == "acl" and verb.tag_ == "VBN"


def children(token: Token, *deps: str) -> list[Token]:
    return [c for c in token.children if c.dep_ in deps]


def prep_objects(token: Token, prep: str) -> list[Token]:
    """Objects of the preposition ``prep`` governed by ``token`` ("to the Kremlin" -> Kremlin)."""
    out: list[Token] = []
    for child in token.children:
        if child.dep_ in ("prep", "dative", "agent") and child.lower_ == prep:
            for obj in (c for c in child.children if c.dep_ in ("pobj", "pcomp")):
                if prep == "between":
                    out.extend(_misparsed_first_conjunct(obj))
                out.append(obj)
    return out


def _misparsed_first_conjunct(obj: Token) -> list[Token]:
    """ "between the Congolese army and M23 rebels" parsed as one phrase ("army" a modifier of "rebels", with
    "and M23" hanging off it): the modifier is the first side."""
    return [
        c
        for c in obj.lefts
        if c.dep_ in ("nmod", "compound")
        and any(g.dep_ == "cc" for g in c.children)
        and any(g.dep_ == "conj" for g in c.children)
    ]


def role_tokens(token: Token, role: str) -> list[Token]:
    """Tokens filling a lexicon role (``dobj``, ``dative``, ``agent``, ``subject``, ``prep:<word>``).

    A preposition may hang off the object rather than the verb ("received assurances from X", "endorsed an
    agreement with the EU"): when the verb has none, the object's are used.
    """
    if role.startswith("prep:"):
        direct = prep_objects(token, role[5:])
        if direct:
            return direct
        return [t for obj in children(token, "dobj", "obj") for t in prep_objects(obj, role[5:])]
    if role == "dobj":
        return children(token, "dobj", "obj")
    if role == "dative":
        direct = [c for c in children(token, "dative") if c.pos_ != "ADP"]
        return direct + prep_objects(token, "to") if direct else []
    if role == "agent":
        return [c for a in children(token, "agent") for c in a.children if c.dep_ == "pobj"]
    if role == "subject":
        subj = subject_token(token)
        return [subj] if subj is not None else []
    if role == "ccomp_subject":  # "alleged that France was aware ...": who the claim is about
        return [s for c in children(token, "ccomp") for s in [own_subject(c)] if s is not None]
    return []


def is_infinitive(verb: Token) -> bool:
    """ "to attack": an infinitive reports an act only through a frame (intent, appeal, "tried to ...")."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def own_subject(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in SUBJECT_DEPS or child.dep_ in PASSIVE_SUBJECT_DEPS:
            return child
    return None


def subject_token(verb: Token, *, frames: Frames | None = None) -> Token | None:
    """The (syntactic) subject of ``verb``, inherited from the governing clause when the verb has none.

    "urged Iran to free X": ``free`` is controlled by the object of an appeal frame; "Obama wants to attack":
    by the subject; participles and conjoined verbs ("... took to the streets, calling for ...") share the
    subject of their head; a relative clause's "who" stands for the noun it modifies.
    """
    seen = 0
    current = verb
    while seen < 6:
        seen += 1
        subj = own_subject(current)
        if subj is not None:
            if subj.lower_ in RELATIVE_PRONOUNS and current.dep_ == "relcl":
                return current.head
            return subj
        if current.dep_ == "relcl" or (current.dep_ == "acl" and current.tag_ == "VBG"):
            return current.head
        if current.dep_ not in SUBJECT_SHARING_DEPS or current.head.i == current.i:
            return None
        head = current.head
        if current.dep_ == "conj":
            head = _conj_governor(current)
        if current.dep_ in ("advcl", "conj") and is_passive(head) and not is_passive(current):
            return None  # "were killed ..., shelling": the passive's subject is a patient, not this agent
        if current.dep_ == "xcomp" and frames is not None and head.lemma_.lower() in frames.appeal_frames:
            objects = children(head, "dobj")
            if objects:
                return objects[0]
        current = head
    return None


_PERFECT_AUX = frozenset({"had", "has", "have", "'d"})


def _conj_governor(conj: Token) -> Token:
    """The verb a conjoined verb really coordinates with, where the small parser attaches it one level off.

    "said that officers had boarded the boat, injured ten men and confiscated ...": a bare participle
    ("injured", no auxiliary of its own) hung on a simple past ("said") continues the perfect clause
    ("had boarded") under that verb. "called the strike illegal because a court had ordered ..., and urged
    workers ...": after a comma, a conjunct of a subordinate clause ("because ...") without its own
    subordinator resumes the main clause.
    """
    head = conj.head
    if conj.tag_ == "VBN" and head.tag_ == "VBD" and not _has_aux(conj):
        for child in head.children:
            if (
                child.dep_ == "ccomp"
                and child.i < conj.i
                and child.tag_ == "VBN"
                and any(a.dep_ == "aux" and a.lower_ in _PERFECT_AUX for a in child.children)
            ):
                return child
    if (
        head.dep_ == "advcl"
        and any(c.dep_ == "mark" for c in head.children)
        and conj.i >= 2
        and conj.doc[conj.i - 2].text == ","
        and conj.doc[conj.i - 1].dep_ == "cc"
        and head.head.i != head.i
    ):
        return head.head
    return head


def _has_aux(verb: Token) -> bool:
    return any(c.dep_ in ("aux", "auxpass") for c in verb.children)


def conjuncts(token: Token) -> Iterator[Token]:
    """``token`` and the tokens coordinated with it ("the US, Russia and Switzerland")."""
    yield token
    for child in token.children:
        # spaCy often parses a list of names "the US, Russia, and Switzerland" as apposition + conj
        if child.dep_ == "conj" or (
            child.dep_ == "appos" and child.ent_type_ and child.ent_type_ == token.ent_type_
        ):
            yield from conjuncts(child)


def mention_for(token: Token, actors: ActorAnalysis, frames: Frames, depth: int = 0) -> ActorMention | None:
    """The actor mention a noun phrase headed by ``token`` stands for.

    Looks through quantity and group nouns ("tens of thousands of opponents", "a group of soldiers") and, when
    the head itself is not an actor, at its modifiers ("Israeli tank shelling" -> Israel).
    """
    if depth > 4:
        return None
    mention = actors.mention_at(token.i) or place_mention(token)
    if mention is not None:
        return mention
    if token.lemma_.lower() in frames.group_nouns or token.like_num or token.pos_ == "NUM":
        for obj in prep_objects(token, "of"):
            found = mention_for(obj, actors, frames, depth + 1)
            if found is not None:
                return found
    # "his Qatari counterpart" is Qatari, not "his": a possessive pronoun owns the noun, it is not its identity
    modifiers = sorted(
        (c for c in token.children if c.dep_ in ("compound", "amod", "poss", "nmod", "appos")),
        key=lambda c: c.dep_ == "poss",
    )
    for child in modifiers:
        if child.dep_ == "poss" and child.pos_ == "PRON":
            continue
        found = actors.mention_at(child.i) or place_mention(child)
        if found is not None:
            return found
    # a nested noun compound: "a Hamas command and control centre", "the Russian defence ministry building"
    for child in modifiers:
        if child.dep_ not in ("compound", "nmod"):
            continue
        for grand in child.children:
            if grand.dep_ in ("compound", "nmod", "amod"):
                found = actors.mention_at(grand.i) or place_mention(grand)
                if found is not None:
                    return found
    if token.lemma_.lower() in frames.document_nouns:
        # "a report released in the Rwandan capital", "a statement issued by the ministry": where it came from
        for clause in children(token, "acl"):
            for sub in clause.subtree:
                if sub.i != clause.i and sub.dep_ in ("pobj", "amod", "compound"):
                    found = actors.mention_at(sub.i) or place_mention(sub)
                    if found is not None:
                        return found
    if token.pos_ == "NOUN" and token.lemma_.lower() not in frames.relation_nouns:
        # "the mayor of Nablus", "leaders of Egypt's Muslim Brotherhood": the head belongs to the "of" actor
        for obj in prep_objects(token, "of"):
            found = mention_for(obj, actors, frames, depth + 1)
            if found is not None:
                return found
    return None


def _in_dateline(token: Token) -> bool:
    # Asked for many tokens of a document: spaCy rebuilds Doc.text on every access, so keep the text and the
    # dateline names found per line start in the Doc's user_data for the document's lifetime.
    cache = token.doc.user_data.setdefault(_DATELINE_CACHE, {})
    text = cache.get(-1)
    if text is None:
        text = cache[-1] = token.doc.text
    line_start = text.rfind("\n", 0, token.idx) + 1
    if token.idx - line_start > 120:  # a dateline opens its line
        return False
    names = cache.get(line_start)
    if names is None:
        names = cache[line_start] = dateline_names(text, line_start)
    return any(a <= token.idx < b for a, b in names)


_DATELINE_CACHE = "eventwire.frames.dateline_names"


def is_city(token: Token) -> bool:
    """Is the place named at ``token`` a city or region rather than a country ("in Tbilisi", not "in Libya")?"""
    return place_mention(token) is not None and kb.country_match(token.text) is None


def place_mention(token: Token) -> ActorMention | None:
    """Fallback for a country, capital or demonym the actor resolver left unlinked ("in Beijing", "Israeli
    shelling"): the country as an actor (kind "country", via "ner"). A dateline's place ("KUALA LUMPUR -") is
    where the report was filed, never an actor."""
    if _in_dateline(token):
        return None
    if token.ent_type_ not in ("GPE", "NORP", "LOC"):
        # the tagger sometimes misses a country name ("the coup in Niger") or folds a capital into an event
        # name ("the Beijing Olympics"): a lone proper noun that is exactly a country, demonym or capital
        # still counts, but never a token tagged as a person or organisation
        if token.ent_type_ not in ("", "EVENT", "FAC") or token.pos_ != "PROPN":
            return None
        record = kb.country_by_name(token.text) or kb.country_by_capital(token.text)
        if record is None and not token.ent_type_:
            record = _gazetteer_country(token.text, min_population=_UNTAGGED_CITY_POPULATION)
        if record is None:
            return None
        return _country_mention(token.doc[token.i : token.i + 1], record)
    doc = token.doc
    start, end = token.i, token.i + 1
    for ent in token.sent.ents:  # the whole name: "South Carolina", not "Carolina"
        if ent.start <= token.i < ent.end:
            start, end = ent.start, ent.end
            break
    span = doc[start:end]
    match = kb.country_match(span.text)
    record = match.country if match is not None else kb.country_by_capital(span.text)
    if record is None and token.ent_type_ in ("GPE", "LOC"):
        record = _gazetteer_country(span.text)  # a city or region: "in Aleppo", "in Alaska"
    if record is None:
        return None
    return _country_mention(span, record)


def _country_mention(span: Span, record: kb.CountryRecord) -> ActorMention:
    return ActorMention(
        text=span.text,
        start=span.start_char,
        end=span.end_char,
        token_start=span.start,
        token_end=span.end,
        code=record.iso3,
        entity_id=f"place:{record.iso3}",
        name=record.name,
        country=record.iso3,
        kind="country",
        via="ner",
    )


#: An untagged proper noun counts as a place only if it names a big city ("rebels shelled Aleppo"): small
#: places share names with people and firms too often.
_UNTAGGED_CITY_POPULATION = 500_000


def _gazetteer_country(name: str, min_population: int = 0) -> kb.CountryRecord | None:
    """The country of the most populous gazetteer place with this name (the places stage's gazetteer)."""
    from eventwire.facts.gazetteer import load_gazetteer  # the facts stage owns the gazetteer (loaded once)

    entries = [e for e in load_gazetteer().lookup(name) if e.country and e.population >= min_population]
    if not entries:
        return None
    best = max(entries, key=lambda e: e.prior)
    return kb.country_by_code(best.country) if best.country else None


def mentions_for(token: Token | None, actors: ActorAnalysis, frames: Frames) -> list[ActorMention]:
    """Mentions for a noun phrase and everything coordinated with it, in order, without duplicates."""
    if token is None:
        return []
    out: list[ActorMention] = []
    todo = list(conjuncts(token))
    seen: set[int] = set()
    while todo:
        conj = todo.pop(0)
        if conj.i in seen:
            continue
        seen.add(conj.i)
        mention = mention_for(conj, actors, frames)
        if mention is None:
            continue
        if all(m is not mention and m.entity_id != mention.entity_id for m in out):
            out.append(mention)
        # a misparsed name ("Barack Obama and Vladimir Putin" with the conj hanging off "Obama")
        for inner in conj.doc[mention.token_start : mention.token_end]:
            todo.extend(c for c in inner.children if c.dep_ == "conj" and c.i not in seen)
        out.extend(_coordinated_countries(mention, conj.doc, out))
    return out


def _coordinated_countries(mention: ActorMention, doc: Doc, have: list[ActorMention]) -> list[ActorMention]:
    """ "US and British activists" is one mention for two actors: one copy per coordinated country."""
    extra: list[ActorMention] = []
    inside = list(doc[mention.token_start : mention.token_end])
    # "Armenian and Azerbaijani forces": the coordinated demonym may sit outside the mention's own span
    modifiers = [c for t in inside for c in t.children if c.dep_ in ("amod", "compound", "nmod")]
    candidates = inside + [c for m in modifiers for c in m.children if c.dep_ == "conj"]
    for token in candidates:
        if token.dep_ != "conj" or not mention.country:
            continue
        place = place_mention(token)
        if place is None or place.country == mention.country:
            continue
        code = (
            f"{place.country}{mention.code[3:]}" if mention.code.startswith(mention.country) else mention.code
        )
        copy = dataclasses.replace(
            mention, country=place.country, code=code, entity_id=f"{mention.entity_id}:{place.country}"
        )
        if all(m.entity_id != copy.entity_id for m in have + extra):
            extra.append(copy)
    return extra


def first_mentions(tokens: Iterable[Token], actors: ActorAnalysis, frames: Frames) -> list[ActorMention]:
    for token in tokens:
        found = mentions_for(token, actors, frames)
        if found:
            return found
    return []


def relation_target(token: Token, actors: ActorAnalysis, frames: Frames) -> list[ActorMention]:
    """For "opponents of X" / "critics of X" (possibly under "thousands of"), the X they act against."""
    for conj in conjuncts(token):
        node: Token | None = conj
        for _ in range(4):
            if node is None:
                break
            lemma = node.lemma_.lower()
            if lemma in frames.relation_nouns:
                return first_mentions(prep_objects(node, "of"), actors, frames)
            if lemma in frames.group_nouns or node.like_num:
                objs = prep_objects(node, "of")
                node = objs[0] if objs else None
                continue
            break
    return []
