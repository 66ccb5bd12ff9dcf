"""The one hook through which the formatter's words are translated.

Plain Python: until a Qt application installs its translators (`wording.qt.install_translators`),
text passes through unchanged, so the command line prints English without loading Qt.
"""

from __future__ import annotations

from collections.abc import Callable

Translate = Callable[[str, str], str]


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 (the name lupdate looks for)
    """Mark text for the translation catalogue; it is translated later, where it is shown."""
    return text


def _untranslated(context: str, text: str) -> str:
    return text


_translate: Translate = _untranslated


def translate(context: str, text: str) -> str:
    """Text in the reader's language, when a translation for it is installed."""
    return _translate(context, text)


def use_translation(function: Translate | None) -> None:
    """Translate through function from now on (None: back to the source text)."""
    global _translate
    _translate = function or _untranslated
