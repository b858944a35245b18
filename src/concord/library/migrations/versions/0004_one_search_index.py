"""PostgreSQL searches through the same Tantivy index as SQLite: the tsvector goes.

The ``search`` column (a tsvector with a GIN index on PostgreSQL, an unused text column on
SQLite) is dropped. The search log, written on both engines since 0003, builds the index
(:mod:`concord.library.textindex`) on first use.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import TSVECTOR

from concord.library.tokens import index_text

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.drop_index("ix_paragraphs_search", table_name="paragraphs")
    op.drop_column("paragraphs", "search")


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        op.add_column("paragraphs", sa.Column("search", sa.Text))
        return
    op.add_column("paragraphs", sa.Column("search", TSVECTOR()))
    rows = bind.execute(
        sa.text(
            "SELECT p.id, p.text FROM paragraphs p "
            "JOIN expressions e ON e.id = p.expression_id WHERE e.is_current"
        )
    ).all()
    update = sa.text("UPDATE paragraphs SET search = to_tsvector('simple', :body) WHERE id = :id")
    for row in rows:
        bind.execute(update, {"id": row.id, "body": index_text(row.text)})
    op.create_index("ix_paragraphs_search", "paragraphs", ["search"], postgresql_using="gin")
