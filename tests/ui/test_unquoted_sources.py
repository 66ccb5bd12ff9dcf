"""Imported timelines cite some sources without their words (a link, a picture's credit)."""

from PySide6.QtGui import QGuiApplication

from timeline_app.export.content import NumberedSources
from timeline_app.export.document import event_blocks
from timeline_app.timeline.dates import DateSpan
from timeline_app.timeline.events import Citation, Event, Source
from timeline_app.ui.detail_pane import DetailPane
from timeline_app.wording.sources import attribution, citation_text

LINK = Source("s1", "The keeper's log", "", url="https://example.org/log")
EVENT = Event(
    "k", DateSpan.parse("1901-03-14"), "The lighthouse is lit", "", (),
    (Citation("", LINK), Citation("The light could be seen.", LINK)),
)  # fmt: skip


def test_the_detail_pane_names_an_unquoted_source_without_empty_quote_marks(qtbot):
    pane = DetailPane()
    qtbot.addWidget(pane)
    pane.show()
    pane.show_event(EVENT)
    unquoted, quoted = pane.quote_blocks
    assert unquoted.quote_label.isHidden() and not quoted.quote_label.isHidden()
    assert "“”" not in unquoted.attribution_label.text()
    unquoted.copy_citation()
    assert (
        QGuiApplication.clipboard().text() == attribution(LINK) == citation_text(EVENT.citations[0])
    )


def test_the_pdf_names_an_unquoted_source_without_empty_quote_marks(qapp):
    blocks = list(event_blocks(EVENT, NumberedSources.cited_by([EVENT])))
    texts = [p.text for b in blocks if b.continues for p in b.paragraphs]  # the quotes
    assert texts[0].startswith("Source [") and "“”" not in texts[0]
    assert texts[1].startswith("“The light could be seen.”")
