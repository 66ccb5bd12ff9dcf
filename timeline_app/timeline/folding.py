"""Letters a reader without the right keyboard types plainly: ı as i, ə as e, ø as o, ł as l.

Search folds both the text it indexes and what the reader types with fold_letters, so "Qirmizi"
finds "Qırmızı Qəsəbə". Case and accents (é, ş, ğ, İ) are left to the full-text index, which
removes them itself; these letters carry no accent it could remove. One letter stands for one
letter, so a highlight found in the folded text marks the same places in the original.
"""

from __future__ import annotations

PLAIN_LETTERS = str.maketrans({
    "ı": "i", "ə": "e", "Ə": "E", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D",
    "ð": "d", "Ð": "D", "ħ": "h", "Ħ": "H", "ŧ": "t", "Ŧ": "T",
})  # fmt: skip


# One str.replace per letter, not str.translate: translate looks every character of a
# non-ASCII text up in the table, a tenth as fast (a third of an import's folding time went
# there). Each letter becomes one ASCII letter, so the replacements cannot meet each other.
_REPLACEMENTS = tuple((chr(letter), plain) for letter, plain in PLAIN_LETTERS.items())


def fold_letters(text: str) -> str:
    """The text with each letter that has a plain counterpart replaced by it."""
    if text.isascii():
        return text
    for letter, plain in _REPLACEMENTS:
        if letter in text:
            text = text.replace(letter, plain)
    return text
