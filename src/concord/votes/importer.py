"""``concord votes import``: load every dataset found into the library store, check them,
and build the cache from the store.

The library store (SQLite or PostgreSQL, :mod:`concord.votes.store`) keeps every source
with its provenance; the Parquet cache (:mod:`concord.votes.cache`) is derived from it,
the fast path the analyses read. :func:`collect` loads the same data in memory only,
without a store (for tests and quick looks).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from concord.errors import ConcordError
from concord.votes import cache
from concord.votes.data import VoteData, from_voteset
from concord.votes.files import LOADER_VERSION
from concord.votes.sources import VoteSource, file_sources, ohchr, shared_sources
from concord.votes.states import StateDirectory, default_directory
from concord.votes.table import VoteSet, concat

if TYPE_CHECKING:
    from concord.votes.store import Store

__all__ = ["LOADER_VERSION", "ImportResult", "collect", "import_votes"]


@dataclass(frozen=True)
class ImportResult:
    """What an import did: the data, where it went, what changed and what was not found.

    ``changes`` says per source ``new``, ``updated``, ``unchanged`` or ``removed``.
    """

    data: VoteData
    folder: Path | None
    notes: tuple[str, ...]
    changes: Mapping[str, str] = field(default_factory=dict)
    store: str = ""


def collect(
    shared: Path | None = None,
    dhl: Iterable[Path] = (),
    texts: Iterable[Path] = (),
    directory: StateDirectory | None = None,
    sources: Sequence[VoteSource] = (),
) -> tuple[VoteData, list[str]]:
    """All the votes in ``shared``, the given files and ``sources``, loaded and checked
    in memory (no store, no cache)."""
    directory = directory or default_directory(shared)
    found, notes = shared_sources(shared) if shared else ([], [])
    sources = [*found, *file_sources(dhl, texts), *sources]
    if not sources:
        where = str(shared) if shared else None
        raise ConcordError("no vote data found (give --shared, --dhl or --texts)", source=where)
    loaded = [_load(source, directory) for source in sources]
    votes = concat(loaded)
    groups = _groups(votes, directory, shared)
    return from_voteset(votes, groups, _manifest(loaded, notes)), notes


def import_votes(
    shared: Path | None = None,
    folder: Path | None = None,
    dhl: Sequence[Path] = (),
    texts: Sequence[Path] = (),
    directory: StateDirectory | None = None,
    db: Store = None,
    sources: Sequence[VoteSource] = (),
) -> ImportResult:
    """Write every source into the library store ``db`` (a :class:`~concord.library.Library`,
    path or URL; default: ``CONCORD_DB``, else the default library), then build the cache
    (``folder``, default :func:`cache.default_dir`) from everything the store holds.

    The texts already in the library are part of the ``text`` source.
    """
    from concord.votes import store

    directory = directory or default_directory(shared)
    found, notes = shared_sources(shared) if shared else ([], [])
    changes: dict[str, str] = {}
    with store.opened(db) as lib:
        for source in [*found, *file_sources(dhl, texts, lib.engine), *sources]:
            changes.update(store.write_input(lib.engine, source, directory))
        stored = store.read(lib.engine)
        if stored.votes.roll_calls.empty:
            where = str(shared) if shared else None
            raise ConcordError("no vote data found (give --shared, --dhl or --texts)", source=where)
        groups = _groups(stored.votes, directory, shared, stored.groups)
        url = lib.engine.url.render_as_string(hide_password=True)
        data = from_voteset(stored.votes, groups, store.manifest(stored, url, notes))
        store.sync_derived(lib, data, stored, groups)
    target = folder or cache.default_dir()
    cache.write(data, target)
    return ImportResult(data, target, tuple(notes), changes, url)


def _load(source: VoteSource, directory: StateDirectory) -> VoteSet:
    loaded = source.load(directory)
    if loaded.roll_calls.empty:
        raise ConcordError(f"{source.name}: no recorded votes found")
    return loaded


def _groups(
    votes: VoteSet,
    directory: StateDirectory,
    shared: Path | None,
    before: Mapping[str, str] | None = None,
) -> dict[str, str]:
    """Regional group per State: the gazetteer's, else the HRC dataset's assignment, else
    the one recorded before (``before``)."""
    fallback: dict[str, str] = {}
    folder = shared / ohchr.FOLDER if shared else None
    if folder is not None and (folder / ohchr.VOTES_FILE).is_file():
        fallback = ohchr.region_groups(folder, directory)
    before = before or {}
    states = sorted(votes.votes["state"].unique())
    found = {s: directory.region_group(s) or fallback.get(s) or before.get(s) for s in states}
    return {s: g for s, g in found.items() if g}


def _manifest(loaded: list[VoteSet], notes: list[str]) -> dict[str, Any]:
    now = datetime.now(UTC).isoformat(timespec="seconds")
    sources = []
    for part in loaded:
        for prov in part.provenance:
            own = part.roll_calls["source"] == prov.source
            ids = set(part.roll_calls.loc[own, "roll_call_id"])
            entry = prov.as_dict()
            entry["files"] = [r.as_dict() for r in prov.records()]
            entry["roll_calls"] = int(own.sum())
            entry["rows"] = int(part.votes["roll_call_id"].isin(ids).sum())
            entry["loaded_at"] = now
            entry["loader_version"] = LOADER_VERSION
            sources.append(entry)
    return {
        "format": cache.FORMAT,
        "loader_version": LOADER_VERSION,
        "created": now,
        "sources": sources,
        "notes": notes,
    }
