"""The export's words for the reader, through Qt's translation machinery."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

CONTEXT = "export"


def tr(text: str, **values: object) -> str:
    """Translate text, then fill its {named} places (values are never translated)."""
    translated = QCoreApplication.translate(CONTEXT, text)
    return translated.format(**values) if values else translated


def count_of(count: int, one: str, many: str, **values: object) -> str:
    """ "1 page" / "12 pages": the translator sees both forms; {n} is the count."""
    return tr(one if count == 1 else many, n=count, **values)
