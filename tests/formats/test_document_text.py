"""A source's archived text read from a text or HTML file; anything else refused with a reason."""

import pytest

from timeline_app.formats.document_text import read_document_text
from timeline_app.formats.errors import FormatError
from timeline_app.formats.html_text import document_text

PAGE = """<!DOCTYPE html><html><head><title>Tab title</title>
<script>alert("run me")</script><style>p { color: red }</style></head>
<body><h1>Embassy opens</h1><p>The embassy opened on&nbsp;Tuesday.</p>
<blockquote>“We are here to stay,” <cite>the envoy</cite> said.</blockquote>
<p>Trade <a href="javascript:evil()">talks</a> follow.</p></body></html>"""


def test_an_html_page_gives_its_text_with_its_quotations_and_nothing_it_would_run(tmp_path):
    path = tmp_path / "article.html"
    path.write_text(PAGE, encoding="utf-8")
    text = read_document_text(path)
    assert text.splitlines()[0] == "Embassy opens"
    assert "The embassy opened on\u00a0Tuesday." in text
    assert "“We are here to stay,” the envoy said." in text
    assert "Trade talks follow." in text
    for hidden in ("alert", "run me", "color", "Tab title", "javascript"):
        assert hidden not in text


def test_html_is_known_by_its_content_too(tmp_path):
    path = tmp_path / "saved-page.txt"
    path.write_text(PAGE, encoding="utf-8")
    assert "<p>" not in read_document_text(path)


def test_plain_text_keeps_its_lines_in_any_usual_encoding(tmp_path):
    words = "Première ligne\r\nSecond line – with a dash"
    for encoding in ("utf-8", "utf-8-sig", "utf-16", "cp1252"):
        path = tmp_path / f"text-{encoding}.txt"
        path.write_bytes(words.encode(encoding))
        assert read_document_text(path) == "Première ligne\nSecond line – with a dash"


def test_a_binary_file_is_refused_as_not_text(tmp_path):
    path = tmp_path / "scan.pdf"
    path.write_bytes(b"%PDF-1.7\n\x00\x01\x02binary stream\xff\xfe")
    with pytest.raises(FormatError, match="not text"):
        read_document_text(path)


def test_a_file_too_large_is_refused_before_it_is_read(tmp_path):
    path = tmp_path / "huge.txt"
    path.write_text("word " * 300)
    with pytest.raises(FormatError, match="up to"):
        read_document_text(path, max_bytes=1000)


def test_a_missing_or_empty_file_says_so(tmp_path):
    with pytest.raises(FormatError, match="cannot be read"):
        read_document_text(tmp_path / "gone.txt")
    (tmp_path / "empty.html").write_text("<html><body>  </body></html>")
    with pytest.raises(FormatError, match="no text"):
        read_document_text(tmp_path / "empty.html")


def test_the_summary_reader_still_takes_quotes_out_of_the_text():
    """Imports keep their behaviour: a block quote in an event's text becomes a citation."""
    from timeline_app.formats.html_text import to_plain_text

    plain = to_plain_text("<p>Before.</p><blockquote>Quoted.</blockquote>")
    assert plain.text == "Before."
    assert [quote.text for quote in plain.quotes] == ["Quoted."]
    assert document_text("<p>Before.</p><blockquote>Quoted.</blockquote>") == "Before.\n\nQuoted."
