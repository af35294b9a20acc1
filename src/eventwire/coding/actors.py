"""Actor resolution: find every actor mention in a parsed document and give it a CAMEO actor code.

``resolve_actors`` runs on every document, so it is one pass of cheap rules over the spaCy parse plus
dictionary
lookups in the knowledge base (``kb.py``, data in ``data/actors/``); coreference is in ``coref.py``.

How a mention gets its code (the rules, in the order they apply):

1. **Names in the KB** (longest match, capitalised): people (role in force on the publication date:
"Lukashenko"
   in 2020 -> BLRGOV), organisations and media (their code: "Nato" -> NATO, "Belta" -> BLRMED), countries.
2. **Countries as actors**: a country name that is the subject (or passive agent) of a speech/policy verb
   (``rules.yaml: government_verbs``) is its government ("Russia said" -> RUSGOV); elsewhere it gets the bare
   country code ("provide Belarus with support" -> BLR). A capital city is an actor only in that subject role
   ("Moscow warned" -> RUSGOV); otherwise it is a place. Countries, capitals and seats of power ("the
   Kremlin") in
   a locative phrase ("protests in Belarus", "at the White House") are places, not actors.
3. **Sector nouns** (``sectors.tsv``) head actor phrases: "Belarusian police" -> BLRCOP, "Russian troops" ->
   RUSMIL. The country comes from a demonym, country, seat or organisation in the phrase, from an "of" phrase
   ("the president of Belarus"), from the actor it relates to ("opponents of the Belarusian strongman" ->
   OPP of
   Belarus; "her allies" -> her sector and country), or, failing all, from the **document focus** (the most
   mentioned country; via="focus"). "state TV" is the government's. Civilians defined by a protest clause
   ("Belarusians who took to the streets") are the opposition.
4. **People the KB does not know**: titles and appositions give the code ("the Belarusian ambassador to
Slovakia,
   Igor Leshchenya" -> BLRGOV: an ambassador represents the country of the demonym, not the "to X" country;
   "opposition candidate X" -> OPP); a bare named speaker ("said Eugen from Minsk") is a civilian of the place
   he is from, else of the focus country. NER labels are hints only (the small model calls "Leshchenya" a
   GPE).
5. **Pronouns** and **descriptions** ("he", "the Belarusian strongman") are resolved by ``coref.link``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from eventwire.coding import kb
from eventwire.coding.coref import Draft, Entity, compose_code, link
from eventwire.facts.gazetteer import load_gazetteer
from eventwire.facts.places import DATELINE_HEAD, dateline_names, opens_dateline
from eventwire.model import ActorAnalysis, ActorEntity, ActorMention
from eventwire.model import Span as TextSpan

#: Longest KB name, in tokens, tried at each position.
MAX_NAME_TOKENS = 6
#: NER labels that mean a capitalised word is not a person's name.
NOT_A_NAME = frozenset(
    {"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY", "EVENT", "LAW"}
)
#: Verbs introducing reported speech: their bare proper-noun subject is a speaker (a person).
SPEECH_LEMMAS = frozenset({"say", "tell", "add", "explain", "write", "recall", "insist", "complain", "ask"})
#: Dependencies by which a word modifies the noun it belongs to (and is absorbed into that noun's mention).
MODIFIER_DEPS = frozenset({"amod", "compound", "nmod", "poss"})
#: Left dependents that belong to a noun phrase's span.
NP_LEFT_DEPS = frozenset(
    {"det", "amod", "compound", "nummod", "quantmod", "advmod", "nmod", "poss", "predet", "npadvmod", "punct"}
)
#: Sectors of generic nouns that a sector modifier may override ("army commander", "union leaders").
OVERRIDABLE = frozenset({"GOV", "COP", "CVL", "MIL", "LEG", "PTY", "*", ""})
#: Verbs whose object, with a to-infinitive or an "of" charge, is an addressee: a capital there is the
#: government ("urged Tbilisi to reconsider", "accused Beijing of lying").
ADDRESS_VERBS = frozenset(
    {
        "urge",
        "ask",
        "press",
        "pressure",
        "push",
        "encourage",
        "warn",
        "accuse",
        "call",
        "invite",
        "advise",
        "tell",
        "implore",
        "persuade",
        "convince",
        "demand",
        "request",
        "force",
        "compel",
    }
)
#: Sectors of unnamed groups whose country comes from the place of the event, never from the document focus.
PLACE_BOUND_SECTORS = ("REB", "UAF")
#: Prepositions of a place where a group is or comes from ("militants in Gaza", "rockets from Khan Younis").
GROUP_PLACE_PREPOSITIONS = frozenset(
    {"in", "near", "from", "around", "outside", "inside", "across", "throughout", "within", "over"}
)
#: A city the focus country does not have must be this big to give a group its country (small towns' names
#: recur across borders: Maga is in Nigeria and Cameroon).
GROUP_PLACE_MIN_POPULATION = 100_000
#: Sectors of generic office nouns ("official", "commander") that a named non-state body overrides.
MEMBER_GENERIC = frozenset({"GOV", "MIL", "CVL", "*", ""})
#: Lower-case first words that may start a KB name ("al-Shabab", "el-Sisi", "bin Salman").
LOWER_NAME_STARTS = frozenset({"al", "al-", "el", "el-", "bin", "ibn", "von", "van", "de", "le"})
#: Nouns that, definite ("the country"), refer back to the document's focus country.
COUNTRY_NOUNS = frozenset({"country", "nation"})
#: NER labels of names that contain a country without being about its actors ("the South China Sea").
PLACE_LIKE = frozenset({"LOC", "FAC", "EVENT", "GPE", "WORK_OF_ART", "PRODUCT", "LAW"})
#: Words saying a title is no longer held.
FORMER = frozenset({"former", "ex", "ex-", "late", "then"})
#: Prepositions after which a lone name NER calls a person is more likely a place ("north of Goma").
PLACE_PREPOSITIONS = frozenset(
    {"in", "near", "towards", "toward", "to", "from", "at", "of", "across", "around"}
)
OPEN_QUOTES = frozenset({"\u201c", "\u2018", "\u00ab"})
CLOSE_QUOTES = frozenset({"\u201d", "\u2019", "\u00bb"})


@dataclass(frozen=True)
class NameMatch:
    """A KB name found in the text: tokens [start, end) and what it names."""

    start: int
    end: int
    what: str  # person | surname | org | country | capital
    person: kb.PersonRecord | None = None
    org: kb.OrgRecord | None = None
    country: kb.CountryMatch | None = None
    capital: kb.CountryRecord | None = None

    @property
    def country_code(self) -> str | None:
        if self.country is not None:
            return self.country.country.iso3
        if self.capital is not None:
            return self.capital.iso3
        if self.org is not None:
            return self.org.country
        return None


@dataclass
class _Title:
    """What the words before a name say about the person ("Belarusian President", "Mrs")."""

    sector: str | None = None
    country: str | None = None
    gender: str | None = None
    term: kb.SectorTerm | None = None
    former: bool = False  # "former President X": the title is not the current role
    modifier: str | None = None  # a sector modifier among the title words ("opposition lawmaker")


def resolve_actors(doc: Doc, *, published: dt.date | None = None) -> ActorAnalysis:
    """Every actor mention of ``doc`` with its CAMEO code, grouped into entities by coreference."""
    finder = _Finder(doc, published)
    drafts = finder.find()
    entities = link(drafts)
    return _analysis(doc, drafts, entities)


# ----------------------------------------------------------------------------------------------------
# Finding mention candidates


class _Finder:
    def __init__(self, doc: Doc, published: dt.date | None) -> None:
        self.doc = doc
        self.published = published
        self.rules = kb.rules()
        self.terms = kb.sector_terms()
        self.sent_of = _sentence_index(doc)
        self.in_quote = _quote_mask(doc)
        self.dateline = dateline_tokens(doc)
        # A dateline ("KUALA LUMPUR —", "MINSK (Reuters) -") says where the report was filed: never an actor.
        self.names = [
            m
            for m in _match_names(doc, published)
            if not any(i in self.dateline for i in range(m.start, m.end))
        ]
        self.name_at: dict[int, NameMatch] = {i: m for m in self.names for i in range(m.start, m.end)}
        self.term_at: dict[int, tuple[int, kb.SectorTerm]] = _match_terms(doc, self.terms)
        self.taken: dict[int, Draft] = {}
        self.drafts: list[Draft] = []
        self.focus = _focus_country(doc, self.names, self.term_at)

    def find(self) -> list[Draft]:
        for match in self.names:
            self._from_name(match)
        self._unknown_people()
        self._target_places()
        for head_i in sorted(self.term_at):
            if head_i not in self.taken:
                self._from_sector(head_i)
        self._country_descriptions()
        self._pronouns()
        return self.drafts

    # -- helpers -------------------------------------------------------------------------------------

    def _add(self, draft: Draft) -> Draft | None:
        if draft.head in self.dateline:
            return None
        while draft.token_start < draft.head and (
            draft.token_start in self.dateline or self.doc[draft.token_start].is_punct
        ):
            draft.token_start += (
                1  # "MOGADISHU \u2014 Gunmen stormed": the parser ran the dateline into the NP
            )
        span = range(draft.token_start, draft.token_end)
        if any(i in self.taken for i in span) or any(i in self.dateline for i in span):
            return None
        for i in range(draft.token_start, draft.token_end):
            self.taken[i] = draft
        self.drafts.append(draft)
        return draft

    def _draft(self, start: int, end: int, head: Token, kind: str, via: str) -> Draft:
        return Draft(
            token_start=start,
            token_end=end,
            head=head.i,
            sent=self.sent_of[head.i],
            kind=kind,
            via=via,
            subject=head.dep_ in ("nsubj", "nsubjpass"),
            gov_role=self._government_role(head),
        )

    def _government_role(self, token: Token) -> bool:
        """Is ``token`` the subject or passive agent of a speech/policy verb ("Russia said", "by Moscow")?"""
        while token.dep_ == "conj" and token.head.i != token.i and token.head.pos_ in ("PROPN", "NOUN"):
            token = token.head
        if token.dep_ == "appos" and token.head.i in self.dateline:
            token = (
                token.head
            )  # "KUALA LUMPUR \u2014 Thailand ... agreed": the parser hangs it on the dateline
        if token.dep_ in ("nsubj", "nsubjpass"):
            verb = token.head
        elif token.dep_ == "pobj" and token.head.dep_ == "agent":
            verb = token.head.head
        else:
            return False
        lemma = verb.lemma_.lower()
        if lemma == "be":
            # "Russia was prepared to help", "is concerned about": a stance; "Minsk is quiet" is not
            return any(
                c.dep_ == "acomp" and any(g.dep_ in ("xcomp", "prep") for g in c.children)
                for c in verb.children
            )
        return lemma in self.rules.government_verbs

    def _addressed_capital(self, token: Token) -> bool:
        """Is a capital the one a speech verb addresses: its object with a to-infinitive or an "of" charge
        ("urged Tbilisi to reconsider", "accused Beijing of lying"), or "called on Kyiv to ..."?"""
        if token.dep_ == "pobj" and token.head.lower_ == "on" and token.head.head.lemma_ == "call":
            return True
        if token.dep_ != "dobj" or token.head.lemma_.lower() not in ADDRESS_VERBS:
            return False
        verb = token.head
        return any(
            c.dep_ in ("xcomp", "ccomp") or (c.dep_ == "prep" and c.lower_ == "of") for c in verb.children
        )

    def _locative(self, token: Token) -> bool:
        """Is ``token`` the object of a locative preposition ("in Belarus", "across the country")?"""
        while token.dep_ in ("conj", "appos") and token.head.i != token.i:
            token = token.head
        return token.dep_ == "pobj" and token.head.lower_ in self.rules.locative_prepositions

    def _actor_head(self, token: Token) -> Token | None:
        """The noun ``token`` modifies, if that noun heads an actor phrase (sector noun or person name)."""
        if token.dep_ not in MODIFIER_DEPS or token.head.i == token.i:
            return None
        head = token.head
        while head.dep_ == "compound" and head.head.i != head.i and head.head.pos_ in ("NOUN", "PROPN"):
            head = head.head
        if head.i in self.term_at or self._is_person_name(head):
            return head
        named = self.name_at.get(head.i)
        if named is not None and named.what == "org" and named.start <= token.i:
            return None  # part of the name itself
        if named is not None and named.what == "org":
            return head  # "the U.S. State Department": the country belongs to the organisation
        return None

    def _is_person_name(self, token: Token) -> bool:
        match = self.name_at.get(token.i)
        if match is not None:
            return match.what in ("person", "surname")
        return token.ent_type_ == "PERSON" and token.tag_ == "NNP"

    # -- rule 1/2: KB names --------------------------------------------------------------------------

    def _from_name(self, match: NameMatch) -> None:
        span = self.doc[match.start : match.end]
        head = span.root
        if match.what != "person" and _affiliated(self.doc, match.end):
            return  # "Iran-backed", "Al Qaeda-linked": a sponsor named inside an adjective is not taking part
        if match.what in ("person", "surname"):
            self._person_from_kb(match, span)
        elif match.what == "org":
            self._org_mention(match, head)
        elif match.what == "country":
            self._country_mention(match, head)
        elif match.what == "capital" and match.capital is not None and self._addressed_capital(head):
            # "urged Tbilisi to reconsider", "accused Beijing of ...", "called on Kyiv to ...": the government
            draft = self._draft(match.start, match.end, head, "country", "capital")
            draft.country, draft.sector, draft.code = match.capital.iso3, "GOV", f"{match.capital.iso3}GOV"
            draft.name, draft.entity_key = match.capital.name, f"country:{match.capital.iso3}"
            self._add(draft)
        elif match.what == "capital" and self._government_role(head) and match.capital is not None:
            draft = self._draft(match.start, match.end, head, "country", "capital")
            draft.country, draft.sector, draft.code = match.capital.iso3, "GOV", f"{match.capital.iso3}GOV"
            draft.name, draft.entity_key = match.capital.name, f"country:{match.capital.iso3}"
            self._add(draft)

    def _org_mention(self, match: NameMatch, head: Token) -> None:
        org = match.org
        assert org is not None
        if org.kind == "seat" and self._locative(head):
            return
        if self._actor_head(head) is not None:
            return  # "the Nexta Telegram channel", "the Kremlin spokesman": the noun's mention carries it
        start = _np_start(head, self.taken, match.start)
        kind = "group" if org.kind == "group" else "organization"
        draft = self._draft(start, match.end, head, kind, "kb")
        draft.code, draft.name, draft.country, draft.sector = org.code, org.name, org.country, org.sector
        draft.entity_key = f"org:{org.name}"
        draft.number = "pl" if org.kind == "group" else "sg"
        if head.dep_ == "appos" and head.head.i in self.term_at:
            draft.link_to = head.head.i  # "the state-run news agency, Belta": one actor
        self._add(draft)

    def _country_mention(self, match: NameMatch, head: Token) -> None:
        assert match.country is not None
        record, how = match.country.country, match.country.kind
        if self._actor_head(head) is not None or self._locative(head):
            return
        if head.dep_ == "compound" and head.head.pos_ == "PROPN" and head.head.ent_type_ in PLACE_LIKE:
            return  # part of the name of a place or event: "the South China Sea", "the Beijing Olympics"
        hyphenated = match.end < len(self.doc) and self.doc[match.end].text in ("-", "\u2010", "\u2011")
        adjective = head.dep_ in MODIFIER_DEPS or head.pos_ == "ADJ" or hyphenated
        if how == "demonym" and head.tag_ not in ("NNPS", "NNS") and adjective:
            return  # "the Belarusian capital": an adjective on a noun that is not an actor
        if how in ("demonym", "plural"):
            self._people_of(match, head, record)
            return
        start = _np_start(head, self.taken, match.start)
        draft = self._draft(start, match.end, head, "country", "kb")
        draft.country, draft.name, draft.entity_key = record.iso3, record.name, f"country:{record.iso3}"
        draft.sector = "GOV" if draft.gov_role else None
        draft.code = compose_code(record.iso3, draft.sector)
        self._add(draft)

    def _people_of(self, match: NameMatch, head: Token, record: kb.CountryRecord) -> None:
        """People of a country ("Belarusians"): CVL; OPP when protesting; GOV as "the Russians said"."""
        start = self._quantity_start(head, _np_start(head, self.taken, match.start))
        draft = self._draft(start, match.end, head, "group", "demonym")
        draft.country, draft.number = record.iso3, "pl"
        if self._protesting(head):
            draft.sector = "OPP"
        elif draft.gov_role and any(c.lower_ == "the" for c in head.lefts):
            draft.sector = "GOV"  # "the Russians said": diplomatic shorthand for the government
        else:
            draft.sector = "CVL"
        draft.code = compose_code(record.iso3, draft.sector)
        draft.entity_key = f"group:{draft.code}:{record.iso3}"
        self._add(draft)

    def _person_from_kb(self, match: NameMatch, span: Span) -> None:
        person = match.person
        assert person is not None
        head = span.root
        titled = match.start > 0 and _title_word(self.doc[match.start - 1])
        proper = head.tag_ in ("NNP", "NNPS") or titled  # "Chancellor merkel": the title vouches for the name
        if match.what == "surname" and (head.ent_type_ in NOT_A_NAME or not proper):
            return  # "in May" is not Theresa May
        if match.what == "surname" and self._inside_longer_name(match):
            return  # "President Michel Suleiman" is not Charles Michel
        start, title = self._title_start(head, match.start)
        draft = self._draft(start, match.end, head, "person", "kb")
        owner = self._appositive_owner(head)
        if owner is not None:
            draft.link_to = owner.i  # "the UN Secretary-General, Antonio Guterres": one actor
        code = person.code_on(self.published)
        draft.country, draft.sector = _split_code(code)
        if self._title_overrides(title, draft):
            # "President Prabowo": the text's current title beats a KB role that may be out of date.
            draft.sector, draft.via = title.sector, "title"
            code = compose_code(draft.country, title.sector)
        draft.code = code
        draft.name, draft.person_key = person.name, person.name
        draft.offices = frozenset(
            o for o in (person.note.lower(), title.term.term if title.term else "") if o
        )
        draft.surname = person.surname
        draft.full_name = match.what == "person"
        draft.gender = person.gender or title.gender
        self._add(draft)

    @staticmethod
    def _title_overrides(title: _Title, draft: Draft) -> bool:
        if title.term is None or "title" not in title.term.flags or title.former or not draft.country:
            return False
        return title.sector not in (None, "*", draft.sector)

    def _inside_longer_name(self, match: NameMatch) -> bool:
        """Is a surname match part of a longer proper name (a proper noun right before or after it)?"""
        doc = self.doc
        after = doc[match.end] if match.end < len(doc) else None
        before = doc[match.start - 1] if match.start > 0 else None
        if after is not None and after.tag_ == "NNP" and after.text[:1].isupper():
            return True
        if before is None or before.tag_ != "NNP" or not before.text[:1].isupper():
            return False
        return before.lower_ not in self.rules.honorifics and before.i not in self.term_at

    # -- rule 4: people the KB does not know ---------------------------------------------------------

    def _title_start(self, head: Token, start: int) -> tuple[int, _Title]:
        """Extend a name leftwards over its titles ("Belarusian President", "Mr", "opposition candidate")."""
        title = _Title()
        new_start = start
        for child in reversed(list(head.lefts)):
            if child.i >= start or child.dep_ not in ("compound", "amod", "nmod", "det", "punct"):
                if child.i < new_start:
                    break
                continue
            if child.i + 1 != new_start and child.right_edge.i + 1 != new_start:
                break
            words = [t for t in child.subtree if t.i < new_start]
            broken = [t.i for t in words if t.is_space]
            if broken:  # a line break: a headline run into the first sentence; keep what follows it
                words = [t for t in words if t.i > max(broken)]
            if not words or any(t.i in self.taken for t in words):
                break
            self._read_title(words, title)
            new_start = min(t.i for t in words)
            if broken:
                break
        return new_start, title

    def _read_title(self, words: list[Token], title: _Title) -> None:
        for token in words:
            if token.lower_ in FORMER:
                title.former = True
            honorific = self.rules.honorifics.get(token.lower_)
            if honorific is not None:
                title.gender = honorific or title.gender
            found = self.term_at.get(token.i)
            if found is not None:
                title.term = found[1]
                title.sector = found[1].sector if found[1].sector not in ("", "*") else title.sector
            name = self.name_at.get(token.i)
            if name is not None and name.country_code:
                title.country = name.country_code
            modifier = self.rules.sector_modifiers.get(token.lower_)
            if modifier is not None:
                title.modifier = modifier
        portfolio = title.term is not None and title.term.term in self.rules.portfolio_nouns
        if title.modifier and (title.sector is None or title.sector in OVERRIDABLE) and not portfolio:
            title.sector = title.modifier  # "opposition lawmaker X" -> OPP, "military spokesman X" -> MIL

    def _unknown_people(self) -> None:
        doc = self.doc
        for ent in doc.ents:
            if ent.label_ == "PERSON":
                end = ent.end
                # the small model may stop short of the surname ("Maria Corina" of Maria Corina Machado):
                # take the rest of the proper-noun compound the span modifies
                while end < len(doc) and doc[end].tag_ == "NNP" and doc[end - 1].dep_ == "compound":
                    if doc[end - 1].head.i < end:
                        break
                    end += 1
                self._unknown_person(ent.start, end)
        for token in doc:
            if token.i in self.taken or token.tag_ != "NNP":
                continue
            if self._titled(token) or self._appositive_owner(token) is not None or self._named_speaker(token):
                start, end = _proper_run(token)
                self._unknown_person(start, end)

    def _target_places(self) -> None:
        """A city that is the direct object of force ("shelled Kharkiv", "attacked Kyiv", "seized Goma") stands
        for its country as the target: a bare country actor (``rules.yaml: place_target_verbs``)."""
        for token in self.doc:
            if token.dep_ != "dobj" or token.pos_ != "PROPN" or token.i in self.taken:
                continue
            if token.head.lemma_.lower() not in self.rules.place_target_verbs:
                continue
            start, end = _proper_run(token)
            if any(i in self.taken or i in self.dateline for i in range(start, end)):
                continue
            name = self.doc[start:end].text
            capital = kb.country_by_capital(name)
            country = capital.iso3 if capital is not None else self._gazetteer_country(name)
            if country is None:
                continue
            draft = self._draft(start, end, token, "country", "place")
            draft.country, draft.code, draft.entity_key = country, country, f"country:{country}"
            record = kb.country_by_code(country)
            draft.name = record.name if record is not None else None
            self._add(draft)

    def _titled(self, token: Token) -> bool:
        prev = token.nbor(-1) if token.i > 0 else None
        if prev is None:
            return False
        if prev.lower_ in self.rules.honorifics:
            return True
        found = self.term_at.get(prev.i)
        return found is not None and "title" in found[1].flags and prev.dep_ == "compound"

    def _named_speaker(self, token: Token) -> bool:
        """A proper name that is the subject of "said" ("..., said Eugen from Minsk", "Maria Corina Machado
        said") is a person: a lone word, or up to three capitalised words nobody else claims (no KB name, no
        sector noun, no organisation or place label)."""
        compounds = [c for c in token.lefts if c.dep_ == "compound"]
        return (
            token.dep_ == "nsubj"
            and token.head.lemma_ in SPEECH_LEMMAS
            and token.i not in self.name_at
            and token.i not in self.term_at
            and token.ent_type_ not in NOT_A_NAME
            and len(compounds) <= 2
            and all(self._bare_name_word(c) for c in compounds)
            and (not compounds or token.ent_type_ in ("", "PERSON"))
        )

    def _bare_name_word(self, token: Token) -> bool:
        return (
            token.tag_ == "NNP"
            and token.text[:1].isupper()
            and token.i not in self.name_at
            and token.i not in self.term_at
            and token.ent_type_ in ("", "PERSON")
        )

    def _appositive_owner(self, token: Token) -> Token | None:
        """The person noun a name stands in apposition to ("the ambassador to Slovakia, Igor Leshchenya")."""
        head = token
        while head.dep_ == "compound" and head.head.i != head.i:
            head = head.head
        if head.dep_ != "appos":
            return self._comma_apposition(token)
        owner = head.head
        # The parser often hangs the name on the last noun of a post-modifier ("to Slovakia"): climb back
        # to the
        # person noun the prepositional phrase belongs to.
        for _ in range(3):
            found = self.term_at.get(owner.i)
            if found is not None:
                return owner
            if owner.dep_ == "pobj" and owner.head.dep_ == "prep":
                owner = owner.head.head
                continue
            break
        return None

    def _comma_apposition(self, token: Token) -> Token | None:
        """The parser's misses: a name between commas right after a singular person noun is its apposition
        ("Cameroon's main opposition candidate, Issa Tchiroma Bakary, rejected ...")."""
        doc = self.doc
        start, end = _proper_run(token)
        if start < 2 or doc[start - 1].text != "," or (end < len(doc) and doc[end].text not in (",", ".")):
            return None
        owner = doc[start - 2]
        found = self.term_at.get(owner.i)
        if found is None or found[1].kind != "person" or owner.tag_ not in ("NN", "NNP"):
            return None
        return owner

    def _unknown_person(self, start: int, end: int) -> None:
        while start < end - 1 and (self.doc[start].lower_ in self.rules.honorifics or start in self.term_at):
            start += 1  # NER spans may include "Ms" or a title: the name starts after it
        tokens = self.doc[start:end]
        if any(t.i in self.taken for t in tokens) or any(t.tag_ not in ("NNP", "NNPS") for t in tokens):
            return  # "Strikes" tagged PERSON is a plural common noun
        if any(t.i in self.name_at for t in tokens):
            return
        head = tokens.root
        if head.dep_ in ("compound", "nmod", "amod") and head.head.pos_ == "NOUN":
            return  # "the Stela monument": a name modifying a common noun is not a person taking part
        if not self._plausible_person(tokens, head):
            return
        new_start, title = self._title_start(head, start)
        owner = self._appositive_owner(head)
        owner_term = self.term_at[owner.i][1] if owner is not None else None
        kind = "organization" if owner_term is not None and owner_term.kind == "organization" else "person"
        draft = self._draft(new_start, end, head, kind, "title")
        draft.name = tokens.text
        draft.surname = tokens[-1].text
        if title.term is not None:
            draft.offices = frozenset({title.term.term})
        draft.full_name = len(tokens) > 1
        draft.gender = title.gender or self._gender_of(tokens[0].lower_ if len(tokens) > 1 else "")
        if kind == "organization":  # "Bosphorus Report, an independent news website"
            draft.surname, draft.full_name, draft.entity_key = None, False, f"org:{tokens.text}"
        if owner is not None:
            draft.link_to = owner.i
        country = title.country or self._from_place(head)
        sector = title.sector
        if title.former and sector == "GOV":
            sector = "ELI"  # CAMEO codes former officials as elites
        if sector is None and owner is None:
            sector, draft.via = "CVL", "focus" if country is None else "title"
        if country is None and owner is None:
            country, draft.focus_country = self.focus, True
        draft.country, draft.sector = country, sector
        if owner is None or (title.sector and country):
            # With an appositive owner ("the US commander in Iraq, General X") the owner's phrase has the
            # country; a title alone ("General") would only give a sector.
            draft.code = compose_code(country, sector)
        self._add(draft)

    def _plausible_person(self, tokens: Span, head: Token) -> bool:
        """Reject what the small NER model calls a person but the context says is not: an all-capitals
        dateline ("GOMA, Congo"), "the Danube", a lone name after a place preposition ("north of Goma")."""
        if any(t.is_upper and len(t) > 1 for t in tokens):
            return False
        if any(c.dep_ == "det" for c in head.lefts):
            return False
        titled = self._titled(tokens[0]) or self._appositive_owner(head) is not None
        lone = len(tokens) == 1 and not titled and not self._named_speaker(head)
        if lone and load_gazetteer().knows(tokens.text):
            return False  # "Russian forces shelled Kharkiv": a city the model took for a person
        return not (lone and head.dep_ == "pobj" and head.head.lower_ in PLACE_PREPOSITIONS)

    def _gender_of(self, first_name: str) -> str | None:
        return "f" if first_name in self.rules.female_first_names else None

    def _from_place(self, token: Token) -> str | None:
        """The country of "from X" next to a speaker ("said Eugen from Minsk")."""
        for prep in [*token.children, *token.head.children]:
            if prep.dep_ == "prep" and prep.lower_ == "from":
                for obj in prep.children:
                    record = kb.country_by_name(obj.text) or kb.country_by_capital(obj.text)
                    if record is not None:
                        return record.iso3
        return None

    # -- rule 3: sector nouns ------------------------------------------------------------------------

    def _from_sector(self, head_i: int) -> None:
        doc = self.doc
        head = doc[head_i]
        first, term = self.term_at[head_i]
        if head.lower_ in self.rules.quantity_nouns and self._quantifies_actor(head):
            return  # "a group of students": the students are the actor
        if head.pos_ == "PROPN" and head.dep_ in ("compound", "poss") and head.head.pos_ == "PROPN":
            return  # a word inside a longer name ("the Tigray People's Liberation Front")
        modifier = head.dep_ == "compound" and head.head.i != head.i and head.head.pos_ in ("NOUN", "PROPN")
        absorbed = (
            self._actor_head(head) is not None or term.kind == "organization" or term.sector in ("GOV", "")
        )
        if modifier and absorbed:
            return  # absorbed by the noun it modifies ("state TV", "security services")
        definite = any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in head.lefts) or any(
            c.dep_ == "poss" for c in head.lefts
        )
        has_det = definite or any(c.dep_ in ("det", "poss") for c in head.lefts)
        country, org = self._np_country(head)
        bare = term.kind == "person" and term.number == "sg" and not has_det and country is None
        if bare and head.dep_ != "appos" and self._related(head, member=True) is None:
            return  # a bare role noun is predicative ("recognise her as president"), not an actor
        if term.kind == "organization" and org is None and self._locative(head):
            return  # "in court", "at the hospital": a place
        start = min(first, _np_start(head, self.taken, first))
        start = self._quantity_start(head, start)
        draft = self._draft(start, head_i + 1, head, term.kind, "sector")
        draft.number = "pl" if head.tag_ in ("NNS", "NNPS") else term.number
        draft.definite = definite
        draft.anaphoric = "anaphoric" in term.flags and definite
        if term.kind == "person" and "office" in term.flags:
            draft.office = term.term
            draft.offices = frozenset({term.term})
        draft.opposed = "opposed" in term.flags
        if draft.anaphoric and head.dep_ in ("dobj", "dative", "pobj"):
            draft.not_with = _clause_subject(head)  # "Putin met the president": not Putin himself
        draft.supporter = "supporter" in term.flags
        draft.inherit_sector = term.sector == "*"
        draft.sector = term.sector or None
        if head.dep_ == "appos" and head.head.i in self.taken and self.taken[head.head.i].kind != "country":
            draft.link_to = head.head.i  # "Maria Kolesnikova, an opposition figure": one actor
        related = self._related(head, member="member" in term.flags)
        if related is not None:
            draft.relates_to = related.i
            if "other" in term.flags:
                draft.other_than = related.i
            named = self.name_at.get(related.i)
            if "member" in term.flags and (named is None or named.what != "country"):
                # "leaders of the Muslim Brotherhood", "his spokesman": the body's (or person's) code
                draft.default_sector = term.sector if term.sector not in ("", "*") else None
                draft.sector, draft.inherit_sector = "*", True
        if "channel" in term.flags and self._medium_used(head):
            return  # "welcomed the deal on social media": where the words appeared, not an actor
        if "materiel" in term.flags and country is None and org is None and related is None:
            return  # "shot down 20 drones", "fuel tanks": a weapon is an actor only when we know whose
        if org is not None:
            self._absorb_org(draft, org, term)
        if draft.country is None:
            draft.country = country
            draft.via = "demonym" if country else draft.via
        if "state" in term.flags and self._state_modified(head):
            draft.sector = "GOV"
        override = self._sector_modifier(head, first)
        # "a militant group" -> REB, "the ruling party" -> GOV, "opposition parties" -> OPP
        generic = term.kind != "organization" or term.sector in ("*", "", "PTY")
        portfolio = term.term in self.rules.portfolio_nouns  # "labour minister" is GOV
        if override and org is None and generic and term.sector in OVERRIDABLE and not portfolio:
            draft.sector, draft.inherit_sector = override, False
        if draft.sector == "CVL" and self._protesting(head):
            draft.sector = "OPP"
        if draft.sector == "PTY" and self._sides_not_parties(head):
            draft.sector = None  # "urged all parties to show restraint": the sides, not political parties
        self._finish_sector(draft, head)

    def _recent_government_country(self, head: Token) -> str | None:
        """The country of the nearest government actor named before a definite, countryless "the government"
        / "the authorities" in its own or the previous sentence."""
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in head.children):
            return None
        sent = self.sent_of[head.i]
        earlier = [
            d
            for d in self.drafts
            if d.head < head.i and d.sector == "GOV" and d.country and sent - 1 <= d.sent <= sent
        ]
        # a speaker (a clause subject) before an object: "the president met X officials. He said the government"
        return max(earlier, key=lambda d: (d.subject, d.head)).country if earlier else None

    @staticmethod
    def _medium_used(head: Token) -> bool:
        """A bare medium after "on"/"via"/"over" ("on social media", "on state television", not "on the
        television station" nor "on Russian television's staff")."""
        prep = head.head
        if head.dep_ != "pobj" or prep.lower_ not in ("on", "via", "over"):
            return False
        return not any(c.dep_ in ("det", "poss") or c.dep_ == "prep" for c in head.children)

    def _earlier_military_country(self, head: Token) -> str | None:
        """The country of the junta named before (an earlier "the junta" already placed), else of the nearest
        military actor named before ``head`` as a clause subject ("Niger's military rulers ordered ..."; an
        object such as "the withdrawal of its 1,500 troops" may be the junta's adversary)."""
        lemma = head.lemma_.lower()
        same = [
            d
            for d in self.drafts
            if d.head < head.i and d.country and self.doc[d.head].lemma_.lower() == lemma
        ]
        if same:
            return max(same, key=lambda d: d.head).country
        earlier = [
            d for d in self.drafts if d.head < head.i and d.sector == "MIL" and d.country and d.subject
        ]
        return max(earlier, key=lambda d: d.head).country if earlier else None

    def _finish_sector(self, draft: Draft, head: Token) -> None:
        if draft.country is None and _stateless(head):
            draft.via = "sector"  # "Kurdish fighters": a people of several states, whose we cannot say
        elif draft.country is None and draft.sector in PLACE_BOUND_SECTORS and draft.relates_to is None:
            # Unnamed armed groups ("militants", "gunmen") often cross borders: the place of the event says
            # whose they are ("fired rockets from Khan Younis" -> PSE); with no place, no guess.
            draft.country = (
                self._own_phrase_country(head) or self._locative_country(head) or self._dateline_country()
            )
            draft.via = "place" if draft.country else "sector"
            if draft.country is None and self.focus is not None:
                # nothing in the text places them: the document's own country (a domestic insurgency) is the
                # usual reading ("Ethiopian forces seized the town from Tigrayan rebels")
                draft.country, draft.focus_country, draft.via = self.focus, True, "focus"
        if draft.country is None and head.lemma_.lower() in self.rules.regime_nouns:
            draft.country = self._earlier_military_country(head)
            draft.via = "context" if draft.country else draft.via
        if draft.country is None and draft.sector == "GOV" and draft.kind != "person":
            # "the Dutch prime minister said the government would ...": the government of the official who
            # just spoke, not the document's focus (nor a bare GOV)
            draft.country = self._recent_government_country(head)
            draft.via = "context" if draft.country else draft.via
        if (
            draft.country is None
            and draft.sector not in ("IGO", "NGO", "*", *PLACE_BOUND_SECTORS)
            and not _stateless(head)
        ):
            draft.country, draft.focus_country = self.focus, self.focus is not None
            draft.via = "focus" if self.focus else draft.via
        if draft.inherit_sector and draft.relates_to is None and not draft.anaphoric:
            draft.sector, draft.inherit_sector = "CVL", False  # "supporters" of nobody named: civilians
        if draft.code is None and draft.sector != "*":
            # An anaphoric description keeps its own code too, for when no antecedent is found.
            draft.code = compose_code(draft.country, draft.sector)
        if draft.kind != "person" and draft.name is None:
            draft.entity_key = f"group:{draft.code}:{head.lemma_.lower()}"
            if head.pos_ == "PROPN":  # a named body the KB lacks ("the Trade Union Congress"): its own name
                words = [t.text for t in self.doc[draft.token_start : draft.token_end] if t.dep_ != "det"]
                draft.entity_key = f"org:{kb.normalise(' '.join(words))}"
        self._add(draft)

    def _own_phrase_country(self, head: Token) -> str | None:
        """A country named anywhere in the group's own "of"/"from" phrase ("fighters of Sudan's paramilitary
        Rapid Support Forces", "militants from across Mali")."""
        for prep in head.rights:
            if prep.dep_ != "prep" or prep.lower_ not in ("of", "from"):
                continue
            for token in prep.subtree:
                match = self.name_at.get(token.i)
                if match is not None and match.country_code and match.what != "person":
                    return match.country_code
        return None

    def _sides_not_parties(self, head: Token) -> bool:
        """ "all parties", "the warring parties", "parties to the conflict": sides of a dispute."""
        if head.lemma_.lower() != "party" or head.pos_ == "PROPN":
            return False
        words = self.rules.party_not_political
        if any(c.lower_ in words for c in head.lefts):
            return True
        return any(c.lower_ in ("to", "involved") or c.lower_ in words for c in head.rights)

    def _locative_country(self, head: Token) -> str | None:
        """Country of the nearest place in a locative phrase of ``head``'s sentence ("in Khan Younis", "from
        Nigeria's Kebbi state"): a country or capital name inside the phrase, else a gazetteer place that is
        in the focus country or, unambiguous, a city of over GROUP_PLACE_MIN_POPULATION people."""
        sentence = self.sent_of[head.i]
        objects = [
            t
            for t in self.doc
            if self.sent_of[t.i] == sentence
            and t.dep_ == "pobj"
            and t.head.lower_ in GROUP_PLACE_PREPOSITIONS
        ]
        for obj in sorted(objects, key=lambda t: abs(t.i - head.i)):
            for token in obj.subtree:
                if token.i in self.dateline:
                    continue  # a headline the parser ran into the dateline: its own words still count
                match = self.name_at.get(token.i)
                if match is not None and match.what in ("country", "capital") and match.country_code:
                    return match.country_code
            if obj.pos_ == "PROPN":
                start, end = _proper_run(obj)
                country = self._gazetteer_country(self.doc[start:end].text)
                if country:
                    return country
        return None

    def _dateline_country(self) -> str | None:
        """Country of the document's dateline ("MOGADISHU \u2014", "KANO, Nigeria \u2014"): where the report was
        filed, the last resort for an armed group with no place of its own in the sentence."""
        if not self.dateline:
            return None
        words = sorted(self.dateline)
        names = [t for t in self.doc[words[0] : words[-1] + 1] if t.pos_ == "PROPN" or t.text[:1].isupper()]
        for token in names:
            record = kb.country_by_name(token.text) or kb.country_by_capital(token.text)
            if record is not None:
                return record.iso3
        first = self.doc[words[0] : words[-1] + 1].text.split(",")[0].split("(")[0].split("\u2014")[0]
        return self._gazetteer_country(first.strip().title()) if first.strip() else None

    def _gazetteer_country(self, name: str) -> str | None:
        readings = load_gazetteer().lookup(name)
        countries = {r.country for r in readings if r.country}
        if self.focus in countries:
            return self.focus
        big = [r for r in readings if (r.population or 0) >= GROUP_PLACE_MIN_POPULATION]
        return big[0].country if len(countries) == 1 and big else None

    def _absorb_org(self, draft: Draft, org: kb.OrgRecord, term: kb.SectorTerm) -> None:
        """A named organisation inside the phrase: "the Nexta Telegram channel" is Nexta; "the Kremlin
        spokesman" is a Russian government person."""
        if term.kind != "person" and (term.sector == org.sector or org.sector == "MED"):
            draft.code, draft.name, draft.country, draft.sector = org.code, org.name, org.country, org.sector
            draft.entity_key, draft.kind, draft.via = f"org:{org.name}", "organization", "kb"
            return
        draft.country = org.country
        if org.country is None:  # "a UN envoy": the IGO itself is the actor's code
            draft.code, draft.sector = org.code, org.sector
        elif draft.sector in (None, "*") or org.kind == "seat":
            draft.sector = org.sector if draft.sector in (None, "*") else draft.sector
        elif term.kind == "person" and org.sector not in (None, "", "GOV") and draft.sector in MEMBER_GENERIC:
            # "a Hamas official", "a Taliban commander": a generic office of a non-state body is that body's
            # sector (PSEREB, AFGREB), not the government's
            draft.sector = org.sector
        draft.via = "kb"

    def _np_country(self, head: Token) -> tuple[str | None, kb.OrgRecord | None]:
        """Country (and named organisation) given inside a phrase: its modifiers, then an "of X" phrase.
        A country name, demonym or organisation beats a capital ("Japan's envoy in Manila"); among equals the
        first wins ("US and British activists"); nothing before a line break counts."""
        found: list[tuple[int, str]] = []
        org: kb.OrgRecord | None = None
        words = [t for t in head.subtree if t.i < head.i]
        breaks = [t.i for t in words if t.is_space]
        for token in words:
            if (breaks and token.i <= max(breaks)) or (token.dep_ == "poss" and token.pos_ == "PRON"):
                continue
            match = self.name_at.get(token.i)
            if match is None or _partisan(self.doc, match.start) or _affiliated(self.doc, match.end):
                continue  # "pro-Russia rebels", "Iran-backed militias" are not Russian or Iranian
            if match.org is not None and org is None:
                org = match.org
            if match.country_code and (match.what in ("country", "capital") or match.org is not None):
                found.append((1 if match.what == "capital" else 0, match.country_code))
        country = min(found, key=lambda pair: pair[0])[1] if found else None
        if country is None and org is None:
            for prep in head.rights:
                # "the president of Belarus", "dissidents from Egypt", "officials in N'Djamena"
                if prep.dep_ == "prep" and prep.lower_ in ("of", "from", "in"):
                    for obj in prep.children:
                        match = self.name_at.get(obj.i)
                        if country is None and match is None and prep.lower_ == "in" and obj.pos_ == "PROPN":
                            # "police in Karachi": a city the gazetteer places without doubt
                            start, end = _proper_run(obj)
                            country = self._gazetteer_country(self.doc[start:end].text)
                        if match is None or match.what not in ("country", "capital"):
                            continue
                        if (match.what == "country" or prep.lower_ == "in") and country is None:
                            country = match.country_code  # the first named ("in Brussels and Paris")
        return country, org

    def _related(self, head: Token, *, member: bool = False) -> Token | None:
        """The actor a relational noun depends on: possessor ("his allies") or "of X" ("opponents of X");
        for members also "for X" ("a spokesman for the army")."""
        for child in head.lefts:
            if child.dep_ == "poss":
                return child
        preps = ("of", "for") if member else ("of",)
        for prep in head.rights:
            if prep.dep_ == "prep" and prep.lower_ in preps:
                for obj in prep.children:
                    if obj.dep_ == "pobj" and (
                        obj.i in self.term_at or obj.i in self.name_at or obj.pos_ == "PRON"
                    ):
                        return obj
        return None

    def _sector_modifier(self, head: Token, first: int) -> str | None:
        """A modifier naming the sector: "army commander" -> MIL, "opposition politicians" -> OPP."""
        for child in head.lefts:
            if child.dep_ in ("compound", "amod") and child.i < first:
                # the modifier's own modifier is the narrower one: "opposition party spokesman" -> OPP,
                # "ruling party official" -> GOV, "party spokesman" -> PTY
                for inner in child.lefts:
                    sector = self.rules.sector_modifiers.get(inner.lower_)
                    if inner.dep_ in ("compound", "amod") and sector:
                        return sector
                sector = self.rules.sector_modifiers.get(child.lower_)
                if sector:
                    return sector
        return None

    def _quantifies_actor(self, head: Token) -> bool:
        objects = [o for p in head.rights if p.dep_ == "prep" and p.lower_ == "of" for o in p.children]
        return any(o.dep_ == "pobj" and (o.i in self.term_at or o.i in self.name_at) for o in objects)

    def _state_modified(self, head: Token) -> bool:
        for token in head.subtree:
            if token.i >= head.i:
                break
            if token.lower_ in self.rules.state_modifiers:
                return True
        return False

    def _protesting(self, head: Token) -> bool:
        """The group protests: subject of a protest verb ("thousands of Ukrainians protested") or described by
        a relative clause or participle of protest ("Belarusians who took to the streets")."""
        subject = head
        if (
            head.dep_ == "pobj"
            and head.head.lower_ == "of"
            and head.head.head.lower_ in self.rules.quantity_nouns
        ):
            subject = head.head.head  # "thousands of Ukrainians": the quantity is the verb's subject
        if subject.dep_ == "nsubj" and self._protest_verb(subject.head):
            return True
        for clause in head.rights:
            if clause.dep_ not in ("relcl", "acl"):
                continue
            for verb in [clause, *(c for c in clause.children if c.dep_ in ("advcl", "xcomp", "conj"))]:
                if self._protest_verb(verb):
                    return True
        return False

    def _protest_verb(self, verb: Token) -> bool:
        lemma = verb.lemma_.lower()
        if lemma == "take":  # only "take to the streets"
            return any(t.lower_ in self.rules.protest_take_nouns for t in verb.subtree)
        if lemma in ("call", "agitate", "incite", "urge", "join"):  # "anyone calling for an insurrection"
            aims = self.rules.dissent_aims
            return any(t.lemma_.lower() in aims for t in verb.subtree if t.i != verb.i)
        return lemma in self.rules.protest_lemmas

    def _quantity_start(self, head: Token, start: int) -> int:
        """Stretch "tens of thousands of protesters" so that the subject "thousands" is inside the mention."""
        if head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.dep_ == "prep":
            quantity = head.head.head
            if quantity.lower_ in self.rules.quantity_nouns or quantity.like_num or quantity.pos_ == "NUM":
                left = quantity.left_edge.i
                if not any(i in self.taken for i in range(left, start)):
                    return left
        return start

    # -- rule 5: descriptions of the focus country and pronouns --------------------------------------

    def _country_descriptions(self) -> None:
        """ "the country", "the eastern European nation": the document's focus country (not as a place)."""
        if self.focus is None:
            return
        record = kb.country_by_code(self.focus)
        for token in self.doc:
            if token.lemma_.lower() not in COUNTRY_NOUNS or token.pos_ != "NOUN" or token.i in self.taken:
                continue
            if token.tag_ != "NN" or self._locative(token) or token.dep_ == "compound":
                continue
            if not any(c.dep_ == "det" and c.lower_ == "the" for c in token.lefts):
                continue
            draft = self._draft(_np_start(token, self.taken, token.i), token.i + 1, token, "country", "coref")
            draft.country, draft.focus_country, draft.anaphoric, draft.definite = self.focus, True, True, True
            draft.sector = "GOV" if draft.gov_role else None
            draft.code = compose_code(self.focus, draft.sector)
            draft.name = record.name if record else None
            draft.entity_key = f"country:{self.focus}"
            self._add(draft)

    def _pronouns(self) -> None:
        for token in self.doc:
            features = self.rules.pronouns.get(token.lower_)
            if features is None or token.i in self.taken or token.tag_ not in ("PRP", "PRP$"):
                continue
            number, gender = features
            # "it" is an actor only as a subject or possessor: as an object it is nearly always a thing.
            weak = self.in_quote[token.i] or token.dep_ not in ("nsubj", "nsubjpass", "poss")
            weak = weak or token.head.lemma_ == "be"
            if gender == "n" and weak and not (token.dep_ == "nsubj" and self._government_role(token)):
                continue  # "it is the people": no antecedent to find
            draft = self._draft(token.i, token.i + 1, token, "person", "pronoun")
            draft.pronoun, draft.number, draft.gender = True, number, gender or None
            if token.dep_ in ("dobj", "dative", "pobj") and not token.lower_.endswith(("self", "selves")):
                draft.not_with = _clause_subject(token)
            self._add(draft)


# ----------------------------------------------------------------------------------------------------
# Matching


def _match_names(doc: Doc, day: dt.date | None) -> list[NameMatch]:
    """Longest KB name match at each capitalised token, left to right, without overlaps. Lower-case words
    match only as demonyms ("tunisian rioters") or as Arabic-article names ("al-Shabab")."""
    matches: list[NameMatch] = []
    i, n, text = 0, len(doc), doc.text
    starts = kb.name_first_words()
    demonyms = kb.demonym_words()
    while i < n:
        token = doc[i]
        lower = not token.text[:1].isupper()
        titled = lower and i > 0 and _title_word(doc[i - 1])
        if lower and token.lower_ not in LOWER_NAME_STARTS and token.lower_ not in demonyms and not titled:
            i += 1  # the common case, decided without building a key
            continue
        key = token.lower_ if token.text.isascii() else kb.normalise(token.text)
        if key not in starts:
            i += 1
            continue
        found: NameMatch | None = None
        for length in range(min(MAX_NAME_TOKENS, n - i), 0, -1):
            last = doc[i + length - 1]
            if length > 1 and ("\n" in text[token.idx : last.idx] or last.is_punct or last.is_space):
                continue
            found = _lookup(text[token.idx : last.idx + len(last.text)], i, i + length, day)
            if found is not None and lower and key not in LOWER_NAME_STARTS and found.what != "country":
                # a careless lower-case name counts after a capitalised title: "President obama"
                found = found if titled and found.what in ("person", "surname") else None
            if found is not None:
                break
        if found is None:
            i += 1
            continue
        matches.append(found)
        i = found.end
    return matches


def _title_word(token: Token) -> bool:
    """A capitalised title or honorific that may stand before a person's name ("President", "Mr")."""
    if not token.text[:1].isupper():
        return False
    term = kb.sector_terms().get(token.lower_)
    return (term is not None and "title" in term.flags) or token.lower_ in kb.rules().honorifics


def _lookup(text: str, start: int, end: int, day: dt.date | None) -> NameMatch | None:
    person = kb.person_by_name(text)
    if person is not None:
        return NameMatch(start, end, "person", person=person)
    org = kb.organisation_by_name(text)
    if org is not None:
        return NameMatch(start, end, "org", org=org)
    country = kb.country_match(text)
    if country is not None:
        return NameMatch(start, end, "country", country=country)
    person = kb.person_by_surname(text, day)
    if person is not None:
        return NameMatch(start, end, "surname", person=person)
    capital = kb.country_by_capital(text)
    if capital is not None:
        return NameMatch(start, end, "capital", capital=capital)
    return None


def _match_terms(doc: Doc, terms: dict[str, kb.SectorTerm]) -> dict[int, tuple[int, kb.SectorTerm]]:
    """Sector nouns by head token: head index -> (first token of the term, term). Longest term wins."""
    found: dict[int, tuple[int, kb.SectorTerm]] = {}
    last_words = kb.sector_last_words()
    for token in doc:
        nominal = token.pos_ in ("NOUN", "PROPN") or token.tag_ in ("NN", "NNS")
        if not nominal and not (
            token.pos_ == "PRON" and token.lower_ in terms
        ):  # listed indefinites: "anyone"
            continue
        if token.lower_ not in last_words and token.lemma_.lower() not in last_words:
            continue
        for length in (3, 2, 1):
            first = token.i - length + 1
            if first < 0:
                continue
            words = doc[first : token.i + 1]
            # Join as written, so "Secretary-General" (three tokens) meets the term "secretary-general".
            term = terms.get("".join(t.text_with_ws for t in words[:-1]).lower() + token.lower_)
            if term is None and length == 1:
                term = terms.get(token.lemma_.lower())
            if term is not None and all(t.head.i in range(first, token.i + 1) for t in doc[first : token.i]):
                found[token.i] = (first, term)
                break
    return found


# ----------------------------------------------------------------------------------------------------
# Small helpers


def _sentence_index(doc: Doc) -> list[int]:
    """Sentence number of each token, for coreference windows. spaCy's sentences, further cut where the small
    model runs two sentences together: at a paragraph break, and after a quotation that closes a sentence
    ('... adding: "We hope so." US President Donald Trump said he ...'), so that "he" does not reach back
    across the quote to the first sentence's subject."""
    index = [0] * len(doc)
    n = -1
    for sent in doc.sents:
        n += 1
        for i in range(sent.start, sent.end):
            if i > sent.start and _starts_sentence(doc, i):
                n += 1
            index[i] = n
    return index


def _starts_sentence(doc: Doc, i: int) -> bool:
    prev = doc[i - 1]
    if prev.is_space and "\n" in prev.text:
        return not doc[i].is_space
    if not doc[i].text[:1].isupper() or i < 2:
        return False
    closing = prev.text in CLOSE_QUOTES or prev.text == '"'
    return closing and doc[i - 2].text in (".", "!", "?") and doc[i].dep_ != "punct"


#: A colon dateline ("LYON:", "GAZA CITY, Palestinian Territories:"): a place in capitals opening a line, an
#: optional qualifier, then a colon. (Dash datelines are read by ``facts.places.dateline_names``.)
COLON_DATELINE = re.compile(r"([A-Z][A-Z.'\- ]{1,40}[A-Z.])(,[ A-Za-z.'\-]{1,60})?:[ \t]")


def dateline_tokens(doc: Doc) -> set[int]:
    """Tokens of the datelines that open a line: a place name in capitals ("DEIR AL-BALAH, Gaza Strip —"),
    or one the gazetteer knows, followed by a spaced dash, or a capitals place followed by a colon."""
    text = doc.text
    found: set[int] = set()
    for line in re.finditer(r"(?m)^[ \t]*(?=\S)", text):
        start = line.end()
        spans = dateline_names(text, start)
        if spans and spans[0][0] == start:
            first = text[start : spans[0][1]]
            if not (first.isupper() and len(first) > 2) and not opens_dateline(text, start):
                continue
            head = DATELINE_HEAD.match(text, start)
            end = head.end() if head is not None else spans[-1][1]  # with the agency: "(Reuters)"
        else:
            colon = COLON_DATELINE.match(text, start)
            if colon is None:
                continue
            end = colon.end() - 2
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            found.update(range(span.start, span.end))
    return found


def _quote_mask(doc: Doc) -> list[bool]:
    """Which tokens lie inside quotation marks (curly quotes, or straight quotes toggling)."""
    mask = [False] * len(doc)
    inside = False
    for token in doc:
        if token.text in OPEN_QUOTES or (token.text == '"' and not inside):
            inside = True
        elif token.text in CLOSE_QUOTES or token.text == '"':
            inside = False
        else:
            mask[token.i] = inside
    return mask


def _stateless(head: Token) -> bool:
    """Is the group named by a people spread over several states ("Kurdish fighters", "the Kurds")?"""
    rules = kb.rules()
    words = rules.stateless_peoples
    if head.lower_ in words or any(
        c.lower_ in words for c in head.children if c.dep_ in ("amod", "compound", "nmod")
    ):
        return True
    # "regional leaders", "Western governments": several states, none of them the document's focus
    return head.lemma_.lower() not in rules.portfolio_nouns and any(
        c.lower_ in rules.multinational_modifiers for c in head.children if c.dep_ in ("amod", "compound")
    )


def _focus_country(
    doc: Doc, names: list[NameMatch], term_at: dict[int, tuple[int, kb.SectorTerm]]
) -> str | None:
    """The document's focus country: the most mentioned one (names, demonyms, capitals, national bodies and
    KB people's current countries); the first mentioned wins a tie. Countries named once each are no focus when
    there are several ("Congress asked Obama to help Iran": which one frames the document is a guess); a lone
    country named once is ("Police arrested activists in Caracas"), unless it only owns a thing ("The government
    thanked China's assistance": China is the other party, not the frame)."""
    codes: list[str] = []
    owners: set[str] = set()
    for match in names:
        if _partisan(doc, match.start):
            continue
        code = match.country_code
        if match.person is not None and match.person.roles:
            code = _split_code(match.person.roles[-1].code)[0]
        if code:
            codes.append(code)
            root = doc[match.start : match.end].root
            if root.dep_ == "poss" and root.head.i not in term_at and root.head.pos_ != "PROPN":
                owners.add(code)
    if not codes:
        return None
    counts = Counter(codes)
    best = max(counts.values())
    if best < 2 and (len(counts) > 1 or codes[0] in owners):
        return None
    return next(code for code in codes if counts[code] == best)


def _partisan(doc: Doc, start: int) -> bool:
    """Is the name at ``start`` the object of "pro-" or "anti-" ("pro-Russia", "anti-American")?"""
    if start >= 2 and doc[start - 1].text == "-" and doc[start - 2].lower_ in ("pro", "anti"):
        return True
    return start >= 1 and doc[start - 1].lower_ in ("pro-", "anti-")


def _affiliated(doc: Doc, end: int) -> bool:
    """Is the name ending before token ``end`` the first part of an affiliation adjective ("Iran-backed",
    "Al Qaeda-linked", "UK-based")? Such a name is a sponsor or a seat, not the phrase's own country."""
    if end + 1 < len(doc) and doc[end].text in ("-", "\u2010", "\u2011"):
        return doc[end + 1].lower_ in kb.rules().affiliation_participles
    return False


def _split_code(code: str | None) -> tuple[str | None, str | None]:
    """("BLRGOV") -> ("BLR", "GOV"); IGO/NGO/NATO codes have no country."""
    if not code:
        return None, None
    if code.startswith(("IGO", "NGO", "IMG")) or code == "NATO":
        return None, code
    if len(code) >= 3 and kb.country_by_code(code[:3]) is not None:
        return code[:3], code[3:] or None
    return None, code


def _np_start(head: Token, taken: dict[int, Draft], floor: int) -> int:
    """First token of the noun phrase left of ``head``: its determiners and modifiers, stopping at a
    possessive pronoun or a word already in another mention ("his Belarusian counterpart" -> "Belarusian
    counterpart").
    """
    start = min(floor, head.i)
    for child in reversed(list(head.lefts)):
        if child.dep_ not in NP_LEFT_DEPS:
            break
        if child.dep_ == "poss" and (child.pos_ == "PRON" or child.i in taken):
            break
        words = range(child.left_edge.i, start)
        if any(i in taken for i in words):
            break  # another mention
        if child.dep_ == "punct" and child.text not in ("-", "\u2010", "\u2011"):
            break
        conj = [c for c in child.children if c.dep_ == "conj" and c.i > child.i]
        if conj and any(c.dep_ == "cc" for c in child.children):
            # "the Congolese army and M23 rebels" mis-parsed as one phrase: two actors, this one starts
            # after the conjunction
            return min(conj[-1].left_edge.i, floor, head.i)
        breaks = [i for i in words if head.doc[i].is_space]
        if breaks:  # a headline run into the first sentence: keep what follows the line break
            return max(breaks) + 1 if max(breaks) + 1 < start else start
        start = min(start, child.left_edge.i)
    while start < head.i and head.doc[start].is_punct:
        start += 1
    return start


def _proper_run(token: Token) -> tuple[int, int]:
    """The run of proper nouns around ``token`` ("Igor Leshchenya")."""
    doc = token.doc
    start = token.i
    while start > 0 and doc[start - 1].tag_ == "NNP" and doc[start - 1].dep_ == "compound":
        start -= 1
    end = token.i + 1
    while end < len(doc) and doc[end].tag_ == "NNP" and doc[end - 1].dep_ == "compound":
        end += 1
    return start, end


def _clause_subject(token: Token) -> int | None:
    """The subject of the clause ``token`` is an object in; a conjoined verb shares its first verb's subject
    ("Putin called Lukashenko and warned him")."""
    verb = token.head if token.dep_ != "pobj" else token.head.head
    for _ in range(3):
        for child in verb.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                return child.i
        if verb.dep_ != "conj" or verb.head.i == verb.i:
            break
        verb = verb.head
    return None


# ----------------------------------------------------------------------------------------------------
# Output


def _analysis(doc: Doc, drafts: list[Draft], entities: list[Entity]) -> ActorAnalysis:
    kept = sorted((d for d in drafts if d.entity is not None and d.code), key=lambda d: d.token_start)
    order: dict[int, str] = {}
    for draft in kept:
        assert draft.entity is not None
        order.setdefault(draft.entity, f"E{len(order) + 1}")
    text = doc.text  # Doc.text is rebuilt on each access: read it once
    mentions = [_mention(doc, text, d, order[d.entity]) for d in kept if d.entity is not None]
    by_index = {e.index: e for e in entities}
    actor_entities = []
    for index, entity_id in order.items():
        entity = by_index[index]
        spans = [TextSpan(m.text, m.start, m.end) for m in mentions if m.entity_id == entity_id]
        actor_entities.append(
            ActorEntity(
                entity_id=entity_id,
                name=entity.name,
                code=entity.code
                or spans
                and next(m.code for m in mentions if m.entity_id == entity_id)
                or "",
                country=entity.country,
                sector=entity.sector,
                kind=entity.kind,
                mentions=spans,
            )
        )
    return ActorAnalysis(mentions=mentions, entities=actor_entities)


def _mention(doc: Doc, text: str, draft: Draft, entity_id: str) -> ActorMention:
    start = doc[draft.token_start].idx
    last = doc[draft.token_end - 1]
    end = last.idx + len(last.text)
    return ActorMention(
        text=text[start:end],
        start=start,
        end=end,
        token_start=draft.token_start,
        token_end=draft.token_end,
        code=draft.code or "",
        entity_id=entity_id,
        name=draft.name,
        country=draft.country,
        sector=draft.sector,
        kind=draft.kind,
        via=draft.via,
    )
