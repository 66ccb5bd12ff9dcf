"""The Sources and Themes windows keep typing not yet saved when the file changes under them (an
undo, another window or program): on the thing it edits if that is still there, else kept, with
a word that it was deleted, to be saved as new or discarded."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.ui.editing.managers import another_program, opened
from timeline_app.store import editing, queries
from timeline_app.timeline.drafts import SourceDraft, ThemeDraft, keep_typing


@pytest.fixture
def window(open_window, small_db_path):
    return open_window(small_db_path)


def test_only_the_fields_typed_in_keep_the_typing_the_others_show_the_file():
    loaded = ThemeDraft("Energy", "#000000")
    assert keep_typing(ThemeDraft("Oil", "#000000"), loaded, ThemeDraft("Power", "#ffffff")) == (
        ThemeDraft("Oil", "#ffffff")
    )


def test_an_undo_keeps_what_is_typed_in_the_source_and_shows_what_changed(window, qtbot):
    web = editing.source_draft(window.db, "web")
    window.edit_session.push(editing.edit_source(window.db, "web", SourceDraft(
        **{**web.__dict__, "note": "A note"})))  # fmt: skip
    manager = opened(window, qtbot, "sources")
    manager.select_source("paper")
    manager.author_field.setFocus()
    qtbot.keyClicks(manager.author_field, "A. Reporter")
    another_program(window.db.path, "UPDATE sources SET title = 'Retitled' WHERE id = 'paper'")
    window.edit_session.stack.undo()  # the note on another source: the manager reloads
    assert manager.author_field.text() == "A. Reporter"
    assert manager.current_source().id == "paper"
    assert manager.title_field.text() == "Retitled"  # not typed in: as the file has it now
    assert manager.unsaved()
    manager.save()
    stored = editing.source_draft(window.db, "paper")
    assert (stored.title, stored.author) == ("Retitled", "A. Reporter")


def test_typing_for_a_new_source_survives_a_change_made_elsewhere(window, qtbot):
    manager = opened(window, qtbot, "sources")
    manager.new_source()
    qtbot.keyClicks(manager.title_field, "Not saved yet")
    another_program(window.db.path, "UPDATE sources SET title = 'Retitled' WHERE id = 'paper'")
    manager.follow_file()
    assert "Retitled" in [source.title for source in manager.shown]
    assert manager.title_field.text() == "Not saved yet"
    assert manager.current_source() is None and "adds" in manager.save_says.text()


def test_a_source_deleted_elsewhere_leaves_its_fields_to_save_as_new(window, qtbot):
    manager = opened(window, qtbot, "sources")
    manager.select_source("paper")
    manager.author_field.setFocus()
    qtbot.keyClicks(manager.author_field, "A. Reporter")
    another_program(
        window.db.path,
        "DELETE FROM citations WHERE source_id = 'paper'",
        "DELETE FROM source_relations WHERE 'paper' IN (source_id, depends_on_id)",
        "DELETE FROM sources WHERE id = 'paper'",
    )
    manager.follow_file()
    assert "paper" not in [source.id for source in manager.shown]
    assert manager.current_source() is None
    assert (manager.title_field.text(), manager.author_field.text()) == (
        "A <i>printed</i> report", "A. Reporter"
    )  # fmt: skip
    assert "was deleted" in manager.save_says.text()
    assert "A <i>printed</i> report" in manager.save_says.text()
    assert manager.unsaved()  # moving away or closing asks first
    assert manager.save()
    added = [s for s in queries.sources(window.db) if s.title == "A <i>printed</i> report"]
    assert len(added) == 1 and editing.source_draft(window.db, added[0].id).author == (
        "A. Reporter"
    )


def test_an_undo_keeps_a_new_name_typed_for_a_theme(window, qtbot):
    window.edit_session.push(editing.add_theme(window.db, ThemeDraft("Sport", "#123456")))
    manager = opened(window, qtbot, "themes")
    manager.reload(select="energy")
    manager.name_field.setFocus()
    qtbot.keyClick(manager.name_field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(manager.name_field, "Oil & Gas")
    another_program(window.db.path, "UPDATE themes SET colour = '#ABCDEF' WHERE slug = 'energy'")
    window.edit_session.stack.undo()  # Sport goes: the manager reloads
    assert manager.current_theme().slug == "energy"
    assert manager.name_field.text() == "Oil & Gas"
    assert manager.colour_field.text() == "#ABCDEF"
    manager.save_theme()
    assert [(t.name, t.colour) for t in queries.themes(window.db) if t.slug == "energy"] == [
        ("Oil & Gas", "#ABCDEF")
    ]


def test_a_theme_deleted_elsewhere_leaves_its_fields_for_add(window, qtbot):
    manager = opened(window, qtbot, "themes")
    manager.reload(select="energy")
    manager.name_field.setFocus()
    qtbot.keyClicks(manager.name_field, " and Power")
    another_program(
        window.db.path,
        "UPDATE events SET primary_theme_id = NULL",
        "DELETE FROM event_themes WHERE theme_id = (SELECT id FROM themes WHERE slug = 'energy')",
        "DELETE FROM themes WHERE slug = 'energy'",
    )
    manager.follow_file()
    assert manager.current_theme() is None
    assert manager.name_field.text() == "Energy and Power"
    assert manager.note.isVisibleTo(manager) and "“Energy” was deleted" in manager.note.text()
    manager.add_theme()
    assert "Energy and Power" in [theme.name for theme in queries.themes(window.db)]
    assert not manager.note.isVisibleTo(manager)
