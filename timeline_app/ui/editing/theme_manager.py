"""Edit > Themes…: the themes in order; add, rename, recolour, reorder and delete them, each
action one undoable change through the window's edit session."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QColorDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from timeline_app.store import editing, queries
from timeline_app.timeline.drafts import ThemeDraft, clashing, keep_typing
from timeline_app.timeline.events import Theme
from timeline_app.ui.editing.manager_parts import (
    FieldProblems,
    ManagerDialog,
    ask_about_unsaved,
    push_change,
)
from timeline_app.ui.keyboard import set_tab_order
from timeline_app.ui.theme_chips import swatch_icon

if TYPE_CHECKING:
    from timeline_app.ui.main_window import MainWindow

NEW_THEME_COLOUR = "#0072B2"
_NEW_THEME = ThemeDraft("", NEW_THEME_COLOUR)  # the fields of a theme to add, as they start


def _as_shown(draft: ThemeDraft) -> ThemeDraft:
    """The draft as the form gives it back once shown (draft()): without outer spaces. What the
    form was loaded with is kept this way too, so a field is typed in only where it was."""
    return ThemeDraft(draft.name.strip(), draft.colour.strip())


def ask_colour(parent: QWidget, colour: str) -> str | None:
    """The colour chosen in Qt's colour dialog, "#rrggbb"; None when cancelled. One function so
    tests can answer it."""
    chosen = QColorDialog.getColor(QColor(colour), parent, parent.tr("Theme colour"))
    return chosen.name() if chosen.isValid() else None


class ThemeManager(ManagerDialog):
    """The themes of the open timeline, in the order the filter panel and the legend list them."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.shown: list[Theme] = []  # as listed, in order
        self.loaded: ThemeDraft | None = None  # the fields as last shown or saved
        self.shown_row = -1  # the theme the fields belong to (-1: a new one)
        # The theme the fields belonged to when it was deleted under typing, and the fields as
        # loaded then: an undo that brings it back puts the form on it again.
        self.gone: tuple[str, ThemeDraft] | None = None
        self.setObjectName("themeManager")
        self.setWindowTitle(self.tr("Themes"))
        self.resize(560, 420)

        self.theme_list = QListWidget(self)
        self.listing = self.theme_list
        self.theme_list.setAccessibleName(self.tr("Themes, in order"))
        self.theme_list.currentRowChanged.connect(self._row_chosen)
        list_label = QLabel(self.tr("&Themes:"), self)
        list_label.setBuddy(self.theme_list)

        self.name_field = QLineEdit(self)
        self.name_field.setAccessibleName(self.tr("Name"))
        self.colour_field = QLineEdit(self)
        self.colour_field.setAccessibleName(self.tr("Colour, as #RRGGBB"))
        self.colour_field.setPlaceholderText("#RRGGBB")
        self.colour_field.setMaxLength(7)
        self.colour_field.textChanged.connect(self._show_swatch)
        self.swatch = QLabel(self)
        self.swatch.setAccessibleName(self.tr("Colour sample"))
        self.swatch.setFixedWidth(20)
        self.choose_button = QPushButton(self.tr("C&hoose…"), self)
        self.choose_button.setAutoDefault(False)
        self.choose_button.setToolTip(self.tr("Choose the colour in a colour picker"))
        self.choose_button.clicked.connect(self.choose_colour)
        self.problems = FieldProblems()
        name_problem = self.problems.add("name", self.name_field, self)
        colour_problem = self.problems.add("colour", self.colour_field, self)

        # Said when the theme being edited is deleted under typing not saved.
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        self.note.hide()

        colour_row = QHBoxLayout()
        colour_row.addWidget(self.swatch)
        colour_row.addWidget(self.colour_field, 1)
        colour_row.addWidget(self.choose_button)
        form = QFormLayout()
        form.addRow(self.tr("&Name:"), self.name_field)
        form.addRow("", name_problem)
        form.addRow(self.tr("&Colour:"), colour_row)
        form.addRow("", colour_problem)
        for row, field in ((0, self.name_field), (2, self.colour_field)):
            label = form.itemAt(row, QFormLayout.ItemRole.LabelRole).widget()
            label.setBuddy(field)

        self.add_button = self.button(
            self.tr("&Add"), self.add_theme, self.tr("Add a theme with this name and colour")
        )
        self.save_button = self.button(
            self.tr("&Save"), self.save_theme, self.tr("Rename and recolour the selected theme")
        )
        self.up_button = self.button(
            self.tr("Move &Up"),
            lambda: self.move_theme(-1),
            self.tr("List the selected theme one place earlier"),
        )
        self.down_button = self.button(
            self.tr("Move Do&wn"),
            lambda: self.move_theme(1),
            self.tr("List the selected theme one place later"),
        )
        self.delete_button = self.button(
            self.tr("&Delete…"),
            self.delete_theme,
            self.tr("Delete the selected theme; its events stay"),
        )
        actions = QHBoxLayout()
        for button in (self.add_button, self.save_button, self.up_button, self.down_button,
                       self.delete_button):  # fmt: skip
            actions.addWidget(button)
        actions.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        self.close_button = close.button(QDialogButtonBox.StandardButton.Close)
        self.close_button.setAutoDefault(False)  # Enter in a field does not close the manager

        layout = QVBoxLayout(self)
        layout.addWidget(list_label)
        layout.addWidget(self.theme_list, 1)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addLayout(actions)
        layout.addWidget(close)
        set_tab_order([self.theme_list, self.name_field, self.colour_field, self.choose_button,
                       self.add_button, self.save_button, self.up_button, self.down_button,
                       self.delete_button, self.close_button])  # fmt: skip
        self.reload()

    # -- what is shown ----------------------------------------------------------------------

    def concerns(self, change) -> bool:
        return change.themes_changed

    def listed(self) -> list[Theme]:
        return queries.themes(self.window_.db)

    def reload(self, select: str | None = None) -> None:
        """Read the themes again, keeping the selected one (or selecting `select`, a slug).
        Typing not saved is kept (see _keep_typing), unless `select` is another theme or the
        window shows another file (see follow_session)."""
        self.follow_session()
        form_slug = self.form_key() or (self.gone[0] if self.gone else None)
        typed = self.draft() if self.unsaved() and select in (None, form_slug) else None
        current = self.current_theme()
        wanted = select or (current.slug if current else None)
        self.shown = self.listed()
        self.theme_list.blockSignals(True)
        self.theme_list.clear()
        for theme in self.shown:
            item = QListWidgetItem(swatch_icon(theme.colour), theme.name)
            item.setData(Qt.ItemDataRole.UserRole, theme.slug)
            item.setData(Qt.ItemDataRole.AccessibleDescriptionRole, theme.colour)
            self.theme_list.addItem(item)
        self.theme_list.blockSignals(False)
        if typed is not None:
            self._keep_typing(form_slug, typed)
            return
        slugs = [theme.slug for theme in self.shown]
        row = slugs.index(wanted) if wanted in slugs else (0 if slugs else -1)
        self._highlight(row)
        self._show_current(row)

    def _keep_typing(self, slug: str | None, typed: ThemeDraft) -> None:
        """After the file changed under typing not saved (an undo, another window): the form
        stays on its theme, the typing kept over what is stored now; if the theme was deleted,
        the fields stay for Add, and the window says so until Undo brings the theme back (the
        form is on it again)."""
        slugs = [theme.slug for theme in self.shown]
        if slug is None:  # a new theme is still new
            self._to_row(-1)
            return
        if slug in slugs:
            loaded = self.loaded
            if self.gone and self.gone[0] == slug:  # brought back
                loaded, self.gone = self.gone[1], None
            row = slugs.index(slug)
            self._to_row(row)
            stored = _as_shown(ThemeDraft(self.shown[row].name, self.shown[row].colour))
            self._fill(keep_typing(typed, loaded, stored))
            self.loaded = stored
            for name in clashing(typed, loaded, stored):
                self.problems.labels[name].say(self.tr(
                    "Changed in the file meanwhile: Save writes what you typed over it."
                ))  # fmt: skip
            return
        if self.gone is None:
            self.gone = (slug, self.loaded)
        self._to_row(-1)
        self.loaded = _NEW_THEME
        self.note.setText(self.tr(
            "“{name}” was deleted (by an undo or in another window). Your name and colour are "
            "kept: Add adds them as a new theme."
        ).format(name=self.gone[1].name))  # fmt: skip
        self.note.show()

    def _to_row(self, row: int) -> None:
        """The form belongs to this row's theme now (-1: a new one), its typing left alone."""
        self._highlight(row)
        self.shown_row = row
        self._enable_for(row)

    def current_theme(self) -> Theme | None:
        row = self.theme_list.currentRow()
        return self.shown[row] if 0 <= row < len(self.shown) else None

    def _form_theme(self) -> Theme | None:
        """The theme the form belongs to (None: a new one)."""
        row = self.shown_row
        return self.shown[row] if 0 <= row < len(self.shown) else None

    def form_key(self) -> str | None:
        theme = self._form_theme()
        return theme.slug if theme else None

    def form_name(self) -> str:
        theme = self._form_theme()
        return theme.name if theme else (self.draft().name or self.tr("a new theme"))

    def change_for(self, db, left):
        if left.key is None:
            return editing.add_theme(db, left.draft)
        return editing.edit_theme(db, left.key, left.draft)

    def _row_chosen(self, row: int) -> None:
        if not self.unsaved():
            self._show_current(row)
            return
        # As in the Sources window: the highlight stays on the theme being edited until the
        # user says what becomes of the typed changes.
        chosen = self.shown[row].slug if 0 <= row < len(self.shown) else None
        self._highlight(self.shown_row)
        self.ask_about_unsaved(lambda: self._show_theme(chosen))
        QTimer.singleShot(0, lambda: self._highlight(self.shown_row))

    def ask_about_unsaved(self, then) -> None:
        """Save, discard or keep editing the typed name and colour; then() once saved or
        discarded."""
        theme = self._form_theme()
        if theme is None:
            question = self.tr("The new theme is not added. Add it?")
        else:
            question = self.tr("The changes to “{name}” are not saved. Save them?").format(
                name=theme.name
            )

        def cancelled() -> None:
            self._highlight(self.shown_row)
            self.name_field.setFocus()

        save = self.save_theme if theme is not None else self.add_theme
        ask_about_unsaved(self, question, save, then, cancelled)

    def _highlight(self, row: int) -> None:
        self.theme_list.blockSignals(True)
        self.theme_list.setCurrentRow(row)
        self.theme_list.blockSignals(False)

    def _show_theme(self, slug: str | None) -> None:
        slugs = [theme.slug for theme in self.shown]
        row = slugs.index(slug) if slug in slugs else -1
        self._highlight(row)
        self._show_current(row)
        self.theme_list.setFocus()

    def _show_current(self, row: int) -> None:
        self.shown_row = row
        self.gone = None
        theme = self.shown[row] if 0 <= row < len(self.shown) else None
        draft = ThemeDraft(theme.name, theme.colour) if theme else _NEW_THEME
        self._fill(draft)
        self.loaded = _as_shown(draft)
        self.problems.clear()
        self._enable_for(row)

    def _fill(self, draft: ThemeDraft) -> None:
        """The draft in the fields, leaving alone a field that shows it already (its cursor
        stays where the user left it)."""
        for field, text in ((self.name_field, draft.name), (self.colour_field, draft.colour)):
            if field.text() != text:
                field.setText(text)

    def _enable_for(self, row: int) -> None:
        theme = self.shown[row] if 0 <= row < len(self.shown) else None
        self.note.hide()
        for button in (self.save_button, self.delete_button):
            button.setEnabled(theme is not None)
        # Return in a field saves the selected theme, or adds one when none is selected (never
        # Choose…, whose picker would open on top).
        self.save_button.setDefault(theme is not None)
        self.add_button.setDefault(theme is None)
        self.up_button.setEnabled(theme is not None and row > 0)
        self.down_button.setEnabled(theme is not None and row < len(self.shown) - 1)

    def unsaved(self) -> bool:
        """Whether the fields hold a name or colour not saved to the file."""
        return self.loaded is not None and self.draft() != self.loaded

    def _show_swatch(self, text: str) -> None:
        colour = QColor(text.strip())
        self.swatch.setPixmap(swatch_icon(text.strip()).pixmap(16, 16) if colour.isValid() else
                              swatch_icon("#00000000").pixmap(16, 16))  # fmt: skip

    def draft(self) -> ThemeDraft:
        return _as_shown(ThemeDraft(self.name_field.text(), self.colour_field.text()))

    # -- the actions, each one undoable change ----------------------------------------------

    def choose_colour(self) -> None:
        chosen = ask_colour(self, self.colour_field.text().strip() or NEW_THEME_COLOUR)
        if chosen is not None:
            self.colour_field.setText(chosen)
            self.colour_field.setFocus()

    def add_theme(self) -> bool:
        """Add a theme with the fields; True when added."""
        draft = self.checked_draft()
        if draft is None:
            return False
        db = self.window_.db
        before = {theme.slug for theme in self.shown}
        if not push_change(self.session(), lambda: editing.add_theme(db, draft), self.problems):
            return False
        added = [theme.slug for theme in self.listed() if theme.slug not in before]
        self.reload(select=added[0] if added else None)
        return True

    def save_theme(self) -> bool:
        """Save the fields to the theme they show; True when saved."""
        theme = self._form_theme()
        draft = self.checked_draft()
        if theme is None or draft is None:
            return False
        db = self.window_.db
        return push_change(self.session(), lambda: editing.edit_theme(db, theme.slug, draft),
                           self.problems)  # fmt: skip

    def move_theme(self, step: int) -> None:
        theme = self.current_theme()
        if theme is None:
            return
        db, position = self.window_.db, self.theme_list.currentRow() + step
        if push_change(self.session(), lambda: editing.move_theme(db, theme.slug, position),
                       self.problems):  # fmt: skip
            self.reload(select=theme.slug)
            (self.up_button if step < 0 else self.down_button).setFocus()

    def delete_theme(self) -> None:
        theme = self.current_theme()
        if theme is None:
            return
        db = self.window_.db
        self.delete_after_asking(
            self.tr("Delete theme"), self.tr("Delete the theme “%s”?") % theme.name,
            self.tr("&Delete Theme"), editing.deletion_consequences(db, theme_slug=theme.slug),
            lambda: editing.delete_theme(db, theme.slug),
        )  # fmt: skip
