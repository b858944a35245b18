"""The library's tables: one SQLAlchemy Core metadata for SQLite and PostgreSQL.

A *work* is a resolution (its symbol); an *expression* is its text in one language, one
row per version read (``is_current`` marks the one in force, the others are its history).
Paragraphs, footnotes, references, votes, mandates and warnings hang off an expression.
The full-text index is engine-specific and built by the migrations: an FTS5 table
``paragraph_fts`` on SQLite, the ``search`` tsvector column with a GIN index on
PostgreSQL (a plain, unused text column on SQLite).
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    text,
)
from sqlalchemy.dialects.postgresql import TSVECTOR

metadata = MetaData()

SearchVector = Text().with_variant(TSVECTOR(), "postgresql")


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
    Column("search", SearchVector),
    Index("ix_paragraphs_intro_key", "intro_key"),
    Index("ix_paragraphs_expression_position", "expression_id", "position"),
)
Index("ix_paragraphs_search", paragraphs.c.search, postgresql_using="gin").ddl_if(
    dialect="postgresql"
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
