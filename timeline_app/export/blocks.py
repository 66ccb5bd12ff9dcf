"""The document as a column of blocks, measured once and placed on pages before any drawing.

A block is not split across pages when it fits on one; a block taller than a page breaks
between its lines. A block that keeps with the next moves on with it (a heading, say). A block
that continues a group (an event's quotes) and starts or goes on on a new page has the group's
repeated heading drawn above it there ("… (continued)"); that heading is drawn nowhere else.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QPainter, QPen

from timeline_app.export.typeset import Paragraph, Typesetter


@dataclass(frozen=True)
class TextBlock:
    paragraphs: tuple[Paragraph, ...]
    space_before: float = 0.0  # points; dropped at the top of a page
    keep_with_next: bool = False
    rule: str | None = None  # colour of a bar beside the block, as quotes have
    repeated_heading: bool = False  # drawn only above the blocks that continue after it
    continues: bool = False  # repeats the latest repeated heading when it starts a page


@dataclass(frozen=True)
class GraphicBlock:
    height: float  # points
    paint: Callable[[QPainter, QRectF], None]
    space_before: float = 0.0
    keep_with_next: bool = False


Block = TextBlock | GraphicBlock


@dataclass(frozen=True)
class BlockShape:
    """What placing a block on pages needs of it, without its text: kept for every block of a
    document while the blocks themselves are made again when their pages are drawn."""

    space_before: float = 0.0
    keep_with_next: bool = False
    repeated_heading: bool = False
    continues: bool = False

    @staticmethod
    def of(block: Block) -> BlockShape:
        return _shape(
            block.space_before, block.keep_with_next,
            getattr(block, "repeated_heading", False), getattr(block, "continues", False),
        )  # fmt: skip


@cache
def _shape(*flags) -> BlockShape:
    return BlockShape(*flags)  # a handful of shapes, shared by every block


@dataclass(frozen=True)
class Placed:
    """Rows first..last (inclusive) of one block, drawn from y on a page."""

    block: int
    first: int
    last: int
    y: float  # device units from the top of the page's text area


def measure(block: Block, typesetter: Typesetter, width: float) -> list[float]:
    """The heights of the rows a page may break between: lines, or the whole graphic."""
    if isinstance(block, GraphicBlock):
        return [typesetter.points(block.height)]
    rows: list[float] = []
    for paragraph in block.paragraphs:
        heights = typesetter.line_heights(paragraph, width)
        heights[-1] += typesetter.points(paragraph.space_after)
        rows += heights
    return rows


def pages(
    blocks: Sequence[Block | BlockShape],
    rows: Sequence[Sequence[float]],
    page_height: float,
    unit: float,
) -> Iterator[list[Placed]]:
    """Place every block's rows on pages of page_height (device units; unit is one point),
    giving each page's placed rows once the page is full, so only one page is held at a time.
    Only the blocks' shapes count, so their shapes (BlockShape.of) will do."""
    page: list[Placed] = []
    y = top = 0.0  # top: where a page's own blocks start, below a repeated heading
    heading: int | None = None  # the repeated heading of the group being placed

    def new_page() -> float:
        """Start a page, with the group's repeated heading at its top; the height that takes."""
        page.clear()
        if heading is None:
            return 0.0
        page.append(Placed(heading, 0, len(rows[heading]) - 1, 0.0))
        return sum(rows[heading])

    for index, block in enumerate(blocks):
        if _is_repeated(block):
            heading = index
            continue
        if not getattr(block, "continues", False):
            heading = None
        heights = rows[index]
        total = sum(heights)
        needed = total + _kept_with(blocks, rows, index, page_height, unit)
        before = block.space_before * unit if y > 0 else 0.0
        if y > 0 and _starts_a_page(y + before, total, needed, page_height):
            yield list(page)
            y = top = new_page()
            before = 0.0
        y += before
        first = 0
        for row, height in enumerate(heights):  # breaks only in a block taller than a page
            if y + height > page_height and y > top:
                if row > first:
                    page.append(Placed(index, first, row - 1, y - sum(heights[first:row])))
                yield list(page)
                y = top = new_page()
                first = row
            y += height
        page.append(Placed(index, first, len(heights) - 1, y - sum(heights[first:])))
    yield page


class MeasuredBlocks:
    """Every block's shape and row heights, packed into arrays (about 9 bytes a row, where a
    list of floats per block took about a hundred bytes a block): what placing a whole document
    on pages needs, kept while the blocks themselves are made again page by page."""

    def __init__(self) -> None:
        self._kinds: list[BlockShape] = []  # the handful of distinct shapes
        self._shape = array("B")  # per block: its shape's place in _kinds
        self._start = array("Q", [0])  # per block: where its rows start in _heights; one more
        self._heights = array("d")  # every block's row heights, one block after the other
        self.shapes: Sequence[BlockShape] = _Items(self._shape_at, self._shape)
        self.rows: Sequence[Sequence[float]] = _Items(self._rows_at, self._shape)

    def add(self, block: Block, heights: list[float]) -> None:
        shape = BlockShape.of(block)
        if shape not in self._kinds:
            self._kinds.append(shape)
        self._shape.append(self._kinds.index(shape))
        self._heights.extend(heights)
        self._start.append(len(self._heights))

    def __len__(self) -> int:
        return len(self._shape)

    def _shape_at(self, index: int) -> BlockShape:
        return self._kinds[self._shape[index]]

    def _rows_at(self, index: int) -> Sequence[float]:
        return self._heights[self._start[index] : self._start[index + 1]]


class _Items(Sequence):
    """A read-only sequence as long as `sized`, whose items `item` makes when asked for."""

    def __init__(self, item: Callable[[int], object], sized: Sequence) -> None:
        self._item = item
        self._sized = sized

    def __len__(self) -> int:
        return len(self._sized)

    def __getitem__(self, index):  # type: ignore[override]
        if isinstance(index, slice):
            raise TypeError("one item at a time")
        return self._item(index + len(self) if index < 0 else index)


def _starts_a_page(y: float, total: float, needed: float, page_height: float) -> bool:
    """Whether a block (with what it keeps with) that fits on a page must move to the next one."""
    if needed <= page_height:
        return y + needed > page_height
    return total <= page_height and y + total > page_height


def _kept_with(
    blocks: Sequence[Block | BlockShape],
    rows: Sequence[Sequence[float]],
    index: int,
    page: float,
    unit: float,
) -> float:
    """How much of the next block must fit beside this one for it to stay on this page."""
    if not blocks[index].keep_with_next:
        return 0.0
    after = next((i for i in range(index + 1, len(blocks)) if not _is_repeated(blocks[i])), None)
    if after is None:
        return 0.0
    following = rows[after]
    whole = sum(following)
    return blocks[after].space_before * unit + (whole if whole <= page else following[0])


def _is_repeated(block: Block | BlockShape) -> bool:
    return getattr(block, "repeated_heading", False)


def paint_placed(
    painter: QPainter, block: Block, placed: Placed, typesetter: Typesetter, area: QRectF
) -> None:
    """Draw one block's placed rows within the page's text area."""
    top = area.top() + placed.y
    if isinstance(block, GraphicBlock):
        painter.save()
        block.paint(
            painter, QRectF(area.left(), top, area.width(), typesetter.points(block.height))
        )
        painter.restore()
        return
    row, y = 0, top
    for paragraph in block.paragraphs:
        layout = typesetter.lay_out(paragraph, area.width())
        count = layout.lineCount()
        first, last = max(placed.first, row), min(placed.last, row + count - 1)
        if first <= last:
            at = QPointF(area.left(), y)
            if paragraph.label and first == row:  # first, so text extraction reads it first
                _draw_label(painter, paragraph, typesetter, at, area.width())
            typesetter.draw_lines(painter, layout, paragraph.style, (first - row, last - row), at)
            for line in range(first - row, last - row + 1):
                y += layout.lineAt(line).height()
            if last == row + count - 1:
                y += typesetter.points(paragraph.space_after)
        row += count
        if row > placed.last:
            break
    if block.rule:
        _draw_rule(painter, block, typesetter, area.left(), top, y)


def _draw_label(
    painter: QPainter, paragraph: Paragraph, typesetter: Typesetter, at: QPointF, width: float
) -> None:
    label = Paragraph(paragraph.label or "", paragraph.style)
    layout = typesetter.lay_out(label, width)
    typesetter.draw_lines(painter, layout, label.style, (0, 0), at)


def _draw_rule(
    painter: QPainter,
    block: TextBlock,
    typesetter: Typesetter,
    left: float,
    top: float,
    bottom: float,
) -> None:
    indent = min(p.indent for p in block.paragraphs)
    x = left + typesetter.points(max(indent - 7.0, 1.0))
    space = typesetter.points(block.paragraphs[-1].space_after)
    painter.save()
    pen = QPen(QColor(block.rule))
    pen.setWidthF(typesetter.points(1.6))
    painter.setPen(pen)
    painter.drawLine(QPointF(x, top + typesetter.points(1.5)), QPointF(x, bottom - space))
    painter.restore()
