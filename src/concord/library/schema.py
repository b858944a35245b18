"""The library's tables: one SQLAlchemy Core metadata for SQLite and PostgreSQL.

A *work* is a resolution (its symbol); an *expression* is its text in one language, one
row per version read (``is_current`` marks the one in force, the others are its history).
Paragraphs, footnotes, references, votes, mandates and warnings hang off an expression.
The full-text index is not in these tables: it is a Tantivy index derived from them,
kept in step through ``search_log`` (:mod:`concord.library.textindex`).

The dataset votes (``vote_sources``, ``roll_calls``, ``roll_call_votes``,
``vote_disagreements``, ``vote_states``) stand apart from the texts: they are what
``concord votes import`` writes (migration 0002).
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Date,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    text,
)

metadata = MetaData()


def _expression_fk() -> Column[int]:
    return Column(
        "expression_id",
        Integer,
        ForeignKey("expressions.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    )


works = Table(
    "works",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("symbol", String(64), nullable=False, unique=True),
    Column("body", String(16)),
    Column("number", String(32)),
    Column("session", Integer),
    Column("adopted_on", String(10)),
    Column("year", Integer),
    Index("ix_works_body_session", "body", "session"),
    Index("ix_works_year", "year"),
)

expressions = Table(
    "expressions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("work_id", Integer, ForeignKey("works.id", ondelete="CASCADE"), nullable=False),
    Column("language", String(8), nullable=False),
    Column("is_current", Boolean, nullable=False),
    Column("title", Text),
    Column("uri", Text),
    Column("adoption_mode", String(16), nullable=False),
    Column("tally_yes", Integer),
    Column("tally_no", Integer),
    Column("tally_abstain", Integer),
    Column("source", Text, nullable=False),
    Column("content_hash", String(64), nullable=False),
    Column("read_at", String(32), nullable=False),
    Column("reader_version", String(32), nullable=False),
    Column("superseded_at", String(32)),
    Column("document", Text, nullable=False),
    Index("ix_expressions_work", "work_id", "language"),
    Index("ix_expressions_hash", "content_hash"),
    Index(
        "uq_expressions_current",
        "work_id",
        "language",
        unique=True,
        sqlite_where=text("is_current"),
        postgresql_where=text("is_current"),
    ),
)

paragraphs = Table(
    "paragraphs",
    metadata,
    Column("id", Integer, primary_key=True),
    _expression_fk(),
    Column("eid", String(64), nullable=False),
    Column("parent_eid", String(64)),
    Column("kind", String(16), nullable=False),
    Column("num", String(16)),
    Column("intro", Text),
    Column("intro_key", String(64)),
    Column("text", Text, nullable=False),
    Column("position", Integer, nullable=False),
    Column("span_start", Integer),
    Column("span_end", Integer),
    # The section heading printed over the paragraph, where there is one.
    Column("heading", Text),
    Index("ix_paragraphs_intro_key", "intro_key"),
    Index("ix_paragraphs_expression_position", "expression_id", "position"),
)

footnotes = Table(
    "footnotes",
    metadata,
    Column("id", Integer, primary_key=True),
    _expression_fk(),
    Column("marker", String(16), nullable=False),
    Column("text", Text, nullable=False),
    Column("cited_in", Text, nullable=False),
    Column("span_start", Integer),
    Column("span_end", Integer),
)

refs = Table(
    "refs",
    metadata,
    Column("id", Integer, primary_key=True),
    _expression_fk(),
    Column("paragraph_eid", String(64), nullable=False),
    Column("kind", String(16), nullable=False),
    Column("target", String(128), nullable=False, index=True),
    Column("text", Text, nullable=False),
    Column("span_start", Integer),
    Column("span_end", Integer),
)

votes = Table(
    "votes",
    metadata,
    Column("id", Integer, primary_key=True),
    _expression_fk(),
    Column("state", String(3), nullable=False),
    Column("position", String(8), nullable=False),
    Column("ordinal", Integer, nullable=False),
    Index("ix_votes_state", "state", "position"),
)

mandates = Table(
    "mandates",
    metadata,
    Column("id", Integer, primary_key=True),
    _expression_fk(),
    Column("paragraph_eid", String(64), nullable=False),
    Column("addressee", String(128), nullable=False, index=True),
    Column("addressee_name", Text, nullable=False),
    Column("kind", String(32), nullable=False),
    Column("action", Text, nullable=False),
    Column("due_body", String(16)),
    Column("due_session", Integer),
    Column("span_start", Integer),
    Column("span_end", Integer),
)

warnings = Table(
    "warnings",
    metadata,
    Column("id", Integer, primary_key=True),
    _expression_fk(),
    Column("code", String(64), nullable=False),
    Column("message", Text, nullable=False),
    Column("span_start", Integer),
    Column("span_end", Integer),
)

CHILD_TABLES = (paragraphs, footnotes, refs, votes, mandates, warnings)

search_log = Table(
    "search_log",
    metadata,
    Column("seq", Integer, primary_key=True),
    Column("expression_id", Integer, nullable=False),
    Column("op", String(3), nullable=False),
)
"""Expressions entering (``add``) and leaving (``del``) the search index, in the order of
their transactions: what the library's Tantivy index replays to keep in step
(:mod:`concord.library.textindex`). ``seq`` is commit order: SQLite writers are serial,
and on PostgreSQL a writer appends under a transaction lock (see
:func:`concord.library.store.log`)."""

settings = Table(
    "settings",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)
"""The library's own facts: ``library_id`` (a UUID), which its search index records."""

# --- Dataset votes (migration 0002) --------------------------------------------------------
# Every voting dataset imported by ``concord votes import``, each row with its source; see
# :mod:`concord.library.rollcalls`. Nothing is overwritten: where two sources hold the same
# roll call, both keep their votes and ``vote_disagreements`` says where they differ.

vote_sources = Table(
    "vote_sources",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(32), nullable=False, unique=True),
    Column("licence", Text, nullable=False),
    Column("citation", Text, nullable=False),
    Column("notes", Text, nullable=False),
    Column("unresolved", Text, nullable=False),
    Column("loader_version", String(16), nullable=False),
    Column("imported_at", String(32), nullable=False),
    Column("n_roll_calls", Integer, nullable=False),
    Column("n_votes", Integer, nullable=False),
    Column("fingerprint", String(64), nullable=False),
    Column("input_fingerprint", String(64), nullable=False, index=True),
    Column("input_sources", Text, nullable=False),
)

vote_source_files = Table(
    "vote_source_files",
    metadata,
    Column("id", Integer, primary_key=True),
    Column(
        "source_id",
        Integer,
        ForeignKey("vote_sources.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    Column("path", Text, nullable=False),
    Column("bytes", BigInteger),
    Column("sha256", String(64), nullable=False),
    Column("reader_version", String(32)),
)

roll_calls = Table(
    "roll_calls",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("source_id", Integer, ForeignKey("vote_sources.id", ondelete="CASCADE"), nullable=False),
    Column("source_ref", String(64), nullable=False),
    Column("body", String(8), nullable=False),
    Column("symbol", Text),
    Column("date", Date),
    Column("session", String(32)),
    Column("kind", String(16)),
    Column("issues", Text, nullable=False),
    Column("title", Text, nullable=False),
    Column("yes", Integer),
    Column("no", Integer),
    Column("abstain", Integer),
    Column("nonvoting", Integer),
    Column("key", Text),
    Column("canonical", Boolean, nullable=False),
    UniqueConstraint("source_id", "source_ref", name="uq_roll_calls_source_ref"),
    Index("ix_roll_calls_symbol", "symbol"),
    Index("ix_roll_calls_body_date", "body", "date"),
    Index("ix_roll_calls_date", "date"),
    Index("ix_roll_calls_key", "key"),
)

roll_call_votes = Table(
    "roll_call_votes",
    metadata,
    Column(
        "roll_call_id",
        Integer,
        ForeignKey("roll_calls.id", ondelete="CASCADE", name="fk_roll_call_votes_roll_call"),
        primary_key=True,
    ),
    Column("state", String(3), primary_key=True),
    Column("vote", String(1), nullable=False),
    Index("ix_roll_call_votes_state", "state", "vote"),
    sqlite_with_rowid=False,
)

vote_disagreements = Table(
    "vote_disagreements",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("key", Text, nullable=False, index=True),
    Column("state", String(3), nullable=False, index=True),
    Column(
        "roll_call_a",
        Integer,
        ForeignKey("roll_calls.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    Column("vote_a", String(1)),
    Column(
        "roll_call_b",
        Integer,
        ForeignKey("roll_calls.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    Column("vote_b", String(1)),
)

vote_states = Table(
    "vote_states",
    metadata,
    Column("state", String(3), primary_key=True),
    Column("region_group", String(16)),
)

VOTE_TABLES = (vote_disagreements, roll_call_votes, roll_calls, vote_source_files, vote_sources)
