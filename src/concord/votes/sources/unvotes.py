"""GA roll calls 1946–2019: Erik Voeten's data as packaged by the R package ``unvotes``.

Three files in one folder (``../shared/data/votes/ga_unvotes/``): ``un_votes.csv.gz``
(rcid, country, country_code as ISO alpha-2, vote yes|no|abstain), ``un_roll_calls.csv``
and ``un_roll_call_issues.csv``. Licence: MIT (package and data as packaged).

What this loader adds to the data:

* Voeten's symbols ``R/74/208`` become UN symbols ``A/RES/74/208`` (``A/RES/1514(XV)``
  before the 31st session); the ESS/SS forms are kept out (no symbol).
* The package files the Soviet Union under Russia and every Yugoslavia under "YU": votes
  before 24 December 1991 become ``SUN``; "YU" becomes ``YUG`` before 1 November 2000
  (the FRY's admission), ``SCG`` until 3 June 2006, ``SRB`` after.
* The package dropped absent and non-member rows; absent Members are put back as ``X`` by
  :func:`concord.votes.membership.fill_absent` (see there for the rule).
"""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pandas as pd

from concord.votes.codes import ABSTAIN, GA, NO, YES
from concord.votes.membership import fill_absent
from concord.votes.sources.common import read_csv, resolve_states
from concord.votes.states import StateDirectory
from concord.votes.table import Provenance, VoteSet, make_roll_calls, make_votes, map_values

NAME = "ga_unvotes"
FOLDER = Path("data") / "votes" / "ga_unvotes"
FILES = ("un_votes.csv.gz", "un_roll_calls.csv", "un_roll_call_issues.csv")
LICENCE = "MIT (R package unvotes 0.3.0; data: Erik Voeten, Harvard Dataverse hdl:1902.1/12379)"
VOTE_LETTERS = {"yes": YES, "no": NO, "abstain": ABSTAIN}

# (alpha-2, (last day + 1 of each code, code), code after)
SPLITS: dict[str, tuple[tuple[tuple[str, str], ...], str]] = {
    "RU": ((("1991-12-24", "SUN"),), "RUS"),
    "YU": ((("2000-11-01", "YUG"), ("2006-06-03", "SCG")), "SRB"),
}

_R_SYMBOL = re.compile(r"^R/(\d+)/(\d+)\s*([A-Z]?)$")


def load(folder: Path, directory: StateDirectory) -> VoteSet:
    """The unvotes GA data in ``folder`` as a canonical :class:`VoteSet`."""
    roll_calls = _roll_calls(folder)
    raw = read_csv(votes_file(folder), ("rcid", "country", "country_code", "vote"))
    votes, unresolved = _votes(raw, roll_calls, directory)
    provenance = Provenance(
        source=NAME,
        files=tuple(str(f) for f in input_files(folder)),
        licence=LICENCE,
        citation="Erik Voeten, Data and Analyses of Voting in the UN General Assembly",
        notes="absent Members inferred from membership (X); USSR and Yugoslavia split by date",
        unresolved=dict(unresolved),
    )
    return fill_absent(VoteSet(roll_calls, votes, (provenance,)), directory)


def input_files(folder: Path) -> tuple[Path, ...]:
    """The files :func:`load` reads."""
    return (votes_file(folder), *(folder / f for f in FILES[1:]))


def votes_file(folder: Path) -> Path:
    """``un_votes.csv.gz`` as shipped, or an uncompressed ``un_votes.csv``."""
    plain = folder / "un_votes.csv"
    return plain if plain.is_file() and not (folder / FILES[0]).is_file() else folder / FILES[0]


def _roll_calls(folder: Path) -> pd.DataFrame:
    raw = read_csv(folder / FILES[1], ("rcid", "session", "date", "unres", "amend", "para"))
    issues = read_csv(folder / FILES[2], ("rcid", "short_name"))
    issues["rcid"] = _rcids(issues["rcid"])
    codes = issues.groupby("rcid")["short_name"].agg(lambda s: ";".join(sorted(set(s))))
    rcid = _rcids(raw["rcid"])
    session = pd.to_numeric(raw["session"], errors="coerce")
    symbols = [_symbol(u, s) for u, s in zip(raw["unres"], session, strict=True)]
    frame = pd.DataFrame(
        {
            "roll_call_id": NAME + "/" + rcid,
            "source": NAME,
            "source_ref": rcid,
            "body": GA,
            "symbol": symbols,
            "date": raw["date"],
            "session": session.astype("Int64").astype("str").replace("<NA>", None),
            "kind": _kinds(raw, symbols),
            "issues": rcid.map(codes).fillna(""),
            "title": raw.get("short", pd.Series("", index=raw.index)),
        }
    )
    return make_roll_calls(frame)


def _rcids(values: pd.Series) -> pd.Series:
    """Roll-call numbers as written by R ("3.0") as plain integers ("3")."""
    return values.str.strip().str.replace(r"\.0*$", "", regex=True)


def _kinds(raw: pd.DataFrame, symbols: list[str | None]) -> np.ndarray:
    amend = pd.to_numeric(raw["amend"], errors="coerce").fillna(0).to_numpy() > 0
    para = pd.to_numeric(raw["para"], errors="coerce").fillna(0).to_numpy() > 0
    has_symbol = np.array([s is not None for s in symbols], dtype=bool)
    return np.select(
        [amend, para, has_symbol], ["amendment", "paragraph", "resolution"], default="other"
    )


def _symbol(unres: str, session: float) -> str | None:
    """``R/74/208`` → ``A/RES/74/208``; ``R/15/1514`` → ``A/RES/1514(XV)``."""
    text = unres.strip().upper()
    if text.startswith("A/RES/"):
        return text
    match = _R_SYMBOL.match(text)
    if not match:
        return None
    number_session, number, letter = int(match[1]), match[2], match[3]
    suffix = f" {letter}" if letter else ""
    if number_session >= 31:
        return f"A/RES/{number_session}/{number}{suffix}"
    return f"A/RES/{number}({_roman(number_session)}){suffix}"


def _roman(number: int) -> str:
    out = ""
    for value, letters in ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while number >= value:
            out, number = out + letters, number - value
    return out


def _votes(
    raw: pd.DataFrame, roll_calls: pd.DataFrame, directory: StateDirectory
) -> tuple[pd.DataFrame, dict[str, int]]:
    def lookup(code: str, name: str) -> str | None:
        if code in SPLITS:
            return code  # split by date below
        return (directory.from_alpha2(code) if code else None) or directory.resolve(name)

    iso3, unresolved = resolve_states(raw["country_code"], raw["country"], lookup)
    roll_call_id = NAME + "/" + _rcids(raw["rcid"])
    rows = pd.Index(roll_calls["roll_call_id"]).get_indexer(roll_call_id)
    dates = pd.Series(roll_calls["date"].to_numpy()[rows], index=raw.index)
    iso3 = _split_successors(iso3, dates)
    frame = pd.DataFrame(
        {
            "roll_call_id": roll_call_id,
            "state": iso3,
            "vote": map_values(raw["vote"], VOTE_LETTERS),
        }
    )
    unknown_votes = frame["vote"].isna() & raw["vote"].ne("")
    if unknown_votes.any():
        unresolved["(unknown vote codes)"] = int(unknown_votes.sum())
    frame = frame.dropna(subset=["state", "vote"])
    return make_votes(frame), dict(unresolved)


def _split_successors(iso3: pd.Series, dates: pd.Series) -> pd.Series:
    out = iso3.astype("object")
    for alpha2, (periods, after) in SPLITS.items():
        rows = iso3.eq(alpha2)
        out[rows] = after
        for until, code in reversed(periods):
            out[rows & (dates < pd.Timestamp(until))] = code
    return out
