"""A State's voting record, and its yes-share over time by issue."""

from __future__ import annotations

import numpy as np
import pandas as pd

from concord.votes.codes import ISSUES, LETTER_OF_CODE
from concord.votes.data import VoteData
from concord.votes.selection import Selection

RECORD_COLUMNS = ("date", "body", "symbol", "title", "issues", "vote", "source", "roll_call_id")
LETTER_COLUMNS = {"Y": "yes", "N": "no", "A": "abstain", "X": "non_voting", "-": "not_member"}


def record(data: VoteData, state: str, selection: Selection | None = None) -> pd.DataFrame:
    """How ``state`` voted on every selected roll call (``-``: not a member then)."""
    rows = data.rows(selection)
    codes = data.matrix.take(rows)[:, data.matrix.column(state)]
    frame = data.roll_calls.iloc[rows].reset_index(drop=True)
    frame["vote"] = LETTER_OF_CODE[codes]
    return frame[list(RECORD_COLUMNS)]


def summary(record_frame: pd.DataFrame) -> pd.Series:
    """Counts of yes, no, abstain, non-voting and not-a-member rows in a record."""
    counts = record_frame["vote"].value_counts()
    return pd.Series({name: int(counts.get(letter, 0)) for letter, name in LETTER_COLUMNS.items()})


def yes_share(data: VoteData, state: str, selection: Selection | None = None) -> pd.DataFrame:
    """Per year and issue: counts of each vote and ``yes_share`` = yes / votes cast.

    The issue ``all`` counts every selected roll call; each issue code (``hr``, ``me`` …)
    counts the roll calls tagged with it.
    """
    frame = record(data, state, selection)
    frame["year"] = frame["date"].dt.year
    tagged = frame.assign(issue=frame["issues"].str.split(";")).explode("issue")
    tagged = tagged[tagged["issue"].isin(list(ISSUES))]
    both = pd.concat([frame.assign(issue="all"), tagged], ignore_index=True)
    table = pd.crosstab([both["year"], both["issue"]], both["vote"])
    table = table.reindex(columns=list(LETTER_COLUMNS), fill_value=0)
    table.columns = list(LETTER_COLUMNS.values())
    table = table.reset_index()
    cast = table["yes"] + table["no"] + table["abstain"]
    table["cast"] = cast
    table["yes_share"] = np.where(cast > 0, table["yes"] / cast.where(cast > 0, 1), np.nan)
    return table
