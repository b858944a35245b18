"""The first library schema: works, expressions and their rows, and the search index.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import TSVECTOR

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

FTS5 = (
    "CREATE VIRTUAL TABLE paragraph_fts USING fts5("
    "body, content='', tokenize='unicode61 remove_diacritics 2')"
)


def _span() -> list[sa.Column[int]]:
    return [sa.Column("span_start", sa.Integer), sa.Column("span_end", sa.Integer)]


def _child(name: str, *columns: sa.Column[object], span: bool = True) -> None:
    op.create_table(
        name,
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "expression_id",
            sa.Integer,
            sa.ForeignKey("expressions.id", ondelete="CASCADE"),
            nullable=False,
        ),
        *columns,
        *(_span() if span else []),
    )
    op.create_index(f"ix_{name}_expression_id", name, ["expression_id"])


def _works() -> None:
    op.create_table(
        "works",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("symbol", sa.String(64), nullable=False, unique=True),
        sa.Column("body", sa.String(16)),
        sa.Column("number", sa.String(32)),
        sa.Column("session", sa.Integer),
        sa.Column("adopted_on", sa.String(10)),
        sa.Column("year", sa.Integer),
    )
    op.create_index("ix_works_body_session", "works", ["body", "session"])
    op.create_index("ix_works_year", "works", ["year"])


def _expressions() -> None:
    op.create_table(
        "expressions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "work_id", sa.Integer, sa.ForeignKey("works.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("language", sa.String(8), nullable=False),
        sa.Column("is_current", sa.Boolean, nullable=False),
        sa.Column("title", sa.Text),
        sa.Column("uri", sa.Text),
        sa.Column("adoption_mode", sa.String(16), nullable=False),
        sa.Column("tally_yes", sa.Integer),
        sa.Column("tally_no", sa.Integer),
        sa.Column("tally_abstain", sa.Integer),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("read_at", sa.String(32), nullable=False),
        sa.Column("reader_version", sa.String(32), nullable=False),
        sa.Column("superseded_at", sa.String(32)),
        sa.Column("document", sa.Text, nullable=False),
    )
    op.create_index("ix_expressions_work", "expressions", ["work_id", "language"])
    op.create_index("ix_expressions_hash", "expressions", ["content_hash"])
    op.create_index(
        "uq_expressions_current",
        "expressions",
        ["work_id", "language"],
        unique=True,
        sqlite_where=sa.text("is_current"),
        postgresql_where=sa.text("is_current"),
    )


def _paragraphs(dialect: str) -> None:
    search = TSVECTOR() if dialect == "postgresql" else sa.Text()
    _child(
        "paragraphs",
        sa.Column("eid", sa.String(64), nullable=False),
        sa.Column("parent_eid", sa.String(64)),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("num", sa.String(16)),
        sa.Column("intro", sa.Text),
        sa.Column("intro_key", sa.String(64)),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("span_start", sa.Integer),
        sa.Column("span_end", sa.Integer),
        sa.Column("search", search),
        span=False,
    )
    op.create_index("ix_paragraphs_intro_key", "paragraphs", ["intro_key"])
    op.create_index(
        "ix_paragraphs_expression_position", "paragraphs", ["expression_id", "position"]
    )
    if dialect == "postgresql":
        op.create_index("ix_paragraphs_search", "paragraphs", ["search"], postgresql_using="gin")
    else:
        op.execute(FTS5)


def _rows() -> None:
    _child(
        "footnotes",
        sa.Column("marker", sa.String(16), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("cited_in", sa.Text, nullable=False),
    )
    _child(
        "refs",
        sa.Column("paragraph_eid", sa.String(64), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("target", sa.String(128), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
    )
    op.create_index("ix_refs_target", "refs", ["target"])
    _child(
        "votes",
        sa.Column("state", sa.String(3), nullable=False),
        sa.Column("position", sa.String(8), nullable=False),
        sa.Column("ordinal", sa.Integer, nullable=False),
        span=False,
    )
    op.create_index("ix_votes_state", "votes", ["state", "position"])
    _child(
        "mandates",
        sa.Column("paragraph_eid", sa.String(64), nullable=False),
        sa.Column("addressee", sa.String(128), nullable=False),
        sa.Column("addressee_name", sa.Text, nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("action", sa.Text, nullable=False),
        sa.Column("due_body", sa.String(16)),
        sa.Column("due_session", sa.Integer),
    )
    op.create_index("ix_mandates_addressee", "mandates", ["addressee"])
    _child(
        "warnings",
        sa.Column("code", sa.String(64), nullable=False),
        sa.Column("message", sa.Text, nullable=False),
    )


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    _works()
    _expressions()
    _paragraphs(dialect)
    _rows()


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE IF EXISTS paragraph_fts")
    for name in ("warnings", "mandates", "votes", "refs", "footnotes", "paragraphs"):
        op.drop_table(name)
    op.drop_table("expressions")
    op.drop_table("works")
