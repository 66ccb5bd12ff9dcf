"""Every Tab stop shows that it has the keys: the event list with no current row gets a ring
round the whole list, the detail pane a ring round the pane (its panel frame was too faint)."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication


def active(qtbot, window):
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    return window


def ringed(widget) -> bool:
    """Whether the widget's edges, as drawn now, are in the text colour all round."""
    QApplication.processEvents()
    image = widget.grab().toImage()
    ring = widget.palette().color(QPalette.ColorRole.Text)
    w, h = image.width(), image.height()
    edge = [(1, h // 2), (w - 2, h // 2), (w // 2, 1), (w // 2, h - 2)]
    return all(QColor(image.pixel(x, y)) == ring for x, y in edge)


def test_the_list_with_no_current_row_has_a_ring_while_it_has_the_keys(qtbot, window):
    active(qtbot, window)
    view = window.list_pane.view
    window.select_event(None)
    window.canvas.setFocus()
    qtbot.waitUntil(window.canvas.hasFocus)
    assert not ringed(view.viewport())
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    assert not view.currentIndex().isValid()
    assert ringed(view.viewport())
    window.detail_pane.setFocus()
    qtbot.waitUntil(window.detail_pane.hasFocus)
    assert not ringed(view.viewport())


def test_the_detail_pane_has_a_ring_while_it_has_the_keys(qtbot, window):
    active(qtbot, window)
    pane = window.detail_pane
    window.select_event(window.model.ids[0])
    window.list_pane.view.setFocus()
    qtbot.waitUntil(window.list_pane.view.hasFocus)
    assert not ringed(pane)
    pane.setFocus()
    qtbot.waitUntil(pane.hasFocus)
    assert ringed(pane)
    window.list_pane.view.setFocus()
    qtbot.waitUntil(lambda: not pane.hasFocus())
    assert not ringed(pane)
