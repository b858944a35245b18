"""Do the sources agree? Printed tallies against lists, and source against source.

Three reports, all data frames:

* :func:`tallies` — for each roll call whose source prints totals (the HRC records'
  ``yes/no/abstain``, the UN Library totals, a text's "28 to 1, with 17 abstentions"),
  the printed numbers beside the Y/N/A rows the same source holds.
* :func:`disagreements` — for each roll call held by two sources (same key, see
  :mod:`concord.votes.identity`), every State whose votes differ: both give a vote and the
  votes differ, or one gives yes/no/abstain and the other has no row. A missing row against
  ``X`` or ``-`` is no disagreement (texts print no absentees). Nothing is overwritten:
  analyses read one source per roll call, and this table says where the others differ.
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


def disagreements(roll_calls: pd.DataFrame, votes: pd.DataFrame) -> pd.DataFrame:
    """Every (roll call, State) on which two sources differ (see the module docstring)."""
    shared = shared_keys(roll_calls)
    if shared.empty:
        return pd.DataFrame(columns=list(DISAGREEMENT_COLUMNS))
    meta = shared[["roll_call_id", "key", "source", "body", "symbol", "date"]]
    rows = votes.merge(meta, on="roll_call_id")
    found = [
        _differences(rows, shared, a, b) for a, b in combinations(sorted(set(shared["source"])), 2)
    ]
    out = pd.concat(found, ignore_index=True) if found else pd.DataFrame()
    if out.empty:
        return pd.DataFrame(columns=list(DISAGREEMENT_COLUMNS))
    return out[list(DISAGREEMENT_COLUMNS)].sort_values(["date", "key", "state"], ignore_index=True)


def _differences(rows: pd.DataFrame, shared: pd.DataFrame, a: str, b: str) -> pd.DataFrame:
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
    differ = (pair["vote_a"] != pair["vote_b"]) & (both | one_cast)
    meta = shared[shared["source"] == a][["key", "body", "symbol", "date"]]
    return pair[differ].merge(meta, on="key").assign(source_a=a, source_b=b)


def tally_differences(roll_calls: pd.DataFrame, votes: pd.DataFrame) -> pd.DataFrame:
    """Roll calls held by several sources whose Y/N/A counts differ between them."""
    shared = shared_keys(roll_calls)
    cols = ["counted_yes", "counted_no", "counted_abstain"]
    meta = ["key", "source", "roll_call_id", "body", "symbol", "date", "yes", "no", "abstain"]
    table = shared[meta].join(counts(votes), on="roll_call_id")
    table[cols] = table[cols].fillna(0).astype("int64")
    varied = table.groupby("key")[cols].transform("nunique").gt(1).any(axis=1)
    return table[varied].sort_values(["key", "source"], ignore_index=True)
