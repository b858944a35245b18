"""What a document symbol itself says (body, session and number of ``A/RES/72/169``), and
what a user's reference target means."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Final

import sqlalchemy as sa

from concord import languages
from concord.model.uri import symbol_to_parts


@dataclass(frozen=True, slots=True)
class SymbolParts:
    body: str
    session: int
    number: str


def parts(symbol: str) -> SymbolParts | None:
    """Body, session and number read off a resolution symbol, or ``None``.

    The session is the number's first part (the year, for the Commission's resolutions);
    a special session's ``S-35/1`` and numbers such as ``217 (III)`` have none here.
    """
    try:
        body, number = symbol_to_parts(symbol)
    except ValueError:
        return None
    first = number.split("/")[0]
    if "/" not in number or not first.isdigit():
        return None
    return SymbolParts(body, int(first), number)


# A resolution number as a user writes it: ``70/1``, and with the part of a resolution
# adopted in parts, ``36/87 B`` or ``36/87B`` (one letter, or a doubled one past Z:
# ``53/77 AA``).
_NUMBER: Final = re.compile(r"(\d+/\d+)(?:\s*([A-Z])(\2)?)?")
# A resolution's full symbol, with or without a part: ``A/RES/36/87``, ``A/RES/36/87B``.
_FULL: Final = re.compile(
    r"([A-Z][A-Za-z0-9.]*(?:/[A-Za-z0-9.]+)*/RES/\d+/\d+)(?:\s*([A-Z])(\2)?)?"
)
# The UN Digital Library's form of a part: ``A/RES/36/87[B]``.
_BRACKETED_PART: Final = re.compile(r"\s*\[([A-Z]{1,2})\]$")


@dataclass(frozen=True, slots=True)
class ResolutionRef:
    """A resolution as a user names it, in the form the library stores: ``base`` is the
    full symbol or, for a bare number, the number (``A/RES/36/87``, ``36/87``); ``part``
    the letter of a part (``B``), stored after a space (``A/RES/36/87 B``)."""

    base: str
    part: str | None
    bare: bool

    @property
    def stored(self) -> str:
        """The symbol (or number) as stored: ``A/RES/36/87 B``, ``36/87``."""
        return f"{self.base} {self.part}" if self.part else self.base


def resolution_ref(text: str) -> ResolutionRef | None:
    """``text`` read as a resolution's symbol or bare number, its part written with a
    space, without one or in the UN Digital Library's brackets (``36/87 B``, ``36/87B``,
    ``A/RES/36/87[B]``); ``None`` where it is neither."""
    text = _BRACKETED_PART.sub(r" \1", " ".join(text.split()))
    number = _NUMBER.fullmatch(text)
    found = number or _FULL.fullmatch(text)
    if found is None:
        return None
    part = f"{found.group(2)}{found.group(3) or ''}" if found.group(2) else None
    return ResolutionRef(found.group(1), part, number is not None)


def target_match(column: sa.ColumnElement[str], target: str) -> sa.ColumnElement[bool]:
    """Whether a stored reference target (``column``) is what a user's ``target`` means.

    ``A/71/53`` and ``UDHR`` mean themselves; an instrument may also be named, in any
    language Concord reads (see :func:`instrument_ids`). A bare number means any
    resolution with that number (``70/1``: ``A/RES/70/1``, ``A/HRC/RES/70/1``). A
    resolution means its parts too: the reader stores a part as the number, a space and
    its letter (``A/RES/36/87 B``), so ``36/87`` and ``A/RES/36/87`` find the citations of
    ``36/87 A`` and ``36/87 B`` as well. A part means itself, however it is written (see
    :func:`resolution_ref`).
    """
    ref = resolution_ref(target)
    if ref is None:
        target = " ".join(target.split())
        ids = instrument_ids(target)
        return column.in_(ids) if ids else column == target
    # A bare number, of any body: ``%/RES/70/1``.
    base = f"%/RES/{ref.base}" if ref.bare else ref.base
    if ref.part:
        part = f"{base} {ref.part}"
        return column.like(part) if ref.bare else column == part
    # The whole resolution, or one of its parts: a space and one or two capital letters
    # (``_`` in a LIKE pattern is any one character; the symbols stored hold no other
    # text after a space).
    like = [column.like(f"{base} _"), column.like(f"{base} __")]
    return sa.or_(column.like(base) if ref.bare else column == base, *like)


def instrument_ids(target: str) -> tuple[str, ...]:
    """The instruments ``target`` names, by id or by a name the language packs know, in
    any case: ``udhr``, ``Universal Declaration of Human Rights`` and ``《世界人权宣言》``
    are ``("UDHR",)``; ``International Covenants on Human Rights`` names both Covenants.
    Empty where it names none."""
    return _instruments().get(_fold(target), ())


@cache
def _instruments() -> dict[str, tuple[str, ...]]:
    """Every instrument id and name of every language pack, folded, with its ids."""
    out: dict[str, tuple[str, ...]] = {}
    for code in languages.available():
        for name, ids in languages.get(code).instruments.items():
            targets = tuple(ids.split("+"))
            out.setdefault(_fold(name), targets)
            for each in targets:
                out.setdefault(_fold(each), (each,))
    return out


def _fold(text: str) -> str:
    """Case, spacing and the title marks of Chinese (``《》``) do not count."""
    return " ".join(text.replace("《", "").replace("》", "").casefold().split())
