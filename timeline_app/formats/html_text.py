"""HTML as it appears in timeline text, turned into plain text: links and quotes are kept apart.

Nothing in the HTML is run or fetched: it is only split into tags and text (a regular
expression: html.parser was the slowest part of a large import), and script and style are dropped.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Link:
    url: str
    label: str


@dataclass(frozen=True)
class Quote:
    text: str
    cite: str | None  # the blockquote's cite attribute (a URL), if any
    attribution: str | None  # the text of a <cite> element inside it, if any


@dataclass
class PlainText:
    text: str
    links: list[Link] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)


_BLOCKS = frozenset(("p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "ul", "ol"))
_SKIPPED = frozenset(("script", "style", "template", "iframe", "object", "embed", "noscript"))
_SPACES = re.compile(r"[ \t\r\f\v]{2,}|[\t\r\f\v]")  # single spaces stay as they are
_MANY_BREAKS = re.compile(r"\n{3,}")
# A comment or other markup declaration; a tag (groups: its closing slash, its name and its
# attributes); or a run of text (the last group). Tolerant, like browsers: a "<" that starts no
# tag is text.
_TOKEN = re.compile(
    r"<!--.*?(?:-->|$)|<![^>]*>?|<\?[^>]*>?"
    r"|<(/?)([a-zA-Z][a-zA-Z0-9]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>"
    r"|(<|[^<]+)",
    re.DOTALL,
)
_ATTRIBUTE = re.compile(r"""([a-zA-Z_:][-\w:.]*)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""")


def to_plain_text(markup: str | None) -> PlainText:
    """The text a reader sees, its links (http, https and mailto only) and its block quotes."""
    if not markup:
        return PlainText("")
    if "<" not in markup:
        return PlainText(_tidy(html.unescape(markup) if "&" in markup else markup))
    return _Reader().read(markup)


def document_text(markup: str) -> str:
    """The whole text of an HTML document as a reader sees it, its block quotes kept in place
    (an archived article's quotations are part of what it says) and its head's title left out."""
    return _Reader(whole_document=True).read(markup).text


def _tidy(text: str) -> str:
    # Plain string tests first: regular expressions over every text were most of a big import.
    if "  " in text or "\t" in text or "\r" in text or "\f" in text or "\v" in text:
        text = _SPACES.sub(" ", text)
    if "\n" in text:
        # Each line's spaces at its edges: one at most, after the line above.
        text = text.replace(" \n", "\n").replace("\n ", "\n")
        if "\n\n\n" in text:
            text = _MANY_BREAKS.sub("\n\n", text)
    return text.strip()


def _safe_url(url: str | None) -> str | None:
    url = (url or "").strip()
    return url if url.lower().startswith(("http://", "https://", "mailto:")) else None


def _attribute(attributes: str, name: str) -> str | None:
    for match in _ATTRIBUTE.finditer(attributes):
        if match[1].lower() == name:
            value = (
                match[2] if match[2] is not None else match[3] if match[3] is not None else match[4]
            )
            return html.unescape(value)
    return None


class _Reader:
    """One pass over the tokens: text out, links and quotes aside; nothing is run or fetched."""

    def __init__(self, whole_document: bool = False) -> None:
        self.whole_document = whole_document
        self.out: list[str] = []
        self.links: list[Link] = []
        self.quotes: list[Quote] = []
        self.skipping: str | None = None  # the element whose content is dropped (script…)
        self.link: tuple[str, int] | None = None  # (url, where its label starts in out)
        self.quote: tuple[str | None, int] | None = None
        self.cite_start: int | None = None
        self.attribution: str | None = None

    def read(self, markup: str) -> PlainText:
        # findall's tuples rather than match objects: the tokens are much of a large import.
        for closing, tag, attributes, text in _TOKEN.findall(markup):
            if text:
                if self.skipping is None:
                    self.out.append(html.unescape(text) if "&" in text else text)
            elif not tag:
                continue  # a comment or declaration
            elif self.skipping is not None:
                if closing and tag.lower() == self.skipping:
                    self.skipping = None
            elif (tag := tag.lower()) in _BLOCKS:  # a line break where it opens and closes
                self.out.append("\n")
            elif closing:
                self.end(tag)
            else:
                self.start(tag, attributes)
        return PlainText(_tidy("".join(self.out)), self.links, self.quotes)

    def start(self, tag: str, attributes: str) -> None:
        if tag in _SKIPPED or (self.whole_document and tag == "title"):
            if not attributes.rstrip().endswith("/"):
                self.skipping = tag
        elif tag == "a":
            url = _safe_url(_attribute(attributes, "href"))
            self.link = (url, len(self.out)) if url else None
        elif tag == "blockquote":
            self.out.append("\n")
            self.quote = (_safe_url(_attribute(attributes, "cite")), len(self.out))
            self.attribution = None
        elif tag == "cite" and self.quote is not None:
            self.cite_start = len(self.out)

    def end(self, tag: str) -> None:
        if tag == "a" and self.link is not None:
            url, start = self.link
            self.links.append(Link(url, _tidy("".join(self.out[start:])) or url))
            self.link = None
        elif tag == "cite" and self.cite_start is not None:
            self.attribution = _tidy("".join(self.out[self.cite_start :])).lstrip("—–- ")
            if not self.whole_document:
                del self.out[self.cite_start :]
            self.cite_start = None
        elif tag == "blockquote" and self.quote is not None:
            cite, start = self.quote
            words = _unwrapped(_tidy("".join(self.out[start:])).strip())
            if words:
                self.quotes.append(Quote(words, cite, self.attribution or None))
            if not self.whole_document:
                del self.out[start:]  # the quote becomes a citation, not part of the summary
            self.quote = None
            self.out.append("\n")


def escape(text: str) -> str:
    """Plain text as HTML: special characters escaped, line breaks kept."""
    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    return "".join("<p>" + html.escape(p).replace("\n", "<br>") + "</p>" for p in paragraphs)


_PAIRS = {"“": "”", '"': '"', "‘": "’", "'": "'", "«": "»"}


def _unwrapped(words: str) -> str:
    """A block quote's words without the quote marks around the whole of it, if it has them: a
    mark that opens only part of the quote is the source's own and stays."""
    if len(words) >= 2 and _PAIRS.get(words[0]) == words[-1]:
        inner = words[1:-1]
        if words[0] not in inner and words[-1] not in inner:
            return inner.strip()
    return words
