"""The selected event in full: title, date, themes, summary, and every quote with its source."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, QUrl, Signal
from PySide6.QtGui import (
    QDesktopServices,
    QFont,
    QGuiApplication,
    QPainter,
    QPaintEvent,
    QPalette,
)
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from timeline_app.export.words import backing_words, date_basis_words, dependence_words
from timeline_app.timeline.events import Citation, Event, Theme
from timeline_app.ui.focus_ring import FrameRing
from timeline_app.ui.highlight import highlighted_html
from timeline_app.ui.theme_chips import chips_width, mark_colours, paint_chips
from timeline_app.wording.dates import span_label
from timeline_app.wording.quotes import status_line, status_sentence
from timeline_app.wording.sources import attribution, citation_text


class ThemeChips(QWidget):
    """A row of theme chips: colour and name together."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.themes: tuple[Theme, ...] = ()
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    def set_themes(self, themes: tuple[Theme, ...]) -> None:
        self.themes = themes
        self.setAccessibleName(self.tr("Themes: %s") % ", ".join(t.name for t in themes))
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:
        height = self.fontMetrics().height() + 6
        return QSize(int(chips_width(self.themes, self.font())) + 2, height)

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        width = chips_width(self.themes, self.font())
        paint_chips(painter, self.themes, width + 1, self.height() / 2, self.font())
        painter.end()


class QuoteBlock(QFrame):
    """One citation: the source's exact words as a block quote, its attribution, and actions."""

    source_requested = Signal(object)  # Source

    def __init__(self, citation: Citation, words: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.citation = citation
        self.setObjectName("quoteBlock")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.quote_label = _text_label(self)
        quote_font = QFont(self.font())
        quote_font.setItalic(True)
        self.quote_label.setFont(quote_font)
        _set_text(self.quote_label, f"“{citation.quote}”", words)
        self.quote_label.setAccessibleName(self.tr("Quote"))
        # An imported source may come without a quote (a link, a picture's credit): named only.
        self.quote_label.setVisible(bool(citation.quote))
        self.status_label = _status_label(citation, self)
        self.attribution_label = _text_label(self)
        dash = "— " if citation.quote else ""
        _set_text(self.attribution_label, f"{dash}{attribution(citation.source)}", [])

        source = citation.source
        self.open_button = QPushButton(self.tr("Open source"), self)
        if source.has_web_link():
            self.open_button.setToolTip(self.tr("Open %s in your web browser") % source.url)
        else:
            self.open_button.setToolTip(
                self.tr("Show this source's details and the other events that cite it")
            )
        self.open_button.setAccessibleName(self.tr("Open source: %s") % source.title)
        self.open_button.clicked.connect(self.open_source)
        self.copy_button = QPushButton(self.tr("Copy citation"), self)
        self.copy_button.setToolTip(self.tr("Copy the quote and its source to the clipboard"))
        self.copy_button.setAccessibleName(self.tr("Copy citation from %s") % source.title)
        self.copy_button.clicked.connect(self.copy_citation)

        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.copy_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 4, 4, 4)
        layout.setSpacing(4)
        layout.addWidget(self.quote_label)
        layout.addWidget(self.attribution_label)
        layout.addWidget(self.status_label)
        layout.addLayout(buttons)

    def open_source(self) -> None:
        source = self.citation.source
        if source.has_web_link():
            QDesktopServices.openUrl(QUrl(source.url))
        else:
            self.source_requested.emit(source)

    def copy_citation(self) -> None:
        QGuiApplication.clipboard().setText(citation_text(self.citation))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        bar = self.palette().color(QPalette.ColorRole.Mid)
        painter.fillRect(2, 2, 3, self.height() - 4, bar)
        painter.end()


class _Page(QWidget):
    """The pane's content. Its height follows its width (wrapped text), so it asks for no
    minimum height of its own: otherwise the scroll area would size it for the narrowest width
    and show a scroll bar over empty space."""

    def minimumSizeHint(self) -> QSize:
        return QSize(super().minimumSizeHint().width(), 0)


class DetailPane(QScrollArea):
    """Shows one event, or a hint when none is selected."""

    source_requested = Signal(object)  # Source
    edit_requested = Signal()  # the Edit button: edit the event shown

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setAccessibleName(self.tr("Event details"))
        # A ring shows that the pane has the keys (arrows and Page Up/Down scroll it); the
        # style's panel frame was too faint to see.
        self.focus_ring = FrameRing(self)
        self.shown_event: Event | None = None
        self.words: list[str] = []
        self.quote_blocks: list[QuoteBlock] = []

        page = _Page(self)
        page.setObjectName("detailPage")
        self.hint = QLabel(
            self.tr("Select an event on the timeline or in the list to read it with its sources."),
            page,
        )
        self.hint.setWordWrap(True)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)

        self.title_label = _text_label(page)
        title_font = QFont(self.font())
        title_font.setPointSizeF(self.font().pointSizeF() * 1.35)
        title_font.setWeight(QFont.Weight.Bold)
        self.title_label.setFont(title_font)
        self.title_label.setAccessibleName(self.tr("Title"))
        self.date_label = _text_label(page)
        self.date_label.setAccessibleName(self.tr("Date"))
        self.themes_row = ThemeChips(page)
        self.themes_row.setFont(self.font())
        self.edit_button = QPushButton(self.tr("Edit Event…"), page)
        self.edit_button.setObjectName("editEventButton")
        self.edit_button.setToolTip(self.tr("Change this event, its themes and its quotes"))
        self.edit_button.clicked.connect(self.edit_requested)
        self.summary_label = _text_label(page)
        self.summary_label.setAccessibleName(self.tr("Summary"))
        self.sources_heading = QLabel(self.tr("In the sources’ words"), page)
        heading_font = QFont(self.font())
        heading_font.setWeight(QFont.Weight.DemiBold)
        self.sources_heading.setFont(heading_font)
        self.corroboration_label = _text_label(page)
        self.corroboration_label.setAccessibleName(self.tr("Sources backing the event"))
        self.no_quotes = QLabel(self.tr("No source is quoted for this event."), page)
        self.no_quotes.setForegroundRole(QPalette.ColorRole.PlaceholderText)

        self.quotes_layout = QVBoxLayout()
        self.quotes_layout.setContentsMargins(0, 0, 0, 0)
        self.quotes_layout.setSpacing(10)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(16, 14, 16, 14)
        layout.setSpacing(8)
        layout.addWidget(self.hint)
        layout.addWidget(self.title_label)
        layout.addWidget(self.date_label)
        themes_and_edit = QHBoxLayout()
        themes_and_edit.addWidget(self.themes_row)
        themes_and_edit.addStretch(1)
        themes_and_edit.addWidget(self.edit_button)
        layout.addLayout(themes_and_edit)
        layout.addSpacing(4)
        layout.addWidget(self.summary_label)
        layout.addSpacing(8)
        layout.addWidget(self.sources_heading)
        layout.addWidget(self.corroboration_label)
        layout.addWidget(self.no_quotes)
        layout.addLayout(self.quotes_layout)
        layout.addStretch(1)
        self.setWidget(page)
        self.show_event(None)

    def show_event(self, event: Event | None) -> None:
        """Show this event (None: the hint)."""
        self.shown_event = event
        for block in self.quote_blocks:
            self.quotes_layout.removeWidget(block)
            block.hide()
            block.deleteLater()
        self.quote_blocks = []
        has_event = event is not None
        self.hint.setVisible(not has_event)
        for widget in (self.title_label, self.date_label, self.themes_row, self.summary_label,
                       self.sources_heading, self.edit_button):  # fmt: skip
            widget.setVisible(has_event)
        self.no_quotes.setVisible(has_event and not event.citations)
        self.corroboration_label.setVisible(has_event and bool(event.citations))
        if event is None:
            return
        _set_text(self.title_label, event.title, self.words)
        date = f"{span_label(event.when)} · {date_basis_words(event.date_basis)}"
        _set_text(self.date_label, date, [])
        _set_text(self.corroboration_label, self.backing(event), [])
        self.themes_row.set_themes(event.themes)
        _set_text(self.summary_label, event.summary, self.words)
        for citation in event.citations:
            block = QuoteBlock(citation, self.words, self.widget())
            block.source_requested.connect(self.source_requested)
            self.quotes_layout.addWidget(block)
            self.quote_blocks.append(block)
        self.verticalScrollBar().setValue(0)

    def focus_chain(self) -> list[QWidget]:
        """The Edit button, then the buttons of every quote, in the order they are seen."""
        return [self.edit_button] + [button for block in self.quote_blocks
                for button in (block.open_button, block.copy_button)]  # fmt: skip

    def backing(self, event: Event) -> str:
        """How many independent sources back the event, and why any cited one does not count."""
        sentences = [
            self.tr("Backed by %s.") % backing_words(event.independent_sources, event.cited_sources)
        ]
        for source, dependence, other in event.dependences():
            words = dependence_words(dependence.kind, f"“{source.title}”", f"“{other.title}”")
            sentences.append(words + ".")
        return " ".join(sentences)

    def set_highlight(self, words: list[str]) -> None:
        if list(words) == self.words:
            return  # a filter change without new search words: the event shows as it is
        self.words = list(words)
        self.show_event(self.shown_event)


def _status_label(citation: Citation, parent: QWidget) -> QLabel:
    """Whether the quote was found in its source's archived text: a symbol, a word and why,
    and a sentence without the symbol for screen readers. Hidden for a source
    credited without a quote, and for a quote never checked (not read from a store)."""
    label = QLabel(parent)
    label.setObjectName("quoteStatus")
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    status = citation.status if citation.quote else None
    label.setVisible(status is not None)
    if status is not None:
        label.setText(status_line(status))
        label.setToolTip(status_sentence(status))
        label.setAccessibleName(status_sentence(status))
        label.setProperty("quoteStatus", status)  # for style sheets and tests, not for reading
    return label


def _text_label(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setOpenExternalLinks(False)
    label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
    return label


def _set_text(label: QLabel, text: str, words: list[str]) -> None:
    """Data from the database is shown as plain text; marks are added to escaped text only."""
    if words:
        background, foreground = mark_colours(label.palette())
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setText(highlighted_html(text, words, background, foreground))
    else:
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setText(text)
