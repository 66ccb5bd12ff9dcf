"""The timeline canvas: one widget that paints what is in view, and lets the reader move around.

The drawing comes from timeline_app.render (the same drawing the PDF uses). This widget owns the
view: the time scale, zooming and panning by wheel, drag and keyboard, and clicking events. The
scene for a view is asked of the store once and kept until the view, the size or the filter
changes, so repainting (a selection, a tooltip, an expose) never queries the database.
"""

from __future__ import annotations

import datetime as dt
import html

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QCursor,
    QFontMetricsF,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QPushButton, QSizePolicy, QToolTip, QWidget

from timeline_app.render.painter import (
    AXIS_HEIGHT,
    TimelineStyle,
    event_at,
    paint_legend,
    paint_timeline,
)
from timeline_app.render.scale import TimeScale
from timeline_app.render.scene import Bucket, Scene, cluster_at
from timeline_app.render.visible import timeline_extent, visible_scene
from timeline_app.store.database import Database
from timeline_app.store.indexing import use_vectors
from timeline_app.timeline.dates import DateSpan
from timeline_app.timeline.events import Theme
from timeline_app.timeline.filter import TimelineFilter

SIDE_MARGIN = 16.0
LEGEND_TOP = 8.0
LANE_HEIGHT = 20.0
ZOOM_STEP = 1.5
WHEEL_ZOOM_PER_NOTCH = 1.25
KEY_PAN_SHARE = 0.1  # Shift+arrow pans a tenth of the width
PAGE_PAN_SHARE = 0.8
CLICK_SLOP = 4.0  # a press that moves less than this is a click, not a drag


class TimelineCanvas(QWidget):
    """The horizontal timeline: events as markers and bars in lanes, coloured by theme."""

    event_clicked = Signal(object)  # event id
    step_requested = Signal(int)  # -1 previous, +1 next event in time order
    clear_filters_requested = Signal()
    view_changed = Signal()  # the span in view, the filter or the data changed

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timelineCanvas")
        self.setAccessibleName(self.tr("Timeline"))
        self.setAccessibleDescription(
            self.tr(
                "Events along a time axis. Left and Right select the previous or next event; "
                "Shift+Left and Shift+Right pan; plus and minus zoom; 0 fits everything."
            )
        )
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(170)
        self.setAutoFillBackground(False)
        # paintEvent fills every pixel, so Qt need not paint the window's background under the
        # canvas first (nor the panes beside it that wait for a paint, on each repaint).
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setCursor(Qt.CursorShape.OpenHandCursor)

        self.db = db
        self.themes: list[Theme] = []
        self.scale: TimeScale | None = None
        self.scene: Scene | None = None
        self.scene_builds = 0  # how many times a scene was asked of the store (tests watch it)
        self._scene_key: tuple | None = None
        self._filter = TimelineFilter()
        self._count = 0
        self._selected: int | None = None
        self._selected_days: tuple[int, int] | None = None  # first day, day after the last
        # The event labelled before all others: the selected one, from the time it was selected
        # while the scene left it without a label (an event just added, one picked in the list).
        self._promoted: int | None = None
        self._style: TimelineStyle | None = None
        self._legend_height = 0.0
        self._press: QPointF | None = None
        self._dragged = False
        self._painted_db: Database | None = None  # the database of the last paint

        self.clear_button = QPushButton(self.tr("Clear filters"), self)
        self.clear_button.setAccessibleName(self.tr("Clear filters"))
        self.clear_button.clicked.connect(self.clear_filters_requested)
        self.clear_button.hide()

    # -- what the window tells the canvas -------------------------------------------------------

    def set_database(self, db: Database, themes: list[Theme]) -> None:
        self.db = db
        self.themes = list(themes)
        self._style = None
        self._selected = None
        self._promoted = None
        self.scale = None
        self._invalidate()

    def set_filter(self, wanted: TimelineFilter, count: int) -> None:
        """Show only what passes the filter; when some of it falls outside the view, fit the
        view to all of it, so no filtered event is silently off-screen."""
        self._filter = wanted
        self._count = count
        self._invalidate()
        if count and self.scale is not None:
            extent = timeline_extent(self.db, wanted)
            if extent and (extent[0] < self.scale.first_day or extent[1] + 1 > self.scale.last_day):
                self.fit_all()
        self._update_empty_state()

    def data_changed(self, count: int) -> None:
        """The timeline's events changed (an edit): draw them again, keeping the view."""
        self._count = count
        self._invalidate()
        self._update_empty_state()

    def set_selected(self, event_id: int | None, when: DateSpan | None = None) -> None:
        """Mark the selected event; bring it into view if it is outside (keeping the zoom)."""
        self._selected = event_id
        self._selected_days = None
        if when is not None:
            first, last = when.first_day().toordinal(), when.last_day().toordinal() + 1
            self._selected_days = (first, last)
        if when is not None and self.scale is not None:
            scale = self.scale
            if last < scale.first_day or first > scale.last_day:
                middle = scale.x((first + last) / 2)
                self._set_scale(scale.panned(scale.left + scale.width / 2 - middle))
        if event_id is not None and event_id != self._promoted and not self._labels(event_id):
            self._promoted = event_id
            self._scene_key = None  # laid out again, this event's label first
        self.update()

    def _labels(self, event_id: int) -> bool:
        """Whether the scene as it is names this event."""
        scene = self.scene if self._scene_key is not None else None
        return scene is not None and any(
            item.mark.event_id == event_id for item in scene.labelled()
        )

    @property
    def current_filter(self) -> TimelineFilter:
        return self._filter

    def data_generation(self) -> int:
        """Changes whenever the timeline's data changes through this app."""
        return self.db.generation if self.db is not None else 0

    @property
    def selected_id(self) -> int | None:
        """The event marked as selected (ui/canvas_accessibility.py reads it)."""
        return self._selected

    def data_years(self) -> tuple[int | None, int | None]:
        """The first and last year of the whole timeline, for the year filter's range."""
        extent = timeline_extent(self.db, TimelineFilter())
        if extent is None:
            return None, None
        return dt.date.fromordinal(extent[0]).year, dt.date.fromordinal(extent[1]).year

    # -- the view -------------------------------------------------------------------------------

    def zoom_in(self) -> None:
        self._zoom(ZOOM_STEP, self._zoom_anchor())

    def zoom_out(self) -> None:
        self._zoom(1 / ZOOM_STEP, self._zoom_anchor())

    def fit_all(self) -> None:
        """Show every event that passes the filter (all events when none does)."""
        extent = timeline_extent(self.db, self._filter) or timeline_extent(
            self.db, TimelineFilter()
        )
        left, width = self._axis_span()
        if extent is None:
            today = dt.date.today().toordinal()
            extent = (today - 365 * 10, today)
        self._set_scale(TimeScale.fit(extent[0], extent[1] + 1, left, width))

    def center_on(self, day: float) -> None:
        """Keep the zoom, and put this day in the middle of the view."""
        if self.scale is None:
            self.fit_all()
        if self.scale is not None:
            middle = self.scale.left + self.scale.width / 2
            self.pan(middle - self.scale.x(day))

    def pan(self, dx: float) -> None:
        """Move the view by dx pixels (positive shows earlier dates)."""
        if self.scale is not None:
            self._set_scale(self.scale.panned(dx))

    def visible_event_ids(self) -> set[int]:
        """The events drawn one by one in the current view."""
        scene = self._current_scene()
        return {item.mark.event_id for item in scene.placed} if scene else set()

    def counts_in_view(self) -> list[Bucket] | None:
        """The counts per stretch the canvas draws for its view, when it draws counts (the
        overview strip, fitted to the same span and width, shows the same ones)."""
        scene = self._current_scene() if self.isVisible() else None
        return scene.buckets if scene is not None and scene.is_aggregated else None

    def timeline_rect(self) -> QRectF:
        """Where the timeline (below the legend) is drawn, in widget coordinates."""
        self._ensure_style()
        top = LEGEND_TOP + self._legend_height + 4
        return QRectF(0, top, self.width(), max(self.height() - top, 1.0))

    # -- painting -------------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        style = self._ensure_style()
        painter.fillRect(self.rect(), style.background)
        legend = QRectF(SIDE_MARGIN, LEGEND_TOP, self.width() - 2 * SIDE_MARGIN, self.height())
        self._legend_height = paint_legend(painter, legend, style)
        scene = self._current_scene()
        if scene is not None and self.scale is not None:
            paint_timeline(painter, self.timeline_rect(), scene, self.scale, style, self._selected)
            self._paint_selection_without_mark(painter, scene, style)
        if not self._count:
            self._paint_empty_note(painter, style)
        if self._painted_db is not self.db:  # the first paint of this timeline
            self._painted_db = self.db
            # What only speeds up later questions loads once the window is on screen.
            QTimer.singleShot(100, lambda db=self.db: use_vectors(db))
        if self.hasFocus():
            painter.setPen(style.selection)
            painter.drawRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5))
        painter.end()

    def _paint_selection_without_mark(
        self, painter: QPainter, scene: Scene, style: TimelineStyle
    ) -> None:
        """Where the selected event falls when it is drawn only as part of a count."""
        if self._selected_days is None or self.scale is None:
            return
        if any(item.mark.event_id == self._selected for item in scene.placed):
            return  # paint_timeline has marked it
        area = self.timeline_rect().adjusted(0, 0, 0, -AXIS_HEIGHT)
        left = self.scale.x(self._selected_days[0])
        right = max(self.scale.x(self._selected_days[1]), left + 2)
        band = QColor(style.selection)
        band.setAlphaF(0.25)
        painter.fillRect(QRectF(left, area.top(), right - left, area.height()), band)
        painter.setPen(style.selection)
        painter.drawLine(QPointF(left, area.top()), QPointF(left, area.bottom()))

    def _paint_empty_note(self, painter: QPainter, style: TimelineStyle) -> None:
        area = self.timeline_rect().adjusted(0, 0, 0, -AXIS_HEIGHT)
        text = (
            self.tr("No events match these filters.")
            if self.db is not None and self._has_any_event()
            else self.tr("This timeline has no events yet.")
        )
        veil = QColor(style.background)
        veil.setAlphaF(0.8)
        painter.fillRect(area, veil)
        painter.setPen(style.text)
        painter.setFont(style.font)
        metrics = QFontMetricsF(style.font)
        note = QRectF(area.left(), area.center().y() - metrics.height() * 1.6, area.width(),
                      metrics.height() * 1.2)  # fmt: skip
        painter.drawText(note, Qt.AlignmentFlag.AlignCenter, text)

    def _has_any_event(self) -> bool:
        return timeline_extent(self.db, TimelineFilter()) is not None

    def _update_empty_state(self) -> None:
        show = not self._count and not self._filter.is_empty()
        self.clear_button.setVisible(show)
        if show:
            self._place_clear_button()
        self.update()

    def _place_clear_button(self) -> None:
        area = self.timeline_rect().adjusted(0, 0, 0, -AXIS_HEIGHT)
        size = self.clear_button.sizeHint()
        self.clear_button.setGeometry(
            int(area.center().x() - size.width() / 2), int(area.center().y()),
            size.width(), size.height(),
        )  # fmt: skip

    def _ensure_style(self) -> TimelineStyle:
        if self._style is None:
            self._style = TimelineStyle.for_screen(self.palette(), self.themes, self.font())
            self._legend_height = self._measure_legend(self._style)
        return self._style

    def _measure_legend(self, style: TimelineStyle) -> float:
        from PySide6.QtGui import QImage

        image = QImage(1, 1, QImage.Format.Format_ARGB32)
        painter = QPainter(image)
        legend = QRectF(SIDE_MARGIN, LEGEND_TOP, max(self.width() - 2 * SIDE_MARGIN, 1.0), 1e4)
        height = paint_legend(painter, legend, style)
        painter.end()
        return height

    def _current_scene(self) -> Scene | None:
        """The scene for the current view: built once per view, size and filter."""
        if self.scale is None:
            if self.width() <= 1:
                return None
            self.fit_all()
        style = self._ensure_style()
        area = self.timeline_rect()
        lanes_height = max(area.height() - AXIS_HEIGHT - 8, LANE_HEIGHT)
        key = (
            self.scale, area.top(), lanes_height, self._filter, id(self.db), style.font.key(),
            self._promoted,
        )  # fmt: skip
        if key != self._scene_key or self.scene is None:
            if not self._count:
                self.scene = Scene()
            else:
                self.scene = visible_scene(
                    self.db, self._filter, self.scale, lanes_height, style.label_width,
                    top=area.top() + 4, lane_height=LANE_HEIGHT, selected=self._promoted,
                )  # fmt: skip
                self.scene_builds += 1
            self._scene_key = key
        return self.scene

    def _invalidate(self) -> None:
        self._scene_key = None
        self.scene = None
        self.update()
        self.view_changed.emit()

    def _set_scale(self, scale: TimeScale) -> None:
        if scale != self.scale:
            self.scale = scale
            self.update()
            self.view_changed.emit()

    def _axis_span(self) -> tuple[float, float]:
        return SIDE_MARGIN, max(self.width() - 2 * SIDE_MARGIN, 1.0)

    def _zoom(self, factor: float, around_x: float) -> None:
        if self.scale is None:
            self.fit_all()
        if self.scale is not None:
            self._set_scale(self.scale.zoomed(factor, around_x))

    def _zoom_anchor(self) -> float:
        """Zoom around the selected event when it is in view, else around the middle."""
        scene = self._current_scene()
        if scene is not None and self._selected is not None:
            for item in scene.placed:
                if item.mark.event_id == self._selected:
                    return item.x0
        return self.width() / 2

    # -- events ---------------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.FontChange,
                            QEvent.Type.StyleChange):  # fmt: skip
            self._style = None  # follow the system's light or dark palette
            self._invalidate()
        super().changeEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        left, width = self._axis_span()
        if self.scale is not None:
            self.scale = self.scale.resized(left, width)
        if self._style is not None:
            self._legend_height = self._measure_legend(self._style)
        if self.clear_button.isVisible():
            self._place_clear_button()
        self._invalidate()
        super().resizeEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        delta = event.angleDelta()
        x = event.position().x()
        if delta.x() and abs(delta.x()) > abs(delta.y()):
            self.pan(delta.x() / 120 * self.width() * KEY_PAN_SHARE)
        elif event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            self.pan(delta.y() / 120 * self.width() * KEY_PAN_SHARE)
        elif delta.y():
            self._zoom(WHEEL_ZOOM_PER_NOTCH ** (delta.y() / 120), x)
        event.accept()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._press = event.position()
            self._dragged = False
            self.setCursor(Qt.CursorShape.ClosedHandCursor)
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        position = event.position()
        if self._press is not None and event.buttons() & Qt.MouseButton.LeftButton:
            dx = position.x() - self._press.x()
            if self._dragged or abs(dx) >= CLICK_SLOP:
                self._dragged = True
                self.pan(dx)
                self._press = position
        else:
            scene = self._current_scene()
            over = self._event_under(position) is not None or (
                scene is not None and cluster_at(scene, position.x(), position.y()) is not None
            )
            self.setCursor(
                Qt.CursorShape.PointingHandCursor if over else Qt.CursorShape.OpenHandCursor
            )
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self._press is not None:
            if not self._dragged:
                event_id = self._event_under(event.position())
                if event_id is not None:
                    self.event_clicked.emit(event_id)
                else:
                    self._zoom_to_cluster(event.position())
            self._press = None
            self._dragged = False
            self.setCursor(Qt.CursorShape.OpenHandCursor)
        event.accept()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        if self._event_under(event.position()) is None:  # empty space or counts: look closer
            self._zoom(2.0, event.position().x())
        event.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = Qt.Key(event.key())
        shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        width = self.width()
        if key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            step = -1 if key == Qt.Key.Key_Left else 1
            if shift:
                self.pan(-step * width * KEY_PAN_SHARE)
            else:
                self.step_requested.emit(step)
        elif key in (Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
            self.pan((1 if key == Qt.Key.Key_PageUp else -1) * width * PAGE_PAN_SHARE)
        elif key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom_in()
        elif key in (Qt.Key.Key_Minus, Qt.Key.Key_Underscore):
            self.zoom_out()
        elif key in (Qt.Key.Key_0, Qt.Key.Key_Home):
            self.fit_all()
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            self._show_tooltip(event)
            return True
        return super().event(event)

    def focusInEvent(self, event) -> None:
        self.update()
        super().focusInEvent(event)

    def focusOutEvent(self, event) -> None:
        self.update()
        super().focusOutEvent(event)

    def zoom_to_days(self, first_day: float, last_day: float) -> None:
        """Show first_day to last_day (exclusive) across the width."""
        left, width = self._axis_span()
        self._set_scale(TimeScale.fit(first_day, last_day, left, width))

    def _zoom_to_cluster(self, position: QPointF) -> bool:
        scene = self._current_scene()
        cluster = cluster_at(scene, position.x(), position.y()) if scene else None
        if cluster is None:
            return False
        self.zoom_to_days(cluster.first_day, cluster.last_day + 1)
        return True

    def _event_under(self, position: QPointF) -> int | None:
        scene = self._current_scene()
        return event_at(scene, position.x(), position.y()) if scene else None

    def _show_tooltip(self, event: QHelpEvent) -> None:
        scene = self._current_scene()
        event_id = self._event_under(QPointF(event.pos()))
        cluster = cluster_at(scene, event.pos().x(), event.pos().y()) if scene else None
        if cluster is not None:
            text = self.tr("%n event(s) without a label here: click to zoom in", "", cluster.total)
            QToolTip.showText(QCursor.pos(), text, self)
            return
        if scene is None or event_id is None:
            QToolTip.hideText()
            return
        item = next(item for item in scene.placed if item.mark.event_id == event_id)
        names = {theme.slug: theme.name for theme in self.themes}
        themes = ", ".join(names.get(slug, slug) for slug in item.mark.theme_slugs)
        # Tool tips guess at rich text, so the title is escaped and the tip marked as rich.
        text = f"<p><b>{html.escape(item.mark.label)}</b><br>{html.escape(themes)}</p>"
        QToolTip.showText(QCursor.pos(), text, self)
