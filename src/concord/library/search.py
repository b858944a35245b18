"""Full-text search over the paragraphs of every current expression, ranked.

The library's Tantivy index (:mod:`concord.library.textindex`, the same on SQLite and
PostgreSQL) ranks by BM25 with block-max pruning over the derived tokens of
:mod:`concord.library.tokens`, so Chinese words of any length are found.

The index holds the paragraphs of current expressions: a superseded text leaves it with
the transaction that replaces it. A search therefore lets the index rank and take its
best rows first, then joins only those rows to their expressions and works in the
reader's own snapshot of the database, for the columns and the filters (and to drop any
row the snapshot does not hold as current). Without filters the ``n`` best matches are
the page; with filters, the index's best ``WIDEN`` times as many are tried first, and
``WIDEN`` times as many again while too few of them pass and the index has more. The
answer is therefore the best passing matches of all: best score first, equal scores in
the index's order (see :meth:`concord.library.textindex.TextIndex.best`).
"""

from __future__ import annotations

import json
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import ARRAY

from concord.errors import ConcordError
from concord.library import schema as t
from concord.library import textindex
from concord.library.filters import NO_FILTERS, Filters, paragraph_conditions
from concord.library.results import Hit, Page
from concord.library.snippets import highlights, snippet
from concord.library.textindex import Ranked, TextIndex
from concord.library.tokens import Term, parse_query

MAX_LIMIT = 1000
WIDEN = 8
"""A filtered search first ranks this many times the rows it needs (at least ``MIN_TRY``)."""
MIN_TRY = 200


def _columns() -> list[Any]:
    p, e, w = t.paragraphs.c, t.expressions.c, t.works.c
    return [w.symbol, e.language, p.eid, p.kind, p.num, p.intro_key, p.heading, p.text]


def _joined(base: Any) -> Any:
    p, e = t.paragraphs, t.expressions
    return base.join(e, e.c.id == p.c.expression_id).join(t.works, t.works.c.id == e.c.work_id)


def search(
    conn: sa.Connection,
    query: str,
    filters: Filters = NO_FILTERS,
    *,
    limit: int = 20,
    offset: int = 0,
    count: bool = True,
    mark: tuple[str, str] = ("[", "]"),
) -> Page[Hit]:
    """Paragraphs matching every term of ``query`` (and ``filters``), best first.

    ``total`` (when ``count``) is the number of matching paragraphs; it costs a count of
    the matches, so callers that only page forward may pass ``count=False``.
    """
    terms = parse_query(query)
    if not terms:
        raise ConcordError('empty query: give a word, a Chinese term or a "quoted phrase"')
    if not 0 < limit <= MAX_LIMIT or offset < 0:
        raise ConcordError(f"limit must be 1 to {MAX_LIMIT} and offset at least 0")
    conditions = paragraph_conditions(filters.checked())
    want = offset + limit
    filtered = len(conditions) > 1  # the first is "current", which the index's rows are
    index = textindex.of(conn.engine)
    ranked, total = _indexed(conn, index, terms, conditions, want, filtered, count)
    rows = _load(conn, ranked[offset:want])
    return Page([_hit(row, score, terms, mark) for row, score in rows], total, limit, offset)


def _indexed(
    conn: sa.Connection,
    index: TextIndex,
    terms: list[Term],
    conditions: list[Any],
    want: int,
    filtered: bool,
    count: bool,
) -> tuple[Ranked, int | None]:
    """The ``want`` best passing matches, and the total (when ``count``)."""
    exact = index.ready(conn)
    n = max(want * WIDEN, MIN_TRY) if filtered else want
    while True:
        candidates, complete = index.best(terms, n)
        passing = _passing(conn, [i for i, _score in candidates], conditions)
        ranked = [r for r in candidates if r[0] in passing]
        if len(ranked) >= want or complete:
            break
        n *= max(2, WIDEN)
    if not count:
        return ranked, None
    if complete:
        return ranked, len(ranked)
    if exact and not filtered:
        return ranked, index.count(terms)
    return ranked, len(_passing(conn, [i for i, _score in index.every(terms)], conditions))


def _passing(conn: sa.Connection, ids: list[int], conditions: list[Any]) -> set[int]:
    """Those of ``ids`` that are paragraphs passing ``conditions`` in ``conn``'s view."""
    if not ids:
        return set()
    p = t.paragraphs
    stmt = sa.select(p.c.id).select_from(_joined(p)).where(_among(conn, ids), *conditions)
    return set(conn.execute(stmt).scalars())


def _among(conn: sa.Connection, ids: list[int]) -> Any:
    """``paragraphs.id`` is one of ``ids``, given as one parameter (a statement compiled
    once, whatever the count): a JSON array on SQLite, an array on PostgreSQL."""
    p = t.paragraphs
    if conn.dialect.name == "postgresql":
        return p.c.id == sa.any_(sa.bindparam("ids", ids, type_=ARRAY(sa.Integer)))
    given = sa.func.json_each(sa.bindparam("ids", json.dumps(ids))).table_valued("value")
    return p.c.id.in_(sa.select(given.c.value))


def every_match(conn: sa.Connection, query: str, filters: Filters = NO_FILTERS) -> Ranked:
    """Every paragraph matching ``query`` and ``filters``, best first (ties as a page): the
    answer of one query over every match, which paging must agree with."""
    terms = parse_query(query)
    conditions = paragraph_conditions(filters.checked())
    index = textindex.of(conn.engine)
    index.ready(conn)
    candidates = index.every(terms)
    passing = _passing(conn, [i for i, _score in candidates], conditions)
    return [r for r in candidates if r[0] in passing]


def _load(conn: sa.Connection, ranked: Ranked) -> list[tuple[Any, float]]:
    """The rows to show for ``ranked`` (one page), in its order, with their scores."""
    if not ranked:
        return []
    p = t.paragraphs
    stmt = (
        sa.select(p.c.id, *_columns())
        .select_from(_joined(p))
        .where(_among(conn, [i for i, _score in ranked]))
    )
    rows = {r.id: r for r in conn.execute(stmt)}
    return [(rows[i], score) for i, score in ranked]


def _hit(row: Any, score: float, terms: list[Term], mark: tuple[str, str]) -> Hit:
    spans = highlights(row.text, terms)
    return Hit(
        symbol=row.symbol,
        language=row.language,
        eid=row.eid,
        kind=row.kind,
        num=row.num,
        intro_key=row.intro_key,
        heading=row.heading,
        text=row.text,
        snippet=snippet(row.text, spans, mark=mark),
        highlights=spans,
        score=score,
    )


def substring_scan(conn: sa.Connection, needle: str) -> set[tuple[str, str, str]]:
    """``(symbol, language, eid)`` of every current paragraph containing ``needle``.

    The plain scan that search's recall is measured against.
    """
    p, e = t.paragraphs.c, t.expressions.c
    stmt = (
        sa.select(*_columns()[:3])
        .select_from(_joined(t.paragraphs))
        .where(
            e.is_current,
            sa.func.strpos(p.text, needle) > 0
            if conn.dialect.name == "postgresql"
            else sa.func.instr(p.text, needle) > 0,
        )
    )
    return {(r.symbol, r.language, r.eid) for r in conn.execute(stmt)}
