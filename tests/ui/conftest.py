"""The real main window over a private database, and a small timeline built for the UI tests."""

from __future__ import annotations

import pytest

from timeline_app.store.database import open_database
from timeline_app.store.writing import write_timeline
from timeline_app.timeline.dates import DateSpan
from timeline_app.timeline.events import Citation, Event, Source, Theme
from timeline_app.ui import file_actions

THEMES = (
    Theme("diplomacy", "Diplomacy", "#0072B2"),
    Theme("energy", "Energy", "#E69F00"),
)
PAPER = Source("paper", "A <i>printed</i> report", "paper.txt", publisher="Press & Co")
WEB = Source("web", "On the web", "web.txt", url="https://example.org/report?a=1&b=2")
SMALL_EVENTS = (
    Event("html-title", DateSpan.parse("2001-05"), "<b>x</b>",
          "A summary with <i>markup</i> & an ampersand.", (THEMES[0],),
          (Citation("The <b>quoted</b> words & more.", PAPER),)),
    Event("web-event", DateSpan.parse("2003-02-01"), "Oil deal signed",
          "The oil deal was signed.", (THEMES[1],),
          (Citation("Oil was agreed.", WEB), Citation("Another oil quote.", PAPER))),
)  # fmt: skip


@pytest.fixture
def small_db_path(tmp_path):
    """Two events: one titled <b>x</b>, one with a web source; two sources both cite."""
    path = tmp_path / "small.db"
    db = open_database(path, create=True)
    write_timeline(db, "Small <timeline>", THEMES, (PAPER, WEB), SMALL_EVENTS)
    db.close()
    return path


def _window(qtbot, path):
    from timeline_app.ui.main_window import MainWindow

    db = open_database(path)
    window = MainWindow(db)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def open_window(qtbot):
    """Open a window on a database path; each is closed (saving its state) after the test."""
    opened = []

    def make(path):
        window = _window(qtbot, path)
        opened.append(window)
        return window

    yield make
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication

    for window in opened:
        db = window.db
        window.close()
        window.deleteLater()  # gone from the top-level widgets later tests look through
        db.close()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def window(open_window, bundled_copy):
    return open_window(bundled_copy)


@pytest.fixture
def answers(monkeypatch):
    """Queue the paths the open and save dialogs will return."""
    queue = {"open": [], "save": []}
    monkeypatch.setattr(file_actions, "ask_open_path", lambda *a: queue["open"].pop(0))
    monkeypatch.setattr(file_actions, "ask_save_path", lambda *a: queue["save"].pop(0))
    return queue
