"""Decoding, the offset map, and each normalisation step on its own (table-driven)."""

from __future__ import annotations

import codecs
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from concord.errors import ConcordError
from concord.languages.zh import drop_stray_numbers
from concord.read import paragraphs
from concord.read.markers import MarkerState, take_markers
from concord.text import normalise as n
from concord.text.decode import decode, detect_encoding
from concord.text.mapped import Mapped, join

ZH = "人权理事会第三十七届会议，重申《世界人权宣言》。"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (ZH.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + ZH.encode("utf-8"), "utf-8"),
        (ZH.encode("utf-16"), "utf-16-le"),
        ("The General Assembly,\n".encode("utf-16-le"), "utf-16-le"),
        ("The General Assembly,\n".encode("utf-16-be"), "utf-16-be"),
        (ZH.encode("gb18030"), "gb18030"),
    ],
)
def test_encodings_detected(data: bytes, encoding: str) -> None:
    assert detect_encoding(data) == encoding
    assert decode(data).strip() in (ZH, "The General Assembly,")


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"", "empty file"),
        (b"  \n\n ", "empty file"),
        (b"\x00\x01\x02\x03binary\x00\xff\xfe\x00\x00", "binary"),
        (bytes(range(256)) * 4, "binary"),
        # Valid UTF-8 (with and without a BOM), GB18030 and UTF-16, full of control bytes.
        (b"text\x01\x02\x03\x04" * 50, "binary"),
        (codecs.BOM_UTF8 + b"text\x01\x02\x03\x04" * 50, "binary"),
        ("\u4eba\u6743\x01\x02".encode("gb18030") * 50, "binary"),
        (codecs.BOM_UTF16_LE + "text\x01\x02\x03\x04".encode("utf-16-le") * 50, "binary"),
    ],
)
def test_bad_bytes_are_refused_by_name(data: bytes, problem: str) -> None:
    with pytest.raises(ConcordError, match=problem) as err:
        decode(data, "bad.txt")
    assert str(err.value).startswith("bad.txt: ")


def test_mapped_sub_keeps_offsets() -> None:
    raw = "a **bold** word\nnext"
    m = n.drop_emphasis(Mapped.of(raw))
    assert m.text == "a bold word\nnext"
    start = m.text.index("word")
    assert raw[m.to_raw(start) : m.to_raw(start) + 4] == "word"
    s, e = m.span(m.text.index("next"), len(m.text))
    assert raw[s:e] == "next"


def test_join_maps_each_piece() -> None:
    raw = "abc\ndef"
    lines = Mapped.of(raw).lines()
    joined = join(lines, " ")
    assert joined.text == "abc def"
    assert raw[joined.to_raw(4)] == "d"
    assert joined.span() == (0, 7)


@given(st.text(max_size=200), st.integers(0, 50), st.integers(0, 50))
def test_slices_map_back_to_the_same_characters(text: str, a: int, b: int) -> None:
    m = Mapped.of(text)
    piece = m.slice(min(a, b), max(a, b))
    for i, char in enumerate(piece.text):
        assert text[piece.to_raw(i)] == char


@given(st.text(alphabet="ab* \n字", max_size=120))
def test_every_step_keeps_characters_traceable(text: str) -> None:
    m = n.normalise_document(Mapped.of(text))
    for i, char in enumerate(m.text):
        raw = text[m.to_raw(i)]
        assert raw == char or char in " \n-"


@pytest.mark.parametrize(
    ("step", "before", "after"),
    [
        (n.unify_newlines, "a\r\nb\rc\x0cd", "a\nb\nc\nd"),
        (n.unify_spaces, "a\u00a0b\u3000c\td", "a b c d"),
        (n.drop_invisible, "non\u00adselective\u200b", "nonselective"),
        (n.plain_hyphens, "non\u2011intervention", "non-intervention"),
        (n.drop_emphasis, "1. **重申**通过", "1. 重申通过"),
        (n.drop_emphasis, "*Recalling* its", "Recalling its"),
        (n.mend_symbol_spaces, "(A/72/439/Add. 2)", "(A/72/439/Add.2)"),
        (n.mend_hyphen_space, "non- politicization", "non-politicization"),
        (n.drop_cjk_spaces, "宣言》、 大会 2015 年", "宣言》、大会 2015 年"),
        (drop_stray_numbers, "至 24 日 30 在日内瓦", "至 24 日在日内瓦"),
        (drop_stray_numbers, "第 54 次会议", "第 54 次会议"),
        (drop_stray_numbers, "以 28 票对 1 票", "以 28 票对 1 票"),
        (drop_stray_numbers, "补编第 53 号", "补编第 53 号"),
    ],
)
def test_steps(step: n.Step, before: str, after: str) -> None:
    assert step(Mapped.of(before)).text == after


@pytest.mark.parametrize(
    ("line", "dropped"),
    [
        ("GE.18-05246(C)", True),
        ("GE.18-05246 (C) 090418 100418", True),
        ("23-21227 (E) 131123", True),
        ("*2321227*A/C.3/78/L.41", True),
        ("8/9 23-21227A/C.3/78/L.41", True),
        # Odd pages put the job number first, the page glued to the symbol; the last page
        # has no symbol.
        ("23-21227 3/9A/C.3/78/L.41", True),
        ("23-21227 9/9", True),
        ("23-21227 3/9 of the draft", False),
        ("2/9 23-21227A/C.3/78/L.41", True),
        ("A/78/481/Add.3", True),
        ("3", True),
        ("- 3 -", True),
        ("__________________", True),
        ("1. Calls upon all States", False),
        ("第 54 次会议", False),
        ("2018 年 3 月 23 日", False),
        ("A/CONF.157/24(Part I)和 A/CONF.157/24(Part I)/Corr.1，第三章。", False),
    ],
)
def test_page_furniture(line: str, dropped: bool) -> None:
    assert (n.is_job_number(line) or n.is_page_furniture(line)) == dropped
    assert n.is_furniture(line) == dropped


@given(st.from_regex(n._FURNITURE))
def test_furniture_passes_the_cheap_test(line: str) -> None:
    # The cheap test ahead of the patterns rules out only lines none of them matches.
    line = line.split("\n")[0]
    if n._FURNITURE.match(line):
        assert n.could_be_furniture(line)


@pytest.mark.parametrize(
    ("lines", "joiner", "joined"),
    [
        (["重申所有人权都是普遍、必", "须以公正"], "", "重申所有人权都是普遍、必须以公正"),
        (["the Human Rights", "Council"], " ", "the Human Rights Council"),
        (["Timor-", "Leste"], " ", "Timor-Leste"),
        (["刚果民主共", "和国"], " ", "刚果民主共和国"),
    ],
)
def test_unbreak(lines: list[str], joiner: str, joined: str) -> None:
    assert n.unbreak([Mapped.of(x) for x in lines], joiner).text == joined


@pytest.mark.parametrize(
    ("text", "known", "clean", "cited"),
    [
        ("《维也纳宣言和行动纲领》¹ 中关于", {"1"}, "《维也纳宣言和行动纲领》 中关于", ["1"]),
        ("Declaration of Human Rights,1 the International Covenants on Human Rights2 and",
         {"1", "2"}, "Declaration of Human Rights, the International Covenants on Human Rights and",
         ["1", "2"]),
        ("Political Declarations of 20172 and 2021,3 and", {"1", "2", "3"},
         "Political Declarations of 2017 and 2021, and", ["2", "3"]),
        ("pursuant to resolution 77/2285 and", {"5"}, "pursuant to resolution 77/228 and", ["5"]),
        ("resolution 70/153 and", {"3"}, "resolution 70/153 and", []),
        ("report [^2] of", {"2"}, "report of", ["2"]),
        ("(A/80/L.6) and paragraph 6 of", {"6"}, "(A/80/L.6) and paragraph 6 of", []),
        ("rose by 4.5 per cent", {"5"}, "rose by 4.5 per cent", []),
    ],
)  # fmt: skip
def test_footnote_markers(text: str, known: set[str], clean: str, cited: list[str]) -> None:
    state = MarkerState(frozenset(known))
    if text.startswith("Political"):
        state.expected = 2
    if "77/2285" in text or "70/153" in text:
        state.expected = int(next(iter(known)))
    out, found = take_markers(Mapped.of(text), state)
    assert out.text == clean
    assert found == cited


@pytest.mark.parametrize(
    ("text", "expected", "clean", "cited"),
    [
        # After a comma or a sentence's full stop, before a capital.
        ("treaties of Tlatelolco, Rarotonga, 3 Bangkok and Pelindaba", 3,
         "treaties of Tlatelolco, Rarotonga, Bangkok and Pelindaba", ["3"]),
        ("in compliance with the Paris Principles. 13 We will promote", 13,
         "in compliance with the Paris Principles. We will promote", ["13"]),
        ("commitments in the Pact for the Future. 16", 16,
         "commitments in the Pact for the Future.", ["16"]),
        ("submission of its updated version in 2014, 3", 3,
         "submission of its updated version in 2014,", ["3"]),
        ("made by a number of States 4 that they would not", 4,
         "made by a number of States that they would not", ["4"]),
        ("the returns of Member States for 2021, 1 2022,2 20233 and", 1,
         "the returns of Member States for 2021, 2022, 2023 and", ["1", "2", "3"]),
        # Counts, abbreviations, years and notes not expected next stay.
        ("in 2015, 4 States reported", 3, "in 2015, 4 States reported", []),
        ("see para. 7 The", 7, "see para. 7 The", []),
        ("adopted in 2015. 5 States", 5, "adopted in 2015. 5 States", []),
        ("the Future. 16 was", 16, "the Future. 16 was", []),
        ("in the years 2020, 3 2021 and", 4, "in the years 2020, 3 2021 and", []),
        ("in 2015, 3 20172 and", 3, "in 2015, 3 20172 and", []),
        ("decisions 73/512 of 5 December 2018 and 75/514 of", 1,
         "decisions 73/512 of 5 December 2018 and 75/514 of", []),
        ("Recalling decisions C-24/DEC.4 and C-24/DEC.5 of", 4,
         "Recalling decisions C-24/DEC.4 and C-24/DEC.5 of", []),
    ],
)  # fmt: skip
def test_spaced_markers(text: str, expected: int, clean: str, cited: list[str]) -> None:
    state = MarkerState(frozenset(str(n) for n in range(1, 20)), expected=expected)
    out, found = take_markers(Mapped.of(text), state)
    assert (out.text, found) == (clean, cited)


def test_marker_removal_keeps_spans() -> None:
    raw = "of Human Rights,1 the"
    out, _ = take_markers(Mapped.of(raw), MarkerState(frozenset({"1"})))
    i = out.text.index("the")
    assert raw[out.to_raw(i) : out.to_raw(i) + 3] == "the"
    assert not re.search(r"\d", out.text)


@given(
    st.sampled_from(["2", "6", "12"]).flatmap(
        lambda number: st.tuples(
            st.just(number),
            st.text(alphabet="0123456789 .;:/6A。．\u1680", max_size=40),
            st.from_regex(paragraphs._inline_number(number)),
        )
    )
)
def test_inline_numbers_pass_the_cheap_test(case: tuple[str, str, str]) -> None:
    # The cheap test ahead of the pattern rules out only texts the pattern finds nothing in.
    number, noise, text = case
    for candidate in (text, noise, noise + text):
        if paragraphs._inline_number(number).search(candidate):
            assert paragraphs._may_hold_inline_number(candidate, number)
