"""An event's citations in its editor: a source picker and a quote, looked up in the source's
archived text on each keystroke, with where it was found (or that it was not) shown under it."""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QPalette, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QStyle,
    QStyleOptionComboBox,
    QStylePainter,
    QVBoxLayout,
    QWidget,
)

from timeline_app.timeline.drafts import CitationDraft
from timeline_app.timeline.events import Source
from timeline_app.timeline.quotes import EMPTY, NOT_FOUND, UNVERIFIABLE, VERIFIED, check_quote
from timeline_app.ui.editing.fields import ProblemLabel, set_field_problem
from timeline_app.ui.theme_chips import mark_colours
from timeline_app.wording.quotes import not_found_note
from timeline_app.wording.sources import attribution

QUOTE_LINES = 3  # the quote field's height, in lines


def source_model(sources: Sequence[Source], parent: QObject | None = None) -> QStandardItemModel:
    """The sources as a reader cites them, each with its id, for the rows' pickers to share
    (and for the window to keep between editors: a timeline may cite hundreds)."""
    model = QStandardItemModel(parent)
    for source in sources:
        item = QStandardItem(attribution(source))
        item.setData(source.id, Qt.ItemDataRole.UserRole)
        model.appendRow(item)
    return model


class SourceBox(QComboBox):
    """The source picker: a long attribution is cut with "…" where the box ends (the styles cut
    it mid-word, with no sign that there is more), and the whole of it is the tooltip."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.currentIndexChanged.connect(lambda _: self.setToolTip(self.currentText()))

    def _label_option(self) -> QStyleOptionComboBox:
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        if self.currentIndex() < 0 and self.placeholderText():
            option.palette.setBrush(QPalette.ColorRole.ButtonText, option.palette.placeholderText())
            option.currentText = self.placeholderText()
        field = self.style().subControlRect(
            QStyle.ComplexControl.CC_ComboBox, option,
            QStyle.SubControl.SC_ComboBoxEditField, self,
        )  # fmt: skip
        option.currentText = self.fontMetrics().elidedText(
            option.currentText, Qt.TextElideMode.ElideRight, max(field.width(), 0)
        )
        return option

    def shown_text(self) -> str:
        """The text as the box shows it, cut to fit."""
        return self._label_option().currentText

    def paintEvent(self, event) -> None:  # noqa: N802
        painter = QStylePainter(self)
        option = self._label_option()
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, option)
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, option)


class CitationRow(QFrame):
    """One citation: which source, which words of it, and whether the words are in it."""

    remove_requested = Signal(object)  # this row

    def __init__(
        self,
        sources: QStandardItemModel,
        archived_text: Callable[[str], str | None],
        citation_id: int | None = None,
        draft: CitationDraft | None = None,
        stored_status: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.citation_id = citation_id  # None: a citation added in this editor
        self.original = draft
        # What the file says of the quote as stored: verified may rest on an archived document
        # whose text is not in the file (the bundled timeline's), so it cannot be checked here.
        self.stored_status = stored_status
        self._archived_text = archived_text

        self.source_box = SourceBox(self)
        self.source_box.setAccessibleName(self.tr("Source"))
        self.source_box.setPlaceholderText(self.tr("Choose the source…"))
        # Long attributions are cut in the box, not allowed to widen the editor past the screen.
        self.source_box.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.source_box.setMinimumContentsLength(24)
        self.source_box.setModel(sources)  # one list of sources for every row
        self.source_problem = ProblemLabel(self)
        self.quote_field = QPlainTextEdit(self)
        self.quote_field.setObjectName("quoteField")
        self.quote_field.setAccessibleName(self.tr("Quote"))
        self.quote_field.setPlaceholderText(self.tr("The source's exact words"))
        self.quote_field.setTabChangesFocus(True)
        lines = self.quote_field.fontMetrics().lineSpacing() * QUOTE_LINES
        self.quote_field.setFixedHeight(lines + 12)
        self.quote_problem = ProblemLabel(self)
        self.check_label = QLabel(self)
        self.check_label.setObjectName("quoteCheck")
        self.check_label.setWordWrap(True)
        self.check_label.setTextFormat(Qt.TextFormat.RichText)
        self.check_label.setAccessibleName(self.tr("Where the quote was found"))
        self.remove_button = QPushButton(self.tr("Remove"), self)
        self.remove_button.setAccessibleName(self.tr("Remove this citation"))
        self.remove_button.clicked.connect(lambda: self.remove_requested.emit(self))

        layout = QGridLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setVerticalSpacing(2)
        layout.addWidget(QLabel(self.tr("Source:"), self), 0, 0)
        layout.addWidget(self.source_box, 0, 1)
        layout.addWidget(self.remove_button, 0, 2)
        layout.addWidget(self.source_problem, 1, 1, 1, 2)
        layout.addWidget(QLabel(self.tr("Quote:"), self), 2, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.quote_field, 2, 1, 1, 2)
        layout.addWidget(self.quote_problem, 3, 1, 1, 2)
        layout.addWidget(self.check_label, 4, 1, 1, 2)
        layout.setColumnStretch(1, 1)

        if draft is not None:
            self.source_box.setCurrentIndex(self.source_box.findData(draft.source_id))
            self.quote_field.setPlainText(draft.quote)
        else:
            self.source_box.setCurrentIndex(-1)
        self.source_box.currentIndexChanged.connect(self.check)
        self.quote_field.textChanged.connect(self.check)
        self.check()

    def draft(self) -> CitationDraft:
        return CitationDraft(self.source_box.currentData() or "", self.quote_field.toPlainText())

    def _verified_when_stored(self) -> bool:
        return self.stored_status == VERIFIED and not self.is_changed()

    def is_changed(self) -> bool:
        return self.original is None or self.draft() != self.original

    def focus_chain(self) -> list[QWidget]:
        return [self.source_box, self.quote_field, self.remove_button]

    def show_problems(self, problems: dict[str, str]) -> None:
        set_field_problem(self.source_problem, self.source_box, problems.get("source_id"))
        set_field_problem(self.quote_problem, self.quote_field, problems.get("quote"))

    def check(self) -> None:
        """Look the quote up in its source's archived text and say what was found."""
        source_id = self.source_box.currentData()
        if not source_id:
            self.check_label.setText("")
            self.status = None
            return
        result = check_quote(self.quote_field.toPlainText(), self._archived_text(source_id))
        self.status = result.status
        if result.status == VERIFIED:
            background, foreground = mark_colours(self.check_label.palette())
            sentence = result.sentence or ""
            end = result.start + result.length
            found = (
                html.escape(sentence[: result.start])
                + f'<span style="background-color:{background}; color:{foreground}">'
                + html.escape(sentence[result.start : end])
                + "</span>"
                + html.escape(sentence[end:])
            )
            heading = html.escape(self.tr("Found in the archived text:"))
            self.check_label.setText(f"✓ {heading}<br><i>{found}</i>")
        elif result.status == NOT_FOUND:
            self.check_label.setText(html.escape(not_found_note()))
        elif result.status == UNVERIFIABLE and self._verified_when_stored():
            self.status = VERIFIED
            self.check_label.setText(html.escape("✓ " + self.tr(
                "Verified against the archived document when it was recorded; the document's "
                "text is not in this file."
            )))  # fmt: skip
        elif result.status == UNVERIFIABLE:
            self.check_label.setText(
                html.escape(self.tr("Unverifiable: this source has no archived text."))
            )
        elif result.status == EMPTY:
            self.check_label.setText(
                html.escape(self.tr("No quote: the source is credited without its words."))
            )


class CitationList(QWidget):
    """The event's citations, in order, with a button to add another."""

    rows_changed = Signal()

    def __init__(
        self,
        sources: QStandardItemModel,
        archived_text: Callable[[str], str | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.source_model = sources
        self.archived_text = archived_text
        self.rows: list[CitationRow] = []
        self.removed: list[int] = []  # ids of stored citations removed in this editor
        self.add_button = QPushButton(self.tr("Add &Citation"), self)
        self.add_button.setAccessibleName(self.tr("Add a citation"))
        self.add_button.clicked.connect(lambda: self.add_row().source_box.setFocus())
        self.add_button.setEnabled(sources.rowCount() > 0)
        if not sources.rowCount():
            self.add_button.setToolTip(self.tr("The timeline has no sources yet"))
        self._rows_layout = QVBoxLayout()
        self._rows_layout.setContentsMargins(0, 0, 0, 0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._rows_layout)
        layout.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)

    def add_row(
        self,
        citation_id: int | None = None,
        draft: CitationDraft | None = None,
        stored_status: str | None = None,
    ) -> CitationRow:
        row = CitationRow(
            self.source_model, self.archived_text, citation_id, draft, stored_status, self
        )
        row.remove_requested.connect(self.remove_row)
        self._rows_layout.addWidget(row)
        row.show()  # now, not on the next pass of the event loop: it takes the focus next
        self.rows.append(row)
        self.rows_changed.emit()
        return row

    def remove_row(self, row: CitationRow) -> None:
        if row.citation_id is not None:
            self.removed.append(row.citation_id)
        self.rows.remove(row)
        self._rows_layout.removeWidget(row)
        row.hide()
        row.deleteLater()
        self.rows_changed.emit()
        self.add_button.setFocus()

    def focus_chain(self) -> list[QWidget]:
        return [widget for row in self.rows for widget in row.focus_chain()] + [self.add_button]
