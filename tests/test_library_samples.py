"""The sample library built by ``concord demo`` with the real reader: what a new user sees."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from concord.library import Filters, Library, open_library
from concord.library.demo import build_demo, samples_dir, shared_hrc_texts
from concord.library.search import substring_scan
from concord.library.tokens import CJK_CLASS

pytest.importorskip("concord.read.parse", reason="the reader is not in this checkout yet")


@pytest.fixture
def sample_library(store_url: str, shared: Path) -> Iterator[Library]:
    lib = open_library(store_url)
    summary = build_demo(lib)
    assert summary.failed == 0, summary.lines()
    yield lib
    lib.close()


def test_technical_assistance_in_both_resolutions(sample_library: Library) -> None:
    found = {(h.symbol, h.eid) for h in sample_library.search("技术援助", limit=100)}
    assert {("A/HRC/RES/37/23", "op_2"), ("A/RES/72/169", "op_11")} <= found


def test_37_23_in_two_languages_aligned_with_46_votes(sample_library: Library) -> None:
    alignment = sample_library.paragraphs("A/HRC/RES/37/23")
    assert alignment.languages == ("en", "zh")
    both = [p for p in alignment.paragraphs if set(p.texts) == {"en", "zh"}]
    assert len(both) == 20
    op2 = next(p for p in alignment.paragraphs if p.eid == "op_2")
    assert "technical assistance" in op2.texts["en"] and "技术援助" in op2.texts["zh"]
    record = sample_library.votes("A/HRC/RES/37/23")
    assert (record.tally, len(record.votes)) == ((28, 1, 17), 46)


def test_70_1_is_cited_by_72_169(sample_library: Library) -> None:
    assert "A/RES/72/169" in {c.symbol for c in sample_library.cited_by("70/1")}


def _cited(library: Library, target: str) -> set[tuple[str, str]]:
    return {(c.symbol, c.target) for c in library.cited_by(target)}


def test_parts_of_a_resolution_are_cited_by_number_and_symbol(sample_library: Library) -> None:
    """80/17 cites ``36/87 A and B`` and 80/30 ``53/77 AA``: a part is found however it is
    written, and the whole resolution finds its parts (but a part not its siblings)."""
    a, b = ("A/RES/80/17", "A/RES/36/87 A"), ("A/RES/80/17", "A/RES/36/87 B")
    for whole in ("36/87", "A/RES/36/87", " 36/87 "):
        assert _cited(sample_library, whole) == {a, b}, whole
    for part in (
        "36/87 B",
        "36/87B",
        "36/87  B",
        "A/RES/36/87 B",
        "A/RES/36/87B",
        "A/RES/36/87[B]",
    ):
        assert _cited(sample_library, part) == {b}, part
    for absent in ("36/87 C", "A/RES/36/87 C", "36/8", "6/87", "A/RES/36/8", "36/87 BB"):
        assert _cited(sample_library, absent) == set(), absent
    aa = ("A/RES/80/30", "A/RES/53/77 AA")
    assert _cited(sample_library, "53/77 AA") == {aa}
    assert _cited(sample_library, "A/RES/53/77AA") == {aa}
    assert aa not in _cited(sample_library, "53/77 A")
    assert aa in _cited(sample_library, "53/77")
    # The filter of listings and searches means the same.
    listed = [w.symbol for w in sample_library.resolutions(Filters(cites="A/RES/36/87[B]"))]
    assert listed == ["A/RES/80/17"]
    # Not a resolution: itself only (``_`` in an instrument's id is no LIKE wildcard).
    rome = _cited(sample_library, "ROME_STATUTE")
    assert ("A/RES/80/6", "ROME_STATUTE") in rome
    assert {target for _, target in rome} == {"ROME_STATUTE"}
    assert _cited(sample_library, "ROMExSTATUTE") == set()


def test_an_instrument_is_cited_by_id_or_by_name_in_either_language(
    sample_library: Library,
) -> None:
    udhr = _cited(sample_library, "UDHR")
    assert {"A/HRC/RES/37/23", "A/RES/72/169"} <= {symbol for symbol, _ in udhr}
    for named in (
        "udhr",
        "Universal Declaration of Human Rights",
        "世界人权宣言",
        "《世界人权宣言》",
    ):
        assert _cited(sample_library, named) == udhr, named
    # A name for two instruments finds the citations of either.
    both = _cited(sample_library, "International Covenants on Human Rights")
    assert both == _cited(sample_library, "ICCPR") | _cited(sample_library, "ICESCR")
    assert {target for _, target in both} == {"ICCPR", "ICESCR"}
    assert _cited(sample_library, "Universal Declaration of Human Wrongs") == set()


def test_rebuilding_changes_nothing(sample_library: Library) -> None:
    again = build_demo(sample_library)
    assert (again.new, again.updated, again.failed) == (0, 0, 0)
    assert again.unchanged == again.read


def test_chinese_recall_is_complete_on_the_samples(sample_library: Library) -> None:
    import re

    texts = [p.read_text(encoding="utf-8") for p in samples_dir().glob("*.zh.txt")]
    runs = [r for t in texts for r in re.findall(f"[{CJK_CLASS}]+", t)]
    terms = sorted(
        {r[i : i + n] for r in runs for n in (1, 2, 4) for i in range(0, len(r) - n + 1, 5)}
    )
    with sample_library.engine.connect() as conn:
        missed = [
            t
            for t in terms
            if {(h.symbol, h.language, h.eid) for h in sample_library.search(t, limit=1000)}
            != substring_scan(conn, t)
        ]
    assert missed == []


def test_demo_reads_the_hrc_texts_from_shared(shared: Path) -> None:
    assert [p.name for p in shared_hrc_texts()][:2] == [
        "A_HRC_RES_37_21.en.txt",
        "A_HRC_RES_37_23.en.txt",
    ]


def test_section_headings_are_kept_with_their_paragraphs(sample_library: Library) -> None:
    from concord.library import printing
    from concord.read import parse_file

    read = parse_file(samples_dir() / "A_RES_80_11.en.txt")
    printed = {p.id: p.heading for p in read.paragraphs() if p.heading}
    assert printed["op_13"] == "Peacebuilding financing"
    alignment = sample_library.paragraphs("A/RES/80/11")
    assert {p.eid: p.headings for p in alignment.paragraphs if p.headings} == {
        eid: {"en": heading} for eid, heading in printed.items()
    }
    hits = sample_library.search("peacebuilding financing", limit=100)
    assert {h.eid: h.heading for h in hits if h.symbol == "A/RES/80/11"}["op_13"] == (
        "Peacebuilding financing"
    )
    detail = sample_library.resolution("A/RES/80/11")
    lines = printing.show(detail, alignment, sample_library.votes("A/RES/80/11"))
    at = lines.index("§ [en] Peacebuilding financing")
    assert lines[at + 1] == "op_13 (13)"
