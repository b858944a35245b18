"""Votes per State and mandates, as kept with each resolution."""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa

from concord.library import schema as t
from concord.library.results import MandateRow, Page, Vote, VoteRecord
from concord.library.works import work_row


def votes(conn: sa.Connection, symbol: str) -> VoteRecord:
    """How ``symbol`` was adopted and each State's vote.

    The votes come from the current expression that lists the most; where two
    languages list different votes, ``notes`` says so.
    """
    row = work_row(conn, symbol)
    e, v = t.expressions.c, t.votes.c
    exprs = conn.execute(
        sa.select(e.id, e.language, e.adoption_mode, e.tally_yes, e.tally_no, e.tally_abstain)
        .where(e.work_id == row.id, e.is_current)
        .order_by(e.language)
    ).all()
    lists: dict[str, tuple[Vote, ...]] = {}
    for x in exprs:
        rows = conn.execute(
            sa.select(v.state, v.position)
            .where(v.expression_id == x.id)
            .order_by(v.position.desc(), v.ordinal)
        ).all()
        lists[x.language] = tuple(Vote(s, p) for s, p in rows)
    if not exprs:
        return VoteRecord(symbol, "not_stated", None, None, ())
    best = max(exprs, key=lambda x: (len(lists[x.language]), x.adoption_mode != "not_stated"))
    notes = tuple(
        f"{x.language} lists other votes than {best.language}"
        for x in exprs
        if lists[x.language] and set(lists[x.language]) != set(lists[best.language])
    )
    tally = (
        (best.tally_yes, best.tally_no, best.tally_abstain) if best.tally_yes is not None else None
    )
    return VoteRecord(symbol, best.adoption_mode, tally, best.language, lists[best.language], notes)


@dataclass(frozen=True, slots=True)
class RecordedVote:
    """A current expression adopted by a recorded vote: what it prints, and its file."""

    symbol: str
    body: str | None
    adopted_on: str | None
    language: str
    tally: tuple[int, int, int] | None
    votes: tuple[Vote, ...]
    source: str
    content_hash: str
    reader_version: str


def recorded_votes(conn: sa.Connection) -> list[RecordedVote]:
    """Every current expression adopted by a recorded vote, by symbol and language."""
    e, w, v = t.expressions.c, t.works.c, t.votes.c
    where = (e.is_current, e.adoption_mode == "recorded_vote")
    base = t.expressions.join(t.works, w.id == e.work_id)
    lists: dict[int, list[Vote]] = {}
    query = (
        sa.select(v.expression_id, v.state, v.position)
        .select_from(t.votes.join(t.expressions, e.id == v.expression_id))
        .where(*where)
        .order_by(v.expression_id, v.position.desc(), v.ordinal)
    )
    for expression_id, state, position in conn.execute(query):
        lists.setdefault(expression_id, []).append(Vote(state, position))
    rows = conn.execute(
        sa.select(
            e.id,
            w.symbol,
            w.body,
            w.adopted_on,
            e.language,
            e.tally_yes,
            e.tally_no,
            e.tally_abstain,
            e.source,
            e.content_hash,
            e.reader_version,
        )
        .select_from(base)
        .where(*where)
        .order_by(w.symbol, e.language)
    ).all()
    return [
        RecordedVote(
            r.symbol,
            r.body,
            r.adopted_on,
            r.language,
            (r.tally_yes, r.tally_no, r.tally_abstain) if r.tally_yes is not None else None,
            tuple(lists.get(r.id, ())),
            r.source,
            r.content_hash,
            r.reader_version,
        )
        for r in rows
    ]


def mandates(
    conn: sa.Connection,
    symbol: str | None = None,
    *,
    addressee: str | None = None,
    due_session: int | None = None,
    limit: int = 100,
    offset: int = 0,
) -> Page[MandateRow]:
    """Mandates of ``symbol`` (or of every resolution), filtered by addressee or due session."""
    m, e, w = t.mandates.c, t.expressions.c, t.works.c
    where: list[sa.ColumnElement[bool]] = [e.is_current]
    if symbol:
        where.append(w.id == work_row(conn, symbol).id)
    if addressee:
        where.append(sa.or_(m.addressee == addressee, m.addressee_name.ilike(f"%{addressee}%")))
    if due_session is not None:
        where.append(m.due_session == due_session)
    base = t.mandates.join(t.expressions, e.id == m.expression_id).join(t.works, w.id == e.work_id)
    total = conn.execute(sa.select(sa.func.count()).select_from(base).where(*where)).scalar_one()
    rows = conn.execute(
        sa.select(
            w.symbol,
            e.language,
            m.paragraph_eid,
            m.addressee,
            m.addressee_name,
            m.kind,
            m.action,
            m.due_body,
            m.due_session,
        )
        .select_from(base)
        .where(*where)
        .order_by(w.symbol, e.language, m.id)
        .limit(limit)
        .offset(offset)
    ).all()
    return Page([MandateRow(*r) for r in rows], total, limit, offset)
