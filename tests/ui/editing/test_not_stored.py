"""An event gone from the file before the window noticed (another program deleted it): Edit and
Delete say so in the reader's language, like every other store message."""

from __future__ import annotations

import sqlite3
from contextlib import closing

import pytest

from timeline_app.wording import translation


@pytest.mark.parametrize("action", ["edit_event_action", "delete_action"])
def test_an_event_deleted_elsewhere_is_said_gone_in_the_readers_language(
    open_window, small_db_path, monkeypatch, action
):
    window = open_window(small_db_path)
    event_id = window.model.ids[0]
    window.select_event(event_id)
    with closing(sqlite3.connect(small_db_path)) as other, other:
        other.execute("PRAGMA foreign_keys = ON")
        other.execute("DELETE FROM events WHERE id = ?", (event_id,))
    told = []
    monkeypatch.setattr(window, "show_message", lambda icon, title, text: told.append(text))
    monkeypatch.setattr(translation, "_translate", lambda context, text, *plural: f"⟦{text}⟧")
    getattr(window.edit_actions, action).trigger()
    assert told == ["⟦That event is not in this timeline (it may have been deleted).⟧"]
    assert window.edit_actions.editor is None
