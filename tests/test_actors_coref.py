"""In-document coreference of actor mentions: names, titles, descriptions and pronouns."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language

from eventwire.coding.actors import resolve_actors
from eventwire.model import ActorAnalysis

D2020 = dt.date(2020, 8, 16)


def _mention(analysis: ActorAnalysis, text: str, nth: int = 0):
    found = [m for m in analysis.mentions if m.text == text]
    assert len(found) > nth, f"no mention {text!r} in {[(m.text, m.code, m.name) for m in analysis.mentions]}"
    return found[nth]


@pytest.mark.parametrize(
    ("text", "first", "second", "name"),
    [
        # surname and title mentions join the full-name entity
        (
            "Alexander Lukashenko spoke on Sunday. Mr Lukashenko said he would stay.",
            "Alexander Lukashenko",
            "Mr Lukashenko",
            "Alexander Lukashenko",
        ),
        # a person the KB does not know is picked up by surname
        (
            "Opposition activist Pavel Sevyarynets was arrested. Mr Sevyarynets denied the charges.",
            "Opposition activist Pavel Sevyarynets",
            "Mr Sevyarynets",
            "Pavel Sevyarynets",
        ),
        # descriptions go to the compatible salient person
        (
            "Alexander Lukashenko held a rally. Critics of the Belarusian strongman gathered nearby.",
            "Alexander Lukashenko",
            "the Belarusian strongman",
            "Alexander Lukashenko",
        ),
        (
            "Viktor Orban won again. The prime minister thanked voters.",
            "Viktor Orban",
            "The prime minister",
            "Viktor Orban",
        ),
        # "his counterpart" is the other leader, not "his" referent
        (
            "Vladimir Putin phoned Alexander Lukashenko. Putin later praised his Belarusian counterpart.",
            "Alexander Lukashenko",
            "Belarusian counterpart",
            "Alexander Lukashenko",
        ),
        # pronouns: gender from the KB
        (
            "Svetlana Tikhanovskaya left Minsk after Alexander Lukashenko won. She said she was safe.",
            "Svetlana Tikhanovskaya",
            "She",
            "Svetlana Tikhanovskaya",
        ),
        (
            "Angela Merkel met Emmanuel Macron. He said the talks went well.",
            "Emmanuel Macron",
            "He",
            "Emmanuel Macron",
        ),
        # a country and the "it" that speaks for it
        ("Russia said it was ready to help.", "Russia", "it", "Russia"),
        # appositions are one actor
        (
            "The Belarusian ambassador to Slovakia, Igor Leshchenya, resigned.",
            "The Belarusian ambassador",
            "Igor Leshchenya",
            "Igor Leshchenya",
        ),
        ("The news agency Belta published the speech.", "The news agency", "Belta", "Belta"),
        # an office description links only to someone holding that office
        (
            "Vladimir Putin met Sergei Lavrov. The foreign minister said the talks went well.",
            "Sergei Lavrov",
            "The foreign minister",
            "Sergei Lavrov",
        ),
        (
            "Vladimir Putin met Sergei Lavrov. Later the president said he was pleased.",
            "Vladimir Putin",
            "the president",
            "Vladimir Putin",
        ),
        # appositive role nouns give a person the KB does not know the code of the body they speak for
        (
            "\u201cWe will go on,\u201d said Ales Bialiatski, head of Viasna.",
            "Ales Bialiatski",
            "head",
            "Ales Bialiatski",
        ),
        (
            "According to Maria Gonzalez, a spokeswoman for the Mexican army, five soldiers died.",
            "Maria Gonzalez",
            "a spokeswoman",
            "Maria Gonzalez",
        ),
        # anaphoric organisations: "the group", "the alliance" are the latest named organisation
        ("Hamas attacked at dawn. The group said it had fired rockets.", "Hamas", "The group", "Hamas"),
        ("Nato met in Brussels. The alliance said it would respond.", "Nato", "The alliance", "NATO"),
        # apposition with a KB person
        (
            "The United Nations Secretary-General, Antonio Guterres, condemned the coup.",
            "The United Nations Secretary-General",
            "Antonio Guterres",
            "Antonio Guterres",
        ),
    ],
)
def test_actors_coref_links(nlp: Language, text: str, first: str, second: str, name: str) -> None:
    analysis = resolve_actors(nlp(text), published=D2020)
    a, b = _mention(analysis, first), _mention(analysis, second)
    assert a.entity_id == b.entity_id
    assert b.name == name


@pytest.mark.parametrize(
    ("text", "one", "other"),
    [
        # an object pronoun is not the subject of its own clause
        ("Vladimir Putin called Alexander Lukashenko and warned him.", "Vladimir Putin", "him"),
        # first person inside a quote is the speaker's: never linked to the narration
        ("Alexander Lukashenko spoke. \u201cI will not leave,\u201d he said.", "Alexander Lukashenko", "I"),
        # she cannot be a man known to the KB
        ("Vladimir Putin met Maia Sandu. She asked for gas.", "Vladimir Putin", "She"),
    ],
)
def test_actors_coref_keeps_apart(nlp: Language, text: str, one: str, other: str) -> None:
    analysis = resolve_actors(nlp(text), published=D2020)
    a = _mention(analysis, one)
    others = [m for m in analysis.mentions if m.text == other]
    assert all(m.entity_id != a.entity_id for m in others)


def test_actors_coref_pronoun_gets_code_and_name(nlp: Language) -> None:
    analysis = resolve_actors(nlp("Mr Lukashenko said he would not rerun the election."), published=D2020)
    he = _mention(analysis, "he")
    assert (he.code, he.name, he.via) == ("BLRGOV", "Alexander Lukashenko", "pronoun")
    # mention_at finds the pronoun for "he said"-style lookups
    assert analysis.mention_at(he.token_start) is he


def test_actors_coref_unresolved_pronoun_is_dropped(nlp: Language) -> None:
    analysis = resolve_actors(nlp("He said the weather was fine."), published=D2020)
    assert not [m for m in analysis.mentions if m.text == "He"]


def test_actors_coref_entities_group_mentions(nlp: Language) -> None:
    text = (
        "Protesters marched in Minsk. Police detained protesters. Alexander Lukashenko blamed the protesters."
    )
    analysis = resolve_actors(nlp(text), published=D2020)
    protesters = [m for m in analysis.mentions if m.text.lower().endswith("protesters")]
    assert len({m.entity_id for m in protesters}) == 1
    entity = next(e for e in analysis.entities if e.entity_id == protesters[0].entity_id)
    assert len(entity.mentions) == 3 and entity.code == "BLROPP"


def test_actors_coref_relation_through_anaphora(nlp: Language) -> None:
    analysis = resolve_actors(
        nlp("Hamas vowed revenge. The group's fighters crossed the fence."), published=D2020
    )
    fighters = _mention(analysis, "fighters")
    assert (fighters.code, fighters.via) == ("PSEREB", "relation")


def test_actors_coref_the_country_is_the_focus_country(nlp: Language) -> None:
    text = (
        "Belarus held an election. Belarus is divided. Protests spread across the country. The nation waits."
    )
    analysis = resolve_actors(nlp(text), published=D2020)
    nation = _mention(analysis, "The nation")
    belarus = _mention(analysis, "Belarus")
    assert nation.entity_id == belarus.entity_id and nation.code == "BLR"
    assert not [m for m in analysis.mentions if m.text == "the country"]  # "across the country" is a place


@pytest.mark.parametrize(
    ("text", "mention", "code"),
    [
        ("\u201cWe will go on,\u201d said Ales Bialiatski, head of Viasna.", "Ales Bialiatski", "BLRNGO"),
        (
            "According to Maria Gonzalez, a spokeswoman for the Mexican army, five soldiers died.",
            "Maria Gonzalez",
            "MEXMIL",
        ),
        (
            "Dmitry Peskov, the Kremlin spokesman, said the talks were useful.",
            "the Kremlin spokesman",
            "RUSGOV",
        ),
    ],
)
def test_actors_coref_apposition_codes(nlp: Language, text: str, mention: str, code: str) -> None:
    assert _mention(resolve_actors(nlp(text), published=D2020), mention).code == code
