"""Another timeline opens with all its events shown: the search, years and themes left from the
file before are cleared (an import used to open at "0 of 6 events"). Save a Copy keeps them: the
copy holds the same events."""

from __future__ import annotations

from tests.formats.conftest import FIXTURES
from timeline_app.store import queries
from timeline_app.timeline.filter import TimelineFilter

HIDING_ALL = TimelineFilter(search="nosuchwordanywhere", first_year=1990, last_year=1991)


def filtered(window, wanted: TimelineFilter) -> None:
    window.filter_panel.set_filter(wanted)
    assert window.current_filter().search == wanted.search
    assert window.count_label.text().startswith("0 of ")


def shows_everything(window) -> None:
    total = queries.total_events(window.db)
    assert window.current_filter().is_empty()
    assert window.filter_panel.search_box.text() == ""
    assert window.filter_panel.current_filter().is_empty()
    assert len(window.model.ids) == total
    assert window.count_label.text().startswith(f"{total:,} of {total:,}")


def test_an_imported_timeline_opens_with_all_its_events_shown(window, answers, tmp_path):
    filtered(window, HIDING_ALL)
    answers["open"].append(FIXTURES / "mill-valley.csv")
    answers["save"].append(tmp_path / "mill.tldb")
    window.file_actions.import_action.trigger()
    assert window.db.path == tmp_path / "mill.tldb"
    shows_everything(window)
    assert len(window.model.ids) == 4


def test_a_new_timeline_opens_without_the_last_files_search(window, answers, tmp_path):
    filtered(window, HIDING_ALL)
    answers["save"].append(tmp_path / "diary")
    window.file_actions.new_action.trigger()
    assert window.db.path == tmp_path / "diary.tldb"
    shows_everything(window)


def test_opening_an_existing_timeline_clears_the_search_years_and_themes(
    window, answers, small_db_path
):
    filtered(window, HIDING_ALL.with_themes(frozenset({"diplomacy"})))
    answers["open"].append(small_db_path)
    window.open_action.trigger()
    assert window.db.path == small_db_path
    shows_everything(window)
    assert len(window.model.ids) == 2


def test_save_a_copy_keeps_the_search_the_copy_has_the_same_events(window, answers, tmp_path):
    word = queries.events(window.db, window.model.ids[:1])[0].title.split()[0]
    window.filter_panel.set_filter(TimelineFilter(search=word))
    shown = list(window.model.ids)
    assert 0 < len(shown) < window.total
    answers["save"].append(tmp_path / "copy")
    window.file_actions.copy_action.trigger()
    assert window.db.path == tmp_path / "copy.tldb"
    assert window.current_filter().search == word
    assert window.filter_panel.search_box.text() == word
    assert len(window.model.ids) == len(shown)
