"""Paragraphs of plain text laid out with QTextLayout on the PDF's own metrics.

QTextLayout rather than QTextDocument: data is never read as markup, a layout per paragraph is
cheap enough for ten thousand events, and a link's anchorHref becomes a PDF link annotation.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QFontMetricsF,
    QPaintDevice,
    QPainter,
    QRawFont,
    QTextCharFormat,
    QTextLayout,
    QTextOption,
)

# Families with every letter of the Azerbaijani Latin alphabet, best first; Qt's own font
# fallback covers a missing glyph when none of these is installed.
PREFERRED_FAMILIES = ("DejaVu Sans", "Noto Sans", "Liberation Sans", "Arial", "Segoe UI")
AZERBAIJANI_LETTERS = "ƏəIıİiŞşĞğÇçÖöÜü"
LINK_COLOUR = "#0b57a4"


@dataclass(frozen=True)
class TextStyle:
    size: float  # points
    bold: bool = False
    italic: bool = False
    colour: str = "#1a1a1a"


@dataclass(frozen=True)
class Span:
    """Part of a paragraph set differently: another style, or a link to a web address."""

    start: int
    length: int
    style: TextStyle | None = None
    link: str | None = None


@dataclass(frozen=True)
class Paragraph:
    text: str
    style: TextStyle
    spans: tuple[Span, ...] = ()
    indent: float = 0.0  # points from the block's left edge
    space_after: float = 0.0  # points
    label: str | None = None  # set in the indent, level with the first line: "[3]"

    @classmethod
    def of(
        cls, pieces: list[tuple[str, TextStyle | None, str | None]], style: TextStyle, **options
    ) -> Paragraph:
        """A paragraph from (text, style or None for the paragraph's, link or None) pieces."""
        spans, at = [], 0
        for text, piece_style, link in pieces:
            length = utf16_length(text)
            if piece_style is not None or link is not None:
                spans.append(Span(at, length, piece_style, link))
            at += length
        return cls("".join(text for text, _, _ in pieces), style, tuple(spans), **options)


def utf16_length(text: str) -> int:
    """Qt counts text positions in UTF-16 code units; a letter beyond U+FFFF counts twice."""
    return len(text.encode("utf-16-le")) // 2


def print_family(families: list[str] | None = None) -> str:
    """The first preferred family that is installed and writes Azerbaijani; else the default."""
    installed = set(QFontDatabase.families() if families is None else families)
    for family in PREFERRED_FAMILIES:
        if family in installed and _writes(family, AZERBAIJANI_LETTERS):
            return family
    return QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont).family()


def _writes(family: str, letters: str) -> bool:
    raw = QRawFont.fromFont(QFont(family))
    return raw.isValid() and all(raw.supportsCharacter(letter) for letter in letters)


def without_ligatures(font: QFont) -> QFont:
    """Turn ligatures off, so "fi" copies out of the PDF as two letters and quotes stay verbatim.

    A ligature glyph maps back to U+FB01 "ﬁ" in the PDF's text, which is not what the source
    says. QFont.setFeature arrived in Qt 6.7; older Qts keep their ligatures.
    """
    if hasattr(font, "setFeature"):
        for feature in ("liga", "clig"):
            font.setFeature(QFont.Tag(feature), 0)
    return font


class Typesetter:
    """Lays out paragraphs in device units of one paint device (the PDF writer)."""

    def __init__(self, device: QPaintDevice, family: str) -> None:
        self.device = device
        self.family = family
        self.unit = device.logicalDpiY() / 72.0  # device units per point
        self._fonts: dict[TextStyle, QFont] = {}
        self._colours: dict[str, QColor] = {}
        self._formats: dict[tuple[TextStyle | None, str | None], QTextCharFormat] = {}
        self._option = QTextOption()
        self._option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)

    def points(self, value: float) -> float:
        return value * self.unit

    def font(self, style: TextStyle) -> QFont:
        font = self._fonts.get(style)
        if font is None:
            font = QFont(self.family)
            font.setPointSizeF(style.size)
            font.setBold(style.bold)
            font.setItalic(style.italic)
            font.setKerning(True)
            without_ligatures(font)
            self._fonts[style] = font
        return font

    def lay_out(self, paragraph: Paragraph, width: float) -> QTextLayout:
        """A laid-out paragraph, its lines positioned from y = 0 at the paragraph's indent."""
        layout = QTextLayout(paragraph.text, self.font(paragraph.style), self.device)
        layout.setTextOption(self._option)
        if paragraph.spans:  # formats cost time to itemise: only where the text changes
            layout.setFormats(self._ranges(paragraph))
        indent = self.points(paragraph.indent)
        line_width = max(width - indent, self.points(36))
        y = 0.0
        layout.beginLayout()
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLeadingIncluded(True)
            line.setLineWidth(line_width)
            line.setPosition(QPointF(indent, y))
            y += line.height()
        layout.endLayout()
        return layout

    def elided(self, text: str, style: TextStyle, width: float) -> str:
        """The text cut with an ellipsis to fit on one line of width."""
        metrics = QFontMetricsF(self.font(style), self.device)
        return metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)

    def line_heights(self, paragraph: Paragraph, width: float) -> list[float]:
        layout = self.lay_out(paragraph, width)
        return [layout.lineAt(i).height() for i in range(layout.lineCount())]

    def draw_lines(
        self,
        painter: QPainter,
        layout: QTextLayout,
        style: TextStyle,
        lines: tuple[int, int],
        at: QPointF,
    ) -> None:
        """Draw lines first..last (inclusive) so that line `first` starts at `at`."""
        first, last = lines
        painter.setPen(self._colour(style.colour))
        offset = QPointF(at.x(), at.y() - layout.lineAt(first).y())
        for index in range(first, last + 1):
            layout.lineAt(index).draw(painter, offset)

    def _colour(self, name: str) -> QColor:
        colour = self._colours.get(name)
        if colour is None:
            colour = self._colours[name] = QColor(name)
        return colour

    def _ranges(self, paragraph: Paragraph) -> list[QTextLayout.FormatRange]:
        ranges = []
        for span in paragraph.spans:
            part = QTextLayout.FormatRange()
            part.start, part.length = span.start, span.length
            part.format = self._format(span.style or paragraph.style, span.link)
            ranges.append(part)
        return ranges

    def _format(self, style: TextStyle, link: str | None) -> QTextCharFormat:
        key = (style, link)
        chosen = self._formats.get(key)
        if chosen is None:
            chosen = QTextCharFormat()
            chosen.setFont(
                self.font(style),
                QTextCharFormat.FontPropertiesInheritanceBehavior.FontPropertiesAll,
            )
            chosen.setForeground(QColor(LINK_COLOUR if link else style.colour))
            if link:
                chosen.setAnchor(True)
                chosen.setAnchorHref(link)
                chosen.setFontUnderline(True)
            self._formats[key] = chosen
        return chosen
