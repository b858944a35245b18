"""The files a source was read from, and the fingerprint that tells an unchanged one.

A :class:`FileRecord` is a path with its SHA-256 (and size); for a text already in the
library it is the file the text was read from, with the hash the library recorded and the
reader's version. A fingerprint is the SHA-256 of the sorted records' hashes and the
loader's version: the same files read by the same loader give the same fingerprint,
wherever the files lie.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

LOADER_VERSION = "1"
"""Bump when a loader makes something else of the same files: every source is then
written again on the next import."""


@dataclass(frozen=True)
class FileRecord:
    """One input file: path, SHA-256, size (when read from disk), reader version (texts)."""

    path: str
    sha256: str
    bytes: int | None = None
    reader_version: str | None = None

    @classmethod
    def of(cls, path: Path) -> FileRecord:
        """The record of a file on disk (hashed once per size and modification time)."""
        stat = path.stat()
        return cls(str(path), _sha256(str(path), stat.st_size, stat.st_mtime_ns), stat.st_size)

    def as_dict(self) -> dict[str, Any]:
        out = asdict(self)
        if out["reader_version"] is None:
            del out["reader_version"]
        return out


@lru_cache(maxsize=256)
def _sha256(path: str, size: int, mtime_ns: int) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def fingerprint(records: Iterable[FileRecord], loader_version: str) -> str:
    """SHA-256 over the records' hashes (and reader versions), sorted, and the loader."""
    lines = sorted(f"{r.sha256}:{r.reader_version or ''}" for r in records)
    text = "\n".join([f"loader {loader_version}", *lines])
    return hashlib.sha256(text.encode()).hexdigest()
