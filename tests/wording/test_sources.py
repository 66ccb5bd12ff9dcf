"""Sources as a reader cites them."""

from __future__ import annotations

from timeline_app.timeline.events import Citation, Source
from timeline_app.wording.sources import attribution, citation_text, published_label


def test_an_attribution_names_title_author_publisher_and_date():
    source = Source("s", "Oil and ties", "s.txt", publisher="Daily", author="A. Writer",
                    published="2024-02", published_approximate=True)  # fmt: skip
    assert attribution(source) == "“Oil and ties”, A. Writer, Daily, c. February 2024"
    quote = Citation("Oil flows.", source)
    assert citation_text(quote) == f"“Oil flows.” — {attribution(source)}"


def test_a_publication_date_that_is_not_a_date_is_shown_as_written():
    source = Source("s", "Undated", "s.txt", published="spring, perhaps")
    assert published_label(source) == "spring, perhaps"
    assert attribution(source) == "“Undated”, spring, perhaps"
    assert published_label(Source("t", "No date", "t.txt")) is None
