"""The one hook through which the formatter's words are translated.

Plain Python: until a Qt application installs its translators (`wording.qt.install_translators`),
text passes through unchanged (a plural in its English form), so the command line prints English
without loading Qt.
"""

from __future__ import annotations

from collections.abc import Callable

from timeline_app.timeline.phrases import english

# (context, catalogue text[, disambiguation, n]) -> the text in the reader's language, as Qt's
# translate() takes them: n, for a plural, picks its form.
Translate = Callable[..., str]


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 (the name lupdate looks for)
    """Mark text for the translation catalogue; it is translated later, where it is shown."""
    return text


def _untranslated(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    return english(text, n)


_translate: Translate = _untranslated


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """Text in the reader's language, when a translation for it is installed. With n, text is
    a plural ("%Ln quote(s)."): the form for n, with n in place of %Ln. (Mark a plural with
    timeline.phrases.tr, which lupdate reads as one.)"""
    if n < 0:
        return _translate(context, text)
    return _translate(context, text, disambiguation, n)


def use_translation(function: Translate | None) -> None:
    """Translate through function from now on (None: back to the source text). It is called
    as function(context, text), and with (disambiguation, n) after them for a plural."""
    global _translate
    _translate = function or _untranslated
