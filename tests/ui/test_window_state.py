"""The window comes back as it was left: size, splitters, panes and filters."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from timeline_app import paths
from timeline_app.store import queries
from timeline_app.timeline.filter import TimelineFilter
from timeline_app.ui.window_geometry import first_launch_geometry


def test_filters_size_and_splitters_are_restored_on_relaunch(qtbot, open_window, bundled_copy):
    first = open_window(bundled_copy)
    wanted = TimelineFilter(themes=frozenset({"energy", "diplomacy"}), first_year=2006,
                            last_year=2023, search="oil")  # fmt: skip
    first.filter_panel.set_filter(wanted)
    first.resize(720, 540)  # within the offscreen screen (800x600)
    first.right_splitter.setSizes([200, 400])
    first.pane_actions["details"].setChecked(False)
    sizes = first.right_splitter.sizes()
    first.close()
    assert (paths.user_config_dir() / "settings.ini").is_file()

    second = open_window(bundled_copy)
    assert second.current_filter() == wanted
    assert second.filter_panel.search_box.text() == "oil"
    assert second.filter_panel.first_year.value() == 2006
    assert {s for s, box in second.filter_panel.theme_boxes.items() if box.isChecked()} == {
        "energy", "diplomacy",
    }  # fmt: skip
    ids = queries.event_ids(second.db, wanted)
    model = second.list_pane.view.model()
    assert [model.event_id(row) for row in range(model.rowCount())] == ids
    assert (second.width(), second.height()) == (720, 540)
    assert second.right_splitter.sizes() == sizes
    assert not second.detail_pane.isVisibleTo(second)
    assert not second.pane_actions["details"].isChecked()


def test_no_theme_ticked_is_restored_as_none_ticked(qtbot, open_window, bundled_copy):
    first = open_window(bundled_copy)
    first.filter_panel.none_button.click()
    first.close()
    second = open_window(bundled_copy)
    assert not any(box.isChecked() for box in second.filter_panel.theme_boxes.values())
    assert second.list_pane.is_showing_empty_note()


def test_unreadable_settings_fall_back_to_defaults(qtbot, open_window, bundled_copy):
    settings_file = paths.user_config_dir() / "settings.ini"
    settings_file.parent.mkdir(parents=True, exist_ok=True)
    settings_file.write_text(
        "[filter]\nthemes=no-such-theme\nfirst_year=soon\nlast_year=-4\nsearch=\n"
        "[window]\ngeometry=garbage\n"
    )
    window = open_window(bundled_copy)
    assert window.current_filter() == TimelineFilter()
    available = window.screen().availableGeometry()
    assert window.size() == first_launch_geometry(available).size()  # as on a first launch
    settings = QSettings(str(settings_file), QSettings.Format.IniFormat)
    assert settings.value("filter/first_year") == "soon"  # untouched until the window closes
