"""Recorded votes Concord reads from resolution texts (the printed vote block).

HRC resolutions print "Adopted by a recorded vote of 28 to 1, with 17 abstentions" and
the three lists; Concord's reader (:mod:`concord.read`) turns them into
``Resolution.adoption`` (tally and ISO3 lists). This source takes those — as
:class:`~concord.model.Resolution` objects, as the JSON of ``concord parse --format json``,
or as a gold file with the printed names (``recorded_vote``: ``text_totals``,
``in_favour``, ``against``, ``abstaining``) — and makes roll calls of source ``text``: the
printed tally becomes the roll call's totals, the lists its votes. States not listed are
not given a row (a text does not print who was absent).
"""

from __future__ import annotations

import importlib
import json
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pandas as pd

from concord.errors import ConcordError
from concord.model import Resolution
from concord.votes.codes import ABSTAIN, CHR, GA, HRC, HUMAN_RIGHTS, NO, SC, YES
from concord.votes.files import FileRecord
from concord.votes.sources.common import need_file
from concord.votes.states import StateDirectory
from concord.votes.table import Provenance, VoteSet, make_roll_calls, make_votes, normalise_symbol

NAME = "text"
LICENCE = "as the resolution text (UN documents: non-commercial use with attribution)"


@dataclass(frozen=True)
class PrintedVote:
    """A recorded vote as a text prints it: tally and lists (ISO3 codes)."""

    symbol: str
    body: str
    date: str
    tally: tuple[int, int, int] | None
    yes: tuple[str, ...]
    no: tuple[str, ...]
    abstain: tuple[str, ...]
    origin: str = ""


def from_resolution(resolution: Resolution, origin: str = "") -> PrintedVote | None:
    """The recorded vote of a read resolution, or ``None`` when it prints none."""
    adoption = resolution.adoption
    if adoption.mode != "recorded_vote" or not resolution.symbol or not resolution.adopted_on:
        return None
    tally = adoption.tally
    votes = adoption.votes
    return PrintedVote(
        symbol=resolution.symbol,
        body=body_code(resolution.body, resolution.symbol),
        date=resolution.adopted_on,
        tally=(tally.yes, tally.no, tally.abstain) if tally else None,
        yes=votes.yes if votes else (),
        no=votes.no if votes else (),
        abstain=votes.abstain if votes else (),
        origin=origin or resolution.source or "",
    )


def from_contract(doc: Mapping[str, Any], origin: str = "") -> PrintedVote | None:
    """The recorded vote in one object of ``concord parse --format json``."""
    adoption = doc.get("adoption") or {}
    symbol, date = doc.get("symbol"), doc.get("adopted_on")
    if adoption.get("mode") != "recorded_vote" or not symbol or not date:
        return None
    tally = adoption.get("tally") or None
    votes = adoption.get("votes") or {}
    return PrintedVote(
        symbol=str(symbol),
        body=body_code(doc.get("body"), str(symbol)),
        date=str(date),
        tally=(int(tally["yes"]), int(tally["no"]), int(tally["abstain"])) if tally else None,
        yes=tuple(votes.get("yes", ())),
        no=tuple(votes.get("no", ())),
        abstain=tuple(votes.get("abstain", ())),
        origin=origin,
    )


def from_printed_names(
    doc: Mapping[str, Any], directory: StateDirectory, origin: str = ""
) -> tuple[PrintedVote | None, Counter[str]]:
    """The vote in a gold file printing names; names go through the directory."""
    block = doc.get("recorded_vote")
    if not block or not doc.get("symbol") or not doc.get("date"):
        return None, Counter()
    unresolved: Counter[str] = Counter()

    def codes(names: Sequence[str]) -> tuple[str, ...]:
        found = [(n, directory.resolve(n)) for n in names]
        unresolved.update(n for n, c in found if c is None)
        return tuple(c for _, c in found if c is not None)

    totals = block.get("text_totals")
    vote = PrintedVote(
        symbol=str(doc["symbol"]),
        body=body_code(doc.get("body"), str(doc["symbol"])),
        date=str(doc["date"]),
        tally=(int(totals[0]), int(totals[1]), int(totals[2])) if totals else None,
        yes=codes(block.get("in_favour", ())),
        no=codes(block.get("against", ())),
        abstain=codes(block.get("abstaining", ())),
        origin=origin,
    )
    return vote, unresolved


BODY_NAMES = {
    "human rights council": HRC,
    "commission on human rights": CHR,
    "general assembly": GA,
    "security council": SC,
}


def body_code(body: object, symbol: str) -> str:
    """``HRC``, ``GA``… from a body's code or name, else from the symbol."""
    text = str(body or "").strip()
    if text.upper() in (HRC, CHR, GA, SC):
        return text.upper()
    return BODY_NAMES.get(text.casefold()) or body_of(symbol)


def body_of(symbol: str) -> str:
    """The adopting body a symbol names (``A/HRC/…`` → HRC)."""
    text = symbol.upper()
    for prefix, body in (("A/HRC/", HRC), ("E/CN.4/", CHR), ("S/", SC), ("A/", GA)):
        if text.startswith(prefix):
            return body
    return GA


def load(
    printed: Iterable[PrintedVote],
    unresolved: Mapping[str, int] | None = None,
    known: Mapping[str, FileRecord] | None = None,
) -> VoteSet:
    """Roll calls of source ``text`` from printed votes (the last of a symbol wins).

    ``known`` gives the records of origins not to be hashed from disk (texts in the library).
    """
    items = {normalise_symbol(p.symbol): p for p in printed}
    rows = [_roll_call(symbol or "", p) for symbol, p in items.items()]
    votes = [
        (f"{NAME}/{symbol}", state, letter)
        for symbol, p in items.items()
        for letter, states in ((YES, p.yes), (NO, p.no), (ABSTAIN, p.abstain))
        for state in states
    ]
    provenance = Provenance(
        source=NAME,
        files=tuple(sorted({p.origin for p in items.values() if p.origin})),
        licence=LICENCE,
        unresolved=dict(unresolved or {}),
        known=dict(known or {}),
    )
    return VoteSet(
        make_roll_calls(pd.DataFrame(rows)),
        make_votes(pd.DataFrame(votes, columns=["roll_call_id", "state", "vote"])),
        (provenance,),
    )


def _roll_call(symbol: str, vote: PrintedVote) -> dict[str, Any]:
    yes, no, abstain = vote.tally if vote.tally else (None, None, None)
    return {
        "roll_call_id": f"{NAME}/{symbol}",
        "source": NAME,
        "source_ref": symbol,
        "body": vote.body,
        "symbol": symbol,
        "date": vote.date,
        "kind": "resolution",
        "issues": HUMAN_RIGHTS if vote.body in (HRC, CHR) else "",
        "yes": yes,
        "no": no,
        "abstain": abstain,
    }


def read_files(paths: Iterable[Path], directory: StateDirectory) -> VoteSet:
    """Printed votes from JSON files (contract or gold) or from texts read by Concord."""
    return load(*read_printed(paths, directory))


def read_printed(
    paths: Iterable[Path], directory: StateDirectory
) -> tuple[list[PrintedVote], Counter[str]]:
    """The printed votes in files, and the names that resolved to no State."""
    printed: list[PrintedVote] = []
    unresolved: Counter[str] = Counter()
    for path in paths:
        for vote, missing in _read_one(need_file(path), directory):
            unresolved.update(missing)
            if vote is not None:
                printed.append(vote)
    return printed, unresolved


def _read_one(
    path: Path, directory: StateDirectory
) -> list[tuple[PrintedVote | None, Counter[str]]]:
    if path.suffix.lower() != ".json":
        return [(from_resolution(r, str(path)), Counter()) for r in _parse_text(path)]
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise ConcordError(f"not JSON: {exc}", source=str(path)) from exc
    docs = data if isinstance(data, list) else [data]
    out: list[tuple[PrintedVote | None, Counter[str]]] = []
    for doc in docs:
        if isinstance(doc, dict) and "recorded_vote" in doc:
            out.append(from_printed_names(doc, directory, str(path)))
        elif isinstance(doc, dict):
            out.append((from_contract(doc, str(path)), Counter()))
    return out


_FILE_SYMBOL = re.compile(r"^[A-Z]+(?:/[A-Za-z0-9.()\-]+)+$")


def symbol_from_filename(path: Path) -> str | None:
    """``A_HRC_RES_37_23.en.txt`` → ``A/HRC/RES/37/23`` (``None`` if it does not look like one)."""
    stem = re.sub(r"(\.[a-z]{2})?\.(txt|pdf|docx|html?|md)$", "", path.name, flags=re.I)
    symbol = stem.replace("_", "/")
    return symbol if _FILE_SYMBOL.match(symbol) else None


def _parse_text(path: Path) -> list[Resolution]:
    """Read a text with Concord's reader; a text without heading takes its file's name."""
    try:
        parse_file = importlib.import_module("concord.read").parse_file
    except (ImportError, AttributeError) as exc:
        raise ConcordError("reading texts needs concord.read", source=str(path)) from exc
    result = parse_file(path)
    found = list(result) if isinstance(result, list | tuple) else [result]
    guess = symbol_from_filename(path)
    return [replace(r, symbol=guess) if r.symbol is None and guess else r for r in found]
