"""Checking that a quote is verbatim: one contiguous span of its source document."""

from __future__ import annotations

import functools
import hashlib
import re
import unicodedata
from array import array
from dataclasses import dataclass

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


# What check_quote finds of a quote; also a citation's status as the store reads it.
VERIFIED = "found"
NOT_FOUND = "not found"
UNVERIFIABLE = "unverifiable"  # its source has no archived text to look in
EMPTY = "empty"  # nothing to look for

_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*\s|\n\s*\n")
_AROUND = 400  # how far a sentence is looked for either side of the match, in characters


def document_sha256(text: str) -> str:
    """The archived document's fingerprint: what a checked quote records it was found in."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def verified_in(quote: str, text: str | None) -> str | None:
    """What a citation records when checked against an archived text: the text's sha256 when
    the quote is found in it, else None."""
    if text is None or check_quote(quote, text).status != VERIFIED:
        return None
    return document_sha256(text)


def citation_status(quote: str, verified_in: str | None, text_sha256: str | None) -> str | None:
    """A stored citation's status: verified when it was found in the source's archived text as
    stored now (or, with no text stored, in the document whose sha256 it records); not found
    when the source has a text without it; unverifiable with neither. None without a quote."""
    if not normalise(quote):
        return None
    if text_sha256 is not None:
        return VERIFIED if verified_in == text_sha256 else NOT_FOUND
    return VERIFIED if verified_in else UNVERIFIABLE


@dataclass(frozen=True)
class QuoteCheck:
    status: str  # VERIFIED, NOT_FOUND, UNVERIFIABLE or EMPTY
    sentence: str | None = None  # the archived text's sentence around the match, when found
    start: int | None = None  # where the match starts in that sentence, for highlighting
    length: int | None = None


def check_quote(quote: str, archived_text: str | None) -> QuoteCheck:
    """Look for the quote in the archived text with the verbatim rule (see is_verbatim).

    The document's normalised form is kept for the last few documents, so checking the same
    document on every keystroke costs only the search."""
    wanted = normalise(quote)
    if not wanted:
        return QuoteCheck(EMPTY)
    if archived_text is None:
        return QuoteCheck(UNVERIFIABLE)
    document = _prepared(archived_text)
    at = document.normalised.find(wanted)
    if at < 0:
        return QuoteCheck(NOT_FOUND)
    first = document.original_at(at)
    last = document.original_at(at + len(wanted) - 1) + 1
    return _in_sentence(document.text, first, last)


def _in_sentence(text: str, first: int, last: int) -> QuoteCheck:
    """The sentence (or sentences) of text holding text[first:last]."""
    before = text[max(0, first - _AROUND) : first]
    ends = list(_SENTENCE_END.finditer(before))
    begin = first - len(before) + ends[-1].end() if ends else max(0, first - _AROUND)
    after = _SENTENCE_END.search(text, last, min(len(text), last + _AROUND))
    finish = after.start() + 1 if after else min(len(text), last + _AROUND)
    finish = max(finish, last)
    sentence = text[begin:finish]
    lead = len(sentence) - len(sentence.lstrip())
    return QuoteCheck(VERIFIED, sentence.strip(), first - begin - lead, last - first)


@dataclass(frozen=True)
class _Prepared:
    """A document normalised as normalise() does it, with the way back to the original text:
    normalised[i] came from text[origins[i]]."""

    text: str  # the document in NFC, as it is shown
    normalised: str
    origins: array

    def original_at(self, position: int) -> int:
        return self.origins[position]


@functools.lru_cache(maxsize=8)
def _prepared(document: str) -> _Prepared:
    # The same steps as normalise(), each carrying along where every character came from (by
    # slices and ranges, not a loop per character: a 200 KB document takes milliseconds).
    text = unicodedata.normalize("NFC", document)
    kept: list[str] = []
    origins = array("l")
    done = 0
    for link in _MARKDOWN_LINK.finditer(text):
        kept += [text[done : link.start()], link.group(1)]
        origins.extend(range(done, link.start()))
        origins.extend(range(link.start(1), link.end(1)))
        done = link.end()
    kept.append(text[done:])
    origins.extend(range(done, len(text)))
    unlinked = _QUOTE_MARKS.sub("'", "".join(kept))
    pieces: list[str] = []
    collapsed_origins = array("l")
    done = 0
    for space in _WHITESPACE.finditer(unlinked):
        pieces += [unlinked[done : space.start()], " "]
        collapsed_origins.extend(origins[done : space.start() + 1])
        done = space.end()
    pieces.append(unlinked[done:])
    collapsed_origins.extend(origins[done:])
    collapsed = "".join(pieces)
    lead = len(collapsed) - len(collapsed.lstrip())
    normalised = collapsed.strip()
    return _Prepared(text, normalised, collapsed_origins[lead : lead + len(normalised)])
