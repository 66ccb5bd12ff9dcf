"""The first schema: themes, sources, events, citations and the full-text index.

Revision ID: 0001
Revises:
Create Date: 2026-11-23
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "settings",
        sa.Column("key", sa.String(), primary_key=True),
        sa.Column("value", sa.Text(), nullable=False),
    )
    op.create_table(
        "themes",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("slug", sa.String(), nullable=False, unique=True),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("colour", sa.String(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
    )
    op.create_table(
        "sources",
        sa.Column("id", sa.String(), primary_key=True),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("publisher", sa.Text()),
        sa.Column("author", sa.Text()),
        sa.Column("published", sa.String()),
        sa.Column("published_approximate", sa.Boolean(), nullable=False),
        sa.Column("url", sa.Text()),
        sa.Column("archive", sa.Text(), nullable=False),
        sa.Column("note", sa.Text()),
    )
    op.create_table(
        "events",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("key", sa.String(), nullable=False, unique=True),
        sa.Column("start", sa.String(), nullable=False),
        sa.Column("end", sa.String()),
        sa.Column("approximate", sa.Boolean(), nullable=False),
        sa.Column("start_day", sa.Integer(), nullable=False),
        sa.Column("end_day", sa.Integer(), nullable=False),
        sa.Column("sort_key", sa.String(), nullable=False),
        sa.Column("primary_theme_id", sa.Integer(), sa.ForeignKey("themes.id")),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
    )
    op.create_index("ix_events_start_day", "events", ["start_day"])
    op.create_index("ix_events_end_day", "events", ["end_day"])
    # Covers the one read that builds the in-memory index, so it never touches the table rows.
    op.create_index(
        "ix_events_timeline",
        "events",
        ["sort_key", "id", "start_day", "end_day", "primary_theme_id"],
    )
    op.create_table(
        "event_themes",
        sa.Column(
            "event_id",
            sa.Integer(),
            sa.ForeignKey("events.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column(
            "theme_id",
            sa.Integer(),
            sa.ForeignKey("themes.id", ondelete="CASCADE"),
            primary_key=True,
        ),
    )
    op.create_index("ix_event_themes_theme", "event_themes", ["theme_id", "event_id"])
    op.create_table(
        "citations",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "event_id",
            sa.Integer(),
            sa.ForeignKey("events.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("source_id", sa.String(), sa.ForeignKey("sources.id"), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("quote", sa.Text(), nullable=False),
    )
    op.create_index("ix_citations_event_id", "citations", ["event_id"])
    op.create_index("ix_citations_source_id", "citations", ["source_id"])
    # One row per event (rowid = events.id); quotes are joined into one column so a search
    # matches an event whichever of its citations holds the words.
    # Prefix indexes make search-as-you-type fast from the first letters.
    op.execute(
        "CREATE VIRTUAL TABLE events_fts USING fts5("
        "title, summary, quotes, tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3')"
    )
    # The in-memory index, saved so a large timeline opens without re-reading every event.
    # Triggers drop it on any change to what it is built from, whoever makes the change.
    op.create_table(
        "index_cache",
        sa.Column("name", sa.String(), primary_key=True),
        sa.Column("data", sa.LargeBinary(), nullable=False),
    )
    for table in ("events", "event_themes", "themes"):
        for change in ("INSERT", "UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER {table}_{change.lower()}_drops_index_cache "
                f"AFTER {change} ON {table} BEGIN DELETE FROM index_cache; END"
            )


def downgrade() -> None:
    op.drop_table("index_cache")
    op.execute("DROP TABLE events_fts")
    for table in ("citations", "event_themes", "events", "sources", "themes", "settings"):
        op.drop_table(table)
