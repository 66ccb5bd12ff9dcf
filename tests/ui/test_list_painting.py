"""The event list paints rows from what it measured before (ui/event_list.py keeps each row's
cut text and chips); whatever a row shows changes, the list must look as a list that never
painted it before."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QImage

from timeline_app.store.database import open_database
from timeline_app.store.writing import write_timeline
from timeline_app.timeline.dates import DateSpan
from timeline_app.timeline.events import Event, Theme
from timeline_app.timeline.filter import TimelineFilter
from timeline_app.ui.event_list import EventListPane
from timeline_app.ui.event_list_model import EventListModel

ENERGY = Theme("energy", "Energy", "#E69F00")
TRADE = Theme("trade", "Trade & Economy", "#009E73")


@pytest.fixture
def rows_db(tmp_path):
    events = [
        Event(f"e{i}", DateSpan.parse(f"{1990 + i}-0{i % 9 + 1}"), f"Pipeline deal {i} signed",
              "", (ENERGY, TRADE) if i % 2 else (TRADE,))
        for i in range(12)
    ]  # fmt: skip
    db = open_database(tmp_path / "rows.db", create=True)
    write_timeline(db, "Rows", (ENERGY, TRADE), (), events)
    yield db
    db.close()


def _pane(qtbot, model: EventListModel, words: list[str], width: int = 420) -> EventListPane:
    pane = EventListPane(model)
    qtbot.addWidget(pane)
    pane.set_themes([ENERGY, TRADE])
    pane.set_highlight(words)
    pane.resize(width, 300)
    pane.show()
    qtbot.waitExposed(pane)
    return pane


def _picture(pane: EventListPane) -> QImage:
    return pane.view.viewport().grab().toImage()


def _as_if_new(qtbot, pane: EventListPane, words: list[str]) -> QImage:
    """The same rows painted by a list that never painted them."""
    fresh = _pane(qtbot, pane.model, words, pane.width())
    fresh.view.verticalScrollBar().setValue(pane.view.verticalScrollBar().value())
    row = pane.view.currentIndex().row()
    if row >= 0:
        fresh.view.setCurrentIndex(pane.model.index(row, 0))
    return _picture(fresh)


def test_a_search_marks_the_rows_it_already_painted(qtbot, rows_db):
    pane = _pane(qtbot, EventListModel(rows_db), [])
    plain = _picture(pane)
    pane.set_highlight(["pipe"])
    marked = _picture(pane)
    assert marked != plain
    assert marked == _as_if_new(qtbot, pane, ["pipe"])
    pane.set_highlight([])
    assert _picture(pane) == plain


def test_an_edited_title_and_its_themes_are_painted_anew(qtbot, rows_db):
    model = EventListModel(rows_db)
    pane = _pane(qtbot, model, [])
    before = _picture(pane)
    first = model.event_id(0)
    rows_db.write("UPDATE events SET title = 'Renamed' WHERE id = ?", (first,))
    rows_db.write("DELETE FROM event_themes WHERE event_id = ?", (model.event_id(1),))
    model.set_filter(TimelineFilter())
    after = _picture(pane)
    assert after != before
    assert after == _as_if_new(qtbot, pane, [])


def test_a_narrower_list_and_a_selection_are_painted_as_new(qtbot, rows_db):
    model = EventListModel(rows_db)
    pane = _pane(qtbot, model, [])
    _picture(pane)
    pane.resize(260, 300)
    pane.view.setCurrentIndex(model.index(2, 0))
    narrow = _picture(pane)
    assert narrow == _as_if_new(qtbot, pane, [])


def test_the_current_row_of_the_list_with_the_keys_is_ringed(qtbot, rows_db):
    model = EventListModel(rows_db)
    pane = _pane(qtbot, model, [])
    view = pane.view
    view.setCurrentIndex(model.index(1, 0))
    view.clearFocus()
    qtbot.waitUntil(lambda: not view.hasFocus())
    without = _picture(pane)
    view.activateWindow()
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    ringed = _picture(pane)
    assert ringed != without
    row = view.visualRect(model.index(1, 0))
    edge = ringed.pixelColor(row.center().x(), row.top() + 1)  # on the ring, in the text colour
    assert edge == view.palette().color(view.palette().ColorRole.HighlightedText)
