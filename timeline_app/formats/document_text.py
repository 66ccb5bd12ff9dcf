"""A source's archived text read from a file the user picks: plain text, or an HTML page saved
from the web. Only read: nothing in the file is run or fetched (see html_text)."""

from __future__ import annotations

import codecs
from pathlib import Path

from timeline_app.formats.errors import FormatError
from timeline_app.formats.html_text import document_text

MAX_BYTES = 10 * 1024 * 1024  # a long report is a few hundred kilobytes; more is not a document
HTML_SUFFIXES = frozenset((".html", ".htm", ".xhtml"))
_HTML_STARTS = ("<!doctype html", "<html", "<?xml")
# Control characters besides tab, line feed, carriage return and form feed: text has none.
_CONTROL = frozenset(range(32)) - {9, 10, 12, 13}


def read_document_text(path: Path, max_bytes: int = MAX_BYTES) -> str:
    """The text a reader sees in the file; FormatError says why a file is refused (unreadable,
    too large, not text, or with no text in it)."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise FormatError(path, _too_large(size, max_bytes))
        data = path.read_bytes()
    except OSError as error:
        raise FormatError(path, f"the file cannot be read ({error.strerror or error})") from error
    text = _decoded(path, data)
    if path.suffix.lower() in HTML_SUFFIXES or text.lstrip()[:20].lower().startswith(_HTML_STARTS):
        text = document_text(text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    if not text:
        raise FormatError(path, "the file has no text in it")
    return text


def _too_large(size: int, max_bytes: int) -> str:
    return (
        f"the file is {size / 1024 / 1024:.1f} MB; a document's text is read from files of up to "
        f"{max_bytes / 1024 / 1024:.0f} MB"
    )


def _decoded(path: Path, data: bytes) -> str:
    """UTF-8 (with or without its mark), UTF-16 with its mark, or Windows' Western encoding;
    a file with NUL or other control bytes is not text (a PDF, a picture, a program)."""
    for mark, encoding in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                           (codecs.BOM_UTF16_BE, "utf-16")):  # fmt: skip
        if data.startswith(mark):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                raise FormatError(path, _NOT_TEXT) from None
    if any(byte in _CONTROL for byte in data[:65536]):
        raise FormatError(path, _NOT_TEXT)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


_NOT_TEXT = "the file is not text (a text or HTML file is needed: save the page or copy its text)"
