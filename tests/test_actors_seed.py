"""The flagship seed article: the Lukashenko cluster and the codes an analyst gives its actors."""

from __future__ import annotations

import datetime as dt
import time

import pytest
from spacy.language import Language

from eventwire.coding.actors import resolve_actors
from eventwire.ingest.clean import prepare
from eventwire.ingest.types import RawDocument
from eventwire.model import ActorAnalysis


@pytest.fixture(scope="module")
def seed_parse(nlp: Language, seed_text: str):
    prepared = prepare(RawDocument(origin="seed", text=seed_text))
    return nlp(prepared.text)


@pytest.fixture(scope="module")
def seed_actors(seed_parse) -> ActorAnalysis:
    return resolve_actors(seed_parse, published=dt.date(2020, 8, 16))


def test_actors_seed_lukashenko_is_one_entity(seed_actors: ActorAnalysis) -> None:
    wanted = [
        "Alexander Lukashenko",
        "the Belarusian strongman",
        "Belarusian counterpart",
        "Mr Lukashenko",
        "he",
        "the former collective-farm boss",
        "Lukashenko",
    ]
    ids = set()
    for text in wanted:
        mentions = [m for m in seed_actors.mentions if m.text == text]
        assert mentions, text
        ids.add(mentions[0].entity_id)
        assert mentions[0].code == "BLRGOV" and mentions[0].name == "Alexander Lukashenko", text
    assert len(ids) == 1
    entity = next(e for e in seed_actors.entities if e.entity_id in ids)
    assert entity.name == "Alexander Lukashenko" and entity.code == "BLRGOV" and entity.kind == "person"
    assert len(entity.mentions) >= 15


@pytest.mark.parametrize(
    ("text", "code", "name"),
    [
        ("President Vladimir Putin", "RUSGOV", "Vladimir Putin"),
        ("Opposition candidate Svetlana Tikhanovskaya", "BLROPP", "Svetlana Tikhanovskaya"),
        ("Igor Leshchenya", "BLRGOV", "Igor Leshchenya"),
        ("the Belarusian ambassador", "BLRGOV", "Igor Leshchenya"),
        ("The Kremlin", "RUSGOV", "Kremlin"),
        ("the Kremlin", "RUSGOV", "Kremlin"),
        ("Nato", "NATO", "NATO"),
        ("Belta", "BLRMED", "Belta"),
        ("the Nexta Telegram channel", "BLRMED", "Nexta"),
        ("the independent Nasha Niva website", "BLRMED", "Nasha Niva"),
        ("the EU", "IGOEU", "European Union"),
        ("Russia", "RUSGOV", "Russia"),
        ("tens of thousands of opponents", "BLROPP", None),
        ("Belarusians", "BLROPP", None),
        ("thousands of protesters", "BLROPP", None),
        ("the security services", "BLRSPY", None),
        ("state TV", "BLRGOV", None),
        ("Several high-profile presenters", "BLRMED", None),
        ("detainees", "BLROPP", None),
    ],
)
def test_actors_seed_codes(seed_actors: ActorAnalysis, text: str, code: str, name: str | None) -> None:
    mentions = [m for m in seed_actors.mentions if m.text == text]
    assert mentions, f"{text!r} not found"
    assert mentions[0].code == code
    assert mentions[0].name == name


def test_actors_seed_pronouns_and_quotes(seed_actors: ActorAnalysis, seed_parse) -> None:
    # "Her allies" -> Tikhanovskaya's allies, the opposition; first person inside quotes is never a mention
    her = next(m for m in seed_actors.mentions if m.text == "Her")
    assert her.name == "Svetlana Tikhanovskaya"
    allies = next(m for m in seed_actors.mentions if m.text == "allies")
    assert allies.code == "BLROPP"
    assert not [m for m in seed_actors.mentions if m.text in ("I", "we", "you")]
    # "he said" after the quote is Lukashenko (for the quote finder's speaker lookup)
    said = next(t for t in seed_parse if t.text == "he" and t.head.lemma_ == "say")
    speaker = seed_actors.mention_at(said.i)
    assert speaker is not None and speaker.name == "Alexander Lukashenko"


def test_actors_seed_offsets_and_speed(seed_parse) -> None:
    resolve_actors(seed_parse, published=dt.date(2020, 8, 16))  # warm the KB caches
    started = time.perf_counter()
    analysis = resolve_actors(seed_parse, published=dt.date(2020, 8, 16))
    elapsed = time.perf_counter() - started
    text = seed_parse.text
    for m in analysis.mentions:
        assert text[m.start : m.end] == m.text
        assert seed_parse[m.token_start].idx == m.start
    assert elapsed < 0.5  # measured ~7 ms; generous for a loaded machine
