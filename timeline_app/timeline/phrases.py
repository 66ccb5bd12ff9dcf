"""A sentence for the user kept as its catalogue text and values, so that the layer that shows
it says it in the reader's language (wording.editing), while layers below Qt, which cannot
translate, still build it. str() of one is its English."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

# (context, catalogue text[, disambiguation, n]) -> the text in the reader's language, as Qt's
# translate() takes them: n, for a plural, picks its form.
Translate = Callable[..., str]

# The catalogue context pyside6-lupdate gives a tr() called outside a class: the plurals'.
PLURALS = ""


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 (the name lupdate looks for)
    """Marks text for the translation catalogue; it is translated where it is shown."""
    return text


def english(text: str, n: int = -1) -> str:
    """A catalogue text as English reads it when no catalogue is installed (the command line,
    str() of a Phrase): a plural's "(s)" and its number put in for n."""
    if n < 0:
        return text
    return text.replace("(s)", "" if n == 1 else "s").replace("%Ln", f"{n:,}").replace("%n", str(n))


def _english(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    return english(text, n)


@dataclass(frozen=True)
class Phrase:
    context: str | None  # the catalogue's context; None for text already in the reader's words
    text: str  # as marked with QT_TRANSLATE_NOOP or tr(), placeholders in {braces}
    values: tuple[tuple[str, object], ...] = ()  # a value may be a Phrase itself
    n: int = -1  # a plural's count: the form said is the catalogue's for n (see tr())

    def say(self, translate: Translate = _english) -> str:
        if self.context is None:
            return self.text
        values = {
            name: value.say(translate) if isinstance(value, Phrase) else value
            for name, value in self.values
        }
        if self.n < 0:
            return translate(self.context, self.text).format(**values)
        return translate(self.context, self.text, None, self.n).format(**values)

    def __str__(self) -> str:
        return self.say()


def phrase(context: str, text: str, **values: object) -> Phrase:
    return Phrase(context, text, tuple(values.items()))


def tr(text: str, disambiguation: str | None = None, n: int = -1, **values: object) -> Phrase:
    """A sentence said in its form for n ("%Ln quote(s)." has one for each of a language's
    plural rules). Called as Qt's tr(text, "", n), which lupdate files as a plural; only a
    Phrase is made here, said where it is shown."""
    return Phrase(PLURALS, text, tuple(values.items()), n)


def as_phrase(problem: str | Phrase) -> Phrase:
    """A problem as a Phrase: a plain string is taken as already in the reader's words."""
    return problem if isinstance(problem, Phrase) else Phrase(None, problem)
