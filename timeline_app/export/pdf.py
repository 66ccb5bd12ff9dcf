"""Writing the PDF: measure every block, place them on pages, then paint page after page.

The work runs as steps (a generator) so a window can keep painting itself and offer Cancel;
the command line simply runs every step. QPdfWriter lives on the calling (GUI) thread.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from PySide6.QtCore import QFile, QIODevice, QMarginsF, QPointF, QRectF, qVersion
from PySide6.QtGui import QPageLayout, QPageSize, QPainter, QPdfWriter

from timeline_app import APP_NAME, __version__
from timeline_app.export import blocks as pages_of
from timeline_app.export.blocks import Block, BlockShape
from timeline_app.export.content import ExportContent
from timeline_app.export.document import document_blocks
from timeline_app.export.graphic import timeline_graphic
from timeline_app.export.pdf_metadata import DocumentInfo, IncompletePdf, append_info, xmp_packet
from timeline_app.export.safe_file import ExportError, replacing
from timeline_app.export.typeset import Paragraph, TextStyle, Typesetter, print_family
from timeline_app.export.words import tr

PAGE_SIZES = {"A4": QPageSize.PageSizeId.A4, "Letter": QPageSize.PageSizeId.Letter}
MARGIN_MM = 18.0
FOOTER = TextStyle(8, colour="#666666")
FOOTER_SPACE = 16.0  # points between the text and the page numbers
MEASURE_BATCH = 250  # blocks measured between two looks at the window


@dataclass(frozen=True)
class PageSetup:
    size: str = "A4"  # a key of PAGE_SIZES
    landscape: bool = False


@dataclass(frozen=True)
class Progress:
    done: float  # 0..1
    doing: str


@dataclass(frozen=True)
class ExportResult:
    path: Path
    events: int
    timeline_events: int
    pages: int

    def summary(self) -> str:
        """ "Exported 12 of 36 events to out.pdf (3 pages)"."""
        return tr(
            "Exported {shown} of %n event(s) to {path} ({pages})",
            None,
            self.timeline_events,
            shown=self.events,
            path=self.path,
            pages=tr("%n page(s)", None, self.pages),
        )


class PdfExport:
    """One export of content to a PDF file at target, run step by step."""

    def __init__(
        self, content: ExportContent, target: Path, setup: PageSetup | None = None
    ) -> None:
        self.content = content
        self.target = Path(target)
        self.setup = setup or PageSetup()
        self.result: ExportResult | None = None
        self.info = self._info()

    def run(self) -> ExportResult:
        """Every step at once, for the command line and tests."""
        for _ in self.steps():
            pass
        assert self.result is not None
        return self.result

    def steps(self) -> Iterator[Progress]:
        """Write the PDF, yielding progress; closing the generator early cancels and cleans up."""
        with replacing(self.target) as temporary:
            device = QFile(str(temporary))
            if not device.open(QIODevice.OpenModeFlag.WriteOnly | QIODevice.OpenModeFlag.Truncate):
                raise self._cannot_write(device.errorString())
            writer = self._writer(device)
            painter = QPainter()
            if not painter.begin(writer):
                device.close()
                raise self._cannot_write(tr("the PDF writer could not start"))
            try:
                page_count = yield from self._paint(writer, painter)
            finally:
                painter.end()
                device.close()
            if device.error() != QFile.FileError.NoError:
                raise self._cannot_write(device.errorString())
            try:
                append_info(temporary, self.info)
            except IncompletePdf as error:
                raise self._cannot_write(tr("the PDF was not written to its end")) from error
        self.result = ExportResult(
            self.target, len(self.content.events), self.content.timeline_events, page_count
        )
        yield Progress(1.0, tr("Done"))

    def _writer(self, device: QFile) -> QPdfWriter:
        writer = QPdfWriter(device)
        writer.setPageSize(QPageSize(PAGE_SIZES.get(self.setup.size, QPageSize.PageSizeId.A4)))
        writer.setPageOrientation(
            QPageLayout.Orientation.Landscape
            if self.setup.landscape
            else QPageLayout.Orientation.Portrait
        )
        margins = QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM)
        writer.setPageMargins(margins, QPageLayout.Unit.Millimeter)
        writer.setTitle(self.info.title)
        writer.setCreator(self.info.creator)
        writer.setDocumentXmpMetadata(xmp_packet(self.info))
        return writer

    def _paint(self, writer: QPdfWriter, painter: QPainter) -> Iterator[Progress]:
        """Two passes over the document's blocks, each reading the events a batch at a time:
        the first measures every block and keeps only its shape and line heights (pages are
        numbered "page n of m", so all of it is placed before the first page is drawn); the
        second makes the blocks again and draws them page by page, keeping only the blocks of
        the page being drawn. What is kept of the whole document is its blocks' shapes and line
        heights, packed (MeasuredBlocks: about 9 bytes a line); pages are placed one at a time,
        once to count them and once to draw them."""
        typesetter = Typesetter(writer, print_family())
        footer_height = typesetter.points(FOOTER.size * 1.5 + FOOTER_SPACE)
        area = QRectF(0, 0, writer.width(), writer.height() - footer_height)
        graphic = timeline_graphic(self.content, typesetter, area)
        events = _Counted(self.content.events)
        content = replace(self.content, events=events)
        measured = pages_of.MeasuredBlocks()
        for index, block in enumerate(document_blocks(content, graphic)):
            measured.add(block, pages_of.measure(block, typesetter, area.width()))
            if index % MEASURE_BATCH == 0:
                done = events.seen / max(len(events), 1)
                yield Progress(0.3 * done, tr("Laying out the events…"))
        placing = (measured.shapes, measured.rows, area.height(), typesetter.unit)
        page_count = 0  # "page n of m" needs m before the first page is drawn
        for page_count, _ in enumerate(pages_of.pages(*placing), start=1):
            if page_count % MEASURE_BATCH == 0:
                yield Progress(0.3, tr("Laying out the events…"))
        blocks = _BlocksAgain(document_blocks(self.content, graphic), measured.shapes)
        for number, placed in enumerate(pages_of.pages(*placing), start=1):
            if number > 1:
                writer.newPage()
            self._paint_page(painter, blocks.up_to(placed), placed, typesetter, area)
            self._paint_footer(painter, typesetter, number, page_count, writer)
            yield Progress(
                0.3 + 0.7 * number / page_count,
                tr("Writing page {page} of {pages}…", page=number, pages=page_count),
            )
        return page_count

    @staticmethod
    def _paint_page(
        painter: QPainter, blocks: Mapping[int, Block], placed: list[pages_of.Placed],
        typesetter: Typesetter, area: QRectF,
    ) -> None:  # fmt: skip
        for item in placed:
            pages_of.paint_placed(painter, blocks[item.block], item, typesetter, area)

    def _paint_footer(
        self, painter: QPainter, typesetter: Typesetter, page: int, pages: int, writer: QPdfWriter
    ) -> None:
        width = writer.width()
        number = Paragraph(tr("page {page} of {pages}", page=page, pages=pages), FOOTER)
        number_layout = typesetter.lay_out(number, width)
        line = number_layout.lineAt(0)
        y = writer.height() - line.height()
        at = QPointF(width - line.naturalTextWidth(), y)
        typesetter.draw_lines(painter, number_layout, FOOTER, (0, 0), at)
        room = width - line.naturalTextWidth() - typesetter.points(24)
        title = Paragraph(typesetter.elided(self.content.title, FOOTER, room), FOOTER)
        title_layout = typesetter.lay_out(title, room)
        typesetter.draw_lines(painter, title_layout, FOOTER, (0, 0), QPointF(0, y))

    def _info(self) -> DocumentInfo:
        content = self.content
        wanted_names = [t.name for t in content.themes if t.slug in content.wanted.themes]
        return DocumentInfo(
            title=content.title,
            subject=content.filter_words,
            keywords=tuple(wanted_names or content.theme_names),
            creator=f"{APP_NAME} {__version__}",
            producer=f"Qt {qVersion()}",
            created=dt.datetime.now(dt.UTC),
        )

    def _cannot_write(self, reason: str) -> ExportError:
        return ExportError(
            tr(
                "Cannot write {target}: {reason}. No file was changed.",
                target=self.target,
                reason=reason,
            )
        )


class _Counted(Sequence):
    """The exported events, counting how many have been gone through (for progress)."""

    def __init__(self, events: Sequence) -> None:
        self.events = events
        self.seen = 0

    def __len__(self) -> int:
        return len(self.events)

    def __getitem__(self, index):
        return self.events[index]

    def __iter__(self) -> Iterator:
        for event in self.events:
            self.seen += 1
            yield event


class _BlocksAgain:
    """The document's blocks made a second time, in order, kept only while a page needs them:
    those from the page's first block on, and the latest heading repeated above continuations."""

    def __init__(self, blocks: Iterator[Block], shapes: Sequence[BlockShape]) -> None:
        self._source = enumerate(blocks)
        self._shapes = shapes
        self._kept: dict[int, Block] = {}
        self._read = -1  # the index of the last block made
        self._heading: int | None = None

    def up_to(self, placed: list[pages_of.Placed]) -> dict[int, Block]:
        """The blocks a page's placed items need."""
        if not placed:
            return self._kept
        last = max(item.block for item in placed)
        while self._read < last:
            self._read, block = next(self._source)
            self._kept[self._read] = block
            if self._shapes[self._read].repeated_heading:
                self._heading = self._read
        first = min(item.block for item in placed)
        for index in [i for i in self._kept if i < first and i != self._heading]:
            del self._kept[index]
        return self._kept
