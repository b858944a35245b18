"""The reference graph, both ways: what a resolution cites, and who cites a target."""

from __future__ import annotations

import sqlalchemy as sa

from concord.library import schema as t
from concord.library.results import Citation, Page
from concord.library.symbols import target_match
from concord.library.works import work_row


def _citations(where: list[sa.ColumnElement[bool]]) -> sa.Select[tuple[object, ...]]:
    r, e, w = t.refs.c, t.expressions.c, t.works.c
    return (
        sa.select(w.symbol, e.language, r.paragraph_eid, r.kind, r.target, r.text)
        .select_from(
            t.refs.join(t.expressions, e.id == r.expression_id).join(t.works, w.id == e.work_id)
        )
        .where(e.is_current, *where)
        .order_by(w.symbol, e.language, r.id)
    )


def cites(conn: sa.Connection, symbol: str) -> Page[Citation]:
    """Every reference made by ``symbol``'s current expressions."""
    row = work_row(conn, symbol)
    rows = conn.execute(_citations([t.works.c.id == row.id])).all()
    return Page([Citation(**r._mapping) for r in rows], len(rows))


def cited_by(conn: sa.Connection, target: str) -> Page[Citation]:
    """Every reference to ``target`` (a resolution, document or instrument)."""
    r = t.refs.c
    match = target_match(r.target, target)
    rows = conn.execute(_citations([match])).all()
    return Page([Citation(**x._mapping) for x in rows], len(rows))
