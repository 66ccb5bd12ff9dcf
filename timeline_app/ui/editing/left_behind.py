"""Typing in the Sources or Themes window that was meant for a file no longer open (the main
window opened another one): it is saved in its own file or dropped, as the user says, and never
carried into the file open now, where the same id may be another source or theme."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from timeline_app.store.database import open_database
from timeline_app.store.errors import StoreError
from timeline_app.wording.editing import error_text

if TYPE_CHECKING:
    from timeline_app.store.database import Database
    from timeline_app.ui.editing.manager_parts import ManagerDialog


@dataclass(frozen=True)
class LeftBehind:
    path: Path  # the file it was typed for
    key: str | None  # the source id or theme slug it changes there; None: one to add
    name: str  # what the question calls it
    draft: object  # the fields as typed


# A change of the left-behind typing, built against that file: the manager's change_for.
Build = Callable[["Database", LeftBehind], object]


def ask_about_left_behind(dialog: ManagerDialog, left: LeftBehind, build: Build,
                          problem: str | None = None):  # fmt: skip
    """Save it in its file, or discard it. There is no Cancel: the other file is open already
    and the typing cannot go on there, so it goes only when the user says Discard (a Save that
    fails asks again, saying why)."""
    from timeline_app.ui.editing.manager_parts import ask_about_unsaved

    question = dialog.tr(
        "Your changes to “{name}” were typed for {file}, which is no longer open here. Save "
        "them in {file}?"
    ).format(name=left.name, file=left.path.name)  # fmt: skip
    if problem:
        question = dialog.tr("They were not saved: {problem}").format(problem=problem) + (
            "\n\n" + question
        )

    def save() -> bool:
        try:
            save_in_its_file(left, build)
        except StoreError as error:
            dialog.asking = ask_about_left_behind(dialog, left, build, error_text(error))
            return False
        dialog.window_.statusBar().showMessage(
            dialog.tr("Saved your changes to “{name}” in {file}.").format(
                name=left.name, file=left.path.name
            ),
            8000,
        )
        return True

    return ask_about_unsaved(dialog, question, save, lambda: None, lambda: None, can_cancel=False)


def save_in_its_file(left: LeftBehind, build: Build) -> None:
    """The typing saved in the file it was typed for, as one change (that file's undo history
    went with it: this change has none)."""
    db = open_database(left.path)
    try:
        change = build(db, left)
        change.apply(db)
    finally:
        db.close()
