"""Segmenting: footnotes taken out of the lines, whichever way extraction printed them, and
section headings kept out of the paragraphs."""

from __future__ import annotations

import pytest

from concord import languages
from concord.read.paragraphs import (
    classify,
    group,
    is_title,
    numbering_warnings,
    opening_phrase,
    split_inline_numbers,
    take_headings,
)
from concord.read.segment import Line, _continues, footnote_text, split_lines
from concord.text.mapped import Mapped
from concord.text.normalise import unbreak

EN = languages.get("en")


@pytest.mark.parametrize(
    ("previous", "marker", "continues"),
    [
        ("10", "11", False),
        ("10", "12", False),  # one note lost between them: still a note
        ("10", "1994", True),  # a year that opened a line of note 10
        ("2", "7", True),  # ``as from`` / ``7 February 1984.``
        ("9", "9", True),
        ("9", "3", True),
        ("a", "1994", False),  # notes not numbered: nothing to go by
    ],
)
def test_a_number_that_opens_a_line_of_a_note(previous: str, marker: str, continues: bool) -> None:
    assert _continues(previous, marker) == continues


def _notes(text: str) -> list[tuple[str, str]]:
    _, notes, _, _ = split_lines(Mapped.of(text))
    return [(n.marker, footnote_text(n, " ").text) for n in notes]


def test_a_markdown_note_line_opening_with_a_year_stays_in_its_note() -> None:
    text = (
        "Recalling the Programme of Action,10\n\n---\n\n"
        "[^10]: Report of the Conference, Cairo, 5–13 September\n"
        "[^1994]: (United Nations publication, Sales No. E.95.XIII.18), chap. I.\n\n"
        "[^11]: Resolution 70/1.\n"
    )
    _, notes, _, warnings = split_lines(Mapped.of(text))
    assert [(n.marker, footnote_text(n, " ").text) for n in notes] == [
        (
            "10",
            "Report of the Conference, Cairo, 5–13 September 1994 (United Nations"
            " publication, Sales No. E.95.XIII.18), chap. I.",
        ),
        ("11", "Resolution 70/1."),
    ]
    # The note's text still points into the raw text, the year included.
    joined = footnote_text(notes[0], " ")
    at = joined.text.index("1994")
    assert text[joined.to_raw(at) : joined.to_raw(at) + 4] == "1994"
    assert [w.code for w in warnings] == ["note_line"]
    assert text[slice(*warnings[0].span)] == "[^1994]: "


def test_notes_in_order_and_after_a_blank_line_stay_notes() -> None:
    # The next number, one after a lost note, and any number after a blank line.
    assert [m for m, _ in _notes("---\n[^1]: A.\n[^2]: B.\n[^4]: C.\n\n[^9]: D.\n")] == [
        "1",
        "2",
        "4",
        "9",
    ]


def test_a_plain_note_line_opening_with_a_number_stays_in_its_note() -> None:
    # A block of notes at the foot of a page (after the rule), as PDF extraction prints
    # it: a line of note 2 that opens with a day of the month.
    text = (
        "Welcoming the change,2\n"
        "__________________\n"
        "2 The Committee on Disarmament was redesignated as from\n"
        "7 February 1984.\n"
        "3 See A/57/759.\n"
    )
    assert _notes(text) == [
        ("2", "The Committee on Disarmament was redesignated as from 7 February 1984."),
        ("3", "See A/57/759."),
    ]


def _lines(text: str) -> list[Line]:
    lines, _, _, _ = split_lines(Mapped.of(text))
    return lines


@pytest.mark.parametrize(
    ("text", "headings"),
    [
        ("Affirming that peace,\n\nPeacebuilding Commission\n\n1. Reaffirms all;\n",
         ["Peacebuilding Commission"]),
        ("12. Decides to establish a week;\n\nPeacebuilding financing\n\n13. Calls for all;\n",
         ["Peacebuilding financing"]),
        # A line of a paragraph broken over a page: the line before ends no clause.
        ("Affirming that the review of the\n\nPeacebuilding Commission\n\n1. Reaffirms;\n", []),
        # The line after opens no paragraph, or the line opens one itself.
        ("Affirming that peace,\n\nPeacebuilding Commission\n\nand its work,\n", []),
        ("Affirming that peace,\n\nRecalling its resolutions\n\n1. Reaffirms;\n", []),
        # Ends with punctuation, opens lower-case, or runs long: a sentence.
        ("Affirming that peace,\n\nPeace is the aim.\n\n1. Reaffirms;\n", []),
        ("Affirming that peace,\n\npeacebuilding financing\n\n1. Reaffirms;\n", []),
        ("Affirming that peace,\n\n" + "Peace " * 30 + "\n\n1. Reaffirms;\n", []),
    ],
)  # fmt: skip
def test_section_headings(text: str, headings: list[str]) -> None:
    lines, taken = take_headings(_lines(text), EN, blank_lines_meaningful=True)
    assert [h.text.text for h, _ in taken] == headings
    assert all(lines[lines.index(headed)] is headed for _, headed in taken)
    assert len(lines) + len(taken) == len(_lines(text))
    # Where blank lines say nothing (one after every line of the page), nothing is taken.
    assert take_headings(_lines(text), EN, blank_lines_meaningful=False)[1] == []


@pytest.mark.parametrize(
    ("raw", "heading"),
    [
        # The heading on lines of its own, run in by extraction: the heading of 17.
        ("16. We stress the need.\n\nPartnerships and support mechanisms 17. We invite all.",
         "Partnerships and support mechanisms"),
        ("12. We welcome it.\nIII. Conclusion and call to action 13. We declare it.",
         "III. Conclusion and call to action"),
        # Inside a line: a sentence that ends with the number is no heading.
        ("16. We stress the need. The total reached 17. We invite all.", None),
    ],
)  # fmt: skip
def test_a_heading_run_in_with_the_next_paragraph(raw: str, heading: str | None) -> None:
    full = join_lines(raw)
    drafts = split_inline_numbers(classify([full], EN), raw)
    if heading is None:
        assert [d.num for d in drafts] == [raw[:2]]
        return
    assert [d.num for d in drafts] == [raw[:2], str(int(raw[:2]) + 1)]
    assert (drafts[0].heading, drafts[1].heading) == (None, heading)
    assert drafts[1].text.text.startswith("We ")
    assert drafts[0].text.text.endswith(".")


@pytest.mark.parametrize(
    ("raw", "nums", "cut"),
    [
        # 2 lost with its number; 3 run in after a stop: found, as 4 comes next.
        ("1. We met.\nI. Global context 3. We gather.\n4. We stress it.",
         ["1", "3", "4"], [False, False, False]),
        # No number after 1 but 5 found next: 2 to 4 are looked for, none is there.
        ("1. We met. The total reached 3. We gather.\n5. We stress it.",
         ["1", "5"], [False, False]),
        # 15 run in with no stop (the end of 14 lost), before an operative phrase, and
        # 16 next: split off, and 14 marked cut.
        ("14. We reaffirm it, for 15. We emphasize the Decade.\n16. We stress it.",
         ["14", "15", "16"], [True, False, False]),
        # No stop and no operative phrase after the number: a sentence, not split.
        ("14. We count the items for 15. Other goods.\n16. We stress it.",
         ["14", "16"], [False, False]),
        # No stop, and 15 is the next paragraph: this one is no paragraph.
        ("14. We reaffirm it, for 15. We emphasize the Decade.\n15. We stress it.",
         ["14", "15"], [False, False]),
        # No stop and the next paragraph not 16: nothing proves 15 was run in.
        ("14. We reaffirm it, for 15. We emphasize the Decade.\n17. We stress it.",
         ["14", "17"], [False, False]),
    ],
)  # fmt: skip
def test_a_paragraph_run_in_where_numbers_were_lost(
    raw: str, nums: list[str], cut: list[bool]
) -> None:
    # The lines a number opens are paragraphs of their own; a line that does not (the
    # heading) belongs to the paragraph before it. (Spans are into each chunk: the first
    # starts the raw text, where the heading rule looks for the start of a line.)
    chunks: list[str] = []
    for line in raw.split("\n"):
        if line[:1].isdigit() or not chunks:
            chunks.append(line)
        else:
            chunks[-1] += "\n" + line
    paras = [join_lines(chunk) for chunk in chunks]
    drafts = split_inline_numbers(classify(paras, EN), raw, EN)
    assert [d.num for d in drafts] == nums
    assert [d.cut for d in drafts] == cut


def join_lines(raw: str) -> Mapped:
    """The lines of ``raw`` joined into one paragraph, as the reader builds it."""
    lines = [line.text for line in _lines(raw)]
    return unbreak(lines, " ")


@pytest.mark.parametrize(
    ("text", "opens"),
    [
        # 80/3: paragraph 2 lost its number; it opens with an operative phrase, after a
        # blank line, and the paragraph before ended with its semicolon.
        ("1. Endorses the declaration;\n\nExpresses its profound gratitude.\n", True),
        ("1. Decides to convene it;\n\nRequests the Secretary-General to report.\n", True),
        # An item of a list whose letter extraction lost (as in 80/11's paragraph 2).
        ("1. Recognizes the role, and in this regard:\n\nDecides to seek advice;\n\n"
         "Requests the Commission to act;\n", False),
        ("1. Calls upon States:\n(a) To act;\n\nEncourages all to act.\n", False),
        ("1. Calls upon States to act as follows;\n(a) To act;\n\nEncourages all.\n",
         False),
        # No blank line before it, a paragraph that ended without a semicolon, a
        # declaration's sentence (``We ...``), or a preambular phrase: no paragraph.
        ("1. Endorses the declaration;\nExpresses its gratitude.\n", False),
        ("1. Endorses the declaration of the\n\nExpresses its gratitude.\n", False),
        ("1. We stress the need;\n\nWe will ensure that it is met.\n", False),
        ("1. Endorses the declaration;\n\nRecognizing the role of States;\n", False),
    ],
)  # fmt: skip
def test_a_numbered_paragraph_whose_number_extraction_lost(text: str, opens: bool) -> None:
    paras = group(_lines(text), EN, blank_lines_meaningful=True)
    assert len(paras) == (2 if opens else 1)
    drafts = classify([unbreak([line.text for line in p], " ") for p in paras], EN)
    warnings = numbering_warnings(drafts, "operative")
    if opens:
        assert [(d.num, d.kind) for d in drafts] == [(text[0], "operative"), (None, "operative")]
        [warning] = warnings
        assert warning.code == "numbering"
        assert warning.message.startswith(f"operative paragraph after {text[0]} has no number")
        assert warning.span == drafts[1].full.span()
    else:
        assert warnings == []
    # Where blank lines say nothing, a paragraph without a number is never split off.
    assert len(group(_lines(text), EN, blank_lines_meaningful=False)) == 1


ZH = languages.get("zh")


@pytest.mark.parametrize(
    ("pack", "kind", "text", "found"),
    [
        # 80/23's paragraph 2 opens with a clause: its phrase follows the clause's comma.
        (EN, "operative",
         "Pending the total elimination of nuclear weapons, urges those States to act;",
         ("urges", "urges")),
        (EN, "operative", "In this regard, requests the Secretary-General to report;",
         ("requests", "requests")),
        (ZH, "operative", "在这方面，请秘书长提交报告；", ("请", "requests")),
        # 请 invites those the body does not direct (37/23 op_4: ``Invites relevant United
        # Nations human rights mechanisms and procedures``); it requests the others.
        (ZH, "operative", "请联合国有关人权机制及程序继续重视合作；", ("请", "invites")),
        (ZH, "operative", "又请联合国有关人权机制及程序继续重视合作；", ("又请", "invites_also")),
        (ZH, "operative", "还请联合国有关人权机制及程序继续重视合作；",
         ("还请", "invites_further")),
        (ZH, "operative", "请秘书长提交报告；", ("请", "requests")),
        (ZH, "operative", "又请秘书长提交报告；", ("又请", "requests_also")),
        (ZH, "operative", "邀请联合国有关人权机制及程序继续重视合作；", ("邀请", "invites")),
        # The phrase the paragraph opens with wins; a preambular one in an operative
        # paragraph is still its phrase.
        (EN, "operative", "Urges States, requests all;", ("Urges", "urges")),
        (EN, "operative", "Recognizing that States, urges all;", ("Recognizing", "recognizing")),
        # After the comma: a capital, a declaration's ``we``, no phrase; a clause too long;
        # not in a preambular paragraph.
        (EN, "operative", "Pending the elimination, Urges States;", None),
        (EN, "operative", "While these problems are global, we will act;", None),
        (EN, "operative", "While these problems are global, we reaffirm our resolve;", None),
        # A declaration's States speak: ``We reaffirm`` keys as ``Reaffirms`` (80/5's
        # annex), ``We also welcome`` as ``Also welcomes``; a ``We`` with no known verb
        # after it is ``we``.
        (EN, "operative", "We reaffirm the Copenhagen Declaration.", ("We reaffirm", "reaffirms")),
        (EN, "operative", "We also welcome the outcome.", ("We also welcome", "welcomes_also")),
        (EN, "operative", "We stress the need to act.", ("We stress", "stresses")),
        (EN, "operative", "We note with concern that progress fell short.",
         ("We note with concern", "notes_with_concern")),
        (EN, "operative", "We, Heads of State and Government, met in Doha.", ("We", "we")),
        (EN, "operative", "We will explore bold policies.", ("We", "we")),
        (EN, "operative", "Welcomes the report;", ("Welcomes", "welcomes")),
        (ZH, "operative", "我们重申《哥本哈根宣言》。", ("我们重申", "reaffirms")),
        (ZH, "operative", "我们还重申这些承诺。", ("我们还重申", "reaffirms_further")),
        (EN, "operative", "Pending the elimination, the States act;", None),
        (EN, "operative", "Pending " + "the elimination " * 12 + ", urges States;", None),
        (EN, "preamble", "Pending the total elimination, urges States;", None),
    ],
)  # fmt: skip
def test_opening_phrase(
    pack: languages.LanguagePack, kind: str, text: str, found: tuple[str, str] | None
) -> None:
    assert opening_phrase(text, kind, pack) == found
    if found:
        assert found[0] in text


@pytest.mark.parametrize(
    ("pack", "title", "following", "expected"),
    [
        # 80/5's annex: its title alone on the line after ``Annex``.
        (EN, "Doha Political Declaration of the “World Social Summit”", "1. We, Heads of State,",
         True),
        (EN, "Rules of procedure", "Recalling its resolutions,", True),
        (ZH, "多哈政治宣言", "1. 我们，各国元首和政府首脑，", True),
        # A paragraph, not a title: it ends with punctuation, opens one, runs long, opens
        # lower-case; or what follows opens no paragraph.
        (EN, "The Heads of State met in Doha:", "1. We, Heads of State,", False),
        (EN, "Recalling its resolutions", "1. We, Heads of State,", False),
        (EN, "Declaration " * 20, "1. We, Heads of State,", False),
        (EN, "the declaration of the summit", "1. We, Heads of State,", False),
        (EN, "Doha Political Declaration", "and of the summit,", False),
    ],
)  # fmt: skip
def test_a_title_alone_over_a_paragraph(
    pack: languages.LanguagePack, title: str, following: str, expected: bool
) -> None:
    line, after = _lines(f"{title.strip()}\n\n{following}\n")
    assert is_title(line, after, pack) is expected
