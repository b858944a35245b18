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
__version__ = "20"

# Anything larger is not one resolution (the longest run to a few hundred kilobytes).
MAX_BYTES = 20 * 1024 * 1024
# A PDF, Word or HTML file holds more than its text (fonts, images, markup): a larger file
# is allowed, and its text, once extracted, is held to MAX_BYTES.
MAX_DOCUMENT_BYTES = 5 * MAX_BYTES


def check_size(size: int, suffix: str, source: str) -> None:
    """Refuse a file of ``size`` bytes too large to be one resolution (a PDF, Word or HTML
    file by its ``suffix`` may be larger than a text), before anything reads it."""
    document = suffix.lower() in DOCUMENT_SUFFIXES
    if size > (MAX_DOCUMENT_BYTES if document else MAX_BYTES):
        raise ConcordError(f"too large for one resolution ({size} bytes)", source)


def parse_bytes(
    data: bytes,
    *,
    source: str = "-",
    language: str | None = None,
    symbol: str | None = None,
    adopted_on: str | None = None,
) -> Resolution:
    """Decode and read one resolution; :class:`ConcordError` names ``source`` on bad input."""
    check_size(len(data), ".txt", source)
    text = decode(data, source)
    return _read(text, source, language=language, symbol=symbol, adopted_on=adopted_on)


def _read(text: str, source: str, **options: str | None) -> Resolution:
    """:func:`parse_text`, its errors naming ``source``."""
    try:
        return parse_text(text, source=source, **options)
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
    file = Path(path)
    try:
        if file.is_file():
            check_size(file.stat().st_size, file.suffix, source)
        data = file.read_bytes()
    except FileNotFoundError:
        raise ConcordError("no such file", source) from None
    except IsADirectoryError:
        raise ConcordError("is a folder, not a file", source) from None
    except OSError as exc:
        raise ConcordError(f"cannot read: {exc.strerror or exc}", source) from None
    return parse_document(
        data,
        file.suffix,
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
    check_size(len(data), suffix, source)
    text = extract_text(data, suffix, source)
    if len(text) > MAX_BYTES:
        raise ConcordError(
            f"too large for one resolution ({len(text)} characters of text extracted)", source
        )
    return _read(text, source, **options)


__all__ = ["check_size", "parse_bytes", "parse_document", "parse_file", "parse_text"]
