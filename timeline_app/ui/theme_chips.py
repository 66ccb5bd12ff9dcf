"""Theme chips: a theme's colour always shown with its name, readable on light and dark palettes."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

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


@dataclass(frozen=True)
class Chip:
    """One chip as drawn: where, in which colours, with which name."""

    rect: QRectF
    colour: QColor
    ink: QColor
    name: str


def chip_layout(themes: Sequence[Theme], right: float, middle_y: float, font: QFont) -> list[Chip]:
    """The chips right-aligned ending at `right`, measured but not drawn (a list row keeps them
    from one paint to the next)."""
    x = right - chips_width(themes, font)
    metrics = QFontMetricsF(chip_font(font))
    height = metrics.height() + 2
    chips = []
    for theme in themes:
        colour = QColor(theme.colour)
        width = metrics.horizontalAdvance(theme.name) + 2 * CHIP_PADDING
        rect = QRectF(x, middle_y - height / 2, width, height)
        chips.append(Chip(rect, colour, text_colour_on(colour), theme.name))
        x += width + CHIP_GAP
    return chips


def draw_chips(painter: QPainter, chips: Sequence[Chip], font: QFont, dx: float = 0.0,
               dy: float = 0.0) -> None:  # fmt: skip
    """Draw chips laid out by chip_layout, moved by (dx, dy)."""
    painter.save()
    painter.setFont(chip_font(font))
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    for chip in chips:
        rect = chip.rect.translated(dx, dy) if dx or dy else chip.rect
        radius = rect.height() / 2
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(chip.colour)
        painter.drawRoundedRect(rect, radius, radius)
        painter.setPen(chip.ink)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, chip.name)
    painter.restore()


def paint_chips(
    painter: QPainter, themes: Sequence[Theme], right: float, middle_y: float, font: QFont
) -> float:
    """Draw the chips right-aligned ending at `right`; returns the left edge of the first one."""
    chips = chip_layout(themes, right, middle_y, font)
    draw_chips(painter, chips, font)
    return right - chips_width(themes, font)


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
