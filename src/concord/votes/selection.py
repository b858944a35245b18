"""Which roll calls an analysis reads: body, period, issue, source, kind."""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

from concord.errors import ConcordError
from concord.votes.codes import GA, ISSUES

_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")


@dataclass(frozen=True)
class Selection:
    """A choice of roll calls.

    ``body`` GA, HRC, CHR or SC (``None``: all); ``start``/``end`` a year, year-month or
    ISO date, both inclusive; ``issue`` an issue code (``hr`` human rights, see
    :data:`~concord.votes.codes.ISSUES`); ``source`` one source only (default: for each roll
    call the best source, see :mod:`concord.votes.identity`); ``kinds`` e.g.
    ``("resolution",)`` to leave out votes on amendments and paragraphs.
    """

    body: str | None = GA
    start: str | None = None
    end: str | None = None
    issue: str | None = None
    source: str | None = None
    kinds: tuple[str, ...] | None = None

    def describe(self) -> str:
        parts = [self.body or "all bodies"]
        if self.start or self.end:
            parts.append(f"{self.start or '…'}–{self.end or '…'}")
        if self.issue:
            parts.append(f"issue {self.issue}")
        if self.source:
            parts.append(f"source {self.source}")
        return ", ".join(parts)


def bound(text: str | int | None, end: bool = False) -> np.datetime64 | None:
    """First (or last, with ``end``) day a year, month or date stands for."""
    if text is None or str(text).strip() == "":
        return None
    match = _DATE.match(str(text).strip())
    if not match:
        raise ConcordError(f"not a year or ISO date: {text!r}")
    year, month, day = match.groups()
    try:
        if day:
            return np.datetime64(f"{year}-{month}-{day}", "D")
        if month:
            first = np.datetime64(f"{year}-{month}", "M")
            day_one: np.datetime64 = (first + (1 if end else 0)).astype("datetime64[D]")
            return day_one - np.timedelta64(1, "D") if end else day_one
    except ValueError:
        raise ConcordError(f"not a valid date: {text!r}") from None
    return np.datetime64(f"{year}-12-31" if end else f"{year}-01-01", "D")


def mask(roll_calls: pd.DataFrame, selection: Selection) -> np.ndarray:
    """True for the roll calls the selection takes."""
    keep = np.ones(len(roll_calls), dtype=bool)
    dates = roll_calls["date"].to_numpy().astype("datetime64[D]")
    start, end = bound(selection.start), bound(selection.end, end=True)
    if start is not None:
        keep &= dates >= start
    if end is not None:
        keep &= dates <= end
    if selection.body:
        keep &= roll_calls["body"].to_numpy() == selection.body.upper()
    if selection.source:
        keep &= roll_calls["source"].to_numpy() == selection.source
    else:
        keep &= roll_calls["canonical"].to_numpy(dtype=bool)
    if selection.issue:
        keep &= _has_issue(roll_calls["issues"], selection.issue)
    if selection.kinds:
        keep &= roll_calls["kind"].isin(selection.kinds).to_numpy()
    return keep


def rows(roll_calls: pd.DataFrame, selection: Selection) -> np.ndarray:
    """Row numbers of the selected roll calls; :class:`ConcordError` when there are none."""
    found = np.flatnonzero(mask(roll_calls, selection))
    if found.size == 0:
        raise ConcordError(f"no recorded votes in this selection ({selection.describe()})")
    return found


def _has_issue(issues: pd.Series, code: str) -> np.ndarray:
    code = code.strip().lower()
    if code not in ISSUES:
        known = ", ".join(f"{k} ({v})" for k, v in ISSUES.items())
        raise ConcordError(f"unknown issue {code!r}; known: {known}")
    padded = ";" + issues.astype("str") + ";"
    return padded.str.contains(f";{code};", regex=False).to_numpy(dtype=bool)
