"""Paragraphs keep the section heading printed over them (``Peacebuilding financing``).

The column is empty for the texts stored before it. Ingesting them again fills it: a
library re-reads a text when the reader's version has changed, and this Concord's reader
is newer than any that stored a text without the column.

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("paragraphs", sa.Column("heading", sa.Text))


def downgrade() -> None:
    op.drop_column("paragraphs", "heading")
