"""The lookup key for names of States: small pure ``str -> str`` steps, applied in order.

``normalise_name`` is what both the index and every query go through, so two spellings that
differ only in width, case, apostrophe, article, line break or a trailing footnote mark meet
at the same key. It never guesses: names that differ in letters stay different.

>>> normalise_name("Côte d’Ivoire")
"côte d'ivoire"
>>> normalise_name("Timor- Leste")
'timor-leste'
>>> normalise_name("Afganistán (el)")
'afganistán'
>>> normalise_name("大韩民国 ", lang="zh")
'大韩民国'
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache

__all__ = ["NORMALISE_STEPS", "normalise_name"]

_APOSTROPHES = re.compile("[\u2019\u2018\u02bc\u00b4\u0060\u2032]")
_HYPHENS = re.compile("[\u2010\u2011\u2012\u2013\u2212]")
# Soft hyphen, zero-width characters and the byte-order mark carry no letters.
_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
_BROKEN_HYPHEN = re.compile(r"(?<=\w)- (?=\w)")
# Footnote marks, list punctuation and observer asterisks at the end: "Nepal,", "Mongolia 2",
# "Holy See (the) *", "Japan." and the ideographic comma and full stop of Chinese lists.
_TRAILING_MARKS = " *\u2020\u2021.,;:\u3001\u3002\uff1b\uff1a0123456789"
_LEADING_MARKS = " *\u2022\u00b7-"
# UNTERM writes the article after the name in brackets: "Gambia (the)", "Afghanistan (l')".
_TRAILING_ARTICLE = re.compile(r"\s*\((?:the|l'|le|la|les|el|los|las)\)$")
# Formal names begin with one: "the Republic of Korea", "l'État de Palestine", "el Reino ...".
_LEADING_ARTICLE = re.compile(r"^(?:the |l'|le |la |les |el |los |las )")
_CJK = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_ARABIC_MARKS = re.compile("[\u0640\u064b-\u0652]")  # tatweel and short-vowel marks
_CJK_LANGS = frozenset({"zh", "ja"})


def nfkc(text: str) -> str:
    """Unicode NFKC: full-width letters and brackets become ASCII, ligatures split."""
    return unicodedata.normalize("NFKC", text)


def unify_marks(text: str) -> str:
    """Curly and other apostrophes become ``'``, dash-like hyphens ``-``; drop invisibles."""
    return _INVISIBLE.sub("", _HYPHENS.sub("-", _APOSTROPHES.sub("'", text)))


def collapse_whitespace(text: str) -> str:
    """Any run of whitespace (line breaks included) becomes one space; trim the ends."""
    return " ".join(text.split())


def mend_broken_hyphen(text: str) -> str:
    """Join a name hyphenated across lines: ``Timor- Leste`` -> ``Timor-Leste``."""
    return _BROKEN_HYPHEN.sub("-", text) if "- " in text else text


def fold_case(text: str) -> str:
    """Case-insensitive comparison (``str.casefold``), plus Russian ё as е."""
    return text.casefold().replace("ё", "е")


def strip_marks(text: str) -> str:
    """Drop bullets before and punctuation, asterisks and footnote digits after the name."""
    return text.rstrip(_TRAILING_MARKS).lstrip(_LEADING_MARKS)


def strip_articles(text: str) -> str:
    """Drop the English, French and Spanish article, bracketed after or leading before."""
    if text.endswith(")"):
        text = _TRAILING_ARTICLE.sub("", text)
    return _LEADING_ARTICLE.sub("", text)


def strip_arabic_marks(text: str) -> str:
    """Drop Arabic tatweel and vowel marks, which vary between copies of one name."""
    return _ARABIC_MARKS.sub("", text)


NORMALISE_STEPS: tuple[Callable[[str], str], ...] = (
    nfkc,
    unify_marks,
    collapse_whitespace,
    mend_broken_hyphen,
    fold_case,
    strip_marks,
    strip_articles,
    strip_arabic_marks,
)


def remove_cjk_spaces(text: str) -> str:
    """Chinese and Japanese names carry no spaces: drop any a line break left."""
    return "".join(text.split())


@lru_cache(maxsize=8192)
def normalise_name(name: str, lang: str | None = None) -> str:
    """Return the lookup key of a State's name.

    ``lang`` (ISO 639-1) is a hint: ``"zh"`` or ``"ja"`` removes all whitespace, as does any
    name containing CJK characters. The other steps apply to every language, so a key does
    not depend on knowing the language.
    """
    key = name
    for step in NORMALISE_STEPS:
        key = step(key)
    if lang in _CJK_LANGS or _CJK.search(key):
        key = remove_cjk_spaces(key)
    return key
