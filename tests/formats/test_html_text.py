from timeline_app.formats.html_text import Link, Quote, to_plain_text


def test_scripts_styles_and_comments_leave_no_text_and_no_links():
    text = to_plain_text(
        "<p>Before<script>document.write(\"<a href='https://evil.example'>x</a>\")</script>"
        "<style>p { color: red }</style><!-- <a href='https://hidden.example'>h</a> -->after</p>"
    )
    assert text.text == "Beforeafter"
    assert text.links == [] and text.quotes == []


def test_only_web_and_mail_links_are_kept_and_entities_are_read():
    text = to_plain_text(
        '<a href="https://example.org/?a=1&amp;b=2">One &amp; two</a> '
        "<a href='javascript:alert(1)'>js</a> <A HREF=mailto:ed@example.org>Ed</A> "
        '<a href="file:///etc/passwd">f</a> 3 < 4'
    )
    assert text.links == [
        Link("https://example.org/?a=1&b=2", "One & two"), Link("mailto:ed@example.org", "Ed"),
    ]  # fmt: skip
    assert text.text == "One & two js Ed f 3 < 4"


def test_block_quotes_leave_the_summary_for_the_citations_with_their_cite():
    text = to_plain_text(
        "<p>Talks began.</p><blockquote cite='https://example.org/speech'><p>“We will meet "
        "again.”</p><cite>— The envoy</cite></blockquote><blockquote>Unsourced words"
        "</blockquote><p>They did.</p>"
    )
    assert text.text == "Talks began.\n\nThey did."
    assert text.quotes == [
        Quote("We will meet again.", "https://example.org/speech", "The envoy"),
        Quote("Unsourced words", None, None),
    ]


def test_a_block_quote_keeps_a_quote_mark_that_opens_only_part_of_it():
    kept = to_plain_text("<blockquote>“Programme” forms the basis of the work.</blockquote>")
    assert [q.text for q in kept.quotes] == ["“Programme” forms the basis of the work."]
    wrapped = to_plain_text("<blockquote>“The whole quote, in marks.”</blockquote>")
    assert [q.text for q in wrapped.quotes] == ["The whole quote, in marks."]
