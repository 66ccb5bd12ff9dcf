"""One rule for "the same theme name", in the editors and in files read in."""

from __future__ import annotations

import pytest

from timeline_app.timeline.document import ThemeBook
from timeline_app.timeline.theme_names import same_theme_name


@pytest.mark.parametrize(
    ("one", "other"),
    [("Café culture", "Cafe\u0301 culture"), ("Café culture", " café   CULTURE "),
     ("Işıq", "IŞIQ"), ("İqtisadiyyat", "iqtisadiyyat")],
)  # fmt: skip
def test_names_that_read_the_same_are_one_theme_in_a_file_read_in(one, other):
    assert same_theme_name(one, other)
    book = ThemeBook()
    assert book.theme(one) is book.theme(other)


def test_different_names_stay_different():
    assert not same_theme_name("Trade", "Trades")
    book = ThemeBook()
    assert book.theme("Trade") is not book.theme("Trades")
