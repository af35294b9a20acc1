"""The event lexicons load, validate and cover CAMEO."""

from __future__ import annotations

import pytest

from eventwire.coding import ontology
from eventwire.coding.lexicon import _pattern, load_lexicon, map_code
from eventwire.errors import EventwireError


def test_lexicon_load_covers_all_roots_and_150_codes() -> None:
    codes = load_lexicon().codes()
    assert len(codes) >= 150
    assert {c[:2] for c in codes} == {f"{r:02d}" for r in range(1, 21)}


def test_lexicon_load_every_code_is_cameo() -> None:
    unknown = sorted(c for c in load_lexicon().codes() if not ontology.is_known(c))
    assert unknown == []


@pytest.mark.parametrize(
    ("pos", "lemma", "code"),
    [
        ("verbs", "arrest", "173"),
        ("verbs", "accuse", "112"),
        ("verbs", "shell", "194"),
        ("nouns", "crackdown", "175"),
        ("nouns", "protest", "141"),
        ("nouns", "sanction", "163"),
    ],
)
def test_lexicon_load_entries(pos: str, lemma: str, code: str) -> None:
    patterns = getattr(load_lexicon(), pos)[lemma]
    assert code in {p.code for p in patterns}


def test_lexicon_load_yaml_booleans_become_words() -> None:
    # YAML 1.1 reads a bare `on` as True: "crackdown on", "call on" must still work
    assert "on" in load_lexicon().nouns["crackdown"][0].target
    assert any(p.prep == "on" for p in load_lexicon().verbs["call"])


@pytest.mark.parametrize("bad", ["abc", "1", "12345"])
def test_lexicon_load_rejects_bad_codes(bad: str) -> None:
    with pytest.raises(EventwireError) as err:
        _pattern("attack", {"code": bad}, "verb", "verbs.yaml")
    assert err.value.code == "E081"


def test_lexicon_load_pattern_needs_a_code() -> None:
    with pytest.raises(EventwireError) as err:
        _pattern("attack", {"prep": "on"}, "verb", "verbs.yaml")
    assert err.value.code == "E080"


@pytest.mark.parametrize(
    ("table", "code", "expected"),
    [
        ("intent", "072", "0332"),  # provide military aid -> intend to
        ("intent", "070", "033"),
        ("intent", "190", "1384"),  # intended attack = threat of conventional attack
        ("negation", "0841", "1243"),  # would not release -> refuse to release
        ("appeal", "0831", "0241"),  # urge to step down -> appeal for leadership change
        ("demand", "0841", "1053"),
        ("negation", "190", None),  # a negated attack is no event at all
    ],
)
def test_lexicon_load_mapping_tables(table: str, code: str, expected: str | None) -> None:
    assert map_code(code, load_lexicon().frames.tables[table]) == expected
