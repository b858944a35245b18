"""Filters shared by listing resolutions and searching paragraphs."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa

from concord.errors import ConcordError
from concord.library import schema as t
from concord.library.symbols import target_match

POSITIONS = ("yes", "no", "abstain")
KINDS = ("preamble", "operative", "annex")


@dataclass(frozen=True, slots=True)
class Filters:
    """What hits and resolutions must satisfy; ``None`` means any.

    ``cites`` is a resolution, document or instrument the resolution refers to
    (``A/RES/70/1``, ``70/1``, ``UDHR``); ``voted`` is ``(ISO3, position)`` with
    position ``yes``, ``no`` or ``abstain``.
    """

    body: str | None = None
    session_from: int | None = None
    session_to: int | None = None
    year_from: int | None = None
    year_to: int | None = None
    language: str | None = None
    kind: str | None = None
    intro_key: str | None = None
    cites: str | None = None
    voted: tuple[str, str] | None = None

    def checked(self) -> Filters:
        """These filters, or a 400 error naming the first bad value."""
        if self.kind is not None and self.kind not in KINDS:
            raise ConcordError(f"kind must be one of {', '.join(KINDS)}, not {self.kind!r}")
        if self.voted is not None and self.voted[1] not in POSITIONS:
            raise ConcordError(
                f"vote position must be one of {', '.join(POSITIONS)}, not {self.voted[1]!r}"
            )
        return self


NO_FILTERS = Filters()


def _range(column: sa.ColumnElement[Any], lo: int | None, hi: int | None) -> list[Any]:
    out = []
    if lo is not None:
        out.append(column >= lo)
    if hi is not None:
        out.append(column <= hi)
    return out


def _cites(target: str) -> sa.ColumnElement[bool]:
    r, e2 = t.refs.c, t.expressions.alias("citing")
    match = target_match(r.target, target)
    return sa.exists(
        sa.select(1)
        .select_from(t.refs.join(e2, e2.c.id == r.expression_id))
        .where(e2.c.work_id == t.works.c.id, e2.c.is_current, match)
    )


def _voted(state: str, position: str) -> sa.ColumnElement[bool]:
    v, e2 = t.votes.c, t.expressions.alias("voting")
    return sa.exists(
        sa.select(1)
        .select_from(t.votes.join(e2, e2.c.id == v.expression_id))
        .where(e2.c.work_id == t.works.c.id, e2.c.is_current)
        .where(v.state == state.upper(), v.position == position)
    )


def work_conditions(f: Filters) -> list[Any]:
    """Conditions on ``works`` (body, session, year, citations, votes)."""
    w = t.works.c
    out: list[Any] = []
    if f.body:
        out.append(w.body == f.body.upper())
    out += _range(w.session, f.session_from, f.session_to)
    out += _range(w.year, f.year_from, f.year_to)
    if f.cites:
        out.append(_cites(f.cites))
    if f.voted:
        out.append(_voted(*f.voted))
    return out


def paragraph_conditions(f: Filters) -> list[Any]:
    """Conditions on the current expression and the paragraph itself."""
    e, p = t.expressions.c, t.paragraphs.c
    out: list[Any] = [e.is_current]
    if f.language:
        out.append(e.language == f.language)
    if f.kind:
        out.append(p.kind == f.kind)
    if f.intro_key:
        out.append(p.intro_key == f.intro_key)
    return out + work_conditions(f)
