"""The English samples: HRC texts against their gold files, GA texts against the manifest."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pytest
from tests.conftest import SAMPLES

from concord import languages
from concord.gazetteer import default_gazetteer
from concord.model import Due
from concord.read import parse_file, parse_text

HRC = ["A_HRC_RES_37_21", "A_HRC_RES_37_23", "A_HRC_RES_37_24", "A_HRC_RES_37_25"]


def _manifest(folder: Path) -> dict[str, dict[str, str]]:
    with (folder / "MANIFEST.csv").open(encoding="utf-8") as f:
        return {row["file"]: row for row in csv.DictReader(f)}


@pytest.mark.parametrize("name", HRC)
def test_hrc_paragraphs_and_votes_match_gold(shared_data: Path, name: str) -> None:
    folder = shared_data / "resolutions" / "en"
    gold = json.loads(
        (shared_data / "resolutions" / "gold_structured" / f"{name}.json").read_text()
    )
    row = _manifest(folder)[f"{name}.en.txt"]
    res = parse_file(folder / f"{name}.en.txt", symbol=row["symbol"], adopted_on=row["date"])
    kinds = [p["kind"] for p in gold["paragraphs"]]
    assert len(res.preamble) == kinds.count("preambular")
    assert len(res.operative) == kinds.count("operative")
    assert res.symbol == row["symbol"] and res.adopted_on == "2018-03-23"
    # What the missing heading would have said is read off the symbol given for it.
    assert (res.body, res.number, res.session) == ("HRC", row["symbol"][10:], 37)
    number = row["symbol"][10:].replace("/", "-")
    assert res.uri == f"/akn/un/statement/deliberation/un-hrc/2018-03-23/{number}/eng@"
    assert res.meeting is not None and res.meeting.number == 54
    if gold["vote_type"] == "RECORDED":
        vote = gold["recorded_vote"]
        g = default_gazetteer()
        assert res.adoption.mode == "recorded_vote"
        assert res.adoption.tally is not None
        assert [res.adoption.tally.yes, res.adoption.tally.no, res.adoption.tally.abstain] == vote[
            "text_totals"
        ]
        assert res.adoption.votes is not None
        for position, key in (("yes", "in_favour"), ("no", "against"), ("abstain", "abstaining")):
            expected = [g.resolve(n) for n in vote[key]]
            assert list(getattr(res.adoption.votes, position)) == expected
        assert not [w for w in res.warnings if w.code in ("unknown_state", "tally_mismatch")]
    else:
        assert res.adoption.mode == "without_vote"


def test_hrc_37_23_english_mandate(shared_data: Path) -> None:
    res = parse_file(shared_data / "resolutions" / "en" / "A_HRC_RES_37_23.en.txt")
    first = res.mandates[0]
    assert (first.in_, first.addressee) == ("op_5", "hrc_advisory_committee")
    assert res.mandates[0].due is not None and res.mandates[0].due.session == 43
    assert [p.intro_key for p in res.preamble[3:6]] == [
        "reaffirming",
        "reaffirming_also",
        "reaffirming_further",
    ]


def test_hrc_37_23_reads_the_same_in_chinese_and_english(shared_data: Path) -> None:
    """Two expressions of one work: the same paragraphs, keys, references and mandates.
    The one key that differs is the translation's: 重申 is both ``Reaffirms`` and
    ``Reiterates`` (op_2 says ``Reiterates``)."""
    zh = parse_file(SAMPLES / "A_HRC_RES_37_23.zh.txt")
    en = parse_file(shared_data / "resolutions" / "en" / "A_HRC_RES_37_23.en.txt")
    keys = {p.id: p.intro_key for p in en.paragraphs()}
    assert [p.id for p in zh.paragraphs()] == list(keys)
    differ = {p.id: (p.intro_key, keys[p.id]) for p in zh.paragraphs() if p.intro_key != keys[p.id]}
    assert differ == {"op_2": ("reaffirms", "reiterates")}
    assert sorted((r.kind, r.target, r.in_) for r in zh.references) == sorted(
        (r.kind, r.target, r.in_) for r in en.references
    )
    assert [(m.in_, m.addressee, m.kind, m.due) for m in zh.mandates] == [
        (m.in_, m.addressee, m.kind, m.due) for m in en.mandates
    ]


GA = sorted(
    (row for row in _manifest(SAMPLES).values() if row["lang"] == "en"),
    key=lambda r: int(r["symbol"].rsplit("/", 1)[1]),
)


@pytest.mark.parametrize("row", GA, ids=[r["symbol"] for r in GA])
def test_ga_identification_footnotes_numbering(row: dict[str, str]) -> None:
    res = parse_file(SAMPLES / row["file"])
    assert res.symbol == row["symbol"]
    assert res.body == "GA" and res.session == 80
    assert res.adopted_on is not None and res.adopted_on <= row["date"]
    assert res.meeting is not None and res.meeting.plenary
    assert res.operative, "no operative paragraphs"
    numbers = [int(p.num) for p in res.operative if p.num]
    assert numbers == list(range(1, len(numbers) + 1)), "operative numbering broken"
    gaps = [w for w in res.warnings if w.code == "numbering"]
    for annex in res.annexes:
        numbers = [int(p.num) for p in annex.paragraphs if p.num]
        # A gap the extraction made (80/3 lost its paragraph 2) is reported, never silent.
        assert numbers == list(range(1, len(numbers) + 1)) or gaps
    cited = {m for p in res.paragraphs() for m in p.footnotes}
    assert cited <= {f.marker for f in res.footnotes}
    # Notes are numbered in order: a year or a day that opened a line of a note is no note.
    assert [f.marker for f in res.footnotes] == [str(n) for n in range(1, len(res.footnotes) + 1)]
    for p in res.paragraphs():
        assert "[^" not in p.text and "**" not in p.text
    assert not [w for w in res.warnings if w.code == "missing_footnote"]


@pytest.mark.parametrize("row", GA, ids=[r["symbol"] for r in GA])
def test_ga_preambular_paragraphs_are_not_run_together(row: dict[str, str]) -> None:
    # A line that opens with a preambular phrase after a blank line, in a paragraph
    # that ended with a comma, opens a paragraph: none is found inside one.
    raw = (SAMPLES / row["file"]).read_text(encoding="utf-8")
    pack = languages.get("en")
    for p in parse_file(SAMPLES / row["file"]).preamble:
        for m in re.finditer(r",\n\s*\n\s*(?=\S)", raw[p.span[0] : p.span[1]]):
            after = raw[p.span[0] + m.end() : p.span[1]]
            assert not pack.preamble.match(after), (p.id, after[:40])


def test_ga_requests_to_other_bodies_are_mandates() -> None:
    def addressees(name: str) -> list[tuple[str, str]]:
        return [(m.in_, m.addressee) for m in parse_file(SAMPLES / name).mandates]

    assert ("op_2", "nuclear_weapon_states") in addressees("A_RES_80_37.en.txt")
    assert {a for _, a in addressees("A_RES_80_11.en.txt")} >= {
        "peacebuilding_commission",
        "peacebuilding_support_office",
    }
    # 80/13 asks the Chair of its Ad Hoc Committee to report to the eighty-second session.
    res = parse_file(SAMPLES / "A_RES_80_13.en.txt")
    [chair] = [m for m in res.mandates if m.in_ == "op_3"]
    assert chair.addressee == "ad_hoc_committee_chair"
    assert chair.due is not None and (chair.due.body, chair.due.session) == ("GA", 82)
    for path in SAMPLES.glob("*.en.txt"):
        assert "unknown_actor" not in {w.code for w in parse_file(path).warnings}, path.name


def test_a_request_for_a_list_of_tasks_asks_each_and_one_for_topics_asks_once() -> None:
    # 80/12 op_7: the Secretary-General is asked nine things, (a) and (b) lost their
    # markers in extraction; (h) is a report. Each stands in its item, as it is cited.
    res = parse_file(SAMPLES / "A_RES_80_12.en.txt")
    op_7 = [m for m in res.mandates if m.in_.startswith("op_7")]
    assert [(m.in_, m.addressee) for m in op_7] == [
        (f"op_7__{c}", "secretary_general") for c in "abcdefghi"
    ]
    assert op_7[1].action.startswith("To circulate annually a note verbale")
    assert (op_7[7].kind, op_7[7].action) == (
        "report",
        "To report on experiences gained during such symposiums and training seminars",
    )
    raw = (
        "The General Assembly,\n\nRecalling its resolutions,\n\n"
        "1. Requests the Secretary-General and the High Commissioner, within existing"
        " resources:\n(a) To consult States;\n(b) To report to the Assembly at its"
        " eighty-second session;\n\n"
        "2. Requests the Secretary-General to report at its eighty-first session on:\n"
        "(a) Progress made;\n(b) To what extent States act;\n"
    )
    res = parse_text(raw, language="en")
    assert [(m.in_, m.addressee, m.kind, m.action, m.due) for m in res.mandates] == [
        ("op_1__a", "secretary_general", "consultation", "To consult States", None),
        ("op_1__a", "high_commissioner", "consultation", "To consult States", None),
        (
            "op_1__b",
            "secretary_general",
            "report",
            "To report to the Assembly at its eighty-second session",
            Due("GA", 82),
        ),
        (
            "op_1__b",
            "high_commissioner",
            "report",
            "To report to the Assembly at its eighty-second session",
            Due("GA", 82),
        ),
        (
            "op_2",
            "secretary_general",
            "report",
            "Requests the Secretary-General to report at its eighty-first session on: (a)"
            " Progress made",
            Due("GA", 81),
        ),
    ]
    assert raw[slice(*res.mandates[0].span)] == "To consult States;"


def test_a_request_to_an_addressee_no_pack_knows_is_reported_not_guessed() -> None:
    # A request that names nobody (``Requests that ... be provided``) is neither.
    raw = (
        "The General Assembly,\n\nRecalling its resolutions,\n\n"
        "1. Requests the Chair of the Preparatory Committee to report to it;\n\n"
        "2. Requests that the necessary resources be provided;\n"
    )
    res = parse_text(raw, language="en")
    unknown = [w for w in res.warnings if w.code == "unknown_actor"]
    assert [raw[slice(*w.span)] for w in unknown] == ["Chair of the Preparatory Committee to"]
    assert unknown[0].message.startswith("op_1: a request to an addressee")
    assert res.mandates == ()


def test_section_headings_head_their_paragraphs() -> None:
    res = parse_file(SAMPLES / "A_RES_80_11.en.txt")
    assert [(p.id, p.heading) for p in res.paragraphs() if p.heading] == [
        ("op_1", "Peacebuilding Commission"),
        ("op_13", "Peacebuilding financing"),
        ("op_24", "Department of Political and Peacebuilding Affairs/Peacebuilding Support Office"),
    ]
    # Not run into the paragraph before.
    assert res.preamble[-1].text.endswith(",")
    assert res.operative[11].text.endswith(";") and res.operative[11].num == "12"
    assert not [p for p in res.paragraphs() if "Peacebuilding financing" in p.text]
    assert "section_heading" not in {w.code for w in res.warnings}
    annex = parse_file(SAMPLES / "A_RES_80_5.en.txt").annexes[0]
    assert [(p.num, p.heading) for p in annex.paragraphs if p.heading] == [
        ("28", "A call to action"),
        ("43", "Follow-up"),
    ]
    # 80/3's headings came run in with the paragraph under them.
    annex = parse_file(SAMPLES / "A_RES_80_3.en.txt").annexes[0]
    assert [(p.num, p.heading) for p in annex.paragraphs if p.heading] == [
        ("3", "I. Global context and shared commitments"),
        (
            "13",
            "II. Implementation of the Awaza Programme of Action for Landlocked Developing"
            " Countries for the Decade 2024–2034",
        ),
        ("17", "Partnerships and support mechanisms"),
        ("20", "Governance, accountability and monitoring"),
        ("23", "III. Conclusion and call to action"),
    ]
    # Nowhere else in the samples: a paragraph's last line is no heading.
    for path in SAMPLES.glob("*.txt"):
        if path.name not in ("A_RES_80_11.en.txt", "A_RES_80_5.en.txt", "A_RES_80_3.en.txt"):
            assert not [p for p in parse_file(path).paragraphs() if p.heading], path.name


def test_numbers_that_look_like_markers_stay_and_markers_set_off_are_taken() -> None:
    # Decisions are numbered from 401: 73/512 is no resolution 73/51 with note 2.
    res = parse_file(SAMPLES / "A_RES_80_21.en.txt")
    assert "decisions 73/512 of 5 December 2018 and 75/514 of" in res.preamble[0].text
    assert not res.preamble[0].footnotes
    assert [(f.marker, f.cited_in) for f in res.footnotes[:4]] == [
        ("1", ("pp_4",)),
        ("2", ("pp_9",)),
        ("3", ("pp_9",)),  # ``in 2014, 3``, ending the paragraph
        ("4", ("pp_10",)),  # ``a number of States 4 that``
    ]
    stressing = res.preamble[9].text
    assert stressing.startswith("Stressing") and "States that they" in stressing
    assert not [w for w in res.warnings if "footnote" in w.code]
    # An OPCW decision's symbol keeps its number: C-24/DEC.4 holds no note 4.
    res = parse_file(SAMPLES / "A_RES_80_34.en.txt")
    assert [p.text[:60] for p in res.preamble if "C-24/DEC.4 and C-24/DEC.5" in p.text] == [
        "Recalling decisions C-24/DEC.4 and C-24/DEC.5 of 27 November"
    ]
    assert [(f.marker, f.cited_in) for f in res.footnotes[2:5]] == [
        ("3", ("op_3",)),
        ("4", ("op_3",)),
        ("5", ("op_3",)),
    ]


def test_a_line_of_a_note_printed_as_a_note_of_its_own_stays_in_its_note() -> None:
    for name, marker, text in (
        ("A_RES_80_10", "10", "5–13 September 1994 (United Nations publication"),
        ("A_RES_80_6", "9", "1 August 2012–31 July 2013 (S/INF/68)."),
        ("A_RES_80_18", "2", "the Conference on Disarmament as from 7 February 1984."),
    ):
        res = parse_file(SAMPLES / f"{name}.en.txt")
        note = next(f for f in res.footnotes if f.marker == marker)
        assert text in note.text and note.cited_in, name
        assert "note_line" in {w.code for w in res.warnings}
        assert not [w for w in res.warnings if w.code in ("uncited_footnote", "duplicate_footnote")]


def test_ga_80_4_running_head_and_references() -> None:
    res = parse_file(SAMPLES / "A_RES_80_4.en.txt")
    assert res.agenda_items == ("38",)
    assert res.adopted_on == "2025-10-29"
    assert res.meeting is not None and res.meeting.number == 22
    assert len(res.preamble) == 8 and len(res.operative) == 5
    recalling = res.preamble[5].text
    assert "Necessity of ending the economic, commercial and financial 1996" not in recalling
    assert "51/17 of 12 November 1996, 52/10" in recalling
    targets = [r.target for r in res.references if r.in_ == "pp_6"]
    assert "A/RES/47/19" in targets and "A/RES/79/7" in targets and len(set(targets)) == 32
    assert "A/RES/76/563" not in targets  # "and its decision 76/563"
    assert res.footnotes[0].text == "A/80/83." and res.footnotes[0].cited_in == ("op_1",)
    due = [(m.addressee, m.due) for m in res.mandates]
    assert ("secretary_general", due[0][1]) == due[0] and due[0][1] is not None
    assert due[0][1].session == 81


def test_ga_80_9_annex_split_at_inline_numbers() -> None:
    res = parse_file(SAMPLES / "A_RES_80_9.en.txt")
    annex = res.annexes[0]
    assert annex.title and annex.title.startswith("2025 Political Declaration")
    nums = [p.num for p in annex.paragraphs]
    assert nums == [str(i) for i in range(1, len(nums) + 1)]
    para5 = annex.paragraphs[4]
    assert para5.text.endswith("relevant to trafficking in persons.")
    assert para5.footnotes == ("7", "8")
    assert annex.paragraphs[5].text.startswith("We recall the Global Compact")


def test_committee_vote_block_with_page_header_and_hyphenated_names(shared_data: Path) -> None:
    from concord.extract.votes import read_lists
    from concord.languages import get
    from concord.text.mapped import Mapped
    from concord.text.normalise import is_page_furniture, unbreak

    folder = shared_data / "resolutions"
    text = (
        folder / "ga_vote_blocks" / "A_78_481_Add.3_para16-19_committee_vote.en.txt"
    ).read_text()
    gold = json.loads(
        (
            folder / "gold_structured" / "A_78_481_Add.3_committee_vote_on_A_C.3_78_L.41.json"
        ).read_text()
    )
    lines = [line.strip() for line in Mapped.of(text).lines()]
    block = unbreak([line for line in lines if not is_page_furniture(line.text)], " ")
    start = block.text.index("In favour:")
    end = block.text.index("20. Before the vote")
    lists, warnings = read_lists(block.slice(start, end), get("en"), default_gazetteer().resolve)
    assert warnings == []
    g = default_gazetteer()
    for position, key in (("yes", "in_favour"), ("no", "against"), ("abstain", "abstaining")):
        assert lists[position] == [g.resolve(n) for n in gold["votes"][key]]
    assert [len(lists[p]) for p in ("yes", "no", "abstain")] == [80, 29, 65]


def test_a_draft_with_job_numbers_first_on_odd_pages(shared_data: Path) -> None:
    # ``23-21227 3/9A/C.3/78/L.41`` closes the block of notes at an odd page's foot: read
    # as a note's text, it ran paragraphs 14 to 16 into note 9.
    res = parse_file(shared_data / "resolutions" / "en" / "A_C.3_78_L.41.en.txt")
    assert [p.num for p in res.operative] == [str(n) for n in range(1, 36)]
    assert not [w for w in res.warnings if w.code in ("numbering", "uncited_footnote")]
    note_9 = next(f for f in res.footnotes if f.marker == "9")
    assert note_9.text == "Resolution 70/175, annex."


def test_footnote_text_run_into_a_paragraph_is_moved_out(shared_data: Path) -> None:
    res = parse_file(shared_data / "resolutions" / "en" / "A_HRC_RES_37_21.en.txt")
    assert [(f.marker, f.text, f.cited_in) for f in res.footnotes] == [
        ("1", "A/HRC/37/31.", ("pp_5",))
    ]
    assert res.preamble[4].text.endswith("human rights,")
    assert all("A/HRC/37/31" not in p.text for p in res.paragraphs())
    assert "glued_footnote" in {w.code for w in res.warnings}


def test_ga_80_3_paragraph_whose_number_extraction_lost() -> None:
    res = parse_file(SAMPLES / "A_RES_80_3.en.txt")
    assert [(p.id, p.num, p.intro_key) for p in res.operative] == [
        ("op_1", "1", "endorses"),
        ("op_2", None, "expresses"),
    ]
    assert res.operative[0].text.endswith("the present resolution;")
    assert res.operative[1].text.startswith("Expresses its profound gratitude")
    [lost] = [w for w in res.warnings if w.message.startswith("operative")]
    assert lost.code == "numbering" and lost.span == res.operative[1].span


def test_ga_80_3_annex_paragraphs_run_in_where_numbers_were_lost() -> None:
    # Paragraph 2 lost its number into paragraph 1, and 3 was run in after it with its
    # heading; 15 was run into 14 with no stop, the end of 14 lost.
    res = parse_file(SAMPLES / "A_RES_80_3.en.txt")
    paras = res.annexes[0].paragraphs
    assert [p.num for p in paras] == ["1", *map(str, range(3, 26))]
    assert paras[1].heading == "I. Global context and shared commitments"
    assert paras[1].text.startswith("We gather at a critical juncture")
    assert paras[0].text.endswith("achieving sustainable development.")
    assert paras[12].text.endswith("infrastructure investment finance facility for")
    assert paras[13].intro_key == "emphasizes"
    numbering = [w.message for w in res.warnings if w.message.startswith("annex 1")]
    assert numbering == [
        "annex 1 paragraph numbered 3 where 2 was expected",
        "annex 1 paragraph 14 runs into paragraph 15 with no stop between them: its end"
        " may have been lost in extraction",
    ]


def test_ga_80_23_operative_phrase_after_an_opening_clause() -> None:
    res = parse_file(SAMPLES / "A_RES_80_23.en.txt")
    op_2 = res.operative[1]
    assert (op_2.num, op_2.intro, op_2.intro_key) == ("2", "urges", "urges")
    assert op_2.text.startswith("Pending the total elimination of nuclear weapons, urges")
    assert "unknown_intro" not in {w.code for w in res.warnings}


def test_ga_80_5_annex_title_on_the_line_after_annex() -> None:
    [annex] = parse_file(SAMPLES / "A_RES_80_5.en.txt").annexes
    assert annex.title == (
        "Doha Political Declaration of the “World Social Summit” under the title "
        "“the Second World Summit for Social Development”"
    )
    assert annex.paragraphs[0].num == "1"
    assert annex.paragraphs[0].text.startswith("We, Heads of State and Government")
