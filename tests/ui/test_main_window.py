"""The main window, driven as a reader would: filters, search, selection, keys, quotes."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtGui import QGuiApplication, QTextDocument
from PySide6.QtWidgets import QLabel, QMessageBox

from timeline_app import cli
from timeline_app.store import queries
from timeline_app.store.search import words_to_highlight
from timeline_app.timeline.filter import TimelineFilter
from timeline_app.ui.event_list_model import EventRole
from timeline_app.ui.source_dialog import SourceDialog
from timeline_app.wording.dates import span_label
from timeline_app.wording.sources import attribution, citation_text


def shown_text(label: QLabel) -> str:
    """What the reader sees in a label, whether it holds plain or rich text."""
    if label.textFormat() == Qt.TextFormat.PlainText:
        return label.text()
    document = QTextDocument()
    document.setHtml(label.text())
    return document.toPlainText()


def list_ids(window) -> list[int]:
    model = window.list_pane.view.model()
    return [model.index(row, 0).data(EventRole.ID) for row in range(model.rowCount())]


def key_of(window, event_id: int) -> str:
    return queries.events(window.db, [event_id])[0].key


def id_of(window, key: str) -> int:
    return next(e.id for e in queries.filtered_events(window.db, TimelineFilter()) if e.key == key)


def cli_list(db_path, *options: str) -> list[str]:
    """Event keys as `timeline-app list` prints them (as JSON)."""
    import contextlib
    import io

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert cli.main(["list", "--format", "json", "--db", str(db_path), *options]) == 0
    return [event["id"] for event in json.loads(out.getvalue())["events"]]


def test_every_event_appears_in_the_list_and_on_the_canvas(window):
    everything = queries.event_ids(window.db, TimelineFilter())
    assert len(everything) == queries.total_events(window.db) > 0
    assert list_ids(window) == everything
    window.canvas.fit_all()
    scene = window.canvas._current_scene()
    drawn = [item.mark.event_id for item in scene.placed + scene.crowded]
    assert sorted(drawn) == sorted(everything)  # each drawn once, in a lane or the crowded row
    total = f"{len(everything):,}"
    assert window.count_label.text() == f"{total} of {total} events"


def test_ticking_themes_narrows_everything_as_the_store_and_command_line_predict(
    qtbot, window, bundled_copy
):
    boxes = window.filter_panel.theme_boxes
    qtbot.mouseClick(window.filter_panel.none_button, Qt.MouseButton.LeftButton)
    assert list_ids(window) == []
    qtbot.mouseClick(boxes["energy"], Qt.MouseButton.LeftButton)
    energy = TimelineFilter(themes=frozenset({"energy"}))
    expected = queries.event_ids(window.db, energy)
    assert expected and list_ids(window) == expected
    assert [key_of(window, i) for i in expected] == cli_list(bundled_copy, "--theme", "energy")
    window.canvas.fit_all()
    assert window.canvas.visible_event_ids() == set(expected)
    total = queries.total_events(window.db)
    assert window.count_label.text() == f"{len(expected)} of {total} events"

    qtbot.mouseClick(boxes["culture-community"], Qt.MouseButton.LeftButton)
    both = queries.event_ids(
        window.db, energy.with_themes(frozenset({"energy", "culture-community"}))
    )
    assert list_ids(window) == both
    assert [key_of(window, i) for i in both] == cli_list(
        bundled_copy, "--theme", "energy", "--theme", "Culture & Community"
    )
    assert window.canvas.visible_event_ids() == set(both)

    qtbot.mouseClick(window.filter_panel.all_button, Qt.MouseButton.LeftButton)
    assert list_ids(window) == queries.event_ids(window.db, TimelineFilter())


def test_theme_counts_follow_the_rest_of_the_filter(qtbot, window):
    window.filter_panel.first_year.setValue(2020)
    counts = queries.theme_counts(window.db, TimelineFilter(first_year=2020))
    for theme in window.themes:
        assert (
            window.filter_panel.theme_boxes[theme.slug].text().endswith(f"({counts[theme.slug]:,})")
        )
    assert list_ids(window) == queries.event_ids(window.db, TimelineFilter(first_year=2020))


def test_search_narrows_after_typing_and_marks_the_words(qtbot, window):
    search = window.filter_panel.search_box
    qtbot.keyClicks(search, "pipeline")
    wanted = TimelineFilter(search="pipeline")
    expected = queries.event_ids(window.db, wanted)
    assert expected
    qtbot.waitUntil(lambda: list_ids(window) == expected, timeout=2000)
    assert window.list_pane.delegate.words == words_to_highlight("pipeline")
    window.select_event(expected[0])
    event = queries.events(window.db, [expected[0]])[0]
    pane = window.detail_pane
    marked = [pane.title_label, pane.summary_label] + [b.quote_label for b in pane.quote_blocks]
    holding = [label for label in marked if "pipeline" in shown_text(label).lower()]
    assert holding, "the word is in the event's title, summary or a quote"
    for label in holding:
        assert label.textFormat() == Qt.TextFormat.RichText
        assert "background-color" in label.text()
    assert shown_text(pane.title_label) == event.title


def test_selecting_an_event_shows_every_quote_with_its_source(qtbot, window):
    war = id_of(window, "karabakh-war-2020")
    window.select_event(war)
    event = queries.events(window.db, [war])[0]
    pane = window.detail_pane
    assert shown_text(pane.title_label) == event.title
    assert shown_text(pane.date_label) == f"{span_label(event.when)} · date from general knowledge"
    assert shown_text(pane.summary_label) == event.summary
    assert [t.slug for t in pane.themes_row.themes] == [t.slug for t in event.themes]
    assert len(pane.quote_blocks) == len(event.citations) > 0
    for block, citation in zip(pane.quote_blocks, event.citations, strict=True):
        assert shown_text(block.quote_label) == f"“{citation.quote}”"
        assert shown_text(block.attribution_label) == f"— {attribution(citation.source)}"
    assert window.list_pane.view.currentIndex().data(EventRole.ID) == war
    assert window.canvas._selected == war


def test_copy_citation_puts_the_quote_and_source_on_the_clipboard(qtbot, window):
    window.select_event(id_of(window, "karabakh-war-2020"))
    block = window.detail_pane.quote_blocks[0]
    qtbot.mouseClick(block.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == citation_text(block.citation)


def test_a_source_without_a_link_opens_its_details_and_the_events_citing_it(qtbot, window):
    window.select_event(id_of(window, "karabakh-war-2020"))
    block = window.detail_pane.quote_blocks[0]
    assert not block.citation.source.has_web_link()
    qtbot.mouseClick(block.open_button, Qt.MouseButton.LeftButton)
    dialog = window._dialog
    assert isinstance(dialog, SourceDialog) and dialog.isVisible()
    source = block.citation.source
    assert dialog.fields["title"].text() == source.title
    assert dialog.fields["archive"].text() == source.archive
    citing = queries.events_citing(window.db, source.id)
    listed = [dialog.citing_list.item(i).data(Qt.ItemDataRole.UserRole)
              for i in range(dialog.citing_list.count())]  # fmt: skip
    assert listed == [e.id for e in citing] and len(listed) > 1
    dialog.citing_list.itemActivated.emit(dialog.citing_list.item(len(listed) - 1))
    assert window.selected_id == citing[-1].id


def test_a_web_source_opens_in_the_browser(qtbot, open_window, small_db_path, monkeypatch):
    from timeline_app.ui import detail_pane

    opened = []
    monkeypatch.setattr(detail_pane.QDesktopServices, "openUrl", lambda url: opened.append(url))
    window = open_window(small_db_path)
    window.select_event(id_of(window, "web-event"))
    web = window.detail_pane.quote_blocks[0]
    qtbot.mouseClick(web.open_button, Qt.MouseButton.LeftButton)
    assert [url.toString() for url in opened] == ["https://example.org/report?a=1&b=2"]
    assert window._dialog is None


def test_arrow_keys_move_through_events_in_time_order(qtbot, window):
    ids = queries.event_ids(window.db, TimelineFilter())
    view = window.list_pane.view
    view.setFocus()
    window.select_event(ids[0])
    qtbot.keyClick(view, Qt.Key.Key_Down)
    assert window.selected_id == ids[1]
    qtbot.keyClick(view, Qt.Key.Key_Right)
    assert window.selected_id == ids[2]
    qtbot.keyClick(view, Qt.Key.Key_Up)
    assert window.selected_id == ids[1]

    canvas = window.canvas
    canvas.setFocus()
    qtbot.keyClick(canvas, Qt.Key.Key_Right)
    assert window.selected_id == ids[2]
    assert view.currentIndex().data(EventRole.ID) == ids[2]
    qtbot.keyClick(canvas, Qt.Key.Key_Left)
    qtbot.keyClick(canvas, Qt.Key.Key_Left)
    assert window.selected_id == ids[0]
    qtbot.keyClick(canvas, Qt.Key.Key_Left)  # the first stays selected
    assert window.selected_id == ids[0]
    assert canvas._selected == ids[0]


def test_clicking_an_event_on_the_canvas_selects_it(qtbot, window):
    canvas = window.canvas
    canvas.fit_all()
    scene = canvas._current_scene()
    item = next(item for item in scene.placed if item.label_width)
    where = QPoint(int(item.label_left + item.label_width / 2), int(item.y))
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=where)
    assert window.selected_id == item.mark.event_id
    assert shown_text(window.detail_pane.title_label) == item.mark.title


def test_zoom_pan_and_fit_change_the_view_and_repaints_reuse_the_scene(qtbot, window):
    canvas = window.canvas
    canvas.fit_all()
    canvas.repaint()
    builds = canvas.scene_builds
    canvas.repaint()
    window.select_event(queries.event_ids(window.db, TimelineFilter())[0])
    canvas.repaint()
    assert canvas.scene_builds == builds  # nothing in the view changed: no new query

    span = canvas.scale.span
    window.zoom_in_action.trigger()
    assert canvas.scale.span < span
    canvas.repaint()
    assert canvas.scene_builds == builds + 1
    first = canvas.scale.first_day
    canvas.setFocus()
    qtbot.keyClick(canvas, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert canvas.scale.first_day > first  # Shift+Right shows later dates
    window.zoom_out_action.trigger()
    window.zoom_out_action.trigger()
    assert canvas.scale.span > span
    window.fit_action.trigger()
    assert abs(canvas.scale.span - span) < 1


def test_home_and_end_in_the_list_go_to_the_first_and_last_event(qtbot, window):
    ids = queries.event_ids(window.db, TimelineFilter())
    assert len(ids) > 3
    view = window.list_pane.view
    view.setFocus()
    window.select_event(ids[2])
    qtbot.keyClick(view, Qt.Key.Key_End)
    assert window.selected_id == ids[-1]
    assert view.currentIndex().row() == len(ids) - 1
    qtbot.keyClick(view, Qt.Key.Key_Home)
    assert window.selected_id == ids[0]
    qtbot.keyClick(view, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)  # as before
    assert window.selected_id == ids[-1]
    qtbot.keyClick(view, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    assert window.selected_id == ids[0]


def test_end_in_the_list_with_no_event_chosen_goes_to_the_last_event(qtbot, window):
    ids = queries.event_ids(window.db, TimelineFilter())
    view = window.list_pane.view
    window.select_event(None)
    view.setCurrentIndex(QModelIndex())
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_End)
    assert window.selected_id == ids[-1]
    view.setCurrentIndex(QModelIndex())
    qtbot.keyClick(view, Qt.Key.Key_Home)
    assert window.selected_id == ids[0]


def test_when_nothing_matches_the_window_says_so_and_offers_to_clear(qtbot, window):
    window.filter_panel.set_filter(TimelineFilter(search="nothingmatchesthisword"))
    assert window.list_pane.is_showing_empty_note()
    assert window.canvas.clear_button.isVisible()
    assert window.count_label.text().startswith("0 of ")
    qtbot.mouseClick(window.canvas.clear_button, Qt.MouseButton.LeftButton)
    assert not window.list_pane.is_showing_empty_note()
    assert list_ids(window) == queries.event_ids(window.db, TimelineFilter())
    assert window.filter_panel.search_box.text() == ""


def test_text_from_the_database_stays_literal(qtbot, open_window, small_db_path):
    window = open_window(small_db_path)
    html_event = id_of(window, "html-title")
    window.select_event(html_event)
    pane = window.detail_pane
    assert shown_text(pane.title_label) == "<b>x</b>"
    assert shown_text(pane.summary_label) == "A summary with <i>markup</i> & an ampersand."
    assert shown_text(pane.quote_blocks[0].quote_label) == "“The <b>quoted</b> words & more.”"
    index = window.list_pane.view.currentIndex()
    assert index.data(EventRole.TITLE) == "<b>x</b>"
    assert "<b>x</b>" in index.data(Qt.ItemDataRole.DisplayRole)
    # Marked search results are escaped before the marks are added.
    window.filter_panel.set_filter(TimelineFilter(search="quoted"))
    assert window.selected_id == html_event
    assert shown_text(pane.title_label) == "<b>x</b>"
    assert shown_text(pane.quote_blocks[0].quote_label) == "“The <b>quoted</b> words & more.”"
    assert "&lt;b&gt;" in pane.quote_blocks[0].quote_label.text()
    assert window.windowTitle().startswith("Small <timeline>")


def test_the_canvas_tooltip_shows_a_title_as_written(
    qtbot, open_window, small_db_path, monkeypatch
):
    from PySide6.QtCore import QEvent, QPointF
    from PySide6.QtGui import QHelpEvent

    from timeline_app.ui import timeline_canvas

    tips = []
    monkeypatch.setattr(
        timeline_canvas.QToolTip, "showText", lambda pos, text, widget: tips.append(text)
    )
    window = open_window(small_db_path)
    canvas = window.canvas
    canvas.fit_all()
    item = next(i for i in canvas._current_scene().placed if i.mark.title == "<b>x</b>")
    where = QPointF(item.x0, item.y).toPoint()
    canvas.event(QHelpEvent(QEvent.Type.ToolTip, where, canvas.mapToGlobal(where)))
    assert len(tips) == 1
    document = QTextDocument()
    document.setHtml(tips[0])
    assert document.toPlainText().splitlines()[0] == "<b>x</b>"


def test_ctrl_f_goes_to_the_search_box(qtbot, window):
    window.list_pane.view.setFocus()
    window.find_action.trigger()
    assert window.filter_panel.search_box.hasFocus()


def test_every_control_has_an_accessible_name(window):
    from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QAbstractSpinBox, QLineEdit

    def name(control) -> str:
        if isinstance(control, QAbstractButton):
            return control.accessibleName() or control.text()  # a button is read by its text
        return control.accessibleName()

    line_edits = [e for e in window.findChildren(QLineEdit)
                  if not isinstance(e.parent(), QAbstractSpinBox)]  # fmt: skip
    controls = window.findChildren(QAbstractButton) + line_edits
    views = window.findChildren(QAbstractItemView)  # the event list is a table view
    controls += window.findChildren(QAbstractSpinBox) + views
    controls += [window.canvas, window.detail_pane]
    visible = [c for c in controls if c.isVisibleTo(window)]
    assert len(visible) > 15
    assert window.list_pane.view in visible
    assert [c for c in visible if not name(c)] == []


def test_an_unreadable_database_gives_a_message_and_keeps_the_current_one(qtbot, window, tmp_path):
    garbage = tmp_path / "notes.db"
    garbage.write_text("these are notes, not a timeline")
    before = window.db
    shown = list_ids(window)
    assert window.open_database_file(garbage) is False
    box = window._dialog
    assert isinstance(box, QMessageBox) and box.isVisible()
    assert "not a timeline database" in box.text()
    assert window.db is before
    assert list_ids(window) == shown
    box.close()


def test_a_database_problem_while_reading_is_told_not_raised(qtbot, window, monkeypatch):
    from timeline_app.store.errors import DatabaseLocked
    from timeline_app.ui import main_window

    ids = list_ids(window)
    window.select_event(ids[0])
    title = shown_text(window.detail_pane.title_label)

    def locked(*args):
        raise DatabaseLocked("timeline.db is locked by another program. Close it and try again.")

    monkeypatch.setattr(main_window.queries, "events", locked)
    window.step_selection(1)
    box = window._dialog
    assert isinstance(box, QMessageBox) and "locked by another program" in box.text()
    assert shown_text(window.detail_pane.title_label) == title  # still the event shown before
    box.close()


def test_opening_another_database_shows_it(qtbot, window, small_db_path):
    old = window.db
    assert window.open_database_file(small_db_path)
    assert window.db is not old
    assert [key_of(window, i) for i in list_ids(window)] == ["html-title", "web-event"]
    assert set(window.filter_panel.theme_boxes) == {"diplomacy", "energy"}


def test_export_pdf_calls_the_export_dialog_with_the_current_filter(qtbot, window, monkeypatch):
    import sys
    import types

    calls = []
    fake = types.ModuleType("timeline_app.export.dialog")
    fake.export_with_dialog = lambda **kwargs: calls.append(kwargs)
    monkeypatch.setitem(sys.modules, "timeline_app.export.dialog", fake)
    window.filter_panel.set_filter(TimelineFilter(themes=frozenset({"energy"})))
    window.export_action.trigger()
    assert calls == [{"parent": window, "db": window.db, "wanted": window.current_filter()}]
    assert calls[0]["wanted"].themes == {"energy"}


def test_export_pdf_is_disabled_when_the_export_module_is_missing(qtbot, window, monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "timeline_app.export.dialog", None)  # import fails
    window.export_action.trigger()
    assert not window.export_action.isEnabled()


def test_about_names_the_version_and_the_sources(window):
    from timeline_app import __version__

    document = QTextDocument()
    document.setHtml(window.about_text())
    text = document.toPlainText()
    assert __version__ in text
    sources = queries.sources(window.db)
    assert sources and all(attribution(source) in text for source in sources)


def test_a_bug_in_a_query_goes_to_the_crash_handler_not_the_cannot_read_message(
    qtbot, window, monkeypatch
):
    from timeline_app.store.errors import StoreBug
    from timeline_app.ui import main_window

    ids = list_ids(window)
    window.select_event(ids[0])
    monkeypatch.setattr(
        main_window.queries, "events", lambda db, ids: db.read("SELECT no_such_column FROM events")
    )
    with pytest.raises(StoreBug, match="no such column"):
        window.step_selection(1)
    assert not isinstance(window._dialog, QMessageBox)


def test_a_window_reads_the_lists_events_once_as_it_opens(qtbot, monkeypatch, small_db_path):
    """At start-up the list is filled by the filter the window restores, not also before it
    (each read of a large timeline's ids walks all of them), and shows every event."""
    from timeline_app.store.database import open_database
    from timeline_app.ui import event_list_model
    from timeline_app.ui.main_window import MainWindow

    reads = []
    real_event_ids = event_list_model.queries.event_ids

    def counted(db, wanted):
        reads.append(wanted)
        return real_event_ids(db, wanted)

    monkeypatch.setattr(event_list_model.queries, "event_ids", counted)
    window = MainWindow(open_database(small_db_path))
    qtbot.addWidget(window)
    assert reads == [TimelineFilter()]
    assert len(list_ids(window)) == 2
