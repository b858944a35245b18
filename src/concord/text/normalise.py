"""Normalisation steps: small, named, each ``Mapped -> Mapped`` (or lines -> lines).

Every step keeps the offset map, so whatever is found later still points into the raw
text. Steps that need to know the language take the pack's values as arguments; the
steps themselves are language-independent.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from itertools import pairwise
from typing import Final

from concord.text.mapped import Mapped, join, join_with

Step = Callable[[Mapped], Mapped]

# ``\r\n?|[\u2028\u2029\x0c\x0b\x85]``, the class first so that the engine skips to it.
_NEWLINES: Final = re.compile(r"[\r\u2028\u2029\x0c\x0b\x85](?:(?<=\r)\n)?")
# Tab, no-break, the spaces from en quad to hair space, narrow no-break, medium
# mathematical and ideographic.
_SPACE_CHARS: Final = "\t\u00a0" + "".join(map(chr, range(0x2000, 0x200B))) + "\u202f\u205f\u3000"
_INVISIBLE: Final = re.compile(r"[\u00ad\u200b-\u200d\u2060\ufeff]")
_NB_HYPHENS: Final = "\u2010\u2011"
_EMPHASIS: Final = re.compile(r"(\*{1,3}|_{2})(?=\S)([^*_\n]{1,80}?)(?<=\S)\1")
_SYMBOL_PART_SPACE: Final = re.compile(r"/(Add|Corr|Rev|Amend|Sub)\.\s+(?=\d)")


# Two-character needles are found faster by the regex engine's literal search than by
# ``in``, which tests a needle's last character first and stops at each one of those (on
# the samples' paragraphs: ``"__"`` 534 ns against 320; ``"- "``, stopped at every space,
# 890 against 339).
_DOUBLE_UNDERSCORE: Final = re.compile("__")


def _holds_any(text: str, chars: str) -> bool:
    """Whether ``text`` holds any of ``chars``: a test for each character is far faster
    than a regex scan, so a step with nothing to do costs almost nothing."""
    return any(char in text for char in chars)


def unify_newlines(text: Mapped) -> Mapped:
    """``\\r\\n``, ``\\r``, form feeds and Unicode line separators become ``\\n``."""
    if not _holds_any(text.text, "\r\u2028\u2029\x0c\x0b\x85"):
        return text
    return text.sub(_NEWLINES, "\n")


def unify_spaces(text: Mapped) -> Mapped:
    """Tabs, no-break, thin and ideographic spaces become a plain space."""
    return text.replace_chars(_SPACE_CHARS, " ")


def drop_invisible(text: Mapped) -> Mapped:
    """Soft hyphens and zero-width characters go."""
    if not _holds_any(text.text, "\u00ad\u200b\u200c\u200d\u2060\ufeff"):
        return text
    return text.sub(_INVISIBLE, "")


def plain_hyphens(text: Mapped) -> Mapped:
    """Non-breaking hyphens (``non‑intervention``) become ``-``."""
    return text.replace_chars(_NB_HYPHENS, "-")


def drop_emphasis(text: Mapped) -> Mapped:
    """Emphasis marks from Markdown extraction go: ``**重申**`` -> ``重申``."""
    if "*" not in text.text and not _DOUBLE_UNDERSCORE.search(text.text):
        return text
    return text.sub(_EMPHASIS, _emphasised)


def _emphasised(m: re.Match[str]) -> str:
    # A function, not the template ``\2``: ``Match.expand`` parses a template at every
    # match (the 72/169 seed's seventeen emphasised phrases cost a tenth of reading both
    # Chinese seeds).
    return m.group(2)


def mend_symbol_spaces(text: Mapped) -> Mapped:
    """``A/72/439/Add. 2`` -> ``A/72/439/Add.2``: a symbol never has a space."""
    return text.sub(_SYMBOL_PART_SPACE, _symbol_part)


def _symbol_part(m: re.Match[str]) -> str:
    return f"/{m.group(1)}."


DOCUMENT_STEPS: Final[tuple[Step, ...]] = (
    unify_newlines,
    unify_spaces,
    drop_invisible,
    plain_hyphens,
    drop_emphasis,
    mend_symbol_spaces,
)


def normalise_document(text: Mapped, steps: Sequence[Step] = DOCUMENT_STEPS) -> Mapped:
    for step in steps:
        text = step(text)
    return text


# --- lines -----------------------------------------------------------------------------

_JOB_NUMBER: Final = re.compile(
    r"^(?:"
    r"GE\.\d{2}-\d{4,6}\s*\([A-Z]\)(?:\s+\d{6})*(?:\s+\*\d+\*)?"  # GE.18-05246(C)
    r"|\d{2}-\d{5}\s*(?:\([A-Z]\))?(?:\s+\d{6})*"  # 23-21227 (E) 131123
    r"|\*\d{5,}\*\s*\S*"  # *2321227*A/C.3/78/L.41
    r"|\d{1,3}/\d{1,3}\s+\d{2}-\d{5}\S*"  # 8/9 23-21227A/C.3/78/L.41
    r"|\d{2}-\d{5}\s*\S*/\S*\s+\d{1,3}/\d{1,3}"  # 23-21227 A/C.3/78/L.41 2/9
    r"|\d{2}-\d{5}\s+\d{1,3}/\d{1,3}(?:[A-Z]\S*)?"  # 23-21227 3/9A/C.3/78/L.41
    r")$"
)
_PAGE_NUMBER: Final = re.compile(
    r"^(?:-\s*\d{1,3}\s*-|\d{1,3}/\d{1,3}|[Pp]age \d{1,3}(?: of \d{1,3})?|\d{1,3})$"
)
_SYMBOL_ONLY: Final = re.compile(r"^(?:A|E|S|ST)/[A-Za-z0-9./()-]+$")
_SEPARATOR: Final = re.compile(r"^(?:_{5,}|-{3,}|\*{3,}|—{3,})$")


_FURNITURE: Final = re.compile(
    "|".join(f"(?:{p.pattern})" for p in (_JOB_NUMBER, _PAGE_NUMBER, _SYMBOL_ONLY, _SEPARATOR))
)


# What page furniture and footnote rules open with, besides a digit.
FURNITURE_FIRST: Final = frozenset("*-_—AESPpG")


def could_be_furniture(line: str) -> bool:
    """A cheap test ahead of the patterns: False for a line none of them can match.

    Furniture opens with a digit, ``*``, ``-``, ``_`` or ``—``, or with ``GE.``,
    ``Page ``/``page `` or a symbol's ``A/``, ``E/``, ``S/``, ``ST/``: text, which opens
    with a word, is ruled out by its first characters. Furniture that opens with digits
    has ``/`` or ``-`` after them, or nothing (``8/9``, ``23-21227``, ``12``): a numbered
    paragraph (``5. Decides``) is ruled out too.
    """
    if not line:
        return False
    first = line[0]
    if first not in FURNITURE_FIRST:
        if not first.isdecimal():
            return False
        end = 1
        while end < len(line) and line[end].isdecimal():
            end += 1
        return end == len(line) or line[end] in "/-"
    if first in "*-_—":
        return True
    if first in "AES":
        return line[1:2] == "/" or line.startswith("ST/")
    if first in "Pp":
        return line[1:5] == "age "
    return line.startswith("GE.")


def is_furniture(line: str) -> bool:
    """:func:`is_job_number` or :func:`is_page_furniture`, in one match."""
    return could_be_furniture(line) and bool(_FURNITURE.match(line))


def is_job_number(line: str) -> bool:
    """``GE.18-05246(C)``, ``23-21227 (E) 131123``, ``8/9 23-21227A/C.3/78/L.41``..."""
    return bool(_JOB_NUMBER.match(line))


def is_page_furniture(line: str) -> bool:
    """A page number, a page header that is only a document symbol, a rule."""
    return bool(_PAGE_NUMBER.match(line) or _SYMBOL_ONLY.match(line) or _SEPARATOR.match(line))


def is_footnote_rule(line: str) -> bool:
    """The rule that opens a block of footnotes at the foot of a page."""
    return line.startswith("_____") or line == "---"


def unbreak(lines: Sequence[Mapped], joiner: str) -> Mapped:
    """Join the lines of one paragraph: Chinese without a space, English with one.

    A word hyphenated at the end of a line keeps its hyphen and loses the break
    (``Timor-`` + ``Leste`` -> ``Timor-Leste``; ``non-`` + ``selectivity``).
    """
    pieces = [line for line in lines if line.text]
    if not pieces:
        return Mapped.of("")
    if len(pieces) == 1:
        return pieces[0]
    if not joiner:
        return join(pieces)
    seps = [""]
    for left, right in pairwise(pieces):
        hyphen = left.text.endswith(("-", "‑"))
        seps.append("" if hyphen or _cjk_boundary(left.text, right.text) else joiner)
    return join_with(zip(seps, pieces, strict=True))


_CJK_CHAR: Final = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]")


def _cjk_boundary(left: str, right: str) -> bool:
    return bool(left and right and _CJK_CHAR.match(left[-1]) and _CJK_CHAR.match(right[0]))


# ``(?<=[a-z])- (?=[a-z])``, the hyphen first so that the engine skips to hyphens.
_HYPHEN_SPACE: Final = re.compile(r"-(?<=[a-z]-) (?=[a-z])")
# ``"- " in text``, faster (see ``_DOUBLE_UNDERSCORE``).
_HYPHEN_THEN_SPACE: Final = re.compile("- ")


def mend_hyphen_space(text: Mapped) -> Mapped:
    """``non- politicization`` -> ``non-politicization`` (a line break that became a space)."""
    if not _HYPHEN_THEN_SPACE.search(text.text):
        return text
    return text.sub(_HYPHEN_SPACE, "-")


# ``(?<=[CJK])[ ]+(?=[CJK])``, a space first so that the engine skips to spaces (the
# lookbehind after it looks past that space).
_CJK_SPACE: Final = re.compile(
    r"[ ](?<=[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef“”][ ])[ ]*"
    r"(?=[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef“”])"
)


def drop_cjk_spaces(text: Mapped) -> Mapped:
    """Spaces between two Chinese characters are layout, not text."""
    return text.sub(_CJK_SPACE, "")
