"""The UN Library's official voting CSVs (Dag Hammarskjöld Library), GA and Security Council.

Layouts, as documented in ``../shared/data/votes/ga_dhl_docs/``:

* GA version 1 (2024-09-12): ``undl_id, ms_code(s), ms_name(s), ms_vote(s)`` (Y/N/A/NV),
  ``resolution(s), title, modality, draft, committee_report, meeting, agenda_title(s),
  subjects, date, yes, no, abstentions, non-voting, total-voting, undl_link``;
* GA version 3 (2025) and the 2026-02-06 file: ``undl_id, ms_code, ms_name, ms_vote``
  (Y/N/A/X), ``date, session, resolution, draft, committee_report, meeting, title,
  agenda_title, subjects, vote_note, total_yes, total_no, total_abstentions,
  total_non_voting, total_ms, undl_link``;
* SC version 3 (2025): as GA v3 plus ``permanent_member``, ``description``, ``agenda``,
  ``modality``, without ``session``.

Totals may be floats ("120.0"), names are upper case and historical ("BYELORUSSIAN SSR"),
sessions may be "ES-10". One ``undl_id`` is one roll call; the body comes from the symbol
(``S/RES/…`` is the Security Council). Terms: "Copyright, United Nations; non-commercial use
with attribution" — the files are the user's own, loaded from where they keep them.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd
import pyarrow as pa
from pyarrow import csv as pacsv

from concord.errors import ConcordError
from concord.votes.codes import ABSTAIN, GA, HUMAN_RIGHTS, NO, NON_VOTING, SC, YES
from concord.votes.sources.common import check_columns, iso3_or_name, need_file, resolve_states
from concord.votes.states import StateDirectory
from concord.votes.table import (
    Provenance,
    VoteSet,
    make_roll_calls,
    make_votes,
    map_values,
    normalise_symbol,
)

LICENCE = "Copyright, United Nations; non-commercial use with attribution (UN Library terms)"
# canonical column -> headers seen in the documented layouts
ALIASES: dict[str, tuple[str, ...]] = {
    "undl_id": ("undl_id",),
    "ms_code": ("ms_code", "ms_codes"),
    "ms_name": ("ms_name", "ms_names"),
    "ms_vote": ("ms_vote", "ms_votes"),
    "resolution": ("resolution", "resolutions"),
    "date": ("date",),
    "session": ("session",),
    "title": ("title", "description"),
    "agenda": ("agenda_title", "agenda_titles", "agenda"),
    "subjects": ("subjects",),
    "yes": ("total_yes", "yes"),
    "no": ("total_no", "no"),
    "abstain": ("total_abstentions", "abstentions"),
    "nonvoting": ("total_non_voting", "non-voting"),
}
REQUIRED = ("undl_id", "ms_vote", "resolution", "date")
VOTE_LETTERS = {"Y": YES, "N": NO, "A": ABSTAIN, "X": NON_VOTING, "NV": NON_VOTING, "": NON_VOTING}


def load(path: Path, directory: StateDirectory) -> VoteSet:
    """A DHL GA or SC voting CSV as a canonical :class:`VoteSet` (sources dhl_ga, dhl_sc)."""
    raw = read(path)
    codes = raw["ms_code"] if "ms_code" in raw else pd.Series("", index=raw.index)
    names = raw["ms_name"] if "ms_name" in raw else pd.Series("", index=raw.index)
    iso3, unresolved = resolve_states(codes, names, iso3_or_name(directory))
    letters = map_values(raw["ms_vote"].str.strip().str.upper(), VOTE_LETTERS)
    try:
        roll_calls = _roll_calls(raw)
    except ConcordError as exc:
        raise exc.with_source(str(path)) from None
    ids = map_values(
        raw["undl_id"], dict(zip(roll_calls["source_ref"], roll_calls["roll_call_id"], strict=True))
    )
    votes = pd.DataFrame({"roll_call_id": ids, "state": iso3, "vote": letters})
    bad = int((letters.isna()).sum())
    if bad:
        unresolved["(unknown vote codes)"] = bad
    provenance = tuple(
        Provenance(source=s, files=(str(path),), licence=LICENCE, unresolved=dict(unresolved))
        for s in sorted(set(roll_calls["source"]))
    )
    return VoteSet(roll_calls, make_votes(votes.dropna()), provenance)


def read(path: Path) -> pd.DataFrame:
    """The CSV's columns under their canonical names, as strings."""
    header = _header(path)
    chosen = {canon: next((h for h in hs if h in header), None) for canon, hs in ALIASES.items()}
    if chosen["ms_code"] is None and chosen["ms_name"] is None:
        chosen["ms_code"] = "ms_code"  # reported as missing below
    required = [chosen[c] or c for c in REQUIRED] + [chosen["ms_code"] or chosen["ms_name"]]
    check_columns(pd.DataFrame(columns=list(header)), [c for c in required if c], path)
    wanted = {header[h]: canon for canon, h in chosen.items() if h is not None}
    try:
        table = pacsv.read_csv(
            path,
            convert_options=pacsv.ConvertOptions(
                include_columns=list(wanted),
                column_types={c: pa.string() for c in wanted},
                strings_can_be_null=False,
            ),
        )
    except (pa.ArrowInvalid, OSError) as exc:
        raise ConcordError(f"cannot read as CSV: {exc}", source=str(path)) from exc
    return table.to_pandas().rename(columns=wanted).fillna("")


def _header(path: Path) -> dict[str, str]:
    """Normalised header name -> header as written in the file."""
    with need_file(path).open(encoding="utf-8-sig", newline="") as handle:
        first = next(csv.reader(handle), [])
    return {h.strip().lower(): h for h in first}


def _roll_calls(raw: pd.DataFrame) -> pd.DataFrame:
    first = raw.drop_duplicates("undl_id")
    symbols = first["resolution"].map(normalise_symbol)
    body = symbols.fillna("").str.startswith("S/").map({True: SC, False: GA})
    source = "dhl_" + body.str.lower()
    frame = pd.DataFrame(
        {
            "roll_call_id": source + "/" + first["undl_id"],
            "source": source,
            "source_ref": first["undl_id"],
            "body": body,
            "symbol": symbols,
            "date": pd.to_datetime(first["date"].str[:10], errors="coerce"),
            "session": first.get("session", pd.Series(None, index=first.index)).replace("", None),
            "kind": symbols.map(lambda s: "resolution" if s else "other"),
            "issues": _issues(first),
            "title": first.get("title", pd.Series("", index=first.index)),
            **{c: pd.to_numeric(first[c], errors="coerce") for c in _COUNTS if c in first},
        }
    )
    if frame["date"].isna().any():
        bad = first.loc[frame["date"].isna().to_numpy(), "undl_id"].iloc[0]
        raise ConcordError(f"undl_id {bad}: date is not a date")
    return make_roll_calls(frame)


_COUNTS = ("yes", "no", "abstain", "nonvoting")


def _issues(first: pd.DataFrame) -> pd.Series:
    """``hr`` where the subjects, title or agenda speak of human rights."""
    text = pd.Series("", index=first.index)
    for column in ("subjects", "title", "agenda"):
        if column in first:
            text = text + " " + first[column]
    return text.str.upper().str.contains("HUMAN RIGHTS").map({True: HUMAN_RIGHTS, False: ""})
