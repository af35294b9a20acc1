"""CAMEO / PLOVER / ACLED tables behind eventwire.coding.ontology."""

from __future__ import annotations

import pytest

from eventwire.coding.ontology import (
    PLOVER_EXTENSIONS,
    acled_for,
    cameo_name,
    cameo_table,
    describe,
    is_known,
    parse_crosswalk,
    plover_table,
    refine_acled_document,
)
from eventwire.errors import EventwireError
from eventwire.model import Actor, Event, Modality, SentenceRef, Span

PLOVER_TYPES = {
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
}


def test_ontology_every_code_is_complete() -> None:
    table = cameo_table()
    assert len(table) > 300
    for code in table:
        info = describe(code)
        assert info.root == code[:2]
        assert -10 <= info.goldstein <= 10
        assert info.quad_class in (1, 2, 3, 4)
        assert info.name
        assert info.plover["type"] in PLOVER_TYPES | PLOVER_EXTENSIONS, code


@pytest.mark.parametrize(
    ("code", "quad"),
    [
        ("010", 1),
        ("0332", 1),
        ("057", 1),
        ("072", 2),
        ("0841", 2),
        ("112", 3),
        ("138", 3),
        ("141", 4),
        ("193", 4),
    ],
)
def test_ontology_quad_class_follows_root(code: str, quad: int) -> None:
    assert describe(code).quad_class == quad


@pytest.mark.parametrize(
    ("code", "ptype", "mode", "context"),
    [
        ("0332", "AGREE", None, "military"),  # intent codes stay AGREE (PLOVER manual: single category)
        ("141", "PROTEST", "demo", None),
        ("143", "PROTEST", "boycott", None),
        ("173", "COERCE", "arrest", "legal"),
        ("041", "CONSULT", "phone", None),
        ("1123", "ACCUSE", "allege", "military"),
        ("0861", "RETREAT", "access", "peacekeeping"),  # "access " in the file: whitespace stripped
        ("1121", "ACCUSE", "allege", "crime; corruption"),  # multi-valued context kept
        ("084", "RETREAT", None, None),  # the second "08:" root line must not override listed codes
        ("08", "CONCEDE", None, None),  # root listed twice: the first line wins
        ("163", "COERCE", "restrict", "diplomatic"),  # the crosswalk's own cross-root choice
    ],
)
def test_ontology_plover_from_crosswalk(code: str, ptype: str, mode: str | None, context: str | None) -> None:
    assert describe(code).plover == {"type": ptype, "mode": mode, "context": context}


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        # codes in the codebook but not in the crosswalk fall back to the parent code
        ("175", {"type": "ASSAULT", "mode": "pro_autocracy", "context": "military"}),
        ("0813", {"type": "RETREAT", "mode": None, "context": "legal"}),
        ("1823", {"type": "ASSAULT", "mode": None, "context": None}),
        # appeals: REQUEST with the parallel 10x demand's mode/context
        ("0232", {"type": "REQUEST", "mode": "assist", "context": "military"}),
        ("0241", {"type": "REQUEST", "mode": "change", "context": "executive"}),
        ("026", {"type": "REQUEST", "mode": "meet", "context": "diplomatic"}),
        ("02", {"type": "REQUEST", "mode": None, "context": None}),
        # statements: eventwire extension type
        ("010", {"type": "STATEMENT", "mode": None, "context": None}),
        ("019", {"type": "STATEMENT", "mode": None, "context": None}),
    ],
)
def test_ontology_plover_fallbacks(code: str, expected: dict[str, str | None]) -> None:
    assert describe(code).plover == expected


def test_ontology_crosswalk_parser_falls_back_to_parent() -> None:
    table = parse_crosswalk(
        [
            "# header comment",
            "14: PROTEST",
            "141: PROTEST, demo,    # Demonstrate",
            "1411: PROTEST, demo, executive    # for leadership change",
            "not a data line",
            "~~~~~",
            "145: PROTEST, riot,",
        ]
    )
    assert table["1411"] == {"type": "PROTEST", "mode": "demo", "context": "executive"}
    assert table["14"] == {"type": "PROTEST", "mode": None, "context": None}
    assert "145" not in table  # after the ~~~ rule
    assert plover_table()["0332"]["type"] == "AGREE"


@pytest.mark.parametrize("code", ["0332", "141", "19", "2042"])
def test_ontology_known_codes(code: str) -> None:
    assert is_known(code)
    assert cameo_name(code)


@pytest.mark.parametrize("code", ["999", "0", "21", "abc", "01234", "1415"])
def test_ontology_unknown_codes_raise(code: str) -> None:
    assert not is_known(code)
    with pytest.raises(EventwireError) as err:
        describe(code)
    assert err.value.code == "E032"


POLICE = Actor(code="BLRCOP", sector="COP", text="riot police")
PROTESTERS = Actor(code="BLROPP", sector="OPP", text="protesters")
CROWD = Actor(code="BLRCVL", sector="CVL", text="demonstrators")
VILLAGERS = Actor(code="NGACVL", sector="CVL", text="villagers")
REBELS = Actor(code="SYRREB", sector="REB", text="rebels")
ARMY = Actor(code="SYRMIL", sector="MIL", text="the army")


@pytest.mark.parametrize(
    ("code", "source", "target", "expected"),
    [
        ("141", None, None, ("Protests", "Peaceful protest")),
        ("1411", CROWD, None, ("Protests", "Peaceful protest")),
        ("143", None, None, ("Protests", "Peaceful protest")),
        ("145", CROWD, POLICE, ("Riots", "Violent demonstration")),
        ("145", CROWD, VILLAGERS, ("Riots", "Mob violence")),
        ("173", POLICE, PROTESTERS, ("Strategic developments", "Arrests")),
        ("175", POLICE, PROTESTERS, ("Protests", "Excessive force against protesters")),
        ("175", ARMY, VILLAGERS, ("Violence against civilians", "Attack")),
        ("182", POLICE, CROWD, ("Protests", "Excessive force against protesters")),  # "demonstrators" text
        ("182", REBELS, VILLAGERS, ("Violence against civilians", "Attack")),
        ("1822", POLICE, PROTESTERS, ("Violence against civilians", "Attack")),
        ("1821", REBELS, VILLAGERS, ("Violence against civilians", "Sexual violence")),
        ("181", REBELS, VILLAGERS, ("Violence against civilians", "Abduction/forced disappearance")),
        ("1831", REBELS, None, ("Explosions/Remote violence", "Suicide bomb")),
        ("1833", REBELS, ARMY, ("Explosions/Remote violence", "Remote explosive/landmine/IED")),
        ("190", ARMY, REBELS, ("Battles", "Armed clash")),
        ("193", REBELS, ARMY, ("Battles", "Armed clash")),
        ("194", ARMY, REBELS, ("Explosions/Remote violence", "Shelling/artillery/missile attack")),
        ("195", ARMY, REBELS, ("Explosions/Remote violence", "Air/drone strike")),
        ("192", ARMY, None, ("Battles", "Government regains territory")),
        ("192", Actor(code="SYR"), None, ("Battles", "Government regains territory")),  # bare country = state
        ("192", REBELS, None, ("Battles", "Non-state actor overtakes territory")),
        ("057", None, None, ("Strategic developments", "Agreement")),
        ("0871", ARMY, REBELS, ("Strategic developments", "Agreement")),
        ("1712", REBELS, None, ("Strategic developments", "Looting/property destruction")),
        ("2041", ARMY, VILLAGERS, ("Explosions/Remote violence", "Chemical weapon")),
    ],
)
def test_ontology_acled_mapping(
    code: str, source: Actor | None, target: Actor | None, expected: tuple[str, str]
) -> None:
    assert acled_for(code, source, target) == {"event_type": expected[0], "sub_event_type": expected[1]}
    assert describe(code, source=source, target=target).acled == acled_for(code, source, target)


@pytest.mark.parametrize("code", ["010", "0332", "042", "112", "1231", "138", "163", "172"])
def test_ontology_acled_none_for_non_acled_events(code: str) -> None:
    assert acled_for(code, POLICE, PROTESTERS) is None


def _event(code: str, target: Actor | None) -> Event:
    info = describe(code, target=target)
    return Event(
        event_id=f"e{code}",
        sentence=SentenceRef(0, 0, 1),
        trigger=Span("x", 0, 1),
        source=None,
        target=target,
        cameo=code,
        cameo_root=info.root,
        quad_class=info.quad_class,
        goldstein=info.goldstein,
        plover=info.plover,
        modality=Modality(),
        acled=info.acled,
    )


@pytest.mark.parametrize(
    ("others", "expected"),
    [
        ([], "Peaceful protest"),
        ([("173", PROTESTERS)], "Protest with intervention"),
        ([("175", CROWD)], "Protest with intervention"),
        ([("173", REBELS)], "Peaceful protest"),  # arrests of non-protesters do not count
        ([("112", PROTESTERS)], "Peaceful protest"),  # verbal events do not count
    ],
)
def test_ontology_document_pass_protest_with_intervention(
    others: list[tuple[str, Actor]], expected: str
) -> None:
    events = [_event("141", None)] + [_event(code, target) for code, target in others]
    refine_acled_document(events)
    assert events[0].acled == {"event_type": "Protests", "sub_event_type": expected}


#: ACLED event types and their sub-event types (ACLED codebook), to catch typos in data/acled.tsv.
ACLED_TYPES = {
    "Battles": {"Armed clash", "Government regains territory", "Non-state actor overtakes territory"},
    "Protests": {"Peaceful protest", "Protest with intervention", "Excessive force against protesters"},
    "Riots": {"Violent demonstration", "Mob violence"},
    "Explosions/Remote violence": {
        "Chemical weapon",
        "Air/drone strike",
        "Suicide bomb",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Grenade",
    },
    "Violence against civilians": {"Sexual violence", "Attack", "Abduction/forced disappearance"},
    "Strategic developments": {
        "Agreement",
        "Arrests",
        "Change to group/activity",
        "Disrupted weapons use",
        "Headquarters or base established",
        "Looting/property destruction",
        "Non-violent transfer of territory",
        "Other",
    },
}


def test_ontology_acled_table_uses_acled_names() -> None:
    from eventwire.coding.ontology import acled_rules

    rules = [rule for group in acled_rules().values() for rule in group]
    assert len(rules) > 40
    for rule in rules:
        assert is_known(rule.prefix), rule.prefix
        if rule.event_type is not None:
            assert rule.sub_event_type in ACLED_TYPES[rule.event_type], rule
