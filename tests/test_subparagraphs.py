"""Sub-paragraphs: lists checked against their sequence, and lists whose markers
extraction lost in part read with the markers restored."""

from __future__ import annotations

from itertools import pairwise

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st
from tests.conftest import SAMPLES

from concord.export import to_text
from concord.read import parse_file
from concord.read.paragraphs import SubDraft, find_subparagraphs


def _read(
    text: str,
) -> tuple[str, list[tuple[str, bool, str, list[tuple[str, bool, str]]]], list[str]]:
    """The chapeau, each item as (marker, restored, text, its own items), and the problems."""
    problems: list[str] = []
    end, items = find_subparagraphs(text, problems)

    def one(item: SubDraft) -> tuple[str, bool, str]:
        return item.marker, item.restored, text[item.start : item.end].strip()

    out = [(*one(item), [one(child) for child in item.children]) for item in items]
    return text[:end].strip(), out, problems


CASES = [
    # (text, chapeau, [(marker, restored, text, children)], problems)
    pytest.param(
        "Requests the Secretary-General: (a) To report; (b) To consult.",
        "Requests the Secretary-General:",
        [("a", False, "To report;", []), ("b", False, "To consult.", [])],
        [],
        id="all-printed",
    ),
    pytest.param(
        "Requests the Secretary-General: To report; To consult; (c) To convene.",
        "Requests the Secretary-General:",
        [
            ("a", True, "To report;", []),
            ("b", True, "To consult;", []),
            ("c", False, "To convene.", []),
        ],
        [],
        id="first-two-lost",
    ),
    pytest.param(
        "Decides: (a) To act; To report; (c) To review; To close.",
        "Decides:",
        [
            ("a", False, "To act;", []),
            ("b", True, "To report;", []),
            ("c", False, "To review;", []),
            ("d", True, "To close.", []),
        ],
        [],
        id="gaps-and-tail",
    ),
    pytest.param(
        "Stresses, by: Doing one; Doing two, as follows: Assisting States; (ii) Inviting"
        " banks; Taking note; (d) Requesting more.",
        "Stresses, by:",
        [
            ("a", True, "Doing one;", []),
            (
                "b",
                True,
                "Doing two, as follows: Assisting States; (ii) Inviting banks;",
                [("i", True, "Assisting States;"), ("ii", False, "Inviting banks;")],
            ),
            ("c", True, "Taking note;", []),
            ("d", False, "Requesting more.", []),
        ],
        [],
        id="nested-roman",
    ),
    pytest.param(
        "Commits to: Taking one; Taking two; (d) Taking four; Taking five.",
        "Commits to: Taking one; Taking two;",
        [("d", False, "Taking four;", []), ("e", True, "Taking five.", [])],
        ["2 items have no markers before (d), and no sequence of markers fits"],
        id="count-does-not-fit",
    ),
    pytest.param(
        "To this end, we Adopting one; Supporting two; (m) Considering; Reinforcing.",
        "To this end, we Adopting one; Supporting two;",
        [("m", False, "Considering;", []), ("n", True, "Reinforcing.", [])],
        ["the items before (m) have no markers"],
        id="no-colon-before-the-first-marker",
    ),
    pytest.param(
        "Decides: To act; (b) To do as follows: Holding talks.",
        "Decides:",
        [("a", True, "To act;", []), ("b", False, "To do as follows: Holding talks.", [])],
        ["1 item has no markers at the end of the list, and several sequences fit"],
        id="item-after-a-colon-could-be-a-letter-or-nested",
    ),
    pytest.param(
        "Requests the Secretary-General: To report; To consult; To convene.",
        "Requests the Secretary-General: To report; To consult; To convene.",
        [],
        [],
        id="no-marker-printed-nothing-restored",
    ),
    pytest.param(
        "Recalls its resolution 70/1; Notes paragraph 3 (c) of it; (b) To act.",
        "Recalls its resolution 70/1; Notes paragraph 3 (c) of it; (b) To act.",
        [],
        [],
        id="marker-in-running-text-is-text",
    ),
    pytest.param(
        "Decides: (a) To act; (b) To report; (a) again.",
        "Decides:",
        [("a", False, "To act;", []), ("b", False, "To report; (a) again.", [])],
        [],
        id="marker-back-in-sequence-is-text",
    ),
]


@pytest.mark.parametrize(("text", "chapeau", "items", "problems"), CASES)
def test_lists(
    text: str,
    chapeau: str,
    items: list[tuple[str, bool, str, list[tuple[str, bool, str]]]],
    problems: list[str],
) -> None:
    assert _read(text) == (chapeau, items, problems)


@given(
    st.lists(
        st.sampled_from(["To report", "To consult States", "Taking note", "Être"]),
        min_size=1,
        max_size=26,
    ),
    st.data(),
)
def test_a_flat_list_with_any_markers_lost_reads_as_printed(
    items: list[str], data: st.DataObject
) -> None:
    """However many markers a flat list lost, one printed marker after a lost one places
    all the rest. (Where the printed ones are all the first ones, the items after them
    are read as part of the last one, as in a list with no marker lost.)"""
    kept = data.draw(st.sets(st.integers(0, len(items) - 1), min_size=1))
    assume(any(i - 1 not in kept for i in kept if i))
    parts = [
        (f"({chr(ord('a') + i)}) " if i in kept else "")
        + item
        + (";" if i < len(items) - 1 else ".")
        for i, item in enumerate(items)
    ]
    text = "Requests the Secretary-General: " + " ".join(parts)
    chapeau, read, problems = _read(text)
    assert chapeau == "Requests the Secretary-General:"
    assert [(marker, restored) for marker, restored, _, _ in read] == [
        (chr(ord("a") + i), i not in kept) for i in range(len(items))
    ]
    assert [t for _, _, t, _ in read] == [p.split(") ", 1)[-1] for p in parts]
    assert problems == []


def test_a_long_run_of_unmarked_items_that_nothing_fits_is_read_in_one_pass() -> None:
    # After an item ending in a colon, each unmarked item could be a letter or a Roman
    # item: 2 ** 60 sequences, none ending before a second (a). Counted state by state.
    items = "; ".join(["Taking note"] * 60)
    text = f"Decides: To act; (b) Holding talks: {items}; (a) Again."
    chapeau, read, problems = _read(text)
    assert chapeau == "Decides:"
    assert read == [
        ("a", True, "To act;", []),
        ("b", False, f"Holding talks: {items}; (a) Again.", []),
    ]
    assert problems == ["60 items have no markers before (a), and no sequence of markers fits"]


def test_ga_80_12_request_whose_first_two_markers_were_lost() -> None:
    res = parse_file(SAMPLES / "A_RES_80_12.en.txt")
    (op_7,) = [p for p in res.operative if p.id == "op_7"]
    assert [s.num for s in op_7.subparagraphs] == [f"({c})" for c in "abcdefghi"]
    assert op_7.subparagraphs[1].text.startswith("To circulate annually a note verbale")
    (warning,) = [w for w in res.warnings if w.code == "restored_markers"]
    assert warning.message.startswith("op_7: the markers (a), (b) are not in the text")
    assert warning.span == op_7.span


def test_the_chapeau_is_the_text_before_the_first_item_whether_its_marker_was_printed() -> None:
    res = parse_file(SAMPLES / "A_RES_80_12.en.txt")
    (op_7,) = [p for p in res.operative if p.id == "op_7"]
    assert op_7.chapeau() == "Requests the Secretary-General, within available resources:"
    rendered = to_text(res)
    assert "within available resources:\n    (a) To continue the practice" in rendered
    assert rendered.count("To circulate annually a note verbale") == 1
    printed = [
        p
        for p in parse_file(SAMPLES / "A_RES_80_3.en.txt").paragraphs()
        if p.subparagraphs and not p.subparagraphs[0].text.startswith("(")
    ]
    assert printed
    for para in printed:
        assert para.text.startswith(para.chapeau())
        assert para.text[len(para.chapeau()) :].lstrip().startswith("(a)")


def test_ga_80_5_list_whose_items_do_not_fit_is_not_split_and_says_so() -> None:
    res = parse_file(SAMPLES / "A_RES_80_5.en.txt")
    para = {p.id: p for a in res.annexes for p in a.paragraphs}["annex_1__para_29"]
    assert [s.num for s in para.subparagraphs] == ["(m)", "(n)", "(o)"]
    assert any(
        w.code == "unmarked_items" and w.message.startswith("annex_1__para_29: 11 items")
        for w in res.warnings
    )


_PIECES = st.sampled_from(
    ["(a) ", "(b) ", "(c) ", "(i) ", "(ii) ", "(m) ", "; ", ": ", ", ", ". ", "To act", "Taking",
     "the text", " ", "\n", "(", ")", "我们", "；", "："]
)  # fmt: skip


@given(st.lists(_PIECES, max_size=40).map("".join))
def test_any_text_reads_as_ordered_items_inside_it(text: str) -> None:
    problems: list[str] = []
    chapeau_end, items = find_subparagraphs(text, problems)
    assert 0 <= chapeau_end <= len(text)
    spans = [(s.start, s.end) for item in items for s in (item, *item.children)]
    assert all(0 <= a <= b <= len(text) for a, b in spans)
    starts = [item.start for item in items]
    assert starts == sorted(starts) and all(chapeau_end <= a for a in starts)
    for item in items:
        assert all(item.start <= c.start and c.end <= item.end for c in item.children)
    letters = [item.marker for item in items]
    assert all(ord(b) > ord(a) for a, b in pairwise(letters))
