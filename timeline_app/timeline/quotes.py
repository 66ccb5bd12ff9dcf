"""Checking that a quote is verbatim: one contiguous span of its source document."""

from __future__ import annotations

import re
import unicodedata

_QUOTE_MARKS = re.compile(
    "[\"'\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u201f\u2032\u2033`\u00b4]"
)
_MARKDOWN_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_WHITESPACE = re.compile(r"\s+")


def normalise(text: str) -> str:
    """The only liberties a verbatim quote may take: NFC, white space, quote marks, link markup."""
    text = unicodedata.normalize("NFC", text)
    text = _MARKDOWN_LINK.sub(r"\1", text)
    text = _QUOTE_MARKS.sub("'", text)
    return _WHITESPACE.sub(" ", text).strip()


def is_verbatim(quote: str, document: str) -> bool:
    """True when the quote is one contiguous span of the document, after normalisation."""
    wanted = normalise(quote)
    return bool(wanted) and wanted in normalise(document)
