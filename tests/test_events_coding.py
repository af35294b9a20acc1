"""Event coder on sentences written for these tests: who did what to whom, per CAMEO.

Each case is (sentence, source, cameo, target): source/target are the actor's country (ISO alpha-3) or IGO
code; ``cameo`` is a code or a root (2 digits) the event's code must start with. The event must be found
among the sentence's events; negative cases assert that no event is produced.
"""

from __future__ import annotations

import datetime as dt

import pytest

from eventwire.coding.actors import resolve_actors
from eventwire.coding.events import extract_events
from eventwire.model import Actor, Event

PUBLISHED = dt.date(2024, 5, 1)


def _events(nlp, text: str) -> list[Event]:  # type: ignore[no-untyped-def]
    doc = nlp(text)
    actors = resolve_actors(doc, published=PUBLISHED)
    return extract_events(doc, actors, published=PUBLISHED, doc_id="test")


def _who(actor: Actor | None) -> str | None:
    if actor is None:
        return None
    return actor.country or actor.code


def _summary(events: list[Event]) -> list[tuple[str | None, str, str | None]]:
    return [(_who(e.source), e.cameo, _who(e.target)) for e in events]


CASES = [
    # coercion and assault, active and passive voice
    ("Police arrested dozens of opposition activists in Caracas on Monday.", "VEN", "173", "VEN"),
    ("Two journalists were beaten by Egyptian police in Cairo.", "EGY", "182", "EGY"),
    ("Iranian security forces killed three protesters in Tehran.", "IRN", "18", "IRN"),
    ("Hamas fighters kidnapped Israeli civilians.", "PSE", "181", "ISR"),
    ("Belarus unleashed a crackdown on protesters.", "BLR", "175", "BLR"),
    # fighting
    ("The Israeli army shelled Gaza overnight.", "ISR", "194", "PSE"),
    ("Russian troops attacked Ukrainian positions near Kharkiv.", "RUS", "19", "UKR"),
    ("Syrian rebels clashed with government forces near Aleppo.", "SYR", "19", "SYR"),
    ("The United States fired missiles at Syria.", "USA", "19", "SYR"),
    # protest: verbs, nouns, light verbs, implicit target (the government)
    ("Thousands of Serbian students protested against the government in Belgrade.", "SRB", "141", "SRB"),
    ("Kenyan teachers went on strike over pay.", "KEN", "143", "KEN"),
    ("Sudanese protesters blocked roads in Khartoum.", "SDN", "144", "SDN"),
    ("Thousands of Georgians took to the streets of Tbilisi.", "GEO", "141", "GEO"),
    ("Protests against the Peruvian president spread across the country.", "PER", "141", "PER"),
    ("Thousands of Armenian students took part in the protests in Yerevan.", "ARM", "141", "ARM"),
    # force posture, reduced relations
    ("The United States deployed troops to Poland.", "USA", "154", "POL"),
    ("China imposed sanctions on Lithuania.", "CHN", "163", "LTU"),
    ("Germany expelled two Russian diplomats.", "DEU", "16", "RUS"),
    # verbal conflict
    ("Ukraine accused Russia of shelling civilians.", "UKR", "112", "RUS"),
    ("India rejected Pakistan's proposal for talks.", "IND", "12", "PAK"),
    ("Chinese officials expressed concern about the American sanctions.", "CHN", "012", "USA"),
    # consultation and diplomacy
    ("President Macron met Chancellor Scholz in Berlin.", "FRA", "04", "DEU"),
    ("The Chinese foreign minister visited Moscow on Tuesday.", "CHN", "042", "RUS"),
    ("The Chinese foreign minister visited Moscow on Tuesday.", "RUS", "043", "CHN"),  # visits come in pairs
    ("Biden spoke to Zelensky by phone.", "USA", "041", "UKR"),
    ("Egypt mediated between Israel and Hamas.", "EGY", "045", "ISR"),
    ("The European Union praised Moldova for its reforms.", "IGOEU", "051", "MDA"),
    ("Israel's prime minister apologised to Jordan.", "ISR", "055", "JOR"),
    # conjoined actors: one event per pair
    ("Japan and South Korea held talks in Seoul.", "JPN", "046", "KOR"),
    ("Japan and South Korea held talks in Seoul.", "KOR", "046", "JPN"),
    ("Brazil and Argentina signed a trade agreement.", "BRA", "057", "ARG"),
    ("Brazil and Argentina signed a trade agreement.", "ARG", "057", "BRA"),
    ("Nigeria and Ghana agreed to cooperate on security.", "NGA", "06", "GHA"),
    # aid, yielding
    ("The United States provided military aid to Ukraine.", "USA", "072", "UKR"),
    ("Russia released two American prisoners.", "RUS", "0841", "USA"),
    ("The Iranian government lifted the curfew in Tehran.", "IRN", "0813", "IRN"),
    # appeals and demands (the complement gives the sub-code)
    ("The UN called on Myanmar to release political prisoners.", "IGOUNO", "0253", "MMR"),
    ("Ukraine appealed to Germany for tanks.", "UKR", "02", "DEU"),
    ("Poland urged the European Union to impose sanctions on Belarus.", "POL", "02", "IGOEU"),
    # symmetric fighting "between" two parties, coordinated demonyms inside one actor phrase
    ("Fighting between Armenian and Azerbaijani forces erupted on the border.", "ARM", "19", "AZE"),
    ("Fighting between Armenian and Azerbaijani forces erupted on the border.", "AZE", "19", "ARM"),
    ("US and British activists staged a protest in Beijing.", "GBR", "141", "CHN"),
    # senses of one verb: a military strike is not a labour strike; a recall is from a country
    ("Russian drones struck power stations in Ukraine.", "RUS", "195", "UKR"),
    ("The Congolese government recalled its ambassador from Kigali.", "COD", "161", "RWA"),
    # repression means, seizing territory, internet shutdowns, arson by protesters, missile tests
    ("Pakistani police used tear gas to disperse supporters of Imran Khan in Lahore.", "PAK", "175", "PAK"),
    ("Chinese coast guard ships fired water cannon at a Philippine supply boat.", "CHN", "175", "PHL"),
    ("Ethiopian federal forces seized the town of Shire from Tigrayan rebels.", "ETH", "192", "ETH"),
    ("Protesters set fire to the parliament building in Nairobi.", "KEN", "145", "KEN"),
    ("The World Bank approved a $500 million loan to Nigeria.", "IGOWB", "071", "NGA"),
    ("Egypt's foreign minister phoned his Qatari counterpart to discuss the ceasefire.", "EGY", "041", "QAT"),
    ("The minister attacked the opposition's plan as reckless.", None, "111", None),  # verbal attack
    ("Israel and Hezbollah exchanged fire across the border.", "LBN", "190", "ISR"),
    ("Four soldiers were killed in a roadside bombing in Mali.", None, "1833", "MLI"),
    # both sides of a symmetric agreement within one country
    ("The Sudanese army and the Rapid Support Forces agreed to a ceasefire.", "SDN", "0871", "SDN"),
    # an allegation by a document speaks for where it was issued; its target is who the claim is about
    (
        "A report released in the Rwandan capital alleged that France had armed the militias.",
        "RWA",
        "112",
        "FRA",
    ),
    # ordering an act is demanding it, but an ordered crackdown is the orderer's crackdown
    ("The US president ordered an investigation against Iran.", "USA", "10", "IRN"),
    ("The Iranian president ordered a crackdown on the protesters.", "IRN", "175", "IRN"),
    # with no named victim, violence targets the country where it happened
    ("Boko Haram has launched many attacks in northeastern Nigeria.", "NGA", "190", "NGA"),
    # claims: responsibility for one's own act (015); a party's charge against another side (112)
    ("Hamas claimed that it had fired rockets at Israel.", "PSE", "015", "ISR"),
    ("Israel said rockets were fired at it from Gaza.", "ISR", "112", "PSE"),
    # intent frames and refusals
    ("Russia said it was ready to provide military support to Syria.", "RUS", "0332", "SYR"),
    ("Japan pledged humanitarian aid to Turkey.", "JPN", "0333", "TUR"),
    ("North Korea threatened to attack South Korea.", "PRK", "13", "KOR"),
    ("Hungary refused to release the Ukrainian prisoners.", "HUN", "1243", "UKR"),
    ("The Kenyan government said it would not negotiate with the strikers.", "KEN", "125", "KEN"),
]


@pytest.mark.parametrize(("text", "source", "cameo", "target"), CASES)
def test_events_coding_who_did_what_to_whom(
    nlp, text: str, source: str | None, cameo: str, target: str | None
) -> None:  # type: ignore[no-untyped-def]
    found = _summary(_events(nlp, text))
    # None: that side is not asserted (the actor resolver may or may not give it a country)
    assert any(
        (source is None or s == source) and code.startswith(cameo) and (target is None or t == target)
        for s, code, t in found
    ), found


NO_EVENTS = [
    "The weather in Paris was sunny.",
    "The French economy grew by two percent last year.",
    "The Iraqi parliament approved the new budget.",
    "Serbia did not attack Kosovo.",  # negated violence did not happen
    "If Russia attacks Finland, NATO will respond.",  # conditional
    "Russian forces could attack Kyiv within days.",  # hypothetical modal
    "In 2014, Russia annexed Crimea.",  # historical mention, not this report's event
    "Kigali said it hoped French officials would be indicted.",  # a wish about others
    "The minister called the strike illegal.",  # judging an event is not carrying it out
    "Argentina beat Brazil 2-0 in the final.",  # sport, not an assault
    "Storms killed 12 people in Bangladesh.",  # no political actor did it
    "Apple released a new iPhone on Tuesday.",
    "The central bank cut interest rates.",
]


@pytest.mark.parametrize("text", NO_EVENTS)
def test_events_coding_no_event(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert _summary(_events(nlp, text)) == []


def test_events_coding_accusation_complement_is_not_an_event(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _events(nlp, "The president accused Nato of massing troops on the western border.")
    assert [e.cameo_root for e in events] == ["11"]
    assert all(_who(e.source) != "NATO" for e in events)


def test_events_coding_one_event_per_happening(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _events(
        nlp, "Insurgents bombarded the Syrian city of Aleppo overnight, killing at least eight people."
    )
    assert len([e for e in events if e.cameo_root in ("18", "19")]) == 1


def test_events_coding_fields_and_offsets(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Police arrested dozens of opposition activists in Caracas on Monday."
    doc = nlp(text)
    events = extract_events(doc, resolve_actors(doc, published=PUBLISHED), published=PUBLISHED, doc_id="d1")
    assert events
    for event in events:
        assert text[event.trigger.start : event.trigger.end] == event.trigger.text
        assert text[event.sentence.start : event.sentence.end].strip()
        for actor in (event.source, event.target):
            if actor is not None and actor.text is not None:
                assert actor.start is not None and actor.end is not None
                assert text[actor.start : actor.end] == actor.text
        assert event.cameo_root == event.cameo[:2]
        assert event.cameo_name and event.plover.get("type")
        assert 0 < event.confidence < 1
    again = extract_events(doc, resolve_actors(doc, published=PUBLISHED), published=PUBLISHED, doc_id="d1")
    assert [e.event_id for e in again] == [e.event_id for e in events]  # stable ids
    other = extract_events(doc, resolve_actors(doc, published=PUBLISHED), published=PUBLISHED, doc_id="d2")
    assert {e.event_id for e in other}.isdisjoint(e.event_id for e in events)


def test_events_coding_earlier_episode_is_background(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "UN peacekeepers withdrew from the Golan Heights two weeks after Syrian rebels kidnapped dozens of soldiers."
    assert [e.cameo_root for e in _events(nlp, text)] == ["08"]


def test_events_coding_missile_test_is_a_show_of_force(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _events(nlp, "North Korea fired a ballistic missile into the sea.")
    assert [(e.cameo, _who(e.source)) for e in events] == [("150", "PRK")]


def test_events_coding_symmetric_agreement_both_directions(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _events(nlp, "The Sudanese army and the Rapid Support Forces agreed to a ceasefire.")
    pairs = {(e.source.code, e.target.code) for e in events if e.source and e.target}
    assert len(pairs) == 2 and all((b, a) in pairs for a, b in pairs)
