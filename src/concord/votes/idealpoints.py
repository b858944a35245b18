"""One-dimensional ideal points per State and year: classical scaling of agreement.

The model, for each year separately:

1. Agreement with abstention as half (``half`` in :mod:`concord.votes.agreement`) among
   the States that cast at least ``min_votes`` votes that year; distance ``d = 1 − agree``.
   Pairs with no common vote get the mean distance.
2. Classical (Torgerson) multidimensional scaling: double-centre ``−½ d²`` and take the
   leading eigenvector times the square root of its eigenvalue — the one-dimensional
   configuration that best preserves the distances (the first principal coordinate).
3. Scale each year to mean 0 and standard deviation 1 and fix the sign so that the first
   present of the anchors (United States, United Kingdom, France, Canada, Australia) is
   positive: high = votes with the United States.

Also reported: ``explained``, the share of the positive eigenvalues the dimension carries.

Limits (read before comparing numbers): each year is scaled on its own, so a State's
position is relative to that year's Assembly — a shift can mean the State moved or that
the others did. Unlike the dynamic ordinal IRT of Bailey, Strezhnev and Voeten (2017),
there is no bridging through repeated resolutions, no uncertainty, and roll calls count
equally whether lopsided or divisive; one dimension hides the others (in the GA the first
dimension is broadly the West against the rest since the 1970s). Use it to see the shape
of a year and long trends, not to test small differences.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from concord.votes.agreement import from_block
from concord.votes.data import VoteData
from concord.votes.matrix import cast
from concord.votes.selection import Selection

ANCHORS = ("USA", "GBR", "FRA", "CAN", "AUS")


def scale(agree: np.ndarray) -> tuple[np.ndarray, float]:
    """First principal coordinate of ``1 − agree`` and the share it explains."""
    distance = 1.0 - agree
    fill = np.nanmean(distance) if np.isfinite(distance).any() else 1.0
    distance = np.where(np.isfinite(distance), distance, fill)
    np.fill_diagonal(distance, 0.0)
    n = len(distance)
    centre = np.eye(n) - np.full((n, n), 1.0 / n)
    inner = -0.5 * centre @ (distance**2) @ centre
    values, vectors = np.linalg.eigh(inner)
    top = values[-1]
    positive = values[values > 0].sum()
    coordinate = vectors[:, -1] * np.sqrt(max(top, 0.0))
    return coordinate, float(top / positive) if positive > 0 else float("nan")


def standardise(points: np.ndarray, states: Sequence[str], anchors: Sequence[str]) -> np.ndarray:
    """Mean 0, sd 1, sign fixed by the first anchor present (positive)."""
    spread = points.std()
    out = (points - points.mean()) / spread if spread > 0 else points * 0.0
    for anchor in anchors:
        if anchor in states:
            if out[list(states).index(anchor)] < 0:
                out = -out
            break
    return out


def ideal_points(
    data: VoteData,
    selection: Selection | None = None,
    min_votes: int = 10,
    anchors: Sequence[str] = ANCHORS,
) -> pd.DataFrame:
    """Ideal point per State and year: state, year, ideal_point, votes, explained."""
    rows = data.rows(selection)
    years = data.roll_calls["date"].iloc[rows].dt.year.to_numpy()
    frames = []
    for year in np.unique(years):
        block = data.matrix.take(rows[years == year])
        votes = cast(block).sum(axis=0)
        keep = np.flatnonzero(votes >= min_votes)
        if keep.size < 3:
            continue
        states = [data.states[i] for i in keep]
        points, explained = scale(from_block(block[:, keep], states).half)
        frames.append(
            pd.DataFrame(
                {
                    "state": states,
                    "year": int(year),
                    "ideal_point": standardise(points, states, anchors),
                    "votes": votes[keep],
                    "explained": explained,
                }
            )
        )
    if not frames:
        return pd.DataFrame(columns=["state", "year", "ideal_point", "votes", "explained"])
    return pd.concat(frames, ignore_index=True)
