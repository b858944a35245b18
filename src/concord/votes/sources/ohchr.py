"""Commission on Human Rights (1947–2006) and Human Rights Council (2006–) recorded votes.

Read from ``../shared/data/votes/hrc_ohchr/`` only: the data (a harvest of the OHCHR
Search Library by Łukasz Szoszkiewicz, github.com/lszoszk/hrc-voting) is under the
PolyForm Noncommercial 1.0.0 licence, so it is never copied into the repository; it lands
only in the user's own cache.

``hrc_chr_votes_long.csv.gz`` has one row per State and vote (``.`` absent → ``X``,
``-`` not a member → ``-``); ``hrc_chr_resolutions.csv.gz`` gives titles and the totals the
record prints, which :mod:`concord.votes.consistency` checks against the rows.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from concord.votes.codes import HUMAN_RIGHTS, NON_VOTING, NOT_MEMBER
from concord.votes.sources.common import iso3_or_name, read_csv, resolve_states
from concord.votes.states import StateDirectory, group_key
from concord.votes.table import (
    Provenance,
    VoteSet,
    make_roll_calls,
    make_votes,
    map_values,
    normalise_symbol,
)

NAME = "hrc_ohchr"
FOLDER = Path("data") / "votes" / "hrc_ohchr"
VOTES_FILE = "hrc_chr_votes_long.csv.gz"
RESOLUTIONS_FILE = "hrc_chr_resolutions.csv.gz"
LICENCE = (
    "PolyForm Noncommercial 1.0.0 — Copyright © 2026 Łukasz Szoszkiewicz — "
    "https://github.com/lszoszk/hrc-voting"
)
VOTE_LETTERS = {"Y": "Y", "N": "N", "A": "A", ".": NON_VOTING, "-": NOT_MEMBER, "": NOT_MEMBER}
VOTE_COLUMNS = ("record_id", "symbol", "date", "body", "iso3", "country", "vote")
TOTAL_COLUMNS = {"yes": "yes", "no": "no", "abstain": "abstain", "nonvoting": "nonvoting"}


def load(folder: Path, directory: StateDirectory) -> VoteSet:
    """The CHR/HRC votes in ``folder`` as a canonical :class:`VoteSet`."""
    raw = read_csv(folder / VOTES_FILE, VOTE_COLUMNS)
    records = read_csv(folder / RESOLUTIONS_FILE, ("record_id", "title", "yes", "no", "abstain"))
    iso3, unresolved = resolve_states(raw["iso3"], raw["country"], iso3_or_name(directory))
    votes = pd.DataFrame(
        {
            "roll_call_id": NAME + "/" + raw["record_id"],
            "state": iso3,
            "vote": map_values(raw["vote"].str.strip(), VOTE_LETTERS),
        }
    ).dropna()
    provenance = Provenance(
        source=NAME,
        files=tuple(str(f) for f in input_files(folder)),
        licence=LICENCE,
        citation="Szoszkiewicz, Ł. (2026). hrc-voting. https://github.com/lszoszk/hrc-voting",
        notes="non-commercial: read from the shared folder, never copied into the repository",
        unresolved=dict(unresolved),
    )
    return VoteSet(_roll_calls(raw, records), make_votes(votes), (provenance,))


def input_files(folder: Path) -> tuple[Path, ...]:
    """The files :func:`load` reads."""
    return (folder / VOTES_FILE, folder / RESOLUTIONS_FILE)


def _roll_calls(raw: pd.DataFrame, records: pd.DataFrame) -> pd.DataFrame:
    first = raw.drop_duplicates("record_id").set_index("record_id")
    meta = records.drop_duplicates("record_id").set_index("record_id").reindex(first.index)
    symbols = first["symbol"].map(normalise_symbol)
    frame = pd.DataFrame(
        {
            "roll_call_id": NAME + "/" + first.index.to_series(),
            "source": NAME,
            "source_ref": first.index.to_series(),
            "body": first["body"].str.strip().str.upper(),
            "symbol": symbols,
            "date": first["date"],
            "session": None,
            "kind": symbols.map(_kind),
            "issues": HUMAN_RIGHTS,
            "title": meta["title"].fillna("").str.rstrip(" :/"),
            **{out: _count(meta[col]) for out, col in TOTAL_COLUMNS.items() if col in meta},
        }
    )
    return make_roll_calls(frame.reset_index(drop=True))


def _kind(symbol: str | None) -> str:
    if symbol is None:
        return "other"
    return "draft" if "/L." in symbol else "resolution"


def _count(values: pd.Series) -> pd.Series:
    return pd.to_numeric(values.replace("", None), errors="coerce")


def region_groups(folder: Path, directory: StateDirectory) -> dict[str, str]:
    """Regional group per State as the dataset assigns them (used where the gazetteer has none)."""
    raw = read_csv(folder / VOTES_FILE, ("iso3", "country", "un_group"))
    iso3, _ = resolve_states(raw["iso3"], raw["country"], iso3_or_name(directory))
    groups = map_values(raw["un_group"], {g: group_key(g) for g in raw["un_group"].unique()})
    pairs = pd.DataFrame({"state": iso3, "group": groups}).dropna()
    return dict(pairs.drop_duplicates("state", keep="last").itertuples(index=False, name=None))
