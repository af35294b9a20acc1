"""Counts of people in varied sentences: kind, value, bounds, qualifier, historical flag, negatives."""

from __future__ import annotations

import datetime as dt

import pytest

from eventwire.facts.counts import extract_counts
from eventwire.facts.dates import extract_dates

PUBLISHED = dt.date(2020, 8, 16)

# (sentence, [(kind, span text, value, low, high, qualifier)])
CASES: list[tuple[str, list[tuple[str, str, int | None, int | None, int | None, str]]]] = [
    # conflict and repression
    ("At least 12 people were killed when floodwaters swept through the valley.",
     [("killed", "At least 12", 12, 12, None, "at_least")]),
    ("Police arrested 30 protesters outside parliament on Monday.",
     [("arrested", "30", 30, None, None, "exact")]),
    ("The attack left 12 dead and 40 wounded.",
     [("killed", "12", 12, None, None, "exact"), ("injured", "40", 40, None, None, "exact")]),
    ("The death toll rose to 45 on Monday.", [("killed", "45", 45, None, None, "exact")]),
    ("Officials put the death toll at 17.", [("killed", "17", 17, None, None, "exact")]),
    ("The number of dead rose to 30.", [("killed", "30", 30, None, None, "exact")]),
    ("Rebels ambushed a convoy, killing 12 soldiers.", [("killed", "12", 12, None, None, "exact")]),
    ("Between 10 and 20 people were arrested.", [("arrested", "Between 10 and 20", None, 10, 20, "range")]),
    ("About a dozen soldiers were wounded in the clashes.",
     [("injured", "About a dozen", 12, None, None, "approximately")]),
    ("Dozens of demonstrators were detained overnight.", [("detained", "Dozens", None, 24, 99, "vague")]),
    ("Some 3,000 troops were deployed to the border.",
     [("deployed", "Some 3,000", 3000, None, None, "approximately")]),
    ("The army sent 2,000 soldiers to the region.", [("deployed", "2,000", 2000, None, None, "exact")]),
    ("Security forces shot dead three protesters.", [("killed", "three", 3, None, None, "exact")]),
    ("The rebels released 40 hostages on Friday.", [("released", "40", 40, None, None, "exact")]),
    ("Gunmen kidnapped 30 passengers from a bus.", [("abducted", "30", 30, None, None, "exact")]),
    ("At 5 pm, two bombs exploded, killing 14 and injuring more than 60.",
     [("killed", "14", 14, None, None, "exact"), ("injured", "more than 60", 60, 60, None, "at_least")]),
    ("Three policemen were hurt in the scuffles.", [("injured", "Three", 3, None, None, "exact")]),
    ("More than 300 people have died in the fighting since January.",
     [("killed", "More than 300", 300, 300, None, "at_least")]),
    ("Two people died.", [("killed", "Two", 2, None, None, "exact")]),
    ("The army said it killed 23 militants in air strikes.", [("killed", "23", 23, None, None, "exact")]),
    ("Around 400 people were detained during the protests.",
     [("detained", "Around 400", 400, None, None, "approximately")]),
    ("Officers detained as many as 150 people after the vote.",
     [("detained", "as many as 150", 150, None, 150, "at_most")]),
    ("Nearly 100 people were reported killed.", [("killed", "Nearly 100", 100, None, None, "approximately")]),
    ("One person was killed and two others injured.",
     [("killed", "One", 1, None, None, "exact"), ("injured", "two", 2, None, None, "exact")]),
    ("Security forces wounded dozens of protesters.", [("injured", "dozens", None, 24, 99, "vague")]),
    ("Half a dozen people were injured.", [("injured", "Half a dozen", 6, None, None, "exact")]),
    ("Authorities said 14 others were missing.", [("missing", "14", 14, None, None, "exact")]),
    ("Twenty-five people remain missing after the landslide.",
     [("missing", "Twenty-five", 25, None, None, "exact")]),
    # disasters and displacement
    ("Up to 1.2 million people have been displaced by the fighting.",
     [("displaced", "Up to 1.2 million", 1200000, None, 1200000, "at_most")]),
    ("Hundreds of thousands of people fled their homes.",
     [("displaced", "Hundreds of thousands", None, 200000, 999999, "vague")]),
    ("The flooding has forced more than 10,000 people from their homes.",
     [("displaced", "more than 10,000", 10000, 10000, None, "at_least")]),
    ("Heavy rains displaced an estimated 120,000 residents.",
     [("displaced", "an estimated 120,000", 120000, None, None, "approximately")]),
    ("Floods killed at least 35 people and left thousands homeless across the province.",
     [("killed", "at least 35", 35, 35, None, "at_least"),
      ("displaced", "thousands", None, 2000, 9999, "vague")]),
    ("Officials said 150 people had been evacuated.", [("evacuated", "150", 150, None, None, "exact")]),
    ("Nearly 2,000 migrants were rescued at sea.",
     [("rescued", "Nearly 2,000", 2000, None, None, "approximately")]),
    # crowds
    ("A crowd of 5,000 gathered in the main square.", [("protesters", "5,000", 5000, None, None, "exact")]),
    ("A 5,000-strong crowd marched through the capital.",
     [("protesters", "5,000", 5000, None, None, "exact")]),
    ("Thousands took to the streets of Khartoum.", [("protesters", "Thousands", None, 2000, 9999, "vague")]),
    ("Around 20,000 demonstrators filled the streets on Saturday.",
     [("protesters", "Around 20,000", 20000, None, None, "approximately")]),
    ("Several hundred protesters rallied outside the embassy.",
     [("protesters", "Several hundred", None, 300, 999, "vague")]),
    ("At least 1,000 people marched through the city on Friday.",
     [("protesters", "At least 1,000", 1000, 1000, None, "at_least")]),
    ("Police said 12,000-15,000 people joined the march.",
     [("protesters", "12,000-15,000", None, 12000, 15000, "range")]),
    ("Police used water cannon to disperse some 2,000 demonstrators.",
     [("protesters", "some 2,000", 2000, None, None, "approximately")]),
    ("Tens of thousands of workers took to the streets.",
     [("protesters", "Tens of thousands", None, 20000, 99999, "vague")]),
    ("The rally drew 5,000 people, organisers said.", [("protesters", "5,000", 5000, None, None, "exact")]),
    ("Some 3,000 people attended the vigil.",
     [("protesters", "Some 3,000", 3000, None, None, "approximately")]),
    # a person count in a protest story is not a crowd size unless it says who was there
    ("The EU imposed sanctions on nine military officers over the crackdown on protesters.", []),
    ("The ombudsman said 23 people were injured at the protest, including six police officers.",
     [("injured", "23", 23, None, None, "exact")]),
    ("An estimated 400,000 people took part in the march.",
     [("protesters", "An estimated 400,000", 400000, None, None, "approximately")]),
    ("The number of people arrested has risen to 1,200.", [("arrested", "1,200", 1200, None, None, "exact")]),
    ("The agency said 300,000 people had been forced to flee.",
     [("displaced", "300,000", 300000, None, None, "exact")]),
    ("The ministry said 45 soldiers had been killed since the offensive began, while 120 were wounded.",
     [("killed", "45", 45, None, None, "exact"), ("injured", "120", 120, None, None, "exact")]),
    ("Israel freed 26 Palestinian prisoners on Tuesday.", [("released", "26", 26, None, None, "exact")]),
    ("At least 17 people are feared dead after the landslide.",
     [("killed", "At least 17", 17, 17, None, "at_least")]),
    ("Rescuers searched for 12 people missing after a bridge collapsed.",
     [("missing", "12", 12, None, None, "exact")]),
    ("The ministry said nine soldiers were wounded and 40 rebels were captured.",
     [("injured", "nine", 9, None, None, "exact"), ("captured", "40", 40, None, None, "exact")]),
    ("Troops captured 3 towns.", []),  # places, not people
    # newspaper abbreviations glued to the digits
    ("About 1.2m people have been displaced.",
     [("displaced", "About 1.2m", 1200000, None, None, "approximately")]),
    ("The flood displaced 2m people.", [("displaced", "2m", 2000000, None, None, "exact")]),
    # possibilities and futures are no counts; a modal perfect is an estimate of what happened
    ("If the dam bursts, it could kill millions of people.", []),
    ("The army will deploy 5,000 troops next week.", []),
    ("At least 20 people may have died in the fire.", [("killed", "At least 20", 20, 20, None, "at_least")]),
    # negatives: measures, money, ages, years, times, percentages, partitives, other nouns
    ("A 30m-high wall was built.", []),
    ("The government spent £5m on the election.", []),
    ("Three militants killed a soldier at a checkpoint.", []),  # the killers are not the killed
    ("No one was hurt in the blast.", []),
    ("The number of visitors rose to 2,000.", []),
    ("The pipeline is 7,000 kilometres long.", []),
    ("The 1991 coup failed within days.", []),
    ("The crisis began in 2020.", []),
    ("The government spent $5 million on the election.", []),
    ("The aid package is worth 1.2 million euros.", []),
    ("A 25-year-old man was killed in the blast.", []),
    ("Turnout was 65 percent.", []),
    ("Turnout in the election was 62%, with 4.5 million votes cast.", []),
    ("The curfew starts at 10 pm.", []),
    ("It was one of the biggest protests in years.", []),
    ("He was sentenced to 15 years in prison.", []),
    ("The team won 3-1 on Sunday.", []),
    ("The fire destroyed 200 homes.", []),
    ("The two leaders met for three hours.", []),
    ("The election had 12 candidates.", []),
    ("Voters elected 450 deputies.", []),
    ("The opposition won 12 of the 20 seats.", []),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_counts_extraction_table(nlp, sentence, expected) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(sentence)
    counts = extract_counts(doc, extract_dates(doc, PUBLISHED))
    got = [(c.kind, c.text, c.value, c.low, c.high, c.qualifier) for c in counts]
    assert got == expected
    for c in counts:
        assert sentence[c.start : c.end] == c.text
        assert not c.historical


HISTORICAL = [
    ("In 2010, there were protests, but they were just 12,000 or 15,000 people.", "12,000 or 15,000", True),
    ("In 1989, tens of thousands of students occupied the square, and hundreds died.", "hundreds", True),
    ("The quake killed more than 2,000 people in 2015.", "more than 2,000", True),
    ("In 2010, police arrested 700 people, but this week 3,000 were detained.", "700", True),
    ("In 2010, police arrested 700 people, but this week 3,000 were detained.", "3,000", False),
    ("He has ruled since 1994, and on Thursday 200 people were arrested.", "200", False),
    ("Last year, 40 people were killed in clashes.", "40", False),
]


@pytest.mark.parametrize(("sentence", "text", "historical"), HISTORICAL)
def test_counts_historical_flag(nlp, sentence, text, historical) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(sentence)
    counts = {c.text: c for c in extract_counts(doc, extract_dates(doc, PUBLISHED))}
    assert counts[text].historical is historical


def test_counts_range_of_two_figures(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("In 2010, there were protests, but they were just 12,000 or 15,000 people.")
    (count,) = extract_counts(doc, extract_dates(doc, PUBLISHED))
    assert (count.kind, count.qualifier, count.low, count.high, count.value) == (
        "protesters",
        "range",
        12000,
        15000,
        None,
    )


def test_counts_without_dates_are_not_historical(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("In 2010, there were protests, but they were just 12,000 or 15,000 people.")
    (count,) = extract_counts(doc, [])
    assert count.historical is False
