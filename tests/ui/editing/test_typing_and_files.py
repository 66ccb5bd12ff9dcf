"""Typing not saved in the Sources and Themes windows belongs to the file and the thing it was
typed for: it never follows the window into another file, it finds its source or theme again
when Undo brings it back, and a field the file changed too is said so."""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from tests.ui.editing.managers import another_program, opened
from tests.ui.editing.test_source_manager import answer
from timeline_app.store import editing, queries
from timeline_app.store.database import open_database
from timeline_app.timeline.drafts import ThemeDraft
from timeline_app.ui import file_actions


def stored_source(path, source_id: str):
    db = open_database(path)
    try:
        return editing.source_draft(db, source_id)
    finally:
        db.close()


def question(qtbot) -> QMessageBox:
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), QMessageBox))
    box = QApplication.activeModalWidget()
    qtbot.waitExposed(box)
    qtbot.waitUntil(box.isActiveWindow)
    return box


@pytest.fixture
def file_b(small_db_path, tmp_path):
    """Another timeline holding a source of the same id, with other words."""
    other = tmp_path / "b.db"
    shutil.copyfile(small_db_path, other)
    another_program(other, "UPDATE sources SET title = 'File B title' WHERE id = 'paper'")
    return other


def typed_note_for_paper(window, qtbot):
    manager = opened(window, qtbot, "sources")
    manager.select_source("paper")
    manager.note_field.setFocus()
    qtbot.keyClicks(manager.note_field, "typed for file A")
    return manager


def test_typing_never_follows_the_window_into_another_file(
    open_window, small_db_path, file_b, qtbot
):
    window = open_window(small_db_path)
    manager = typed_note_for_paper(window, qtbot)
    window.open_database_file(file_b)
    manager.follow_file()
    box = question(qtbot)
    assert small_db_path.name in box.text()  # the file it was typed for
    # The form shows file B as it is; nothing typed for A is in it, and nothing to save.
    assert manager.title_field.text() == "File B title"
    assert "typed for file A" not in manager.note_field.toPlainText()
    assert not manager.unsaved()
    assert "was deleted" not in manager.save_says.text()
    # No Cancel: Escape does not drop the typing unasked.
    assert [b.text().replace("&", "") for b in box.buttons()] == ["Save Changes",
                                                                 "Discard Changes"]  # fmt: skip
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    assert box.isVisible()
    answer(qtbot, box, "Save Changes")
    assert stored_source(small_db_path, "paper").note == "typed for file A"
    assert editing.source_draft(window.db, "paper").note != "typed for file A"
    manager.save()  # Save in the form now writes nothing of A's into B
    assert editing.source_draft(window.db, "paper").note != "typed for file A"


def test_discarding_typing_left_behind_writes_it_nowhere(open_window, small_db_path, file_b, qtbot):
    window = open_window(small_db_path)
    manager = typed_note_for_paper(window, qtbot)
    window.open_database_file(file_b)
    manager.follow_file()
    answer(qtbot, question(qtbot), "Discard Changes")
    assert stored_source(small_db_path, "paper").note != "typed for file A"
    assert editing.source_draft(window.db, "paper").note != "typed for file A"


def test_a_source_missing_from_the_other_file_is_not_said_deleted(
    open_window, small_db_path, tmp_path, qtbot
):
    other = tmp_path / "c.db"
    shutil.copyfile(small_db_path, other)
    another_program(
        other,
        "DELETE FROM citations WHERE source_id = 'paper'",
        "DELETE FROM source_relations WHERE 'paper' IN (source_id, depends_on_id)",
        "DELETE FROM sources WHERE id = 'paper'",
    )
    window = open_window(small_db_path)
    manager = typed_note_for_paper(window, qtbot)
    window.open_database_file(other)
    manager.follow_file()
    box = question(qtbot)
    assert "was deleted" not in manager.save_says.text()
    answer(qtbot, box, "Discard Changes")


def test_typing_follows_into_the_copy_saved_with_save_a_copy(
    open_window, small_db_path, tmp_path, monkeypatch, qtbot
):
    window = open_window(small_db_path)
    manager = typed_note_for_paper(window, qtbot)
    copy = tmp_path / "mine.tldb"
    monkeypatch.setattr(file_actions, "ask_save_path", lambda *args: copy)
    window.file_actions.save_copy()
    assert window.db.path == copy
    manager.follow_file()
    assert QApplication.activeModalWidget() is None  # nothing to ask: the same file
    assert manager.note_field.toPlainText() == "typed for file A"
    assert manager.save()
    assert editing.source_draft(window.db, "paper").note == "typed for file A"


def test_theme_typing_never_follows_the_window_into_another_file(
    open_window, small_db_path, tmp_path, qtbot
):
    other = tmp_path / "b.db"
    shutil.copyfile(small_db_path, other)
    another_program(other, "UPDATE themes SET name = 'Power' WHERE slug = 'energy'")
    window = open_window(small_db_path)
    manager = opened(window, qtbot, "themes")
    manager.reload(select="energy")
    manager.colour_field.setFocus()
    qtbot.keyClick(manager.colour_field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(manager.colour_field, "#ABCDEF")
    window.open_database_file(other)
    manager.follow_file()
    box = question(qtbot)
    assert manager.name_field.text() == "Power" and manager.colour_field.text() != "#ABCDEF"
    answer(qtbot, box, "Save Changes")
    first = open_database(small_db_path)
    try:
        assert editing.theme_draft(first, "energy").colour == "#ABCDEF"
    finally:
        first.close()
    assert editing.theme_draft(window.db, "energy").colour != "#ABCDEF"


def test_a_source_deleted_then_brought_back_by_undo_gets_the_form_back(
    open_window, small_db_path, qtbot
):
    window = open_window(small_db_path)
    manager = opened(window, qtbot, "sources")
    manager.select_source("web")
    manager.author_field.setFocus()
    qtbot.keyClicks(manager.author_field, "A. Reporter")
    window.edit_session.push(editing.delete_source(window.db, "web"))  # another window's Delete
    assert "was deleted" in manager.save_says.text()
    another_program(small_db_path, "UPDATE sources SET title = 'Other, unrelated' "
                                   "WHERE id = 'paper'")  # fmt: skip
    manager.follow_file()  # a reload while it is gone keeps the word
    assert "was deleted" in manager.save_says.text()
    window.edit_session.stack.undo()
    assert manager.current_source().id == "web"
    assert "was deleted" not in manager.save_says.text()
    assert manager.author_field.text() == "A. Reporter"
    assert manager.save()
    titled = [s.id for s in queries.sources(window.db) if s.title == "On the web"]
    assert titled == ["web"]  # saved on it, not added again
    assert editing.source_draft(window.db, "web").author == "A. Reporter"


def test_a_theme_deleted_then_brought_back_by_undo_gets_the_form_back(
    open_window, small_db_path, qtbot
):
    window = open_window(small_db_path)
    manager = opened(window, qtbot, "themes")
    manager.reload(select="energy")
    manager.name_field.setFocus()
    qtbot.keyClicks(manager.name_field, " and Power")
    window.edit_session.push(editing.delete_theme(window.db, "energy"))
    assert manager.note.isVisibleTo(manager)
    window.edit_session.push(editing.add_theme(window.db, ThemeDraft("Sport", "#123456")))
    assert manager.note.isVisibleTo(manager)  # still gone: still said
    window.edit_session.stack.undo()  # Sport
    window.edit_session.stack.undo()  # the deletion
    assert manager.current_theme().slug == "energy"
    assert not manager.note.isVisibleTo(manager)
    assert manager.name_field.text() == "Energy and Power"
    assert manager.save_theme()
    names = [t.name for t in queries.themes(window.db)]
    assert "Energy and Power" in names and "Energy" not in names


def test_a_later_change_in_the_file_is_not_reverted_by_save(open_window, small_db_path, qtbot):
    another_program(small_db_path, "INSERT OR REPLACE INTO source_texts (source_id, text, sha256) "
                                   "VALUES ('web', 'Version one.\n', 'x')")  # fmt: skip
    window = open_window(small_db_path)
    manager = opened(window, qtbot, "sources")
    manager.select_source("web")
    manager.author_field.setFocus()
    qtbot.keyClicks(manager.author_field, "A. Reporter")
    another_program(small_db_path, "UPDATE sources SET title = 'Retitled' WHERE id = 'web'")
    manager.follow_file()
    another_program(small_db_path, "UPDATE source_texts SET text = 'Version two.\n' "
                                   "WHERE source_id = 'web'")  # fmt: skip
    manager.follow_file()
    assert manager.text_field.toPlainText() == "Version two."
    assert manager.save()
    stored = editing.source_draft(window.db, "web")
    assert (stored.title, stored.author) == ("Retitled", "A. Reporter")
    assert stored.archived_text.strip() == "Version two."


def test_a_field_changed_in_the_file_and_typed_in_says_so_beside_it(
    open_window, small_db_path, qtbot
):
    window = open_window(small_db_path)
    manager = opened(window, qtbot, "sources")
    manager.select_source("paper")
    manager.author_field.setFocus()
    qtbot.keyClicks(manager.author_field, "Smith, J.")
    another_program(small_db_path, "UPDATE sources SET author = 'Jones', title = 'Retitled' "
                                   "WHERE id = 'paper'")  # fmt: skip
    manager.follow_file()
    assert manager.author_field.text().endswith("Smith, J.")
    said = manager.problems.shown()
    assert set(said) == {"author"} and "changed in the file meanwhile" in said["author"].lower()


def test_choosing_another_theme_asks_before_dropping_typing(open_window, small_db_path, qtbot):
    window = open_window(small_db_path)
    manager = opened(window, qtbot, "themes")
    manager.reload(select="energy")
    manager.name_field.setFocus()
    qtbot.keyClicks(manager.name_field, " and Power")
    other_row = next(n for n, t in enumerate(manager.shown) if t.slug != "energy")
    manager.theme_list.setCurrentRow(other_row)
    box = question(qtbot)
    assert "not saved" in box.text()
    assert manager.name_field.text() == "Energy and Power"
    qtbot.waitUntil(lambda: manager.current_theme().slug == "energy")
    answer(qtbot, box, "Cancel")
    assert manager.name_field.text() == "Energy and Power"
    assert manager.current_theme().slug == "energy"
    manager.theme_list.setCurrentRow(other_row)
    answer(qtbot, question(qtbot), "Save Changes")
    assert "Energy and Power" in [t.name for t in queries.themes(window.db)]
    assert manager.current_theme() is manager.shown[other_row]


@pytest.mark.parametrize("action", ["themes", "sources"])
def test_a_manager_opened_on_one_file_opens_again_after_another_file_is_opened(
    open_window, small_db_path, file_b, qtbot, action
):
    window = open_window(small_db_path)
    manager = opened(window, qtbot, action)
    manager.close()
    window.open_database_file(file_b)
    # The first file's edit session is gone (its C++ side too, as the event loop leaves it).
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    again = opened(window, qtbot, action)
    assert again is manager
    assert again.session() is window.edit_session
    if action == "sources":  # and it lists the file open now
        listed = [again.listing.item(row).text() for row in range(again.listing.count())]
        assert any("File B title" in text for text in listed), listed
