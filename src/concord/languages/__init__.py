"""Language packs, chosen through a registry.

>>> get("zh").code
'zh'
"""

from __future__ import annotations

import re

from concord.errors import ConcordError
from concord.languages.base import Actor, LanguagePack, PhraseTable

_REGISTRY: dict[str, LanguagePack] = {}
# Runs of Chinese characters: their lengths add up to the characters' count, with a match
# object for each run rather than for each character (four times faster on the seeds).
_CJK_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]+")


def register(pack: LanguagePack) -> None:
    """Make ``pack`` available under its ISO 639-1 code."""
    _REGISTRY[pack.code] = pack


def get(code: str) -> LanguagePack:
    _load_builtin()
    try:
        return _REGISTRY[code]
    except KeyError:
        known = ", ".join(sorted(_REGISTRY))
        raise ConcordError(f"no language pack for {code!r} (known: {known})") from None


def available() -> tuple[str, ...]:
    _load_builtin()
    return tuple(sorted(_REGISTRY))


def detect(text: str) -> str:
    """The language of ``text``: Chinese when Chinese characters dominate the letters."""
    sample = text[:3000]
    if sample.isascii():
        return "en"
    ascii_bytes = sample.encode("ascii", "ignore")
    latin = _latin_letters(ascii_bytes)
    # Chinese characters are among those outside ASCII: where these are few (curly quotes
    # in an English text), so are Chinese ones, and the sample need not be scanned for them.
    if len(sample) - len(ascii_bytes) <= latin / 4:
        return "en"
    cjk = sum(map(len, _CJK_RUN.findall(sample)))
    if not cjk:
        return "en"
    return "zh" if cjk > latin / 4 else "en"


def _latin_letters(ascii_bytes: bytes) -> int:
    """How many of ``A-Z`` and ``a-z`` ``ascii_bytes`` holds (counted without a regex)."""
    return len(ascii_bytes) - len(ascii_bytes.translate(None, _LATIN_BYTES))


_LATIN_BYTES = bytes(range(ord("A"), ord("Z") + 1)) + bytes(range(ord("a"), ord("z") + 1))


def _load_builtin() -> None:
    if _REGISTRY:
        return
    from concord.languages import en, zh

    register(zh.PACK)
    register(en.PACK)


__all__ = ["Actor", "LanguagePack", "PhraseTable", "available", "detect", "get", "register"]
