"""Theme chips: a theme's colour always shown with its name, readable on light and dark palettes."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QIcon, QPainter, QPalette, QPixmap

from timeline_app.timeline.events import Theme

CHIP_PADDING = 6.0
CHIP_GAP = 4.0


def _luminance(colour: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.redF())
        + 0.7152 * channel(colour.greenF())
        + 0.0722 * channel(colour.blueF())
    )


def text_colour_on(background: QColor) -> QColor:
    """Black or white, whichever contrasts more with the background (WCAG contrast ratio)."""
    light = _luminance(background)
    on_black = (light + 0.05) / 0.05
    on_white = 1.05 / (light + 0.05)
    return QColor(Qt.GlobalColor.black) if on_black >= on_white else QColor(Qt.GlobalColor.white)


def chip_font(base: QFont) -> QFont:
    font = QFont(base)
    font.setPointSizeF(max(7.0, base.pointSizeF() * 0.85))
    return font


def chips_width(themes: Sequence[Theme], font: QFont) -> float:
    metrics = QFontMetricsF(chip_font(font))
    widths = [metrics.horizontalAdvance(t.name) + 2 * CHIP_PADDING for t in themes]
    return sum(widths) + CHIP_GAP * max(0, len(widths) - 1)


def paint_chips(
    painter: QPainter, themes: Sequence[Theme], right: float, middle_y: float, font: QFont
) -> float:
    """Draw the chips right-aligned ending at `right`; returns the left edge of the first one."""
    x = right - chips_width(themes, font)
    font = chip_font(font)
    metrics = QFontMetricsF(font)
    height = metrics.height() + 2
    left = x
    painter.save()
    painter.setFont(font)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    for theme in themes:
        colour = QColor(theme.colour)
        width = metrics.horizontalAdvance(theme.name) + 2 * CHIP_PADDING
        rect = QRectF(x, middle_y - height / 2, width, height)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawRoundedRect(rect, height / 2, height / 2)
        painter.setPen(text_colour_on(colour))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, theme.name)
        x += width + CHIP_GAP
    painter.restore()
    return left


def swatch_icon(colour: str, size: int = 14) -> QIcon:
    """A round swatch of the theme's colour with a thin outline, for check boxes and legends."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(QColor(colour))
    painter.setPen(QColor(0, 0, 0, 90))
    painter.drawEllipse(QPointF(size / 2, size / 2), size / 2 - 1, size / 2 - 1)
    painter.end()
    return QIcon(pixmap)


def mark_colours(palette: QPalette) -> tuple[str, str]:
    """Background and text colour for a search highlight that reads on this palette."""
    dark = palette.color(QPalette.ColorRole.Window).lightness() < 128
    return ("#8a6d00", "#ffffff") if dark else ("#ffe066", "#000000")
