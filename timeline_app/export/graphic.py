"""The timeline graphic at the top of the PDF: the screen canvas's own painting, as vectors.

The render code measures in screen pixels with pixel-sized fonts, so the graphic is painted in a
coordinate system of 1/96 inch scaled onto the page: it looks on paper as it does on a canvas of
the page's width, and stays vector drawing in the PDF.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QFont, QFontMetricsF, QPainter, QPicture

from timeline_app.export.blocks import GraphicBlock
from timeline_app.export.content import ExportContent
from timeline_app.export.typeset import Typesetter, without_ligatures
from timeline_app.render.painter import AXIS_HEIGHT, TimelineStyle, paint_legend, paint_timeline
from timeline_app.render.scale import TimeScale
from timeline_app.render.scene import lay_out, marks_from_events

PIXELS_PER_POINT = 96 / 72
LABEL_PIXELS = 11  # the graphic's text, about 8 pt
LEGEND_GAP = 6.0  # pixels between the legend and the timeline
HEIGHT_SHARE = 0.5  # of the page's text width, at most
HEIGHT_LIMIT = 0.42  # of the page's text height, at most


def timeline_graphic(
    content: ExportContent, typesetter: Typesetter, area: QRectF
) -> GraphicBlock | None:
    """A block holding the legend and the timeline for the exported events, fitted to the width."""
    if not content.events:
        return None
    font = QFont(typesetter.family)
    font.setPixelSize(LABEL_PIXELS)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    without_ligatures(font)
    used = {theme.slug for event in content.events for theme in event.themes}
    style = TimelineStyle.for_print([t for t in content.themes if t.slug in used], font)
    width_points = area.width() / typesetter.unit
    width = width_points * PIXELS_PER_POINT
    legend = _legend_height(style, width)
    height_points = min(width_points * HEIGHT_SHARE, area.height() / typesetter.unit * HEIGHT_LIMIT)
    timeline = height_points * PIXELS_PER_POINT - legend - LEGEND_GAP
    events = content.events
    first_day = min(e.when.first_day().toordinal() for e in events)
    last_day = max(e.when.last_day().toordinal() + 1 for e in events)
    scale = TimeScale.fit(first_day, last_day, 0.0, width)
    top = legend + LEGEND_GAP
    scene = lay_out(
        marks_from_events(events),
        scale,
        timeline - AXIS_HEIGHT - 8,
        QFontMetricsF(font).horizontalAdvance,
        top=top + 4,
    )

    def paint(painter: QPainter, rect: QRectF) -> None:
        pixel = rect.width() / width
        painter.translate(rect.topLeft())
        painter.scale(pixel, pixel)
        paint_legend(painter, QRectF(0, 0, width, legend), style)
        paint_timeline(painter, QRectF(0, top, width, timeline), scene, scale, style)

    return GraphicBlock(height_points, paint, space_before=6)


def _legend_height(style: TimelineStyle, width: float) -> float:
    """paint_legend tells its height only by painting; a throwaway picture takes the strokes."""
    picture = QPicture()
    painter = QPainter(picture)
    try:
        return paint_legend(painter, QRectF(0, 0, width, 1000), style)
    finally:
        painter.end()
