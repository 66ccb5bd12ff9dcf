"""File → Export PDF…: the save dialog, progress with Cancel, errors in words, Open when done."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QProgressDialog

from timeline_app.export.dialog import default_file_name, export_with_dialog, with_pdf_suffix
from timeline_app.store import queries
from timeline_app.timeline.filter import TimelineFilter

ENERGY = TimelineFilter(themes=frozenset({"energy"}))


@pytest.fixture
def save_as(monkeypatch):
    """Answer the save dialog with a path (None: the reader cancels); records the suggestion."""
    asked: list[str] = []

    def answer(path: Path | None):
        def dialog(parent, caption, suggestion, filters):
            asked.append(suggestion)
            return (str(path) if path else "", filters)

        monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(dialog))
        return asked

    return answer


@pytest.fixture
def opened(monkeypatch):
    urls: list[QUrl] = []
    monkeypatch.setattr(
        QDesktopServices, "openUrl", staticmethod(lambda url: urls.append(url) or True)
    )
    return urls


def answer_message(button: str, seen: list[tuple[str, str]]) -> None:
    """When a message box comes up, note what it says and press the button with this text."""

    def look() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, look)
            return
        seen.append((box.text(), box.informativeText()))
        for candidate in box.buttons():
            if candidate.text().replace("&", "") == button:
                candidate.click()
                return
        raise AssertionError(f"no {button} button on {box.text()!r}")

    QTimer.singleShot(0, look)


def test_the_window_exports_then_offers_to_open_the_pdf(
    qtbot, small_db, tmp_path, save_as, opened, read_pdf
):
    asked = save_as(tmp_path / "report")
    seen: list[tuple[str, str]] = []
    answer_message("Open", seen)
    written = export_with_dialog(None, small_db, ENERGY)
    assert written == tmp_path / "report.pdf"
    assert asked[0].endswith(default_file_name(queries.timeline_title(small_db)))
    count = len(queries.filtered_events(small_db, ENERGY))
    assert seen and f"Exported {count} of 3 events to {written}" in seen[0][0]
    assert opened == [QUrl.fromLocalFile(str(written))]
    assert read_pdf(written).reader.metadata.subject == "Themes: Energy"


def test_closing_the_message_opens_nothing(qtbot, small_db, tmp_path, save_as, opened):
    save_as(tmp_path / "report.pdf")
    answer_message("Close", [])
    assert export_with_dialog(None, small_db, ENERGY) == tmp_path / "report.pdf"
    assert opened == []


def test_cancelling_the_save_dialog_does_nothing(qtbot, small_db, tmp_path, save_as, opened):
    save_as(None)
    assert export_with_dialog(None, small_db, ENERGY) is None
    assert list(tmp_path.glob("*.pdf")) == []


def test_an_unwritable_folder_is_explained_in_a_message(qtbot, small_db, tmp_path, save_as):
    save_as(tmp_path / "gone" / "report.pdf")
    seen: list[tuple[str, str]] = []
    answer_message("Close", seen)
    assert export_with_dialog(None, small_db, ENERGY) is None
    assert seen[0][0] == "The PDF was not exported."
    assert "does not exist" in seen[0][1]
    assert not (tmp_path / "gone").exists()


def test_cancelling_the_progress_leaves_no_file(qtbot, small_db, tmp_path, save_as, monkeypatch):
    target = tmp_path / "report.pdf"
    target.write_bytes(b"earlier")
    save_as(target)
    monkeypatch.setattr(QProgressDialog, "wasCanceled", lambda self: True)
    assert export_with_dialog(None, small_db, ENERGY) is None
    assert target.read_bytes() == b"earlier"
    assert sorted(p.name for p in tmp_path.iterdir() if "report" in p.name) == ["report.pdf"]


def test_adding_pdf_asks_before_replacing_a_file(qtbot, small_db, tmp_path, save_as, monkeypatch):
    (tmp_path / "report.pdf").write_bytes(b"earlier")
    save_as(tmp_path / "report")
    asked = []

    def question(parent, title, text, buttons, default):
        asked.append(text)
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    assert export_with_dialog(None, small_db, ENERGY) is None
    assert asked == ["report.pdf already exists. Replace it?"]
    assert (tmp_path / "report.pdf").read_bytes() == b"earlier"


def test_the_suggested_name_is_the_title_and_date_safe_for_any_file_system():
    day = dt.date(2026, 11, 23)
    assert default_file_name("Azerbaijan–Israel relations", day) == (
        "Azerbaijan–Israel relations 2026-11-23.pdf"
    )
    assert default_file_name('a/b\\c: "d"?', day) == "a-b-c- -d 2026-11-23.pdf"
    assert default_file_name("///", day) == "Timeline 2026-11-23.pdf"


def test_pdf_is_added_only_when_missing():
    assert with_pdf_suffix(Path("x/report")) == Path("x/report.pdf")
    assert with_pdf_suffix(Path("x/report.PDF")) == Path("x/report.PDF")
    assert with_pdf_suffix(Path("x/report.v2")) == Path("x/report.v2.pdf")
