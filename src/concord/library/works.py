"""Resolutions (works) listed and shown, with their expressions and history."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from concord.errors import ConcordError
from concord.library import schema as t
from concord.library.codec import from_json
from concord.library.filters import NO_FILTERS, Filters, work_conditions
from concord.library.results import ExpressionInfo, Page, WorkDetail, WorkInfo
from concord.library.symbols import resolution_ref
from concord.model.resolution import Resolution

TITLE_ORDER = ("en", "fr", "es", "ru", "zh", "ar")


def _title(titles: dict[str, str | None]) -> str | None:
    for lang in (*TITLE_ORDER, *sorted(titles)):
        if titles.get(lang):
            return titles[lang]
    return None


def _infos(conn: sa.Connection, rows: list[Any]) -> list[WorkInfo]:
    e = t.expressions.c
    ids = [r.id for r in rows]
    langs: dict[int, dict[str, str | None]] = {i: {} for i in ids}
    if ids:
        query = sa.select(e.work_id, e.language, e.title).where(e.work_id.in_(ids), e.is_current)
        for work_id, language, title in conn.execute(query):
            langs[work_id][language] = title
    return [
        WorkInfo(
            r.symbol,
            r.body,
            r.number,
            r.session,
            r.adopted_on,
            _title(langs[r.id]),
            tuple(sorted(langs[r.id])),
        )
        for r in rows
    ]


def list_works(
    conn: sa.Connection, filters: Filters = NO_FILTERS, *, limit: int = 50, offset: int = 0
) -> Page[WorkInfo]:
    """Resolutions matching ``filters``, by body, session and number."""
    w, e = t.works.c, t.expressions.c
    where = work_conditions(filters.checked())
    if filters.language:
        where.append(
            sa.exists().where(e.work_id == w.id, e.is_current, e.language == filters.language)
        )
    total = conn.execute(sa.select(sa.func.count()).select_from(t.works).where(*where)).scalar_one()
    rows = conn.execute(
        sa.select(t.works)
        .where(*where)
        .order_by(w.body, w.session, sa.func.length(w.symbol), w.symbol)
        .limit(limit)
        .offset(offset)
    ).all()
    return Page(_infos(conn, list(rows)), total, limit, offset)


def work_row(conn: sa.Connection, symbol: str) -> Any:
    """The ``works`` row of ``symbol``, or a 404 error.

    A symbol written otherwise than it is stored (``A/RES/36/87[B]``, ``A/RES/36/87B``)
    finds it too, and so does a bare number (``37/23``) where one resolution in the
    library has it; where several have it, the error lists their symbols."""
    w = t.works.c
    row = conn.execute(sa.select(t.works).where(w.symbol == symbol)).first()
    if row is not None:
        return row
    ref = resolution_ref(symbol)
    if ref is not None and not ref.bare:
        row = conn.execute(sa.select(t.works).where(w.symbol == ref.stored)).first()
    elif ref is not None:
        rows = conn.execute(
            sa.select(t.works).where(w.number == ref.stored).order_by(w.symbol)
        ).all()
        if len(rows) > 1:
            symbols = ", ".join(r.symbol for r in rows)
            raise ConcordError(
                f"{symbol!r} is the number of {len(rows)} resolutions ({symbols}): give the symbol",
                status=404,
            )
        row = rows[0] if rows else None
    if row is None:
        raise ConcordError(f"no resolution {symbol!r} in the library", status=404)
    return row


def show(conn: sa.Connection, symbol: str) -> WorkDetail:
    """One resolution with every expression: current ones first, then their history."""
    row = work_row(conn, symbol)
    e, p = t.expressions.c, t.paragraphs.c
    counts = sa.select(sa.func.count()).where(p.expression_id == e.id).scalar_subquery()
    rows = conn.execute(
        sa.select(t.expressions, counts.label("n"))
        .where(e.work_id == row.id)
        .order_by(sa.desc(e.is_current), e.language, sa.desc(e.id))
    ).all()
    exprs = tuple(
        ExpressionInfo(
            r.language,
            bool(r.is_current),
            r.title,
            r.uri,
            r.adoption_mode,
            (r.tally_yes, r.tally_no, r.tally_abstain) if r.tally_yes is not None else None,
            r.source,
            r.content_hash,
            r.read_at,
            r.reader_version,
            r.superseded_at,
            int(r.n),
        )
        for r in rows
    )
    return WorkDetail(_infos(conn, [row])[0], exprs)


def expression(conn: sa.Connection, symbol: str, language: str) -> Resolution:
    """The current text of ``symbol`` in ``language`` as a model object."""
    row = work_row(conn, symbol)
    e = t.expressions.c
    doc = conn.execute(
        sa.select(e.document).where(e.work_id == row.id, e.language == language, e.is_current)
    ).scalar()
    if doc is None:
        raise ConcordError(f"{symbol} is not kept in language {language!r}", status=404)
    return from_json(doc)


def counts(conn: sa.Connection) -> dict[str, int]:
    """How many works, current expressions and current paragraphs the library holds."""
    e, p = t.expressions.c, t.paragraphs.c
    current = sa.select(e.id).where(e.is_current)
    return {
        "resolutions": conn.execute(sa.select(sa.func.count()).select_from(t.works)).scalar_one(),
        "expressions": conn.execute(sa.select(sa.func.count()).where(e.is_current)).scalar_one(),
        "paragraphs": conn.execute(
            sa.select(sa.func.count()).where(p.expression_id.in_(current))
        ).scalar_one(),
    }
