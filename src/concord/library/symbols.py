"""What a document symbol itself says: body, session and number (``A/RES/72/169``)."""

from __future__ import annotations

import re
from dataclasses import dataclass

_PATTERNS = (
    ("HRC", re.compile(r"^A/HRC/RES/(\d+)/(\d+)")),
    ("GA", re.compile(r"^A/RES/(\d+)/(\d+)")),
    ("CHR", re.compile(r"^E/CN\.4/RES/(\d{4})/(\d+)")),
)


@dataclass(frozen=True, slots=True)
class SymbolParts:
    body: str
    session: int
    number: str


def parts(symbol: str) -> SymbolParts | None:
    """Body, session and number read off a resolution symbol, or ``None``."""
    for body, pattern in _PATTERNS:
        match = pattern.match(symbol)
        if match:
            session, number = match.groups()
            return SymbolParts(body, int(session), f"{session}/{number}")
    return None


def target_patterns(target: str) -> list[str]:
    """Stored reference targets a user's ``target`` may mean.

    ``A/RES/70/1`` and ``UDHR`` mean themselves; a bare number ``70/1`` means any
    resolution with that number (``A/RES/70/1``, ``A/HRC/RES/70/1``).
    """
    target = target.strip()
    if re.fullmatch(r"\d+/\d+", target):
        return [f"%/RES/{target}"]
    return [target]
