"""The event list view is set up once, when it is made, not on its first scroll."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView

from timeline_app.ui.event_list import EventListPane
from timeline_app.ui.event_list_model import EventListModel


def test_a_fresh_list_selects_one_row_scrolls_by_pixel_and_alternates_rows(qtbot, bundled_db):
    pane = EventListPane(EventListModel(bundled_db))
    qtbot.addWidget(pane)
    view = pane.view  # never scrolled, nothing selected yet
    assert view.selectionMode() == QAbstractItemView.SelectionMode.SingleSelection
    assert view.verticalScrollMode() == QAbstractItemView.ScrollMode.ScrollPerPixel
    assert view.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff
    assert view.textElideMode() == Qt.TextElideMode.ElideRight
    assert view.alternatingRowColors()
