"""Each quote in the detail pane says whether it was found in its source's archived text: in a
word and a symbol (not colour alone), with a sentence for screen readers."""

from timeline_app.timeline.dates import DateSpan
from timeline_app.timeline.events import Citation, Event, Source, Theme
from timeline_app.timeline.quotes import NOT_FOUND, UNVERIFIABLE, VERIFIED
from timeline_app.ui.detail_pane import DetailPane

THEME = Theme("diplomacy", "Diplomacy", "#0072B2")
REPORT = Source("report", "The report", "report.txt")


def pane_showing(qtbot, *citations: Citation) -> DetailPane:
    pane = DetailPane()
    qtbot.addWidget(pane)
    when = DateSpan.parse("2023-03-29")
    pane.show_event(Event("e", when, "Embassy opens", "It opened.", (THEME,), citations))
    pane.resize(500, 600)
    pane.show()
    return pane


def test_each_status_is_said_in_a_word_a_symbol_and_a_sentence(qtbot):
    pane = pane_showing(
        qtbot,
        Citation("We open today.", REPORT, id=1, status=VERIFIED),
        Citation("We never said this.", REPORT, id=2, status=NOT_FOUND),
        Citation("Words from paper only.", REPORT, id=3, status=UNVERIFIABLE),
    )
    marks = [block.status_label for block in pane.quote_blocks]
    assert [mark.text() for mark in marks] == [
        "✓ Verified: found word for word in the source’s archived text",
        "✗ Not found: the source’s archived text does not have these words",
        "? Unverifiable: the source has no archived text to check it against",
    ]
    assert all(mark.isVisible() for mark in marks)
    assert [mark.accessibleName() for mark in marks] == [
        "Quote verified: found word for word in the source’s archived text.",
        "Quote not found: the source’s archived text does not have these words.",
        "Quote unverifiable: the source has no archived text to check it against.",
    ]
    assert marks[1].toolTip() == marks[1].accessibleName()


def test_a_quote_never_checked_or_a_source_credited_without_words_has_no_mark(qtbot):
    pane = pane_showing(
        qtbot,
        Citation("Read from a text file, not a store.", REPORT),
        Citation("", REPORT, id=4, status=UNVERIFIABLE),
    )
    assert [block.status_label.isVisible() for block in pane.quote_blocks] == [False, False]


def test_the_bundled_timeline_marks_its_quotes(qtbot, bundled_db):
    """The store fills each citation's status; the pane shows the mark it gives."""
    from timeline_app.store import queries
    from timeline_app.timeline.filter import TimelineFilter

    event = next(e for e in queries.filtered_events(bundled_db, TimelineFilter()) if e.citations)
    pane = pane_showing(qtbot, *event.citations)
    for block, citation in zip(pane.quote_blocks, event.citations, strict=True):
        assert citation.status in (VERIFIED, NOT_FOUND, UNVERIFIABLE)
        assert block.status_label.isVisible()
        assert block.status_label.property("quoteStatus") == citation.status
