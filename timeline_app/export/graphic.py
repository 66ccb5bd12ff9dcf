"""The timeline graphic of the PDF: the screen canvas's own placement and painting, as vectors.

A filtered export of up to ROWS_UP_TO events is drawn in rows of years, each row as long a
stretch of time as still lets every one of its events carry its whole title; larger exports are
one graphic that labels the weightiest events, as the window does.

The render code measures in screen pixels with pixel-sized fonts, so the graphic is painted in a
coordinate system of 1/96 inch scaled onto the page: it looks on paper as it does on a canvas of
the page's width, and stays vector drawing in the PDF.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRectF
from PySide6.QtGui import QFont, QPainter, QPicture

from timeline_app.export.blocks import GraphicBlock
from timeline_app.export.content import ExportContent
from timeline_app.export.typeset import Typesetter, without_ligatures
from timeline_app.render.painter import AXIS_HEIGHT, TimelineStyle, paint_legend, paint_timeline
from timeline_app.render.scale import TimeScale
from timeline_app.render.scene import MORE_ROW, Mark, Scene, lay_out, marks_from_events

PIXELS_PER_POINT = 96 / 72
LABEL_PIXELS = 11  # the graphic's text, about 8 pt
LANE_PIXELS = 17.0
LEGEND_GAP = 6.0  # pixels between the legend and the timeline
ROWS_UP_TO = 80  # events; beyond this one graphic labels the weightiest
ROW_LANES = 14  # lanes a row may use before its stretch of time is cut shorter
HEIGHT_SHARE = 0.5  # of the page's text width, at most, for the single graphic
HEIGHT_LIMIT = 0.42  # of the page's text height, at most, for the single graphic


def timeline_graphic(
    content: ExportContent, typesetter: Typesetter, area: QRectF
) -> list[GraphicBlock]:
    """The blocks of the timeline graphic for the exported events, fitted to the width."""
    if not content.events:
        return []
    font = QFont(typesetter.family)
    font.setPixelSize(LABEL_PIXELS)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    without_ligatures(font)
    style = TimelineStyle.for_print(
        [t for t in content.themes if t.slug in content.used_themes], font
    )
    width = area.width() / typesetter.unit * PIXELS_PER_POINT
    marks = marks_from_events(content.events)
    legend = _legend_block(style, width)
    if len(marks) <= ROWS_UP_TO:
        rows = [
            _row_block(scene, scale, style, width) for scene, scale in _rows(marks, style, width)
        ]
        return [legend, *rows]
    height = min(width * HEIGHT_SHARE, area.height() / typesetter.unit * HEIGHT_LIMIT * 1.33)
    scale = TimeScale.fit(*_days(marks), 0.0, width)
    lanes_height = height - AXIS_HEIGHT - 8
    scene = lay_out(marks, scale, lanes_height, style.label_width, lane_height=LANE_PIXELS)
    return [legend, _row_block(scene, scale, style, width, height)]


def _rows(marks: list[Mark], style: TimelineStyle, width: float) -> list[tuple[Scene, TimeScale]]:
    """Consecutive stretches of time, each as long as lets all its events keep whole labels."""
    ordered = sorted(marks, key=lambda m: (m.first_day, m.last_day, m.event_id))
    rows: list[tuple[Scene, TimeScale]] = []
    start = 0
    while start < len(ordered):
        end = start + 1
        best = _try_row(ordered[start:end], style, width, force=True)
        while end < len(ordered):
            attempt = _try_row(ordered[start : end + 1], style, width)
            if attempt is None:
                break
            best, end = attempt, end + 1
        rows.append(best)
        start = end
    return rows


def _try_row(
    marks: Sequence[Mark], style: TimelineStyle, width: float, force: bool = False
) -> tuple[Scene, TimeScale] | None:
    """The row's layout if every event keeps its whole label: with the events across the row, or
    gathered at its left or right so long labels have room beside them."""
    first, last = _days(marks)
    span = max(last - first, 366)
    lanes_height = ROW_LANES * LANE_PIXELS + MORE_ROW
    attempt = None
    for begin, end in ((first, last), (first, last + span), (first - span, last)):
        scale = TimeScale.fit(begin, end, 0.0, width)
        scene = lay_out(marks, scale, lanes_height, style.label_width, lane_height=LANE_PIXELS)
        attempt = attempt or (scene, scale)
        whole = all(item.label_width and not item.is_elided for item in scene.placed)
        if whole and not scene.crowded and len(scene.placed) == len(marks):
            return scene, scale
    return attempt if force else None


def _days(marks: Sequence[Mark]) -> tuple[int, int]:
    return min(m.first_day for m in marks), max(m.last_day for m in marks) + 1


def _row_block(
    scene: Scene, scale: TimeScale, style: TimelineStyle, width: float, height: float = 0.0
) -> GraphicBlock:
    """One timeline, only as tall as its lanes need (or `height` pixels when given)."""
    if not height:
        drawn = [item.y + LANE_PIXELS / 2 for item in scene.placed]
        drawn += [cluster.y + MORE_ROW / 2 for cluster in scene.clusters]
        height = max(drawn, default=0.0) + AXIS_HEIGHT + 8

    def paint(painter: QPainter, rect: QRectF) -> None:
        pixel = rect.width() / width
        painter.translate(rect.topLeft())
        painter.scale(pixel, pixel)
        paint_timeline(painter, QRectF(0, -4, width, height + 4), scene, scale, style)

    return GraphicBlock(height / PIXELS_PER_POINT, paint, space_before=4)


def _legend_block(style: TimelineStyle, width: float) -> GraphicBlock:
    """paint_legend tells its height only by painting; a throwaway picture takes the strokes."""
    picture = QPicture()
    painter = QPainter(picture)
    try:
        height = paint_legend(painter, QRectF(0, 0, width, 1000), style)
    finally:
        painter.end()

    def paint(painter: QPainter, rect: QRectF) -> None:
        pixel = rect.width() / width
        painter.translate(rect.topLeft())
        painter.scale(pixel, pixel)
        paint_legend(painter, QRectF(0, 0, width, height), style)

    return GraphicBlock(
        (height + LEGEND_GAP) / PIXELS_PER_POINT, paint, space_before=6, keep_with_next=True
    )
