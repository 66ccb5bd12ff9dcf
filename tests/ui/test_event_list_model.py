"""The list model: a thin adapter over the store's ids and pages, checked by Qt's model tester."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt

from timeline_app.store import queries
from timeline_app.store.database import open_database
from timeline_app.store.writing import write_timeline
from timeline_app.timeline.dates import DateSpan
from timeline_app.timeline.events import Event, Theme
from timeline_app.timeline.filter import TimelineFilter
from timeline_app.ui import event_list_model
from timeline_app.ui.event_list_model import PAGE_SIZE, EventListModel, EventRole
from timeline_app.wording.dates import span_label


def test_the_model_passes_qts_model_tester(qtmodeltester, bundled_db):
    model = EventListModel(bundled_db)
    assert model.rowCount() == queries.total_events(bundled_db) > 0
    qtmodeltester.check(model)
    model.set_filter(TimelineFilter(themes=frozenset({"energy"})))
    qtmodeltester.check(model)
    model.set_filter(TimelineFilter(search="no-such-word-anywhere"))
    assert model.rowCount() == 0
    qtmodeltester.check(model)


def test_rows_follow_the_store_in_time_order(bundled_db):
    model = EventListModel(bundled_db)
    wanted = TimelineFilter(themes=frozenset({"defense-security"}), first_year=2016)
    model.set_filter(wanted)
    expected = queries.event_lines(bundled_db, queries.event_ids(bundled_db, wanted))
    assert expected
    rows = [model.index(row, 0) for row in range(model.rowCount())]
    assert [index.data(EventRole.ID) for index in rows] == [line.id for line in expected]
    assert [index.data(EventRole.DATE) for index in rows] == [span_label(e.when) for e in expected]
    assert [index.data(EventRole.TITLE) for index in rows] == [e.title for e in expected]
    assert [index.data(EventRole.THEMES) for index in rows] == [
        list(e.theme_slugs) for e in expected
    ]


def test_a_filter_change_resets_the_model(qtbot, bundled_db):
    model = EventListModel(bundled_db)
    with qtbot.waitSignals([model.modelAboutToBeReset, model.modelReset]):
        model.set_filter(TimelineFilter(themes=frozenset({"energy"})))
    assert model.ids == queries.event_ids(bundled_db, TimelineFilter(themes=frozenset({"energy"})))


@pytest.fixture
def many_events(tmp_path):
    theme = Theme("energy", "Energy", "#E69F00")
    events = [
        Event(f"e{i}", DateSpan.parse(f"{1900 + i // 12:04d}-{i % 12 + 1:02d}"), f"Event {i}",
              "", (theme,))
        for i in range(PAGE_SIZE * 3 + 17)
    ]  # fmt: skip
    db = open_database(tmp_path / "many.db", create=True)
    write_timeline(db, "Many", (theme,), (), events)
    yield db
    db.close()


def test_rows_are_fetched_by_the_page_not_all_at_once(many_events, monkeypatch):
    asked: list[int] = []
    real = queries.event_lines

    def counting(db, ids):
        asked.append(len(ids))
        return real(db, ids)

    monkeypatch.setattr(event_list_model.queries, "event_lines", counting)
    model = EventListModel(many_events)
    assert model.rowCount() == PAGE_SIZE * 3 + 17
    assert asked == []  # the ids alone; no row was read yet
    last = model.rowCount() - 1
    assert model.index(last, 0).data(EventRole.TITLE) == f"Event {last}"
    assert model.index(0, 0).data(Qt.ItemDataRole.DisplayRole).endswith("Event 0")
    model.index(1, 0).data(EventRole.TITLE)  # same page as row 0: no new query
    assert asked == [17, PAGE_SIZE]


@pytest.fixture
def shown_pane(qtbot, many_events):
    """The event list pane over many events, on screen."""
    from timeline_app.ui.event_list import EventListPane

    pane = EventListPane(EventListModel(many_events))
    qtbot.addWidget(pane)
    pane.resize(400, 300)
    pane.show()
    qtbot.waitExposed(pane)
    return pane


def test_scrolling_the_list_to_the_end_shows_the_last_event(shown_pane):
    model, view = shown_pane.model, shown_pane.view
    view.scrollToBottom()
    bottom_row = view.indexAt(view.viewport().rect().bottomLeft() - QPoint(-2, 2)).row()
    assert bottom_row == model.rowCount() - 1
    assert model.index(bottom_row, 0).data(EventRole.TITLE) == f"Event {bottom_row}"


def test_a_row_scrolled_to_right_after_a_filter_change_is_shown(qtbot, shown_pane):
    from timeline_app.timeline.filter import TimelineFilter

    model, view = shown_pane.model, shown_pane.view
    model.set_filter(TimelineFilter(last_year=1900))  # a few rows, laid out
    qtbot.wait(10)
    model.set_filter(TimelineFilter())  # back to all: a reset to many more rows
    last = model.index(model.rowCount() - 1, 0)
    view.scrollTo(last)  # at once, as selecting an event does
    qtbot.wait(10)
    assert view.viewport().rect().intersects(view.visualRect(last))


def test_over_the_numpy_index_the_model_shows_the_same_rows(qtmodeltester, bundled_db, monkeypatch):
    """Large timelines hand the list their ids as numpy arrays: rows, ids and the row of an id
    come out as with the plain index, as Python ints."""
    from timeline_app.store import indexing
    from timeline_app.store.vector_index import VectorIndex

    wanted = TimelineFilter(themes=frozenset({"energy"}), first_year=2000)
    plain = EventListModel(bundled_db)
    plain.set_filter(wanted)
    expected_ids = list(plain.ids)
    monkeypatch.setattr(indexing, "VECTORS_AT_OPEN", 0)
    monkeypatch.setattr(indexing, "VECTOR_FROM", 0)
    bundled_db.changed()  # the index is read again, now as the numpy one
    model = EventListModel(bundled_db)
    assert isinstance(indexing.index_of(bundled_db), VectorIndex)
    qtmodeltester.check(model)
    model.set_filter(wanted)
    qtmodeltester.check(model)
    assert list(model.ids) == expected_ids and expected_ids
    ids = [model.index(row, 0).data(EventRole.ID) for row in range(model.rowCount())]
    assert ids == expected_ids and all(type(i) is int for i in ids)
    assert [model.row_of(i) for i in expected_ids] == list(range(len(expected_ids)))
    assert model.row_of(-5) is None and model.event_id(len(expected_ids)) is None
