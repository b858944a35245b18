"""Ingest: files and folders, manifests, summaries, idempotence, history, parallel reading,
and what a kill in the middle leaves (nothing half-written; a rerun completes)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from concord.library import Library, align, open_library, search, works
from concord.library import ingest as ingesting
from concord.library.ingest import reader_processes
from concord.read import MAX_BYTES
from fixtures.library.factories import doc, install_fake_reader

TESTS = Path(__file__).resolve().parent
SRC = TESTS.parent / "src"
RUN_CLI = TESTS / "fixtures" / "library" / "run_cli.py"
SAMPLES = sorted((SRC / "concord" / "samples").glob("*.txt"))


@pytest.fixture(autouse=True)
def fake_reader(monkeypatch: pytest.MonkeyPatch) -> None:
    import concord.read

    for name in ("parse_text", "parse_bytes"):
        monkeypatch.setattr(concord.read, name, getattr(concord.read, name, None), raising=False)
    install_fake_reader()


def write_docs(folder: Path, count: int, start: int = 1) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(start, start + count):
        path = folder / f"doc{i:03}.txt"
        path.write_text(
            doc(f"A/RES/1/{i}", [f"Requests technical assistance {i}"], pps=["Recalling"])
        )
        paths.append(path)
    return paths


def test_summary_counts_and_failures(library: Library, tmp_path: Path) -> None:
    write_docs(tmp_path, 3)
    (tmp_path / "junk.txt").write_text("no paragraphs here\n")
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.4 nothing")
    (tmp_path / "notes.md").write_text("ignored: not a supported type")
    with (tmp_path / "huge.txt").open("wb") as f:  # sparse: sized, never read
        f.truncate(MAX_BYTES + 1)
    summary = library.ingest([tmp_path])
    assert (summary.read, summary.new, summary.unchanged, summary.failed) == (6, 3, 0, 3)
    reasons = {Path(f.source).name: f.reason for f in summary.failures}
    assert reasons["junk.txt"] == "not a resolution"
    assert "not a readable PDF file" in reasons["broken.pdf"]
    assert reasons["huge.txt"] == f"too large for one resolution ({MAX_BYTES + 1} bytes)"
    again = library.ingest([tmp_path])
    assert (again.read, again.new, again.updated, again.unchanged) == (6, 0, 0, 3)


def test_a_new_reader_version_reads_every_text_again(
    library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import concord.read

    write_docs(tmp_path, 3)
    assert library.ingest([tmp_path]).new == 3
    assert library.ingest([tmp_path]).unchanged == 3
    monkeypatch.setattr(concord.read, "__version__", concord.read.__version__ + ".next")
    again = library.ingest([tmp_path])
    assert (again.new, again.updated, again.unchanged) == (0, 3, 0)
    assert library.ingest([tmp_path]).unchanged == 3


def test_correction_replaces_and_keeps_history(library: Library, tmp_path: Path) -> None:
    (path,) = write_docs(tmp_path, 1)
    library.ingest([path])
    path.write_text(doc("A/RES/1/1", ["Requests corrected text"]))
    summary = library.ingest([path])
    assert (summary.new, summary.updated) == (0, 1)
    exprs = library.resolution("A/RES/1/1").expressions
    assert [e.current for e in exprs] == [True, False]
    assert library.search("corrected").total == 1
    assert library.search("technical").total == 0


def test_manifest_and_options_give_what_the_text_lacks(library: Library, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("op: Requests a\n")
    (tmp_path / "b.txt").write_text("op: Requests b\n")
    (tmp_path / "MANIFEST.csv").write_text(
        "file,symbol,lang,date\na.txt,A/HRC/RES/37/99,en,2018-03-23\n"
    )
    summary = library.ingest([tmp_path])
    assert summary.new == 1
    assert [Path(f.source).name for f in summary.failures] == ["b.txt"]
    assert "MANIFEST.csv" in summary.failures[0].reason
    work = library.resolution("A/HRC/RES/37/99").work
    assert (work.adopted_on, work.body, work.session) == ("2018-03-23", "HRC", 37)
    summary = library.ingest([tmp_path / "b.txt"], symbol="A/RES/5/5", language="fr")
    assert summary.new == 1
    assert library.resolution("A/RES/5/5").work.languages == ("fr",)


def test_missing_path_is_an_error(library: Library, tmp_path: Path) -> None:
    from concord.errors import ConcordError

    with pytest.raises(ConcordError, match="no such file"):
        library.ingest([tmp_path / "nope"])


def test_parallel_reading_on_all_cores(
    sqlite_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Reader processes start fresh (see reader_processes), with the real reader: they are
    # given the bundled samples, real resolutions, not the stand-in reader's line format.
    monkeypatch.setattr(ingesting, "PARALLEL_FROM", 8)
    folder = tmp_path / "docs"
    folder.mkdir()
    for sample in SAMPLES:
        (folder / sample.name).write_bytes(sample.read_bytes())
    with open_library(sqlite_url) as lib:
        summary = lib.ingest([folder], workers=2)
        assert (summary.read, summary.new, summary.failed) == (len(SAMPLES), len(SAMPLES), 0)
        assert lib.resolutions().total == len(SAMPLES)
        assert lib.search("技术援助").total > 0


def test_reader_processes_are_not_forked_from_the_ingesting_process() -> None:
    # A fork would inherit the search index's file locks held at that moment by Tantivy's
    # threads, and the next reload here would wait on them (a run of the suite hung so).
    assert reader_processes().get_start_method() in ("forkserver", "spawn")


def _run_ingest(db: str, folder: Path, pause: str) -> subprocess.Popen[str]:
    env = os.environ | {
        "PYTHONPATH": os.pathsep.join([str(SRC), str(TESTS)]),
        "CONCORD_INGEST_PAUSE": pause,
    }
    args = [sys.executable, str(RUN_CLI), "ingest", str(folder), "--db", db, "--jobs", "1"]
    return subprocess.Popen(
        args, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


def _consistent(lib: Library) -> int:
    """Every stored document is whole: its paragraphs, its index entries. Returns the count.

    All is read in one snapshot (one transaction), as one reader sees the library.
    """
    conn = lib.engine.connect()
    if conn.dialect.name == "postgresql":
        conn = conn.execution_options(isolation_level="REPEATABLE READ")
    with conn, conn.begin():
        page = works.list_works(conn, limit=1000)
        for work in page:
            alignment = align.align(conn, work.symbol)
            assert [p.eid for p in alignment.paragraphs] == ["pp_1", "op_1"]
        assert search.search(conn, "technical", limit=1000).total == page.total
        assert search.search(conn, "recalling", limit=1000).total == page.total
    return page.total or 0


def test_kill_in_the_middle_loses_nothing_and_rerun_completes(
    store_url: str,
    tmp_path: Path,
) -> None:
    write_docs(tmp_path / "docs", 12)
    lib = open_library(store_url)
    proc = _run_ingest(store_url, tmp_path / "docs", pause="0.4")
    deadline = time.monotonic() + 60
    while lib.resolutions().total < 3 and time.monotonic() < deadline:  # readers go on meanwhile
        _consistent(lib)
        time.sleep(0.05)
    time.sleep(0.2)  # now inside the next document's transaction
    proc.send_signal(signal.SIGKILL)
    proc.communicate()
    done = _consistent(lib)
    assert 3 <= done < 12
    if store_url.endswith(".sqlite"):
        with lib.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
    rerun = _run_ingest(store_url, tmp_path / "docs", pause="0")
    out, err = rerun.communicate(timeout=120)
    assert rerun.returncode == 0, err
    assert out.startswith(f"read 12, new {12 - done}, updated 0, unchanged {done}, failed 0")
    assert _consistent(lib) == 12
    lib.close()


def test_readers_are_not_blocked_by_a_writer(sqlite_url: str, tmp_path: Path) -> None:
    write_docs(tmp_path / "docs", 4)
    lib = open_library(sqlite_url)
    proc = _run_ingest(sqlite_url, tmp_path / "docs", pause="0.3")
    slowest = 0.0
    while proc.poll() is None:
        began = time.monotonic()
        _consistent(lib)
        slowest = max(slowest, time.monotonic() - began)
        time.sleep(0.05)
    assert proc.returncode == 0
    assert slowest < 0.4, "a reader waited for the writer's transaction"
    assert _consistent(lib) == 4
    lib.close()
