"""The search log and the library's id; on SQLite, the index moves out of FTS5.

SQLite's search index becomes a Tantivy index beside the file, kept in step through
``search_log`` (see :mod:`concord.library.textindex`): the FTS5 table goes, and every
current expression is logged as an ``add``, so the new index is built on first use.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import uuid

import sqlalchemy as sa
from alembic import op

from concord.library.tokens import index_text

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

FTS5 = (
    "CREATE VIRTUAL TABLE paragraph_fts USING fts5("
    "body, content='', tokenize='unicode61 remove_diacritics 2')"
)


def upgrade() -> None:
    op.create_table(
        "search_log",
        sa.Column("seq", sa.Integer, primary_key=True),
        sa.Column("expression_id", sa.Integer, nullable=False),
        sa.Column("op", sa.String(3), nullable=False),
    )
    op.create_table(
        "settings",
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("value", sa.Text, nullable=False),
    )
    op.execute(
        sa.text("INSERT INTO settings (key, value) VALUES ('library_id', :id)").bindparams(
            id=str(uuid.uuid4())
        )
    )
    op.execute(
        "INSERT INTO search_log (expression_id, op) "
        "SELECT id, 'add' FROM expressions WHERE is_current ORDER BY id"
    )
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE IF EXISTS paragraph_fts")


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        op.execute(FTS5)
        rows = bind.execute(
            sa.text(
                "SELECT p.id, p.text FROM paragraphs p "
                "JOIN expressions e ON e.id = p.expression_id WHERE e.is_current"
            )
        )
        insert = sa.text("INSERT INTO paragraph_fts (rowid, body) VALUES (:id, :body)")
        for row in rows.all():
            bind.execute(insert, {"id": row.id, "body": index_text(row.text)})
    op.drop_table("settings")
    op.drop_table("search_log")
