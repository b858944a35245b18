"""``concord ingest``: read files on all cores, write each in its own transaction.

Workers parse, and prepare what storing needs besides the database (the JSON copy:
:func:`concord.library.store.prepare`); the parent only writes, one document
per transaction, so a crash or a kill leaves the library as it was before the document
in hand, and running again finishes the job (documents already stored are recognised by
their content hash and skipped). The run holds the search index's writer and commits it
every quarter of a second and at the end (see :mod:`concord.library.textindex`).
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass, field

import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError

from concord.errors import ConcordError
from concord.library import schema as t
from concord.library import textindex
from concord.library.reading import Read, content_hash, read_file, reader_version
from concord.library.sources import Job
from concord.library.store import Provenance, store

PAUSE_ENV = "CONCORD_INGEST_PAUSE"
"""Test hook: seconds to sleep inside each document's transaction, before it commits."""

PARALLEL_FROM = 200
"""Fewer files are read in this process: starting reader processes (a fork server that
imports the reader, about a second) costs more than they save (on two cores, 410
documents took 3.9 s read here and 4.1 s in two reader processes; 1,230 took 12.1 s and
10.4 s)."""
PROGRESS_FROM = 20


@dataclass(frozen=True, slots=True)
class Failure:
    source: str
    reason: str


@dataclass(slots=True)
class Summary:
    """What an ingest did: counts, and each failure with its file and reason."""

    read: int = 0
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    failures: list[Failure] = field(default_factory=list)

    @property
    def failed(self) -> int:
        return len(self.failures)

    def lines(self) -> list[str]:
        """The summary as printed at the end of ``concord ingest``."""
        head = (
            f"read {self.read}, new {self.new}, updated {self.updated}, "
            f"unchanged {self.unchanged}, failed {self.failed}"
        )
        return [head] + [f"  failed: {f.source}: {f.reason}" for f in self.failures]


def ingest(
    engine: Engine,
    jobs: list[Job],
    *,
    workers: int | None = None,
    progress: bool | None = None,
) -> Summary:
    """Read and store every job's file; never raises for one bad document."""
    from concord.read import check_size  # the reader, imported where it is used

    summary = Summary()
    version = reader_version()
    known = _known_hashes(engine, version)
    pending: list[tuple[Job, bytes]] = []
    for job in jobs:
        try:
            if job.data is None:
                check_size(job.path.stat().st_size, job.path.suffix, str(job.path))
            data = job.data if job.data is not None else job.path.read_bytes()
        except OSError as exc:
            summary.read += 1
            summary.failures.append(Failure(str(job.path), exc.strerror or str(exc)))
            continue
        except ConcordError as exc:  # too large to be one resolution: not read at all
            summary.read += 1
            summary.failures.append(Failure(str(job.path), exc.message))
            continue
        if content_hash(data) in known:
            summary.read += 1
            summary.unchanged += 1
        else:
            pending.append((job, data))
    bar = _progress(len(pending), progress)
    with indexing(engine) as indexed:
        for read in _read_all(pending, workers):
            _write(engine, read, version, summary)
            indexed()
            bar(1)
    bar(0)
    return summary


@contextmanager
def indexing(engine: Engine) -> Iterator[Callable[[], None]]:
    """The search index's writer for a run of writes: a step to call after each
    committed document, and a sync at the end."""
    with textindex.of(engine).writing(engine) as step:
        yield step


def _known_hashes(engine: Engine, version: str) -> set[str]:
    e = t.expressions.c
    query = sa.select(e.content_hash).where(e.is_current).where(e.reader_version == version)
    with engine.connect() as conn:
        return set(conn.execute(query).scalars())


def _write(engine: Engine, read: Read, version: str, summary: Summary) -> None:
    summary.read += 1
    if read.resolution is None:
        summary.failures.append(Failure(read.source, read.error or "unreadable"))
        return
    prov = Provenance(read.source, read.content_hash, version)
    pause = float(os.environ.get(PAUSE_ENV) or 0)
    try:
        with engine.connect().execution_options(immediate=True) as conn, conn.begin():
            change = store(conn, read.resolution, prov, read.prepared)
            if pause:
                time.sleep(pause)
    except SQLAlchemyError as exc:
        summary.failures.append(Failure(read.source, f"cannot store: {exc.__class__.__name__}"))
        return
    setattr(summary, change, getattr(summary, change) + 1)


def _read_all(pending: list[tuple[Job, bytes]], workers: int | None) -> Iterator[Read]:
    """Reads of every pending file: in this process for a few, else on all cores."""
    count = workers or os.cpu_count() or 1
    if count <= 1 or len(pending) < PARALLEL_FROM:
        for job, data in pending:
            yield read_file(job.path, job.hints, data)
        return
    try:
        with ProcessPoolExecutor(max_workers=count, mp_context=reader_processes()) as pool:
            yield from _bounded(pool, pending, window=count * 8)
    except BrokenProcessPool:
        raise ConcordError(
            "the reader processes stopped before reading (a script that ingests must run"
            ' its top level under `if __name__ == "__main__":`, as any script that starts'
            " processes must)"
        ) from None


def reader_processes() -> multiprocessing.context.BaseContext:
    """How reader processes start: from a fork server (or spawned, where there is none),
    never forked from this process. This process holds the search index open, and
    Tantivy's threads take file locks in it at any moment: a child forked while one is
    held keeps the lock's file open, and the next reload here waits on it for as long as
    the pool lives (an ingest that hung). The server imports the reader once; each
    process forked from it starts ready."""
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["concord.library.reading"])
    return context


def _bounded(
    pool: ProcessPoolExecutor, pending: Iterable[tuple[Job, bytes]], window: int
) -> Iterator[Read]:
    """Results as they complete, with at most ``window`` documents in flight."""
    waiting: set[Future[Read]] = set()
    for job, data in pending:
        waiting.add(pool.submit(read_file, job.path, job.hints, data))
        if len(waiting) >= window:
            done, waiting = wait(waiting, return_when=FIRST_COMPLETED)
            yield from (f.result() for f in done)
    for future in list(waiting):
        yield future.result()


def _progress(total: int, wanted: bool | None) -> Callable[[int], None]:
    """A progress callback: a tqdm bar on a terminal for long runs, else nothing.

    Call with 1 per document, 0 at the end.
    """
    if wanted is None:
        wanted = sys.stderr.isatty() and total >= PROGRESS_FROM
    if not wanted:
        return lambda _n: None
    from tqdm import tqdm  # type: ignore[import-untyped]

    bar = tqdm(total=total, unit="doc", file=sys.stderr, leave=False)

    def step(n: int) -> None:
        if n:
            bar.update(n)
        else:
            bar.close()

    return step
