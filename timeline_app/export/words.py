"""The export's words for the reader, through Qt's translation machinery."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from timeline_app.timeline.events import GENERAL_KNOWLEDGE

# pyside6-lupdate files a tr() called outside a class under the empty context; ask for the same.
CONTEXT = ""


def tr(text: str, disambiguation: str | None = None, n: int = -1, **values: object) -> str:
    """Translate text, then fill its {named} places (values are never translated).

    With n, text is a Qt plural ("%n page(s)"): the catalogue picks the form for n and puts n in
    place of %n. The arguments are Qt's own tr()'s, so lupdate reads the calls as Qt's.
    """
    translated = QCoreApplication.translate(CONTEXT, text, disambiguation, n)
    return translated.format(**values) if values else translated


def date_basis_words(basis: str) -> str:
    """Where an event's date comes from, to set beside the date."""
    if basis == GENERAL_KNOWLEDGE:
        return tr("date from general knowledge")
    return tr("date from the sources")


def backing_words(independent: int, cited: int) -> str:
    """ "one source", "3 independent sources", "one independent source of the 2 cited"."""
    if cited == 1:
        return tr("one source")
    if independent == cited:
        return tr("%n independent source(s)", None, cited)
    if independent == 1:
        return tr("one independent source of the {cited} cited", cited=cited)
    return tr("%n independent source(s) of the {cited} cited", None, independent, cited=cited)


def dependence_words(kind: str, source: str, other: str) -> str:
    """Why a cited source does not count again: “A” paraphrases “B”."""
    if kind == "paraphrases":
        return tr("{source} paraphrases {other}", source=source, other=other)
    return tr("{source} shares text with {other}", source=source, other=other)
