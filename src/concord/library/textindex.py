"""The library's full-text index: a Tantivy index derived from the database.

SQLite's FTS5 and PostgreSQL's ``ts_rank_cd`` rank by scoring every match of a query and
sorting them: a frequent word in a million paragraphs costs hundreds of milliseconds
whatever the page size. Tantivy (the Rust search library behind Quickwit) ranks with
block-max WAND: it skips the blocks of a posting list that cannot enter the top n, so a
top-20 reads a few blocks. It indexes the derived tokens of
:mod:`concord.library.tokens`: ``body`` holds words and CJK bigrams with their positions
(phrases), ``chars`` every CJK character, so that a one-character Chinese query is one
ranked term.

An SQLite library's index is a folder beside its file (``library.sqlite-search``); a
PostgreSQL library's is a folder in this machine's cache (:func:`cache_dir`), under the
library's id: each machine that searches it keeps its own copy, as it would a replica.

The database stays the truth; the index is derived from it and kept in step through the
table ``search_log``, written in the transaction that stores or supersedes an expression
(``add`` or ``del``, with its id). The index keeps, in a marker document committed with
the changes, the last ``seq`` of the log it applied and the ``library_id`` of the
database it belongs to. :meth:`TextIndex.sync` replays the log past the marker: an entry
replaces every document of its expression (deletes them, then adds the paragraphs when it
is an ``add``), so replaying an entry twice changes nothing, and a kill at any point leaves
an index that is behind, never wrong; the next sync completes it. An index of another
database (or of a newer one: a restored backup) is rebuilt from the current expressions.

One process at a time holds Tantivy's writer lock (the system releases it when the
process dies). ``concord ingest`` holds it for its run and commits the index at most every
``COMMIT_EVERY`` seconds and at the end. A search first makes sure the index holds every
log entry its own snapshot of the database holds: it syncs itself when no process holds
the lock, else it waits for the holder's next commit (at most ``WAIT`` seconds).
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import sqlalchemy as sa
import tantivy
from sqlalchemy.engine import Engine

from concord.errors import ConcordError
from concord.library import schema as t
from concord.library.tokens import Term, char_text, index_text

COMMIT_EVERY = 0.25
"""Seconds between the index commits of a long write (``concord ingest``)."""
WAIT = 2.0
"""Seconds a search waits for another process's index commit before answering."""
HEAP = 64_000_000
"""Bytes the index writer buffers before it writes a segment."""
_MARKER = 0
"""The ``expr`` of the marker document (expression ids start at 1)."""
_BATCH = 500
"""Expressions read from the database at a time while syncing."""

Ranked = list[tuple[int, float]]
"""Paragraph ids and their scores, best first."""


def _schema() -> tantivy.Schema:
    builder = tantivy.SchemaBuilder()
    builder.add_unsigned_field("expr", indexed=True)
    builder.add_unsigned_field("pid", fast=True)
    builder.add_text_field("body", tokenizer_name="whitespace", index_option="position")
    builder.add_text_field("chars", tokenizer_name="whitespace", index_option="freq")
    builder.add_unsigned_field("seq", fast=True)
    builder.add_text_field("library", stored=True, tokenizer_name="raw")
    return builder.build()


SCHEMA = _schema()


def folder(database: Path) -> Path:
    """Where the index of the SQLite file ``database`` lives: beside it."""
    return database.with_name(database.name + "-search")


def state(conn: sa.Connection) -> tuple[int, str]:
    """``(seq, library_id)``: the last log entry ``conn`` sees (0 for none), and the
    database's own id (written by its migration, recorded by the index)."""
    row = conn.exec_driver_sql(
        "SELECT (SELECT max(seq) FROM search_log),"
        " (SELECT value FROM settings WHERE key = 'library_id')"
    ).one()
    return int(row[0] or 0), str(row[1] or "")


class TextIndex:
    """The search index of one library, in ``path`` (``None``: in memory, for an
    in-memory SQLite library). One object per folder and process: see :func:`of`."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        try:
            if path is None:
                self.index = tantivy.Index(SCHEMA)
            else:
                path.mkdir(parents=True, exist_ok=True)
                self.index = tantivy.Index(SCHEMA, path=str(path))
        except (ValueError, OSError) as exc:
            where = path or "memory"
            raise ConcordError(
                f"cannot open the search index {where}: {exc}"
                " (it is derived from the library: remove the folder to rebuild it)",
                status=500,
            ) from exc
        self._lock = threading.RLock()
        self._writer: tantivy.IndexWriter | None = None
        self._holding = 0
        self._last_commit = 0.0
        self._owner = ""
        """The library id the index was last found or made to hold."""

    # -- the marker ------------------------------------------------------------------

    def _marker(self, reload: bool) -> tuple[tantivy.Searcher, tantivy.DocAddress | None]:
        """A searcher and the marker document's address in it (``None``: no marker yet).
        Without ``reload``, as the searcher last saw the index (Tantivy reloads it soon
        after each commit)."""
        if reload:
            self.index.reload()
        searcher = self.index.searcher()
        hits = searcher.search(_expression(_MARKER), 1, count=False).hits
        return searcher, hits[0][1] if hits else None

    def mark(self) -> tuple[int, str]:
        """``(seq, library_id)`` of the last committed sync (``(-1, "")`` if none)."""
        searcher, address = self._marker(reload=True)
        if address is None:
            return -1, ""
        seq = searcher.fast_field_values("seq", [address])[0]
        return int(seq or 0), str(searcher.doc(address).get_first("library") or "")

    def _seq(self, reload: bool = True) -> int:
        """The marker's ``seq`` alone (what every search checks)."""
        searcher, address = self._marker(reload)
        if address is None:
            return -1
        return int(searcher.fast_field_values("seq", [address])[0] or 0)

    # -- writing ---------------------------------------------------------------------

    def _acquire(self) -> tantivy.IndexWriter | None:
        """The writer, or ``None`` when another process holds it."""
        if self._writer is None:
            try:
                self._writer = self.index.writer(heap_size=HEAP, num_threads=1)
            except ValueError as exc:
                if "LockBusy" in str(exc):
                    return None
                raise ConcordError(f"cannot write the search index: {exc}", status=500) from exc
        return self._writer

    def _release(self) -> None:
        if self._holding == 0 and self._writer is not None:
            self._writer = None  # dropping it releases the lock

    @contextmanager
    def writing(self, engine: Engine) -> Iterator[Any]:
        """Hold the writer for a long write; yields ``step()``, to call after each
        committed document (it commits the index when ``COMMIT_EVERY`` has passed).
        The index is synced at the end."""
        with self._lock:
            self._holding += 1
            self._acquire()

        def step() -> None:
            if time.monotonic() - self._last_commit >= COMMIT_EVERY:
                self.sync(engine)

        try:
            yield step
        finally:
            with self._lock:
                try:
                    self.sync(engine)
                finally:
                    self._holding -= 1
                    self._release()

    def sync(self, engine: Engine, *, rebuild: bool = False) -> bool:
        """Apply the log's new entries and commit (``rebuild``: write the index anew from
        the current expressions); ``False`` when another process holds the writer (it
        will sync)."""
        with self._lock:
            writer = self._acquire()
            if writer is None:
                return False
            try:
                self._apply(writer, engine, rebuild)
            except ValueError as exc:  # how Tantivy reports a failed write (disk, rights)
                writer.rollback()
                raise ConcordError(
                    f"cannot update the search index {self.path or 'in memory'}: {exc}",
                    status=500,
                ) from exc
            finally:
                self._release()
            return True

    def _apply(self, writer: tantivy.IndexWriter, engine: Engine, rebuild: bool) -> None:
        seq, owner = self.mark()
        with engine.connect() as conn:
            last, lib = state(conn)
            if seq == last and owner == lib and not rebuild:
                self._owner = owner
                return
            rebuild = rebuild or owner != lib or seq > last
            if rebuild:
                writer.delete_all_documents()
                changes = _current(conn)
            else:
                changes = _changes(conn, seq)
            for chunk in _chunks(list(changes.items()), _BATCH):
                for expression_id, _op in [] if rebuild else chunk:
                    writer.delete_documents_by_query(_expression(expression_id))
                adds = [e for e, op in chunk if op == "add"]
                for row in _paragraphs(conn, adds):
                    writer.add_document(document(row.expression_id, row.id, row.text))
        writer.delete_documents_by_query(_expression(_MARKER))
        marker = tantivy.Document(library=lib)
        marker.add_unsigned("expr", _MARKER)
        marker.add_unsigned("seq", last)
        writer.add_document(marker)
        writer.commit()
        self._owner = lib
        self._last_commit = time.monotonic()
        self.index.reload()

    # -- reading ---------------------------------------------------------------------

    def ready(self, conn: sa.Connection) -> bool:
        """Bring the index up to what ``conn`` sees, as far as can be; ``True`` when it
        then holds exactly that (else it is behind, or ahead: another process stored
        more since ``conn``'s snapshot began)."""
        wanted, lib = state(conn)
        seq = self._seq(reload=False)
        if seq < wanted:
            seq = self._seq()
        if seq >= wanted and self._owner == lib:
            return seq == wanted
        if not self.sync(conn.engine):
            deadline = time.monotonic() + WAIT
            while time.monotonic() < deadline:
                time.sleep(0.01)
                if self._seq() >= wanted or self.sync(conn.engine):
                    break
        seq, owner = self.mark()
        self._owner = owner
        return seq == wanted and owner == lib

    def best(self, terms: list[Term], n: int) -> tuple[Ranked, bool]:
        """The ``n`` best matches, and whether they are all the index holds.

        Best score first; equal scores (BM25 norms are coarse, so a frequent word has
        many) in the index's own order, the same for every page of one index state.
        Ordering them by id instead would mean reading every hit of the tie at the page's
        end: a word in half of a million paragraphs ties by the thousand.
        """
        searcher = self.index.searcher()
        hits = searcher.search(_query(terms), n + 1, count=False).hits
        complete = len(hits) <= n
        hits = hits[:n]
        ids = searcher.fast_field_values("pid", [address for _score, address in hits])
        ranked = [(int(i or 0), float(s)) for (s, _a), i in zip(hits, ids, strict=True)]
        return ranked, complete

    def every(self, terms: list[Term]) -> Ranked:
        """Every match, in :meth:`best`'s order."""
        return self.best(terms, max(self.count(terms), 1))[0]

    def count(self, terms: list[Term]) -> int:
        """How many paragraphs match."""
        result = self.index.searcher().search(_query(terms), 1, count=True)
        return int(result.count)  # type: ignore[attr-defined]  # in tantivy, not its stub

    def top(self, terms: list[Term], n: int) -> list[int]:
        """The engine's own top ``n``, nothing else: the benchmark's raw figure."""
        searcher = self.index.searcher()
        hits = searcher.search(_query(terms), n, count=False).hits
        return [int(v or 0) for v in searcher.fast_field_values("pid", [a for _s, a in hits])]

    def documents(self) -> int:
        """Paragraphs in the index (its marker aside)."""
        self.index.reload()
        return max(0, int(self.index.searcher().num_docs) - 1)

    def size(self) -> int:
        """Bytes on disk."""
        if self.path is None:
            return 0
        return sum(f.stat().st_size for f in self.path.iterdir() if f.is_file())


def _expression(expression_id: int) -> tantivy.Query:
    """The documents of one expression (typed by the schema: ``expr`` is unsigned)."""
    return tantivy.Query.term_query(SCHEMA, "expr", expression_id)


def _query(terms: list[Term]) -> tantivy.Query:
    """A term must match: a phrase of tokens, its last one a prefix when marked so."""
    parts = [_term_query(term) for term in terms]
    if len(parts) == 1:
        return parts[0]
    return tantivy.Query.boolean_query([(tantivy.Occur.Must, q) for q in parts])


def _term_query(term: Term) -> tantivy.Query:
    tokens: list[str | tuple[int, str]] = list(term.tokens)
    if term.prefix and term.cjk and len(tokens) == 1:
        return tantivy.Query.term_query(SCHEMA, "chars", term.tokens[0])
    if term.prefix:
        return tantivy.Query.phrase_prefix_query(SCHEMA, "body", tokens)
    if len(tokens) == 1:
        return tantivy.Query.term_query(SCHEMA, "body", term.tokens[0])
    return tantivy.Query.phrase_query(SCHEMA, "body", tokens)


def document(expression_id: int, paragraph_id: int, text: str) -> tantivy.Document:
    """The index's document for one paragraph: its tokens, and the ids it is found by."""
    doc = tantivy.Document(body=index_text(text))
    doc.add_unsigned("expr", expression_id)
    doc.add_unsigned("pid", paragraph_id)
    chars = char_text(text)
    if chars:
        doc.add_text("chars", chars)
    return doc


def _changes(conn: sa.Connection, after: int) -> dict[int, str]:
    """The last operation on each expression logged after ``after``, in log order."""
    log = t.search_log.c
    rows = conn.execute(
        sa.select(log.expression_id, log.op).where(log.seq > after).order_by(log.seq)
    )
    changes: dict[int, str] = {}
    for expression_id, op in rows:
        changes.pop(expression_id, None)
        changes[expression_id] = op
    return changes


def _current(conn: sa.Connection) -> dict[int, str]:
    e = t.expressions.c
    ids = conn.execute(sa.select(e.id).where(e.is_current).order_by(e.id)).scalars()
    return dict.fromkeys(ids, "add")


def _paragraphs(conn: sa.Connection, expression_ids: list[int]) -> sa.Result[Any]:
    p = t.paragraphs.c
    return conn.execute(
        sa.select(p.id, p.expression_id, p.text)
        .where(p.expression_id.in_(expression_ids))
        .order_by(p.id)
    )


def _chunks(items: list[Any], size: int) -> Iterator[list[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


_INDEXES: dict[str, TextIndex] = {}
"""One index object per folder and process."""
_FOLDERS: dict[str, str] = {}
"""The folder of each library URL seen (a server library's costs a query to find)."""
_REGISTRY = threading.Lock()

CACHE_ENV = "CONCORD_SEARCH_CACHE"


def cache_dir() -> Path:
    """Where the indexes of server (PostgreSQL) libraries live on this machine:
    ``$CONCORD_SEARCH_CACHE``, else ``$XDG_CACHE_HOME/concord/search`` (``~/.cache/...``)."""
    if os.environ.get(CACHE_ENV):
        return Path(os.environ[CACHE_ENV])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "concord" / "search"


def _folder(engine: Engine) -> str:
    """The index folder of ``engine``'s library (``memory:...`` for an in-memory one).

    An SQLite file's index lies beside it; a server library's in :func:`cache_dir`,
    under the library's id, so that every URL of one database shares one index."""
    url = engine.url.render_as_string(hide_password=False)
    found = _FOLDERS.get(url)
    if found is not None:
        return found
    database = engine.url.database
    if engine.dialect.name != "sqlite":
        with engine.connect() as conn:
            lib = state(conn)[1]
        if not lib:
            raise ConcordError("the library has no id: run `concord db upgrade`", status=500)
        found = str(cache_dir() / lib)
    elif database and database != ":memory:":
        found = str(folder(Path(database).resolve()))
    else:
        found = f"memory:{id(engine)}"
    _FOLDERS[url] = found
    return found


def release(engine: Engine) -> None:
    """Forget the index of ``engine``'s library in this process (when the library is
    closed): the next open reads the folder afresh."""
    with _REGISTRY:
        found = _FOLDERS.pop(engine.url.render_as_string(hide_password=False), None)
        if found is not None:
            _INDEXES.pop(found, None)


def of(engine: Engine) -> TextIndex:
    """The search index of ``engine``'s library (one object per folder and process)."""
    with _REGISTRY:
        key = _folder(engine)
        found = _INDEXES.get(key)
        if found is None:
            found = TextIndex(None if key.startswith("memory:") else Path(key))
            _INDEXES[key] = found
        return found
