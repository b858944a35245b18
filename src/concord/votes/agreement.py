"""How often do two States vote alike? The pairwise agreement index, fast.

Over the roll calls on which **both** States cast a vote (yes, no or abstain; absences and
non-membership left out):

* ``identical`` — the share of those roll calls on which they voted the same way;
* ``half`` — the variant that scores yes/abstain and no/abstain as half agreement
  (votes as 1, ½, 0 and agreement ``1 − |a − b|``), as in Voeten's agreement scores.

Computed for all pairs at once from indicator matrices over the selected roll calls: with
``P`` (vote cast), ``W`` (yes or no) and ``U`` (yes − no), the counts are four matrix
products: ``n = PᵀP``, disagreements yes/no ``(WᵀW − UᵀU)/2`` and mixed pairs with one
abstention ``PᵀW + WᵀP − 2WᵀW``. The 200 × 200 matrix over all GA roll calls takes a few
milliseconds; :func:`concord.votes.oracle.agreement_pandas` is the slow reference.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np
import pandas as pd

from concord.errors import ConcordError
from concord.votes.codes import CODE_NO, CODE_YES, HUMAN_RIGHTS
from concord.votes.data import VoteData
from concord.votes.matrix import cast
from concord.votes.selection import Selection

Variant = Literal["identical", "half"]
VARIANTS: tuple[Variant, ...] = ("identical", "half")


@dataclass(frozen=True)
class Agreement:
    """Pairwise counts and agreement shares for ``states`` (NaN where no common vote)."""

    states: tuple[str, ...]
    n: np.ndarray
    identical: np.ndarray
    half: np.ndarray

    def values(self, variant: Variant = "identical") -> np.ndarray:
        if variant not in VARIANTS:
            raise ConcordError(f"unknown agreement variant {variant!r}; use identical or half")
        return self.identical if variant == "identical" else self.half

    def table(self, variant: Variant = "identical") -> pd.DataFrame:
        """Square table: State × State."""
        return pd.DataFrame(self.values(variant), index=self.states, columns=self.states)

    def pairs(self) -> pd.DataFrame:
        """One row per pair (state_a < state_b in the order given): n, identical, half."""
        i, j = np.triu_indices(len(self.states), k=1)
        names = np.asarray(self.states, dtype=object)
        return pd.DataFrame(
            {
                "state_a": names[i],
                "state_b": names[j],
                "n": self.n[i, j],
                "identical": self.identical[i, j],
                "half": self.half[i, j],
            }
        )


def counts(block: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """For a block of codes (roll calls × States): common votes, identical, half-sum."""
    p = cast(block).astype(np.float32)
    w = ((block == CODE_YES) | (block == CODE_NO)).astype(np.float32)
    u = (block == CODE_YES).astype(np.float32) - (block == CODE_NO).astype(np.float32)
    pp = (p.T @ p).astype(np.float64)
    ww = (w.T @ w).astype(np.float64)
    uu = (u.T @ u).astype(np.float64)
    pw = (p.T @ w).astype(np.float64)
    opposed = (ww - uu) / 2  # yes against no, either way round
    mixed = pw + pw.T - 2 * ww  # one abstained, the other voted yes or no
    return pp, pp - opposed - mixed, pp - opposed - mixed / 2


def from_block(block: np.ndarray, states: Sequence[str]) -> Agreement:
    """Agreement of the States whose columns make up ``block``."""
    n, same, half_sum = counts(block)
    with np.errstate(invalid="ignore", divide="ignore"):
        identical = np.where(n > 0, same / n, np.nan)
        half = np.where(n > 0, half_sum / n, np.nan)
    return Agreement(tuple(states), n.astype(np.int64), identical, half)


def agreement(
    data: VoteData,
    states: Sequence[str] | None = None,
    selection: Selection | None = None,
) -> Agreement:
    """Pairwise agreement of ``states`` (default: all) over the selected roll calls."""
    rows = data.rows(selection)
    names = [s.upper() for s in states] if states else list(data.states)
    cols = data.matrix.columns(names) if states else None
    return from_block(data.matrix.take(rows, cols), names)


def over_time(
    data: VoteData,
    states: Sequence[str],
    selection: Selection | None = None,
    freq: Literal["year", "session"] = "year",
) -> pd.DataFrame:
    """Agreement of every pair of ``states`` per year (or GA session)."""
    if len(states) < 2:
        raise ConcordError("agreement over time needs at least two States")
    rows = data.rows(selection)
    names = [s.upper() for s in states]
    block = data.matrix.take(rows, data.matrix.columns(names))
    periods = _periods(data.roll_calls.iloc[rows], freq)
    frames = []
    for period in np.unique(periods):
        pairs = from_block(block[periods == period], names).pairs()
        frames.append(pairs.assign(period=period, roll_calls=int((periods == period).sum())))
    out = pd.concat(frames, ignore_index=True)
    return out[["period", "state_a", "state_b", "roll_calls", "n", "identical", "half"]]


def _periods(roll_calls: pd.DataFrame, freq: str) -> np.ndarray:
    if freq == "session":
        return roll_calls["session"].fillna("?").to_numpy(dtype=str)
    if freq != "year":
        raise ConcordError(f"unknown period {freq!r}; use year or session")
    years: np.ndarray = roll_calls["date"].dt.year.to_numpy()
    return years


def most_similar(
    data: VoteData,
    state: str,
    selection: Selection | None = None,
    variant: Variant = "identical",
    min_votes: int = 10,
    top: int | None = 10,
) -> pd.DataFrame:
    """The States that vote most like ``state`` (default: human-rights roll calls).

    Only States with at least ``min_votes`` roll calls in common are ranked.
    """
    selection = selection or Selection(issue=HUMAN_RIGHTS)
    rows = data.rows(selection)
    block = data.matrix.take(rows)
    me = data.matrix.column(state)
    result = from_block(block, data.states)
    frame = pd.DataFrame(
        {
            "state": data.states,
            "n": result.n[me],
            "identical": result.identical[me],
            "half": result.half[me],
        }
    )
    frame = frame[(frame["state"] != state.upper()) & (frame["n"] >= min_votes)]
    frame = frame.sort_values([variant, "n"], ascending=[False, False], ignore_index=True)
    return frame if top is None else frame.head(top)
