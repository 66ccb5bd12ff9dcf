"""The one drawing of the timeline, for the screen canvas and the PDF alike."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QLinearGradient,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
)

from timeline_app.render.scale import TimeScale
from timeline_app.render.scene import (
    MARKER_SIZE,
    MORE_ROW,
    Bucket,
    Cluster,
    PlacedMark,
    Scene,
    event_at,
)
from timeline_app.render.ticks import ticks
from timeline_app.timeline.events import Theme

__all__ = ["TimelineStyle", "event_at", "paint_legend", "paint_timeline"]

AXIS_HEIGHT = 26.0
BAR_HEIGHT = 8.0
SWATCH = 11.0


@dataclass
class TimelineStyle:
    """Colours and font for one target; themes keep their colour on screen and on paper."""

    background: QColor
    text: QColor
    muted: QColor
    grid: QColor
    selection: QColor
    font: QFont
    themes: tuple[Theme, ...]
    fallback: QColor

    def __post_init__(self) -> None:
        self._colours = {t.slug: QColor(t.colour) for t in self.themes}
        self._metrics = QFontMetricsF(self.font)
        self._widths: dict[str, float] = {}
        # Made once per style, not once per mark: a crowded view draws hundreds of marks.
        self._label_fonts: dict[bool, tuple[QFont, QFontMetricsF]] = {}
        self._stems: dict[str, QPen] = {}

    @classmethod
    def for_screen(cls, palette: QPalette, themes: Sequence[Theme], font: QFont) -> TimelineStyle:
        """Follows the system's light or dark palette."""
        text = palette.color(QPalette.ColorRole.Text)
        muted = palette.color(QPalette.ColorRole.PlaceholderText)
        grid = QColor(text)
        grid.setAlphaF(0.12)
        return cls(
            background=palette.color(QPalette.ColorRole.Base),
            text=text,
            muted=muted,
            grid=grid,
            selection=palette.color(QPalette.ColorRole.Highlight),
            font=font,
            themes=tuple(themes),
            fallback=QColor(muted),
        )

    @classmethod
    def for_print(cls, themes: Sequence[Theme], font: QFont) -> TimelineStyle:
        """Black on white, for paper and PDF."""
        return cls(
            background=QColor("white"),
            text=QColor("black"),
            muted=QColor("#555555"),
            grid=QColor(0, 0, 0, 28),
            selection=QColor("#0b57d0"),
            font=font,
            themes=tuple(themes),
            fallback=QColor("#777777"),
        )

    def colour(self, slug: str) -> QColor:
        return self._colours.get(slug, self.fallback)

    def label_font(self, italic: bool) -> tuple[QFont, QFontMetricsF]:
        """The labels' font (italic for an approximate date) and its metrics."""
        made = self._label_fonts.get(italic)
        if made is None:
            font = QFont(self.font)  # the weight the layout measured
            font.setItalic(italic)
            made = self._label_fonts[italic] = (font, QFontMetricsF(font))
        return made

    def stem(self, slug: str) -> QPen:
        """The faint dotted line from a mark of this theme down to the axis."""
        pen = self._stems.get(slug)
        if pen is None:
            faint = QColor(self.colour(slug))
            faint.setAlphaF(0.35)
            pen = self._stems[slug] = QPen(faint, 1, Qt.PenStyle.DotLine)
        return pen

    def label_width(self, text: str) -> float:
        """Measured once per text: a zoom step lays out the same labels again."""
        width = self._widths.get(text)
        if width is None:
            if len(self._widths) > 50_000:
                self._widths.clear()
            width = self._widths[text] = self._metrics.horizontalAdvance(text)
        return width


def paint_timeline(
    painter: QPainter,
    rect: QRectF,
    scene: Scene,
    scale: TimeScale,
    style: TimelineStyle,
    selected_id: int | None = None,
) -> None:
    """Axis, ticks, period bars, markers, labels and counts, clipped to rect."""
    painter.save()
    painter.setClipRect(rect)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setFont(style.font)
    painter.fillRect(rect, style.background)
    axis_y = rect.bottom() - AXIS_HEIGHT
    _paint_grid_and_axis(painter, rect, axis_y, scale, style)
    if scene.buckets:
        _paint_buckets(painter, scene.buckets, scale, rect.top() + 4, axis_y, style)
    _paint_crowded(painter, scene.crowded, style, selected_id)
    plated = scene.is_aggregated  # labels over columns need a plate to stay readable
    for item in scene.placed:
        _paint_mark(painter, item, style, axis_y, item.mark.event_id == selected_id, plated)
    _paint_clusters(painter, scene.clusters, style)
    painter.restore()


def _paint_grid_and_axis(
    painter: QPainter, rect: QRectF, axis_y: float, scale: TimeScale, style: TimelineStyle
) -> None:
    metrics = QFontMetricsF(style.font)
    painter.setPen(QPen(style.grid, 1))
    marks = ticks(scale, min_spacing=max(70.0, metrics.horizontalAdvance("Sep 2020") + 16))
    for tick in marks:
        x = scale.x(tick.day)
        painter.drawLine(QPointF(x, rect.top()), QPointF(x, axis_y))
    painter.setPen(QPen(style.muted, 1))
    painter.drawLine(QPointF(rect.left(), axis_y), QPointF(rect.right(), axis_y))
    painter.setPen(style.text)
    baseline = axis_y + 6 + metrics.ascent()
    for tick in marks:
        x = scale.x(tick.day)
        painter.drawLine(QPointF(x, axis_y), QPointF(x, axis_y + 4))
        if x + 3 + metrics.horizontalAdvance(tick.label) <= rect.right():  # whole or not at all
            painter.drawText(QPointF(x + 3, baseline), tick.label)


def _paint_mark(
    painter: QPainter,
    item: PlacedMark,
    style: TimelineStyle,
    axis_y: float,
    selected: bool,
    plated: bool = False,
) -> None:
    mark = item.mark
    slug = _first_slug(item)
    colour = style.colour(slug)
    painter.setPen(style.stem(slug))
    painter.drawLine(QPointF(item.x0, item.y + MARKER_SIZE / 2), QPointF(item.x0, axis_y))
    if mark.is_exact_day:
        _diamond(painter, item.x0, item.y, colour, style)
    else:
        _span(painter, item, colour, style)
    if len(mark.theme_slugs) > 1:  # further themes as small dots under the marker
        for offset, slug in enumerate(mark.theme_slugs[1:4], start=1):
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(style.colour(slug))
            painter.drawEllipse(QPointF(item.x0 + (offset - 1) * 5, item.y + 7), 2, 2)
    if selected:
        painter.setPen(QPen(style.selection, 2))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(
            QRectF(
                item.left - 3, item.y - MARKER_SIZE, item.right - item.left + 6, MARKER_SIZE * 2
            ),
            4,
            4,
        )
    if item.label_width:
        # The weight the layout measured: the outline marks selection.
        font, metrics = style.label_font(mark.approximate)
        painter.setFont(font)
        if plated or item.label_inside:
            plate = QColor(style.background)
            plate.setAlphaF(0.85)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(plate)
            painter.drawRoundedRect(
                QRectF(item.label_left - 2, item.y - metrics.height() / 2,
                       item.label_width + 4, metrics.height()), 2, 2,
            )  # fmt: skip
        painter.setPen(style.text)
        painter.drawText(QPointF(item.label_left, item.y + metrics.ascent() / 2 - 1), item.label)
        painter.setFont(style.font)


def _diamond(painter: QPainter, x: float, y: float, colour: QColor, style: TimelineStyle) -> None:
    half = MARKER_SIZE / 2
    path = QPainterPath(QPointF(x, y - half))
    for point in ((x + half, y), (x, y + half), (x - half, y)):
        path.lineTo(QPointF(*point))
    path.closeSubpath()
    painter.setPen(QPen(style.background, 1))
    painter.setBrush(colour)
    painter.drawPath(path)


def _span(painter: QPainter, item: PlacedMark, colour: QColor, style: TimelineStyle) -> None:
    """A period as a solid bar; a year or month as a lighter bar over its whole span.
    Approximate dates fade out at both ends instead of stopping sharp."""
    mark = item.mark
    width = max(item.x1 - item.x0, MARKER_SIZE / 2)
    bar = QRectF(item.x0, item.y - BAR_HEIGHT / 2, width, BAR_HEIGHT)
    fill = QColor(colour)
    if not mark.is_period:
        fill.setAlphaF(0.55)
    if mark.approximate and width > 6:
        gradient = QLinearGradient(bar.left(), 0, bar.right(), 0)
        clear = QColor(fill)
        clear.setAlphaF(0.05)
        edge = min(0.3, 12 / width)
        gradient.setColorAt(0, clear)
        gradient.setColorAt(edge, fill)
        gradient.setColorAt(1 - edge, fill)
        gradient.setColorAt(1, clear)
        brush = QBrush(gradient)
    else:
        brush = QBrush(fill)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(brush)
    painter.drawRoundedRect(bar, 2, 2)
    if not mark.is_period:  # a tick at each end says "somewhere in here", not a day
        painter.setPen(QPen(colour, 1.2))
        for x in (bar.left(), bar.right()):
            painter.drawLine(QPointF(x, bar.top() - 2), QPointF(x, bar.bottom() + 2))


def _paint_buckets(
    painter: QPainter,
    buckets: Sequence[Bucket],
    scale: TimeScale,
    top: float,
    bottom: float,
    style: TimelineStyle,
) -> None:
    """Columns of event counts, split by theme colour, on a square-root scale."""
    metrics = QFontMetricsF(style.font)
    note_height = metrics.height() + 4
    tallest = max(b.total for b in buckets) ** 0.5
    room = max(bottom - top - note_height - 8, 1.0)  # the note sits above the tallest column
    painter.setPen(Qt.PenStyle.NoPen)
    # Themes bottom to top in the legend's order (unknown ones last); a column's parts are
    # drawn one by one, in that order, so neighbouring parts' soft edges blend as they always did.
    rank = {}
    for position, theme in enumerate(style.themes):
        rank.setdefault(theme.slug, position)
    colour, x_of, set_brush, draw_rect = style.colour, scale.x, painter.setBrush, painter.drawRect
    for bucket in buckets:
        x0, x1 = x_of(bucket.first_day), x_of(bucket.last_day)
        height = room * (bucket.total**0.5) / tallest
        y = bottom
        counts = bucket.theme_counts
        share_total = sum(counts.values()) or 1
        width = max(x1 - x0 - 1, 1.0)
        for slug in sorted(counts, key=lambda s: rank.get(s, 99)):
            part = height * counts[slug] / share_total
            set_brush(colour(slug))
            draw_rect(QRectF(x0, y - part, width, part))
            y -= part
    # Say what the columns mean, on a plate in the corner so no column runs through the words.
    peak = max(b.total for b in buckets)
    total = sum(b.total for b in buckets)
    note = f"{total:,} events; the weightiest are labelled. Tallest column: {peak:,}"
    plate = QRectF(scale.left + 4, top, metrics.horizontalAdvance(note) + 10, note_height)
    painter.setPen(Qt.PenStyle.NoPen)
    background = QColor(style.background)
    background.setAlphaF(0.85)
    painter.setBrush(background)
    painter.drawRoundedRect(plate, 3, 3)
    painter.setPen(style.muted)
    painter.drawText(QPointF(plate.left() + 5, plate.top() + 2 + metrics.ascent()), note)


def _paint_crowded(
    painter: QPainter,
    crowded: Sequence[PlacedMark],
    style: TimelineStyle,
    selected_id: int | None,
) -> None:
    """Marks with no room in a lane: thin strokes in the row above the axis, where they fall."""
    for item in crowded:
        selected = item.mark.event_id == selected_id
        colour = style.selection if selected else style.colour(_first_slug(item))
        width = max(item.x1 - item.x0, 2.0 if selected else 1.5)
        painter.fillRect(QRectF(item.x0, item.y, width, MORE_ROW / 2 - 2), colour)


def _paint_clusters(painter: QPainter, clusters: Sequence[Cluster], style: TimelineStyle) -> None:
    """ "+N" where marks are drawn without labels: a click on it zooms to them."""
    if not clusters:
        return
    metrics = QFontMetricsF(style.font)
    plate = QColor(style.background)
    plate.setAlphaF(0.9)
    for cluster in clusters:
        box = QRectF(cluster.left, cluster.y - MORE_ROW / 2 + 1, cluster.right - cluster.left,
                     MORE_ROW - 2)  # fmt: skip
        painter.setPen(QPen(style.muted, 1))
        painter.setBrush(plate)
        painter.drawRoundedRect(box, 6, 6)
        painter.setPen(style.muted)
        text = f"+{cluster.total:,}"
        x = box.center().x() - metrics.horizontalAdvance(text) / 2
        painter.drawText(QPointF(x, box.center().y() + metrics.ascent() / 2 - 1.5), text)


def _first_slug(item: PlacedMark) -> str:
    return item.mark.theme_slugs[0] if item.mark.theme_slugs else ""


def paint_legend(painter: QPainter, rect: QRectF, style: TimelineStyle) -> float:
    """Theme swatches with their names, wrapped to the width; returns the height used."""
    metrics = QFontMetricsF(style.font)
    line = max(metrics.height(), SWATCH) + 4
    x, y = rect.left(), rect.top()
    painter.save()
    painter.setFont(style.font)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    for theme in style.themes:
        width = SWATCH + 5 + metrics.horizontalAdvance(theme.name) + 16
        if x + width > rect.right() and x > rect.left():
            x, y = rect.left(), y + line
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(style.colour(theme.slug))
        painter.drawRoundedRect(QRectF(x, y + (line - SWATCH) / 2, SWATCH, SWATCH), 2, 2)
        painter.setPen(style.text)
        painter.drawText(QPointF(x + SWATCH + 5, y + (line + metrics.ascent()) / 2 - 1), theme.name)
        x += width
    painter.restore()
    return y + line - rect.top()
