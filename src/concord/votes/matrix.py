"""All votes as one dense matrix: roll calls × States, one small integer per cell.

Codes (:mod:`concord.votes.codes`): 0 not a member / no record, 1 yes, 2 abstain, 3 no,
4 non-voting. The GA data since 1946 is about 6,200 × 200 cells: 1.2 MB as ``int8``, so
every analysis works on it in memory, selecting rows (roll calls) and columns (States).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property

import numpy as np

from concord.errors import ConcordError
from concord.votes.codes import CODE_NO, CODE_YES


@dataclass(frozen=True)
class VoteMatrix:
    """``codes[i, j]`` is the vote of ``states[j]`` on roll call ``i``."""

    codes: np.ndarray
    states: tuple[str, ...]

    @classmethod
    def from_cells(
        cls,
        rows: np.ndarray,
        cols: np.ndarray,
        codes: np.ndarray,
        n_rows: int,
        states: Sequence[str],
    ) -> VoteMatrix:
        """A matrix from (row, column, code) triples; cells not given are 0."""
        matrix = np.zeros((n_rows, len(states)), dtype=np.int8)
        matrix[rows, cols] = codes
        return cls(matrix, tuple(states))

    def column(self, state: str) -> int:
        """Column of a State (ISO3); :class:`ConcordError` when the data has none."""
        try:
            return self._index[state.upper()]
        except KeyError:
            raise ConcordError(
                f"unknown State {state!r}: no votes recorded for it", status=404
            ) from None

    def columns(self, states: Iterable[str]) -> np.ndarray:
        return np.array([self.column(s) for s in states], dtype=np.intp)

    @cached_property
    def _index(self) -> dict[str, int]:
        return {s: i for i, s in enumerate(self.states)}

    def take(self, rows: np.ndarray, cols: np.ndarray | None = None) -> np.ndarray:
        """The codes of the chosen roll calls (and States)."""
        block: np.ndarray = self.codes[rows]
        return block if cols is None else block[:, cols]


def cast(block: np.ndarray) -> np.ndarray:
    """True where a vote was cast (yes, no or abstain)."""
    return (block >= CODE_YES) & (block <= CODE_NO)
