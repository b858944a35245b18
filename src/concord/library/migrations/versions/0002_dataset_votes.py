"""Dataset votes: sources with their provenance, roll calls, votes, disagreements, States.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def _fk(
    name: str, target: str, *, primary_key: bool = False, constraint: str | None = None
) -> sa.Column[int]:
    return sa.Column(
        name,
        sa.Integer,
        sa.ForeignKey(target, ondelete="CASCADE", name=constraint),
        nullable=False,
        primary_key=primary_key,
    )


def _sources() -> None:
    op.create_table(
        "vote_sources",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(32), nullable=False, unique=True),
        sa.Column("licence", sa.Text, nullable=False),
        sa.Column("citation", sa.Text, nullable=False),
        sa.Column("notes", sa.Text, nullable=False),
        sa.Column("unresolved", sa.Text, nullable=False),
        sa.Column("loader_version", sa.String(16), nullable=False),
        sa.Column("imported_at", sa.String(32), nullable=False),
        sa.Column("n_roll_calls", sa.Integer, nullable=False),
        sa.Column("n_votes", sa.Integer, nullable=False),
        sa.Column("fingerprint", sa.String(64), nullable=False),
        sa.Column("input_fingerprint", sa.String(64), nullable=False),
        sa.Column("input_sources", sa.Text, nullable=False),
    )
    op.create_index("ix_vote_sources_input_fingerprint", "vote_sources", ["input_fingerprint"])
    op.create_table(
        "vote_source_files",
        sa.Column("id", sa.Integer, primary_key=True),
        _fk("source_id", "vote_sources.id"),
        sa.Column("path", sa.Text, nullable=False),
        sa.Column("bytes", sa.BigInteger),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("reader_version", sa.String(32)),
    )
    op.create_index("ix_vote_source_files_source_id", "vote_source_files", ["source_id"])


def _roll_calls() -> None:
    op.create_table(
        "roll_calls",
        sa.Column("id", sa.Integer, primary_key=True),
        _fk("source_id", "vote_sources.id"),
        sa.Column("source_ref", sa.String(64), nullable=False),
        sa.Column("body", sa.String(8), nullable=False),
        sa.Column("symbol", sa.Text),
        sa.Column("date", sa.Date),
        sa.Column("session", sa.String(32)),
        sa.Column("kind", sa.String(16)),
        sa.Column("issues", sa.Text, nullable=False),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("yes", sa.Integer),
        sa.Column("no", sa.Integer),
        sa.Column("abstain", sa.Integer),
        sa.Column("nonvoting", sa.Integer),
        sa.Column("key", sa.Text),
        sa.Column("canonical", sa.Boolean, nullable=False),
        sa.UniqueConstraint("source_id", "source_ref", name="uq_roll_calls_source_ref"),
    )
    op.create_index("ix_roll_calls_symbol", "roll_calls", ["symbol"])
    op.create_index("ix_roll_calls_body_date", "roll_calls", ["body", "date"])
    op.create_index("ix_roll_calls_date", "roll_calls", ["date"])
    op.create_index("ix_roll_calls_key", "roll_calls", ["key"])
    op.create_table(
        "roll_call_votes",
        _fk(
            "roll_call_id",
            "roll_calls.id",
            primary_key=True,
            constraint="fk_roll_call_votes_roll_call",
        ),
        sa.Column("state", sa.String(3), primary_key=True),
        sa.Column("vote", sa.String(1), nullable=False),
        sqlite_with_rowid=False,
    )
    op.create_index("ix_roll_call_votes_state", "roll_call_votes", ["state", "vote"])


def _derived() -> None:
    op.create_table(
        "vote_disagreements",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("key", sa.Text, nullable=False),
        sa.Column("state", sa.String(3), nullable=False),
        _fk("roll_call_a", "roll_calls.id"),
        sa.Column("vote_a", sa.String(1)),
        _fk("roll_call_b", "roll_calls.id"),
        sa.Column("vote_b", sa.String(1)),
    )
    for column in ("key", "state", "roll_call_a", "roll_call_b"):
        op.create_index(f"ix_vote_disagreements_{column}", "vote_disagreements", [column])
    op.create_table(
        "vote_states",
        sa.Column("state", sa.String(3), primary_key=True),
        sa.Column("region_group", sa.String(16)),
    )


def upgrade() -> None:
    _sources()
    _roll_calls()
    _derived()


def downgrade() -> None:
    for name in (
        "vote_states",
        "vote_disagreements",
        "roll_call_votes",
        "roll_calls",
        "vote_source_files",
        "vote_sources",
    ):
        op.drop_table(name)
