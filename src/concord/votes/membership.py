"""Telling absent Members from non-members where a source kept only the votes cast.

Rule, for a State with no row on a roll call of the source:

* it is **absent / non-voting** (``X``) when the roll call falls within its UN
  membership (gazetteer: admitted … left, less any gaps) *and* on or after its first
  recorded vote in that source — the second condition keeps out seats held by another
  government (China before 25 October 1971, when Taiwan's representatives held the seat);
* otherwise it is **not a member** and gets no row (``-`` in the matrix).

For a State the directory does not know (no gazetteer), its recorded span — first to last
vote in the source — stands for its membership.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from concord.votes.codes import NON_VOTING
from concord.votes.states import StateDirectory
from concord.votes.table import VoteSet, make_votes

FAR_PAST = np.datetime64("1000-01-01", "D")
FAR_FUTURE = np.datetime64("9999-12-31", "D")


def fill_absent(votes: VoteSet, directory: StateDirectory) -> VoteSet:
    """``votes`` with an ``X`` row for every Member that has none (see module docstring)."""
    if votes.votes.empty:
        return votes
    rc_ids = pd.Index(votes.roll_calls["roll_call_id"])
    states = pd.Index(sorted(votes.votes["state"].unique()))
    rows = rc_ids.get_indexer(votes.votes["roll_call_id"])
    cols = states.get_indexer(votes.votes["state"])
    dates = votes.roll_calls["date"].to_numpy().astype("datetime64[D]")
    present = np.zeros((len(rc_ids), len(states)), dtype=bool)
    present[rows, cols] = True
    low, high = _recorded_span(dates[rows], cols, len(states))
    members, known = _members(dates, states, directory)
    high = np.where(known, FAR_FUTURE, high)  # the directory knows when a State left
    eligible = (dates[:, None] >= low[None, :]) & (dates[:, None] <= high[None, :]) & members
    missing_rc, missing_state = np.nonzero(eligible & ~present)
    added = pd.DataFrame(
        {
            "roll_call_id": rc_ids.to_numpy()[missing_rc],
            "state": states.to_numpy()[missing_state],
            "vote": NON_VOTING,
        }
    )
    merged = make_votes(pd.concat([votes.votes, added], ignore_index=True))
    return VoteSet(votes.roll_calls, merged, votes.provenance)


def _recorded_span(dates: np.ndarray, cols: np.ndarray, n: int) -> tuple[np.ndarray, np.ndarray]:
    days = dates.astype(np.int64)
    low = np.full(n, np.iinfo(np.int64).max)
    high = np.full(n, np.iinfo(np.int64).min)
    np.minimum.at(low, cols, days)
    np.maximum.at(high, cols, days)
    return low.astype("datetime64[D]"), high.astype("datetime64[D]")


def _members(
    dates: np.ndarray, states: pd.Index, directory: StateDirectory
) -> tuple[np.ndarray, np.ndarray]:
    """Membership per date and State (True where the directory cannot say), and which it knew."""
    out = np.ones((len(dates), len(states)), dtype=bool)
    known = np.zeros(len(states), dtype=bool)
    for j, code in enumerate(states):
        periods = directory.periods(str(code))
        if periods is None:
            continue
        known[j] = True
        member = np.zeros(len(dates), dtype=bool)
        for start, end in periods:
            first = np.datetime64(start, "D") if start else FAR_PAST
            stop = np.datetime64(end, "D") if end else FAR_FUTURE
            member |= (dates >= first) & (dates < stop)
        out[:, j] = member
    return out, known
