"""In-document coreference for actor mentions: rule-based, one left-to-right pass, no model.

``actors.py`` finds mention candidates (:class:`Draft`) and this module groups them into entities:

- **names**: a KB person is one entity however it is written ("Alexander Lukashenko", "Mr Lukashenko",
  "Lukashenka"); a person the KB does not know is introduced by a full name and later picked up by its surname
  ("Igor Leshchenya" ... "Mr Leshchenya"). An entity found in the document beats a KB surname match.
- **appositions and titles** ("the Belarusian ambassador to Slovakia, Igor Leshchenya") are one entity
  (``Draft.link_to``); a KB-known code wins over the description's.
- **definite descriptions** flagged anaphoric in ``sectors.tsv`` ("the Belarusian strongman", "his Belarusian
  counterpart", "the former collective-farm boss", "the president") go to the most salient earlier person
  entity
  compatible in country and sector; "counterpart" takes its sector from its possessor and must not be the
  possessor ("his Belarusian counterpart" is not "he").
- **pronouns** (he/she/him/her/his/it/its/they/them/their) go to the best earlier compatible entity: gender
  (KB, honorific, first name), number, person vs organisation; same sentence, then clause subjects, then
  salience.
  A pronoun that finds no antecedent is dropped (it is not an actor we can name). First and second person
  are never
  linked: inside quotes they are the speaker's, which the quote finder works out.
- **organisations, countries and groups** with the same identity (name, ISO code, or code + head noun) merge.

Relational mentions ("opponents of the Belarusian strongman", "her allies") are resolved after the actor they
relate to, which gives them a country (and, for '*' terms, a sector).
"""

from __future__ import annotations

from dataclasses import dataclass, field

#: Sentences back that a pronoun or description may look for its antecedent.
PRONOUN_WINDOW = 3
#: "they" reaches back less far: plural groups are many and short-lived in news prose.
PLURAL_PRONOUN_WINDOW = 1
DESCRIPTION_WINDOW = 6


@dataclass
class Draft:
    """A mention candidate with what is known about it before coreference."""

    token_start: int
    token_end: int
    head: int
    sent: int
    kind: str  # person | organization | country | group
    via: str
    code: str | None = None
    name: str | None = None
    country: str | None = None
    sector: str | None = None
    number: str = "sg"
    gender: str | None = None
    person_key: str | None = None  # canonical KB person name
    surname: str | None = None  # a proper-name person mention's surname
    full_name: bool = False  # first name + surname: may introduce a person the KB does not know
    entity_key: str | None = None  # identity of an organisation, country or group
    pronoun: bool = False
    anaphoric: bool = False
    definite: bool = False
    other_than: int | None = None  # token of the possessor the antecedent must differ from
    relates_to: int | None = None  # token of the actor this one relates to ("opponents of X")
    opposed: bool = False
    supporter: bool = False  # "his supporters": OPP if he is, else civilians of his country
    inherit_sector: bool = False
    default_sector: str | None = None  # an inheriting mention's own sector when the related actor has none
    subject: bool = False
    link_to: int | None = None  # token of an appositive/title partner (same entity)
    not_with: int | None = None  # token of the clause subject a non-reflexive object pronoun cannot be
    focus_country: bool = False  # the country was inferred from the document focus
    gov_role: bool = False  # subject of a speech/policy verb: a country here is its government
    antecedent: Draft | None = None  # for a pronoun: the mention it was resolved through
    entity: int | None = None  # index of the entity after linking
    offices: frozenset[str] = frozenset()  # offices this mention names or knows ("foreign minister")
    office: str | None = None  # for a description: the office it names ("the minister" -> "minister")


@dataclass
class Entity:
    index: int
    kind: str
    code: str | None
    name: str | None
    country: str | None
    sector: str | None
    number: str
    gender: str | None
    person_key: str | None = None
    entity_key: str | None = None
    surnames: set[str] = field(default_factory=set)
    drafts: list[Draft] = field(default_factory=list)
    known: bool = False  # the code came from the KB (wins over descriptions)
    offices: set[str] = field(default_factory=set)
    given_names: set[str] = field(
        default_factory=set
    )  # first words of its full names ("Anwar" of Anwar Ibrahim)


def _transnational(code: str | None) -> bool:
    """A whole code with no country: an IGO, international NGO or transnational group ("IGOEU", "NATO")."""
    return bool(code) and (
        code == "NATO" or (code or "").startswith(("IGO", "NGO", "IMG")) and len(code or "") > 3
    )


def compose_code(country: str | None, sector: str | None) -> str | None:
    """CAMEO actor code: country + sector ("BLR" + "GOV"); an IGO/NGO code given as sector stands alone."""
    if sector and ((sector.startswith(("IGO", "NGO", "IMG")) and len(sector) > 3) or sector == "NATO"):
        return sector  # "IGOEU", "NGOAMN" are whole codes; a bare "NGO" is a sector ("BLRNGO")
    if not country and not sector:
        return None
    return f"{country or ''}{sector or ''}"


class Linker:
    """Groups drafts into entities in document order (see the module docstring for the rules)."""

    def __init__(self, drafts: list[Draft]) -> None:
        self.drafts = sorted(drafts, key=lambda d: (d.token_start, d.token_end))
        self.by_token: dict[int, Draft] = {}
        for draft in self.drafts:
            for i in range(draft.token_start, draft.token_end):
                self.by_token.setdefault(i, draft)
        self.entities: list[Entity] = []
        self._done: set[int] = set()
        self._busy: set[int] = set()

    # -- driver --------------------------------------------------------------------------------------

    def run(self) -> list[Entity]:
        for draft in self.drafts:
            self._resolve(draft)
        # Appositions may point forward ("the ambassador ..., Igor Leshchenya"): merge once everything is
        # placed.
        for draft in self.drafts:
            if draft.link_to is not None and draft.entity is not None:
                partner = self.by_token.get(draft.link_to)
                if partner is not None and partner.entity is not None and partner.entity != draft.entity:
                    self._merge(self.entities[partner.entity], self.entities[draft.entity])
        for entity in self.entities:
            self._finalise(entity)
        return [e for e in self.entities if e.drafts]

    def _resolve(self, draft: Draft) -> None:
        key = id(draft)
        if key in self._done or key in self._busy:
            return
        self._busy.add(key)
        if draft.relates_to is not None:
            self._apply_relation(draft)
        entity = self._find(draft)
        if entity is None and not draft.pronoun:
            entity = self._new_entity(draft)
        if entity is not None:
            self._attach(entity, draft)
        self._busy.discard(key)
        self._done.add(key)

    def _find(self, draft: Draft) -> Entity | None:
        if draft.pronoun:
            return self._pronoun_antecedent(draft)
        partner = self._earlier_partner(draft)
        if partner is not None:
            # "the main opposition candidate, Issa Tchiroma Bakary": join the description now, so that a
            # pronoun right after ("his supporters") already finds the whole entity
            return partner
        if draft.person_key is not None:
            found = self._by_person_key(draft.person_key)
            if found is not None:
                return found
        if draft.kind == "person" and draft.surname and not draft.full_name:
            found = self._by_surname(draft.surname) or self._by_given_name(draft.surname)
            if found is not None:
                if draft.person_key is None:
                    draft.via = (
                        "coref"  # "Ms Markova" after "Elena Markova", "Mr Anwar" after "Anwar Ibrahim"
                    )
                return found
        if draft.kind == "person" and draft.surname and draft.full_name:
            found = self._by_surname(draft.surname, unknown_only=True)
            if found is not None:
                return found
        if draft.anaphoric and draft.definite and draft.kind in ("person", "organization"):
            found = (
                self._description_antecedent(draft)
                if draft.kind == "person"
                else self._organisation_antecedent(draft)
            )
            if found is not None:
                draft.via = "coref"
            return found
        if draft.entity_key is not None:
            return next((e for e in self.entities if e.entity_key == draft.entity_key and e.drafts), None)
        return None

    # -- candidates ----------------------------------------------------------------------------------

    def _earlier_partner(self, draft: Draft) -> Entity | None:
        if draft.link_to is None:
            return None
        partner = self.by_token.get(draft.link_to)
        if partner is None or partner.token_start >= draft.token_start or partner.pronoun:
            return None
        if draft.person_key is not None and self._by_person_key(draft.person_key) is not None:
            return None  # a KB person already in the document: the end-of-pass merge joins them
        self._resolve(partner)
        return self.entities[partner.entity] if partner.entity is not None else None

    def _by_person_key(self, person_key: str) -> Entity | None:
        return next((e for e in self.entities if e.person_key == person_key and e.drafts), None)

    def _by_surname(self, surname: str, *, unknown_only: bool = False) -> Entity | None:
        for entity in reversed(self.entities):
            if not entity.drafts or entity.kind != "person" or surname not in entity.surnames:
                continue
            if unknown_only and entity.person_key is not None:
                continue
            return entity
        return None

    def _by_given_name(self, name: str) -> Entity | None:
        """The one person introduced earlier with this given or middle name: Malay, Indonesian, Thai and many
        Arab and African names are shortened to it ("Mr Anwar" for Anwar Ibrahim, "Mr Tchiroma" for Issa
        Tchiroma Bakary). Two candidates are ambiguous: none is chosen."""
        found = [e for e in self.entities if e.drafts and e.kind == "person" and name in e.given_names]
        return found[0] if len(found) == 1 else None

    def _previous(self, draft: Draft, window: int) -> list[tuple[Entity, Draft]]:
        """Entities mentioned before ``draft`` within ``window`` sentences, each with its latest mention."""
        latest: dict[int, Draft] = {}
        for other in self.drafts:
            if other.token_start >= draft.token_start:
                break
            if other.entity is None or draft.sent - other.sent > window:
                continue
            latest[other.entity] = other
        return [(self.entities[i], d) for i, d in latest.items() if self.entities[i].drafts]

    def _pronoun_antecedent(self, draft: Draft) -> Entity | None:
        excluded = self._entity_at(draft.not_with)
        best: tuple[float, Entity] | None = None
        window = PLURAL_PRONOUN_WINDOW if draft.number == "pl" else PRONOUN_WINDOW
        for entity, last in self._previous(draft, window):
            if entity is excluded or not _pronoun_fits(draft, entity):
                continue
            score = _salience(draft, entity, last)
            if best is None or score > best[0]:
                best, draft.antecedent = (score, entity), last
        return best[1] if best else None

    def _description_antecedent(self, draft: Draft) -> Entity | None:
        excluded = self._entity_at(draft.other_than)
        subject = self._entity_at(draft.not_with)  # the object of a clause is not its subject
        if draft.inherit_sector and excluded is not None and draft.sector in (None, "*"):
            draft.sector = excluded.sector  # "his counterpart": the same office as the possessor
        best: tuple[float, Entity] | None = None
        for entity, last in self._previous(draft, DESCRIPTION_WINDOW):
            if entity is excluded or entity is subject or not _description_fits(draft, entity):
                continue
            score = _salience(draft, entity, last)
            if best is None or score > best[0]:
                best = (score, entity)
        return best[1] if best else None

    def _organisation_antecedent(self, draft: Draft) -> Entity | None:
        """ "the group", "the alliance": the latest named organisation (not a country, not a person)."""
        candidates = [
            (last.token_start, entity)
            for entity, last in self._previous(draft, DESCRIPTION_WINDOW)
            if entity.kind in ("organization", "group") and (entity.entity_key or "").startswith("org:")
        ]
        return max(candidates, key=lambda pair: pair[0])[1] if candidates else None

    def _entity_at(self, token: int | None) -> Entity | None:
        if token is None:
            return None
        other = self.by_token.get(token)
        if other is None:
            return None
        self._resolve(other)
        return self.entities[other.entity] if other.entity is not None else None

    # -- relations -----------------------------------------------------------------------------------

    def _apply_relation(self, draft: Draft) -> None:
        related = self._entity_at(draft.relates_to)
        if related is None:
            return
        if draft.inherit_sector and draft.sector in (None, "*"):
            draft.sector = related.sector or draft.default_sector
        bare = draft.country is None and draft.sector in (None, "*", "IGO", "NGO", "IMG")
        if bare and related.country is None and _transnational(related.code):
            # "the EU's foreign policy chief": the body's whole code (IGOEU), not the bare "IGO"
            draft.sector = related.code
        if related.country and (draft.country is None or draft.focus_country):
            draft.country = related.country
            if draft.focus_country or draft.via == "sector":
                draft.focus_country, draft.via = False, "relation"
        if draft.opposed:
            draft.sector = "OPP"
        elif draft.supporter:
            draft.sector = "OPP" if related.sector == "OPP" else "CVL"
        if not draft.anaphoric or draft.code is None:
            # an anaphoric description keeps its own code, but "the leader of the Wagner group" has none
            # until the relation gives it one
            draft.code = compose_code(draft.country, draft.sector)
        if draft.entity_key is not None and draft.code:
            draft.entity_key = f"group:{draft.code}:{draft.entity_key.rsplit(':', 1)[-1]}"

    # -- entity bookkeeping --------------------------------------------------------------------------

    def _new_entity(self, draft: Draft) -> Entity:
        entity = Entity(
            index=len(self.entities),
            kind=draft.kind,
            code=draft.code,
            name=draft.name,
            country=draft.country,
            sector=draft.sector if draft.sector != "*" else None,
            number=draft.number,
            gender=draft.gender,
            person_key=draft.person_key,
            entity_key=draft.entity_key,
            known=draft.via in ("kb", "title") and draft.code is not None,
        )
        self.entities.append(entity)
        return entity

    def _attach(self, entity: Entity, draft: Draft) -> None:
        draft.entity = entity.index
        entity.drafts.append(draft)
        entity.offices |= draft.offices
        if draft.surname:
            entity.surnames.add(draft.surname)
        if draft.full_name and draft.name and " " in draft.name:
            # every name but the last: "Mr Anwar" (Anwar Ibrahim), "Mr Tchiroma" (Issa Tchiroma Bakary)
            entity.given_names.update(w for w in draft.name.split()[:-1] if w[:1].isupper() and len(w) > 2)
        if entity.person_key is None and draft.person_key is not None:
            entity.person_key = draft.person_key
        if draft.gender and not entity.gender:
            entity.gender = draft.gender
        if draft.name and (entity.name is None or (draft.full_name and draft.person_key)):
            entity.name = draft.name
        self._improve(entity, draft)

    def _improve(self, entity: Entity, draft: Draft) -> None:
        """Let a better-founded mention set the entity's code (KB over context, context over focus guess)."""
        if draft.pronoun or draft.code is None:
            return
        rank = _evidence_rank(draft)
        if entity.code is None or rank > _entity_rank(entity):
            entity.code, entity.country, entity.sector = draft.code, draft.country, draft.sector
            entity.known = rank >= 2

    def _merge(self, keep: Entity, gone: Entity) -> None:
        for draft in gone.drafts:
            draft.entity = keep.index
            keep.drafts.append(draft)
            self._improve(keep, draft)
        keep.surnames |= gone.surnames
        keep.given_names |= gone.given_names
        keep.offices |= gone.offices
        keep.name = keep.name or gone.name
        keep.gender = keep.gender or gone.gender
        keep.person_key = keep.person_key or gone.person_key
        if gone.kind == "person":
            keep.kind = "person"
        gone.drafts = []

    def _finalise(self, entity: Entity) -> None:
        """Spread the entity's identity to its mentions; a country keeps each mention's role (RUS/RUSGOV)."""
        linked = any(d.link_to is not None for d in entity.drafts)
        for draft in entity.drafts:
            if entity.kind == "country" and draft.pronoun:
                draft.country = entity.country
                # "Israel announced it would free...": "it" speaks for the government its antecedent did.
                speaking = draft.gov_role or (draft.antecedent is not None and draft.antecedent.gov_role)
                draft.sector = "GOV" if speaking else None
                draft.code = compose_code(draft.country, draft.sector)
            elif entity.kind == "person" or linked or draft.pronoun or draft.anaphoric or draft.code is None:
                if draft.via == "focus" and entity.code != draft.code:
                    draft.via = "coref"  # the guess gave way to what the entity's other mentions say
                draft.code, draft.country, draft.sector = entity.code, entity.country, entity.sector
            if entity.kind == "person" or draft.pronoun or draft.anaphoric:
                draft.name = entity.name
            if draft.pronoun:
                draft.kind = entity.kind


def _evidence_rank(draft: Draft) -> int:
    if draft.via in ("kb", "title"):
        # A title without a country ("General X") knows less than a phrase with one ("the US commander").
        return 3 if draft.country or (draft.code or "").startswith(("IGO", "NGO", "NATO", "IMG")) else 1
    if draft.focus_country:
        return 0
    if draft.anaphoric:
        return 1
    return 2


def _entity_rank(entity: Entity) -> int:
    if entity.code is None:
        return -1
    return max(
        (_evidence_rank(d) for d in entity.drafts if d.code == entity.code and not d.pronoun), default=0
    )


def _pronoun_fits(draft: Draft, entity: Entity) -> bool:
    if draft.gender == "n":  # it / its: an organisation or a country
        return entity.kind in ("organization", "country")
    if draft.number == "pl":  # they / them / their: people in the plural, not an institution
        return entity.kind == "group" and entity.number == "pl"
    if entity.kind != "person" or entity.number == "pl":
        return False
    return entity.gender is None or entity.gender == draft.gender


def _description_fits(draft: Draft, entity: Entity) -> bool:
    if entity.kind != "person" or entity.number == "pl":
        return False
    if draft.office and entity.offices and not any(draft.office in o for o in entity.offices):
        return False  # "the foreign minister" is not the president, even of the same country
    if draft.country and not draft.focus_country and entity.country and entity.country != draft.country:
        return False
    if draft.sector and draft.sector != "*" and entity.sector and entity.sector != draft.sector:
        return False
    return not (draft.gender and entity.gender and draft.gender != entity.gender)


def _salience(draft: Draft, entity: Entity, last: Draft) -> float:
    """Prefer the same sentence, then clause subjects, then entities mentioned often and recently."""
    distance = draft.sent - last.sent
    score = 10.0 if distance == 0 else -3.0 * distance
    if last.subject:
        score += 4.0
    score += 1.5 * min(len(entity.drafts), 4)
    score -= 0.01 * (draft.token_start - last.token_end)
    return score


def link(drafts: list[Draft]) -> list[Entity]:
    """Link ``drafts`` into entities in place (``Draft.entity`` is set); returns the non-empty entities."""
    return Linker(drafts).run()
