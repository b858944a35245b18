"""Writing one read resolution into the store: a work, an expression and its rows.

The caller holds the transaction: a document is stored whole or not at all. What needs
no database (the JSON copy of the resolution) can be made beforehand by :func:`prepare`,
where the file is read: ``concord ingest`` does it in its reader processes, so the
writing process only writes. The search index is not written here: the transaction logs
the expression in ``search_log``, which the index replays (:mod:`concord.library.textindex`).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from typing import Any, Literal

import sqlalchemy as sa

from concord.library import schema as t
from concord.library.codec import to_json
from concord.library.symbols import parts
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


@dataclass(frozen=True, slots=True)
class Prepared:
    """A resolution's JSON copy: what storing it costs besides the writing."""

    document: str


def prepare(res: Resolution) -> Prepared:
    """What :func:`store` will need for ``res`` beyond the database: no database here,
    so it runs in any process."""
    return Prepared(to_json(res))


_w, _e = t.works.c, t.expressions.c
_WORK = sa.select(t.works).where(_w.symbol == sa.bindparam("symbol"))
_CURRENT = (
    sa.select(_e.id, _e.content_hash, _e.reader_version)
    .where(_e.work_id == sa.bindparam("work_id"))
    .where(_e.language == sa.bindparam("language"))
    .where(_e.is_current)
)


def store(
    conn: sa.Connection, res: Resolution, prov: Provenance, prepared: Prepared | None = None
) -> Change:
    """Store ``res`` as the current expression of its work in its language.

    ``prepared`` is :func:`prepare`'s answer for ``res`` when it was made beforehand.
    """
    assert res.symbol, "a stored resolution has a symbol"
    work_id = _work(conn, res)
    old = conn.execute(_CURRENT, {"work_id": work_id, "language": res.language}).first()
    if old is not None and (old.content_hash, old.reader_version) == (
        prov.content_hash,
        prov.reader_version,
    ):
        return "unchanged"
    prov = prov.stamped()
    if old is not None:
        supersede(conn, old.id, prov.read_at)
    prepared = prepared or prepare(res)
    expression_id = _expression(conn, work_id, res, prov, prepared.document)
    _paragraphs(conn, expression_id, res)
    _rows(conn, expression_id, res)
    log(conn, expression_id, "add")
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
    row = conn.execute(_WORK, {"symbol": res.symbol}).first()
    if row is None:
        return _new_id(conn.execute(t.works.insert(), {"symbol": res.symbol, **values}))
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
    log(conn, expression_id, "del")


LOG_LOCK = 0x636F6E63
"""PostgreSQL advisory lock key under which writers append to ``search_log``."""


def log(conn: sa.Connection, expression_id: int, op: Literal["add", "del"]) -> None:
    """Record that an expression enters or leaves the search index.

    The index replays the log in ``seq`` order and remembers the last it applied, so
    ``seq`` must be commit order. SQLite has one writer at a time; on PostgreSQL a
    writer takes a transaction lock first, held until it commits, so that no entry with
    a smaller ``seq`` can commit after one with a larger.
    """
    if conn.dialect.name == "postgresql":
        conn.execute(sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": LOG_LOCK})
    conn.execute(t.search_log.insert(), {"expression_id": expression_id, "op": op})


def _expression(
    conn: sa.Connection, work_id: int, res: Resolution, prov: Provenance, document: str
) -> int:
    tally = res.adoption.tally
    result = conn.execute(
        t.expressions.insert(),
        {
            "work_id": work_id,
            "language": res.language,
            "is_current": True,
            "title": res.title,
            "uri": res.uri,
            "adoption_mode": res.adoption.mode,
            "tally_yes": tally.yes if tally else None,
            "tally_no": tally.no if tally else None,
            "tally_abstain": tally.abstain if tally else None,
            "source": prov.source,
            "content_hash": prov.content_hash,
            "read_at": prov.read_at,
            "reader_version": prov.reader_version,
            "document": document,
        },
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


_PARAGRAPH_COLUMNS = (
    "expression_id",
    "eid",
    "parent_eid",
    "kind",
    "num",
    "intro",
    "intro_key",
    "text",
    "position",
    "span_start",
    "span_end",
    "heading",
)


def _paragraphs(conn: sa.Connection, expression_id: int, res: Resolution) -> None:
    rows = [
        (
            expression_id,
            p.id,
            parent,
            p.kind,
            p.num,
            p.intro,
            p.intro_key,
            p.text,
            i,
            p.span[0] if p.span else None,
            p.span[1] if p.span else None,
            p.heading,
        )
        for i, (p, parent) in enumerate(flatten(res))
    ]
    if not rows:
        return
    if conn.dialect.name == "postgresql":
        insert_many(conn, insert_sql(conn, "paragraphs", _PARAGRAPH_COLUMNS), rows)
        return
    # A writer holds SQLite's write lock (BEGIN IMMEDIATE): it may number rows itself,
    # which saves a RETURNING round trip per paragraph.
    last = conn.exec_driver_sql("SELECT max(id) FROM paragraphs").scalar() or 0
    ids = range(last + 1, last + 1 + len(rows))
    sql = insert_sql(conn, "paragraphs", ("id", *_PARAGRAPH_COLUMNS))
    insert_many(conn, sql, [(i, *r) for i, r in zip(ids, rows, strict=True)])


@cache
def _insert_sql(
    paramstyle: str, table: str, columns: tuple[str, ...], wrap: tuple[tuple[str, str], ...]
) -> str:
    templates = dict(wrap)

    def mark(i: int) -> str:
        if paramstyle == "qmark":
            return "?"
        if paramstyle == "numeric":
            return f":{i + 1}"
        if paramstyle in ("format", "pyformat"):
            return "%s"
        raise ValueError(f"no positional parameters in paramstyle {paramstyle!r}")

    values = ", ".join(templates.get(c, "{}").format(mark(i)) for i, c in enumerate(columns))
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({values})"


def insert_sql(
    conn: sa.Connection,
    table: str,
    columns: tuple[str, ...],
    wrap: dict[str, str] | None = None,
) -> str:
    """The driver's own INSERT of ``columns`` (in order) into ``table``, built once.

    ``wrap`` gives an SQL template for a column's value (``{}`` stands for the value).
    Names come from the schema, never from data.
    """
    return _insert_sql(conn.dialect.paramstyle, table, columns, tuple(sorted((wrap or {}).items())))


def insert_many(conn: sa.Connection, sql: str, rows: list[tuple[Any, ...]]) -> None:
    """``rows`` (positional, in the order of ``sql``'s columns) through the driver's
    executemany: one statement for all of them, no per-row work in SQLAlchemy."""
    if rows:
        conn.exec_driver_sql(sql, rows)


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
            columns = tuple(rows[0])
            sql = insert_sql(conn, table.name, columns)
            insert_many(conn, sql, [tuple(r[c] for c in columns) for r in rows])


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
