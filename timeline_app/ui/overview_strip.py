"""A thin strip under the canvas: the whole filtered timeline as density, with the part in view
marked. Clicking or dragging in it moves the canvas's view there."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from timeline_app.render.scale import TimeScale
from timeline_app.render.visible import stretch_totals, timeline_extent
from timeline_app.timeline.filter import TimelineFilter
from timeline_app.ui.timeline_canvas import SIDE_MARGIN, TimelineCanvas

STRIP_HEIGHT = 30


class OverviewStrip(QWidget):
    """The whole timeline in one line; the canvas's view as a frame on it."""

    def __init__(self, canvas: TimelineCanvas, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("overviewStrip")
        self.setAccessibleName(self.tr("Overview of the whole timeline"))
        self.setAccessibleDescription(
            self.tr(
                "How many events fall where; the part shown above is framed. Click to go there."
            )
        )
        self.setToolTip(self.tr("The whole timeline: click or drag to move the view"))
        self.setFixedHeight(STRIP_HEIGHT)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the canvas has the keys for moving
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)  # paintEvent fills it all
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.canvas = canvas
        self.builds = 0  # how many times the density was counted (tests watch it)
        self._key: tuple | None = None
        self._scale: TimeScale | None = None
        self._heights: list[tuple[float, float, float]] = []  # x0, x1, share of the tallest
        canvas.view_changed.connect(self.update)

    def whole(self) -> TimeScale | None:
        """The scale of the strip: every filtered event, and the view, from edge to edge."""
        self._refresh()
        return self._scale

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        palette = self.palette()
        painter.fillRect(self.rect(), palette.color(QPalette.ColorRole.Window))
        self._refresh()
        scale, view = self._scale, self.canvas.scale
        if scale is None:
            painter.end()
            return
        ink = QColor(palette.color(QPalette.ColorRole.Text))
        ink.setAlphaF(0.45)
        bottom = self.height() - 3.0
        room = self.height() - 8.0
        for x0, x1, share in self._heights:
            height = max(room * share, 1.0)
            painter.fillRect(QRectF(x0, bottom - height, max(x1 - x0, 1.0), height), ink)
        if view is not None:
            left = max(scale.x(view.first_day), 0.0)
            right = min(scale.x(view.last_day), self.width() - 1.0)
            frame = QColor(palette.color(QPalette.ColorRole.Highlight))
            veil = QColor(frame)
            veil.setAlphaF(0.18)
            painter.fillRect(QRectF(left, 1, max(right - left, 3.0), self.height() - 2), veil)
            painter.setPen(QPen(frame, 1.5))
            painter.drawRect(QRectF(left, 1, max(right - left, 3.0), self.height() - 2))
        painter.setPen(QPen(ink, 1))
        painter.drawLine(QPointF(0, bottom + 0.5), QPointF(self.width(), bottom + 0.5))
        painter.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._move_view_to(event.position().x())
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if event.buttons() & Qt.MouseButton.LeftButton:
            self._move_view_to(event.position().x())
        event.accept()

    def _move_view_to(self, x: float) -> None:
        scale = self.whole()
        if scale is not None:
            self.canvas.center_on(scale.day(x))

    def _refresh(self) -> None:
        """Count the density again only when the filter, the data or the width changed."""
        canvas = self.canvas
        wanted: TimelineFilter = canvas.current_filter
        key = (wanted, id(canvas.db), canvas.data_generation(), self.width())
        if key == self._key:
            return
        self._key = key
        extent = timeline_extent(canvas.db, wanted) if canvas.db is not None else None
        if extent is None or self.width() <= 2 * SIDE_MARGIN:
            self._scale, self._heights = None, []
            return
        self._scale = TimeScale.fit(
            extent[0], extent[1] + 1, SIDE_MARGIN, self.width() - 2 * SIDE_MARGIN
        )
        stretches = self._counted_above() or stretch_totals(canvas.db, wanted, self._scale)
        tallest = max((total for _, _, total in stretches), default=1) ** 0.5
        x = self._scale.x
        self._heights = [
            (x(first_day), x(last_day), total**0.5 / tallest)
            for first_day, last_day, total in stretches
        ]
        self.builds += 1

    def _counted_above(self) -> list[tuple[float, float, int]] | None:
        """The canvas's counts, when it shows the same span across the same width: fitted to
        all, as after most filter changes, its columns are this strip's stretches, counted once."""
        canvas = self.canvas
        if canvas.scale != self._scale:
            return None
        buckets = canvas.counts_in_view()
        if buckets is None or canvas.scale != self._scale:
            return None
        return [(bucket.first_day, bucket.last_day, bucket.total) for bucket in buckets]
