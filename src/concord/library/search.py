"""Full-text search over the paragraphs of every current expression, ranked.

SQLite: a Tantivy index beside the file, ranked by BM25 with block-max pruning
(:mod:`concord.library.textindex`); PostgreSQL: the ``search`` tsvector (GIN index)
ranked by ``ts_rank_cd``. Both index the same derived tokens (see
:mod:`concord.library.tokens`), so Chinese words of any length are found.

The index holds the paragraphs of current expressions: a superseded text leaves it with
the transaction that replaces it. A search therefore lets the engine rank its own index
and take the best rows first, then joins only those rows to their expressions and works,
for the columns and the filters (and, on SQLite, to drop any row the reader's snapshot
does not hold as current). Without filters the ``n`` best matches are the page; with
filters, the engine's best ``WIDEN`` times as many are tried first, and when too few of
them pass, more (SQLite: ``WIDEN`` times as many again, until the index has no more;
PostgreSQL: one joined query over every match). Either way the answer is the one the
joined query gives: best score first; equal scores by paragraph id on PostgreSQL, in the
index's own order on SQLite (see :meth:`concord.library.textindex.TextIndex.best`).
"""

from __future__ import annotations

import json
from typing import Any

import sqlalchemy as sa

from concord.errors import ConcordError
from concord.library import schema as t
from concord.library import textindex
from concord.library.filters import NO_FILTERS, Filters, paragraph_conditions
from concord.library.results import Hit, Page
from concord.library.snippets import highlights, snippet
from concord.library.textindex import Ranked, TextIndex
from concord.library.tokens import Term, parse_query, tsquery

MAX_LIMIT = 1000
WIDEN = 8
"""A filtered search first ranks this many times the rows it needs (at least ``MIN_TRY``)."""
MIN_TRY = 200
_SIMPLE: sa.ColumnClause[Any] = sa.literal_column("'simple'::regconfig")


def _tsquery(terms: list[Term]) -> Any:
    """The query as a tsquery, parsed once per statement (a scalar subquery: a bare
    ``to_tsquery`` is only stable, and PostgreSQL would parse it again for every row it
    ranks)."""
    return sa.select(sa.func.to_tsquery(_SIMPLE, tsquery(terms))).scalar_subquery()


def _columns() -> list[Any]:
    p, e, w = t.paragraphs.c, t.expressions.c, t.works.c
    return [w.symbol, e.language, p.eid, p.kind, p.num, p.intro_key, p.text]


def _joined(base: Any) -> Any:
    p, e = t.paragraphs, t.expressions
    return base.join(e, e.c.id == p.c.expression_id).join(t.works, t.works.c.id == e.c.work_id)


def match_query(terms: list[Term]) -> tuple[Any, Any, Any]:
    """``(from, where, score)`` of a match on ``terms`` on PostgreSQL; higher score first."""
    p = t.paragraphs
    tsq = _tsquery(terms)
    return _joined(p), p.c.search.op("@@")(tsq), sa.func.ts_rank_cd(p.c.search, tsq)


def best_in_index(terms: list[Term], n: int | None) -> sa.Select[Any]:
    """``(id, score)`` of PostgreSQL's ``n`` best matches in the index alone (all when
    ``None``): no join, so it costs what the engine's ranking costs."""
    p = t.paragraphs
    tsq = _tsquery(terms)
    score = sa.func.ts_rank_cd(p.c.search, tsq)
    stmt = (
        sa.select(p.c.id.label("id"), score.label("score"))
        .where(p.c.search.op("@@")(tsq))
        .order_by(sa.desc("score"), p.c.id)
    )
    return stmt if n is None else stmt.limit(n)


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
    filtered = len(conditions) > 1  # the first is "current", which every indexed row is
    index = textindex.of(conn.engine)
    if index is not None:
        ranked, total = _indexed(conn, index, terms, conditions, want, filtered, count)
    else:
        ranked, total = _postgresql(conn, terms, conditions, want, filtered, count)
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
    """The ``want`` best passing matches from the Tantivy index, and the total."""
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
    """``paragraphs.id`` is one of ``ids``: on SQLite one JSON parameter (a statement
    compiled once, whatever the count), elsewhere an IN list."""
    p = t.paragraphs
    if conn.dialect.name != "sqlite":
        return p.c.id.in_(ids)
    given = sa.func.json_each(sa.bindparam("ids", json.dumps(ids))).table_valued("value")
    return p.c.id.in_(sa.select(given.c.value))


def every_match(conn: sa.Connection, query: str, filters: Filters = NO_FILTERS) -> Ranked:
    """Every paragraph matching ``query`` and ``filters``, best first (ties as a page): the
    answer of one query over every match, which paging must agree with."""
    terms = parse_query(query)
    conditions = paragraph_conditions(filters.checked())
    index = textindex.of(conn.engine)
    if index is None:
        return _joined_best(conn, terms, conditions, None)
    index.ready(conn)
    candidates = index.every(terms)
    passing = _passing(conn, [i for i, _score in candidates], conditions)
    return [r for r in candidates if r[0] in passing]


def _postgresql(
    conn: sa.Connection,
    terms: list[Term],
    conditions: list[Any],
    want: int,
    filtered: bool,
    count: bool,
) -> tuple[Ranked, int | None]:
    """The ``want`` best passing matches on PostgreSQL, and the total."""
    tried = max(want * WIDEN, MIN_TRY) if filtered else want
    ranked, seen = _best(conn, terms, conditions, tried)
    complete = seen < tried  # the index gave all its matches: ranked are all that pass
    if len(ranked) < want and not complete:
        ranked = _joined_best(conn, terms, conditions, want)
        complete = len(ranked) < want
    total = None
    if count:
        total = len(ranked) if complete else _count(conn, terms, conditions, filtered)
    return ranked, total


def _best(
    conn: sa.Connection, terms: list[Term], conditions: list[Any], n: int
) -> tuple[Ranked, int]:
    """Those of the index's ``n`` best that pass ``conditions``, and how many the index
    gave (fewer than ``n``: those were all its matches)."""
    top = best_in_index(terms, n).subquery("top")
    best = sa.select(top, sa.func.count().over().label("seen")).subquery("best")
    p = t.paragraphs
    stmt = (
        sa.select(best.c.id, best.c.score, best.c.seen)
        .select_from(_joined(best.join(p, p.c.id == best.c.id)))
        .where(*conditions)
        .order_by(sa.desc(best.c.score), best.c.id)
    )
    rows = conn.execute(stmt).all()
    if rows:
        return [(r.id, float(r.score or 0.0)) for r in rows], int(rows[0].seen)
    # Nothing passed: ask the index how many it had, to know whether there is more.
    seen = conn.execute(sa.select(sa.func.count()).select_from(top)).scalar_one()
    return [], int(seen)


def _joined_best(
    conn: sa.Connection, terms: list[Term], conditions: list[Any], n: int | None
) -> Ranked:
    """The ``n`` best matches passing ``conditions`` (all when ``None``), as one query
    joining every match (PostgreSQL)."""
    base, match, score = match_query(terms)
    stmt = (
        sa.select(t.paragraphs.c.id, score.label("score"))
        .select_from(base)
        .where(match, *conditions)
        .order_by(sa.desc("score"), t.paragraphs.c.id)
    )
    if n is not None:
        stmt = stmt.limit(n)
    return [(r.id, float(r.score or 0.0)) for r in conn.execute(stmt)]


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


def _count(conn: sa.Connection, terms: list[Term], conditions: list[Any], filtered: bool) -> int:
    """How many paragraphs match on PostgreSQL; without filters the index counts alone
    (it holds only current paragraphs), which spares a join per match."""
    if filtered:
        base, match, _score = match_query(terms)
        stmt = sa.select(sa.func.count()).select_from(base).where(match, *conditions)
    else:
        p = t.paragraphs
        tsq = _tsquery(terms)
        stmt = sa.select(sa.func.count()).select_from(p).where(p.c.search.op("@@")(tsq))
    return int(conn.execute(stmt).scalar_one())


def _hit(row: Any, score: float, terms: list[Term], mark: tuple[str, str]) -> Hit:
    spans = highlights(row.text, terms)
    return Hit(
        symbol=row.symbol,
        language=row.language,
        eid=row.eid,
        kind=row.kind,
        num=row.num,
        intro_key=row.intro_key,
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
