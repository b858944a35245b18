"""One identity for the same roll call across sources.

A vote on a resolution is known by its body and symbol: ``GA:A/RES/74/208``. Where a
source holds more than one roll call under one symbol (separate votes on the same day are
rare; a symbol reused on two dates happens in old CHR records), the date is added:
``CHR:E/CN.4/RES/1984/53:1984-03-14``. Votes on amendments and paragraphs, and roll calls
with no symbol, keep their own ``roll_call_id`` and match nothing.

When several sources hold the same roll call, analyses use the one ranked first in
:data:`SOURCE_PRIORITY`: the UN Library's official files, then the OHCHR harvest, then the
Voeten data, then votes read from texts.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from concord.votes.table import symbol_key

SOURCE_PRIORITY: tuple[str, ...] = ("dhl_ga", "dhl_sc", "hrc_ohchr", "ga_unvotes", "text")


def roll_call_keys(roll_calls: pd.DataFrame) -> pd.Series:
    """The cross-source key of every roll call (see the module docstring)."""
    keys = roll_calls["roll_call_id"].astype("str").copy()
    matchable = roll_calls["symbol"].notna() & roll_calls["kind"].eq("resolution")
    if not matchable.any():
        return keys
    rows = roll_calls.loc[matchable]
    base = rows["body"] + ":" + rows["symbol"].map(symbol_key)
    dated = base + ":" + rows["date"].dt.strftime("%Y-%m-%d")
    unique_base = base.groupby([rows["source"], base]).transform("size").eq(1)
    unique_dated = dated.groupby([rows["source"], dated]).transform("size").eq(1)
    chosen = base.where(unique_base, dated.where(unique_dated, rows["roll_call_id"]))
    keys.loc[matchable] = chosen
    return keys


def source_rank(sources: pd.Series, priority: Sequence[str] = SOURCE_PRIORITY) -> np.ndarray:
    """Rank of each source in ``priority`` (unknown sources last)."""
    order = {name: i for i, name in enumerate(priority)}
    return sources.map(lambda s: order.get(s, len(order))).to_numpy(dtype=np.int64)


def canonical_mask(
    roll_calls: pd.DataFrame, keys: pd.Series, priority: Sequence[str] = SOURCE_PRIORITY
) -> np.ndarray:
    """True for the roll call each key is read from: its best-ranked source."""
    frame = pd.DataFrame(
        {"key": keys.to_numpy(), "rank": source_rank(roll_calls["source"], priority)}
    )
    best = frame.groupby("key")["rank"].transform("min")
    first = ~frame.assign(best=best).loc[lambda f: f["rank"] == f["best"]].duplicated("key")
    mask = np.zeros(len(frame), dtype=bool)
    mask[first.index[first.to_numpy()]] = True
    return mask
