"""The numpy index gives exactly the plain index's answers, on random timelines and filters."""

import datetime as dt
import random
from array import array

import numpy as np
import pytest

from timeline_app.store import vector_index
from timeline_app.store.timeline_index import TimelineIndex
from timeline_app.store.vector_index import VectorIndex
from timeline_app.timeline.filter import TimelineFilter

SLUGS = ["diplomacy", "energy", "trade", "defense", "culture"]
FIRST_DAY = dt.date(1990, 1, 1).toordinal()


def _random_arrays(
    rng: random.Random, events: int, id_spread: int = 5, primary_among_themes: bool = False
) -> dict:
    """A random timeline; ids are drawn from 1 to id_spread × events (below 4 × events the
    numpy index finds them by a table, above by sorting). With primary_among_themes every
    event carries its primary theme among its themes, as a real timeline's do (the numpy
    index then takes a ticked primary theme's events whole)."""
    starts = sorted(FIRST_DAY + rng.randrange(0, 30 * 365) for _ in range(events))
    ends = [s + (0 if rng.random() < 0.5 else rng.randrange(1, 900)) for s in starts]
    primary = [rng.randrange(-1, len(SLUGS)) for _ in starts]
    masks = [rng.randrange(0, 1 << len(SLUGS)) for _ in starts]
    if primary_among_themes:
        masks = [m | (1 << p) if p >= 0 else m for m, p in zip(masks, primary, strict=True)]
    return {
        "ids": array("q", rng.sample(range(1, events * id_spread + 2), events)),
        "starts": array("q", starts),
        "ends": array("q", ends),
        "masks": array("Q", masks),
        "primary": array("b", primary),
        "ranks": array("H", (rng.choice([0, 250, 640, 999, 1000, 2000, 3999]) for _ in starts)),
        "theme_slugs": list(SLUGS),
    }


def _random_filter(rng: random.Random) -> TimelineFilter:
    themes = frozenset(s for s in SLUGS if rng.random() < 0.4)
    first = rng.choice([None, 1990, 1995, 2004, 2030])
    last = rng.choice([None, 1989, 1999, 2010, 2025])
    search = rng.choice(["", "", "pipeline", "gas deal"])
    return TimelineFilter(themes=themes, first_year=first, last_year=last, search=search)


def _matching(rng: random.Random, ids: list[int]):
    found = {text: rng.sample(ids, len(ids) // 4) + [10**9] for text in ("pipeline", "gas deal")}
    return lambda text: ",".join(map(str, found[text]))


def _plain(values) -> list:
    return [int(v) for v in values]


@pytest.mark.parametrize("sparse", [None, 1, 10**9])  # as shipped; never; always
@pytest.mark.parametrize("primary_among_themes", [False, True])
@pytest.mark.parametrize("id_spread", [1, 50])
@pytest.mark.parametrize("seed", range(4))
def test_every_answer_is_the_plain_index_answer(
    seed, id_spread, primary_among_themes, sparse, monkeypatch
):
    """`sparse` moves the share of events below which a selection is worked out from its own
    positions (vector_index._SPARSE), so that both ways are compared whatever the filter."""
    if sparse is not None:
        monkeypatch.setattr(vector_index, "_SPARSE", sparse)
    rng = random.Random(seed)
    events = rng.choice([1, 7, 400, 3000])
    arrays = _random_arrays(rng, events, id_spread, primary_among_themes)
    plain, fast = TimelineIndex(**arrays), VectorIndex(**arrays)
    matching = _matching(rng, list(arrays["ids"]))
    for _ in range(25):
        wanted = _random_filter(rng)
        expected, got = plain.select(wanted, matching), fast.select(wanted, matching)
        assert _plain(got.positions) == list(expected.positions)
        assert _plain(got.starts) == expected.starts
        assert _plain(got.wide) == expected.wide
        assert got.last_day == expected.last_day
        assert [(t, _plain(s)) for t, s in got.by_primary_theme.items()] == [
            (t, s) for t, s in expected.by_primary_theme.items()
        ]
        assert fast.theme_counts(wanted, matching) == plain.theme_counts(wanted, matching)
        ids = plain.event_ids(expected)
        assert fast.event_ids(got) == ids
        for event_id in rng.sample(list(arrays["ids"]), min(20, len(arrays["ids"]))):
            assert fast.event_ids(got).row_of(event_id) == ids.row_of(event_id)
        for _ in range(8):
            first = FIRST_DAY + rng.randrange(-400, 31 * 365)
            last = first + rng.choice([0, 1, 30, 400, 4000, 12000])
            assert fast.in_span(got, first, last) == plain.in_span(expected, first, last)
            assert fast.count_in_span(got, first, last) == plain.count_in_span(
                expected, first, last
            )
            width = rng.choice([0.7, 3.0, 17.25, 365.0])
            got_buckets = fast.buckets(got, first, last, width)
            expected_buckets = plain.buckets(expected, first, last, width)
            assert got_buckets == expected_buckets
            assert [list(c) for c in got_buckets.values()] == [
                list(c) for c in expected_buckets.values()
            ]  # the same themes in the same order: they are stacked in this order
            slots = rng.choice([1, 5, 35])
            assert fast.landmarks(got, first, last, slots) == plain.landmarks(
                expected, first, last, slots
            )


def test_an_empty_timeline_answers_as_the_plain_one():
    arrays = _random_arrays(random.Random(1), 0)
    plain, fast = TimelineIndex(**arrays), VectorIndex(**arrays)
    wanted = TimelineFilter(themes=frozenset({"energy"}))
    assert _plain(fast.select(wanted).positions) == list(plain.select(wanted).positions) == []
    assert fast.select(wanted).last_day == plain.select(wanted).last_day
    assert fast.theme_counts(wanted) == plain.theme_counts(wanted)
    assert fast.position(5) is None and plain.position(5) is None
    assert fast.count_in_span(fast.select(wanted), FIRST_DAY, FIRST_DAY + 10) == 0


def test_the_ids_of_a_selection_are_python_ints_in_chronological_order():
    arrays = _random_arrays(random.Random(3), 500)
    fast = VectorIndex(**arrays)
    ids = fast.event_ids(fast.select(TimelineFilter(themes=frozenset({"trade"}))))
    assert all(type(i) is int for i in ids) and type(ids[0]) is int
    assert all(type(i) is int for i in ids[3:9])
    assert ids[3:9] == list(ids)[3:9]
    assert ids.row_of(ids[7]) == 7 and ids.index(ids[7]) == 7 and ids[7] in ids
    assert -1 not in ids and ids.row_of(-1) is None


@pytest.mark.parametrize("primary_among_themes", [False, True])
@pytest.mark.parametrize("seed", range(3))
def test_a_filter_of_themes_alone_is_the_plain_index_answer(seed, primary_among_themes):
    """Themes alone (the toggle's filter) is where the numpy index takes a ticked primary
    theme's events whole; with the years or a search beside them it may not."""
    rng = random.Random(100 + seed)
    arrays = _random_arrays(rng, rng.choice([50, 2000]), 1, primary_among_themes)
    plain, fast = TimelineIndex(**arrays), VectorIndex(**arrays)
    matching = _matching(rng, list(arrays["ids"]))
    taken_whole = 0
    for _ in range(20):
        themes = frozenset(s for s in SLUGS if rng.random() < 0.6) or frozenset(SLUGS[:1])
        for wanted in (
            TimelineFilter(themes=themes),
            TimelineFilter(themes=themes, first_year=1995),
            TimelineFilter(themes=themes, last_year=2004),
            TimelineFilter(themes=themes, search="pipeline"),
        ):
            expected, got = plain.select(wanted, matching), fast.select(wanted, matching)
            assert _plain(got.positions) == list(expected.positions)
            assert _plain(got.starts) == expected.starts
            assert _plain(got.wide) == expected.wide
            assert got.last_day == expected.last_day
            assert [(t, _plain(s)) for t, s in got.by_primary_theme.items()] == [
                (t, s) for t, s in expected.by_primary_theme.items()
            ]
            grouped_starts = fast._grouped_by_theme()[1]
            taken_whole += sum(
                np.shares_memory(s, grouped_starts) for s in got.by_primary_theme.values()
            )
            first, last = int(arrays["starts"][0]), got.last_day
            assert fast.buckets(got, first, last, 91.5) == plain.buckets(
                expected, first, last, 91.5
            )
    # Real timelines carry the primary theme among the themes: there the short cut is taken.
    assert (taken_whole > 0) == primary_among_themes


def test_the_whole_timeline_is_one_selection_kept_until_an_edit():
    arrays = _random_arrays(random.Random(5), 300, 1, primary_among_themes=True)
    fast = VectorIndex(**arrays)
    everything = fast.select(TimelineFilter())
    for k in range(9):  # more filters than the cache of selections keeps
        fast.select(TimelineFilter(first_year=1990 + k))
    assert fast.select(TimelineFilter()) is everything
    gone = int(arrays["ids"][7])
    fast.replace_events([gone], [], lambda ids, row: 0)
    after = fast.select(TimelineFilter())
    assert after is not everything and len(after.positions) == 299
    assert gone not in fast.event_ids(after)
