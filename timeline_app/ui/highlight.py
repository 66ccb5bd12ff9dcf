"""Finding a search's words in text the way the store's search matches them, for highlighting.

The store's full-text index ignores case and diacritics, reads ı as i and ə as e
(timeline.folding), and matches words as prefixes, so a highlight does the same: "lead" marks
the start of "Leading", "baki" marks "Bakı", "qesebe" marks "Qəsəbə".
"""

from __future__ import annotations

import html
import re
import unicodedata

from timeline_app.timeline.folding import fold_letters


def _fold_char(char: str) -> str:
    """One character without its accents, in lower case; always one character long."""
    plain = fold_letters(char)
    base = "".join(c for c in unicodedata.normalize("NFD", plain) if not unicodedata.combining(c))
    lowered = base.lower()
    return lowered if len(lowered) == 1 else char.lower()[:1] or char


def fold(text: str) -> str:
    """The text as the search index sees it, one character for each character of the text."""
    return "".join(_fold_char(char) for char in text)


def match_ranges(text: str, words: list[str]) -> list[tuple[int, int]]:
    """(start, length) of each place a word begins a word of the text; merged and in order."""
    folded = fold(text)
    found: list[tuple[int, int]] = []
    for word in {fold(w) for w in words if w}:
        for match in re.finditer(r"(?<!\w)" + re.escape(word), folded):
            found.append((match.start(), match.end()))
    merged: list[list[int]] = []
    for start, end in sorted(found):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(start, end - start) for start, end in merged]


def highlighted_html(text: str, words: list[str], background: str, foreground: str) -> str:
    """The text escaped for rich text, with the search's words marked; line breaks kept."""
    pieces: list[str] = []
    position = 0
    for start, length in match_ranges(text, words):
        pieces.append(html.escape(text[position:start]))
        marked = html.escape(text[start : start + length])
        pieces.append(
            f'<span style="background-color:{background}; color:{foreground};">{marked}</span>'
        )
        position = start + length
    pieces.append(html.escape(text[position:]))
    return "".join(pieces).replace("\n", "<br>")
