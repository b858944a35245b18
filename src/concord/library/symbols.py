"""What a document symbol itself says: body, session and number (``A/RES/72/169``)."""

from __future__ import annotations

import re
from dataclasses import dataclass

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


def target_patterns(target: str) -> list[str]:
    """Stored reference targets a user's ``target`` may mean.

    ``A/RES/70/1`` and ``UDHR`` mean themselves; a bare number ``70/1`` means any
    resolution with that number (``A/RES/70/1``, ``A/HRC/RES/70/1``).
    """
    target = target.strip()
    if re.fullmatch(r"\d+/\d+", target):
        return [f"%/RES/{target}"]
    return [target]
