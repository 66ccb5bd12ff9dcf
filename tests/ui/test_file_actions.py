"""The File menu driven as a user would, with the file dialogs answered by the test."""

import os
import shutil
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from tests.formats.conftest import FIXTURES
from timeline_app import paths
from timeline_app.formats import registry
from timeline_app.formats.errors import FormatError, ImportCancelled
from timeline_app.store import queries
from timeline_app.timeline.document import TimelineInfo
from timeline_app.ui import file_actions, import_dialog
from timeline_app.ui.file_actions import open_first_timeline, recent_files
from timeline_app.ui.import_dialog import ColumnMappingDialog, ImportProgress, run_import


def test_new_makes_an_empty_timeline_file_and_opens_it(window, answers, tmp_path):
    answers["save"].append(tmp_path / "diary")
    window.file_actions.new_action.trigger()
    assert window.db.path == tmp_path / "diary.tldb" and window.db.path.is_file()
    assert queries.total_events(window.db) == 0
    assert queries.timeline_title(window.db) == "diary"
    assert window.windowTitle() == "diary — diary.tldb"
    assert recent_files()[0] == str((tmp_path / "diary.tldb").resolve())


def test_new_never_replaces_a_file(window, answers, tmp_path):
    existing = tmp_path / "mine.tldb"
    existing.write_bytes(b"mine")
    before = window.db.path
    answers["save"].append(existing)
    window.file_actions.new_action.trigger()
    assert existing.read_bytes() == b"mine" and window.db.path == before
    assert "already exists" in window._dialog.text()


def test_open_switches_file_and_remembers_it_in_open_recent(window, answers, small_db_path):
    first = window.db.path
    answers["open"].append(small_db_path)
    window.open_action.trigger()
    assert window.db.path == small_db_path
    assert window.windowTitle() == "Small <timeline> — small.db"
    assert recent_files() == [str(small_db_path.resolve()), str(first.resolve())]
    menu = window.file_actions.recent_menu
    menu.aboutToShow.emit()
    names = [a.text() for a in menu.actions()]
    assert names[0] == "small.db" and len(names) == 2


def test_import_of_a_timelinejs_sheet_opens_the_new_file(window, answers, tmp_path):
    answers["open"].append(FIXTURES / "mill-valley.csv")
    answers["save"].append(tmp_path / "mill.tldb")
    window.file_actions.import_action.trigger()
    assert window.db.path == tmp_path / "mill.tldb"
    assert queries.total_events(window.db) == 4 and window.total == 4
    assert "Imported 4 events" in window.statusBar().currentMessage()


def test_import_of_a_plain_csv_asks_for_the_columns(window, answers, tmp_path, monkeypatch):
    asked = []

    def mapping(parent, source):
        asked.append(source.name)
        return {"title": "What", "start": "When", "themes": "Tags"}

    monkeypatch.setattr(file_actions, "ask_column_mapping", mapping)
    answers["open"].append(FIXTURES / "expenses.csv")
    answers["save"].append(tmp_path / "spend.tldb")
    window.file_actions.import_action.trigger()
    assert asked == ["expenses.csv"] and window.db.path == tmp_path / "spend.tldb"
    assert [t.name for t in window.themes] == ["house", "money"]


def test_bad_input_is_told_and_creates_nothing(window, answers, tmp_path):
    broken = tmp_path / "broken.json"
    broken.write_text('{"events": [', encoding="utf-8")
    answers["open"].append(broken)
    answers["save"].append(tmp_path / "new.tldb")
    before = window.db.path
    window.file_actions.import_action.trigger()
    assert window.db.path == before
    assert "broken.json: line 1, column 13: is not valid JSON" in window._dialog.text()
    assert sorted(os.listdir(tmp_path)) == ["broken.json", "timeline.db"]


def test_cancelling_the_progress_dialog_leaves_nothing_behind(
    window, answers, tmp_path, monkeypatch
):
    big = tmp_path / "big.csv"
    rows = "".join(f"{1900 + i % 100},,,,,,,,,Row {i},,,,,,,,\n" for i in range(5000))
    big.write_text("Year,Month,Day,Time,End Year,End Month,End Day,End Time,Display Date,"
                   "Headline,Text,Media,Media Credit,Media Caption,Media Thumbnail,Type,Group,"
                   "Background\n" + rows, encoding="utf-8")  # fmt: skip

    shown = threading.Event()

    class CancelAtOnce(ImportProgress):
        def __init__(self, *arguments):
            super().__init__(*arguments)
            self.watch = QTimer(self.dialog)
            self.watch.timeout.connect(self.cancel_once_shown)
            self.watch.start(5)

        def cancel_once_shown(self):
            if self.dialog.value() > 0:  # at the first report
                self.watch.stop()
                self.dialog.canceled.emit()  # as the Cancel button does
                shown.set()

    def reader(*arguments):  # the import waits, after its first report, for Cancel to be hit
        read = real_reader(*arguments)

        def reading(progress):
            def reported(done, total):
                progress(done, total)
                shown.wait(10)

            return read(reported)

        return reading

    real_reader = registry.reader
    monkeypatch.setattr(registry, "reader", reader)
    monkeypatch.setattr(import_dialog, "ImportProgress", CancelAtOnce)  # File ▸ Import loads it
    answers["open"].append(big)
    answers["save"].append(tmp_path / "big.tldb")
    before = window.db.path
    window.file_actions.import_action.trigger()
    assert window.db.path == before and not (tmp_path / "big.tldb").exists()
    assert sorted(os.listdir(tmp_path)) == ["big.csv", "timeline.db"]
    assert "cancelled" in window.statusBar().currentMessage()


def test_while_an_import_runs_no_file_action_can_start(window, answers, tmp_path, monkeypatch):
    asked, seen = [], []
    monkeypatch.setattr(
        file_actions, "ask_open_path", lambda *a: asked.append(1) or answers["open"].pop(0)
    )
    actions = window.file_actions
    held = [
        actions.new_action,
        window.open_action,
        actions.recent_menu.menuAction(),
        actions.import_action,
        actions.copy_action,
        actions.close_action,
        window.quit_action,
    ]
    enabled_before = [action.isEnabled() for action in held]

    def look_and_try():
        dialog = QApplication.activeModalWidget()
        seen.append((dialog is not None and dialog.isVisible(), [a.isEnabled() for a in held]))
        for action in held[:2] + held[3:5]:  # New, Open, Import, Save a Copy
            action.trigger()

    def reader(*arguments):
        read = real_reader(*arguments)

        def reading(progress):  # a reader slow to its first report (a large JSON file)
            threading.Event().wait(0.4)
            yield from read(progress)

        return reading

    real_reader = registry.reader
    monkeypatch.setattr(registry, "reader", reader)
    watch = QTimer(window)
    watch.timeout.connect(look_and_try)
    watch.start(20)
    answers["open"].append(FIXTURES / "mill-valley.csv")
    answers["save"].append(tmp_path / "m.tldb")
    try:
        actions.import_action.trigger()
    finally:
        watch.stop()
    assert len(seen) >= 5
    assert all(seen_modal and not any(states) for seen_modal, states in seen)
    assert asked == [1]  # only the import's own question; nothing else started
    assert window.db.path == tmp_path / "m.tldb"
    assert [action.isEnabled() for action in held] == enabled_before


def test_an_import_runs_off_the_window_thread_which_goes_on_handling_events(
    qtbot, window, tmp_path
):
    readers, ticks = set(), []
    timer = QTimer(window)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(1)

    def read(progress):
        readers.add(threading.current_thread())
        for n in range(200):
            progress(n, 200)
            threading.Event().wait(0.002)  # the import's own work, while the window waits
        yield TimelineInfo("Slow")

    progress = ImportProgress("slow.csv", window)
    try:
        assert run_import(read, tmp_path / "slow.tldb", progress) == 0
        assert progress.dialog.value() > 0  # the reports reached the dialog
    finally:
        progress.close()
        timer.stop()
    assert threading.current_thread() not in readers and len(readers) == 1
    assert len(ticks) > 10  # the window's event loop ran while the import did
    assert (tmp_path / "slow.tldb").is_file()


def test_cancel_pressed_once_the_reading_ended_still_cancels(qtbot, window, tmp_path):
    read_all, pressed = threading.Event(), threading.Event()

    def read(progress):
        yield TimelineInfo("Read")
        yield from registry.reader(FIXTURES / "mill-valley.csv")(progress)
        read_all.set()  # the steps after the reading are still to come
        pressed.wait(10)

    progress = ImportProgress("mill-valley.csv", window)

    def press_cancel_after_the_reading():
        if read_all.is_set() and not pressed.is_set():
            progress.dialog.canceled.emit()  # as the Cancel button does
            pressed.set()

    watch = QTimer(window)
    watch.timeout.connect(press_cancel_after_the_reading)
    watch.start(5)
    try:
        with pytest.raises(ImportCancelled):
            run_import(read, tmp_path / "late.tldb", progress)
    finally:
        watch.stop()
        progress.close()
    assert pressed.is_set()
    assert sorted(os.listdir(tmp_path)) == ["timeline.db"]


def test_an_import_error_reaches_the_window_and_leaves_nothing_behind(qtbot, window, tmp_path):
    def read(progress):
        yield TimelineInfo("Broken")
        raise FormatError(tmp_path / "x.csv", "is broken", "line 2", "Year")

    progress = ImportProgress("x.csv", window)
    try:
        with pytest.raises(FormatError, match="line 2"):
            run_import(read, tmp_path / "x.tldb", progress)
    finally:
        progress.close()
    assert sorted(os.listdir(tmp_path)) == ["timeline.db"]


def test_save_a_copy_writes_the_whole_timeline_and_opens_the_copy(window, answers, tmp_path):
    total = window.total
    answers["save"].append(tmp_path / "copy")
    window.file_actions.copy_action.trigger()
    assert window.db.path == tmp_path / "copy.tldb"
    assert queries.total_events(window.db) == total > 0


@pytest.mark.parametrize(
    ("format_name", "name", "first"),
    [("csv", "out.csv", "Year,Month,Day"), ("timelinejs", "out", '{\n  "events"'),
     ("json", "all.json", '{\n  "format": "timeline-app"')],
)  # fmt: skip
def test_export_writes_what_the_filter_shows(window, answers, tmp_path, format_name, name, first):
    window.filter_panel.set_filter(window.current_filter().__class__(search="oil"))
    shown = len(queries.event_ids(window.db, window.current_filter()))
    answers["save"].append(tmp_path / name)
    window.file_actions.export_actions[format_name].trigger()
    written = next(p for p in tmp_path.iterdir() if p.name.startswith(Path(name).stem))
    assert written.read_text(encoding="utf-8").startswith(first)
    assert f"Exported {shown} events" in window.statusBar().currentMessage()


def test_close_goes_back_to_the_bundled_timeline_read_only(window):
    window.file_actions.close_action.trigger()
    assert window.db.read_only and window.db.path == paths.bundled_database()
    assert window.windowTitle().endswith("bundled timeline (read-only)")
    assert not window.file_actions.close_action.isEnabled()


def test_the_column_mapping_dialog_guesses_and_needs_title_and_start(qtbot):
    dialog = ColumnMappingDialog("x.csv", ["When", "Headline", "Notes", "Colour"])
    qtbot.addWidget(dialog)
    assert dialog.mapping() == {"title": "Headline", "start": "When", "summary": "Notes"}
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert ok.isEnabled()
    dialog.combos["start"].setCurrentIndex(0)
    assert not ok.isEnabled()


# -- a timeline that cannot be opened at start (issue 13, item 6) -------------------------------


@pytest.fixture
def damaged_default(isolated_user_folders):
    folder = paths.user_data_dir()
    folder.mkdir(parents=True)
    damaged = folder / "timeline.db"
    damaged.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)
    return damaged


def test_a_damaged_default_file_can_give_way_to_the_bundled_timeline(
    qapp, damaged_default, monkeypatch
):
    monkeypatch.setattr(
        file_actions, "ask_about_unopenable", lambda path, error, damaged: "bundled"
    )
    db, notice = open_first_timeline(None)
    try:
        assert db.path == paths.bundled_database() and db.read_only
    finally:
        db.close()
    assert not damaged_default.exists()
    kept = [p.name for p in damaged_default.parent.iterdir()]
    assert len(kept) == 1 and kept[0].startswith("timeline.db.damaged-")
    assert (damaged_default.parent / kept[0]).read_bytes().startswith(b"SQLite format 3")
    db, _ = open_first_timeline(None)  # the next start no longer fails
    assert db.read_only
    db.close()


def test_a_damaged_file_can_give_way_to_another_or_to_quitting(
    qapp, damaged_default, monkeypatch, small_db_path
):
    choices = ["other", "quit"]
    monkeypatch.setattr(file_actions, "ask_about_unopenable", lambda *a: choices.pop(0))
    monkeypatch.setattr(file_actions, "ask_open_path", lambda *a: small_db_path)
    db, _ = open_first_timeline(None)
    assert db.path == small_db_path
    db.close()
    assert damaged_default.exists()  # only "bundled" sets it aside
    assert open_first_timeline(None) == (None, None)


def test_a_kept_0_1_0_copy_is_told_about_once(qapp, isolated_user_folders, bundled_copy):
    folder = paths.user_data_dir()
    folder.mkdir(parents=True)
    legacy = folder / "timeline.db"
    shutil.copyfile(bundled_copy, legacy)
    import sqlite3

    with sqlite3.connect(legacy) as connection:
        connection.execute("UPDATE events SET summary = summary || ' Mine.' WHERE id = 2")
    connection.close()
    db, notice = open_first_timeline(None)
    assert db.path == legacy and not db.read_only and str(legacy) in notice
    db.close()
    db, notice = open_first_timeline(None)
    assert notice is None
    db.close()


def test_the_next_start_opens_the_file_open_when_the_window_closed(
    qapp, window, answers, small_db_path
):
    # A timeline is the user's file: closing on it and starting again goes back to it.
    answers["open"].append(small_db_path)
    window.open_action.trigger()
    window.close()
    db, _ = open_first_timeline(None)
    try:
        assert db.path == small_db_path and not db.read_only
    finally:
        db.close()


def test_a_start_after_closing_on_the_bundled_timeline_or_a_file_gone_opens_the_default(
    qapp, window, answers, small_db_path
):
    answers["open"].append(small_db_path)
    window.open_action.trigger()
    window.file_actions.close_action.trigger()  # back to the bundled timeline
    window.close()
    db, _ = open_first_timeline(None)
    try:
        assert db.path == paths.bundled_database() and db.read_only
    finally:
        db.close()
    window.open_database_file(small_db_path)
    window.close()
    small_db_path.unlink()  # a file on a drive no longer there, say
    db, _ = open_first_timeline(None)
    try:
        assert db.path == paths.bundled_database()
    finally:
        db.close()
