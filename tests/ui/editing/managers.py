"""What the tests of the Sources and Themes windows share: opening one from the window's Edit
menu, and another program changing the file under it."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path


def another_program(path: Path, *statements: str) -> None:
    """Change the file at `path` through a connection of its own, as another program would."""
    with closing(sqlite3.connect(path)) as other, other:
        for sql in statements:
            other.execute(sql)


def opened(window, qtbot, action: str):
    """The Sources or Themes window (`action` "sources" or "themes"), opened from the menu."""
    getattr(window.manager_actions, f"{action}_action").trigger()
    dialog = getattr(window.manager_actions, f"{action[:-1]}_manager")
    qtbot.waitExposed(dialog)
    return dialog
