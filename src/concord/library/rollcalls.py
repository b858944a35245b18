"""Dataset votes in the store: each source written whole, and everything read back.

``concord votes import`` (:mod:`concord.votes.store`) hands over one source at a time —
its provenance, its roll calls and its votes as frames — and the caller holds the
transaction, so a source is replaced whole or not at all. The votes go in and come out
through the engine's bulk path (:mod:`concord.library.bulk`).

The derived rows (each roll call's cross-source ``key`` and ``canonical`` flag, the
disagreements between sources, the States' groups) are rewritten by :func:`sync_derived`
only where they changed.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd
import sqlalchemy as sa

from concord.library import bulk
from concord.library import schema as t

ROLL_CALL_FIELDS = (
    "source_ref",
    "body",
    "symbol",
    "date",
    "session",
    "kind",
    "issues",
    "title",
    "yes",
    "no",
    "abstain",
    "nonvoting",
)
SOURCE_FIELDS = ("name", "licence", "citation", "notes", "loader_version", "imported_at")
Disagreement = tuple[str, str, int, str | None, int, str | None]


# --- writing one source --------------------------------------------------------------------


def claimed(conn: sa.Connection, input_fingerprint: str) -> tuple[str, ...]:
    """The sources last written from an input with this fingerprint, if all of them still
    are; else ``()`` (the input changed, or another input replaced part of what it wrote)."""
    s = t.vote_sources.c
    rows = conn.execute(
        sa.select(s.name, s.input_sources).where(s.input_fingerprint == input_fingerprint)
    ).all()
    names = {r.name for r in rows}
    if rows and all(set(r.input_sources.split(";")) == names for r in rows):
        return tuple(sorted(names))
    return ()


def fingerprint(conn: sa.Connection, name: str) -> str | None:
    """The fingerprint of the files source ``name`` was last written from."""
    s = t.vote_sources.c
    return conn.execute(sa.select(s.fingerprint).where(s.name == name)).scalar()


def claim(conn: sa.Connection, name: str, input_fingerprint: str, sources: Sequence[str]) -> None:
    """Record that an unchanged source came, this time, from the given input."""
    conn.execute(
        t.vote_sources.update()
        .where(t.vote_sources.c.name == name)
        .values(input_fingerprint=input_fingerprint, input_sources=";".join(sorted(sources)))
    )


def delete(conn: sa.Connection, name: str) -> bool:
    """Remove source ``name`` and every row that hangs off it; ``False`` if absent."""
    s, r = t.vote_sources.c, t.roll_calls.c
    source_id = conn.execute(sa.select(s.id).where(s.name == name)).scalar()
    if source_id is None:
        return False
    ids = sa.select(r.id).where(r.source_id == source_id).scalar_subquery()
    d = t.vote_disagreements.c
    conn.execute(
        t.vote_disagreements.delete().where(d.roll_call_a.in_(ids) | d.roll_call_b.in_(ids))
    )
    conn.execute(t.roll_call_votes.delete().where(t.roll_call_votes.c.roll_call_id.in_(ids)))
    conn.execute(t.roll_calls.delete().where(r.source_id == source_id))
    conn.execute(t.vote_source_files.delete().where(t.vote_source_files.c.source_id == source_id))
    conn.execute(t.vote_sources.delete().where(s.id == source_id))
    return True


def replace(
    conn: sa.Connection,
    source: Mapping[str, Any],
    files: Sequence[Mapping[str, Any]],
    roll_calls: pd.DataFrame,
    votes: pd.DataFrame,
) -> None:
    """Write one source in place of what the store held under its name.

    ``source`` holds :data:`SOURCE_FIELDS`, ``unresolved`` (name → rows), ``fingerprint``,
    ``input_fingerprint`` and ``input_sources``; ``files`` each ``path``, ``bytes``,
    ``sha256``, ``reader_version``; ``roll_calls`` the :data:`ROLL_CALL_FIELDS`; ``votes``
    ``row`` (the roll call's position in ``roll_calls``), ``state`` and ``vote``.
    """
    with bulk.window(conn, _rows_of(conn, source["name"]) + len(votes)):
        delete(conn, source["name"])
        _insert(conn, source, files, roll_calls, votes)


def _insert(
    conn: sa.Connection,
    source: Mapping[str, Any],
    files: Sequence[Mapping[str, Any]],
    roll_calls: pd.DataFrame,
    votes: pd.DataFrame,
) -> None:
    values = {k: source[k] for k in SOURCE_FIELDS}
    result = conn.execute(
        t.vote_sources.insert().values(
            **values,
            unresolved=json.dumps(dict(source["unresolved"]), ensure_ascii=False),
            n_roll_calls=len(roll_calls),
            n_votes=len(votes),
            fingerprint=source["fingerprint"],
            input_fingerprint=source["input_fingerprint"],
            input_sources=";".join(sorted(source["input_sources"])),
        )
    )
    key = result.inserted_primary_key
    assert key is not None
    source_id = int(key[0])
    if files:
        conn.execute(
            t.vote_source_files.insert(),
            [
                {
                    "source_id": source_id,
                    "path": f["path"],
                    "bytes": f.get("bytes"),
                    "sha256": f["sha256"],
                    "reader_version": f.get("reader_version"),
                }
                for f in files
            ],
        )
    ids = _roll_calls(conn, source_id, roll_calls)
    rows = votes["row"].to_numpy(dtype=np.int64)
    bulk.insert_votes(
        conn, ids[rows], votes["state"].to_numpy(dtype=object), votes["vote"].to_numpy(object)
    )


def _rows_of(conn: sa.Connection, name: str) -> int:
    s = t.vote_sources.c
    return int(conn.execute(sa.select(s.n_votes).where(s.name == name)).scalar() or 0)


def _roll_calls(conn: sa.Connection, source_id: int, frame: pd.DataFrame) -> np.ndarray:
    """Insert the roll calls; their ids, in the frame's order."""
    if frame.empty:
        return np.zeros(0, dtype=np.int64)
    rows = [
        {"source_id": source_id, "canonical": False, **_plain(row)}
        for row in frame[list(ROLL_CALL_FIELDS)].to_dict(orient="records")
    ]
    conn.execute(t.roll_calls.insert(), rows)
    r = t.roll_calls.c
    found = dict(conn.execute(sa.select(r.source_ref, r.id).where(r.source_id == source_id)).all())
    return np.array([found[ref] for ref in frame["source_ref"]], dtype=np.int64)


def _plain(row: Mapping[Any, Any]) -> dict[str, Any]:
    """A frame row with database-ready values: ``None`` for missing, ``date`` for dates."""
    out: dict[str, Any] = {}
    for column, v in row.items():
        k = str(column)
        if v is None or v is pd.NaT or (not isinstance(v, str) and pd.isna(v)):
            out[k] = None
        elif isinstance(v, pd.Timestamp):
            out[k] = v.date()
        elif isinstance(v, np.integer):
            out[k] = int(v)
        else:
            out[k] = v
    return out


# --- reading -------------------------------------------------------------------------------


def sources(conn: sa.Connection) -> list[dict[str, Any]]:
    """Every source's provenance row, with its files, by name."""
    s, f = t.vote_sources.c, t.vote_source_files.c
    files: dict[int, list[dict[str, Any]]] = {}
    for row in conn.execute(sa.select(t.vote_source_files).order_by(f.source_id, f.id)):
        record = {"path": row.path, "bytes": row.bytes, "sha256": row.sha256}
        if row.reader_version:
            record["reader_version"] = row.reader_version
        files.setdefault(row.source_id, []).append(record)
    out = []
    for mapping in conn.execute(sa.select(t.vote_sources).order_by(s.name)).mappings():
        entry = dict(mapping)
        entry["unresolved"] = json.loads(entry["unresolved"])
        entry["files"] = files.get(entry["id"], [])
        out.append(entry)
    return out


def roll_calls(conn: sa.Connection) -> pd.DataFrame:
    """Every roll call: ``id``, ``source`` (its name) and :data:`ROLL_CALL_FIELDS`, by
    source name and then in the order the source was written."""
    r, s = t.roll_calls.c, t.vote_sources.c
    query = (
        sa.select(r.id, s.name.label("source"), *(r[c] for c in ROLL_CALL_FIELDS))
        .select_from(t.roll_calls.join(t.vote_sources, s.id == r.source_id))
        .order_by(s.name, r.id)
    )
    result = conn.execute(query)
    return pd.DataFrame(result.all(), columns=list(result.keys()))


def votes(conn: sa.Connection) -> pd.DataFrame:
    """Every vote: ``roll_call_id`` (the row id of ``roll_calls``), ``state``, ``vote``."""
    return bulk.read_votes(conn)


def groups(conn: sa.Connection) -> dict[str, str]:
    """Regional group per State, as the last import recorded them."""
    g = t.vote_states.c
    rows = conn.execute(sa.select(g.state, g.region_group).where(g.region_group.isnot(None)))
    return {state: group for state, group in rows}


def disagreements(conn: sa.Connection) -> set[Disagreement]:
    """The recorded disagreements: (key, State, roll call a, vote a, roll call b, vote b)."""
    d = t.vote_disagreements.c
    query = sa.select(d.key, d.state, d.roll_call_a, d.vote_a, d.roll_call_b, d.vote_b)
    return {tuple(row) for row in conn.execute(query)}


# --- derived rows --------------------------------------------------------------------------


def sync_derived(
    conn: sa.Connection,
    keys: pd.DataFrame,
    found: set[Disagreement],
    state_groups: Mapping[str, str | None],
) -> bool:
    """Bring keys and canonical flags (``keys``: ``id, key, canonical``), disagreements and
    States' groups up to date; writes only what changed. ``True`` when something did."""
    r = t.roll_calls.c
    stored = pd.DataFrame(
        conn.execute(sa.select(r.id, r.key, r.canonical)).all(), columns=["id", "key", "canonical"]
    )
    merged = keys.merge(stored, on="id", how="left", suffixes=("", "_old"))
    stale = merged[
        (merged["key"] != merged["key_old"])
        | (merged["canonical"].astype(bool) != merged["canonical_old"].astype(bool))
    ]
    changed = not stale.empty
    if changed:
        conn.execute(
            t.roll_calls.update()
            .where(r.id == sa.bindparam("rid"))
            .values(key=sa.bindparam("new_key"), canonical=sa.bindparam("flag")),
            [
                {"rid": int(i), "new_key": str(k), "flag": bool(c)}
                for i, k, c in stale[["id", "key", "canonical"]].itertuples(index=False)
            ],
        )
    if disagreements(conn) != found:
        changed = True
        conn.execute(t.vote_disagreements.delete())
        if found:
            names = ("key", "state", "roll_call_a", "vote_a", "roll_call_b", "vote_b")
            conn.execute(
                t.vote_disagreements.insert(), [dict(zip(names, d, strict=True)) for d in found]
            )
    g = t.vote_states.c
    old = dict(conn.execute(sa.select(g.state, g.region_group)).all())
    if old != dict(state_groups):
        changed = True
        conn.execute(t.vote_states.delete())
        if state_groups:
            conn.execute(
                t.vote_states.insert(),
                [{"state": s, "region_group": grp} for s, grp in sorted(state_groups.items())],
            )
    return changed
