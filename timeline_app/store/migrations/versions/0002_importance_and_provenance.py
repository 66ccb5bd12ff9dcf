"""Importance, the basis of each date, and how sources relate to one another.

- events.importance: 2 milestone, 1 major, 0 normal; NULL where the timeline does not say
  (the app then derives one, see timeline.importance).
- events.date_basis: where the date comes from: "documents" (the cited sources date it) or
  "general knowledge" (well-established, but not in the cited sources).
- source_relations: one source depending on another (it paraphrases it, or shares stock
  sentences with it), so only independent sources are counted as corroboration.

The seven milestones of the bundled timeline are marked in files made from it by 0.1.0.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-30
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

BUNDLED_MILESTONES = (
    "recognition-1991",
    "netanyahu-visit-1997",
    "btc-exports-2006",
    "karabakh-war-2020",
    "trade-office-2021",
    "embassy-2023",
    "oil-figures-2024",
)


def upgrade() -> None:
    # Plain ALTER TABLE ADD COLUMN: a batch copy of the table would drop its triggers.
    op.add_column("events", sa.Column("importance", sa.Integer(), nullable=True))
    op.add_column(
        "events",
        sa.Column("date_basis", sa.String(), nullable=False, server_default="documents"),
    )
    # The covering index for the one read that builds the in-memory index, now with importance.
    op.drop_index("ix_events_timeline", "events")
    op.create_index(
        "ix_events_timeline",
        "events",
        ["sort_key", "id", "start_day", "end_day", "primary_theme_id", "importance"],
    )
    op.create_table(
        "source_relations",
        sa.Column(
            "source_id",
            sa.String(),
            sa.ForeignKey("sources.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column(
            "depends_on_id",
            sa.String(),
            sa.ForeignKey("sources.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("note", sa.Text()),
    )
    marks = ", ".join(f"'{key}'" for key in BUNDLED_MILESTONES)
    op.execute(f"UPDATE events SET importance = 2 WHERE key IN ({marks})")


def downgrade() -> None:
    op.drop_table("source_relations")
    op.drop_index("ix_events_timeline", "events")
    op.create_index(
        "ix_events_timeline",
        "events",
        ["sort_key", "id", "start_day", "end_day", "primary_theme_id"],
    )
    op.drop_column("events", "date_basis")
    op.drop_column("events", "importance")
