"""The filter panel keeps its width as the theme counts change while typing a search: the
timeline and the list beside it do not jump (each count has room for the largest the file can
show)."""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QApplication

from timeline_app.store import editing, queries
from timeline_app.timeline.drafts import ThemeDraft
from timeline_app.timeline.filter import TimelineFilter

# Long enough that the panel is as wide as its widest theme, where a count's digits tell.
LONG_NAME = "Diplomacy, treaties and state visits between the two"


def left_edges(window) -> tuple[int, int, int]:
    QApplication.processEvents()
    at = lambda widget: widget.mapTo(window, QPoint(0, 0)).x()  # noqa: E731
    return window.filter_panel.width(), at(window.canvas), at(window.list_pane)


def test_the_panel_keeps_its_width_as_counts_lose_digits(qtbot, window):
    (diplomacy,) = [theme for theme in queries.themes(window.db) if theme.slug == "diplomacy"]
    window.edit_session.build_and_push(lambda: editing.edit_theme(
        window.db, "diplomacy", ThemeDraft(LONG_NAME, diplomacy.colour)))  # fmt: skip
    window.resize(1440, 900)
    window.show()
    qtbot.waitExposed(window)
    before = left_edges(window)
    counts = [box.text() for box in window.filter_panel.theme_boxes.values()]
    assert f"{LONG_NAME} (18)" in counts  # two digits, before the search
    word = "Hostility"
    window.filter_panel.set_filter(TimelineFilter(search=word))
    qtbot.waitUntil(lambda: "(…)" not in "".join(
        box.text() for box in window.filter_panel.theme_boxes.values()))  # fmt: skip
    assert window.count_label.text().split()[0] != "40"
    assert left_edges(window) == before
    window.filter_panel.clear()
    qtbot.waitUntil(lambda: window.count_label.text().startswith("40 of 40"))
    assert left_edges(window) == before
