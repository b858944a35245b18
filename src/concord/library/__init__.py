"""The library: every resolution kept, linked and searchable.

``open_library(url)`` opens an SQLite file (the default) or a PostgreSQL database;
``concord ingest``, ``concord search`` and ``concord serve`` use the same layer.
"""

from __future__ import annotations

from concord.library.core import Library, open_library
from concord.library.filters import Filters
from concord.library.ingest import Summary

__all__ = ["Filters", "Library", "Summary", "open_library"]
