"""Search takes the index's best rows first and joins only those: the answers (order,
pages, totals) stay those of one query joining every match, on both engines, whether the
first rows suffice, filters reject them, or the index holds rows no longer current."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from concord.library import Filters, Library
from concord.library import schema as t
from concord.library import search as searching
from concord.library.filters import NO_FILTERS
from concord.library.store import Provenance, store
from fixtures.library.factories import resolution


def fill(lib: Library) -> None:
    """30 English and 5 Chinese resolutions; ties in score are frequent (same texts)."""
    with lib.engine.begin() as conn:
        for i in range(30):
            text = "rights " * (1 + i % 4) + "filler " * (8 - i % 4)
            res = resolution(f"A/RES/2/{i}", "en", [], [text, "rights and duties"])
            store(conn, res, Provenance("test", f"en{i}", "t"))
        for i in range(5):
            res = resolution(f"A/HRC/RES/3/{i}", "zh", [], ["人权理事会", "rights 人权"])
            store(conn, res, Provenance("test", f"zh{i}", "t"))


def joined(lib: Library, query: str, filters: Filters = NO_FILTERS) -> list[tuple[str, str]]:
    """The answer of one evaluation of every match, best first."""
    with lib.engine.connect() as conn:
        ranked = searching.every_match(conn, query, filters)
        p, e, w = t.paragraphs.c, t.expressions.c, t.works.c
        rows = conn.execute(
            sa.select(p.id, w.symbol, p.eid)
            .join_from(t.paragraphs, t.expressions, e.id == p.expression_id)
            .join(t.works, w.id == e.work_id)
        )
        names = {r.id: (r.symbol, r.eid) for r in rows}
    return [names[i] for i, _score in ranked]


def paged(
    lib: Library, query: str, filters: Filters = NO_FILTERS, size: int = 7
) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    offset = 0
    while True:
        page = lib.search(query, filters, limit=size, offset=offset)
        out.extend((h.symbol, h.eid) for h in page)
        if len(page) < size:
            return out
        offset += size


@pytest.mark.parametrize(
    "filters",
    [NO_FILTERS, Filters(language="zh"), Filters(body="HRC"), Filters(kind="preamble")],
)
def test_pages_and_totals_match_the_joined_query(
    library: Library,
    filters: Filters,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    fill(library)
    monkeypatch.setattr(searching, "MIN_TRY", 3)
    monkeypatch.setattr(searching, "WIDEN", 1)
    expected = joined(library, "rights", filters)
    assert paged(library, "rights", filters) == expected
    for limit, offset in ((1, 0), (5, 0), (5, 3), (20, 30), (1000, 0)):
        page = library.search("rights", filters, limit=limit, offset=offset)
        assert [(h.symbol, h.eid) for h in page] == expected[offset : offset + limit]
        assert page.total == len(expected)


def test_rows_left_in_the_index_are_not_answers(library: Library) -> None:
    """Should the index keep a row of a superseded text, search still answers only the
    current ones (it falls back on the joined query)."""
    fill(library)
    with library.engine.begin() as conn:
        e = t.expressions.c
        conn.execute(t.expressions.update().where(e.language == "zh").values(is_current=False))
    page = library.search("人权", limit=3)
    assert list(page) == []
    assert page.total == 0
    assert library.search("rights", Filters(language="zh")).total == 0
