"""The highlight marks what the search found, with the same folding of letters."""

from __future__ import annotations

from timeline_app.ui.highlight import match_ranges

MUSEUM = "Qırmızı Qəsəbə"


def test_the_highlight_marks_the_words_the_search_found():
    text = f"A museum opens in {MUSEUM} today"
    start = text.index(MUSEUM)
    assert match_ranges(text, ["qirmizi"]) == [(start, len("Qırmızı"))]
    assert match_ranges(text, ["Qesebe"]) == [(start + len("Qırmızı "), len("Qəsəbə"))]
    assert match_ranges("Ørsted and Łódź", ["orsted", "lodz"]) == [(0, 6), (11, 4)]
