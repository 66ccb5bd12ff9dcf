"""The export's words for the reader, through Qt's translation machinery."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

CONTEXT = "export"


def tr(text: str, count: int = -1, **values: object) -> str:
    """Translate text, then fill its {named} places (values are never translated).

    With a count, text is a Qt plural ("%n page(s)"): the catalogue picks the form and puts the
    count in place of %n.
    """
    translated = QCoreApplication.translate(CONTEXT, text, None, count)
    return translated.format(**values) if values else translated
