"""The status bar keeps saying what the filter is, and a long search gives way to the count."""

from __future__ import annotations

from PySide6.QtGui import QStatusTipEvent
from PySide6.QtWidgets import QApplication

from timeline_app.timeline.filter import TimelineFilter


def test_the_summary_stays_when_a_menu_item_is_hovered(qtbot, window):
    window.filter_panel.set_filter(TimelineFilter(themes=frozenset({"energy"})))
    summary = window.filter_summary.text()
    assert "Energy" in summary
    # What a menu sends its window when the pointer passes over an item without a tip.
    QApplication.sendEvent(window, QStatusTipEvent(""))
    assert window.filter_summary.isVisible()
    assert window.filter_summary.text() == summary


def test_a_long_search_is_cut_before_the_event_count(qtbot, window):
    window.resize(700, window.height())
    search = "pipeline " * 40
    window.filter_panel.set_filter(TimelineFilter(search=search.strip()))
    # A search's counts per theme come just after its events (main_window.apply_filter): the
    # status bar is laid out for the count as it finally reads.
    qtbot.waitUntil(
        lambda: (
            window.filter_summary.text().endswith("…")
            and "counting" not in window.count_label.text()
        ),
        timeout=2000,
    )
    qtbot.wait(50)  # the status bar's layout, for the count's final text
    summary, count = window.filter_summary, window.count_label
    assert summary.geometry().right() < count.geometry().left()
    assert count.width() >= count.sizeHint().width()  # the count is whole
    assert search.strip() in summary.whole_text()
    assert summary.toolTip() == summary.whole_text()
    assert window.statusBar().width() <= window.width()
