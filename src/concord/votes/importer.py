"""``concord votes import``: load every dataset found, check them, write the cache."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from concord.errors import ConcordError
from concord.votes import cache
from concord.votes.data import VoteData, from_voteset
from concord.votes.sources import VoteSource, file_sources, ohchr, shared_sources
from concord.votes.states import StateDirectory, default_directory
from concord.votes.table import VoteSet, concat

LOADER_VERSION = "1"


@dataclass(frozen=True)
class ImportResult:
    """What an import did: the data, where it went, and what was not found."""

    data: VoteData
    folder: Path | None
    notes: tuple[str, ...]


def collect(
    shared: Path | None = None,
    dhl: Iterable[Path] = (),
    texts: Iterable[Path] = (),
    directory: StateDirectory | None = None,
    sources: Sequence[VoteSource] = (),
) -> tuple[VoteData, list[str]]:
    """All the votes in ``shared``, the given files and ``sources``, loaded and checked."""
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
) -> ImportResult:
    """Load, check and write the cache (``folder``, default :func:`cache.default_dir`)."""
    data, notes = collect(shared, dhl, texts, directory)
    target = folder or cache.default_dir()
    cache.write(data, target)
    return ImportResult(data, target, tuple(notes))


def _load(source: VoteSource, directory: StateDirectory) -> VoteSet:
    loaded = source.load(directory)
    if loaded.roll_calls.empty:
        raise ConcordError(f"{source.name}: no recorded votes found")
    return loaded


def _groups(votes: VoteSet, directory: StateDirectory, shared: Path | None) -> dict[str, str]:
    """Regional group per State: the gazetteer's, else the HRC dataset's assignment."""
    fallback: dict[str, str] = {}
    folder = shared / ohchr.FOLDER if shared else None
    if folder is not None and (folder / ohchr.VOTES_FILE).is_file():
        fallback = ohchr.region_groups(folder, directory)
    states = sorted(votes.votes["state"].unique())
    found = {s: directory.region_group(s) or fallback.get(s) for s in states}
    return {s: g for s, g in found.items() if g}


def _manifest(loaded: list[VoteSet], notes: list[str]) -> dict[str, Any]:
    now = datetime.now(UTC).isoformat(timespec="seconds")
    sources = []
    for part in loaded:
        for prov in part.provenance:
            own = part.roll_calls["source"] == prov.source
            ids = set(part.roll_calls.loc[own, "roll_call_id"])
            entry = prov.as_dict()
            entry["files"] = [cache.file_info(Path(f)) for f in prov.files]
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
