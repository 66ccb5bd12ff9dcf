"""The export's words for the reader, through Qt's translation machinery."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

# pyside6-lupdate files a tr() called outside a class under the empty context; ask for the same.
CONTEXT = ""


def tr(text: str, disambiguation: str | None = None, n: int = -1, **values: object) -> str:
    """Translate text, then fill its {named} places (values are never translated).

    With n, text is a Qt plural ("%n page(s)"): the catalogue picks the form for n and puts n in
    place of %n. The arguments are Qt's own tr()'s, so lupdate reads the calls as Qt's.
    """
    translated = QCoreApplication.translate(CONTEXT, text, disambiguation, n)
    return translated.format(**values) if values else translated
