"""Gold readers: seed YAML format and PETRARCH validation XML (read robustly, banner comments and all)."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.errors import EventwireError
from eventwire.evaluation.gold import petr_date, read_gold, text_from_conllu

PETR_XML = """<?xml version='1.0' encoding='utf-8'?>
<Validation>
###########################
#   banner comment lines outside any tag, as in the real file  <Sentence> mentioned here too? no.
###########################
<Sentences>
<Sentence category="AFP" date="20080804" id="S1" evaluate="true"/>
<EventCoding eventcode="042" sourcecode="USA" targetcode="CHN" />
<Text>
The US leader visited China &amp; met officials.
</Text>
<Parse>1\tThe\tthe</Parse>
</Sentence>
<Sentence category="AFP" date="20080806" id="S2" evaluate="true">
<!-- PATTERN * TALKS [046:046] -->
<EventCoding eventcode="046" sourcecode="LBNGOV" targetcode="USAMIL" />
<EventCoding eventcode="046" sourcecode="USAMIL" targetcode="LBNGOV" />
<Text>Lebanon held talks with US commanders.</Text>
</Sentence>
<Sentence category="TEST" date="20150609" id="S3" evaluate="true"/>
<EventCoding noevents="True" />
<Text>Nothing happened today.</Text>
<Sentence category="TEST" date="121108" id="S4" evaluate="true"/>
<EventCoding eventcode="190" sourcecode="NGAREB" targetcode="NGAMUS" />
<Text>
</Text>
<Parse>
1\tBoko\tBoko\tPROPN\tNNP\t_\t2\tname\t_\t_
2\tHaram\tHaram\tPROPN\tNNP\t_\t3\tnsubj\t_\t_
3\tattacked\tattack\tVERB\tVBD\t_\t0\troot\t_\tSpaceAfter=No
4\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_
</Parse>
<Sentence category="TEST" date="20150609" id="S5" evaluate="false"/>
<EventCoding eventcode="010" sourcecode="USA" targetcode="CHN" />
<Text>Not evaluated.</Text>
</Sentences>
</Validation>
"""


def test_eval_gold_petr_reader(tmp_path: Path) -> None:
    path = tmp_path / "mini.xml"
    path.write_text(PETR_XML, encoding="utf-8")
    gold = read_gold(path)
    assert gold.kind == "petr" and gold.name == "mini"
    assert [u.unit_id for u in gold.units] == ["S1", "S2", "S3", "S4"]  # evaluate="false" skipped
    s1, s2, s3, s4 = gold.units
    assert s1.text == "The US leader visited China & met officials."
    assert s1.published == "2008-08-04"
    assert [(e.codes, e.source_code, e.target_code) for e in s1.events] == [(("042",), "USA", "CHN")]
    assert len(s2.events) == 2 and s2.published == "2008-08-06"
    assert s3.events == []  # noevents="True"
    assert s4.text == "Boko Haram attacked." and s4.published is None  # empty <Text>: rebuilt from <Parse>
    assert gold.n_events == 4


@pytest.mark.parametrize(
    ("value", "expected"),
    [("20080804", "2008-08-04"), ("121108", None), ("20081332", None), (None, None), ("", None)],
)
def test_eval_gold_petr_dates(value: str | None, expected: str | None) -> None:
    assert petr_date(value) == expected


def test_eval_gold_conllu_spacing() -> None:
    parse = '1\tHe\the\n2\tsaid\tsay\n3\t,\t,\n4\t"\t"\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n5\tno\tno\n'
    assert text_from_conllu(parse) == 'He said, "no'


SEED_YAML = """
document:
  title: Test
  published: 2021-03-05
events:
  - id: A1
    words: "police detained dozens of protesters"
    source: {text: police, code: XYZCOP}
    target: {text: protesters, code: XYZOPP}
    codes: ["173", "170"]
    plover: {type: COERCE, mode: arrest}
  - id: A2
    words: "they rallied"
    source: {text: null, code: XYZOPP}
    target: {text: null, code: XYZGOV}
    codes: ["141"]
    optional: true
not_events:
  - "NATO as the source of any military event (in a quote)"
  - "any event dated 1999 or 2005 as if it happened this week"
  - "something without years: 2001"
counts:
  - {kind: detained, value: dozens}
  - {kind: killed, value: 3, qualifier: at_least}
quotes:
  - speaker: The Minister
    text: "We will not yield."
"""


def test_eval_gold_seed_reader(tmp_path: Path) -> None:
    (tmp_path / "story.txt").write_text("Text of the story.", encoding="utf-8")
    path = tmp_path / "story.gold.yaml"
    path.write_text(SEED_YAML, encoding="utf-8")
    gold = read_gold(path)
    assert gold.kind == "seed" and gold.name == "story"
    (unit,) = gold.units
    assert unit.text == "Text of the story." and unit.published == "2021-03-05"
    a1, a2 = unit.events
    assert a1.codes == ("173", "170") and a1.roots == {"17"} and not a1.optional
    assert (a1.source_implicit, a1.target_implicit) == (False, False)
    assert (a2.source_implicit, a2.target_implicit, a2.optional) == (True, True, True)
    assert unit.forbidden_years == ("1999", "2005")  # only from entries about dates
    assert unit.forbidden_military_sources == ("NATO",)
    assert [(c.kind, c.value) for c in unit.counts] == [("detained", "dozens"), ("killed", "3")]
    assert unit.quotes[0].speaker == "The Minister"


@pytest.mark.parametrize(
    ("name", "content", "with_text"),
    [
        ("bad.gold.yaml", "events: [", True),  # broken YAML
        ("noevents.gold.yaml", "document: {}\n", True),  # no events list
        ("nocodes.gold.yaml", "events:\n  - id: X\n    words: a\n", True),
        ("lonely.gold.yaml", "events: []\n", False),  # article text missing
        ("empty.xml", "<Validation></Validation>", True),
        ("gold.csv", "a,b\n", True),  # unknown format
    ],
)
def test_eval_gold_errors(tmp_path: Path, name: str, content: str, with_text: bool) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    if with_text:
        (tmp_path / (name.split(".")[0] + ".txt")).write_text("text", encoding="utf-8")
    with pytest.raises(EventwireError) as err:
        read_gold(path)
    assert err.value.code == "E030"


def test_eval_gold_missing_file(tmp_path: Path) -> None:
    with pytest.raises(EventwireError) as err:
        read_gold(tmp_path / "nope.yaml")
    assert err.value.code == "E007"


def test_eval_gold_real_files(shared_dir: Path) -> None:
    seed = read_gold(shared_dir / "seed" / "belarus-2020-08-16.gold.yaml")
    (unit,) = seed.units
    assert sum(not e.optional for e in unit.events) == 15
    assert unit.forbidden_years == ("1991", "1994", "2010")
    people = {e.name: e for e in unit.entities}
    assert len(people["Alexander Lukashenko"].mentions) == 7 and people["Nato"].code == "NATO"
    petr = read_gold(shared_dir / "benchmarks" / "petrarch-gsr" / "PETR2_GSR_validation.xml")
    assert len(petr.units) == 78
    assert all(u.text for u in petr.units)
    assert petr.n_events == 80


def test_eval_gold_seed_unquoted_codes_keep_leading_zeros(tmp_path: Path) -> None:
    (tmp_path / "z.txt").write_text("text", encoding="utf-8")
    path = tmp_path / "z.gold.yaml"
    path.write_text(
        "document: {published: 2020-08-16}\n"
        "events:\n"
        "  - {id: 1, words: w, codes: [0332, 041, 141, 08], optional: true,\n"
        "     source: {text: null, code: RUS}, target: {text: x, code: BLR}}\n"
        "counts:\n  - {kind: killed, value: 2}\n",
        encoding="utf-8",
    )
    (unit,) = read_gold(path).units
    (event,) = unit.events
    assert event.codes == ("0332", "041", "141", "08")  # not the octal integers 218 and 33
    assert event.optional is True and event.gold_id == "1"
    assert unit.published == "2020-08-16" and unit.counts[0].value == "2"


def test_eval_gold_petr_single_quoted_attributes(tmp_path: Path) -> None:
    path = tmp_path / "q.xml"
    path.write_text(
        "<Sentences>\n<Sentence date='20150609' id='Q1'>\n"
        "<EventCoding eventcode='0332'\n  sourcecode='RUS' targetcode='BLR'/>\n"
        "<Text>Russia offered Belarus military aid.</Text>\n</Sentence>\n</Sentences>\n",
        encoding="utf-8",
    )
    (unit,) = read_gold(path).units
    assert unit.unit_id == "Q1" and unit.published == "2015-06-09"
    assert [(e.codes, e.source_code, e.target_code) for e in unit.events] == [(("0332",), "RUS", "BLR")]
