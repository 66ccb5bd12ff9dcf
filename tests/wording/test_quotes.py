"""Quote-status words in one place: each status its own symbol and word (never colour alone),
the pane's line, the screen reader's sentence and the PDF's phrase all from the same table."""

from timeline_app.timeline.quotes import EMPTY, NOT_FOUND, UNVERIFIABLE, VERIFIED
from timeline_app.wording import quotes
from timeline_app.wording.sources import quote_status_label

STATUSES = (VERIFIED, NOT_FOUND, UNVERIFIABLE)


def test_every_status_a_citation_can_have_is_worded_and_no_two_look_alike():
    assert set(quotes.QUOTE_STATUSES) == set(STATUSES)
    assert len({quotes.status_symbol(s) for s in STATUSES}) == 3
    assert len({quotes.status_label(s) for s in STATUSES}) == 3
    assert len({quotes.status_phrase(s) for s in STATUSES}) == 3
    assert EMPTY not in quotes.QUOTE_STATUSES  # nothing to check: no mark at all


def test_the_line_the_sentence_and_the_pdf_phrase_agree():
    assert quotes.status_line(NOT_FOUND) == (
        "✗ Not found: the source’s archived text does not have these words"
    )
    assert quotes.status_sentence(VERIFIED) == (
        "Quote verified: found word for word in the source’s archived text."
    )
    for status in STATUSES:
        assert quotes.status_symbol(status) not in quotes.status_sentence(status)
        assert quote_status_label(status) == quotes.status_phrase(status)
    assert quote_status_label(None) is None
