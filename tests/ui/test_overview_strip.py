"""The overview strip under the canvas: the whole filtered timeline as density. Fitted to all, the
canvas draws the same stretches, so the strip takes the canvas's counts instead of counting
again; what it draws must be what its own count gives."""

from __future__ import annotations

from benchmarks.make_dataset import make_dataset
from timeline_app.render.visible import stretch_totals
from timeline_app.store import queries
from timeline_app.timeline.filter import TimelineFilter


def _own_heights(strip) -> list[tuple[float, float, float]]:
    """The strip's heights as counted by the strip alone."""
    scale = strip.whole()
    stretches = stretch_totals(strip.canvas.db, strip.canvas.current_filter, scale)
    tallest = max(total for _, _, total in stretches) ** 0.5
    return [(scale.x(a), scale.x(b), total**0.5 / tallest) for a, b, total in stretches]


def test_fitted_to_all_the_strip_shows_the_canvas_counts_counted_once(
    qtbot, open_window, tmp_path, monkeypatch
):
    path = tmp_path / "dense.db"
    make_dataset(3000, path, seed=7)
    window = open_window(path)
    canvas, strip = window.canvas, window.overview
    asked = []
    real = queries.bucket_counts
    monkeypatch.setattr(queries, "bucket_counts", lambda *a: asked.append(a) or real(*a))
    slugs = [theme.slug for theme in window.themes]
    for themes in (frozenset(slugs[1:]), frozenset(slugs[:2]), frozenset()):
        window.apply_filter(TimelineFilter(themes=themes))
        canvas.fit_all()
        asked.clear()
        window.repaint()
        assert canvas._current_scene().is_aggregated  # the canvas draws counts
        assert canvas.scale == strip.whole()
        assert len(asked) == 1  # the canvas's count, not one more for the strip
        assert strip._heights == _own_heights(strip)


def test_zoomed_in_the_strip_counts_the_whole_timeline_itself(qtbot, open_window, tmp_path):
    path = tmp_path / "dense.db"
    make_dataset(3000, path, seed=7)
    window = open_window(path)
    canvas, strip = window.canvas, window.overview
    window.apply_filter(TimelineFilter(search="a"))
    canvas.zoom_in()
    builds = strip.builds
    window.resize(window.width() + 60, window.height())  # a new width: the strip counts again
    qtbot.waitUntil(lambda: strip.whole() is not None and strip.builds > builds)
    assert canvas.scale != strip.whole()
    assert strip._heights == _own_heights(strip)
