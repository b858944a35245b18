"""The canonical vote tables every source produces and every analysis reads.

A :class:`VoteSet` holds two frames:

* ``roll_calls`` — one row per recorded vote in one source (columns
  :data:`~concord.votes.codes.ROLL_CALL_COLUMNS`);
* ``votes`` — one row per State and roll call (``roll_call_id``, ``state`` as ISO 3166-1
  alpha-3, ``vote`` one of ``Y N A X -``).

:meth:`VoteSet.long` joins them into the long table (source, roll_call_id, symbol, date,
body, issues, state, vote) that exports and a future library store take.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from concord.votes.codes import LONG_COLUMNS, ROLL_CALL_COLUMNS, VOTE_COLUMNS, VOTES
from concord.votes.files import FileRecord

COUNT_COLUMNS = ("yes", "no", "abstain", "nonvoting")
TEXT_COLUMNS = ("roll_call_id", "source", "source_ref", "body", "symbol", "session", "kind")
TEXT_COLUMNS_OPTIONAL = ("issues", "title")


@dataclass(frozen=True)
class Provenance:
    """Where one source's rows came from, as recorded in the store and the cache manifest.

    ``known`` holds the records of files that are not hashed from disk (texts already in
    the library carry the hash recorded when they were read).
    """

    source: str
    files: tuple[str, ...] = ()
    licence: str = ""
    citation: str = ""
    notes: str = ""
    unresolved: Mapping[str, int] = field(default_factory=dict)
    known: Mapping[str, FileRecord] = field(default_factory=dict)

    def records(self) -> list[FileRecord]:
        """Each file with its SHA-256: as known, else hashed from disk."""
        return [self.known.get(f) or FileRecord.of(Path(f)) for f in self.files]

    def as_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "files": list(self.files),
            "licence": self.licence,
            "citation": self.citation,
            "notes": self.notes,
            "unresolved": dict(self.unresolved),
        }


@dataclass(frozen=True)
class VoteSet:
    """Roll calls and the votes cast on them, from one or more sources."""

    roll_calls: pd.DataFrame
    votes: pd.DataFrame
    provenance: tuple[Provenance, ...] = ()

    def long(self) -> pd.DataFrame:
        """The canonical long table, one row per State and roll call."""
        meta = self.roll_calls[["roll_call_id", "source", "symbol", "date", "body", "issues"]]
        merged = self.votes.merge(meta, on="roll_call_id", how="left", validate="many_to_one")
        return merged[list(LONG_COLUMNS)]

    @property
    def sources(self) -> tuple[str, ...]:
        return tuple(sorted(set(self.roll_calls["source"])))


def concat(sets: Iterable[VoteSet]) -> VoteSet:
    """One vote set holding all the rows of ``sets``."""
    items = list(sets)
    if not items:
        return empty()
    roll_calls = pd.concat([s.roll_calls for s in items], ignore_index=True)
    votes = pd.concat([s.votes for s in items], ignore_index=True)
    provenance = tuple(p for s in items for p in s.provenance)
    return VoteSet(make_roll_calls(roll_calls), make_votes(votes), provenance)


def empty() -> VoteSet:
    return VoteSet(make_roll_calls(pd.DataFrame()), make_votes(pd.DataFrame()))


def make_roll_calls(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with exactly the roll-call columns, in order and with canonical types."""
    out = pd.DataFrame(index=frame.index)
    for column in ROLL_CALL_COLUMNS:
        values = frame[column] if column in frame else pd.Series(None, index=frame.index)
        if column == "date":
            out[column] = pd.to_datetime(values).astype("datetime64[s]")
        elif column in COUNT_COLUMNS:
            out[column] = pd.to_numeric(values).round().astype("Int64")
        elif column in TEXT_COLUMNS_OPTIONAL:
            out[column] = values.astype(object).fillna("").astype("str")
        else:
            out[column] = values.astype("str").where(values.notna(), None)
    return out.reset_index(drop=True)


def make_votes(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with exactly the vote columns; votes must be one of ``Y N A X -``.

    The columns are categorical: a million rows hold a few thousand distinct strings.
    """
    out = pd.DataFrame(
        {c: frame[c] if c in frame else pd.Series(dtype="str") for c in VOTE_COLUMNS}
    )
    out = out.astype("category").reset_index(drop=True)
    bad = set(out["vote"].cat.categories) - set(VOTES)
    if bad:
        raise ValueError(f"unknown vote codes {sorted(bad)}")
    return out


def map_values(values: pd.Series, mapping: Mapping[Any, Any]) -> pd.Series:
    """``values.map(mapping)`` as a categorical, computed once per distinct value.

    Values the mapping does not know become missing.
    """
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    targets = [mapping.get(u) for u in uniques]
    categories = list(dict.fromkeys(t for t in targets if t is not None))
    position = {t: i for i, t in enumerate(categories)}
    recode = np.array(
        [position.get(t, -1) if t is not None else -1 for t in targets] + [-1], dtype=np.int64
    )
    mapped = pd.Categorical.from_codes(recode[codes], categories=pd.Index(categories))
    return pd.Series(mapped, index=values.index)


_SPACE = re.compile(r"\s+")


def normalise_symbol(symbol: object) -> str | None:
    """A document symbol with single spaces and upper case, or ``None`` when blank."""
    if symbol is None or (isinstance(symbol, float) and pd.isna(symbol)):
        return None
    text = _SPACE.sub(" ", str(symbol)).strip().upper()
    return text or None


def symbol_key(symbol: str) -> str:
    """The symbol as compared across sources: upper case, no spaces."""
    return _SPACE.sub("", symbol.upper())
