"""Full-text search over the paragraphs of every current expression, ranked.

SQLite: the FTS5 table ``paragraph_fts`` ranked by bm25; PostgreSQL: the ``search``
tsvector (GIN index) ranked by ``ts_rank_cd``. Both index the same derived tokens (see
:mod:`concord.library.tokens`), so Chinese words of any length are found.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from concord.errors import ConcordError
from concord.library import schema as t
from concord.library.filters import NO_FILTERS, Filters, paragraph_conditions
from concord.library.results import Hit, Page
from concord.library.snippets import highlights, snippet
from concord.library.tokens import Term, fts5_query, parse_query, tsquery

MAX_LIMIT = 1000
_FTS = sa.table("paragraph_fts", sa.column("rowid"))


def _columns() -> list[Any]:
    p, e, w = t.paragraphs.c, t.expressions.c, t.works.c
    return [w.symbol, e.language, p.eid, p.kind, p.num, p.intro_key, p.text]


def _joined(base: Any) -> Any:
    p, e = t.paragraphs, t.expressions
    return base.join(e, e.c.id == p.c.expression_id).join(t.works, t.works.c.id == e.c.work_id)


def match_query(dialect: str, terms: list[Term]) -> tuple[Any, Any, Any]:
    """``(from, where, score)`` of a match on ``terms`` for ``dialect``; higher score first."""
    p = t.paragraphs
    if dialect == "postgresql":
        tsq = sa.func.to_tsquery(sa.literal_column("'simple'::regconfig"), tsquery(terms))
        return _joined(p), p.c.search.op("@@")(tsq), sa.func.ts_rank_cd(p.c.search, tsq)
    where = sa.text("paragraph_fts MATCH :fts").bindparams(fts=fts5_query(terms))
    base = _joined(_FTS.join(p, p.c.id == _FTS.c.rowid))
    return base, where, -sa.literal_column("paragraph_fts.rank")


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
    """Paragraphs matching every term of ``query`` (and ``filters``), best first."""
    terms = parse_query(query)
    if not terms:
        raise ConcordError('empty query: give a word, a Chinese term or a "quoted phrase"')
    if not 0 < limit <= MAX_LIMIT or offset < 0:
        raise ConcordError(f"limit must be 1 to {MAX_LIMIT} and offset at least 0")
    base, match, score = match_query(conn.dialect.name, terms)
    where = [match, *paragraph_conditions(filters.checked())]
    stmt = (
        sa.select(*_columns(), score.label("score"))
        .select_from(base)
        .where(*where)
        .order_by(sa.desc("score"), t.paragraphs.c.id)
        .limit(limit)
        .offset(offset)
    )
    rows = conn.execute(stmt).all()
    hits = [_hit(row, terms, mark) for row in rows]
    total = None
    if count:
        total = conn.execute(
            sa.select(sa.func.count()).select_from(base).where(*where)
        ).scalar_one()
    return Page(hits, total, limit, offset)


def _hit(row: Any, terms: list[Term], mark: tuple[str, str]) -> Hit:
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
        score=float(row.score or 0.0),
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
