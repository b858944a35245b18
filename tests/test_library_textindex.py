"""The SQLite library's Tantivy index: derived from the database, kept in step through the
search log, rebuilt when it is missing or belongs to another database; ties in one order
across pages."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import sqlalchemy as sa

from concord.errors import ConcordError
from concord.library import Library, open_library, textindex
from concord.library import schema as t
from concord.library.store import Provenance, store
from concord.library.tokens import parse_query
from concord.model.resolution import Resolution
from fixtures.library.factories import hrc_37_23, resolution


def put(lib: Library, *resolutions: Resolution) -> None:
    with lib.engine.begin() as conn:
        for res in resolutions:
            store(conn, res, Provenance("test", res.language + (res.symbol or ""), "t"))


def found(lib: Library, query: str) -> set[str]:
    return {h.symbol for h in lib.search(query, limit=1000)}


def files(url: str) -> list[Path]:
    base = Path(url)
    return [base, base.with_name(base.name + "-wal"), base.with_name(base.name + "-shm")]


def test_the_index_lives_beside_the_file(sqlite_url: str) -> None:
    with open_library(sqlite_url) as lib:
        put(lib, hrc_37_23("en"))
        assert found(lib, "technical") == {"A/HRC/RES/37/23"}
        index = textindex.of(lib.engine)
        assert index.path == Path(sqlite_url + "-search")
        assert index.size() > 0


def test_a_server_librarys_index_lives_in_the_cache_under_its_id(postgres_url: str) -> None:
    with open_library(postgres_url) as lib:
        put(lib, hrc_37_23("zh"))
        assert found(lib, "技术援助") == {"A/HRC/RES/37/23"}
        with lib.engine.connect() as conn:
            library_id = textindex.state(conn)[1]
        index = textindex.of(lib.engine)
        assert index.path == textindex.cache_dir() / library_id
        assert index.size() > 0


def test_the_log_records_what_enters_and_leaves(sqlite_url: str) -> None:
    with open_library(sqlite_url) as lib:
        put(lib, hrc_37_23("en"))
        with lib.engine.begin() as conn:
            corrected = hrc_37_23("en")
            store(conn, corrected, Provenance("test", "other hash", "t"))
            log = conn.execute(
                sa.select(t.search_log.c.expression_id, t.search_log.c.op).order_by(
                    t.search_log.c.seq
                )
            ).all()
        assert [op for _e, op in log] == ["add", "del", "add"]
        assert log[0].expression_id == log[1].expression_id != log[2].expression_id
        assert lib.search("technical").total == 1


def test_a_removed_index_is_rebuilt(sqlite_url: str) -> None:
    with open_library(sqlite_url) as lib:
        put(lib, hrc_37_23("en"), hrc_37_23("zh"))
        assert lib.search("技术援助").total == 1
    shutil.rmtree(sqlite_url + "-search")
    with open_library(sqlite_url) as lib:
        assert found(lib, "技术援助") == {"A/HRC/RES/37/23"}
        assert any(Path(sqlite_url + "-search").iterdir())
        assert lib.search("technical").total == 1


def test_an_index_of_another_database_is_rebuilt(sqlite_url: str) -> None:
    with open_library(sqlite_url) as lib:
        put(lib, hrc_37_23("en"))
        assert lib.search("technical").total == 1
    for path in files(sqlite_url):
        path.unlink(missing_ok=True)
    with open_library(sqlite_url) as lib:
        put(lib, resolution("A/RES/1/1", "en", [], ["Decides to remain seized of the matter"]))
        assert found(lib, "technical") == set()
        assert found(lib, "seized") == {"A/RES/1/1"}


def test_an_older_copy_of_the_database_rebuilds_the_index(sqlite_url: str, tmp_path: Path) -> None:
    """A backup restored under a newer index: the index is ahead of the log."""
    with open_library(sqlite_url) as lib:
        put(lib, hrc_37_23("en"))
        lib.search("technical")
    backup = tmp_path / "backup.sqlite"
    with sa.create_engine(f"sqlite:///{sqlite_url}").connect() as conn:
        conn.exec_driver_sql(f"VACUUM INTO '{backup}'")
    with open_library(sqlite_url) as lib:
        put(lib, resolution("A/RES/1/1", "en", [], ["Decides to remain seized of the matter"]))
        assert found(lib, "seized") == {"A/RES/1/1"}
    for path in files(sqlite_url):
        path.unlink(missing_ok=True)
    shutil.copy(backup, sqlite_url)
    with open_library(sqlite_url) as lib:
        assert found(lib, "seized") == set()
        assert found(lib, "technical") == {"A/HRC/RES/37/23"}


def test_ties_keep_one_order_across_pages(sqlite_url: str) -> None:
    """Identical paragraphs score alike: every page boundary falls inside the tie, and
    the pages still cut one order, each paragraph on exactly one page."""
    same = "Encourages technical cooperation among States"
    with open_library(sqlite_url) as lib:
        put(lib, *(resolution(f"A/RES/5/{i}", "en", [], [same, same]) for i in range(1, 31)))
        index = textindex.of(lib.engine)
        assert index.sync(lib.engine)
        terms = parse_query("cooperation")
        every = index.every(terms)
        assert len(every) == 60 == len({i for i, _s in every})
        assert len({s for _i, s in every}) == 1
        for n in (1, 7, 59):
            assert index.best(terms, n) == (every[:n], False)
        assert index.best(terms, 60) == (every, True)
        pages = [lib.search("cooperation", limit=7, offset=o) for o in range(0, 63, 7)]
        ids = [(h.symbol, h.eid) for page in pages for h in page]
        assert len(ids) == 60 == len(set(ids))
        assert all(page.total == 60 for page in pages)


def test_one_chinese_character_is_ranked(sqlite_url: str) -> None:
    """A one-character query is one ranked term of the ``chars`` field: more of it, and
    a shorter paragraph, rank first."""
    with open_library(sqlite_url) as lib:
        put(
            lib,
            resolution("A/RES/6/1", "zh", [], ["权利与义务以及其他许多事项的长段落内容"]),
            resolution("A/RES/6/2", "zh", [], ["人权与权利"]),
        )
        page = lib.search("权")
        assert [h.symbol for h in page] == ["A/RES/6/2", "A/RES/6/1"]
        assert page.items[0].score > page.items[1].score


def test_a_failed_index_write_is_one_error_and_loses_nothing(
    sqlite_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A write the index refuses (a full disk, say) is a one-line error; the library
    keeps its texts and the next search completes the index."""

    def refused(*_args: object) -> None:
        raise ValueError("An IO error occurred: No space left on device")

    with open_library(sqlite_url) as lib:
        put(lib, hrc_37_23("en"))
        monkeypatch.setattr(textindex, "document", refused)
        with pytest.raises(ConcordError, match=r"search index .*: An IO error.*No space left"):
            lib.search("technical")
        monkeypatch.undo()
        assert lib.resolutions().total == 1
        assert lib.search("technical").total == 1
