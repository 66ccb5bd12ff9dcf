"""The event editor by keyboard: fields in order, problems beside their fields, quotes checked
against the source's archived text as they are typed."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from timeline_app.timeline.drafts import CitationDraft, EventDraft
from timeline_app.timeline.events import DOCUMENTS, GENERAL_KNOWLEDGE, Source, Theme
from timeline_app.timeline.importance import Importance
from timeline_app.timeline.quotes import NOT_FOUND, UNVERIFIABLE, VERIFIED
from timeline_app.ui.editing.citation_rows import source_model
from timeline_app.ui.editing.event_editor import EventEditor

THEMES = (Theme("diplomacy", "Diplomacy", "#0072B2"), Theme("energy", "Energy", "#E69F00"))
ARCHIVED = Source("archived", "The archived report", "a.txt")
BARE = Source("bare", "A report without its text", "b.txt")
TEXT = "The minister arrived on Monday. The embassy opened its doors to the public. Then rain."
BLANK = EventDraft("", "", "2020-05-01", None, False, None, DOCUMENTS, ())


@pytest.fixture
def make_editor(qtbot):
    submitted = []

    def make(draft=BLANK, citations=(), answer=None, statuses=None):
        def submit(edited, editor):
            submitted.append((edited, [row.draft() for row in editor.citations.rows]))
            return dict(answer or {})

        editor = EventEditor(
            draft=draft, themes=THEMES, sources=source_model((ARCHIVED, BARE)), citations=citations,
            archived_text=lambda source_id: TEXT if source_id == "archived" else None,
            submit=submit, new=True, stored_statuses=statuses,
        )  # fmt: skip
        qtbot.addWidget(editor)
        editor.show()
        qtbot.waitExposed(editor)
        editor.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is editor, timeout=2000)
        editor.title_field.setFocus()
        return editor

    make.submitted = submitted
    return make


def focused():
    return QApplication.focusWidget()


def test_typing_a_whole_event_by_keyboard_hands_over_its_draft(qtbot, make_editor):
    editor = make_editor()
    qtbot.keyClicks(focused(), "Embassy opens")
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    qtbot.keyClicks(focused(), "It opened.")
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is editor.start_field
    editor.start_field.selectAll()
    qtbot.keyClicks(focused(), "2021-03")
    assert editor.start_precision.text() == "a month"
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    qtbot.keyClick(focused(), Qt.Key.Key_Space)  # a period
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is editor.end_field
    qtbot.keyClicks(focused(), "2021-04-02T10:30")
    assert editor.end_precision.text() == "a day and time"
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    qtbot.keyClick(focused(), Qt.Key.Key_Space)  # approximate
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    qtbot.keyClick(focused(), Qt.Key.Key_Down)  # importance: not stated -> normal
    qtbot.keyClick(focused(), Qt.Key.Key_Down)  # -> major
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is editor.theme_picker
    qtbot.keyClick(focused(), Qt.Key.Key_Down)  # energy
    qtbot.keyClick(focused(), Qt.Key.Key_Space)
    qtbot.keyClick(focused(), Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)  # energy first
    qtbot.keyClick(focused(), Qt.Key.Key_Down)
    qtbot.keyClick(focused(), Qt.Key.Key_Space)  # and diplomacy ticked too
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is editor.basis_box
    qtbot.keyClick(focused(), Qt.Key.Key_Down)
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    ((draft, citations),) = make_editor.submitted
    assert draft == EventDraft(
        "Embassy opens", "It opened.", "2021-03", "2021-04-02T10:30", True,
        Importance.MAJOR, GENERAL_KNOWLEDGE, ("energy", "diplomacy"),
    )  # fmt: skip
    assert citations == []
    assert editor.result() == editor.DialogCode.Accepted


def test_an_end_before_the_start_is_said_beside_the_end_and_nothing_is_submitted(
    qtbot, make_editor
):
    editor = make_editor(EventDraft("T", "", "2020-05-01", "2019", False, None, DOCUMENTS, ()))
    qtbot.keyClick(editor.title_field, Qt.Key.Key_Return)
    assert make_editor.submitted == []
    assert editor.isVisible()
    problem = editor.problem_labels["end"]
    assert problem.isVisibleTo(editor) and "ends before it starts" in problem.text()
    assert not editor.problem_labels["title"].isVisibleTo(editor)
    editor.end_field.setText("2021")  # put right, it goes
    qtbot.keyClick(editor.title_field, Qt.Key.Key_Return)
    assert len(make_editor.submitted) == 1 and not problem.isVisibleTo(editor)


def test_an_empty_title_and_a_bad_date_are_said_beside_theirs(qtbot, make_editor):
    editor = make_editor(EventDraft(" ", "", "2020-13", None, False, None, DOCUMENTS, ()))
    qtbot.keyClick(editor.title_field, Qt.Key.Key_Return)
    assert make_editor.submitted == []
    assert editor.problem_labels["title"].text() == "Give it a title."
    assert "no such date" in editor.problem_labels["start"].text().lower()
    assert focused() is editor.title_field  # the first field with a problem


def test_what_the_store_refuses_is_said_beside_the_field_and_the_editor_stays(qtbot, make_editor):
    draft = EventDraft("Taken", "", "2020", None, False, None, DOCUMENTS, ())
    editor = make_editor(draft, answer={"title": "Refused by the store.", "other": "And this."})
    qtbot.keyClick(editor.title_field, Qt.Key.Key_Return)
    assert editor.isVisible()
    assert editor.problem_labels["title"].text() == "Refused by the store."
    assert editor.general_problem.text() == "And this."


def type_quote(qtbot, editor, source_index, words):
    editor.citations.add_button.click()
    row = editor.citations.rows[-1]
    assert focused() is row.source_box
    row.source_box.setCurrentIndex(source_index)
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is row.quote_field
    qtbot.keyClicks(focused(), words)
    return row


def test_the_quote_is_checked_as_it_is_typed(qtbot, make_editor):
    editor = make_editor(EventDraft("T", "", "2020", None, False, None, DOCUMENTS, ()))
    row = type_quote(qtbot, editor, 0, "The embassy opened its")
    assert row.status == VERIFIED
    text = row.check_label.text()
    assert "Found in the archived text" in text
    assert "embassy opened its</span>" in text and "doors to the public" in text
    assert "minister" not in text  # only the sentence around it
    qtbot.keyClicks(row.quote_field, " windows")
    assert row.status == NOT_FOUND
    assert "Not found in the archived text" in row.check_label.text()
    row.source_box.setCurrentIndex(1)
    assert row.status == UNVERIFIABLE
    assert "this source has no archived text" in row.check_label.text()


def test_citations_are_handed_over_with_the_event(qtbot, make_editor):
    kept = CitationDraft("archived", "The minister arrived")
    editor = make_editor(
        EventDraft("T", "", "2020", None, False, None, DOCUMENTS, ()), citations=[(5, kept)]
    )
    assert editor.citations.rows[0].status == VERIFIED
    type_quote(qtbot, editor, 1, "Words of its own")
    editor.citations.rows[0].remove_button.click()
    assert editor.citations.removed == [5]
    editor.title_field.setFocus()
    qtbot.keyClick(editor.title_field, Qt.Key.Key_Return)
    ((_draft, citations),) = make_editor.submitted
    assert citations == [CitationDraft("bare", "Words of its own")]


def test_a_citation_without_a_source_is_refused_beside_it(qtbot, make_editor):
    editor = make_editor(EventDraft("T", "", "2020", None, False, None, DOCUMENTS, ()))
    editor.citations.add_button.click()
    qtbot.keyClick(editor.title_field, Qt.Key.Key_Return)
    assert make_editor.submitted == []
    row = editor.citations.rows[0]
    assert row.source_problem.isVisibleTo(editor)
    assert "Choose the source" in row.source_problem.text()


def test_tab_walks_the_editor_in_the_order_it_is_seen(qtbot, make_editor):
    editor = make_editor(
        EventDraft("T", "", "2020", "2021", False, None, DOCUMENTS, ()),
        citations=[(1, CitationDraft("archived", "Then rain."))],
    )
    row = editor.citations.rows[0]
    expected = [
        editor.title_field, editor.summary_field, editor.start_field, editor.period_box,
        editor.end_field, editor.approximate_box, editor.importance_box, editor.theme_picker,
        editor.basis_box, row.source_box, row.quote_field, row.remove_button,
        editor.citations.add_button, *editor.buttons.buttons(),
    ]  # fmt: skip
    walked = [focused()]
    for _ in expected[1:]:
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)
        walked.append(focused())
    assert walked == expected


def test_a_quote_verified_against_a_document_not_in_the_file_says_so_until_changed(
    qtbot, make_editor
):
    stored = CitationDraft("bare", "Words checked when the timeline was built")
    editor = make_editor(
        EventDraft("T", "", "2020", None, False, None, DOCUMENTS, ()),
        citations=[(9, stored)], statuses={9: VERIFIED},
    )  # fmt: skip
    row = editor.citations.rows[0]
    assert row.status == VERIFIED
    assert "Verified against the archived document" in row.check_label.text()
    qtbot.keyClicks(row.quote_field, " and more")
    assert row.status == UNVERIFIABLE
    assert "this source has no archived text" in row.check_label.text()
