"""A small timeline made for the export tests, and reading PDFs back with pypdf."""

from __future__ import annotations

import re
from pathlib import Path

import pypdf
import pytest

from timeline_app.store.database import open_database
from timeline_app.store.writing import write_timeline
from timeline_app.timeline.dates import DateSpan
from timeline_app.timeline.events import Citation, Event, Source, Theme

THEMES = (
    Theme("diplomacy", "Diplomacy", "#0072B2"),
    Theme("energy", "Energy", "#E69F00"),
    Theme("culture-community", "Culture & Community", "#CC79A7"),
)
WEB = Source(
    "museum-report", "Qırmızı Qəsəbə muzeyi açıldı", "museum.txt",
    publisher="Azərbaycan Xəbərləri", published="2019-09-10",
    url="https://example.org/news/qirmizi-qesebe?lang=az&x=1",
)  # fmt: skip
PAPER = Source(
    "ministry-book", "A <b>printed</b> report & appendix", "book.txt", author="Şəfəq Ağayeva"
)
LOCAL = Source("archive-note", "Archive note", "note.txt", url="file:///archive/note.txt")
SMALL_EVENTS = (
    Event(
        "museum-2019", DateSpan.parse("2019-09-10"), "Mountain Jews Museum opens in Qırmızı Qəsəbə",
        "The museum in Quba shows the history of the community: ə ı ş ğ ç Ə I Ş Ğ Ç.",
        (THEMES[2],),
        (Citation("Muzey Qırmızı Qəsəbədə açıldı, şəhərin ğ ç tarixini göstərir.", WEB),),
    ),
    Event(
        "pipeline-2006", DateSpan.parse("2006-07"),
        "Oil flows <i>through</i> the pipeline & beyond",
        "A summary with <script>alert('x')</script> and &amp; left as written.",
        (THEMES[1], THEMES[0]),
        (Citation("The <pipeline> began & carried oil.", PAPER),
         Citation("A second quote from the web source.", WEB)),
    ),
    Event(
        "embassy-2023", DateSpan.parse("2023-03-29"), "Embassy opens in Tel Aviv",
        "Azerbaijan opened an embassy in Israel.", (THEMES[0],),
        (Citation("An embassy was opened.", LOCAL),),
    ),
)  # fmt: skip


@pytest.fixture
def small_db(tmp_path):
    """Three events: Azerbaijani letters, HTML-looking text, a web link and a local one."""
    db = open_database(tmp_path / "small.db", create=True)
    write_timeline(db, "Qırmızı Qəsəbə & friends", THEMES, (WEB, PAPER, LOCAL), SMALL_EVENTS)
    yield db
    db.close()


def flat(text: str) -> str:
    """Text as extracted, with every run of white space one space (line breaks vary by reader)."""
    return re.sub(r"\s+", " ", text).strip()


class ReadBack:
    """A PDF read by an independent reader."""

    def __init__(self, path: Path) -> None:
        self.reader = pypdf.PdfReader(path)
        self.pages = [flat(page.extract_text()) for page in self.reader.pages]
        self.text = " ".join(self.pages)

    def links(self) -> list[str]:
        uris = []
        for page in self.reader.pages:
            for annotation in page.get("/Annots") or []:
                annotation = annotation.get_object()
                if annotation.get("/Subtype") == "/Link":
                    uris.append(annotation["/A"]["/URI"])
        return uris


@pytest.fixture
def read_pdf():
    return ReadBack
