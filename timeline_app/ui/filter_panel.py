"""The filters: themes with live counts, a span of years, a search; all combined into one filter."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from timeline_app.timeline.events import Theme
from timeline_app.timeline.filter import TimelineFilter
from timeline_app.ui.theme_chips import swatch_icon

SEARCH_DELAY_MS = 150
# The filter's theme set when the reader unticks every theme: a slug no theme has, so nothing
# passes (an empty set would mean "every theme"), and it reads as "(none)" in the filter's words.
NO_THEME = frozenset({"(none)"})


class FilterPanel(QWidget):
    """Emits filter_changed with the whole filter whenever the reader changes any part of it.

    A ticked theme is shown; every theme ticked means no theme filter at all.
    """

    filter_changed = Signal(object)  # TimelineFilter
    # The search box's text as typed, before the pause that applies it (to start searching).
    search_typed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Filters"))
        self._quiet = False  # set while the panel itself changes its widgets
        self.theme_boxes: dict[str, QCheckBox] = {}
        self._themes: list[Theme] = []
        self._widest_count = ""  # the count each box keeps room for (make_room_for_counts)

        self.search_box = QLineEdit(self)
        self.search_box.setPlaceholderText(self.tr("Search titles, summaries, quotes"))
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setAccessibleName(self.tr("Search"))
        self.search_box.setToolTip(
            self.tr('Every word must appear; words match their beginnings; "quotes" keep a phrase')
        )
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._emit)
        self.search_box.textChanged.connect(self._search_typed)
        self.search_box.returnPressed.connect(self._emit_now)

        self.themes_group = QGroupBox(self.tr("Themes"), self)
        self.themes_group.setAccessibleName(self.tr("Themes"))
        self._themes_layout = QVBoxLayout(self.themes_group)
        self._themes_layout.setSpacing(2)
        self.all_button = QPushButton(self.tr("All"), self.themes_group)
        self.all_button.setAccessibleName(self.tr("Show all themes"))
        self.all_button.setToolTip(self.tr("Tick every theme"))
        self.all_button.clicked.connect(lambda: self._tick_all(True))
        self.none_button = QPushButton(self.tr("None"), self.themes_group)
        self.none_button.setAccessibleName(self.tr("Untick all themes"))
        self.none_button.setToolTip(self.tr("Untick every theme, then tick the ones you want"))
        self.none_button.clicked.connect(lambda: self._tick_all(False))
        self._theme_buttons = QHBoxLayout()
        self._theme_buttons.addWidget(self.all_button)
        self._theme_buttons.addWidget(self.none_button)
        self._theme_buttons.addStretch(1)
        self.years_group = QGroupBox(self.tr("Years"), self)
        self.first_year = _year_box(self, self.tr("From year"), self.tr("Any"))
        self.last_year = _year_box(self, self.tr("To year"), self.tr("Any"))
        self.first_year.valueChanged.connect(self._first_year_changed)
        self.last_year.valueChanged.connect(self._last_year_changed)
        years = QFormLayout(self.years_group)
        years.addRow(self.tr("Fro&m:"), self.first_year)  # Alt+F is the File menu's
        years.addRow(self.tr("&To:"), self.last_year)

        self.clear_button = QPushButton(self.tr("Clear filters"), self)
        self.clear_button.setAccessibleName(self.tr("Clear filters"))
        self.clear_button.clicked.connect(self.clear)

        search_label = QLabel(self.tr("&Search:"), self)
        search_label.setBuddy(self.search_box)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 10, 10, 10)
        layout.addWidget(search_label)
        layout.addWidget(self.search_box)
        layout.addSpacing(6)
        layout.addWidget(self.themes_group)
        layout.addWidget(self.years_group)
        layout.addWidget(self.clear_button)
        layout.addStretch(1)

    # -- set up by the window -------------------------------------------------------------------

    def set_themes(self, themes: Sequence[Theme]) -> None:
        """One check box per theme, in the themes' order, all ticked."""
        for box in self.theme_boxes.values():
            self._themes_layout.removeWidget(box)
            box.deleteLater()
        self._themes_layout.removeItem(self._theme_buttons)
        self._themes = list(themes)
        self.theme_boxes = {}
        self._widest_count = ""  # the new boxes have no room kept yet
        for theme in themes:
            box = QCheckBox(_plain(theme.name), self.themes_group)
            box.setChecked(True)
            box.setIcon(swatch_icon(theme.colour))
            box.setAccessibleName(theme.name)
            box.toggled.connect(self._themes_toggled)
            self._themes_layout.addWidget(box)
            self.theme_boxes[theme.slug] = box
        self._themes_layout.addLayout(self._theme_buttons)

    def set_year_range(self, first: int | None, last: int | None) -> None:
        """Years the data spans; the lowest value of each box means "any year"."""
        first = first or 1900
        last = max(last or 2100, first)
        self._quiet = True
        try:
            for box in (self.first_year, self.last_year):
                value = box.value()
                box.setRange(first - 1, last)
                box.setValue(value if first <= value <= last else first - 1)
        finally:
            self._quiet = False

    def make_room_for_counts(self, most: int) -> None:
        """Keep each theme's box as wide as a count of `most` (the file's events: no count is
        larger) would make it, so the panel, and the timeline and list beside it, keep still
        as counts lose and gain digits while a search is typed."""
        widest = "".join("8" if c.isdigit() else c for c in f"{most:,}")  # a wide digit
        if widest == self._widest_count:
            return
        self._widest_count = widest
        for theme in self._themes:
            box = self.theme_boxes[theme.slug]
            shown = box.text()
            box.setMinimumWidth(0)
            box.setText(f"{_plain(theme.name)} ({widest})")
            box.setMinimumWidth(box.sizeHint().width())
            box.setText(shown)

    def set_counts(self, counts: Mapping[str, int]) -> None:
        """Show how many events each theme would show under the rest of the filter."""
        for theme in self._themes:
            box = self.theme_boxes[theme.slug]
            count = counts.get(theme.slug, 0)
            text = f"{_plain(theme.name)} ({count:,})"
            if box.text() != text:  # an unchanged count lays nothing out again
                box.setText(text)
                box.setAccessibleDescription(self.tr("%n event(s)", "", count))

    def show_counting(self) -> None:
        """The themes' counts are being counted: say so rather than show the last filter's."""
        for theme in self._themes:
            box = self.theme_boxes[theme.slug]
            box.setText(f"{_plain(theme.name)} (…)")
            box.setAccessibleDescription(self.tr("counting"))

    # -- the filter -----------------------------------------------------------------------------

    def current_filter(self) -> TimelineFilter:
        ticked = frozenset(slug for slug, box in self.theme_boxes.items() if box.isChecked())
        if len(ticked) == len(self.theme_boxes):
            ticked = frozenset()  # every theme ticked: no theme filter
        elif not ticked:
            ticked = NO_THEME  # no theme ticked: nothing passes
        return TimelineFilter(
            themes=ticked,
            first_year=_year(self.first_year),
            last_year=_year(self.last_year),
            search=self.search_box.text().strip(),
        )

    def set_filter(self, wanted: TimelineFilter) -> None:
        """Show this filter in the widgets (unknown themes are ignored) and announce it."""
        self._quiet = True
        try:
            for slug, box in self.theme_boxes.items():
                box.setChecked(not wanted.themes or slug in wanted.themes)
            for box, year in (
                (self.first_year, wanted.first_year),
                (self.last_year, wanted.last_year),
            ):
                if year is not None and year > box.maximum():
                    box.setMaximum(year)
                box.setValue(
                    year if year is not None and year >= box.minimum() + 1 else box.minimum()
                )
            self.search_box.setText(wanted.search)
            self._search_timer.stop()
        finally:
            self._quiet = False
        self._emit()

    def clear(self) -> None:
        self.set_filter(TimelineFilter())

    def focus_chain(self) -> list[QWidget]:
        """The panel's controls in the order they are seen, top to bottom."""
        return [self.search_box, *self.theme_boxes.values(), self.all_button, self.none_button,
                self.first_year, self.last_year, self.clear_button]  # fmt: skip

    def focus_search(self) -> None:
        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()

    # -- reacting to the reader -----------------------------------------------------------------

    def _search_typed(self) -> None:
        if not self._quiet:
            self._search_timer.start()
            self.search_typed.emit(self.search_box.text().strip())

    def _emit_now(self) -> None:
        self._search_timer.stop()
        self._emit()

    def _themes_toggled(self) -> None:
        if not self._quiet:
            self._emit()

    def _tick_all(self, ticked: bool) -> None:
        self._quiet = True
        try:
            for box in self.theme_boxes.values():
                box.setChecked(ticked)
        finally:
            self._quiet = False
        self._emit()

    def _first_year_changed(self, value: int) -> None:
        if self._quiet:
            return
        last = _year(self.last_year)
        if _year(self.first_year) is not None and last is not None and value > last:
            self._quiet = True
            self.last_year.setValue(value)
            self._quiet = False
        self._emit()

    def _last_year_changed(self, value: int) -> None:
        if self._quiet:
            return
        first = _year(self.first_year)
        if _year(self.last_year) is not None and first is not None and value < first:
            self._quiet = True
            self.first_year.setValue(value)
            self._quiet = False
        self._emit()

    def _emit(self) -> None:
        self._search_timer.stop()
        self.filter_changed.emit(self.current_filter())


def _year_box(parent: QWidget, name: str, any_year: str) -> QSpinBox:
    box = QSpinBox(parent)
    box.setRange(1899, 2100)
    box.setSpecialValueText(any_year)
    box.setValue(box.minimum())
    box.setAccessibleName(name)
    box.setKeyboardTracking(False)  # typing "2006" should not filter by 2, 20 and 200 on the way
    return box


def _year(box: QSpinBox) -> int | None:
    return None if box.value() == box.minimum() else box.value()


def _plain(text: str) -> str:
    """A name for a button's text: "&" is a shortcut marker there, so it is doubled."""
    return text.replace("&", "&&")
