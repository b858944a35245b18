"""Vote datasets in the library store, on SQLite and PostgreSQL: provenance, idempotent
re-import, disagreements recorded (not overwritten), texts as the ``text`` source, and the
same data read from the store as from the cache."""

from __future__ import annotations

import gzip
import hashlib
import shutil
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest
import sqlalchemy as sa
from fastapi import FastAPI
from fastapi.testclient import TestClient

from concord.cli import main
from concord.library import Library, bulk, open_library
from concord.library import rollcalls as db
from concord.library import schema as t
from concord.library.store import Provenance as TextProvenance
from concord.library.store import store as store_text
from concord.model.resolution import Adoption, Resolution, Tally, Votes
from concord.votes import cache, consistency
from concord.votes.api import router, vote_data
from concord.votes.data import CHECKS, VoteData
from concord.votes.importer import ImportResult, collect, import_votes
from concord.votes.sources import FileSource, ohchr, unvotes
from concord.votes.store import from_library
from fixtures.library.factories import hrc_37_23
from fixtures.votes.support import DHL_2026, DHL_SC, DHL_V1, UNVOTES, fixture_data

SAMPLES = Path(__file__).resolve().parents[1] / "src" / "concord" / "samples"


def ga_unvotes(load: Callable[..., Any] = unvotes.load) -> FileSource:
    """The committed unvotes slice, as the shared folder's source reads it."""
    return FileSource(unvotes.NAME, UNVOTES, load, unvotes.input_files)


def run_import(
    url: str | Library, tmp_path: Path, dhl: tuple[Path, ...] = (), **options: Any
) -> ImportResult:
    options.setdefault("sources", [ga_unvotes()])
    return import_votes(None, tmp_path / "cache", dhl=dhl, db=url, **options)


@pytest.fixture
def lib(store_url: str) -> Iterator[Library]:
    with open_library(store_url) as opened:
        yield opened


def query(lib: Library, sql: str, **params: Any) -> list[tuple[Any, ...]]:
    with lib.engine.connect() as conn:
        return [tuple(r) for r in conn.execute(sa.text(sql), params)]


def votes_of(lib: Library, source: str, ref: str) -> dict[str, str]:
    rows = query(
        lib,
        "SELECT v.state, v.vote FROM roll_call_votes v JOIN roll_calls r ON r.id = v.roll_call_id"
        " JOIN vote_sources s ON s.id = r.source_id WHERE s.name = :s AND r.source_ref = :ref",
        s=source,
        ref=ref,
    )
    return {str(state): str(vote) for state, vote in rows}


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# --- provenance ----------------------------------------------------------------------------


def test_fixtures_go_into_the_store_with_their_provenance(
    lib: Library,
    store_url: str,
    tmp_path: Path,
) -> None:
    result = run_import(store_url, tmp_path, (DHL_2026, DHL_V1, DHL_SC))
    assert result.changes == {"dhl_ga": "new", "dhl_sc": "new", "ga_unvotes": "new"}
    with lib.engine.connect() as conn:
        sources = {s["name"]: s for s in db.sources(conn)}
    assert set(sources) == {"dhl_ga", "dhl_sc", "ga_unvotes"}
    files = {f["path"]: f["sha256"] for f in sources["dhl_ga"]["files"]}
    assert files == {str(DHL_2026): sha256(DHL_2026), str(DHL_V1): sha256(DHL_V1)}
    assert [Path(f["path"]).name for f in sources["ga_unvotes"]["files"]] == [
        "un_votes.csv",
        "un_roll_calls.csv",
        "un_roll_call_issues.csv",
    ]
    assert sources["ga_unvotes"]["licence"].startswith("MIT")
    assert "United Nations" in sources["dhl_sc"]["licence"]
    assert sources["ga_unvotes"]["citation"].startswith("Erik Voeten")
    expected = fixture_data().long()
    for name, source in sources.items():
        assert source["loader_version"] == "1" and source["imported_at"]
        counted = query(
            lib,
            "SELECT count(*) FROM roll_calls r JOIN vote_sources s ON s.id = r.source_id"
            " WHERE s.name = :n",
            n=name,
        )[0][0]
        assert source["n_roll_calls"] == counted
        assert source["n_votes"] == int((expected["source"] == name).sum())
    # the votes are there by State, symbol and date, as in memory
    usa = query(lib, "SELECT count(*) FROM roll_call_votes WHERE state = 'USA'")[0][0]
    assert usa == int((expected["state"] == "USA").sum())
    assert votes_of(lib, "dhl_sc", "853446")["USA"] == "A"
    by_symbol = query(lib, "SELECT source_ref, date FROM roll_calls WHERE symbol = 'A/RES/73/100'")
    assert [(ref, str(day)) for ref, day in by_symbol] == [("6105", "2018-12-07")]


def test_reimport_is_a_noop_and_a_changed_source_replaces_its_rows(
    lib: Library,
    store_url: str,
    tmp_path: Path,
) -> None:
    sc = tmp_path / "sc.csv"
    shutil.copy(DHL_SC, sc)
    run_import(store_url, tmp_path, (sc,))
    snapshot = "SELECT name, imported_at, fingerprint FROM vote_sources ORDER BY name"
    before = query(lib, snapshot)
    ids = query(lib, "SELECT id FROM roll_calls ORDER BY id")

    def refuse(*_: object) -> None:
        raise AssertionError("an unchanged source was loaded again")

    again = run_import(store_url, tmp_path, (sc,), sources=[ga_unvotes(refuse)])
    assert again.changes == {"dhl_sc": "unchanged", "ga_unvotes": "unchanged"}
    assert (
        query(lib, snapshot) == before
        and query(lib, "SELECT id FROM roll_calls ORDER BY id") == ids
    )

    sc.write_text(
        sc.read_text().replace('USA,"UNITED STATES",True,A', 'USA,"UNITED STATES",True,N')
    )
    changed = run_import(store_url, tmp_path, (sc,), sources=[ga_unvotes(refuse)])
    assert changed.changes == {"dhl_sc": "updated", "ga_unvotes": "unchanged"}
    assert votes_of(lib, "dhl_sc", "853446")["USA"] == "N"
    assert len(votes_of(lib, "dhl_sc", "853446")) == 15
    after = dict((n, (when, fp)) for n, when, fp in query(lib, snapshot))
    assert after["ga_unvotes"] == dict((n, (w, f)) for n, w, f in before)["ga_unvotes"]
    assert after["dhl_sc"][1] != dict((n, f) for n, _, f in before)["dhl_sc"]
    assert query(lib, "SELECT count(*) FROM roll_calls")[0][0] == len(ids)


def test_a_record_in_two_files_is_taken_from_the_last(
    lib: Library,
    store_url: str,
    tmp_path: Path,
) -> None:
    first, second = tmp_path / "a.csv", tmp_path / "b.csv"
    shutil.copy(DHL_V1, first)
    second.write_text(DHL_V1.read_text().replace("IRN,IRAN (ISLAMIC REPUBLIC OF),N", "IRN,IRAN,A"))
    result = run_import(store_url, tmp_path, (first, second), sources=[])
    assert result.changes == {"dhl_ga": "new"}
    assert query(lib, "SELECT count(*) FROM roll_calls")[0][0] == 1
    assert votes_of(lib, "dhl_ga", "4032542")["IRN"] == "A"


# --- disagreements -------------------------------------------------------------------------


def ga_73_100_as_dhl(path: Path, flip: dict[str, str]) -> dict[str, str]:
    """A UN Library file holding A/RES/73/100 as the unvotes slice does, but for ``flip``."""
    long = fixture_data().long()
    rows = long[long["roll_call_id"] == "ga_unvotes/6105"]
    votes = {str(s): str(v) for s, v in zip(rows["state"], rows["vote"], strict=True)}
    lines = ["undl_id,ms_code,ms_name,ms_vote,date,resolution"]
    for state, vote in sorted(votes.items()):
        lines.append(f"1655161,{state},{state},{flip.get(state, vote)},2018-12-07,A/RES/73/100")
    path.write_text("\n".join(lines) + "\n")
    return votes


def test_a_disagreement_is_recorded_and_reported_not_overwritten(
    lib: Library,
    store_url: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    dhl = tmp_path / "ga.csv"
    votes = ga_73_100_as_dhl(dhl, {})
    flipped = "N" if votes["CUB"] == "Y" else "Y"
    ga_73_100_as_dhl(dhl, {"CUB": flipped})
    result = run_import(store_url, tmp_path, (dhl,))
    found = result.data.check("disagreements")
    assert found[["state", "source_a", "vote_a", "source_b", "vote_b"]].values.tolist() == [
        ["CUB", "dhl_ga", flipped, "ga_unvotes", votes["CUB"]]
    ]
    # both sources keep their own vote; the store records where they differ
    assert votes_of(lib, "dhl_ga", "1655161")["CUB"] == flipped
    assert votes_of(lib, "ga_unvotes", "6105")["CUB"] == votes["CUB"]
    recorded = query(
        lib,
        "SELECT d.key, d.state, a.source_ref, d.vote_a, b.source_ref, d.vote_b"
        " FROM vote_disagreements d JOIN roll_calls a ON a.id = d.roll_call_a"
        " JOIN roll_calls b ON b.id = d.roll_call_b",
    )
    assert recorded == [("GA:A/RES/73/100", "CUB", "1655161", flipped, "6105", votes["CUB"])]
    canonical = query(
        lib, "SELECT source_ref, canonical FROM roll_calls WHERE key = :k", k=recorded[0][0]
    )
    assert sorted((r, bool(c)) for r, c in canonical) == [("1655161", True), ("6105", False)]

    assert main(["votes", "check", "--db", store_url]) == 0
    out = capsys.readouterr().out
    assert "roll calls compared between sources: 1 (agree 0, disagree 1)" in out
    row = next(line for line in out.splitlines() if "GA:A/RES/73/100" in line)
    cast = sum(v in "YNA" for v in votes.values())  # absent Members are not compared
    assert row.split()[-4:] == [str(cast), str(cast - 1), "1", "disagree"]
    assert main(["votes", "check", "--db", store_url, "--table", "disagreements"]) == 0
    assert "CUB" in capsys.readouterr().out

    ga_73_100_as_dhl(dhl, {})  # the file corrected: nothing left to record
    run_import(store_url, tmp_path, (dhl,))
    assert query(lib, "SELECT count(*) FROM vote_disagreements") == [(0,)]


# --- texts ---------------------------------------------------------------------------------


def put(lib: Library, res: Resolution, digest: str) -> None:
    with lib.engine.begin() as conn:
        store_text(conn, res, TextProvenance(f"texts/{digest}.txt", digest, "r1"))


def hrc_dataset(folder: Path, votes: dict[str, str]) -> FileSource:
    """A made-up file in the layout of the HRC dataset (its real data never enters the repo)."""
    folder.mkdir(exist_ok=True)
    rows = ["record_id,symbol,date,body,iso3,country,un_group,vote"]
    rows += [f"7,A/HRC/RES/37/23,2018-03-23,HRC,{s},{s},,{v}" for s, v in votes.items()]
    with gzip.open(folder / ohchr.VOTES_FILE, "wt") as handle:
        handle.write("\n".join(rows) + "\n")
    with gzip.open(folder / ohchr.RESOLUTIONS_FILE, "wt") as handle:
        handle.write("record_id,title,yes,no,abstain\n7,Cooperation,2,1,1\n")
    return FileSource(ohchr.NAME, folder, ohchr.load, ohchr.input_files)


def test_texts_in_the_library_are_the_text_source(
    lib: Library,
    store_url: str,
    tmp_path: Path,
) -> None:
    put(lib, hrc_37_23("en"), "a" * 64)  # CHN, AGO yes; USA no; DEU abstains
    hrc = hrc_dataset(
        tmp_path / "hrc", {"CHN": "Y", "AGO": "Y", "USA": "N", "DEU": "Y", "GBR": "."}
    )
    result = run_import(store_url, tmp_path, sources=[hrc])
    assert result.changes == {"hrc_ohchr": "new", "text": "new"}
    with lib.engine.connect() as conn:
        text = next(s for s in db.sources(conn) if s["name"] == "text")
    assert text["files"] == [
        {
            "path": "texts/" + "a" * 64 + ".txt",
            "bytes": None,
            "sha256": "a" * 64,
            "reader_version": "r1",
        }
    ]
    assert votes_of(lib, "text", "A/HRC/RES/37/23") == {
        "CHN": "Y",
        "AGO": "Y",
        "USA": "N",
        "DEU": "A",
    }
    compared = result.data.check("comparison")
    assert compared[
        ["key", "source_a", "source_b", "states", "agree", "disagree", "verdict"]
    ].values.tolist() == [["HRC:A/HRC/RES/37/23", "hrc_ohchr", "text", 4, 3, 1, "disagree"]]
    assert query(lib, "SELECT state, vote_a, vote_b FROM vote_disagreements") == [("DEU", "Y", "A")]

    assert run_import(store_url, tmp_path, sources=[hrc]).changes == {
        "hrc_ohchr": "unchanged",
        "text": "unchanged",
    }
    put(lib, hrc_37_23("zh"), "b" * 64)  # the same votes in another language change nothing
    assert run_import(store_url, tmp_path, sources=[hrc]).changes["text"] == "unchanged"
    corrected = Adoption(
        "recorded_vote", Tally(3, 1, 0), Votes(("AGO", "CHN", "DEU"), ("USA",), ())
    )
    put(lib, replace(hrc_37_23("en"), adoption=corrected), "c" * 64)
    fixed = run_import(store_url, tmp_path, sources=[hrc])
    assert fixed.changes == {"hrc_ohchr": "unchanged", "text": "updated"}
    assert fixed.data.check("comparison")["verdict"].tolist() == ["agree"]
    assert query(lib, "SELECT count(*) FROM vote_disagreements") == [(0,)]
    with lib.engine.begin() as conn:  # no text prints a recorded vote any more
        conn.execute(t.expressions.update().values(adoption_mode="without_vote"))
    again = run_import(store_url, tmp_path, sources=[hrc])
    assert again.changes == {"hrc_ohchr": "unchanged", "text": "removed"}
    assert query(lib, "SELECT count(*) FROM vote_disagreements") == [(0,)]


def test_37_23_read_from_its_text_agrees_with_the_hrc_dataset(
    lib: Library,
    store_url: str,
    tmp_path: Path,
    shared_data: Path,
) -> None:
    pytest.importorskip("concord.read.parse", reason="the reader is not in this checkout yet")
    folder = shared_data / "votes" / "hrc_ohchr"
    if not all(f.is_file() for f in ohchr.input_files(folder)):
        pytest.skip(f"HRC/CHR votes (non-commercial, never in the repo) not found at {folder}")
    assert lib.ingest([SAMPLES / "A_HRC_RES_37_23.zh.txt"]).new == 1
    hrc = FileSource(ohchr.NAME, folder, ohchr.load, ohchr.input_files)
    result = run_import(store_url, tmp_path, sources=[hrc])
    compared = result.data.check("comparison").set_index("key").loc["HRC:A/HRC/RES/37/23"]
    assert (compared["source_a"], compared["source_b"]) == ("hrc_ohchr", "text")
    assert (compared["states"], compared["agree"], compared["disagree"]) == (46, 46, 0)
    assert compared["verdict"] == "agree"
    tallies = result.data.check("tallies").set_index("source").loc["text"]
    assert (tallies["printed_yes"], tallies["printed_no"], tallies["printed_abstain"]) == (
        28,
        1,
        17,
    )
    assert bool(tallies["agrees"])
    assert len(votes_of(lib, "text", "A/HRC/RES/37/23")) == 46
    assert query(lib, "SELECT count(*) FROM vote_disagreements") == [(0,)]


# --- the store, the cache and memory give the same data ------------------------------------


def assert_same(a: VoteData, b: VoteData) -> None:
    pd.testing.assert_frame_equal(a.roll_calls, b.roll_calls)
    assert a.states == b.states and dict(a.groups) == dict(b.groups)
    assert np.array_equal(a.matrix.codes, b.matrix.codes)
    for name in CHECKS:
        pd.testing.assert_frame_equal(a.check(name), b.check(name), check_dtype=False)


def test_the_store_gives_the_data_of_the_cache_and_of_memory(
    lib: Library,
    store_url: str,
    tmp_path: Path,
) -> None:
    dhl = tmp_path / "ga.csv"
    ga_73_100_as_dhl(dhl, {"USA": "Y"})
    run_import(store_url, tmp_path, (dhl, DHL_2026, DHL_SC))
    stored = from_library(store_url)
    assert_same(stored, cache.read(tmp_path / "cache"))
    assert from_library(lib).manifest["store"].startswith(("sqlite", "postgresql"))

    # in memory, without a store: the same roll calls and votes, in another order
    memory, _ = collect(None, dhl=[dhl, DHL_2026, DHL_SC], sources=[ga_unvotes()])
    order = ["roll_call_id"]
    pd.testing.assert_frame_equal(
        stored.roll_calls.sort_values(order, ignore_index=True),
        memory.roll_calls.sort_values(order, ignore_index=True),
    )
    columns = ["roll_call_id", "state"]
    pd.testing.assert_frame_equal(
        stored.long().sort_values(columns, ignore_index=True),
        memory.long().sort_values(columns, ignore_index=True),
    )
    for name in ("disagreements", "comparison"):
        pd.testing.assert_frame_equal(stored.check(name), memory.check(name), check_dtype=False)

    # what the store records is what the data derives
    keys = query(
        lib,
        "SELECT s.name, r.source_ref, r.key, r.canonical FROM roll_calls r"
        " JOIN vote_sources s ON s.id = r.source_id",
    )
    derived = stored.roll_calls.set_index(["source", "source_ref"])
    assert all(
        derived.loc[(name, ref), "key"] == key
        and bool(derived.loc[(name, ref), "canonical"]) == bool(flag)
        for name, ref, key, flag in keys
    )
    assert (
        len(query(lib, "SELECT * FROM vote_disagreements"))
        == len(stored.check("disagreements"))
        == 1
    )


def test_the_http_api_answers_from_the_store(store_url: str, tmp_path: Path) -> None:
    run_import(store_url, tmp_path, (DHL_2026,))
    app = FastAPI()
    app.include_router(router)
    app.dependency_overrides[vote_data] = lambda: from_library(store_url)
    client = TestClient(app)
    answer = client.get("/votes/record/CUB", params={"from": "2018"})
    assert answer.status_code == 200 and answer.json()["rows"]
    checks = client.get("/votes/check", params={"table": "comparison"})
    assert checks.status_code == 200 and checks.json()["count"] == 0


def test_an_empty_store_says_to_import(sqlite_url: str) -> None:
    from concord.errors import ConcordError

    with pytest.raises(ConcordError, match="votes import") as info:
        from_library(sqlite_url)
    assert info.value.status == 503


def test_comparison_counts_states_with_a_vote_cast() -> None:
    roll_calls = pd.DataFrame(
        {
            "roll_call_id": ["a/1", "b/1"],
            "key": ["K", "K"],
            "source": ["a", "b"],
            "body": ["HRC", "HRC"],
            "symbol": ["S", "S"],
            "date": pd.to_datetime(["2018-03-23"] * 2),
        }
    )
    votes = pd.DataFrame(
        [
            ("a/1", "CHN", "Y"),
            ("b/1", "CHN", "Y"),
            ("a/1", "USA", "N"),
            ("b/1", "USA", "A"),
            ("a/1", "GBR", "X"),  # absent in one, not listed in the other: no disagreement
            ("a/1", "FRA", "-"),
        ],
        columns=["roll_call_id", "state", "vote"],
    )
    table = consistency.comparison(roll_calls, votes)
    assert table[["states", "agree", "disagree", "verdict"]].values.tolist() == [
        [2, 1, 1, "disagree"]
    ]


def test_a_large_write_rebuilds_the_index_and_keeps_the_schema(
    lib: Library,
    store_url: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    monkeypatch.setattr(bulk, "BULK_FROM", 1)  # every write takes the bulk path
    statements: list[str] = []
    sa.event.listen(lib.engine, "before_cursor_execute", lambda *a: statements.append(a[2]))
    dhl = tmp_path / "ga.csv"
    ga_73_100_as_dhl(dhl, {"CUB": "A"})
    run_import(lib, tmp_path, (dhl,), sources=[])
    ga_73_100_as_dhl(dhl, {"CUB": "N"})
    again = run_import(lib, tmp_path, (dhl,), sources=[])
    assert again.changes["dhl_ga"] == "updated"
    assert votes_of(lib, "dhl_ga", "1655161")["CUB"] == "N"
    rebuilt = [
        s for s in statements if s.strip().startswith("CREATE INDEX ix_roll_call_votes_state")
    ]
    assert len(rebuilt) == 2
    own = ("paragraph_fts", "ix_paragraphs_search")
    with lib.engine.connect() as conn:
        context = MigrationContext.configure(
            conn, opts={"include_object": lambda o, name, *_: not (name or "").startswith(own)}
        )
        assert compare_metadata(context, t.metadata) == []
    with pytest.raises(sa.exc.IntegrityError), lib.engine.begin() as conn:  # the key is back
        conn.execute(t.roll_call_votes.insert().values(roll_call_id=999_999, state="USA", vote="Y"))


def test_a_source_that_cannot_name_its_files_is_loaded_and_compared(
    lib: Library,
    store_url: str,
    tmp_path: Path,
) -> None:
    folder_only = FileSource(unvotes.NAME, UNVOTES, unvotes.load)  # no list of files
    assert run_import(store_url, tmp_path, sources=[folder_only]).changes == {"ga_unvotes": "new"}
    again = run_import(store_url, tmp_path, sources=[folder_only])
    assert again.changes == {"ga_unvotes": "unchanged"}
