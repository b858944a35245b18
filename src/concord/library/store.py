"""Writing one read resolution into the store: a work, an expression and its rows.

The caller holds the transaction: a document is stored whole or not at all.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Literal

import sqlalchemy as sa

from concord.library import schema as t
from concord.library.codec import to_json
from concord.library.symbols import parts
from concord.library.tokens import index_text
from concord.model.resolution import Paragraph, Resolution, Span

Change = Literal["new", "updated", "unchanged"]


@dataclass(frozen=True, slots=True)
class Provenance:
    """Where an expression came from."""

    source: str
    content_hash: str
    reader_version: str
    read_at: str = ""

    def stamped(self) -> Provenance:
        """The same, with ``read_at`` set to now (UTC) when it was empty."""
        if self.read_at:
            return self
        now = datetime.now(UTC).isoformat(timespec="seconds")
        return Provenance(self.source, self.content_hash, self.reader_version, now)


def store(conn: sa.Connection, res: Resolution, prov: Provenance) -> Change:
    """Store ``res`` as the current expression of its work in its language."""
    assert res.symbol, "a stored resolution has a symbol"
    work_id = _work(conn, res)
    old = conn.execute(
        sa.select(t.expressions.c.id, t.expressions.c.content_hash, t.expressions.c.reader_version)
        .where(t.expressions.c.work_id == work_id)
        .where(t.expressions.c.language == res.language)
        .where(t.expressions.c.is_current)
    ).first()
    if old is not None and (old.content_hash, old.reader_version) == (
        prov.content_hash,
        prov.reader_version,
    ):
        return "unchanged"
    prov = prov.stamped()
    if old is not None:
        supersede(conn, old.id, prov.read_at)
    expression_id = _expression(conn, work_id, res, prov)
    _paragraphs(conn, expression_id, res)
    _rows(conn, expression_id, res)
    return "new" if old is None else "updated"


def _work(conn: sa.Connection, res: Resolution) -> int:
    """The id of ``res``'s work, created or completed from what ``res`` says."""
    assert res.symbol
    derived = parts(res.symbol)
    values: dict[str, Any] = {
        "body": res.body or (derived.body if derived else None),
        "number": res.number or (derived.number if derived else None),
        "session": res.session if res.session is not None else (derived and derived.session),
        "adopted_on": res.adopted_on,
        "year": int(res.adopted_on[:4]) if res.adopted_on else None,
    }
    row = conn.execute(sa.select(t.works).where(t.works.c.symbol == res.symbol)).first()
    if row is None:
        return _new_id(conn.execute(t.works.insert().values(symbol=res.symbol, **values)))
    missing = {k: v for k, v in values.items() if v is not None and getattr(row, k) is None}
    if missing:
        conn.execute(t.works.update().where(t.works.c.id == row.id).values(**missing))
    return int(row.id)


def _new_id(result: sa.CursorResult[Any]) -> int:
    key = result.inserted_primary_key
    assert key is not None
    return int(key[0])


def supersede(conn: sa.Connection, expression_id: int, when: str) -> None:
    """Move an expression into history and take its paragraphs out of the index."""
    conn.execute(
        t.expressions.update()
        .where(t.expressions.c.id == expression_id)
        .values(is_current=False, superseded_at=when)
    )
    rows = conn.execute(
        sa.select(t.paragraphs.c.id, t.paragraphs.c.text).where(
            t.paragraphs.c.expression_id == expression_id
        )
    ).all()
    if conn.dialect.name == "sqlite":
        if rows:
            conn.execute(
                sa.text(
                    "INSERT INTO paragraph_fts(paragraph_fts, rowid, body) "
                    "VALUES ('delete', :id, :body)"
                ),
                [{"id": r.id, "body": index_text(r.text)} for r in rows],
            )
    else:
        conn.execute(
            t.paragraphs.update()
            .where(t.paragraphs.c.expression_id == expression_id)
            .values(search=None)
        )


def _expression(conn: sa.Connection, work_id: int, res: Resolution, prov: Provenance) -> int:
    tally = res.adoption.tally
    result = conn.execute(
        t.expressions.insert().values(
            work_id=work_id,
            language=res.language,
            is_current=True,
            title=res.title,
            uri=res.uri,
            adoption_mode=res.adoption.mode,
            tally_yes=tally.yes if tally else None,
            tally_no=tally.no if tally else None,
            tally_abstain=tally.abstain if tally else None,
            source=prov.source,
            content_hash=prov.content_hash,
            read_at=prov.read_at,
            reader_version=prov.reader_version,
            document=to_json(res),
        )
    )
    return _new_id(result)


def flatten(res: Resolution) -> Iterator[tuple[Paragraph, str | None]]:
    """Every paragraph and sub-paragraph in reading order, with its parent's eid."""

    def walk(p: Paragraph, parent: str | None) -> Iterator[tuple[Paragraph, str | None]]:
        yield p, parent
        for sub in p.subparagraphs:
            yield from walk(sub, p.id)

    for top in res.paragraphs():
        yield from walk(top, None)


def _span(span: Span | None) -> dict[str, int | None]:
    return {"span_start": span[0] if span else None, "span_end": span[1] if span else None}


def _paragraphs(conn: sa.Connection, expression_id: int, res: Resolution) -> None:
    rows = [
        {
            "expression_id": expression_id,
            "eid": p.id,
            "parent_eid": parent,
            "kind": p.kind,
            "num": p.num,
            "intro": p.intro,
            "intro_key": p.intro_key,
            "text": p.text,
            "position": i,
            "idx": index_text(p.text),
            **_span(p.span),
        }
        for i, (p, parent) in enumerate(flatten(res))
    ]
    if not rows:
        return
    if conn.dialect.name == "postgresql":
        vector = sa.func.to_tsvector(sa.literal_column("'simple'::regconfig"), sa.bindparam("idx"))
        conn.execute(t.paragraphs.insert().values(search=vector), rows)
        return
    # A writer holds SQLite's write lock (BEGIN IMMEDIATE): it may number rows itself,
    # which saves a RETURNING round trip per paragraph.
    last = conn.execute(sa.select(sa.func.max(t.paragraphs.c.id))).scalar() or 0
    ids = range(last + 1, last + 1 + len(rows))
    conn.execute(
        t.paragraphs.insert(),
        [
            {**{k: v for k, v in r.items() if k != "idx"}, "id": i}
            for i, r in zip(ids, rows, strict=True)
        ],
    )
    conn.execute(
        sa.text("INSERT INTO paragraph_fts(rowid, body) VALUES (:id, :body)"),
        [{"id": i, "body": r["idx"]} for i, r in zip(ids, rows, strict=True)],
    )


def _rows(conn: sa.Connection, expression_id: int, res: Resolution) -> None:
    e = {"expression_id": expression_id}
    inserts: list[tuple[sa.Table, list[dict[str, Any]]]] = [
        (
            t.footnotes,
            [
                {
                    **e,
                    "marker": f.marker,
                    "text": f.text,
                    "cited_in": json.dumps(list(f.cited_in)),
                    **_span(f.span),
                }
                for f in res.footnotes
            ],
        ),
        (
            t.refs,
            [
                {
                    **e,
                    "paragraph_eid": r.in_,
                    "kind": r.kind,
                    "target": r.target,
                    "text": r.text,
                    **_span(r.span),
                }
                for r in res.references
            ],
        ),
        (t.votes, _votes(e, res)),
        (
            t.mandates,
            [
                {
                    **e,
                    "paragraph_eid": m.in_,
                    "addressee": m.addressee,
                    "addressee_name": m.addressee_name,
                    "kind": m.kind,
                    "action": m.action,
                    "due_body": m.due.body if m.due else None,
                    "due_session": m.due.session if m.due else None,
                    **_span(m.span),
                }
                for m in res.mandates
            ],
        ),
        (
            t.warnings,
            [{**e, "code": w.code, "message": w.message, **_span(w.span)} for w in res.warnings],
        ),
    ]
    for table, rows in inserts:
        if rows:
            conn.execute(table.insert(), rows)


def _votes(e: dict[str, Any], res: Resolution) -> list[dict[str, Any]]:
    votes = res.adoption.votes
    if votes is None:
        return []
    groups = (("yes", votes.yes), ("no", votes.no), ("abstain", votes.abstain))
    return [
        {**e, "state": state, "position": position, "ordinal": i}
        for position, states in groups
        for i, state in enumerate(states)
    ]
