"""The migrations build exactly the schema the code describes, on both engines."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from concord.errors import ConcordError
from concord.library import engine, location, open_library
from concord.library.schema import metadata
from concord.library.store import Provenance, store
from fixtures.library.factories import hrc_37_23

ENGINE_OWN = ("paragraph_fts", "ix_paragraphs_search")


def _ours(obj: object, name: str | None, kind: str, reflected: bool, other: object) -> bool:
    return not (name or "").startswith(ENGINE_OWN)


def test_migrated_schema_matches_metadata(store_url: str) -> None:
    with open_library(store_url) as lib, lib.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"include_object": _ours})
        assert compare_metadata(context, metadata) == []
        assert engine.revision(lib.engine) == engine.head()


def test_reopening_migrates_nothing(sqlite_url: str) -> None:
    open_library(sqlite_url).close()
    with open_library(sqlite_url) as lib:
        assert engine.revision(lib.engine) == engine.head() == "0005"


def test_a_0001_library_gains_the_vote_tables_and_keeps_its_texts(store_url: str) -> None:
    _older(store_url, "0001")
    with open_library(store_url) as lib, lib.engine.connect() as conn:
        assert engine.revision(lib.engine) == engine.head()
        assert lib.votes("A/HRC/RES/37/23").tally == (2, 1, 1)
        for table in ("vote_sources", "roll_calls", "roll_call_votes", "vote_disagreements"):
            assert conn.execute(sa.text(f"SELECT count(*) FROM {table}")).scalar() == 0


def _older(store_url: str, revision: str) -> None:
    """A library holding 37/23 (en), taken back to the schema of ``revision``."""
    bind = engine.create(location.resolve_url(store_url))
    engine.upgrade(bind)
    with bind.begin() as conn:
        store(conn, hrc_37_23("en"), Provenance("t.txt", "h", "r"))
    engine.downgrade(bind, revision)
    bind.dispose()


def test_a_0002_library_gains_the_search_log_and_its_texts_are_found(store_url: str) -> None:
    _older(store_url, "0002")
    with open_library(store_url) as lib, lib.engine.connect() as conn:
        assert engine.revision(lib.engine) == engine.head()
        log = conn.execute(sa.text("SELECT expression_id, op FROM search_log")).all()
        assert [op for _e, op in log] == ["add"]
        assert lib.search("technical").total == 1


def test_a_newer_store_is_refused(sqlite_url: str) -> None:
    with open_library(sqlite_url) as lib, lib.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = '9999'")
    with pytest.raises(ConcordError, match="newer than this Concord"):
        open_library(sqlite_url)


def test_where_the_library_lives(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CONCORD_DB", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert location.resolve_url() == f"sqlite:///{tmp_path}/concord/library.sqlite"
    monkeypatch.setenv("CONCORD_DB", "postgresql://u@h/db")
    assert location.resolve_url() == "postgresql+psycopg://u@h/db"
    assert location.resolve_url(tmp_path / "x.db") == f"sqlite:///{tmp_path}/x.db"


def test_an_unreachable_server_is_a_clear_error() -> None:
    with pytest.raises(ConcordError, match="cannot open the library"):
        open_library("postgresql://nobody@127.0.0.1:1/none?connect_timeout=2")


def test_a_0004_library_gains_paragraph_headings(store_url: str) -> None:
    _older(store_url, "0004")
    with open_library(store_url) as lib, lib.engine.connect() as conn:
        assert engine.revision(lib.engine) == engine.head()
        # Texts read before have none: the next ingest reads them again (reader version).
        headings = conn.execute(sa.text("SELECT heading FROM paragraphs")).scalars().all()
        assert headings and set(headings) == {None}
        assert all(not p.headings for p in lib.paragraphs("A/HRC/RES/37/23").paragraphs)
