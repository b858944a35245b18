"""Do the sources agree? Printed tallies against lists, and source against source.

Four reports, all data frames:

* :func:`tallies` — for each roll call whose source prints totals (the HRC records'
  ``yes/no/abstain``, the UN Library totals, a text's "28 to 1, with 17 abstentions"),
  the printed numbers beside the Y/N/A rows the same source holds.
* :func:`disagreements` — for each roll call held by two sources (same key, see
  :mod:`concord.votes.identity`), every State whose votes differ: both give a vote and the
  votes differ, or one gives yes/no/abstain and the other has no row. A missing row against
  ``X`` or ``-`` is no disagreement (texts print no absentees). Nothing is overwritten:
  analyses read one source per roll call, and this table says where the others differ.
* :func:`comparison` — the same per roll call and pair of sources: States compared, how
  many agree and disagree, and the verdict (``agree`` / ``disagree``).
* :func:`tally_differences` — roll calls whose counts differ between sources.
"""

from __future__ import annotations

from itertools import combinations

import numpy as np
import pandas as pd

from concord.votes.codes import ABSTAIN, NO, YES

CAST = (YES, NO, ABSTAIN)
TALLY_COLUMNS = (
    "roll_call_id",
    "key",
    "source",
    "body",
    "symbol",
    "date",
    "printed_yes",
    "printed_no",
    "printed_abstain",
    "counted_yes",
    "counted_no",
    "counted_abstain",
    "agrees",
)
DISAGREEMENT_COLUMNS = (
    "key",
    "body",
    "symbol",
    "date",
    "state",
    "source_a",
    "vote_a",
    "source_b",
    "vote_b",
)
PAIR_COLUMNS = (*DISAGREEMENT_COLUMNS, "differ")
COMPARISON_COLUMNS = (
    "key",
    "body",
    "symbol",
    "date",
    "source_a",
    "source_b",
    "states",
    "agree",
    "disagree",
    "verdict",
)


def counts(votes: pd.DataFrame) -> pd.DataFrame:
    """Y/N/A rows per roll call (columns counted_yes, counted_no, counted_abstain)."""
    ids, uniques = pd.factorize(votes["roll_call_id"])
    letters = votes["vote"].to_numpy(dtype=object)
    columns = {
        f"counted_{name}": np.bincount(ids[letters == letter], minlength=len(uniques))
        for letter, name in zip(CAST, ("yes", "no", "abstain"), strict=True)
    }
    return pd.DataFrame(columns, index=pd.Index(uniques, name="roll_call_id"))


def tallies(roll_calls: pd.DataFrame, votes: pd.DataFrame) -> pd.DataFrame:
    """Printed totals beside counted rows, for every roll call that prints totals."""
    printed = roll_calls[roll_calls[["yes", "no", "abstain"]].notna().all(axis=1)]
    if "key" not in printed:
        printed = printed.assign(key=printed["roll_call_id"])
    table = printed.rename(
        columns={"yes": "printed_yes", "no": "printed_no", "abstain": "printed_abstain"}
    ).join(counts(votes), on="roll_call_id")
    for column in ("counted_yes", "counted_no", "counted_abstain"):
        table[column] = table[column].fillna(0).astype("int64")
    table["agrees"] = (
        (table["printed_yes"] == table["counted_yes"])
        & (table["printed_no"] == table["counted_no"])
        & (table["printed_abstain"] == table["counted_abstain"])
    ).astype(bool)
    return table[list(TALLY_COLUMNS)].reset_index(drop=True)


def shared_keys(roll_calls: pd.DataFrame) -> pd.DataFrame:
    """Roll calls whose key is held by more than one source."""
    n_sources = roll_calls.groupby("key")["source"].transform("nunique")
    return roll_calls[n_sources > 1]


def pairs(roll_calls: pd.DataFrame, votes: pd.DataFrame) -> pd.DataFrame:
    """Every State on every roll call held by two sources, per pair of sources: the two
    votes (``""`` where a source has no row) and whether they ``differ``."""
    shared = shared_keys(roll_calls)
    if shared.empty:
        return pd.DataFrame(columns=[*PAIR_COLUMNS])
    meta = shared[["roll_call_id", "key", "source", "body", "symbol", "date"]]
    rows = votes.merge(meta, on="roll_call_id")
    found = [_pair(rows, shared, a, b) for a, b in combinations(sorted(set(shared["source"])), 2)]
    found = [f for f in found if not f.empty]
    if not found:
        return pd.DataFrame(columns=[*PAIR_COLUMNS])
    return pd.concat(found, ignore_index=True)[list(PAIR_COLUMNS)]


def disagreements(
    roll_calls: pd.DataFrame, votes: pd.DataFrame, paired: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Every (roll call, State) on which two sources differ (see the module docstring)."""
    paired = pairs(roll_calls, votes) if paired is None else paired
    out = paired[paired["differ"].astype(bool)]
    if out.empty:
        return pd.DataFrame(columns=list(DISAGREEMENT_COLUMNS))
    return out[list(DISAGREEMENT_COLUMNS)].sort_values(["date", "key", "state"], ignore_index=True)


def comparison(
    roll_calls: pd.DataFrame, votes: pd.DataFrame, paired: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Per roll call held by two sources, per pair: ``states`` with a vote cast in either,
    how many ``agree`` (the same vote cast in both) and ``disagree``, and the ``verdict``."""
    paired = pairs(roll_calls, votes) if paired is None else paired
    if paired.empty:
        return pd.DataFrame(columns=list(COMPARISON_COLUMNS))
    cast = paired["vote_a"].isin(CAST) | paired["vote_b"].isin(CAST)
    frame = paired.assign(
        states=cast,
        agree=cast & (paired["vote_a"] == paired["vote_b"]),
        disagree=paired["differ"].astype(bool),
    )
    keys = ["key", "body", "symbol", "date", "source_a", "source_b"]
    table = frame.groupby(keys, sort=False, dropna=False)[["states", "agree", "disagree"]].sum()
    table = table.astype("int64").reset_index()
    table["verdict"] = np.where(table["disagree"] > 0, "disagree", "agree")
    return table[list(COMPARISON_COLUMNS)].sort_values(["date", "key"], ignore_index=True)


def _pair(rows: pd.DataFrame, shared: pd.DataFrame, a: str, b: str) -> pd.DataFrame:
    keys = set(shared.loc[shared["source"] == a, "key"]) & set(
        shared.loc[shared["source"] == b, "key"]
    )
    side_a = rows[(rows["source"] == a) & rows["key"].isin(keys)]
    side_b = rows[(rows["source"] == b) & rows["key"].isin(keys)]
    cols = ["key", "state", "vote"]
    left, right = side_a[cols].astype("str"), side_b[cols].astype("str")
    pair = left.merge(right, on=["key", "state"], how="outer", suffixes=("_a", "_b"))
    pair = pair.fillna({"vote_a": "", "vote_b": ""})
    both = (pair["vote_a"] != "") & (pair["vote_b"] != "")
    one_cast = pair["vote_a"].isin(CAST) | pair["vote_b"].isin(CAST)
    pair["differ"] = (pair["vote_a"] != pair["vote_b"]) & (both | one_cast)
    meta = shared[shared["source"] == a][["key", "body", "symbol", "date"]]
    return pair.merge(meta, on="key").assign(source_a=a, source_b=b)


def tally_differences(roll_calls: pd.DataFrame, votes: pd.DataFrame) -> pd.DataFrame:
    """Roll calls held by several sources whose Y/N/A counts differ between them."""
    shared = shared_keys(roll_calls)
    cols = ["counted_yes", "counted_no", "counted_abstain"]
    meta = ["key", "source", "roll_call_id", "body", "symbol", "date", "yes", "no", "abstain"]
    table = shared[meta].join(counts(votes), on="roll_call_id")
    table[cols] = table[cols].fillna(0).astype("int64")
    varied = table.groupby("key")[cols].transform("nunique").gt(1).any(axis=1)
    return table[varied].sort_values(["key", "source"], ignore_index=True)
