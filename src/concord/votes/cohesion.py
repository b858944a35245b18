"""How cohesive is a group? The Agreement Index of Hix, Noury and Roland, per period.

For one roll call and the group's members who cast a vote, with ``Y``, ``N``, ``A`` the
counts of each vote and ``T = Y + N + A``::

    AI = (max(Y, N, A) − ½ (T − max(Y, N, A))) / T

1 when all vote alike, 0 when the group splits evenly three ways; undefined (left out)
when fewer than two members voted. A period's cohesion is the mean over its roll calls.

Groups are the UN regional groups (``AFRICAN``, ``ASIA_PACIFIC``, ``EEG``, ``GRULAC``,
``WEOG``; the United States counted with WEOG), ``ALL`` (every State voting), or any
named list of States. Membership at the time of the vote comes from the data: only States
that cast a vote on a roll call count, so a group on the Human Rights Council is its
members who sat on the Council at that session.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from concord.errors import ConcordError
from concord.votes.codes import CODE_ABSTAIN, CODE_NO, CODE_YES
from concord.votes.data import VoteData
from concord.votes.selection import Selection
from concord.votes.states import REGION_GROUPS, group_key

ALL = "ALL"


def group_members(data: VoteData, names: Sequence[str] | None = None) -> dict[str, list[str]]:
    """States of each named group (default: the five regional groups)."""
    out: dict[str, list[str]] = {}
    for name in names or REGION_GROUPS:
        if name.upper() == ALL:
            out[ALL] = list(data.states)
            continue
        key = group_key(name)
        if key is None:
            raise ConcordError(
                f"unknown group {name!r}; use one of {', '.join(REGION_GROUPS)}, ALL"
            )
        out[key] = [s for s in data.states if data.groups.get(s) == key]
    return out


def agreement_index(counts: np.ndarray) -> np.ndarray:
    """AI per row of a (roll calls × 3) array of yes/no/abstain counts (NaN if < 2 voted)."""
    total = counts.sum(axis=1)
    top = counts.max(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        index = (top - 0.5 * (total - top)) / total
    return np.where(total >= 2, index, np.nan)


def cohesion(
    data: VoteData,
    groups: Sequence[str] | Mapping[str, Sequence[str]] | None = None,
    selection: Selection | None = None,
) -> pd.DataFrame:
    """Mean Agreement Index per group and year: group, year, roll_calls, voters, cohesion."""
    members = dict(groups) if isinstance(groups, Mapping) else group_members(data, groups)
    rows = data.rows(selection)
    years = data.roll_calls["date"].iloc[rows].dt.year.to_numpy()
    frames = []
    for name, states in members.items():
        block = data.matrix.take(rows, data.matrix.columns(states))
        counts = np.stack([(block == c).sum(axis=1) for c in (CODE_YES, CODE_NO, CODE_ABSTAIN)], 1)
        index = agreement_index(counts)
        frame = pd.DataFrame({"year": years, "ai": index, "voters": counts.sum(axis=1)})
        frame = frame.dropna(subset=["ai"])
        per_year = frame.groupby("year").agg(
            roll_calls=("ai", "size"), voters=("voters", "mean"), cohesion=("ai", "mean")
        )
        frames.append(per_year.reset_index().assign(group=name))
    out = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()
    return out[["group", "year", "roll_calls", "voters", "cohesion"]]
