import datetime as dt

import pytest

from timeline_app.render.scale import MAX_SPAN_DAYS, MIN_SPAN_DAYS, TimeScale
from timeline_app.render.ticks import ticks


def day(y, m=1, d=1):
    return dt.date(y, m, d).toordinal()


def test_fit_shows_both_ends_inside_the_width():
    scale = TimeScale.fit(day(1991), day(2024, 12, 31), 0, 1000)
    assert 0 < scale.x(day(1991)) < scale.x(day(2024, 12, 31)) < 1000


def test_zooming_keeps_the_day_under_the_pointer_in_place():
    scale = TimeScale.fit(day(1991), day(2024), 0, 1000)
    anchor = scale.day(300)
    zoomed = scale.zoomed(4, 300)
    assert zoomed.span == pytest.approx(scale.span / 4)
    assert zoomed.day(300) == pytest.approx(anchor)
    assert zoomed.zoomed(0.25, 300).span == pytest.approx(scale.span)


def test_zoom_is_bounded_both_ways():
    scale = TimeScale.fit(day(1991), day(2024), 0, 1000)
    assert scale.zoomed(1e9, 500).span == pytest.approx(MIN_SPAN_DAYS)
    assert scale.zoomed(1e-9, 500).span == pytest.approx(MAX_SPAN_DAYS)


def test_panning_right_brings_earlier_dates_into_view():
    scale = TimeScale.fit(day(2000), day(2010), 0, 1000)
    moved = scale.panned(100)
    assert moved.first_day < scale.first_day
    assert moved.span == pytest.approx(scale.span)
    assert moved.x(day(2005)) == pytest.approx(scale.x(day(2005)) + 100)


@pytest.mark.parametrize(
    ("first", "last", "expected"),
    [
        (day(1900), day(2025), "decades or more"),
        (day(1991), day(2024), "years"),
        (day(2020), day(2021, 6), "months"),
        (day(2024, 2, 10), day(2024, 2, 24), "days"),
    ],
)
def test_ticks_adapt_from_decades_to_days(first, last, expected):
    scale = TimeScale(first, last, 0, 1200)
    marks = ticks(scale)
    assert len(marks) >= 2
    gaps = {b.day - a.day for a, b in zip(marks, marks[1:], strict=False)}
    if expected == "decades or more":
        assert min(gaps) >= 3650
    elif expected == "years":
        assert 365 <= min(gaps) < 3650
    elif expected == "months":
        assert 28 <= min(gaps) <= 184
    else:
        assert min(gaps) <= 7
    assert all(scale.first_day <= t.day <= scale.last_day + 1 for t in marks)
    xs = [scale.x(t.day) for t in marks]
    assert min(b - a for a, b in zip(xs, xs[1:], strict=False)) >= 60  # labels do not collide
