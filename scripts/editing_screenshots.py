"""Render the editing in pictures: the window with an event selected and its Edit button, the
event editor on it with a quote checked against an archived text, a new event refused (an end
before its start), and the undo history after a few changes.

    xvfb-run -a -s "-screen 0 1280x720x24" .venv/bin/python scripts/editing_screenshots.py --out DIR

It works on a temporary copy of the bundled timeline, with temporary settings.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SELECTED_EVENT = "karabakh-war-2020"
ARCHIVED = (
    "Fighting resumed along the line of contact on 27 September 2020. The war lasted 44 days "
    "and ended with a ceasefire statement signed on 9 November 2020. Thousands were killed."
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO / "screenshots" / "out", metavar="DIR")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="timeline-editing-shots-") as scratch:
        os.environ["TIMELINE_APP_DATA_DIR"] = str(Path(scratch) / "data")
        os.environ["TIMELINE_APP_CONFIG_DIR"] = str(Path(scratch) / "config")
        database = Path(scratch) / "timeline.tldb"
        shutil.copyfile(REPO / "data.db", database)
        for path in render(database, args.out):
            print(path)
    return 0


def render(database: Path, out: Path) -> list[Path]:
    from PySide6.QtWidgets import QApplication

    from timeline_app.store import editing, queries
    from timeline_app.store.database import open_database
    from timeline_app.timeline.drafts import SourceDraft
    from timeline_app.timeline.filter import TimelineFilter
    from timeline_app.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    out.mkdir(parents=True, exist_ok=True)
    db = open_database(database)
    window = MainWindow(db)
    window.resize(1280, 690)
    window.show()
    written: list[Path] = []

    def settle() -> None:
        for _ in range(5):
            app.processEvents()

    def shoot(widget, name: str) -> None:
        settle()
        path = out / f"{name}.png"
        widget.grab().save(str(path))
        written.append(path)

    session = window.edit_session
    session.build_and_push(lambda: editing.add_source(db, SourceDraft(
        "Ceasefire report", "Example Press", None, "2020-11-10", False, None, ARCHIVED, None,
    )))  # fmt: skip
    keys = {event.key: event.id for event in queries.filtered_events(db, TimelineFilter())}
    window.select_event(keys[SELECTED_EVENT])
    shoot(window, "editing-window-selected")

    window.edit_actions.edit_selected()
    editor = window.edit_actions.editor
    editor.citations.add_button.click()
    row = editor.citations.rows[-1]
    row.source_box.setCurrentIndex(row.source_box.findText("“Ceasefire report”", _starts()))
    row.quote_field.setPlainText("ended with a ceasefire statement")
    settle()
    editor.citations.parentWidget().parentWidget().parentWidget().ensureWidgetVisible(row)
    shoot(editor, "editing-event-editor-quote-found")
    row.quote_field.setPlainText("ended with a peace treaty")
    shoot(editor, "editing-event-editor-quote-not-found")
    editor.reject()

    window.edit_actions.new_event()
    editor = window.edit_actions.editor
    editor.title_field.setText("Talks resume")
    editor.start_field.setText("2021-05-03")
    editor.period_box.setChecked(True)
    editor.end_field.setText("2021-04")
    editor.save()
    shoot(editor, "editing-new-event-refused")
    editor.end_field.setText("2021-06")
    editor.save()
    window.edit_actions.history_action.trigger()
    shoot(window, "editing-window-after-add-with-history")

    window.hide()
    window.deleteLater()
    settle()
    db.close()
    return written


def _starts():
    from PySide6.QtCore import Qt

    return Qt.MatchFlag.MatchStartsWith


if __name__ == "__main__":
    raise SystemExit(main())
