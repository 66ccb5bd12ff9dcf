import datetime as dt

from benchmarks.make_dataset import make_dataset
from timeline_app.render.scale import TimeScale
from timeline_app.render.scene import MAX_MARKS, Mark, aggregate, event_at, lay_out
from timeline_app.render.visible import visible_buckets, visible_scene
from timeline_app.store import queries
from timeline_app.store.database import open_database
from timeline_app.timeline.dates import Precision
from timeline_app.timeline.filter import TimelineFilter


def width(text):
    return 7.0 * len(text)


def mark(i, first, last=None, title=None, precision=Precision.DAY):
    return Mark(i, first, last or first, precision, False, last is not None, title or f"Event {i}",
                ("energy",))  # fmt: skip


def test_labels_never_overlap_in_a_lane():
    base = dt.date(2000, 1, 1).toordinal()
    marks = [mark(i, base + i * 20) for i in range(60)]
    scale = TimeScale.fit(base, base + 60 * 20, 0, 1200)
    scene = lay_out(marks, scale, height=400, label_width=width)
    by_lane = {}
    for item in scene.placed:
        by_lane.setdefault(item.y, []).append((item.left, item.right))
    for spans in by_lane.values():
        spans.sort()
        assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:], strict=False))
    assert len(scene.placed) + sum(b.total for b in scene.hidden) == len(marks)


def test_marks_that_find_no_room_are_counted_not_lost():
    base = dt.date(2000, 1, 1).toordinal()
    marks = [mark(i, base) for i in range(50)]  # all on one day
    scale = TimeScale.fit(base, base + 365, 0, 800)
    scene = lay_out(marks, scale, height=100, label_width=width)
    assert scene.hidden and scene.event_count() == 50


def test_too_many_marks_become_counts_that_add_up():
    base = dt.date(1950, 1, 1).toordinal()
    marks = [mark(i, base + i * 7) for i in range(MAX_MARKS + 500)]
    scale = TimeScale.fit(base, base + len(marks) * 7, 0, 1000)
    scene = lay_out(marks, scale, height=300, label_width=width)
    assert scene.is_aggregated and not scene.placed
    assert sum(b.total for b in scene.buckets) == len(marks)
    assert sum(b.total for b in aggregate(marks[:10], scale)) == 10


def test_a_click_finds_the_event_drawn_there():
    base = dt.date(2000, 1, 1).toordinal()
    scale = TimeScale.fit(base, base + 3650, 0, 1000)
    scene = lay_out([mark(7, base + 1000, title="Pipeline")], scale, 200, width)
    item = scene.placed[0]
    assert event_at(scene, item.x0, item.y) == 7
    assert event_at(scene, item.right - 2, item.y) == 7  # on the label
    assert event_at(scene, item.x0, item.y + 100) is None


def test_the_canvas_reads_only_the_events_in_view(bundled_db):
    wanted = TimelineFilter()
    first, last = dt.date(2020, 1, 1).toordinal(), dt.date(2020, 12, 31).toordinal()
    scene = visible_scene(bundled_db, wanted, TimeScale(first, last, 0, 1200), 400, width)
    shown = {item.mark.event_id for item in scene.placed}
    expected = {
        e.id for e in queries.filtered_events(bundled_db, wanted)
        if e.when.first_day().toordinal() <= last and e.when.last_day().toordinal() >= first
    }  # fmt: skip
    assert shown == expected


def test_bucket_counts_equal_a_plain_count(tmp_path):
    path = tmp_path / "synthetic.db"
    make_dataset(3000, path, seed=3)
    db = open_database(path)
    try:
        for wanted in (TimelineFilter(), TimelineFilter(themes=frozenset({"energy"}))):
            first, last = queries.extent(db, wanted)
            scale = TimeScale.fit(first, last, 0, 900)
            buckets = visible_buckets(db, wanted, scale)
            assert sum(b.total for b in buckets) == queries.count_events(db, wanted)
            events = queries.filtered_events(db, wanted)
            middle = buckets[len(buckets) // 2]
            plain = sum(
                1 for e in events
                if middle.first_day <= e.when.first_day().toordinal() < middle.last_day
            )  # fmt: skip
            assert middle.total == plain
            for bucket in buckets:
                assert sum(bucket.theme_counts.values()) == bucket.total
    finally:
        db.close()
