"""Placing blocks on pages: whole where they fit, split between lines only when they cannot."""

from __future__ import annotations

import random

from tests.export.conftest import THEMES, WEB, flat
from timeline_app.export import blocks as layout
from timeline_app.export.blocks import MeasuredBlocks, Placed, TextBlock
from timeline_app.export.content import gather
from timeline_app.export.pdf import PdfExport
from timeline_app.store.database import open_database
from timeline_app.store.writing import write_timeline
from timeline_app.timeline.dates import DateSpan
from timeline_app.timeline.events import Citation, Event
from timeline_app.timeline.filter import TimelineFilter

PAGE = 100.0


def paginate(blocks, rows, page_height: float, unit: float) -> list:
    """Every page's placed rows at once."""
    return list(layout.pages(blocks, rows, page_height, unit))


def block(space_before=0.0, keep_with_next=False, **kinds):
    return TextBlock((), space_before=space_before, keep_with_next=keep_with_next, **kinds)


def event_group(quotes: int) -> list[TextBlock]:
    """An event's heading, its repeated heading, then its quotes."""
    return [block(), block(repeated_heading=True), *[block(continues=True)] * quotes]


def test_a_block_that_does_not_fit_what_is_left_starts_the_next_page():
    blocks = [block(), block()]
    pages = paginate(blocks, [[30.0, 30.0], [20.0, 20.0, 20.0]], PAGE, 1.0)
    assert pages == [[Placed(0, 0, 1, 0.0)], [Placed(1, 0, 2, 0.0)]]


def test_space_before_counts_between_blocks_but_not_at_the_top_of_a_page():
    blocks = [block(space_before=5), block(space_before=5)]
    pages = paginate(blocks, [[40.0], [40.0]], PAGE, 1.0)
    assert pages == [[Placed(0, 0, 0, 0.0), Placed(1, 0, 0, 45.0)]]


def test_a_block_taller_than_a_page_breaks_between_its_lines():
    blocks = [block(), block()]
    pages = paginate(blocks, [[10.0], [30.0] * 7], PAGE, 1.0)
    assert pages == [
        [Placed(0, 0, 0, 0.0), Placed(1, 0, 2, 10.0)],
        [Placed(1, 3, 5, 0.0)],
        [Placed(1, 6, 6, 0.0)],
    ]
    placed_rows = [p for page in pages for p in page if p.block == 1]
    assert sum(p.last - p.first + 1 for p in placed_rows) == 7


def test_a_heading_moves_to_the_next_page_with_the_block_it_introduces():
    blocks = [block(), block(keep_with_next=True), block()]
    pages = paginate(blocks, [[70.0], [10.0], [30.0]], PAGE, 1.0)
    assert pages == [[Placed(0, 0, 0, 0.0)], [Placed(1, 0, 0, 0.0), Placed(2, 0, 0, 10.0)]]


def test_quotes_that_go_on_on_a_new_page_repeat_their_events_heading_there():
    blocks = [*event_group(3), *event_group(1)]
    rows = [[30.0], [15.0], [30.0], [30.0], [30.0], [20.0], [15.0], [20.0]]
    pages = paginate(blocks, rows, PAGE, 1.0)
    assert pages == [
        [Placed(0, 0, 0, 0.0), Placed(2, 0, 0, 30.0), Placed(3, 0, 0, 60.0)],
        [Placed(1, 0, 0, 0.0), Placed(4, 0, 0, 15.0), Placed(5, 0, 0, 45.0),
         Placed(7, 0, 0, 65.0)],
    ]  # fmt: skip
    # The second event's repeated heading (6) is drawn nowhere: its quote stayed beside it.


def test_a_quote_taller_than_a_page_repeats_the_heading_on_each_page_it_goes_on():
    blocks = event_group(1)
    pages = paginate(blocks, [[40.0], [20.0], [30.0] * 5], PAGE, 1.0)
    assert pages == [
        [Placed(0, 0, 0, 0.0), Placed(2, 0, 1, 40.0)],
        [Placed(1, 0, 0, 0.0), Placed(2, 2, 3, 20.0)],
        [Placed(1, 0, 0, 0.0), Placed(2, 4, 4, 20.0)],
    ]


def test_the_heading_is_not_repeated_above_the_next_events_blocks():
    blocks = [*event_group(1), block()]
    pages = paginate(blocks, [[40.0], [20.0], [40.0], [40.0]], PAGE, 1.0)
    assert pages == [[Placed(0, 0, 0, 0.0), Placed(2, 0, 0, 40.0)], [Placed(3, 0, 0, 0.0)]]


def test_a_heading_kept_with_its_event_skips_the_repeated_heading_in_between():
    blocks = [block(keep_with_next=True), *event_group(1)]
    pages = paginate(blocks, [[50.0], [40.0], [20.0], [40.0]], PAGE, 1.0)
    assert pages[0] == [Placed(0, 0, 0, 0.0), Placed(1, 0, 0, 50.0)]


def test_blocks_packed_for_a_long_export_are_placed_exactly_as_the_blocks_themselves():
    rnd = random.Random(11)
    kinds = [{}, {"keep_with_next": True}, {"repeated_heading": True}, {"continues": True},
             {"space_before": 6.0}, {"space_before": 6.0, "keep_with_next": True}]  # fmt: skip
    blocks = [block(**rnd.choice(kinds)) for _ in range(400)]
    rows = [[rnd.choice([7.5, 12.25, 30.0, 61.0]) for _ in range(rnd.randint(1, 6))]
            for _ in blocks]  # fmt: skip
    packed = MeasuredBlocks()
    for one, heights in zip(blocks, rows, strict=True):
        packed.add(one, heights)
    assert len(packed) == len(blocks)
    assert [list(packed.rows[i]) for i in range(len(blocks))] == rows
    expected = paginate(blocks, rows, PAGE, 1.0)
    assert len(expected) > 20  # long enough to break blocks, move headings and repeat them
    assert paginate(packed.shapes, packed.rows, PAGE, 1.0) == expected


def test_no_quote_is_split_across_pages_in_a_real_export(qapp, tmp_path, read_pdf):
    words = ["Azərbaycan", "oil", "pipeline", "embassy", "trade", "visit", "şəhər", "ğ", "ç"]
    rnd = random.Random(7)
    events = []
    for i in range(40):
        quotes = tuple(
            Citation(
                f"Q{i}-{k} " + " ".join(rnd.choice(words) for _ in range(rnd.randint(20, 70))), WEB
            )
            for k in range(rnd.randint(1, 3))
        )
        when = DateSpan.parse(f"{1991 + i % 30}-0{1 + i % 9}")
        events.append(Event(f"e{i}", when, f"Event {i}", "Summary " * 20, (THEMES[i % 3],), quotes))
    db = open_database(tmp_path / "many.db", create=True)
    write_timeline(db, "Many quotes", THEMES, (WEB,), events)
    result = PdfExport(gather(db, TimelineFilter()), tmp_path / "many.pdf").run()
    db.close()
    pdf = read_pdf(result.path)
    assert result.pages >= 4
    for event in events:
        for citation in event.citations:
            quote = flat(citation.quote)
            holding = [n for n, page in enumerate(pdf.pages) if quote in page]
            assert len(holding) == 1, f"{quote[:12]} is split or missing"


def test_an_export_repeats_the_heading_where_an_events_quotes_go_on(qapp, tmp_path, read_pdf):
    rnd = random.Random(3)
    words = ["oil", "pipeline", "embassy", "trade", "Bakı", "visit"]
    quotes = tuple(
        Citation(f"Q{k} " + " ".join(rnd.choice(words) for _ in range(90)), WEB) for k in range(9)
    )
    event = Event("long", DateSpan.parse("2006-07"), "Pipeline with many quotes", "Summary.",
                  (THEMES[1],), quotes)  # fmt: skip
    db = open_database(tmp_path / "long.db", create=True)
    write_timeline(db, "Long quotes", THEMES, (WEB,), [event])
    result = PdfExport(gather(db, TimelineFilter()), tmp_path / "long.pdf").run()
    db.close()
    pdf = read_pdf(result.path)
    continued = "Pipeline with many quotes (continued)"
    first = next(n for n, page in enumerate(pdf.pages) if flat(quotes[0].quote) in page)
    last = next(n for n, page in enumerate(pdf.pages) if flat(quotes[-1].quote) in page)
    assert last > first, "the quotes take more than one page"
    assert continued not in pdf.pages[first]
    for page in pdf.pages[first + 1 : last + 1]:
        assert page.startswith("July 2006 " + continued)
