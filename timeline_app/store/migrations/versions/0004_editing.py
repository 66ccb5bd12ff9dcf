"""Editing: archived texts in the user's file, quotes checked against them, search kept in step.

- source_texts: the archived text of a source (the document its quotes come from), with the
  text's sha256.
- citations.verified_in: the sha256 of the archived document the quote was last found in; NULL
  when it was not found or never checked.
- Triggers keep events_fts in step with events and citations, whoever writes the file (until now
  only this app's Python wrote it), and drop the saved index when citations change.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-30
"""

import sqlalchemy as sa
from alembic import op

from timeline_app.store.triggers import (
    INDEX_CACHE_TRIGGERS,
    SEARCH_TRIGGERS,
    create_statements,
    drop_statements,
)

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "source_texts",
        sa.Column(
            "source_id",
            sa.String(),
            sa.ForeignKey("sources.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("sha256", sa.String(), nullable=False),
    )
    # Plain ALTER TABLE ADD COLUMN: a batch copy of the table would drop its triggers.
    op.add_column("citations", sa.Column("verified_in", sa.String(), nullable=True))
    for statement in create_statements(SEARCH_TRIGGERS | INDEX_CACHE_TRIGGERS):
        op.execute(statement)


def downgrade() -> None:
    for statement in drop_statements(SEARCH_TRIGGERS | INDEX_CACHE_TRIGGERS):
        op.execute(statement)
    op.drop_column("citations", "verified_in")
    op.drop_table("source_texts")
