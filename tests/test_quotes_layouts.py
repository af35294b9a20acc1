"""Quotations and their speakers in the common English layouts, on snippets written for these tests.

These run with an empty ActorAnalysis (no coreference), so speakers come from the quote finder's own
fallbacks; ``test_quotes_coreference`` checks that an actor analysis's mentions are used when present."""

from __future__ import annotations

import pytest

from eventwire.facts.quotes import UNKNOWN_CODE, extract_quotes
from eventwire.model import ActorAnalysis, ActorMention

# (text, [(quote text, speaker name or None, via, partial)])
CASES: list[tuple[str, list[tuple[str, str | None, str | None, bool]]]] = [
    (  # speaker before, colon, curly marks
        "The foreign minister, Anna Kowalski, said: \u201cWe will not accept these terms.\u201d",
        [("We will not accept these terms.", "Anna Kowalski", None, False)],
    ),
    (  # speaker after; the comma inside the quote is not quoted
        "\u201cWe will not accept these terms,\u201d the foreign minister said.",
        [("We will not accept these terms", "foreign minister", None, False)],
    ),
    (  # inverted "said X", straight marks, apposition after the name
        '"The talks have failed," said Omar Haddad, a spokesman for the rebels.',
        [("The talks have failed", "Omar Haddad", None, False)],
    ),
    (  # "she said" resolved to the person named before
        'Prime Minister Jane Doe spoke to reporters on Monday. "Nobody wants a war," she said.',
        [("Nobody wants a war", "Jane Doe", None, False)],
    ),
    (  # no one to resolve "he" to: no speaker rather than a wrong one; via the outlet told
        "\u201cThere is no crisis,\u201d he told Reuters.",
        [("There is no crisis", None, "Reuters", False)],
    ),
    (
        "\u201cElections will be held in June,\u201d the president said,"
        " according to the state news agency, Tass.",
        [("Elections will be held in June", "president", "Tass", False)],
    ),
    ('"Go home!" the crowd shouted.', [("Go home!", "crowd", None, False)]),
    (  # partial quote inside reported speech
        "The general said the army was \u201cready to defend the border at any cost\u201d.",
        [("ready to defend the border at any cost", "general", None, True)],
    ),
    (
        "The minister described the plan as \u201ca betrayal of every promise we made\u201d.",
        [("a betrayal of every promise we made", "minister", None, True)],
    ),  # fmt: skip
    ("She expressed her \u201csolidarity\u201d with the strikers.", []),  # scare quote
    ("The so-called \u201cpeace plan\u201d was rejected.", []),  # scare quote
    ("Residents said they were \u201cterrified\u201d.", []),  # one word of a paraphrase
    ("Protesters held banners reading \u201cFreedom\u201d and chanted \u201cShame!\u201d.", []),
    ('She said "never again".', [("never again", None, None, True)]),  # a say-verb's whole object
    (  # a quote with no speaker anywhere
        "The statement was short. \u201cThe border is closed until further notice.\u201d",
        [("The border is closed until further notice.", None, None, False)],
    ),
    (  # speaker before with a platform as via
        "Union leaders wrote on Twitter: \u201cThe strike continues until our demands are met.\u201d",
        [("The strike continues until our demands are met.", "Union leaders", "Twitter", False)],
    ),
    (  # nested single quotes stay inside the double-quoted passage
        "\u201cHe told me \u2018OK, we will see\u2019 and left,\u201d the witness said.",
        [("He told me \u2018OK, we will see\u2019 and left", "witness", None, False)],
    ),
    ('Smith said, "We are not leaving."', [("We are not leaving.", "Smith", None, False)]),
    (
        "In an interview with the BBC, the mayor said: \u201cThe city is safe.\u201d",
        [("The city is safe.", "mayor", "BBC", False)],
    ),  # fmt: skip
    (
        "\u201cWe are ready,\u201d Colonel Ivan Petrov said on Sunday.",
        [("We are ready", "Ivan Petrov", None, False)],
    ),
    (  # a second quote in the paragraph keeps the speaker of the first
        '"Our patience has run out," Smith said. "If they attack again, we will respond."',
        [
            ("Our patience has run out", "Smith", None, False),
            ("If they attack again, we will respond.", "Smith", None, False),
        ],
    ),
    (  # British single quotes; apostrophes inside words are not quote marks
        "\u2018We won\u2019t fight,\u2019 the leader said.",
        [("We won\u2019t fight", "leader", None, False)],
    ),
    (
        "\u201cStop the violence now!\u201d read a statement posted on the Nexta Telegram channel.",
        [("Stop the violence now!", None, "Nexta Telegram channel", False)],
    ),
    (
        "Asked whether he would resign, Johnson replied: \u201cAbsolutely not.\u201d",
        [("Absolutely not.", "Johnson", None, False)],
    ),  # fmt: skip
    (  # partial quote credited on a channel, its possessive left out
        'The opposition urged supporters on its Telegram channel to "stay calm and stay at home".',
        [("stay calm and stay at home", "opposition", "Telegram channel", True)],
    ),
    (  # "according to" a person before the quote: the speaker
        'According to Maria Lopez, a witness, "the soldiers fired first."',
        [("the soldiers fired first.", "Maria Lopez", None, False)],
    ),
    (  # "according to" an outlet: the via, and no speaker
        'According to the state agency, Tass, "the talks were constructive and will continue."',
        [("the talks were constructive and will continue.", None, "Tass", False)],
    ),
    ('John Smith arrived late. "Why now?" he asked.', [("Why now?", "John Smith", None, False)]),
    (  # the outlet's whole name, not just its head word
        '"There is no crisis," he told the New York Times.',
        [("There is no crisis", None, "New York Times", False)],
    ),
    (
        '"It is over," she said in an interview with the Financial Times.',
        [("It is over", None, "Financial Times", False)],
    ),
    (  # Penn Treebank marks of wire archives
        "``We will fight to the end,'' the rebel commander said.",
        [("We will fight to the end", "rebel commander", None, False)],
    ),
    ("France condemned as`` unacceptable'' the allegations by Rwanda.", []),
    (  # the quote closed its sentence: the next sentence is not its attribution
        '"The border is closed." The minister said talks would resume.',
        [("The border is closed.", None, None, False)],
    ),
    (  # passive attribution; no person named before, so "he" stays unresolved
        'An Indian minister spoke in Jammu. "Those who cross the border will pay a price," he was quoted as saying.',
        [("Those who cross the border will pay a price", None, None, False)],
    ),
    (  # "Mr Obama" gets the document's fullest name for him
        "Barack Obama met Vladimir Putin. \u201cIt was a good meeting,\u201d Mr Obama said afterwards.",
        [("It was a good meeting", "Barack Obama", None, False)],
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_quotes_layouts(nlp, text: str, expected: list[tuple[str, str | None, str | None, bool]]) -> None:
    doc = nlp(text)
    quotes = extract_quotes(doc, ActorAnalysis())
    got = [(q.text, q.speaker.name if q.speaker else None, q.via, q.partial) for q in quotes]
    assert got == expected
    for quote in quotes:
        assert text[quote.start : quote.end] == quote.text
        if quote.speaker is not None and quote.speaker.start is not None:
            assert text[quote.speaker.start : quote.speaker.end] == quote.speaker.text


MULTI_PARAGRAPH = (
    "Villagers described the attack.\n\n"
    "\u201cWe have lost everything. Our houses are gone.\n\n"
    "\u201cNobody came to help us. Not the police, not the army.\n\n"
    "\u201cWe are alone,\u201d said Fatima Ali, a farmer from the north.\n\n"
    "\u201cThe water is poisoned.\u201d\n\n"
    "The governor denied the claims."
)


def test_quotes_multi_paragraph(nlp) -> None:
    """Unclosed paragraphs continue; a quote paragraph after an attributed one keeps the voice."""
    quotes = extract_quotes(nlp(MULTI_PARAGRAPH), ActorAnalysis())
    assert [q.text for q in quotes] == [
        "We have lost everything. Our houses are gone.",
        "Nobody came to help us. Not the police, not the army.",
        "We are alone",
        "The water is poisoned.",
    ]
    assert [q.speaker.name if q.speaker else None for q in quotes] == ["Fatima Ali"] * 4
    assert all(MULTI_PARAGRAPH[q.start : q.end] == q.text for q in quotes)


def test_quotes_new_voice_needs_attribution(nlp) -> None:
    """A quote paragraph after a narrative paragraph (not an attributed quote) inherits no speaker."""
    text = (
        "\u201cWe are ready,\u201d said Omar Haddad.\n\n"
        "The army later issued a long statement about the operation. It gave no figures.\n\n"
        "\u201cThe operation is over.\u201d"
    )
    quotes = extract_quotes(nlp(text), ActorAnalysis())
    assert [q.speaker.name if q.speaker else None for q in quotes] == ["Omar Haddad", None]


def test_quotes_coreference(nlp) -> None:
    """A pronoun speaker takes the actor analysis's mention (resolved name and code), not the fallback."""
    text = "Vladimir Putin met Alexander Lukashenko. \u201cWe will not leave,\u201d he said."
    doc = nlp(text)
    he = next(t for t in doc if t.text == "he")
    mention = ActorMention(
        text="he", start=he.idx, end=he.idx + 2, token_start=he.i, token_end=he.i + 1, code="BLRGOV",
        entity_id="E2", name="Alexander Lukashenko", country="BLR", sector="GOV", kind="person",
        via="pronoun",
    )  # fmt: skip
    [quote] = extract_quotes(doc, ActorAnalysis(mentions=[mention]))
    assert quote.speaker is not None
    assert (quote.speaker.name, quote.speaker.code, quote.speaker.entity_id) == (
        "Alexander Lukashenko",
        "BLRGOV",
        "E2",
    )
    # Without coreference the fallback takes the nearest person named before, with an unknown code.
    [fallback] = extract_quotes(doc, ActorAnalysis())
    assert fallback.speaker is not None and fallback.speaker.code == UNKNOWN_CODE


def test_quotes_speaker_modifier_lends_its_code(nlp) -> None:
    """Only a modifier of the speaker is a known actor ("Colombia's chief negotiator"): its code, not its name."""
    text = "\u201cToday we choose peace,\u201d Colombia's chief negotiator said."
    doc = nlp(text)
    colombia = next(t for t in doc if t.text == "Colombia")
    mention = ActorMention(
        text="Colombia", start=colombia.idx, end=colombia.idx + 8, token_start=colombia.i,
        token_end=colombia.i + 1, code="COL", entity_id="E1", name="Colombia", country="COL", kind="country",
    )  # fmt: skip
    [quote] = extract_quotes(doc, ActorAnalysis(mentions=[mention]))
    assert quote.speaker is not None
    assert (quote.speaker.text, quote.speaker.code) == ("Colombia's chief negotiator", "COL")


@pytest.mark.parametrize(
    "text",
    [
        "The protesters\u2019 demands were clear, and the police\u2019s answer was not.",
        "He\u2019s said it\u2019s over; the workers\u2019 union disagreed.",
        'The 12" pipe burst.',
    ],
)
def test_quotes_apostrophes_are_not_quotes(nlp, text: str) -> None:
    assert extract_quotes(nlp(text), ActorAnalysis()) == []


def test_quotes_colon_paragraph_introduces_quote(nlp) -> None:
    """'X told parliament:' closing a paragraph attributes the quote paragraphs that follow."""
    text = (
        "The defence minister, Ivan Petrov, told parliament:\n\n"
        '"We will not retreat. Not one step."\n\n'
        '"The army is ready."\n\n'
        "The statement ended there.\n\n"
        '"Nobody will negotiate."'
    )
    quotes = extract_quotes(nlp(text), ActorAnalysis())
    assert [(q.text, q.speaker.name if q.speaker else None) for q in quotes] == [
        ("We will not retreat. Not one step.", "Ivan Petrov"),
        ("The army is ready.", "Ivan Petrov"),
        ("Nobody will negotiate.", None),
    ]


def test_quotes_unresolved_pronoun_respected_with_coreference(nlp) -> None:
    """When the actor analysis resolves pronouns but left this "he" alone, no fallback guess is made."""
    text = "John Smith met Ivan Petrov. Later, the talks ended. \u201cIt is over,\u201d he said. She left."
    doc = nlp(text)
    she = next(t for t in doc if t.text == "She")
    other = ActorMention(
        text="She", start=she.idx, end=she.idx + 3, token_start=she.i, token_end=she.i + 1, code="---",
        entity_id="E9", via="pronoun",
    )  # fmt: skip
    [quote] = extract_quotes(doc, ActorAnalysis(mentions=[other]))
    assert quote.speaker is None


def test_quotes_hard_wrapped_line_stays_one_passage(nlp) -> None:
    """A line break in mid-sentence (hard-wrapped text) does not cut a quotation in two."""
    text = 'John Smith spoke.\n\n"We will not leave until the government\n\nlistens to us," he said.'
    [quote] = extract_quotes(nlp(text), ActorAnalysis())
    assert quote.text == "We will not leave until the government\n\nlistens to us"
    assert quote.speaker is not None and quote.speaker.name == "John Smith"
    assert text[quote.start : quote.end] == quote.text
