"""A rule checked when a change is built holds again when it is written: the file may have
changed in between (another window, an earlier part of the same group, an undo or redo later)."""

from __future__ import annotations

import sqlite3
from contextlib import closing

import pytest

from tests.store.test_editing import EVENT, SOURCE, dump
from timeline_app.store import editing
from timeline_app.store.database import Database, open_database
from timeline_app.store.editing import Changes, EditRefused
from timeline_app.store.errors import EditConflict
from timeline_app.timeline.drafts import CitationDraft, ThemeDraft

TAKEN = {"name": "A theme called “Əməkdaşlıq” exists already."}


@pytest.fixture
def db(bundled_copy) -> Database:
    opened = open_database(bundled_copy)
    yield opened
    opened.close()


def theme_names(db: Database) -> list[str]:
    return [name for (name,) in db.read("SELECT name FROM themes ORDER BY id")]


def test_two_additions_of_one_name_built_before_either_is_applied_make_one_theme(db):
    first = editing.add_theme(db, ThemeDraft("Əməkdaşlıq", "#123456"))
    second = editing.add_theme(db, ThemeDraft("əməkdaşlıq", "#654321"))  # another window's
    first.apply(db)
    before = dump(db.path)
    with pytest.raises(EditRefused) as refused:
        second.apply(db)
    assert refused.value.problems == TAKEN
    assert dump(db.path) == before
    second.revert(db)  # never applied: nothing to take back
    assert dump(db.path) == before


def test_a_group_of_two_additions_of_one_name_writes_neither(db):
    before = dump(db.path)
    names = ("Əməkdaşlıq", "ƏMƏKDAŞLIQ")
    group = Changes("Two themes", [editing.add_theme(db, ThemeDraft(n, "#123456")) for n in names])
    with pytest.raises(EditRefused) as refused:
        group.apply(db)
    assert refused.value.problems == TAKEN
    assert dump(db.path) == before


def test_a_rename_to_a_name_taken_since_it_was_built_is_refused(db):
    rename = editing.edit_theme(db, "energy", ThemeDraft("Əməkdaşlıq", "#000000"))
    editing.add_theme(db, ThemeDraft("əməkdaşlıq", "#123456")).apply(db)
    before = dump(db.path)
    with pytest.raises(EditRefused) as refused:
        rename.apply(db)
    assert refused.value.problems == {"name": "A theme called “əməkdaşlıq” exists already."}
    assert dump(db.path) == before


def test_a_redo_of_an_addition_whose_name_was_taken_meanwhile_is_a_conflict(db):
    add = editing.add_theme(db, ThemeDraft("Əməkdaşlıq", "#123456"))
    add.apply(db)
    add.revert(db)
    with closing(sqlite3.connect(db.path)) as other, other:  # the name, with a slug of its own
        other.execute(
            "INSERT INTO themes (id, slug, name, colour, position) "
            "VALUES (1000, 'theirs', 'ƏMƏKDAŞLIQ', '#000000', 99)"
        )
    before = dump(db.path)
    with pytest.raises(EditConflict):
        add.apply(db)
    assert dump(db.path) == before


@pytest.mark.parametrize(
    "build",
    [
        lambda db: editing.delete_theme(db, "energy"),
        lambda db: editing.edit_theme(db, "energy", ThemeDraft("Oil & Gas", "#000000")),
    ],
    ids=["deletion", "rename"],
)
def test_an_undo_that_would_bring_back_a_name_taken_meanwhile_is_a_conflict(db, build):
    change = build(db)
    change.apply(db)
    with closing(sqlite3.connect(db.path)) as other, other:  # another program takes the name
        other.execute(
            "INSERT INTO themes (id, slug, name, colour, position) "
            "VALUES (1000, 'theirs', 'ENERGY', '#000000', 99)"
        )
    before = dump(db.path)
    with pytest.raises(EditConflict):
        change.revert(db)
    assert dump(db.path) == before
    assert "Energy" not in theme_names(db)


def test_themes_of_one_name_written_by_another_program_can_still_be_moved_and_recoloured(db):
    with closing(sqlite3.connect(db.path)) as other, other:
        other.execute(
            "INSERT INTO themes (id, slug, name, colour, position) "
            "VALUES (1000, 'energy-2', 'Energy', '#000000', 99)"
        )
    move = editing.move_theme(db, "energy-2", 0)
    move.apply(db)
    move.revert(db)
    recolour = editing.edit_theme(db, "energy", ThemeDraft("Energy", "#abcdef"))
    recolour.apply(db)
    recolour.revert(db)
    assert theme_names(db).count("Energy") == 2


def test_sources_and_events_added_twice_in_one_group_get_keys_of_their_own(db):
    # Their ids and keys are made inside the transaction, so the second sees the first.
    group = Changes("Two sources", [editing.add_source(db, SOURCE), editing.add_source(db, SOURCE)])
    group.apply(db)
    first, second = (change.source_id for change in group.changes)
    assert first != second and second == f"{first}-2"
    group.revert(db)
    other = editing.add_source(db, SOURCE)  # takes the first's id while the group is undone
    other.apply(db)
    before = dump(db.path)
    with pytest.raises(EditConflict):
        group.apply(db)
    assert dump(db.path) == before


@pytest.mark.parametrize("build", [
    lambda db, event_id: editing.add_citation(db, event_id, CitationDraft("jpost-oil-2024", "w")),
    lambda db, event_id: editing.add_event(db, EVENT, [CitationDraft("jpost-oil-2024", "w")]),
], ids=["add citation", "add event"])  # fmt: skip
def test_a_quote_whose_source_went_since_it_was_built_is_refused_as_at_build(db, build):
    event_id = db.read("SELECT id FROM events ORDER BY id LIMIT 1")[0][0]
    change = build(db, event_id)
    with closing(sqlite3.connect(db.path)) as other, other:  # another window deletes the source
        other.execute("DELETE FROM citations WHERE source_id = 'jpost-oil-2024'")
        other.execute("DELETE FROM source_relations WHERE 'jpost-oil-2024' IN "
                      "(source_id, depends_on_id)")  # fmt: skip
        other.execute("DELETE FROM sources WHERE id = 'jpost-oil-2024'")
    before = dump(db.path)
    with pytest.raises(EditRefused) as refused:
        change.apply(db)
    assert refused.value.problems == {"source_id": "That source is not in this timeline."}
    assert dump(db.path) == before
