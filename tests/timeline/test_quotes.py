from timeline_app.timeline.quotes import is_verbatim, normalise


def test_quote_marks_white_space_and_link_markup_are_the_only_liberties():
    document = (
        "With the opening of the [Azerbaijani trade office](#) in Israel\n in 2021 and Israel’s"
    )
    assert is_verbatim("the Azerbaijani trade office in Israel in 2021", document)
    assert is_verbatim("and Israel's", document)
    assert is_verbatim('and Israel"s', document)


def test_a_changed_word_or_a_stitched_quote_is_not_verbatim():
    document = "Israel was among the first countries to recognize the new state. Later, more."
    assert not is_verbatim("Israel was the first country to recognize the new state.", document)
    assert not is_verbatim("Israel was among the first countries. Later, more.", document)
    assert not is_verbatim("", document)


def test_normalisation_composes_unicode():
    assert normalise("c\u0327") == "\u00e7"  # c + combining cedilla is ç
    assert is_verbatim("Erdog\u0306an", "President Recep Tayyip Erdoğan")
    assert normalise("Qırmızı Qəsəbə") == "Qırmızı Qəsəbə"
