"""The event editor: everything about one event, with its citations, saved as one change.

The editor knows nothing of the store: it starts from drafts and hands the edited drafts to a
submit function, which saves them and answers with the problems found (none: it was saved).
Each problem is said beside its field; OK is refused while any remain. A field's problem is
said once the user has changed it and moved on (or after OK), and checked again on each change
from then on, so it goes as soon as the field is put right."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from timeline_app.timeline.dates import DateError, PartialDate, Precision
from timeline_app.timeline.drafts import CitationDraft, EventDraft
from timeline_app.timeline.events import DOCUMENTS, GENERAL_KNOWLEDGE, Theme
from timeline_app.timeline.importance import Importance
from timeline_app.ui.editing.citation_rows import CitationList
from timeline_app.ui.editing.fields import ProblemLabel, set_field_problem
from timeline_app.ui.editing.theme_picker import ThemePicker
from timeline_app.ui.keyboard import set_tab_order
from timeline_app.wording.drafts import draft_problems

# What submit answers: {field: problem}; a citation's fields as "citations.<row>.<field>".
Submit = Callable[[EventDraft, "EventEditor"], dict[str, str]]


def citation_key(row: int, field: str) -> str:
    return f"citations.{row}.{field}"


class EventEditor(QDialog):
    """Title, summary, date or period, importance, themes, date basis, and citations."""

    def __init__(
        self,
        *,
        draft: EventDraft,
        themes: Sequence[Theme],
        sources: QStandardItemModel,
        citations: Sequence[tuple[int, CitationDraft]],
        archived_text: Callable[[str], str | None],
        submit: Submit,
        new: bool,
        stored_statuses: dict[int, str | None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """sources: citation_rows.source_model(); stored_statuses: {citation id: the quote's
        status as the file has it}."""
        super().__init__(parent)
        self.setObjectName("eventEditor")
        self.setWindowTitle(self.tr("New Event") if new else self.tr("Edit Event"))
        self._submit = submit
        self.original = draft
        self.problem_labels: dict[str, ProblemLabel] = {}
        self._changed: set[QWidget] = set()  # fields the user has changed...
        self._touched: set[QWidget] = set()  # ...and those changed and left: checked as typed
        self._after_ok = False  # OK was pressed: every field's problems are said
        self._store_problems: dict[str, str] = {}  # what the file refused at the last OK
        self._build_fields(draft, themes)
        self.citations = CitationList(sources, archived_text, self)
        for citation_id, citation in citations:
            status = (stored_statuses or {}).get(citation_id)
            self.citations.add_row(citation_id, citation, status)
        self.citations.rows_changed.connect(self.order_tab_chain)
        self.citations.rows_changed.connect(self._watch_citations)
        self.general_problem = ProblemLabel(self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self._lay_out()
        self._watch_fields()
        self.order_tab_chain()
        self.title_field.setFocus()

    # -- building ---------------------------------------------------------------------------

    def _build_fields(self, draft: EventDraft, themes: Sequence[Theme]) -> None:
        self.title_field = QLineEdit(draft.title, self)
        self.title_field.setObjectName("titleField")
        self.summary_field = QPlainTextEdit(draft.summary, self)
        self.summary_field.setObjectName("summaryField")
        self.summary_field.setTabChangesFocus(True)
        self.summary_field.setFixedHeight(self.summary_field.fontMetrics().lineSpacing() * 4 + 12)
        self.start_field = QLineEdit(draft.start, self)
        self.start_field.setObjectName("startField")
        self.start_field.setPlaceholderText(self.tr("YYYY, YYYY-MM, YYYY-MM-DD or with THH:MM"))
        self.period_box = QCheckBox(self.tr("A &period, ending"), self)
        self.period_box.setChecked(draft.end is not None)
        self.end_field = QLineEdit(draft.end or "", self)
        self.end_field.setObjectName("endField")
        self.end_field.setAccessibleName(self.tr("End"))
        self.end_field.setEnabled(draft.end is not None)
        self.period_box.toggled.connect(self.end_field.setEnabled)
        self.start_precision = QLabel(self)
        self.end_precision = QLabel(self)
        self.start_field.textChanged.connect(self._show_precisions)
        self.end_field.textChanged.connect(self._show_precisions)
        self.period_box.toggled.connect(self._show_precisions)
        self.approximate_box = QCheckBox(self.tr("&Approximate date"), self)
        self.approximate_box.setChecked(draft.approximate)
        self.importance_box = QComboBox(self)
        self.importance_box.setObjectName("importanceBox")
        for text, value in (
            (self.tr("Not stated"), None), (self.tr("Normal"), Importance.NORMAL),
            (self.tr("Major"), Importance.MAJOR), (self.tr("Milestone"), Importance.MILESTONE),
        ):  # fmt: skip
            self.importance_box.addItem(text, value)
        self.importance_box.setCurrentIndex(self.importance_box.findData(draft.importance))
        self.theme_picker = ThemePicker(themes, draft.theme_slugs, self)
        self.basis_box = QComboBox(self)
        self.basis_box.setObjectName("basisBox")
        self.basis_box.addItem(self.tr("The cited documents"), DOCUMENTS)
        self.basis_box.addItem(self.tr("General knowledge"), GENERAL_KNOWLEDGE)
        self.basis_box.setCurrentIndex(max(self.basis_box.findData(draft.date_basis), 0))
        self._show_precisions()

    def _problem(self, name: str, field: QWidget) -> ProblemLabel:
        label = ProblemLabel(self)
        label.setObjectName(f"{name}Problem")
        label.setBuddy(field)
        self.problem_labels[name] = label
        return label

    def _lay_out(self) -> None:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)

        def add(text: str, name: str, *widgets: QWidget) -> None:
            column = QVBoxLayout()
            column.setSpacing(2)
            row = QHBoxLayout()
            for widget in widgets:
                row.addWidget(widget, 1 if widget is widgets[0] else 0)
            column.addLayout(row)
            column.addWidget(self._problem(name, widgets[0]))
            label = QLabel(text, self)
            label.setBuddy(widgets[0])
            form.addRow(label, column)

        add(self.tr("&Title:"), "title", self.title_field)
        add(self.tr("&Summary:"), "summary", self.summary_field)
        add(self.tr("&Date:"), "start", self.start_field, self.start_precision)
        add("", "end", self.period_box, self.end_field, self.end_precision)
        form.addRow("", self.approximate_box)
        add(self.tr("&Importance:"), "importance", self.importance_box)
        add(self.tr("T&hemes:"), "theme_slugs", self.theme_picker)
        self.theme_hint = QLabel(
            self.tr("Space ticks a theme; Alt+↑/↓ changes the order. The first ticked theme is "
                    "the event's main theme."), self,
        )  # fmt: skip
        self.theme_hint.setObjectName("themeHint")
        self.theme_hint.setWordWrap(True)
        # As wide as the fields: a wrapped label otherwise keeps a narrow guess of its width.
        self.theme_hint.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        form.addRow("", self.theme_hint)
        add(self.tr("Date &from:"), "date_basis", self.basis_box)
        heading = QLabel(self.tr("Citations: the sources' exact words"), self)
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)

        page = QWidget(self)
        column = QVBoxLayout(page)
        column.addLayout(form)
        column.addSpacing(6)
        column.addWidget(heading)
        column.addWidget(self.citations)
        column.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(page)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.general_problem)
        layout.addWidget(self.buttons)
        self.resize(620, 640)

    def order_tab_chain(self) -> None:
        """Tab goes down the form as it is seen, then through the citations, then the buttons."""
        set_tab_order([
            self.title_field, self.summary_field, self.start_field, self.period_box,
            self.end_field, self.approximate_box, self.importance_box, self.theme_picker,
            self.basis_box, *self.citations.focus_chain(), *self.buttons.buttons(),
        ])  # fmt: skip

    # -- checking as the user goes -------------------------------------------------------------

    def _watch_fields(self) -> None:
        typed = (
            (self.title_field, self.title_field.textChanged),
            (self.summary_field, self.summary_field.textChanged),
            (self.start_field, self.start_field.textChanged),
            (self.end_field, self.end_field.textChanged),
        )
        for field, signal in typed:
            self._watch(field, signal, typed=True)
        # Ticking "A period" is not yet a missing end: that is said once the end is left.
        self._watch(self.end_field, self.period_box.toggled, typed=True)
        self._watch(self.importance_box, self.importance_box.currentIndexChanged, typed=False)
        self._watch(self.basis_box, self.basis_box.currentIndexChanged, typed=False)
        self._watch(self.theme_picker, self.theme_picker.itemChanged, typed=False)
        self._watch(self.theme_picker, self.theme_picker.model().rowsMoved, typed=False)
        self._watch_citations()

    def _watch(self, field: QWidget, signal, *, typed: bool) -> None:
        """A typed field is checked once left after a change; a choice as soon as it is made."""
        signal.connect(lambda *_: self._field_changed(field, typed))
        if typed:
            field.installEventFilter(self)

    def _watch_citations(self) -> None:
        for row in self.citations.rows:
            if not row.property("watched"):
                row.setProperty("watched", True)
                self._watch(row.source_box, row.source_box.currentIndexChanged, typed=False)
                self._watch(row.quote_field, row.quote_field.textChanged, typed=True)

    def _field_changed(self, field: QWidget, typed: bool) -> None:
        self._changed.add(field)
        if not typed:
            self._touched.add(field)
        # What the file refused of this field at the last OK may no longer hold: check it at
        # the next OK.
        for key, widget in self.field_widgets().items():
            if widget is field:
                self._store_problems.pop(key, None)
        self.recheck()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        left = event.type() == QEvent.Type.FocusOut
        if left and watched in self._changed and watched not in self._touched:
            self._touched.add(watched)
            self.recheck()
        return False

    def recheck(self) -> None:
        """Say the problems of the fields as they are now: those the user has touched (all of
        them after OK), and those already said (so one goes as soon as it is put right)."""
        widgets = self.field_widgets()
        said = {key for key, widget in widgets.items() if self._is_said(key)}
        found = self.problems_now()
        shown = {
            key: text for key, text in found.items()
            if self._after_ok or key in said or widgets.get(key) in self._touched
        }  # fmt: skip
        self.show_problems({**self._store_problems, **shown})

    def _is_said(self, key: str) -> bool:
        if key.startswith("citations."):
            _, number, field = key.split(".")
            row = self.citations.rows[int(number)]
            label = row.source_problem if field == "source_id" else row.quote_problem
        else:
            label = self.problem_labels.get(key)
        return label is not None and not label.isHidden()

    # -- reading the fields -------------------------------------------------------------------

    def draft(self) -> EventDraft:
        """The event as the fields have it now."""
        end = self.end_field.text().strip() if self.period_box.isChecked() else None
        return EventDraft(
            title=self.title_field.text().strip(),
            summary=self.summary_field.toPlainText().strip(),
            start=self.start_field.text().strip(),
            end=end or None,
            approximate=self.approximate_box.isChecked(),
            importance=self.importance_box.currentData(),
            date_basis=self.basis_box.currentData(),
            theme_slugs=self.theme_picker.ticked(),
        )

    def _show_precisions(self) -> None:
        self.start_precision.setText(self._precision_words(self.start_field.text()))
        period = self.period_box.isChecked()
        self.end_precision.setText(self._precision_words(self.end_field.text()) if period else "")

    def _precision_words(self, text: str) -> str:
        try:
            precision = PartialDate.parse(text).precision
        except DateError:
            return ""
        return {
            Precision.YEAR: self.tr("a year"), Precision.MONTH: self.tr("a month"),
            Precision.DAY: self.tr("a day"), Precision.HOUR: self.tr("a day and hour"),
            Precision.MINUTE: self.tr("a day and time"),
        }[precision]  # fmt: skip

    # -- saving ---------------------------------------------------------------------------------

    def problems_now(self) -> dict[str, str]:
        """What is wrong with the fields as they are, before anything is written."""
        found = dict(draft_problems(self.draft()))
        if self.period_box.isChecked() and not self.end_field.text().strip():
            found["end"] = self.tr("Write when the period ends, or untick “A period”.")
        for number, row in enumerate(self.citations.rows):
            for field, message in draft_problems(row.draft()).items():
                found[citation_key(number, field)] = message
        return found

    def field_widgets(self) -> dict[str, QWidget]:
        """{problem key: its field}, in the order they are seen (the citations' last)."""
        fields: dict[str, QWidget] = {
            "title": self.title_field, "summary": self.summary_field, "start": self.start_field,
            "end": self.end_field, "importance": self.importance_box,
            "theme_slugs": self.theme_picker, "date_basis": self.basis_box,
        }  # fmt: skip
        for number, row in enumerate(self.citations.rows):
            fields[citation_key(number, "source_id")] = row.source_box
            fields[citation_key(number, "quote")] = row.quote_field
        return fields

    def show_problems(self, found: dict[str, str]) -> None:
        """Each problem beside its field; what belongs to no field above the buttons."""
        widgets = self.field_widgets()
        fields = {name: widgets[name] for name in self.problem_labels}
        for name, label in self.problem_labels.items():
            set_field_problem(label, fields[name], found.get(name))
        for number, row in enumerate(self.citations.rows):
            prefix = citation_key(number, "")
            row.show_problems(
                {key[len(prefix) :]: text for key, text in found.items() if key.startswith(prefix)}
            )
        known = set(fields) | {key for key in found if key.startswith("citations.")}
        self.general_problem.say("\n".join(text for key, text in found.items() if key not in known))

    def focus_first_problem(self, found: dict[str, str]) -> None:
        """The first field with a problem, in the order they are seen, takes the focus."""
        first = next((widget for key, widget in self.field_widgets().items() if key in found), None)
        if first is not None:
            first.setFocus()

    def save(self) -> None:
        """OK: save the event and its citations as one change, or say what stops it."""
        self._after_ok = True
        found = self.problems_now()
        if not found:
            found = self._submit(self.draft(), self)
            self._store_problems = dict(found)
        self.show_problems(found)
        if found:
            self.focus_first_problem(found)
        else:
            self.accept()
