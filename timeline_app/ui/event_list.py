"""The event list: date, title and theme chips in time order, with search matches marked."""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QFont,
    QFontMetricsF,
    QKeyEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QTextCharFormat,
    QTextLayout,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedLayout,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from timeline_app.store.queries import EventLine
from timeline_app.timeline.events import Theme
from timeline_app.ui.event_list_model import EventListModel, EventRole
from timeline_app.ui.focus_ring import paint_focus_ring, paint_ring
from timeline_app.ui.highlight import match_ranges
from timeline_app.ui.theme_chips import Chip, chip_layout, chips_width, draw_chips, mark_colours
from timeline_app.wording.dates import span_label

MARGIN = 8.0
LINE_GAP = 2.0


# The style flags as plain ints: combining PySide's enum flags builds a Python enum each time,
# which cost about a millisecond of a list's paint.
_SELECTED = QStyle.StateFlag.State_Selected.value
ROWS_KEPT = 512  # rows whose measured text and chips are kept (a list pane shows 20 to 40)


@dataclass(frozen=True)
class _RowLook:
    """A row's text measured and cut to its width, and its chips laid out, relative to the row's
    inner top left: everything painting needs but the drawing itself."""

    chips: list[Chip]
    date: str
    date_rect: QRectF
    title: QTextLayout
    title_at: QPointF


class EventRowDelegate(QStyledItemDelegate):
    """Paints one event as two lines: its date and themes, then its title."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.themes: dict[str, Theme] = {}
        self.words: list[str] = []
        self._fonts: tuple[QFont, QFont, QFont, QFontMetricsF, QFontMetricsF] | None = None
        # Rows as measured, by everything their look depends on: painting the same rows again
        # (a selection, a scroll, a filter that keeps them) draws without measuring.
        self._looks: OrderedDict[tuple, _RowLook] = OrderedDict()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        return QSize(240, self.row_height(option.font))

    def row_height(self, font: QFont) -> int:
        small = QFontMetricsF(_date_font(font))
        title = QFontMetricsF(_title_font(font))
        return int(small.height() + LINE_GAP + title.height() + 2 * MARGIN - 2 + 0.999)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        # No initStyleOption: the model gives a row no font, colour, icon or check, so the
        # view's option already holds all the style needs for the row's background, and
        # initStyleOption asked the model for ten roles a row.
        widget = option.widget
        style = widget.style() if widget else None
        if style:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, widget)
        line: EventLine | None = index.data(EventRole.LINE)
        if line is None:
            paint_focus_ring(painter, option)
            return
        selected = bool(option.state.value & _SELECTED)
        palette: QPalette = option.palette
        text_role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        rect = QRectF(option.rect).adjusted(MARGIN, MARGIN - 1, -MARGIN, -MARGIN + 1)
        look = self._look(line, rect.width(), option.font, palette)
        dx, dy = rect.left(), rect.top()
        draw_chips(painter, look.chips, option.font, dx, dy)

        painter.save()
        painter.setFont(self._fonts[1])
        colour = palette.color(text_role)
        if not selected:
            colour = palette.color(QPalette.ColorRole.PlaceholderText)
        painter.setPen(colour)
        painter.drawText(
            look.date_rect.translated(dx, dy),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            look.date,
        )
        painter.restore()

        painter.save()
        painter.setPen(palette.color(text_role))
        look.title.draw(painter, look.title_at + QPointF(dx, dy))
        painter.restore()
        paint_focus_ring(painter, option)

    def _look(self, line: EventLine, width: float, base: QFont, palette: QPalette) -> _RowLook:
        fonts = self._fonts
        if fonts is None or fonts[0] != base:
            date_font, title_font = _date_font(base), _title_font(base)
            fonts = self._fonts = (QFont(base), date_font, title_font,
                                   QFontMetricsF(date_font), QFontMetricsF(title_font))  # fmt: skip
            self._looks.clear()
        slugs = tuple(s for s in line.theme_slugs if s in self.themes)
        themes = tuple(self.themes[s] for s in slugs)
        words = tuple(self.words)
        marks = mark_colours(palette) if words else None
        key = (line.when, line.title, themes, width, words, marks)
        look = self._looks.get(key)
        if look is not None:
            self._looks.move_to_end(key)
            return look
        _, _, title_font, date_metrics, title_metrics = fonts
        middle = date_metrics.height() / 2
        chips = chip_layout(themes, width, middle, base)
        chips_left = width - chips_width(themes, base)
        date_rect = QRectF(0.0, 0.0, max(0.0, chips_left - 6), date_metrics.height())
        date = date_metrics.elidedText(
            span_label(line.when), Qt.TextElideMode.ElideRight, date_rect.width()
        )
        title = title_metrics.elidedText(line.title or "", Qt.TextElideMode.ElideRight, width)
        layout = _marked_layout(title, self.words, title_font, marks)
        title_at = QPointF(0.0, date_metrics.height() + LINE_GAP)
        look = _RowLook(chips, date, date_rect, layout, title_at)
        self._looks[key] = look
        while len(self._looks) > ROWS_KEPT:
            self._looks.popitem(last=False)
        return look


def _date_font(base: QFont) -> QFont:
    font = QFont(base)
    font.setPointSizeF(max(7.0, base.pointSizeF() * 0.9))
    return font


def _title_font(base: QFont) -> QFont:
    font = QFont(base)
    font.setWeight(QFont.Weight.DemiBold)
    return font


def _marked_layout(
    text: str, words: list[str], font: QFont, marks: tuple[str, str] | None
) -> QTextLayout:
    """Plain text (never markup) laid out on one line, with the search's words on a highlight."""
    layout = QTextLayout(text, font)
    formats = []
    # Without a search there is nothing to mark: folding each title on each paint cost about
    # a fifth of a row's painting.
    for start, length in match_ranges(text, words) if words and marks else ():
        background, foreground = marks
        mark = QTextCharFormat()
        mark.setBackground(QColor(background))
        mark.setForeground(QColor(foreground))
        span = QTextLayout.FormatRange()
        span.start, span.length, span.format = start, length, mark
        formats.append(span)
    layout.setFormats(formats)
    layout.beginLayout()
    line = layout.createLine()
    line.setLineWidth(1e6)
    layout.endLayout()
    return layout


_TO_AN_END = (QAbstractItemView.CursorAction.MoveHome, QAbstractItemView.CursorAction.MoveEnd)


class EventListView(QTableView):
    """The list itself; Left and Right step through events like Up and Down.

    A one-column table with fixed row heights, not a QListView or QTreeView: both of those walk
    every row after a reset, calling into the Python model for each (measured at 100,000 events:
    230 ms and 800 ms); a table's row header knows the heights without asking.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setAlternatingRowColors(True)
        self.setTabKeyNavigation(False)  # Tab leaves the list for the next pane
        self.horizontalHeader().hide()
        self.horizontalHeader().setStretchLastSection(True)
        rows = self.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self._taking_focus = False

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        # Qt makes the first row current when the list takes the focus with none current (after
        # a reset: a delete, a filter), and the window would select that event: a Delete then
        # deletes an event the user never chose. The list takes the focus as it is instead.
        self._taking_focus = True
        try:
            super().focusInEvent(event)
        finally:
            self._taking_focus = False
        self.viewport().update()  # the ring of a list with no current row

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        super().focusOutEvent(event)
        self.viewport().update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        super().paintEvent(event)
        # With no current row there is no row to ring: the ring goes round the whole list, so
        # a keyboard user sees that Tab reached it.
        if self.hasFocus() and not self.currentIndex().isValid():
            painter = QPainter(self.viewport())
            colour = self.palette().color(QPalette.ColorRole.Text)
            paint_ring(painter, QRectF(self.viewport().rect()), colour)

    def moveCursor(self, action, modifiers) -> QModelIndex:  # noqa: N802
        if self._taking_focus:
            return QModelIndex()
        if action in _TO_AN_END:
            # A table's Home and End go to the row's first and last column; this list has one,
            # so they would do nothing: they go to the first and last event, as Ctrl+ does.
            model = self.model()
            if not self.currentIndex().isValid() and model is not None and model.rowCount():
                # With no row current a table goes to its first row whatever the key: End
                # goes to the last event here too.
                end = action == QAbstractItemView.CursorAction.MoveEnd
                return model.index(model.rowCount() - 1 if end else 0, 0)
            modifiers |= Qt.KeyboardModifier.ControlModifier
        return super().moveCursor(action, modifiers)

    def set_row_height(self, height: int) -> None:
        self.verticalHeader().setDefaultSectionSize(height)

    def scrollTo(self, index, hint=QAbstractItemView.ScrollHint.EnsureVisible) -> None:  # noqa: N802
        # Right after a model reset the scroll bar still has the old range, and a scroll to a
        # row beyond it is lost; bring the geometry up to date first.
        self.updateGeometries()
        super().scrollTo(index, hint)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        step = {Qt.Key.Key_Left: -1, Qt.Key.Key_Right: 1}.get(Qt.Key(event.key()))
        if step is not None and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            model = self.model()
            current = self.currentIndex()
            row = current.row() + step if current.isValid() else 0
            if model is not None and 0 <= row < model.rowCount():
                self.setCurrentIndex(model.index(row, 0))
            event.accept()
            return
        super().keyPressEvent(event)


class EventListPane(QWidget):
    """The list, or when nothing passes the filters, a note saying so with a way out."""

    clear_filters_requested = Signal()

    def __init__(self, model: EventListModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.view = EventListView(self)
        self.view.setObjectName("eventList")
        self.view.setAccessibleName(self.tr("Events"))
        self.view.setAccessibleDescription(
            self.tr("The events that pass the filters, in time order")
        )
        self.delegate = EventRowDelegate(self.view)
        self.view.setItemDelegate(self.delegate)
        self.view.setModel(model)
        self.view.set_row_height(self.delegate.row_height(self.view.font()))

        self.empty = QWidget(self)
        self.empty_label = QLabel(self.tr("No events match these filters."), self.empty)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.clear_button = QPushButton(self.tr("Clear filters"), self.empty)
        self.clear_button.setAccessibleName(self.tr("Clear filters"))
        self.clear_button.clicked.connect(self.clear_filters_requested)
        empty_layout = QVBoxLayout(self.empty)
        empty_layout.addStretch(1)
        empty_layout.addWidget(self.empty_label)
        empty_layout.addWidget(self.clear_button, 0, Qt.AlignmentFlag.AlignHCenter)
        empty_layout.addStretch(1)

        self.stack = QStackedLayout(self)
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.empty)
        model.modelReset.connect(self._show_list_or_note)
        self._show_list_or_note()

    def set_themes(self, themes: list[Theme]) -> None:
        self.delegate.themes = {theme.slug: theme for theme in themes}
        self.view.viewport().update()

    def set_highlight(self, words: list[str]) -> None:
        if list(words) != self.delegate.words:
            self.delegate.words = list(words)
            self.view.viewport().update()

    def is_showing_empty_note(self) -> bool:
        return self.stack.currentWidget() is self.empty

    def _show_list_or_note(self) -> None:
        self.stack.setCurrentWidget(self.view if self.model.rowCount() else self.empty)
