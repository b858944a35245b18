"""The loaded votes every analysis reads: roll calls, the dense matrix, groups and checks."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from concord.votes import consistency
from concord.votes.codes import CODE_OF, LETTER_OF_CODE, LONG_COLUMNS
from concord.votes.identity import SOURCE_PRIORITY, canonical_mask, roll_call_keys
from concord.votes.matrix import VoteMatrix
from concord.votes.selection import Selection, rows
from concord.votes.table import VoteSet, map_values

CHECKS = ("tallies", "disagreements", "comparison", "tally_differences")


@dataclass(frozen=True)
class VoteData:
    """Roll calls (with ``key`` and ``canonical``), their votes as a matrix, and context.

    ``groups`` maps a State to its UN regional group; ``checks`` holds the consistency
    tables (:mod:`concord.votes.consistency`), computed on import and kept in the cache.
    """

    roll_calls: pd.DataFrame
    matrix: VoteMatrix
    groups: Mapping[str, str] = field(default_factory=dict)
    manifest: Mapping[str, Any] = field(default_factory=dict)
    checks: Mapping[str, pd.DataFrame | Callable[[], pd.DataFrame]] = field(default_factory=dict)

    def rows(self, selection: Selection | None = None, **options: Any) -> np.ndarray:
        """Row numbers of the roll calls a selection takes (see :class:`Selection`)."""
        return rows(self.roll_calls, selection or Selection(**options))

    def check(self, name: str) -> pd.DataFrame:
        """One consistency table: ``tallies``, ``disagreements``, ``comparison`` or
        ``tally_differences`` (see :mod:`concord.votes.consistency`)."""
        value = self.checks.get(name)
        if value is None:
            raise KeyError(name)
        return value() if callable(value) else value

    def long(self, selected: np.ndarray | None = None) -> pd.DataFrame:
        """The canonical long table (one row per vote cast or non-voting Member)."""
        block = self.matrix.codes if selected is None else self.matrix.codes[selected]
        base = np.arange(len(self.roll_calls)) if selected is None else selected
        r, c = np.nonzero(block)
        meta = self.roll_calls.iloc[base[r]].reset_index(drop=True)
        meta["state"] = np.asarray(self.matrix.states, dtype=object)[c]
        meta["vote"] = LETTER_OF_CODE[block[r, c]]
        return meta[list(LONG_COLUMNS)]

    @property
    def states(self) -> tuple[str, ...]:
        return self.matrix.states


def from_voteset(
    votes: VoteSet,
    groups: Mapping[str, str] | None = None,
    manifest: Mapping[str, Any] | None = None,
    priority: tuple[str, ...] = SOURCE_PRIORITY,
) -> VoteData:
    """Loaded data from canonical tables: keys, canonical rows, matrix and checks."""
    roll_calls = votes.roll_calls.copy()
    roll_calls["key"] = roll_call_keys(roll_calls)
    roll_calls["canonical"] = canonical_mask(roll_calls, roll_calls["key"], priority)
    states = sorted(votes.votes["state"].unique())
    r = pd.Index(roll_calls["roll_call_id"]).get_indexer(votes.votes["roll_call_id"])
    c = pd.Index(states).get_indexer(votes.votes["state"])
    codes = map_values(votes.votes["vote"], CODE_OF).to_numpy(dtype=np.int8)
    if (r < 0).any():
        raise ValueError("votes on roll calls that are not in the roll-call table")
    matrix = VoteMatrix.from_cells(r, c, codes, len(roll_calls), states)
    paired = consistency.pairs(roll_calls, votes.votes)
    checks = {
        "tallies": consistency.tallies(roll_calls, votes.votes),
        "disagreements": consistency.disagreements(roll_calls, votes.votes, paired),
        "comparison": consistency.comparison(roll_calls, votes.votes, paired),
        "tally_differences": consistency.tally_differences(roll_calls, votes.votes),
    }
    return VoteData(roll_calls, matrix, dict(groups or {}), dict(manifest or {}), checks)
