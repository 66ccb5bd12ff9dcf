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

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

# The triggers' SQL as this migration made them, frozen here: a later change of the folding
# (store/triggers.py) must come in a new migration, never change what this one does. A test
# checks these equal what store/triggers.py generates today.
TRIGGERS = {
    "events_insert_indexes_search": (
        "CREATE TRIGGER events_insert_indexes_search AFTER INSERT ON events BEGIN INSERT "
        "INTO events_fts (rowid, title, summary, quotes) VALUES (new.id, replace(replace("
        "replace(replace(replace(replace(replace(replace(replace(replace(replace(replace("
        "replace(replace(replace(new.title, 'ı', 'i'), 'ə', 'e'), 'Ə', 'E'), 'ø', 'o'), '"
        "Ø', 'O'), 'ł', 'l'), 'Ł', 'L'), 'đ', 'd'), 'Đ', 'D'), 'ð', 'd'), 'Ð', 'D'), 'ħ',"
        " 'h'), 'Ħ', 'H'), 'ŧ', 't'), 'Ŧ', 'T'), replace(replace(replace(replace(replace("
        "replace(replace(replace(replace(replace(replace(replace(replace(replace(replace("
        "new.summary, 'ı', 'i'), 'ə', 'e'), 'Ə', 'E'), 'ø', 'o'), 'Ø', 'O'), 'ł', 'l'), '"
        "Ł', 'L'), 'đ', 'd'), 'Đ', 'D'), 'ð', 'd'), 'Ð', 'D'), 'ħ', 'h'), 'Ħ', 'H'), 'ŧ',"
        " 't'), 'Ŧ', 'T'), coalesce((SELECT group_concat(folded, char(10)) FROM (SELECT r"
        "eplace(replace(replace(replace(replace(replace(replace(replace(replace(replace(r"
        "eplace(replace(replace(replace(replace(quote, 'ı', 'i'), 'ə', 'e'), 'Ə', 'E'), '"
        "ø', 'o'), 'Ø', 'O'), 'ł', 'l'), 'Ł', 'L'), 'đ', 'd'), 'Đ', 'D'), 'ð', 'd'), 'Ð',"
        " 'D'), 'ħ', 'h'), 'Ħ', 'H'), 'ŧ', 't'), 'Ŧ', 'T') AS folded FROM citations WHERE"
        " event_id = new.id ORDER BY position, id)), '')); END"
    ),
    "events_update_indexes_search": (
        "CREATE TRIGGER events_update_indexes_search AFTER UPDATE OF title, summary ON ev"
        "ents BEGIN UPDATE events_fts SET title = replace(replace(replace(replace(replace"
        "(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace"
        "(new.title, 'ı', 'i'), 'ə', 'e'), 'Ə', 'E'), 'ø', 'o'), 'Ø', 'O'), 'ł', 'l'), 'Ł"
        "', 'L'), 'đ', 'd'), 'Đ', 'D'), 'ð', 'd'), 'Ð', 'D'), 'ħ', 'h'), 'Ħ', 'H'), 'ŧ', "
        "'t'), 'Ŧ', 'T'), summary = replace(replace(replace(replace(replace(replace(repla"
        "ce(replace(replace(replace(replace(replace(replace(replace(replace(new.summary, "
        "'ı', 'i'), 'ə', 'e'), 'Ə', 'E'), 'ø', 'o'), 'Ø', 'O'), 'ł', 'l'), 'Ł', 'L'), 'đ'"
        ", 'd'), 'Đ', 'D'), 'ð', 'd'), 'Ð', 'D'), 'ħ', 'h'), 'Ħ', 'H'), 'ŧ', 't'), 'Ŧ', '"
        "T') WHERE rowid = new.id; END"
    ),
    "events_delete_indexes_search": (
        "CREATE TRIGGER events_delete_indexes_search AFTER DELETE ON events BEGIN DELETE "
        "FROM events_fts WHERE rowid = old.id; END"
    ),
    "citations_insert_indexes_search": (
        "CREATE TRIGGER citations_insert_indexes_search AFTER INSERT ON citations BEGIN U"
        "PDATE events_fts SET quotes = coalesce((SELECT group_concat(folded, char(10)) FR"
        "OM (SELECT replace(replace(replace(replace(replace(replace(replace(replace(repla"
        "ce(replace(replace(replace(replace(replace(replace(quote, 'ı', 'i'), 'ə', 'e'), "
        "'Ə', 'E'), 'ø', 'o'), 'Ø', 'O'), 'ł', 'l'), 'Ł', 'L'), 'đ', 'd'), 'Đ', 'D'), 'ð'"
        ", 'd'), 'Ð', 'D'), 'ħ', 'h'), 'Ħ', 'H'), 'ŧ', 't'), 'Ŧ', 'T') AS folded FROM cit"
        "ations WHERE event_id = new.event_id ORDER BY position, id)), '') WHERE rowid = "
        "new.event_id; END"
    ),
    "citations_update_indexes_search": (
        "CREATE TRIGGER citations_update_indexes_search AFTER UPDATE OF quote, event_id, "
        "position ON citations BEGIN UPDATE events_fts SET quotes = coalesce((SELECT grou"
        "p_concat(folded, char(10)) FROM (SELECT replace(replace(replace(replace(replace("
        "replace(replace(replace(replace(replace(replace(replace(replace(replace(replace("
        "quote, 'ı', 'i'), 'ə', 'e'), 'Ə', 'E'), 'ø', 'o'), 'Ø', 'O'), 'ł', 'l'), 'Ł', 'L"
        "'), 'đ', 'd'), 'Đ', 'D'), 'ð', 'd'), 'Ð', 'D'), 'ħ', 'h'), 'Ħ', 'H'), 'ŧ', 't'),"
        " 'Ŧ', 'T') AS folded FROM citations WHERE event_id = old.event_id ORDER BY posit"
        "ion, id)), '') WHERE rowid = old.event_id; UPDATE events_fts SET quotes = coales"
        "ce((SELECT group_concat(folded, char(10)) FROM (SELECT replace(replace(replace(r"
        "eplace(replace(replace(replace(replace(replace(replace(replace(replace(replace(r"
        "eplace(replace(quote, 'ı', 'i'), 'ə', 'e'), 'Ə', 'E'), 'ø', 'o'), 'Ø', 'O'), 'ł'"
        ", 'l'), 'Ł', 'L'), 'đ', 'd'), 'Đ', 'D'), 'ð', 'd'), 'Ð', 'D'), 'ħ', 'h'), 'Ħ', '"
        "H'), 'ŧ', 't'), 'Ŧ', 'T') AS folded FROM citations WHERE event_id = new.event_id"
        " ORDER BY position, id)), '') WHERE rowid = new.event_id; END"
    ),
    "citations_delete_indexes_search": (
        "CREATE TRIGGER citations_delete_indexes_search AFTER DELETE ON citations BEGIN U"
        "PDATE events_fts SET quotes = coalesce((SELECT group_concat(folded, char(10)) FR"
        "OM (SELECT replace(replace(replace(replace(replace(replace(replace(replace(repla"
        "ce(replace(replace(replace(replace(replace(replace(quote, 'ı', 'i'), 'ə', 'e'), "
        "'Ə', 'E'), 'ø', 'o'), 'Ø', 'O'), 'ł', 'l'), 'Ł', 'L'), 'đ', 'd'), 'Đ', 'D'), 'ð'"
        ", 'd'), 'Ð', 'D'), 'ħ', 'h'), 'Ħ', 'H'), 'ŧ', 't'), 'Ŧ', 'T') AS folded FROM cit"
        "ations WHERE event_id = old.event_id ORDER BY position, id)), '') WHERE rowid = "
        "old.event_id; END"
    ),
    "citations_insert_drops_index_cache": (
        "CREATE TRIGGER citations_insert_drops_index_cache AFTER INSERT ON citations BEGI"
        "N DELETE FROM index_cache; END"
    ),
    "citations_update_drops_index_cache": (
        "CREATE TRIGGER citations_update_drops_index_cache AFTER UPDATE OF event_id, sour"
        "ce_id ON citations BEGIN DELETE FROM index_cache; END"
    ),
    "citations_delete_drops_index_cache": (
        "CREATE TRIGGER citations_delete_drops_index_cache AFTER DELETE ON citations BEGI"
        "N DELETE FROM index_cache; END"
    ),
}


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
    for statement in TRIGGERS.values():
        op.execute(statement)


def downgrade() -> None:
    for name in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.drop_column("citations", "verified_in")
    op.drop_table("source_texts")
