"""Vote sources: each turns one dataset into the canonical :class:`~concord.votes.table.VoteSet`.

A source is anything with a ``name`` and ``load(directory) -> VoteSet`` (the
:class:`VoteSource` protocol). Built in:

========== =========================================== =====================================
name       data                                        module
========== =========================================== =====================================
ga_unvotes GA roll calls 1946–2019 (Voeten / unvotes)  :mod:`~concord.votes.sources.unvotes`
hrc_ohchr  CHR and HRC recorded votes (non-commercial) :mod:`~concord.votes.sources.ohchr`
dhl_ga/sc  UN Library GA and SC voting CSVs            :mod:`~concord.votes.sources.dhl`
text       votes printed in resolution texts: files    :mod:`~concord.votes.sources.texts`,
           given, and the texts in the library         :mod:`~concord.votes.sources.library`
========== =========================================== =====================================

``concord votes import`` writes what they load into the library store
(:mod:`concord.votes.store`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from concord.votes.files import FileRecord
from concord.votes.sources import dhl, ohchr, texts, unvotes
from concord.votes.sources.common import need_file
from concord.votes.states import StateDirectory
from concord.votes.table import VoteSet, concat

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine


class VoteSource(Protocol):
    """A dataset of votes that can be loaded into canonical tables.

    A source may also have ``inputs() -> list[FileRecord] | None``: the files it reads,
    hashed without loading them, so that an import can skip a source whose files have not
    changed (see :func:`inputs_of`).
    """

    @property
    def name(self) -> str: ...

    def load(self, directory: StateDirectory) -> VoteSet: ...


def inputs_of(source: VoteSource) -> list[FileRecord] | None:
    """The files a source reads, when it can say so before loading; else ``None``."""
    inputs = getattr(source, "inputs", None)
    found = inputs() if inputs is not None else None
    return None if found is None else list(found)


@dataclass(frozen=True)
class FileSource:
    """A source read from a file or folder by a loader function.

    ``files`` lists what the loader reads in ``path`` (for :func:`inputs_of`).
    """

    name: str
    path: Path
    loader: Callable[[Path, StateDirectory], VoteSet]
    files: Callable[[Path], Sequence[Path]] | None = None

    def load(self, directory: StateDirectory) -> VoteSet:
        return self.loader(self.path, directory)

    def inputs(self) -> list[FileRecord] | None:
        if self.files is None and self.path.is_dir():
            return None  # not known before loading
        paths = self.files(self.path) if self.files else [self.path]
        return [FileRecord.of(need_file(p)) for p in paths]


@dataclass(frozen=True)
class DhlSource:
    """The user's UN Library voting CSVs, loaded together (several feed ``dhl_ga``)."""

    paths: tuple[Path, ...]
    name: str = "dhl"

    def load(self, directory: StateDirectory) -> VoteSet:
        return concat(dhl.load(p, directory) for p in self.paths)

    def inputs(self) -> list[FileRecord]:
        return [FileRecord.of(need_file(p)) for p in self.paths]


@dataclass(frozen=True)
class TextSource:
    """Votes printed in resolution texts: files given (JSON from the reader, gold files,
    texts to read) and, with ``library``, the texts already in the library.

    A symbol in both is taken from the file given.
    """

    paths: tuple[Path, ...]
    library: Engine | None = None
    name: str = texts.NAME

    def load(self, directory: StateDirectory) -> VoteSet:
        printed, unresolved = texts.read_printed(self.paths, directory)
        if self.library is None:
            return texts.load(printed, unresolved)
        from concord.votes.sources.library import printed_votes

        stored, records = printed_votes(self.library)
        return texts.load([*stored, *printed], unresolved, {r.path: r for r in records})

    def inputs(self) -> list[FileRecord]:
        records = [FileRecord.of(need_file(p)) for p in self.paths]
        if self.library is not None:
            from concord.votes.sources.library import printed_votes

            records += printed_votes(self.library)[1]
        return records


def shared_sources(shared: Path) -> tuple[list[VoteSource], list[str]]:
    """The datasets present in the shared folder, and a note for each one absent."""
    found: list[VoteSource] = []
    notes: list[str] = []
    for name, folder, loader, files in (
        (unvotes.NAME, unvotes.FOLDER, unvotes.load, unvotes.input_files),
        (ohchr.NAME, ohchr.FOLDER, ohchr.load, ohchr.input_files),
    ):
        path = shared / folder
        if all(f.is_file() for f in files(path)):
            found.append(FileSource(name, path, loader, files))
        else:
            notes.append(f"{name}: not found at {path}")
    return found, notes


def file_sources(
    dhl_files: Iterable[Path], text_files: Iterable[Path], library: Engine | None = None
) -> list[VoteSource]:
    """Sources for the user's own DHL CSVs and resolution texts (and the library's texts)."""
    out: list[VoteSource] = []
    paths = tuple(Path(p) for p in dhl_files)
    if paths:
        out.append(DhlSource(paths))
    texts_given = tuple(Path(p) for p in text_files)
    if texts_given or library is not None:
        out.append(TextSource(texts_given, library))
    return out


__all__ = [
    "DhlSource",
    "FileSource",
    "TextSource",
    "VoteSource",
    "file_sources",
    "inputs_of",
    "shared_sources",
]
