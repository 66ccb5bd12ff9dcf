"""HTML as it appears in timeline text, turned into plain text: links and quotes are kept apart.

Nothing in the HTML is run or fetched: it is only tokenised, and script and style are dropped.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser


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


_BLOCKS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "ul", "ol"}
_SKIPPED = {"script", "style", "template", "iframe", "object", "embed", "noscript"}
_SPACES = re.compile(r"[ \t\r\f\v]+")


def to_plain_text(markup: str | None) -> PlainText:
    """The text a reader sees, its links (http, https and mailto only) and its block quotes."""
    if not markup:
        return PlainText("")
    if "<" not in markup and "&" not in markup:
        return PlainText(_tidy(markup))
    parser = _Parser()
    parser.feed(markup)
    parser.close()
    return PlainText(_tidy("".join(parser.out)), parser.links, parser.quotes)


def _tidy(text: str) -> str:
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def _safe_url(url: str | None) -> str | None:
    url = (url or "").strip()
    return url if url.lower().startswith(("http://", "https://", "mailto:")) else None


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.links: list[Link] = []
        self.quotes: list[Quote] = []
        self._skipping = 0
        self._link: tuple[str, int] | None = None  # (url, where its label starts in out)
        self._quote: tuple[str | None, int] | None = None
        self._cite_start: int | None = None
        self._attribution: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag in _SKIPPED:
            self._skipping += 1
        elif tag in _BLOCKS:
            self.out.append("\n")
        if tag == "a":
            url = _safe_url(attributes.get("href"))
            self._link = (url, len(self.out)) if url else None
        elif tag == "blockquote":
            self.out.append("\n")
            self._quote = (_safe_url(attributes.get("cite")), len(self.out))
            self._attribution = None
        elif tag == "cite" and self._quote is not None:
            self._cite_start = len(self.out)

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED:
            self._skipping = max(self._skipping - 1, 0)
        elif tag in _BLOCKS:
            self.out.append("\n")
        if tag == "a" and self._link is not None:
            url, start = self._link
            self.links.append(Link(url, _tidy("".join(self.out[start:])) or url))
            self._link = None
        elif tag == "cite" and self._cite_start is not None:
            self._attribution = _tidy("".join(self.out[self._cite_start :])).lstrip("—–- ")
            del self.out[self._cite_start :]
            self._cite_start = None
        elif tag == "blockquote" and self._quote is not None:
            cite, start = self._quote
            words = _tidy("".join(self.out[start:])).strip("“”\"' \n")
            if words:
                self.quotes.append(Quote(words, cite, self._attribution or None))
            del self.out[start:]  # the quote becomes a citation, not part of the summary
            self._quote = None
            self.out.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.out.append(data)


def escape(text: str) -> str:
    """Plain text as HTML: special characters escaped, line breaks kept."""
    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    return "".join("<p>" + html.escape(p).replace("\n", "<br>") + "</p>" for p in paragraphs)
