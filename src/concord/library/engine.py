"""Opening a store: the engine, SQLite's settings, and migrations run on open."""

from __future__ import annotations

from collections.abc import Callable
from importlib import resources
from typing import Any

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError

from concord.errors import ConcordError
from concord.library.location import sqlite_file


def create(url: str) -> Engine:
    """An engine for ``url``; SQLite files get WAL, foreign keys and a busy timeout."""
    path = sqlite_file(url)
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
    try:
        engine = sa.create_engine(url, future=True)
    except (SQLAlchemyError, ImportError, ValueError) as exc:
        raise ConcordError(f"cannot open library {url!r}: {exc}", status=500) from exc
    if engine.dialect.name == "sqlite":
        sa.event.listen(engine, "connect", _sqlite_settings)
        sa.event.listen(engine, "begin", _sqlite_begin)
    return engine


def _sqlite_settings(dbapi_connection: Any, _record: object) -> None:
    # The driver's own transaction handling would leave DDL outside transactions;
    # Concord emits BEGIN itself (see _sqlite_begin).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _sqlite_begin(connection: sa.Connection) -> None:
    # Writers take the write lock at once, so a read-then-write never fails half-way.
    immediate = connection.get_execution_options().get("immediate", False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def _config() -> Config:
    config = Config()
    location = resources.files("concord.library") / "migrations"
    config.set_main_option("script_location", str(location))
    return config


def head() -> str | None:
    """The newest migration shipped with this version of Concord."""
    return ScriptDirectory.from_config(_config()).get_current_head()


def revision(engine: Engine) -> str | None:
    """The migration the store is at (``None`` for an empty store)."""
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def upgrade(engine: Engine, target: str = "head") -> None:
    """Bring the store's schema up to ``target`` (one transaction)."""
    _migrate(engine, command.upgrade, target)


def downgrade(engine: Engine, target: str) -> None:
    """Take the store's schema back to ``target`` (one transaction; for tests and for
    going back to an older Concord)."""
    _migrate(engine, command.downgrade, target)


def _migrate(engine: Engine, step: Callable[[Config, str], None], target: str) -> None:
    config = _config()
    try:
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            step(config, target)
    except SQLAlchemyError as exc:
        raise ConcordError(f"cannot migrate the library: {exc}", status=500) from exc


def ensure_current(engine: Engine) -> None:
    """Run pending migrations; refuse a store newer than this Concord."""
    try:
        current = revision(engine)
    except SQLAlchemyError as exc:
        raise ConcordError(f"cannot open the library: {exc}", status=500) from exc
    if current == head():
        return
    known = {s.revision for s in ScriptDirectory.from_config(_config()).walk_revisions()}
    if current is not None and current not in known:
        raise ConcordError(
            f"the library is at schema {current}, newer than this Concord", status=500
        )
    try:
        upgrade(engine)
    except ConcordError:
        if revision(engine) != head():  # else another process migrated it meanwhile
            raise
