"""On a read-only timeline (the bundled one), the offer to save a copy comes when an editor, a
manager or Delete is opened, before anything is typed; a change that still meets a file it
cannot write is offered the copy when it is saved, as before."""

from __future__ import annotations

import pytest

from timeline_app.store import queries
from timeline_app.ui import file_actions
from timeline_app.ui.editing import edit_actions, read_only


@pytest.fixture
def read_only_window(open_window, small_db_path):
    window = open_window(small_db_path)
    window.open_database_file(small_db_path, read_only=True)
    window.select_event(window.model.ids[0])
    return window


class Offers:
    """Answers the copy offer: made lists each as (before editing?, answer)."""

    def __init__(self) -> None:
        self.made: list[tuple[bool, bool]] = []
        self.answer = False

    def __call__(self, parent, read_only_file, *, before_editing=False) -> bool:
        self.made.append((before_editing, self.answer))
        return self.answer


@pytest.fixture
def offers(monkeypatch) -> Offers:
    answering = Offers()
    monkeypatch.setattr(read_only, "ask_to_save_copy", answering)
    return answering


@pytest.fixture
def deletions(monkeypatch):
    """The deletion questions asked (each answered No)."""
    questions: list[str] = []
    monkeypatch.setattr(edit_actions, "confirm_deletion",
                        lambda parent, title, text: questions.append(title) and False)  # fmt: skip
    return questions


def opened(window) -> dict[str, object]:
    """What is open for editing: the event editor and the managers."""
    managers = window.manager_actions
    return {
        "editor": window.edit_actions.editor,
        "themes": managers.theme_manager and managers.theme_manager.isVisible(),
        "sources": managers.source_manager and managers.source_manager.isVisible(),
    }


ACTIONS = {
    "new event": lambda window: window.edit_actions.new_event_action.trigger(),
    "edit event": lambda window: window.edit_actions.edit_event_action.trigger(),
    "delete event": lambda window: window.edit_actions.delete_action.trigger(),
    "themes": lambda window: window.manager_actions.themes_action.trigger(),
    "sources": lambda window: window.manager_actions.sources_action.trigger(),
}


@pytest.mark.parametrize("action", ACTIONS)
def test_declining_the_copy_first_opens_nothing(read_only_window, offers, deletions, action):
    window = read_only_window
    ACTIONS[action](window)
    assert offers.made == [(True, False)]
    assert deletions == [] and not any(opened(window).values())
    assert window.db.read_only


@pytest.mark.parametrize("action", ACTIONS)
def test_with_the_copy_saved_first_the_editing_opens_on_the_copy(
    read_only_window, offers, deletions, action, tmp_path, monkeypatch, qtbot
):
    window = read_only_window
    event_id = window.selected_id
    title = queries.events(window.db, [event_id])[0].title
    copy = tmp_path / "mine.tldb"
    monkeypatch.setattr(file_actions, "ask_save_path", lambda *args: copy)
    offers.answer = True
    ACTIONS[action](window)
    assert offers.made == [(True, True)]
    assert window.db.path == copy and not window.db.read_only
    now_open = opened(window)
    if action == "delete event":
        assert deletions == [f"Delete “{title}”?"]  # asked after the copy, of the same event
    elif action in ("themes", "sources"):
        assert now_open[action]
    else:
        editor = now_open["editor"]
        assert editor is not None and editor.isVisible()
        assert editor.title_field.text() == ("" if action == "new event" else title)
        editor.reject()
    if action in ("edit event", "delete event"):
        assert window.selected_id == event_id  # the same event, in the copy


def test_a_manager_left_open_when_the_window_went_read_only_offers_the_copy_at_save(
    open_window, small_db_path, offers, qtbot
):
    """The fallback: the Themes window follows the window back to a read-only file."""
    window = open_window(small_db_path)
    manager = window.manager_actions.open_themes()
    qtbot.waitExposed(manager)
    window.open_database_file(small_db_path, read_only=True)  # as File > Close does
    manager.follow_file()
    manager.theme_list.setCurrentRow(-1)
    manager.name_field.setText("Trade")
    manager.add_theme()
    assert offers.made == [(False, False)]  # asked when the change was made, not before
    assert window.db.read_only
    assert "Trade" not in [theme.name for theme in queries.themes(window.db)]
    assert manager.name_field.text() == "Trade"  # the typing is kept


@pytest.mark.parametrize("action", ["themes", "sources"])
def test_following_the_copy_offer_from_a_manager_keeps_the_selected_event(
    read_only_window, offers, action, tmp_path, monkeypatch
):
    window = read_only_window
    window.select_event(window.model.ids[-1])
    event_id = window.selected_id
    monkeypatch.setattr(file_actions, "ask_save_path", lambda *args: tmp_path / "mine.tldb")
    offers.answer = True
    ACTIONS[action](window)
    assert window.db.path == tmp_path / "mine.tldb"
    assert window.selected_id == event_id
    current = window.list_pane.view.currentIndex()
    assert current.isValid() and window.model.event_id(current.row()) == event_id
    assert window.detail_pane.shown_event is not None
    assert window.detail_pane.shown_event.id == event_id
