"""Reading one file into a Resolution: what ingest's worker processes run.

Everything here is picklable and free of database access, so it runs in any process.
A resolution read comes back prepared (its JSON copy made here, by
:func:`concord.library.store.prepare`), so the process that writes only writes.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from concord.errors import ConcordError
from concord.formats import check_supported
from concord.library.sources import Hints
from concord.library.store import Prepared, prepare
from concord.model.resolution import Resolution


@dataclass(frozen=True, slots=True)
class Read:
    """A file read: its resolution, or why it could not be read."""

    source: str
    content_hash: str
    resolution: Resolution | None = None
    error: str | None = None
    prepared: Prepared | None = None


def content_hash(data: bytes) -> str:
    """The SHA-256 of a file's bytes, in hex: what makes a re-ingest a no-op."""
    return hashlib.sha256(data).hexdigest()


def reader_version() -> str:
    """The version of the reader, recorded with every expression it made."""
    import concord
    import concord.read

    return str(getattr(concord.read, "__version__", None) or concord.__version__)


def parse(data: bytes, source: str, suffix: str, hints: Hints) -> Resolution:
    """The resolution in a file's bytes (``suffix`` says its format)."""
    try:
        from concord.read import parse_document
    except ImportError as exc:
        raise ConcordError("the reader (concord.read) is not available", source, 500) from exc
    check_supported(suffix, source)
    res = parse_document(
        data,
        suffix,
        source=source,
        language=hints.language,
        symbol=hints.symbol,
        adopted_on=hints.adopted_on,
    )
    if not res.symbol:
        raise ConcordError(
            "no symbol in the text: give it in a MANIFEST.csv beside the file or with --symbol",
            source,
        )
    return res


def read_file(path: Path, hints: Hints, data: bytes | None = None) -> Read:
    """Read ``path`` (or its already-read ``data``); errors become a reason, not a raise."""
    source = str(path)
    try:
        if data is None:
            data = path.read_bytes()
        digest = content_hash(data)
    except OSError as exc:
        return Read(source, "", error=exc.strerror or str(exc))
    try:
        res = parse(data, source, path.suffix, hints)
        return Read(source, digest, res, prepared=prepare(res))
    except ConcordError as exc:
        return Read(source, digest, error=exc.message)
    except Exception as exc:
        return Read(source, digest, error=f"reader failed: {exc.__class__.__name__}: {exc}")
