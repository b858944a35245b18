"""Vote sources: each turns one dataset into the canonical :class:`~concord.votes.table.VoteSet`.

A source is anything with a ``name`` and ``load(directory) -> VoteSet`` (the
:class:`VoteSource` protocol): the library store can feed the same tables later by
implementing it. Built in:

========== =========================================== =====================================
name       data                                        module
========== =========================================== =====================================
ga_unvotes GA roll calls 1946–2019 (Voeten / unvotes)  :mod:`~concord.votes.sources.unvotes`
hrc_ohchr  CHR and HRC recorded votes (non-commercial) :mod:`~concord.votes.sources.ohchr`
dhl_ga/sc  UN Library GA and SC voting CSVs            :mod:`~concord.votes.sources.dhl`
text       votes printed in resolution texts           :mod:`~concord.votes.sources.texts`
========== =========================================== =====================================
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from concord.votes.sources import dhl, ohchr, texts, unvotes
from concord.votes.states import StateDirectory
from concord.votes.table import VoteSet


class VoteSource(Protocol):
    """A dataset of votes that can be loaded into canonical tables."""

    @property
    def name(self) -> str: ...

    def load(self, directory: StateDirectory) -> VoteSet: ...


@dataclass(frozen=True)
class FileSource:
    """A source read from a file or folder by a loader function."""

    name: str
    path: Path
    loader: Callable[[Path, StateDirectory], VoteSet]

    def load(self, directory: StateDirectory) -> VoteSet:
        return self.loader(self.path, directory)


@dataclass(frozen=True)
class TextSource:
    """Votes printed in resolution texts (JSON from the reader, or texts to read)."""

    paths: tuple[Path, ...]
    name: str = texts.NAME

    def load(self, directory: StateDirectory) -> VoteSet:
        return texts.read_files(self.paths, directory)


def shared_sources(shared: Path) -> tuple[list[VoteSource], list[str]]:
    """The datasets present in the shared folder, and a note for each one absent."""
    found: list[VoteSource] = []
    notes: list[str] = []
    for name, folder, loader, first in (
        (unvotes.NAME, unvotes.FOLDER, unvotes.load, unvotes.FILES[1]),
        (ohchr.NAME, ohchr.FOLDER, ohchr.load, ohchr.VOTES_FILE),
    ):
        path = shared / folder
        if (path / first).is_file():
            found.append(FileSource(name, path, loader))
        else:
            notes.append(f"{name}: not found at {path}")
    return found, notes


def file_sources(dhl_files: Iterable[Path], text_files: Iterable[Path]) -> list[VoteSource]:
    """Sources for the user's own DHL CSVs and resolution texts."""
    out: list[VoteSource] = [FileSource("dhl", Path(p), dhl.load) for p in dhl_files]
    paths = tuple(Path(p) for p in text_files)
    if paths:
        out.append(TextSource(paths))
    return out


__all__ = ["FileSource", "TextSource", "VoteSource", "file_sources", "shared_sources"]
