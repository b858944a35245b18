"""Where the library lives: ``--db``, then ``CONCORD_DB``, then the default file.

The default is ``$XDG_DATA_HOME/concord/library.sqlite`` (``~/.local/share/concord/
library.sqlite`` when ``XDG_DATA_HOME`` is unset). A value with ``://`` is an SQLAlchemy
URL (``postgresql://user@host/db``, ``sqlite:///path``); anything else is a file path.
"""

from __future__ import annotations

import os
from pathlib import Path

ENV_VAR = "CONCORD_DB"


def default_path() -> Path:
    """The embedded library file used when nothing else is given."""
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "concord" / "library.sqlite"


def resolve_url(db: str | os.PathLike[str] | None = None) -> str:
    """The SQLAlchemy URL for ``db`` (a URL or a path), ``CONCORD_DB`` or the default."""
    value = os.fspath(db) if db is not None else os.environ.get(ENV_VAR) or None
    if value is None:
        value = str(default_path())
    if "://" in value:
        return _psycopg(value)
    path = Path(value).expanduser().resolve()
    return f"sqlite:///{path}"


def _psycopg(url: str) -> str:
    """Plain ``postgresql://`` URLs use psycopg 3, the driver Concord installs."""
    for plain in ("postgresql://", "postgres://"):
        if url.startswith(plain):
            return "postgresql+psycopg://" + url[len(plain) :]
    return url


def sqlite_file(url: str) -> Path | None:
    """The file behind an SQLite URL, or ``None`` (in-memory or another engine)."""
    prefix = "sqlite:///"
    if not url.startswith(prefix) or url[len(prefix) :] in ("", ":memory:"):
        return None
    return Path(url[len(prefix) :])
