"""The detail pane says where an event's date comes from and how many sources back it."""

from timeline_app.timeline.dates import DateSpan
from timeline_app.timeline.events import Citation, Dependence, Event, Source, Theme
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
