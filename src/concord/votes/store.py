"""The votes in the library store: each source written with its provenance, read back whole.

The store (:mod:`concord.library.rollcalls`, tables in :mod:`concord.library.schema`) is
where the votes live; the Parquet cache (:mod:`concord.votes.cache`) is built from it as
the fast path the analyses read. :func:`write_input` writes what one input loads — one
transaction per source; an input whose files (SHA-256) are those it was last written from
is not even loaded, and a source whose files did not change is not rewritten.
:func:`read_data` reads every source back into one :class:`VoteData`;
:func:`sync_derived` records in the store what that data derives: each roll call's key and
canonical flag, the disagreements between sources, the States' groups.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import numpy as np
import pandas as pd
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from concord.errors import ConcordError
from concord.library import Library, open_library
from concord.library import rollcalls as db
from concord.votes import cache
from concord.votes.data import VoteData, from_voteset
from concord.votes.files import LOADER_VERSION, FileRecord, fingerprint
from concord.votes.sources import VoteSource, inputs_of, texts
from concord.votes.states import StateDirectory
from concord.votes.table import Provenance, VoteSet, make_roll_calls, make_votes

Status = str  # "new", "updated", "unchanged" or "removed"
Store = Library | str | os.PathLike[str] | None


@contextmanager
def opened(where: Store) -> Iterator[Library]:
    """The library ``where`` names (a :class:`Library` is used as it is, not closed)."""
    if isinstance(where, Library):
        yield where
        return
    with open_library(where) as lib:
        yield lib


@contextmanager
def _writing(engine: Engine) -> Iterator[sa.Connection]:
    """One write transaction (on SQLite it takes the write lock at once)."""
    with engine.connect().execution_options(immediate=True) as conn, conn.begin():
        yield conn


# --- writing -------------------------------------------------------------------------------


def write_input(engine: Engine, source: VoteSource, directory: StateDirectory) -> dict[str, Status]:
    """Load ``source`` unless its files are unchanged, and write each source it holds."""
    records = inputs_of(source)
    given = fingerprint(records, LOADER_VERSION) if records is not None else None
    if given is not None:
        with engine.connect() as conn:
            names = db.claimed(conn, given)
        if names:
            return dict.fromkeys(names, "unchanged")
    parts = split(source.load(directory))
    if not parts:
        if source.name != texts.NAME:
            raise ConcordError(f"{source.name}: no recorded votes found")
        with _writing(engine) as conn:  # no text prints a recorded vote any more
            return {texts.NAME: "removed"} if db.delete(conn, texts.NAME) else {}
    if given is None:
        records = [r for p in parts.values() for r in p.provenance[0].records()]
        given = fingerprint(records, LOADER_VERSION)
    return {name: _write(engine, part, given, tuple(parts)) for name, part in parts.items()}


def _write(engine: Engine, part: VoteSet, given: str, names: Sequence[str]) -> Status:
    prov = part.provenance[0]
    records = prov.records()
    own = fingerprint(records, LOADER_VERSION)
    with _writing(engine) as conn:
        before = db.fingerprint(conn, prov.source)
        if before == own:
            db.claim(conn, prov.source, given, names)
            return "unchanged"
        source = {
            "name": prov.source,
            "licence": prov.licence,
            "citation": prov.citation,
            "notes": prov.notes,
            "unresolved": dict(prov.unresolved),
            "loader_version": LOADER_VERSION,
            "imported_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "fingerprint": own,
            "input_fingerprint": given,
            "input_sources": names,
        }
        rows = part.roll_calls
        position = pd.Index(rows["roll_call_id"]).get_indexer(part.votes["roll_call_id"])
        votes = pd.DataFrame(
            {
                "row": position,
                "state": _values(part.votes["state"]),
                "vote": _values(part.votes["vote"]),
            }
        )
        db.replace(conn, source, [r.as_dict() for r in records], rows, votes)
    return "new" if before is None else "updated"


def _values(column: pd.Series) -> np.ndarray:
    """A categorical column's values as an object array (without a string per row)."""
    if isinstance(column.dtype, pd.CategoricalDtype):
        codes = column.cat.codes.to_numpy()
        if (codes < 0).any():
            raise ValueError(f"missing values in {column.name!r}")
        return np.asarray(column.cat.categories, dtype=object)[codes]
    return column.astype(object).to_numpy()


def split(loaded: VoteSet) -> dict[str, VoteSet]:
    """One vote set per source name, its provenance merged into one entry.

    A roll call given twice (two UN Library files holding the same record) is taken from
    the last file; ``roll_call_id`` must be ``<source>/<source_ref>``.
    """
    out: dict[str, VoteSet] = {}
    frame = loaded.roll_calls
    bad = frame["roll_call_id"] != frame["source"] + "/" + frame["source_ref"].astype(str)
    if bad.any():
        raise ValueError(f"roll_call_id is not source/source_ref: {frame.loc[bad].iloc[0, 0]!r}")
    for name in dict.fromkeys(frame["source"]):
        rows = frame[frame["source"] == name].drop_duplicates("roll_call_id", keep="last")
        votes = loaded.votes[loaded.votes["roll_call_id"].isin(rows["roll_call_id"])]
        votes = votes.drop_duplicates(["roll_call_id", "state"], keep="last")
        prov = _merged(name, [p for p in loaded.provenance if p.source == name])
        out[str(name)] = VoteSet(rows.reset_index(drop=True), make_votes(votes), (prov,))
    return out


def _merged(name: str, parts: Sequence[Provenance]) -> Provenance:
    unresolved: dict[str, int] = {}
    known: dict[str, FileRecord] = {}
    for p in parts:
        for k, v in p.unresolved.items():
            unresolved[k] = unresolved.get(k, 0) + int(v)
        known.update(p.known)
    return Provenance(
        source=name,
        files=tuple(dict.fromkeys(f for p in parts for f in p.files)),
        licence=next((p.licence for p in parts if p.licence), ""),
        citation=next((p.citation for p in parts if p.citation), ""),
        notes=next((p.notes for p in parts if p.notes), ""),
        unresolved=unresolved,
        known=known,
    )


# --- reading -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Stored:
    """Everything the store holds: the votes, each roll call's row id, groups, sources."""

    votes: VoteSet
    ids: pd.Series  # row id in ``roll_calls`` per roll_call_id
    groups: dict[str, str]
    sources: list[dict[str, Any]]


def read(engine: Engine) -> Stored:
    """Every source in the store as one vote set (roll calls by source, then as written)."""
    with engine.connect() as conn:
        frame = db.roll_calls(conn)
        cells = db.votes(conn)
        groups = db.groups(conn)
        sources = db.sources(conn)
    frame["roll_call_id"] = frame["source"] + "/" + frame["source_ref"]
    roll_calls = make_roll_calls(frame)
    position = pd.Index(frame["id"]).get_indexer(cells["roll_call_id"])
    names = pd.Categorical.from_codes(position, categories=pd.Index(roll_calls["roll_call_id"]))
    votes = pd.DataFrame(
        {"roll_call_id": names.remove_unused_categories(), "state": cells["state"]}
    ).assign(vote=cells["vote"])
    provenance = tuple(
        Provenance(s["name"], tuple(f["path"] for f in s["files"]), s["licence"], s["citation"])
        for s in sources
    )
    ids = pd.Series(frame["id"].to_numpy(), index=roll_calls["roll_call_id"].to_numpy())
    return Stored(VoteSet(roll_calls, make_votes(votes), provenance), ids, groups, sources)


def manifest(stored: Stored, where: str, notes: Sequence[str] = ()) -> dict[str, Any]:
    """The cache manifest: where the votes are kept, and each source's provenance."""
    return {
        "format": cache.FORMAT,
        "loader_version": LOADER_VERSION,
        "created": datetime.now(UTC).isoformat(timespec="seconds"),
        "store": where,
        "sources": [
            {
                "source": s["name"],
                "files": s["files"],
                "licence": s["licence"],
                "citation": s["citation"],
                "notes": s["notes"],
                "unresolved": s["unresolved"],
                "roll_calls": s["n_roll_calls"],
                "rows": s["n_votes"],
                "loaded_at": s["imported_at"],
                "loader_version": s["loader_version"],
            }
            for s in stored.sources
        ],
        "notes": list(notes),
    }


def read_data(lib: Library, notes: Sequence[str] = ()) -> tuple[VoteData, Stored]:
    """The store's votes, keyed, checked and ready for the analyses."""
    stored = read(lib.engine)
    where = lib.engine.url.render_as_string(hide_password=True)
    if stored.votes.roll_calls.empty:
        raise ConcordError(
            "no vote data in the library: run `concord votes import`", source=where, status=503
        )
    return from_voteset(stored.votes, stored.groups, manifest(stored, where, notes)), stored


def from_library(where: Store = None) -> VoteData:
    """The votes in a library store (a :class:`Library`, a path or URL, else the default).

    The same data ``concord votes import`` writes into the cache, read from the store.
    """
    with opened(where) as lib:
        return read_data(lib)[0]


def sync_derived(lib: Library, data: VoteData, stored: Stored, groups: Mapping[str, str]) -> bool:
    """Record keys, canonical flags, disagreements and groups; ``True`` if any changed."""
    rc = data.roll_calls
    ids = stored.ids.reindex(rc["roll_call_id"]).to_numpy(dtype=np.int64)
    keys = pd.DataFrame(
        {"id": ids, "key": rc["key"].to_numpy(), "canonical": rc["canonical"].to_numpy()}
    )
    by_key = dict(zip(zip(rc["key"], rc["source"], strict=True), ids.tolist(), strict=True))
    found = {
        (str(k), str(s), by_key[(k, a)], va or None, by_key[(k, b)], vb or None)
        for k, s, a, va, b, vb in data.check("disagreements")[
            ["key", "state", "source_a", "vote_a", "source_b", "vote_b"]
        ].itertuples(index=False)
    }
    everyone = {s: groups.get(s) for s in data.states}
    with _writing(lib.engine) as conn:
        return db.sync_derived(conn, keys, found, everyone)
