"""Checking that a quote is verbatim: one contiguous span of its source document."""

from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from dataclasses import dataclass

_MARKS = "\"'\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u201f\u2032\u2033`\u00b4"
_QUOTE_MARKS = re.compile(f"[{re.escape(_MARKS)}]")
# The same, for str.translate: several times faster than the pattern on a long document.
_ONE_QUOTE_MARK = dict.fromkeys(map(ord, _MARKS), "'")
_MARKDOWN_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_WHITESPACE = re.compile(r"\s+")
_LONG_WHITESPACE = re.compile(r"\s\s+")


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
    import hashlib  # loads OpenSSL: for checking quotes, not for showing them

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
    two piecewise maps, over the pieces in which positions advance together."""

    text: str  # the document in NFC, as it is shown
    normalised: str
    lead: int  # white space stripped from the start
    collapsed: tuple[list[int], list[int]]  # (piece starts with space collapsed, in unlinked)
    unlinked: tuple[list[int], list[int]]  # (piece starts without link markup, in text)

    def original_at(self, position: int) -> int:
        """Where normalised[position] came from in text."""
        return _map(_map(position + self.lead, *self.collapsed), *self.unlinked)


def _map(position: int, starts: list[int], origins: list[int]) -> int:
    piece = bisect.bisect_right(starts, position) - 1
    return origins[piece] + position - starts[piece]


@functools.lru_cache(maxsize=8)
def _prepared(document: str) -> _Prepared:
    # The steps of normalise(), noting where each one shifts the text.
    text = unicodedata.normalize("NFC", document)
    kept: list[str] = []
    starts, origins = [0], [0]
    done = length = 0
    for link in _MARKDOWN_LINK.finditer(text):
        before = text[done : link.start()]
        kept += [before, link.group(1)]
        length += len(before)
        starts.append(length)  # the link's words, from where they stand in the markup
        origins.append(link.start(1))
        length += len(link.group(1))
        starts.append(length)  # then the text after the link
        origins.append(link.end())
        done = link.end()
    kept.append(text[done:])
    unlinked = "".join(kept).translate(_ONE_QUOTE_MARK)  # one mark for one: nothing shifts
    # A run of white space becomes one space; only runs longer than one shift what follows.
    collapsed_starts, collapsed_origins = [0], [0]
    removed = 0
    for run in _LONG_WHITESPACE.finditer(unlinked):
        removed += len(run.group()) - 1
        collapsed_starts.append(run.end() - removed)
        collapsed_origins.append(run.end())
    lead = 1 if unlinked[:1].isspace() else 0  # str.split's white space is the pattern's \s
    normalised = " ".join(unlinked.split())
    return _Prepared(
        text, normalised, lead, (collapsed_starts, collapsed_origins), (starts, origins)
    )
