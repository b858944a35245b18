"""Search: Chinese terms of any length, ranking, snippets, filters; recall against a
plain substring scan on the real Chinese seed texts, on both engines."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from concord.errors import ConcordError
from concord.library import Filters, Library
from concord.library.filters import NO_FILTERS
from concord.library.search import substring_scan
from concord.library.store import Provenance, store
from concord.library.tokens import CJK_CLASS
from concord.model.resolution import Resolution
from fixtures.library.factories import ga_72_169, hrc_37_23, resolution

RUN = re.compile(f"[{CJK_CLASS}]+")


def put(lib: Library, *resolutions: Resolution) -> Library:
    with lib.engine.begin() as conn:
        for res in resolutions:
            store(conn, res, Provenance("test", res.language + (res.symbol or ""), "t"))
    return lib


def seed_resolution(path: Path, symbol: str) -> Resolution:
    """A seed text cut at blank lines, each block one paragraph (no reader needed)."""
    blocks = [b.strip() for b in re.split(r"\n\s*\n", path.read_text(encoding="utf-8"))]
    blocks = [re.sub(r"\s+", "", b) for b in blocks if b]
    return resolution(symbol, "zh", blocks[: len(blocks) // 2], blocks[len(blocks) // 2 :])


def hits(lib: Library, query: str, f: Filters = NO_FILTERS) -> set[tuple[str, str, str]]:
    return {(h.symbol, h.language, h.eid) for h in lib.search(query, f, limit=1000)}


def test_technical_assistance_finds_both_paragraphs(library: Library) -> None:
    put(library, hrc_37_23("zh"), hrc_37_23("en"), ga_72_169())
    page = library.search("技术援助")
    assert {(h.symbol, h.eid) for h in page} == {
        ("A/HRC/RES/37/23", "op_2"),
        ("A/RES/72/169", "op_1"),
    }
    assert page.total == 2
    for hit in page:
        assert "[技术援助]" in hit.snippet
        start, end = hit.highlights[0]
        assert hit.text[start:end] == "技术援助"


def test_two_character_and_one_character_words(library: Library) -> None:
    put(library, hrc_37_23("zh"), ga_72_169())
    assert hits(library, "人权") == {
        ("A/HRC/RES/37/23", "zh", "pp_2"),
        ("A/HRC/RES/37/23", "zh", "op_2"),
    }
    assert hits(library, "秘") == {("A/RES/72/169", "zh", "op_2")}


def test_filters_on_paragraphs(library: Library) -> None:
    put(library, hrc_37_23("zh"), hrc_37_23("en"), ga_72_169())
    assert hits(library, "重申", Filters(kind="preamble")) == {("A/HRC/RES/37/23", "zh", "pp_2")}
    assert hits(library, "重申", Filters(intro_key="reaffirms")) == {
        ("A/HRC/RES/37/23", "zh", "op_2")
    }
    assert hits(library, "请", Filters(intro_key="requests")) == {("A/RES/72/169", "zh", "op_2")}
    assert hits(library, "技术援助", Filters(body="GA", year_from=2017, year_to=2017)) == {
        ("A/RES/72/169", "zh", "op_1")
    }
    assert hits(library, "技术援助", Filters(session_from=37, session_to=37)) == {
        ("A/HRC/RES/37/23", "zh", "op_2")
    }
    assert hits(library, "技术援助", Filters(cites="A/RES/70/1")) == {
        ("A/RES/72/169", "zh", "op_1")
    }
    assert hits(library, "technical", Filters(voted=("CHN", "yes"), language="en")) == {
        ("A/HRC/RES/37/23", "en", "op_2")
    }
    assert hits(library, "技术援助", Filters(voted=("USA", "yes"))) == set()


def test_latin_words_phrases_and_prefixes(library: Library) -> None:
    put(library, hrc_37_23("en"))
    assert len(hits(library, "Charter")) == 1
    assert len(hits(library, '"technical assistance"')) == 1
    assert len(hits(library, '"assistance technical"')) == 0
    assert len(hits(library, "reaffirm*")) == 2


def test_ranking_and_pages(library: Library) -> None:
    docs = [
        resolution(f"A/RES/1/{i}", "en", [], ["rights " * i + "filler " * (20 - i)])
        for i in range(1, 8)
    ]
    put(library, *docs)
    first = library.search("rights", limit=3)
    assert first.total == 7
    assert [h.symbol for h in first] == ["A/RES/1/7", "A/RES/1/6", "A/RES/1/5"]
    assert [h.score for h in first] == sorted((h.score for h in first), reverse=True)
    rest = library.search("rights", limit=3, offset=3)
    assert [h.symbol for h in rest] == ["A/RES/1/4", "A/RES/1/3", "A/RES/1/2"]


def test_bad_queries_are_user_errors(library: Library) -> None:
    for query in ("", "  ", "《》，"):
        with pytest.raises(ConcordError):
            library.search(query)
    with pytest.raises(ConcordError):
        library.search("x", limit=0)
    assert library.search('"NEAR(x" OR AND *') is not None


def test_recall_against_substring_scan_on_seeds(library: Library, shared: Path) -> None:
    seeds = sorted((shared / "seeds").glob("*.txt"))
    put(library, *(seed_resolution(p, f"A/RES/99/{i}") for i, p in enumerate(seeds, 1)))
    text = "".join(p.read_text(encoding="utf-8") for p in seeds)
    runs = RUN.findall(text)
    terms = {r[i : i + 2] for r in runs for i in range(len(r) - 1)}
    rng = random.Random(7)
    for n in (1, 3, 4, 6):
        for run in rng.sample([r for r in runs if len(r) >= n], 40):
            start = rng.randrange(len(run) - n + 1)
            terms.add(run[start : start + n])
    with library.engine.connect() as conn:
        missed = [t for t in sorted(terms) if hits(library, t) != substring_scan(conn, t)]
    assert len(terms) > 1000
    assert missed == [], f"recall below 100% for {len(missed)} of {len(terms)} terms"
