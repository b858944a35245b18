"""Storing resolutions and reading them back, on SQLite and PostgreSQL."""

from __future__ import annotations

from dataclasses import replace

import pytest

from concord.errors import ConcordError
from concord.library import Filters, Library
from concord.library.store import Provenance, store
from concord.model.resolution import Resolution
from fixtures.library.factories import ga_72_169, hrc_37_23


def put(lib: Library, res: Resolution, digest: str | None = None) -> str:
    with lib.engine.begin() as conn:
        return store(conn, res, Provenance("test", digest or res.language + res.title, "t"))


@pytest.fixture
def filled(library: Library) -> Library:
    for res in (hrc_37_23("zh"), hrc_37_23("en"), ga_72_169()):
        assert put(library, res) == "new"
    return library


def test_model_objects_come_back_as_stored(filled: Library) -> None:
    assert filled.expression("A/HRC/RES/37/23", "zh") == hrc_37_23("zh")
    assert filled.expression("A/RES/72/169", "zh") == ga_72_169()


def test_two_languages_are_two_expressions_of_one_work(filled: Library) -> None:
    detail = filled.resolution("A/HRC/RES/37/23")
    assert detail.work.languages == ("en", "zh")
    assert (detail.work.body, detail.work.session, detail.work.number) == ("HRC", 37, "37/23")
    alignment = filled.paragraphs("A/HRC/RES/37/23")
    assert [p.eid for p in alignment.paragraphs] == ["pp_1", "pp_2", "op_1", "op_2"]
    assert alignment.paragraphs[3].texts["zh"].startswith("重申技术援助")
    assert alignment.paragraphs[3].texts["en"].startswith("Reaffirms")
    assert alignment.mismatches == ()


def test_alignment_reports_differing_counts(filled: Library) -> None:
    short = replace(hrc_37_23("en"), operative=hrc_37_23("en").operative[:1])
    assert put(filled, short, "short") == "updated"
    notes = filled.paragraphs("A/HRC/RES/37/23").mismatches
    assert "operative paragraphs differ: en 1, zh 2" in notes
    assert "op_2 missing in en" in notes


def test_same_content_is_unchanged_and_a_correction_keeps_history(filled: Library) -> None:
    assert put(filled, hrc_37_23("zh")) == "unchanged"
    corrected = replace(hrc_37_23("zh"), title="更正")
    assert put(filled, corrected, "v2") == "updated"
    exprs = filled.resolution("A/HRC/RES/37/23").expressions
    zh = [e for e in exprs if e.language == "zh"]
    assert [(e.current, e.title) for e in zh] == [(True, "更正"), (False, "Title A/HRC/RES/37/23")]
    assert zh[1].superseded_at
    assert filled.expression("A/HRC/RES/37/23", "zh").title == "更正"
    # the old text's paragraphs no longer answer searches
    assert filled.search("技术援助", Filters(body="HRC")).total == 1


def test_votes_per_state(filled: Library) -> None:
    record = filled.votes("A/HRC/RES/37/23")
    assert record.mode == "recorded_vote"
    assert record.tally == (2, 1, 1)
    assert {(v.state, v.position) for v in record.votes} == {
        ("CHN", "yes"),
        ("AGO", "yes"),
        ("USA", "no"),
        ("DEU", "abstain"),
    }
    assert filled.votes("A/RES/72/169").votes == ()


def test_reference_graph_both_ways(filled: Library) -> None:
    assert [c.target for c in filled.cites("A/RES/72/169")] == ["A/RES/70/1"]
    for target in ("70/1", "A/RES/70/1"):
        assert [c.symbol for c in filled.cited_by(target)] == ["A/RES/72/169"]
    assert {c.symbol for c in filled.cited_by("UDHR")} == {"A/HRC/RES/37/23"}
    assert len(filled.cited_by("71/1")) == 0


def test_mandates(filled: Library) -> None:
    page = filled.mandates(due_session=43)
    assert {(m.symbol, m.language, m.addressee) for m in page} == {
        ("A/HRC/RES/37/23", "zh", "HRC_AC"),
        ("A/HRC/RES/37/23", "en", "HRC_AC"),
    }
    assert filled.mandates(addressee="advisory").total == 2
    assert filled.mandates("A/RES/72/169").total == 0


def test_listing_with_filters(filled: Library) -> None:
    def symbols(f: Filters) -> list[str]:
        return [w.symbol for w in filled.resolutions(f)]

    assert symbols(Filters()) == ["A/RES/72/169", "A/HRC/RES/37/23"]
    assert symbols(Filters(body="hrc")) == ["A/HRC/RES/37/23"]
    assert symbols(Filters(year_from=2018)) == ["A/HRC/RES/37/23"]
    assert symbols(Filters(session_from=70, session_to=72)) == ["A/RES/72/169"]
    assert symbols(Filters(language="en")) == ["A/HRC/RES/37/23"]
    assert symbols(Filters(cites="70/1")) == ["A/RES/72/169"]
    assert symbols(Filters(voted=("usa", "no"))) == ["A/HRC/RES/37/23"]
    assert symbols(Filters(voted=("USA", "yes"))) == []


def test_frames_for_notebooks(filled: Library) -> None:
    frame = filled.resolutions().to_pandas()
    assert list(frame["symbol"]) == ["A/RES/72/169", "A/HRC/RES/37/23"]
    hits = filled.search("技术援助").to_polars()
    assert set(hits["symbol"]) == {"A/RES/72/169", "A/HRC/RES/37/23"}


def test_missing_things_are_404(filled: Library) -> None:
    with pytest.raises(ConcordError) as err:
        filled.resolution("A/RES/1/1")
    assert err.value.status == 404
    with pytest.raises(ConcordError):
        filled.expression("A/RES/72/169", "fr")


def test_a_resolution_is_found_by_its_number_or_its_symbol_written_otherwise(
    filled: Library,
) -> None:
    assert filled.resolution("72/169").work.symbol == "A/RES/72/169"
    assert filled.expression(" 72/169 ", "zh") == ga_72_169()
    assert filled.votes("37/23").tally == filled.votes("A/HRC/RES/37/23").tally
    # A part, written as the UN Digital Library writes it, is the symbol stored.
    part = replace(ga_72_169(), symbol="A/RES/36/87 B", number="36/87 B", title="parts")
    assert put(filled, part) == "new"
    for written in ("A/RES/36/87[B]", "A/RES/36/87B", "36/87B", "36/87 B"):
        assert filled.resolution(written).work.symbol == "A/RES/36/87 B", written
    # A number two bodies share names neither: the error lists them.
    ga = replace(ga_72_169(), symbol="A/RES/37/23", number="37/23", title="GA 37/23")
    assert put(filled, ga) == "new"
    with pytest.raises(ConcordError) as err:
        filled.resolution("37/23")
    assert err.value.message == (
        "'37/23' is the number of 2 resolutions (A/HRC/RES/37/23, A/RES/37/23): give the symbol"
    )
    for absent in ("37/24", "A/RES/36/87 C", "UDHR"):
        with pytest.raises(ConcordError, match="no resolution"):
            filled.resolution(absent)
