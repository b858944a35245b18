"""Bytes to text: the encodings UN texts come in, and a clear error for what is not text."""

from __future__ import annotations

import codecs
from typing import Final

from concord.errors import ConcordError

_BOMS: Final = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Control characters that never occur in text (tab, newline, carriage return and form
# feed do).
_BINARY_CONTROLS: Final = bytes(sorted(set(range(0x20)) - {0x09, 0x0A, 0x0C, 0x0D}))


def detect_encoding(data: bytes) -> str | None:
    """The encoding of ``data``: a BOM, UTF-16 without BOM, UTF-8, or GB18030.

    Returns None when none of them decodes it. GB18030 comes last: it is a superset of
    GBK and GB2312, the encodings of Chinese UN texts saved outside Unicode.
    """
    found = _detect(data)
    return found[0] if found else None


def _detect(data: bytes) -> tuple[str, str | None] | None:
    """:func:`detect_encoding`, with the text where finding the encoding decoded it (UTF-8
    and GB18030 are found by decoding: the text is kept, not decoded a second time)."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name, None
    utf16 = _utf16_without_bom(data)
    if utf16 and len(data) % 2 == 0:
        return utf16, None
    for name in ("utf-8", "gb18030"):
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        return name, text
    return None


def _utf16_without_bom(data: bytes) -> str | None:
    sample = data[:4096]
    if len(sample) < 4 or b"\x00" not in sample:  # no NUL, no ASCII-heavy UTF-16
        return None
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    half = len(sample) // 2
    # ASCII-heavy UTF-16 has a NUL in every other byte.
    if odd_nuls > 0.3 * half and even_nuls < 0.05 * half:
        return "utf-16-le"
    if even_nuls > 0.3 * half and odd_nuls < 0.05 * half:
        return "utf-16-be"
    return None


def decode(data: bytes, source: str = "-") -> str:
    """Decode the bytes of a text file, or raise :class:`ConcordError` naming ``source``."""
    if not data.strip():
        raise ConcordError("empty file", source)
    found = _detect(data)
    if found is None:
        if _looks_binary(data):
            raise ConcordError("not a text file (binary content)", source)
        raise ConcordError("cannot decode: not UTF-8, UTF-16 or GB18030 text", source)
    encoding, text = found
    if text is None:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as exc:
            raise ConcordError(f"cannot decode as {encoding}: {exc.reason}", source) from None
    if text.startswith("\ufeff"):
        text = text[1:]
    # The first 8192 bytes of the text in UTF-8: the input's own where it is UTF-8 (past
    # its BOM), else those of at most the first 8192 characters.
    if encoding == "utf-8":
        skip = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
        sample = data[skip : skip + 8192]
    else:
        sample = text[:8192].encode("utf-8", "surrogatepass")[:8192]
    if _looks_binary(sample):
        raise ConcordError("not a text file (binary content)", source)
    if not text.strip():
        raise ConcordError("empty file", source)
    return text


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if not sample:
        return False
    if b"\x00" in sample:
        return True
    controls = len(sample) - len(sample.translate(None, _BINARY_CONTROLS))
    return controls > 0.01 * len(sample)
