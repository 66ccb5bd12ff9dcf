"""The store's refusals, conflicts, change descriptions and deletion warnings in the reader's
language: the store keeps each as a Phrase (timeline/phrases.py), marked for the catalogue where
it is written (store/change.py and the edit_* modules), and this says it."""

from __future__ import annotations

from timeline_app.timeline.phrases import Phrase, tr
from timeline_app.wording.translation import QT_TRANSLATE_NOOP, translate

CONTEXT = "editing"


def say(said: Phrase) -> str:
    return said.say(translate)


def refusal_problems(refused: Exception) -> dict[str, str]:
    """{field: what is wrong} of a refused change (store EditRefused), translated."""
    phrases = getattr(refused, "phrases", None)
    if phrases is None:
        return dict(getattr(refused, "problems", None) or {})
    return {field: say(problem) for field, problem in phrases.items()}


def error_text(error: Exception) -> str:
    """What to tell the user of a change the store refused or could not make."""
    problems = refusal_problems(error)
    if problems:
        return "\n".join(problems.values())
    said = getattr(error, "phrase", None)
    return say(said) if isinstance(said, Phrase) else str(error)


def change_description(change: object) -> str:
    """What the Edit menu and the undo history call a change."""
    said = getattr(change, "phrase", None)
    return say(said) if isinstance(said, Phrase) else str(getattr(change, "description", ""))


def consequence_lines(consequences: object) -> list[str]:
    """The lines of a deletion's warning (store Consequences), translated."""
    phrases = getattr(consequences, "phrases", None)
    if phrases is None:
        return list(getattr(consequences, "lines", ()))
    return [say(line) for line in phrases]


# How to take a deletion back.
_UNDO = QT_TRANSLATE_NOOP("editing", "You can undo this with {keys} (Edit > Undo).")
_UNDO_NO_KEYS = QT_TRANSLATE_NOOP("editing", "You can undo this with Edit > Undo.")


def event_deletion_text(consequences: object, undo_keys: str) -> str:
    """The body of the question before an event is deleted: "It is deleted with its 3 quotes.
    You can undo this with Ctrl+Z (Edit > Undo)." undo_keys: the Undo shortcut as the platform
    writes it ("" when it has none)."""
    sentences = []
    quotes = int(getattr(consequences, "citations", 0) or 0)
    if quotes:  # said in the form for the number, by the language's own rules
        sentences.append(say(tr("It is deleted with its %Ln quote(s).", "", quotes)))
    if undo_keys:
        sentences.append(translate(CONTEXT, _UNDO).format(keys=undo_keys))
    else:
        sentences.append(translate(CONTEXT, _UNDO_NO_KEYS))
    return " ".join(sentences)
