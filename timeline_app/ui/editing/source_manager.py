"""Edit > Sources…: the documents quotes come from, with the archived text each quote is checked
against (pasted, or read from a text or HTML file); add, edit and delete them, each action one
undoable change through the window's edit session."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from timeline_app.formats.document_text import read_document_text
from timeline_app.formats.errors import FormatError
from timeline_app.store import editing, queries
from timeline_app.timeline.drafts import SourceDraft, clashing, keep_typing
from timeline_app.timeline.events import Source
from timeline_app.ui.editing.manager_parts import (
    FieldProblems,
    ManagerDialog,
    ask_about_unsaved,
    push_change,
)
from timeline_app.ui.keyboard import set_tab_order

if TYPE_CHECKING:
    from timeline_app.ui.main_window import MainWindow

# The fields of a new source, as the form gives them when nothing is typed.
_NEW_SOURCE = SourceDraft("", None, None, None, False, None, None, None)
# The field beside which a draft's field is spoken of, where it has no label of its own.
_LABEL_OF = {"published_approximate": "published"}


def _as_shown(draft: SourceDraft) -> SourceDraft:
    """The draft as the form gives it back once shown (draft()): each text without its outer
    spaces, an empty one as None. What the form was loaded with is kept this way too, so that
    a field is typed in only where the user typed."""

    def text(value: str | None) -> str | None:
        return (value or "").strip() or None

    return SourceDraft(
        title=draft.title.strip(), publisher=text(draft.publisher), author=text(draft.author),
        published=text(draft.published), published_approximate=bool(draft.published_approximate),
        url=text(draft.url), archived_text=text(draft.archived_text), note=text(draft.note),
    )  # fmt: skip


def ask_document_file(parent: QWidget) -> Path | None:
    """The text or HTML file the user picks; None when cancelled. One function so tests can
    answer it."""
    path, _ = QFileDialog.getOpenFileName(
        parent, parent.tr("Read archived text from a file"), "",
        parent.tr("Text and web pages (*.txt *.text *.md *.html *.htm *.xhtml);;All files (*)"),
    )  # fmt: skip
    return Path(path) if path else None


class SourceManager(ManagerDialog):
    """Every source of the open timeline: the list on the left, the selected one's fields on
    the right. New Source empties the fields for a source to add; Save saves the fields, adding
    the new source or changing the selected one."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.shown: list[Source] = []  # as listed, by title
        self.loaded: SourceDraft | None = None  # the fields as last shown or saved
        self.shown_row = -1  # the source the fields belong to (-1: a new one)
        # The source the fields belonged to when it was deleted under typing, and the fields
        # as loaded then: an undo that brings it back puts the form on it again.
        self.gone: tuple[str, SourceDraft] | None = None
        self.setObjectName("sourceManager")
        self.setWindowTitle(self.tr("Sources"))
        self.resize(900, 620)

        self.source_list = QListWidget(self)
        self.listing = self.source_list
        self.source_list.setAccessibleName(self.tr("Sources"))
        # Long titles end in "…" (the whole title is in the field and the tooltip).
        self.source_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.source_list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.source_list.currentRowChanged.connect(self._row_chosen)
        list_label = QLabel(self.tr("S&ources:"), self)
        list_label.setBuddy(self.source_list)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(list_label)
        left_layout.addWidget(self.source_list, 1)

        self.problems = FieldProblems()
        right = QWidget(self)
        form = QFormLayout(right)
        form.setContentsMargins(0, 0, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.title_field = self._line(form, "title", self.tr("&Title:"), self.tr("Title"))
        self.publisher_field = self._line(form, "publisher", self.tr("&Publisher:"),
                                          self.tr("Publisher"))  # fmt: skip
        self.author_field = self._line(form, "author", self.tr("A&uthor:"), self.tr("Author"))
        self.published_field = QLineEdit(right)
        self.published_field.setPlaceholderText(self.tr("YYYY, YYYY-MM or YYYY-MM-DD"))
        self.published_field.setAccessibleName(self.tr("Published"))
        self.approximate_box = QCheckBox(self.tr("Appro&ximate"), right)
        date_row = QHBoxLayout()
        date_row.addWidget(self.published_field, 1)
        date_row.addWidget(self.approximate_box)
        self._row(form, "published", self.tr("Publis&hed:"), date_row, self.published_field)
        self.url_field = self._line(form, "url", self.tr("&Web address:"),
                                    self.tr("Web address"))  # fmt: skip
        self.note_field = QPlainTextEdit(right)
        self.note_field.setAccessibleName(self.tr("Note"))
        self.note_field.setTabChangesFocus(True)
        self.note_field.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 12)
        self._row(form, "note", self.tr("Not&e:"), self.note_field, self.note_field)
        self.text_field = QPlainTextEdit(right)
        self.text_field.setAccessibleName(self.tr("Archived text"))
        self.text_field.setTabChangesFocus(True)
        self.text_field.setPlaceholderText(
            self.tr(
                "Paste the document's text here, or read it from a text or HTML file. Quotes "
                "from this source are checked against it word for word."
            )  # fmt: skip
        )
        self.text_field.textChanged.connect(self._count_text)
        self.read_button = QPushButton(self.tr("&Read from File…"), right)
        self.read_button.setAutoDefault(False)
        self.read_button.setToolTip(self.tr("Read the archived text from a text or HTML file"))
        self.read_button.clicked.connect(self.read_text_file)
        self.text_count = QLabel(right)
        text_row = QHBoxLayout()
        text_row.addWidget(self.read_button)
        text_row.addWidget(self.text_count, 1)
        text_box = QVBoxLayout()
        text_box.addWidget(self.text_field, 1)
        text_box.addLayout(text_row)
        self._row(form, "archived_text", self.tr("Archi&ved text:"), text_box, self.text_field)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([320, 580])

        self.new_button = self.button(
            self.tr("&New Source"), self.new_source,
            self.tr("Empty the fields to describe a new source; Save adds it"),
        )  # fmt: skip
        self.save_button = self.button(self.tr("&Save"), self.save, "")
        self.delete_button = self.button(
            self.tr("&Delete…"),
            self.delete_source,
            self.tr("Delete the selected source and its quotes"),
        )
        # What Save will do, in words: the form is either a new source or the selected one.
        self.save_says = QLabel(self)
        self.save_says.setWordWrap(True)
        self.save_says.setTextFormat(Qt.TextFormat.PlainText)
        actions = QHBoxLayout()
        for button in (self.new_button, self.save_button, self.delete_button):
            actions.addWidget(button)
        actions.addWidget(self.save_says, 1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        self.close_button = close.button(QDialogButtonBox.StandardButton.Close)
        self.close_button.setAutoDefault(False)

        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addLayout(actions)
        layout.addWidget(close)
        set_tab_order([self.source_list, self.title_field, self.publisher_field, self.author_field,
                       self.published_field, self.approximate_box, self.url_field, self.note_field,
                       self.text_field, self.read_button, self.new_button, self.save_button,
                       self.delete_button, self.close_button])  # fmt: skip
        self.reload()

    def _line(self, form: QFormLayout, name: str, label: str, accessible: str) -> QLineEdit:
        field = QLineEdit(form.parentWidget())
        field.setAccessibleName(accessible)
        self._row(form, name, label, field, field)
        return field

    def _row(self, form: QFormLayout, name: str, label: str, row, field: QWidget) -> None:
        parent = form.parentWidget()
        label_widget = QLabel(label, parent)
        label_widget.setBuddy(field)
        form.addRow(label_widget, row)
        form.addRow("", self.problems.add(name, field, parent))

    # -- what is shown ----------------------------------------------------------------------

    def concerns(self, change) -> bool:
        return change.sources_changed

    def listed(self) -> list[Source]:
        return sorted(queries.sources(self.window_.db), key=lambda s: s.title.casefold())

    def reload(self, select: str | None = None) -> None:
        """Read the sources again, keeping the selected one (or selecting `select`, an id).
        Typing not saved is kept (see _keep_typing), unless `select` is another source or the
        window shows another file (see follow_session)."""
        self.follow_session()
        editing_id = self.form_key() or (self.gone[0] if self.gone else None)
        typed = self.draft() if self.unsaved() and select in (None, editing_id) else None
        current = self.current_source()
        wanted = select or (current.id if current else None)
        self.shown = self.listed()
        self.source_list.blockSignals(True)
        self.source_list.clear()
        for source in self.shown:
            item = QListWidgetItem(source.title)
            item.setToolTip(source.title)
            item.setData(Qt.ItemDataRole.UserRole, source.id)
            self.source_list.addItem(item)
        self.source_list.blockSignals(False)
        if typed is not None:
            self._keep_typing(editing_id, typed)
            return
        ids = [source.id for source in self.shown]
        row = ids.index(wanted) if wanted in ids else (0 if ids else -1)
        self._highlight(row)
        self._show_current(row)

    def _keep_typing(self, source_id: str | None, typed: SourceDraft) -> None:
        """After the file changed under typing not saved (an undo, another window): the form
        stays on its source with the typing kept over what is stored now; if the source was
        deleted, the form becomes a new source holding the text, and says so, until Undo
        brings the source back (the form is on it again)."""
        ids = [source.id for source in self.shown]
        if source_id is None:  # a new source is still new
            self._highlight(-1)
            self.shown_row = -1
            return
        if source_id in ids:
            loaded = self.loaded
            if self.gone and self.gone[0] == source_id:  # brought back
                loaded, self.gone = self.gone[1], None
                self._say_what_save_does(self.shown[ids.index(source_id)])
            row = ids.index(source_id)
            self._highlight(row)
            self.shown_row = row
            stored = _as_shown(editing.source_draft(self.window_.db, source_id))
            self._fill(keep_typing(typed, loaded, stored))
            self.loaded = stored
            self._say_clashes(clashing(typed, loaded, stored))
            return
        if self.gone is None:
            self.gone = (source_id, self.loaded)
        title = self.gone[1].title or typed.title
        self._highlight(-1)
        self.shown_row = -1
        self._say_what_save_does(None)
        self.loaded = _NEW_SOURCE
        self.save_says.setText(self.tr(
            "“{title}” was deleted (by an undo or in another window). Your fields are kept: Save "
            "adds them as a new source; New Source clears them."
        ).format(title=title))  # fmt: skip

    def _say_clashes(self, names: tuple[str, ...]) -> None:
        """Beside each field whose typing was kept over another change to it in the file."""
        labels = {_LABEL_OF.get(name, name) for name in names}
        for name in labels & set(self.problems.labels):
            self.problems.labels[name].say(self.tr(
                "Changed in the file meanwhile: Save writes what you typed over it."
            ))  # fmt: skip

    def form_stale(self) -> bool:
        key = self.form_key()
        return key is not None and _as_shown(editing.source_draft(self.window_.db, key)) != (
            self.loaded
        )

    def form_key(self) -> str | None:
        source = self._form_source()
        return source.id if source else None

    def form_name(self) -> str:
        source = self._form_source()
        return source.title if source else (self.draft().title or self.tr("a new source"))

    def change_for(self, db, left):
        if left.key is None:
            return editing.add_source(db, left.draft)
        return editing.edit_source(db, left.key, left.draft)

    def select_source(self, source_id: str) -> None:
        ids = [source.id for source in self.shown]
        if source_id in ids:
            self.source_list.setCurrentRow(ids.index(source_id))

    def current_source(self) -> Source | None:
        row = self.source_list.currentRow()
        return self.shown[row] if 0 <= row < len(self.shown) else None

    def _row_chosen(self, row: int) -> None:
        if not self.unsaved():
            self._show_current(row)
            return
        # The list and the form always agree: the highlight stays on the source being edited
        # until the user says what becomes of the typed changes.
        chosen = self.shown[row].id if 0 <= row < len(self.shown) else None
        self._highlight(self.shown_row)
        self.ask_about_unsaved(lambda: self._show_source(chosen))
        # The list selects the row it moved to after telling of the move: put the selection
        # back once it has.
        QTimer.singleShot(0, lambda: self._highlight(self.shown_row))

    def _highlight(self, row: int) -> None:
        self.source_list.blockSignals(True)
        self.source_list.setCurrentRow(row)  # selects that row alone
        self.source_list.blockSignals(False)

    def _show_source(self, source_id: str | None) -> None:
        ids = [source.id for source in self.shown]
        row = ids.index(source_id) if source_id in ids else -1
        self._highlight(row)
        self._show_current(row)
        self.source_list.setFocus()

    def _show_current(self, row: int) -> None:
        self.shown_row = row
        self.gone = None
        source = self.shown[row] if 0 <= row < len(self.shown) else None
        draft = editing.source_draft(self.window_.db, source.id) if source else None
        self.show_draft(draft)
        self._say_what_save_does(source)

    def _form_source(self) -> Source | None:
        """The source the form belongs to (None: a new one), which may not be selected."""
        row = self.shown_row
        return self.shown[row] if 0 <= row < len(self.shown) else None

    def _say_what_save_does(self, source: Source | None) -> None:
        self.delete_button.setEnabled(source is not None)
        if source is None:
            self.save_button.setToolTip(self.tr("Add a new source with these fields"))
            self.save_says.setText(self.tr("A new source: Save adds it to the timeline."))
        else:
            self.save_button.setToolTip(self.tr("Save these fields to the selected source"))
            self.save_says.setText(self.tr("Save changes the selected source."))

    def show_draft(self, draft: SourceDraft | None) -> None:
        self._fill(draft or _NEW_SOURCE)
        self.problems.clear()
        self.loaded = _as_shown(draft or _NEW_SOURCE)

    def _fill(self, draft: SourceDraft) -> None:
        """Put the draft in the fields, leaving alone each that shows its value already (its
        cursor and scroll stay where the user left them)."""
        _set_line(self.title_field, draft.title)
        _set_line(self.publisher_field, draft.publisher or "")
        _set_line(self.author_field, draft.author or "")
        _set_line(self.published_field, draft.published or "")
        self.approximate_box.setChecked(bool(draft.published_approximate))
        _set_line(self.url_field, draft.url or "")
        _set_plain_text(self.note_field, draft.note or "")
        _set_plain_text(self.text_field, draft.archived_text or "")

    def unsaved(self) -> bool:
        """Whether the fields hold changes not saved to the file."""
        return self.loaded is not None and self.draft() != self.loaded

    def ask_about_unsaved(self, then) -> None:
        """Save, discard or keep editing the typed changes; then() once saved or discarded."""
        source = self._form_source()
        if source is None:
            question = self.tr("The new source is not saved. Save it?")
        else:
            question = self.tr("The changes to “{title}” are not saved. Save them?").format(
                title=source.title
            )

        def cancelled() -> None:
            self._highlight(self.shown_row)
            self.title_field.setFocus()

        ask_about_unsaved(self, question, self.save, then, cancelled)

    def _count_text(self) -> None:
        length = len(self.text_field.toPlainText().strip())
        if not length:
            self.text_count.setText(
                self.tr("No archived text stored in this timeline for this source.")
            )
        else:  # a size, not a count anyone reads closely: no plural forms needed
            self.text_count.setText(self.tr("Archived text: %s characters") % f"{length:,}")

    def draft(self) -> SourceDraft:
        return _as_shown(SourceDraft(
            title=self.title_field.text(), publisher=self.publisher_field.text(),
            author=self.author_field.text(), published=self.published_field.text(),
            published_approximate=self.approximate_box.isChecked(), url=self.url_field.text(),
            archived_text=self.text_field.toPlainText(), note=self.note_field.toPlainText(),
        ))  # fmt: skip

    # -- the actions, each one undoable change ----------------------------------------------

    def new_source(self) -> None:
        if self.unsaved():
            self.ask_about_unsaved(self._start_new_source)
            return
        self._start_new_source()

    def _start_new_source(self) -> None:
        self._highlight(-1)
        self._show_current(-1)
        self.title_field.setFocus()

    def read_text_file(self) -> None:
        path = ask_document_file(self)
        if path is None:
            return
        try:
            text = read_document_text(path)
        except FormatError as error:
            self.problems.labels["archived_text"].say(
                self.tr("“{name}” was not read: {problem}.").format(
                    name=path.name, problem=error.problem
                )
            )
            self.read_button.setFocus()
            return
        self.problems.labels["archived_text"].say(None)
        self.text_field.setPlainText(text)
        self.text_field.setFocus()

    def save(self) -> bool:
        """Save the fields: add the new source, or change the one they show. True when saved."""
        source = self._form_source()
        draft = self.checked_draft()
        if draft is None:
            return False
        db = self.window_.db
        if source is not None:
            return push_change(self.session(), lambda: editing.edit_source(db, source.id, draft),
                               self.problems)  # fmt: skip
        before = {source.id for source in self.shown}
        if not push_change(self.session(), lambda: editing.add_source(db, draft), self.problems):
            return False
        added = [source.id for source in self.listed() if source.id not in before]
        self.reload(select=added[0] if added else None)
        return True

    def delete_source(self) -> None:
        source = self.current_source()
        if source is None:
            return
        db = self.window_.db
        self.delete_after_asking(
            self.tr("Delete source"), self.tr("Delete the source “%s”?") % source.title,
            self.tr("&Delete Source"), editing.deletion_consequences(db, source_id=source.id),
            lambda: editing.delete_source(db, source.id),
        )  # fmt: skip


def _set_line(field: QLineEdit, text: str) -> None:
    if field.text() != text:
        field.setText(text)


def _set_plain_text(field: QPlainTextEdit, text: str) -> None:
    """Show the text unless the field shows it already (as saved: without its outer spaces).
    Laying out a long archived document again took longer than saving it, and lost the place
    the user was reading."""
    if field.toPlainText().strip() != text:
        field.setPlainText(text)
