"""Ingest's split: the reader processes prepare a document (JSON copy, index text), the
writer only writes; a prepared document is stored exactly as an unprepared one."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa

from concord.library import Library
from concord.library.codec import to_json
from concord.library.reading import read_file
from concord.library.sources import Hints
from concord.library.store import Provenance, prepare, store
from fixtures.library.factories import doc, hrc_37_23, install_fake_reader


@pytest.fixture(autouse=True)
def fake_reader(monkeypatch: pytest.MonkeyPatch) -> None:
    import concord.read

    for name in ("parse_text", "parse_bytes"):
        monkeypatch.setattr(concord.read, name, getattr(concord.read, name, None), raising=False)
    install_fake_reader()


def test_prepare_is_the_json() -> None:
    res = hrc_37_23("zh")
    assert prepare(res).document == to_json(res)


def test_a_read_comes_back_prepared(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(doc("A/RES/1/1", ["Requests technical assistance"]))
    read = read_file(path, Hints())
    assert read.resolution is not None
    assert read.prepared == prepare(read.resolution)


def test_prepared_and_unprepared_store_the_same(library: Library) -> None:
    zh, en = hrc_37_23("zh"), hrc_37_23("en")
    with library.engine.begin() as conn:
        store(conn, zh, Provenance("a", "h1", "t"), prepare(zh))
        store(conn, en, Provenance("b", "h2", "t"))
    assert library.expression("A/HRC/RES/37/23", "zh") == zh
    assert library.expression("A/HRC/RES/37/23", "en") == en
    assert library.search("技术援助").total == library.search("Reaffirms").total == 1
    with library.engine.connect() as conn:
        documents = conn.execute(sa.text("SELECT document FROM expressions ORDER BY id")).scalars()
        assert list(documents) == [to_json(zh), to_json(en)]
