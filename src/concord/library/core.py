"""The library: one query layer behind the CLI, the Python API and the HTTP API."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError, SQLAlchemyError

from concord.errors import ConcordError
from concord.library import align, engine, graph, search, textindex, voting, works
from concord.library import ingest as ingesting
from concord.library.filters import NO_FILTERS, Filters
from concord.library.ingest import Summary
from concord.library.location import resolve_url
from concord.library.results import (
    Alignment,
    Citation,
    Hit,
    MandateRow,
    Page,
    VoteRecord,
    WorkDetail,
    WorkInfo,
)
from concord.library.sources import Hints, Job, collect
from concord.model.resolution import Resolution

T = TypeVar("T")


class Library:
    """A store of resolutions: SQLite file or PostgreSQL database.

    Every method answers with model objects or plain records (see
    :mod:`concord.library.results`); pages turn into frames with ``.to_pandas()`` and
    ``.to_polars()``.
    """

    def __init__(self, url: str, bind: Engine) -> None:
        self.url = url
        self.engine = bind

    def __repr__(self) -> str:
        return f"Library({self.engine.url.render_as_string(hide_password=True)!r})"

    def close(self) -> None:
        """Release the store's connections and its search index."""
        textindex.release(self.engine)
        self.engine.dispose()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _conn(self) -> Iterator[sa.Connection]:
        try:
            with self.engine.connect() as conn:
                yield conn
        except OperationalError as exc:
            raise ConcordError(f"the library cannot be read: {exc.orig}", status=503) from exc

    def _run(self, fn: Callable[[sa.Connection], T]) -> T:
        with self._conn() as conn:
            return fn(conn)

    # Writing
    def ingest(
        self,
        paths: Sequence[str | os.PathLike[str]],
        *,
        symbol: str | None = None,
        language: str | None = None,
        adopted_on: str | None = None,
        workers: int | None = None,
        progress: bool | None = False,
    ) -> Summary:
        """Read files and folders into the library (see ``concord ingest``)."""
        jobs = collect([Path(p) for p in paths], Hints(symbol, language, adopted_on))
        return ingesting.ingest(self.engine, jobs, workers=workers, progress=progress)

    def ingest_bytes(
        self,
        data: bytes,
        filename: str,
        *,
        symbol: str | None = None,
        language: str | None = None,
        adopted_on: str | None = None,
    ) -> Summary:
        """Read one file given as bytes (its name's suffix says the format)."""
        job = Job(Path(filename), Hints(symbol, language, adopted_on), data)
        return ingesting.ingest(self.engine, [job], workers=1, progress=False)

    # Reading
    def describe(self) -> dict[str, int | str]:
        """The engine and how much the library holds."""
        return self._run(lambda c: works.counts(c) | {"engine": c.dialect.name})

    def resolutions(
        self, filters: Filters = NO_FILTERS, *, limit: int = 50, offset: int = 0
    ) -> Page[WorkInfo]:
        """Resolutions matching ``filters``."""
        return self._run(lambda c: works.list_works(c, filters, limit=limit, offset=offset))

    def resolution(self, symbol: str) -> WorkDetail:
        """One resolution with all its expressions and their history."""
        return self._run(lambda c: works.show(c, symbol))

    def expression(self, symbol: str, language: str) -> Resolution:
        """The current text of ``symbol`` in ``language``, as the reader made it."""
        return self._run(lambda c: works.expression(c, symbol, language))

    def paragraphs(self, symbol: str, languages: tuple[str, ...] = ()) -> Alignment:
        """``symbol``'s paragraphs in every (or the given) language, aligned by eid."""
        return self._run(lambda c: align.align(c, symbol, languages))

    def cites(self, symbol: str) -> Page[Citation]:
        """What ``symbol`` refers to."""
        return self._run(lambda c: graph.cites(c, symbol))

    def cited_by(self, target: str) -> Page[Citation]:
        """Every resolution paragraph that refers to ``target``."""
        return self._run(lambda c: graph.cited_by(c, target))

    def votes(self, symbol: str) -> VoteRecord:
        """How ``symbol`` was adopted and each State's vote."""
        return self._run(lambda c: voting.votes(c, symbol))

    def mandates(
        self,
        symbol: str | None = None,
        *,
        addressee: str | None = None,
        due_session: int | None = None,
        limit: int = 100,
        offset: int = 0,
    ) -> Page[MandateRow]:
        """Who was asked to act, by which resolution, due when."""
        return self._run(
            lambda c: voting.mandates(
                c, symbol, addressee=addressee, due_session=due_session, limit=limit, offset=offset
            )
        )

    def search(
        self,
        query: str,
        filters: Filters = NO_FILTERS,
        *,
        limit: int = 20,
        offset: int = 0,
        mark: tuple[str, str] = ("[", "]"),
    ) -> Page[Hit]:
        """Paragraphs matching ``query`` in any language, best first, with snippets."""
        return self._run(
            lambda c: search.search(c, query, filters, limit=limit, offset=offset, mark=mark)
        )


def open_library(url: str | os.PathLike[str] | None = None, *, migrate: bool = True) -> Library:
    """Open (creating and migrating as needed) the library at ``url``.

    ``url`` is an SQLAlchemy URL (``postgresql://…``, ``sqlite:///…``) or a file path;
    without one, ``CONCORD_DB``, then the default file (see :mod:`concord.library.location`).
    """
    resolved = resolve_url(url)
    bind = engine.create(resolved)
    try:
        if migrate:
            engine.ensure_current(bind)
    except (ConcordError, SQLAlchemyError):
        bind.dispose()
        raise
    return Library(resolved, bind)
