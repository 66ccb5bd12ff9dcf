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


# check_quote: the quote looked up as it is typed.
from timeline_app.timeline.quotes import (  # noqa: E402
    EMPTY,
    NOT_FOUND,
    UNVERIFIABLE,
    VERIFIED,
    _prepared,
    check_quote,
)

ARTICLE = (
    "Baku, 29 March.  The first sentence is short.\n\nIsrael  opened its\n embassy in "
    "“Tel Aviv” [yesterday](https://x.org/a) at noon. Then   it rained! Nothing else."
)


def test_a_quote_is_found_with_its_sentence_and_place_in_it():
    check = check_quote('opened its embassy in "Tel Aviv" yesterday', ARTICLE)
    assert check.status == VERIFIED
    assert check.sentence.startswith("Israel  opened its\n embassy")
    assert check.sentence.endswith("at noon.")
    found = check.sentence[check.start : check.start + check.length]
    assert found == "opened its\n embassy in “Tel Aviv” [yesterday"


def test_statuses_for_missing_empty_and_unarchived():
    assert check_quote("it snowed", ARTICLE).status == NOT_FOUND
    assert check_quote("  ", ARTICLE).status == EMPTY
    assert check_quote("it rained", None).status == UNVERIFIABLE
    check = check_quote("it rained", ARTICLE)
    assert check.sentence == "Then   it rained!" and check.start == 7 and check.length == 9


def test_a_quote_found_is_exactly_what_is_verbatim_finds():
    from timeline_app.timeline.quotes import is_verbatim

    for quote in ("Baku", "Nothing else.", "short. Israel opened", "rained! No", "x.org"):
        assert (check_quote(quote, ARTICLE).status == VERIFIED) == is_verbatim(quote, ARTICLE)


def test_the_prepared_document_is_normalise_of_it_and_maps_back_to_each_character():
    for text in (
        ARTICLE,
        "  lead [a](b) [c d](e)  trail\t",
        "\u0065\u0301t\u00e9 ‘x’",
        "",
        "[](x) y",
    ):
        prepared = _prepared(text)
        assert prepared.normalised == normalise(text)
        for i, char in enumerate(prepared.normalised):
            original = prepared.text[prepared.original_at(i)]
            assert char == original or (char == " " and original.isspace()) or char == "'"


def test_the_way_back_holds_for_any_mix_of_spaces_links_and_marks():
    import random

    rng = random.Random(3)
    pieces = ["a", "b", " ", "  ", "\n", "\t \n", "[x](y)", "[", "]", "(", ")", "“", "'", "e\u0301"]
    for _ in range(500):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 25)))
        prepared = _prepared(text)
        assert prepared.normalised == normalise(text), repr(text)
        for i, char in enumerate(prepared.normalised):
            original = prepared.text[prepared.original_at(i)]
            if char == " ":
                assert original.isspace(), repr(text)
            elif char == "'":
                assert original in "'“", repr(text)
            else:
                assert original == char, repr(text)
