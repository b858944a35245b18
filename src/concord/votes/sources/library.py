"""Recorded votes printed in the texts already in the library: part of the ``text`` source.

Every current expression adopted by a recorded vote gives its tally and lists (see
:func:`concord.library.voting.recorded_votes`); of a resolution's languages, the one
listing the most votes is taken, as ``concord show`` does. Its file is the one the text
was read from, recorded with the SHA-256 the library kept and the reader's version, so a
text corrected or read again by a newer reader changes the source, and nothing else does.
"""

from __future__ import annotations

from itertools import groupby
from typing import TYPE_CHECKING

from concord.votes.files import FileRecord
from concord.votes.sources.texts import PrintedVote, body_code

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

    from concord.library.voting import RecordedVote

POSITIONS = ("yes", "no", "abstain")


def printed_votes(engine: Engine) -> tuple[list[PrintedVote], list[FileRecord]]:
    """The votes the library's texts print, and the record of every text they come from."""
    from concord.library.voting import recorded_votes

    with engine.connect() as conn:
        found = recorded_votes(conn)
    files = [FileRecord(r.source, r.content_hash, None, r.reader_version) for r in found]
    printed = []
    for _, group in groupby(found, key=lambda r: r.symbol):
        best = max(group, key=lambda r: (len(r.votes), r.tally is not None))
        vote = _printed(best)
        if vote is not None:
            printed.append(vote)
    return printed, files


def _printed(record: RecordedVote) -> PrintedVote | None:
    if not record.adopted_on:
        return None
    lists = {p: tuple(v.state for v in record.votes if v.position == p) for p in POSITIONS}
    return PrintedVote(
        symbol=record.symbol,
        body=body_code(record.body, record.symbol),
        date=record.adopted_on,
        tally=record.tally,
        yes=lists["yes"],
        no=lists["no"],
        abstain=lists["abstain"],
        origin=record.source,
    )
