"""Concord reads UN resolutions into one linked, searchable record.

The verbs: :func:`concord.read.parse_file` (one text) and :func:`open_library` (the
store of every text read).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from concord.library import open_library as open_library


def __getattr__(name: str) -> Any:
    # The library pulls in the database layer: import it only when asked for.
    if name == "open_library":
        from concord.library import open_library

        return open_library
    raise AttributeError(f"module 'concord' has no attribute {name!r}")


__all__ = ["__version__", "open_library"]
