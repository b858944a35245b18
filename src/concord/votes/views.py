"""One query layer for the CLI and the HTTP API: check the request, run the analysis."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

import pandas as pd

from concord.errors import ConcordError
from concord.votes.agreement import Agreement, Variant, agreement, most_similar, over_time
from concord.votes.cohesion import cohesion
from concord.votes.data import CHECKS, VoteData
from concord.votes.idealpoints import ideal_points
from concord.votes.record import record, summary, yes_share
from concord.votes.selection import Selection
from concord.votes.states import default_directory


def state_code(data: VoteData, text: str) -> str:
    """The ISO3 code of a State given by code or by name ("Cuba", "United States")."""
    code = text.strip().upper()
    if code in data.states:
        return code
    found = default_directory().resolve(text)
    if found and found in data.states:
        return found
    data.matrix.column(code)  # raises the "unknown State" error
    return code


def state_codes(data: VoteData, texts: Sequence[str]) -> list[str]:
    return [state_code(data, t) for t in texts]


def record_view(
    data: VoteData, state: str, selection: Selection
) -> tuple[pd.DataFrame, dict[str, int]]:
    """A State's record and its vote counts."""
    frame = record(data, state_code(data, state), selection)
    return frame, {str(k): int(v) for k, v in summary(frame).items()}


def agreement_view(data: VoteData, states: Sequence[str], selection: Selection) -> Agreement:
    """Pairwise agreement of two or more States (all States when none are given)."""
    if len(states) == 1:
        raise ConcordError("give two or more States (or none, for all)")
    return agreement(data, state_codes(data, states) or None, selection)


def over_time_view(
    data: VoteData, states: Sequence[str], selection: Selection, by: str = "year"
) -> pd.DataFrame:
    freq: Literal["year", "session"] = "session" if by == "session" else "year"
    return over_time(data, state_codes(data, states), selection, freq)


def similar_view(
    data: VoteData,
    state: str,
    selection: Selection,
    variant: Variant = "identical",
    min_votes: int = 20,
    top: int | None = 10,
) -> pd.DataFrame:
    code = state_code(data, state)
    return most_similar(data, code, selection, variant, min_votes, top)


def cohesion_view(data: VoteData, groups: Sequence[str], selection: Selection) -> pd.DataFrame:
    return cohesion(data, list(groups) or None, selection)


def ideal_points_view(data: VoteData, selection: Selection, min_votes: int = 10) -> pd.DataFrame:
    frame = ideal_points(data, selection, min_votes)
    if frame.empty:
        raise ConcordError(f"too few votes for ideal points ({selection.describe()})")
    return frame


def yes_share_view(data: VoteData, state: str, selection: Selection) -> pd.DataFrame:
    return yes_share(data, state_code(data, state), selection)


def check_summary(data: VoteData) -> str:
    """Four lines: tallies checked, roll calls compared between sources, disagreements
    between sources, differing counts."""
    tallies = data.check("tallies")
    agrees = int(tallies["agrees"].astype(bool).sum())
    disagreements = data.check("disagreements")
    compared = data.check("comparison")
    verdicts = compared["verdict"].value_counts() if len(compared) else pd.Series(dtype=int)
    differences = data.check("tally_differences")
    shared = differences["key"].nunique() if not differences.empty else 0
    by_source = tallies.groupby("source")["agrees"].agg(["size", "sum"])
    per_source = ", ".join(f"{s} {int(r['sum'])}/{int(r['size'])}" for s, r in by_source.iterrows())
    return (
        f"printed tallies matching the lists: {agrees} of {len(tallies)}"
        f"{' (' + per_source + ')' if per_source else ''}\n"
        f"roll calls compared between sources: {len(compared)}"
        f" (agree {int(verdicts.get('agree', 0))}, disagree {int(verdicts.get('disagree', 0))})\n"
        f"votes on which two sources disagree: {len(disagreements)}"
        f" (roll calls: {disagreements['key'].nunique() if len(disagreements) else 0})\n"
        f"roll calls whose counts differ between sources: {shared}"
    )


def export_view(data: VoteData, what: str, selection: Selection) -> pd.DataFrame:
    """The table ``what`` names: votes, roll-calls, or a check table."""
    name = what.replace("-", "_")
    if name == "votes":
        return data.long(data.rows(selection))
    if name == "roll_calls":
        return data.roll_calls.iloc[data.rows(selection)].reset_index(drop=True)
    if name in CHECKS:
        return data.check(name)
    raise ConcordError(f"unknown table {what!r}")
