"""Votes: every recorded vote, and what it says about where States stand.

Import the datasets once (``concord votes import``, or :func:`import_votes`): every source
goes into the library store with its provenance, and the cache is built from the store.
Then ask:

>>> from concord import votes                                     # doctest: +SKIP
>>> data = votes.load()                                           # the cache, ~0.1 s
>>> data = votes.from_library("library.sqlite")                   # or the store itself
>>> votes.agreement(data, ["USA", "ISR", "CUB"], votes.Selection(start="1990")).table()
>>> votes.most_similar(data, "CHN", votes.Selection(body="HRC"))
>>> votes.cohesion(data, ["WEOG", "AFRICAN"])
>>> votes.ideal_points(data)

Every analysis returns a pandas data frame (or an :class:`Agreement` that gives one). The
canonical long table is ``data.long()``; consistency tables are ``data.check(name)``.
See ``docs/votes.md`` for the data sources, the models and their limits.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from concord.votes.agreement import Agreement, agreement, most_similar, over_time
from concord.votes.cache import default_dir
from concord.votes.cache import read as load
from concord.votes.cohesion import cohesion
from concord.votes.data import VoteData, from_voteset
from concord.votes.idealpoints import ideal_points
from concord.votes.importer import collect, import_votes
from concord.votes.record import record, yes_share
from concord.votes.selection import Selection
from concord.votes.table import VoteSet

if TYPE_CHECKING:
    from concord.votes.store import from_library as from_library


def __getattr__(name: str) -> Any:
    # The store pulls in the database layer: import it only when asked for.
    if name == "from_library":
        from concord.votes.store import from_library

        return from_library
    raise AttributeError(f"module 'concord.votes' has no attribute {name!r}")


__all__ = [
    "Agreement",
    "Selection",
    "VoteData",
    "VoteSet",
    "agreement",
    "cohesion",
    "collect",
    "default_dir",
    "from_library",
    "from_voteset",
    "ideal_points",
    "import_votes",
    "load",
    "most_similar",
    "over_time",
    "record",
    "yes_share",
]
