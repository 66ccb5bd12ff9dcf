"""A sentence for the user kept as its catalogue text and values, so that the layer that shows
it says it in the reader's language (wording.editing), while layers below Qt, which cannot
translate, still build it. str() of one is its English."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

Translate = Callable[[str, str], str]  # (context, catalogue text) -> text in the reader's language


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 (the name lupdate looks for)
    """Marks text for the translation catalogue; it is translated where it is shown."""
    return text


def _english(context: str, text: str) -> str:
    return text


@dataclass(frozen=True)
class Phrase:
    context: str  # the catalogue's context; "" for text already in the reader's words
    text: str  # as marked with QT_TRANSLATE_NOOP, placeholders in {braces}
    values: tuple[tuple[str, object], ...] = ()  # a value may be a Phrase itself

    def say(self, translate: Translate = _english) -> str:
        if not self.context:
            return self.text
        values = {
            name: value.say(translate) if isinstance(value, Phrase) else value
            for name, value in self.values
        }
        return translate(self.context, self.text).format(**values)

    def __str__(self) -> str:
        return self.say()


def phrase(context: str, text: str, **values: object) -> Phrase:
    return Phrase(context, text, tuple(values.items()))


def as_phrase(problem: str | Phrase) -> Phrase:
    """A problem as a Phrase: a plain string is taken as already in the reader's words."""
    return problem if isinstance(problem, Phrase) else Phrase("", problem)
