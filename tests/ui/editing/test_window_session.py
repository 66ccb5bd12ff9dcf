"""Each open file has its own undo session on the window."""

from __future__ import annotations

import shutil


def test_each_open_file_gets_its_own_session(open_window, small_db_path, tmp_path):
    window = open_window(small_db_path)
    first = window.edit_session
    assert first is not None and first.db is window.db
    assert window.undo_group.activeStack() is first.stack
    other = tmp_path / "other.db"
    shutil.copyfile(small_db_path, other)
    assert window.open_database_file(other)
    second = window.edit_session
    assert second is not first and second.db is window.db
    assert window.undo_group.activeStack() is second.stack
    assert first.stack not in window.undo_group.stacks()
