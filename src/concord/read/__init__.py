"""Reading a resolution: decode, normalise, segment, parse, extract.

The public verbs are :func:`parse_text`, :func:`parse_bytes` and :func:`parse_file`.
"""

from __future__ import annotations

from pathlib import Path

from concord.errors import ConcordError
from concord.formats import DOCUMENT_SUFFIXES, extract_text
from concord.model import Resolution
from concord.read.parse import parse_text
from concord.text.decode import decode

# The reader's own version, recorded with every expression a library stores: a library
# reads a text again when it was read by another version. Bump it whenever what the reader
# makes of a text changes (tests/test_golden.py holds the samples' output to it).
__version__ = "13"

# Anything larger is not one resolution (the longest run to a few hundred kilobytes).
MAX_BYTES = 20 * 1024 * 1024


def parse_bytes(
    data: bytes,
    *,
    source: str = "-",
    language: str | None = None,
    symbol: str | None = None,
    adopted_on: str | None = None,
) -> Resolution:
    """Decode and read one resolution; :class:`ConcordError` names ``source`` on bad input."""
    if len(data) > MAX_BYTES:
        raise ConcordError(f"too large for one resolution ({len(data)} bytes)", source)
    text = decode(data, source)
    try:
        return parse_text(
            text, source=source, language=language, symbol=symbol, adopted_on=adopted_on
        )
    except ConcordError as exc:
        raise exc.with_source(source) from None


def parse_file(
    path: str | Path,
    *,
    language: str | None = None,
    symbol: str | None = None,
    adopted_on: str | None = None,
) -> Resolution:
    """Read the resolution in the file at ``path``: a text file (its encoding detected), or
    a PDF, Word (``.docx``) or HTML document, whose text is extracted first as
    ``concord ingest`` extracts it (spans then point into that text)."""
    source = str(path)
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        raise ConcordError("no such file", source) from None
    except IsADirectoryError:
        raise ConcordError("is a folder, not a file", source) from None
    except OSError as exc:
        raise ConcordError(f"cannot read: {exc.strerror or exc}", source) from None
    return parse_document(
        data,
        Path(path).suffix,
        source=source,
        language=language,
        symbol=symbol,
        adopted_on=adopted_on,
    )


def parse_document(
    data: bytes,
    suffix: str,
    *,
    source: str = "-",
    language: str | None = None,
    symbol: str | None = None,
    adopted_on: str | None = None,
) -> Resolution:
    """Read the resolution in a file's bytes: a PDF, Word or HTML document (by ``suffix``)
    has its text extracted first (``concord.formats``); any other file is text."""
    options = {"language": language, "symbol": symbol, "adopted_on": adopted_on}
    suffix = suffix.lower()
    if suffix not in DOCUMENT_SUFFIXES:
        return parse_bytes(data, source=source, **options)
    text = extract_text(data, suffix, source)
    try:
        return parse_text(text, source=source, **options)
    except ConcordError as exc:
        raise exc.with_source(source) from None


__all__ = ["parse_bytes", "parse_document", "parse_file", "parse_text"]
