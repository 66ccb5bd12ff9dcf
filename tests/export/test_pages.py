"""Placing blocks on pages: whole where they fit, split between lines only when they cannot."""

from __future__ import annotations

import random

from tests.export.conftest import THEMES, WEB, flat
from timeline_app.export.blocks import Placed, TextBlock, paginate
from timeline_app.export.content import gather
from timeline_app.export.pdf import PdfExport
from timeline_app.store.database import open_database
from timeline_app.store.writing import write_timeline
from timeline_app.timeline.dates import DateSpan
from timeline_app.timeline.events import Citation, Event
from timeline_app.timeline.filter import TimelineFilter

PAGE = 100.0


def block(space_before=0.0, keep_with_next=False):
    return TextBlock((), space_before=space_before, keep_with_next=keep_with_next)


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
