"""A Member, observer or former State of the United Nations: pure data, no I/O."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

__all__ = ["LANGUAGES", "REGION_GROUPS", "STATUSES", "State", "Status"]

Status = Literal["member", "observer", "former"]

#: The six official languages of the United Nations, as ISO 639-1 codes.
LANGUAGES: tuple[str, ...] = ("ar", "en", "es", "fr", "ru", "zh")
STATUSES: tuple[Status, ...] = ("member", "observer", "former")
#: The five UN regional groups, spelt as the Secretariat does.
REGION_GROUPS: tuple[str, ...] = (
    "African",
    "Asia-Pacific",
    "Eastern European",
    "Latin American and Caribbean",
    "Western European and others",
)


@dataclass(frozen=True)
class State:
    """One State as the gazetteer knows it.

    ``code`` is the ISO 3166-1 alpha-3 code (ISO 3166-3 style for former States, e.g. ``SUN``,
    ``DDR``, ``YMD``); ``alpha2`` and ``m49`` the two-letter and numeric codes where they are
    unambiguous. ``names`` maps a language to ``(short, formal)`` as in UNTERM, the short name
    without UNTERM's bracketed article (``"Republic of Korea"``, not ``"Republic of Korea
    (the)"``). ``admitted`` and ``left`` are ISO dates of UN membership (``left`` is the first
    day no longer a Member; ``None`` for observers and current Members); ``gaps`` holds
    ``(from, until)`` periods inside it without separate membership. ``successor`` is the State
    that continued the membership or into which this one merged; ``predecessors`` the reverse.
    ``region_group`` is the UN regional group (``None``: none, as for Kiribati); the United
    States, an observer of WEOG, is counted with WEOG. ``note`` says what is special.
    """

    code: str
    alpha2: str | None
    m49: int | None
    status: Status
    names: Mapping[str, tuple[str, str]] = field(hash=False)
    admitted: str | None = None
    left: str | None = None
    successor: str | None = None
    predecessors: tuple[str, ...] = ()
    region_group: str | None = None
    gaps: tuple[tuple[str, str], ...] = ()
    note: str = ""

    def is_member(self, on: str | date) -> bool:
        """Whether this State was a UN Member on the date ``on`` (ISO string or ``date``)."""
        day = _iso_day(on)
        if self.admitted is None or day < self.admitted:
            return False
        if self.left is not None and day >= self.left:
            return False
        return not any(start <= day < until for start, until in self.gaps)


def _iso_day(on: str | date) -> str:
    """``on`` as an ISO date string, checked; ``ValueError`` if it is not a date."""
    if isinstance(on, date):
        return on.isoformat()[:10]
    return date.fromisoformat(on).isoformat()
