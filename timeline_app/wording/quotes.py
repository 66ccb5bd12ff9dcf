"""A quote's standing against its source's archived text, in words and a symbol: the mark the
detail pane sets under each quote, and the phrase the PDF sets after it. Plain Python.

Never colour alone: each status has its own word and its own symbol, so it reads the same in
grey, to a screen reader, and on paper."""

from __future__ import annotations

from timeline_app.timeline.quotes import NOT_FOUND, UNVERIFIABLE, VERIFIED
from timeline_app.wording.translation import QT_TRANSLATE_NOOP, translate

CONTEXT = "quotes"

# status: (symbol, short label, why the quote has it, the phrase set after a quote in print)
_WORDS = {
    VERIFIED: (
        "✓",
        QT_TRANSLATE_NOOP("quotes", "Verified"),
        QT_TRANSLATE_NOOP("quotes", "found word for word in the source’s archived text"),
        QT_TRANSLATE_NOOP("quotes", "verified in the archived source"),
    ),
    NOT_FOUND: (
        "✗",
        QT_TRANSLATE_NOOP("quotes", "Not found"),
        QT_TRANSLATE_NOOP("quotes", "the source’s archived text does not have these words"),
        QT_TRANSLATE_NOOP("quotes", "not found in the archived source"),
    ),
    UNVERIFIABLE: (
        "?",
        QT_TRANSLATE_NOOP("quotes", "Unverifiable"),
        QT_TRANSLATE_NOOP("quotes", "the source has no archived text to check it against"),
        QT_TRANSLATE_NOOP("quotes", "unverifiable: no archived source"),
    ),
}
QUOTE_STATUSES = tuple(_WORDS)


def status_symbol(status: str) -> str:
    """ "✓", "✗" or "?"."""
    return _WORDS[status][0]


def status_label(status: str) -> str:
    """ "Verified", "Not found", "Unverifiable"."""
    return translate(CONTEXT, _WORDS[status][1])


def status_explanation(status: str) -> str:
    """Why the quote has this mark: "found word for word in the source’s archived text"."""
    return translate(CONTEXT, _WORDS[status][2])


def status_phrase(status: str) -> str:
    """ "verified in the archived source": what the PDF sets after a quote."""
    return translate(CONTEXT, _WORDS[status][3])


def status_mark(status: str) -> str:
    """ "✓ Verified": the symbol and the word, as set under a quote."""
    return translate(CONTEXT, "{symbol} {label}").format(
        symbol=status_symbol(status), label=status_label(status)
    )


def status_line(status: str) -> str:
    """ "✓ Verified: found word for word in the source’s archived text": the mark with why."""
    return translate(CONTEXT, "{mark}: {explanation}").format(
        mark=status_mark(status), explanation=status_explanation(status)
    )


def status_sentence(status: str) -> str:
    """ "Quote verified: found word for word in the source’s archived text." — what a screen
    reader says for the mark (without the symbol, which it would read out by name)."""
    return translate(CONTEXT, "Quote {label}: {explanation}.").format(
        label=status_label(status).lower(), explanation=status_explanation(status)
    )


def not_found_note() -> str:
    """What the event editor says under a quote its source's archived text does not have: that
    it may be saved all the same, and how it will be marked."""
    return translate(
        CONTEXT,
        "✗ Not found in the archived text. The quote is kept as written and marked as not "
        "verified.",
    )
