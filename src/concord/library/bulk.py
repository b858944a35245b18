"""The engines' bulk paths for the votes table: a million rows in seconds.

SQLite takes one ``executemany`` on the driver's cursor (its own loop in C, no per-row
Python in SQLAlchemy); PostgreSQL takes ``COPY … FROM STDIN`` / ``TO STDOUT`` through
psycopg. Rows go in sorted by primary key, so the key's b-tree is appended to. Around a
large write, :func:`window` drops the secondary index (and on PostgreSQL the foreign key,
checked row by row otherwise) and builds them again in the same transaction.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import numpy as np
import pandas as pd
import sqlalchemy as sa

from concord.library import schema as t

BATCH = 200_000
BULK_FROM = 100_000
"""Writes of at least this many votes (and a third of the table) rebuild its index."""
VOTES_STATE_INDEX = "ix_roll_call_votes_state"
SQLITE_CACHE_KIB = 131_072


@contextmanager
def window(conn: sa.Connection, rows: int) -> Iterator[None]:
    """Around a write of ``rows`` votes (deleted and inserted): when that is a large share
    of the table, drop the secondary index (and on PostgreSQL the foreign key, checked
    row by row otherwise) and build them again at the end, in the same transaction.

    On SQLite readers keep their snapshot meanwhile; on PostgreSQL they wait for the
    commit (the table is locked while its index is rebuilt).
    """
    total = conn.execute(sa.select(sa.func.count()).select_from(t.roll_call_votes)).scalar_one()
    if rows < BULK_FROM or 3 * rows < total:
        yield
        return
    index = next(i for i in t.roll_call_votes.indexes if i.name == VOTES_STATE_INDEX)
    if conn.dialect.name == "postgresql":
        key = next(iter(t.roll_call_votes.foreign_key_constraints))
        conn.execute(sa.schema.DropConstraint(key))
        conn.execute(sa.schema.DropIndex(index))
        yield
        conn.execute(sa.schema.CreateIndex(index))
        conn.execute(sa.schema.AddConstraint(key))  # checks every row once
        conn.exec_driver_sql("ANALYZE roll_call_votes")
        return
    cache_size = int(conn.exec_driver_sql("PRAGMA cache_size").scalar() or -2000)
    conn.exec_driver_sql(f"PRAGMA cache_size=-{SQLITE_CACHE_KIB}")  # this connection only
    try:
        conn.execute(sa.schema.DropIndex(index))
        yield
        conn.execute(sa.schema.CreateIndex(index))
    finally:
        conn.exec_driver_sql(f"PRAGMA cache_size={cache_size}")


def insert_votes(
    conn: sa.Connection, ids: np.ndarray, states: np.ndarray, votes: np.ndarray
) -> None:
    """Bulk-insert votes in primary-key order (appends to the table's b-tree)."""
    if len(ids) == 0:
        return
    codes, _ = pd.factorize(states, sort=True)
    order = np.lexsort((codes, ids))
    columns = (ids[order].tolist(), states[order].tolist(), votes[order].tolist())
    if conn.dialect.name == "postgresql":
        _copy(conn, "roll_call_votes (roll_call_id, state, vote)", zip(*columns, strict=True))
        return
    cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        cursor.executemany(
            "INSERT INTO roll_call_votes (roll_call_id, state, vote) VALUES (?, ?, ?)",
            zip(*columns, strict=True),
        )
    finally:
        cursor.close()


def _copy(conn: sa.Connection, target: str, rows: Iterator[tuple[Any, ...]]) -> None:
    """``COPY target FROM STDIN`` through psycopg, in batches (values hold no tabs)."""
    raw = conn.connection.driver_connection
    with raw.cursor() as cursor, cursor.copy(f"COPY {target} FROM STDIN") as copy:  # type: ignore[union-attr]
        batch: list[str] = []
        for row in rows:
            batch.append("\t".join(map(str, row)))
            if len(batch) >= BATCH:
                copy.write("\n".join(batch) + "\n")
                batch = []
        if batch:
            copy.write("\n".join(batch) + "\n")


def read_votes(conn: sa.Connection) -> pd.DataFrame:
    """Every vote: ``roll_call_id`` (the row id of ``roll_calls``), ``state``, ``vote``."""
    columns = ["roll_call_id", "state", "vote"]
    sql = "SELECT roll_call_id, state, vote FROM roll_call_votes"
    if conn.dialect.name == "postgresql":
        buffer = io.BytesIO()
        raw = conn.connection.driver_connection
        with raw.cursor() as cursor, cursor.copy(f"COPY ({sql}) TO STDOUT") as copy:  # type: ignore[union-attr]
            for chunk in copy:
                buffer.write(chunk)
        buffer.seek(0)
        return pd.read_csv(
            buffer,
            sep="\t",
            names=columns,
            dtype={"roll_call_id": "int64", "state": "str", "vote": "str"},
            keep_default_na=False,
        )
    cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        cursor.execute(sql)
        return pd.DataFrame.from_records(cursor.fetchall(), columns=columns)
    finally:
        cursor.close()
