"""The detail pane says where an event's date comes from and how many sources back it."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from timeline_app.timeline.dates import DateSpan
from timeline_app.timeline.events import Citation, Dependence, Event, Source, Theme
from timeline_app.timeline.quotes import VERIFIED
from timeline_app.ui.detail_pane import DetailPane

DIPLOMACY = Theme("diplomacy", "Diplomacy", "#0072B2")
REPORT = Source("report", "The report", "report.txt")
RETELLING = Source(
    "retelling", "A retelling", "retelling.txt",
    depends_on=(Dependence("report", "paraphrases"),),
)  # fmt: skip
WITNESS = Source("witness", "A witness", "witness.txt")


def event(*sources: Source, basis: str = "documents") -> Event:
    citations = tuple(Citation(f"Words of {s.title}.", s) for s in sources)
    when = DateSpan.parse("2023-03-29")
    return Event(
        "e", when, "Embassy opens", "It opened.", (DIPLOMACY,), citations, date_basis=basis
    )


def shown(qtbot, shown_event: Event) -> DetailPane:
    pane = DetailPane()
    qtbot.addWidget(pane)
    pane.show_event(shown_event)
    return pane


def test_the_date_says_where_it_comes_from(qtbot):
    pane = shown(qtbot, event(REPORT, basis="general knowledge"))
    assert pane.date_label.text() == "29 March 2023 · date from general knowledge"
    pane.show_event(event(REPORT))
    assert pane.date_label.text() == "29 March 2023 · date from the sources"


def test_a_dependent_source_does_not_count_again_and_the_pane_says_why(qtbot):
    pane = shown(qtbot, event(REPORT, RETELLING, WITNESS))
    assert pane.corroboration_label.text() == (
        "Backed by 2 independent sources of the 3 cited. “A retelling” paraphrases “The report”."
    )
    pane.show_event(event(REPORT, RETELLING))
    assert pane.corroboration_label.text().startswith(
        "Backed by one independent source of the 2 cited."
    )
    pane.show_event(event(REPORT, WITNESS))
    assert pane.corroboration_label.text() == "Backed by 2 independent sources."
    pane.show_event(event(REPORT))
    assert pane.corroboration_label.text() == "Backed by one source."


def test_an_event_without_quotes_claims_no_backing(qtbot):
    pane = shown(qtbot, event())
    assert pane.corroboration_label.isHidden()
    assert not pane.no_quotes.isHidden()


def _on_screen(qtbot, shown_event: Event | None) -> DetailPane:
    pane = shown(qtbot, shown_event)
    pane.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the pane with the keys draws a frame
    pane.resize(520, 700)
    pane.show()
    qtbot.waitExposed(pane)
    return pane


def test_an_event_shown_after_others_looks_as_shown_first(qtbot):
    """After other events, the pane shows an event as a pane that showed nothing before does
    (a pane that kept its quote blocks and filled them again once left stale gaps: a hidden
    block's layout keeps the sizes of what it showed last)."""
    web = Source("web", "On the web", "web.txt", url="https://example.org/a")
    checked = Citation("Checked words.", REPORT, status=VERIFIED)
    unquoted = Citation("", web)
    many = Event("m", DateSpan.parse("2001-05"), "Many quotes", "Three of them.", (DIPLOMACY,),
                 (checked, Citation("More words.", WITNESS), unquoted))  # fmt: skip
    few = event(RETELLING)
    pane = _on_screen(qtbot, many)
    for step in (few, None, many, few):
        pane.show_event(step)
        fresh = _on_screen(qtbot, step)
        QApplication.processEvents()  # both laid out as they are after the event loop's turn
        assert len(pane.quote_blocks) == (len(step.citations) if step else 0)
        assert pane.grab().toImage() == fresh.grab().toImage()
        fresh.close()
    assert [b.status_label.isVisibleTo(b) for b in pane.quote_blocks] == [False]
