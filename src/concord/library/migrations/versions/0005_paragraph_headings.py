"""Paragraphs keep the section heading printed over them (``Peacebuilding financing``).

The column is empty for texts read before; reader version 3 and later fill it, and a
library re-reads its texts when the reader's version changes (``concord db ingest``).

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
