"""The usual, slow way to compute agreement: a pandas self-merge on the long table.

Kept as the reference the fast matrix code is tested against (and timed against in
``bench/bench_votes.py``). On all GA roll calls it builds about 130 million merged rows.
"""

from __future__ import annotations

import pandas as pd

VALUE = {"Y": 1.0, "A": 0.5, "N": 0.0}


def agreement_pandas(long: pd.DataFrame) -> pd.DataFrame:
    """Pairwise agreement from a long table (roll_call_id, state, vote).

    Returns one row per ordered pair (state_a, state_b), including a State with itself:
    ``n`` roll calls both voted on, ``identical`` and ``half`` shares.
    """
    cast = long.loc[long["vote"].isin(list(VALUE)), ["roll_call_id", "state", "vote"]]
    cast = cast.assign(value=cast["vote"].map(VALUE))
    pairs = cast.merge(cast, on="roll_call_id", suffixes=("_a", "_b"))
    pairs["same"] = pairs["vote_a"] == pairs["vote_b"]
    pairs["score"] = 1.0 - (pairs["value_a"] - pairs["value_b"]).abs()
    grouped = pairs.groupby(["state_a", "state_b"], sort=True)
    return grouped.agg(
        n=("same", "size"), identical=("same", "mean"), half=("score", "mean")
    ).reset_index()
