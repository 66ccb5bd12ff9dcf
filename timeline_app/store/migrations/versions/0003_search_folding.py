"""Search folds the letters a reader types plainly (ı as i, ə as e, …): rebuild the full-text
index of existing files with its text folded, as new files are written.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-30
"""

from collections import defaultdict

from alembic import op

from timeline_app.store.search import INSERT_ROW, search_row

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def _rebuild(row) -> None:
    bind = op.get_bind()
    quotes = defaultdict(list)
    for event_id, quote in bind.exec_driver_sql(
        "SELECT event_id, quote FROM citations ORDER BY event_id, position"
    ):
        quotes[event_id].append(quote)
    events = bind.exec_driver_sql("SELECT id, title, summary FROM events ORDER BY id").all()
    op.execute("DELETE FROM events_fts")
    rows = [row(event_id, title, summary, quotes[event_id]) for event_id, title, summary in events]
    if rows:
        bind.exec_driver_sql(INSERT_ROW, rows)


def upgrade() -> None:
    _rebuild(search_row)


def downgrade() -> None:
    _rebuild(lambda event_id, title, summary, quotes: (event_id, title, summary, "\n".join(quotes)))
