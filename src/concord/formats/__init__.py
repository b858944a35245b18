"""Text out of document files: plain text, PDF, Word (.docx) and HTML.

:func:`extract_text` turns a document's bytes into text for the reader
(:func:`concord.read.parse_document` calls it); plain-text files are handed to the reader
as bytes, which detects their encoding.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import cast

from concord.errors import ConcordError

# Module and function of each extractor, imported when first used: pdfminer alone takes a
# tenth of a second to import, which reading a text file need not pay.
_EXTRACTORS: dict[str, tuple[str, str]] = {
    ".pdf": ("concord.formats.pdf", "pdf_text"),
    ".docx": ("concord.formats.docx", "docx_text"),
    ".html": ("concord.formats.html", "html_text"),
    ".htm": ("concord.formats.html", "html_text"),
}
PLAIN_SUFFIXES = frozenset({".txt"})
DOCUMENT_SUFFIXES = frozenset(_EXTRACTORS)
SUPPORTED_SUFFIXES = PLAIN_SUFFIXES | DOCUMENT_SUFFIXES


def is_plain_text(suffix: str) -> bool:
    """Whether files with ``suffix`` are plain text for the reader to decode."""
    return suffix.lower() in PLAIN_SUFFIXES


def check_supported(suffix: str, source: str) -> None:
    """Raise :class:`ConcordError` naming ``source`` unless ``suffix`` is a file type
    Concord reads."""
    if suffix.lower() not in SUPPORTED_SUFFIXES:
        known = ", ".join(sorted(SUPPORTED_SUFFIXES))
        raise ConcordError(f"unsupported file type {suffix or '(none)'!r} (known: {known})", source)


def extract_text(data: bytes, suffix: str, source: str) -> str:
    """The text of a ``suffix`` file (``.pdf``, ``.docx``, ``.html``) given as bytes.

    Raises :class:`ConcordError` naming ``source`` for an unknown format or a file that
    cannot be read as one.
    """
    check_supported(suffix, source)
    module, name = _EXTRACTORS[suffix.lower()]
    extractor = cast(Callable[[bytes], str], getattr(importlib.import_module(module), name))
    try:
        text = extractor(data)
    except ConcordError as exc:
        raise exc.with_source(source) from exc
    except Exception as exc:
        kind = suffix.lstrip(".").upper()
        raise ConcordError(
            f"not a readable {kind} file ({exc.__class__.__name__}: {exc})", source
        ) from exc
    if not text.strip():
        raise ConcordError(f"no text found in this {suffix.lstrip('.').upper()} file", source)
    return text
