"""A source maps to and from a record (the store's row, the TOML table, the JSON) in one place."""

from __future__ import annotations

import pytest

from timeline_app.timeline.events import SOURCE_FIELDS, Source

FULL = Source(
    "s1", "Oil and ties", "s1.txt", publisher="Daily", author="A. Writer", published="2024-02",
    published_approximate=True, url="https://example.org/a", note="paraphrases s2",
)  # fmt: skip


def test_a_source_survives_the_round_trip_through_a_record():
    record = FULL.as_record()
    assert tuple(record) == SOURCE_FIELDS
    assert Source.from_record(record) == FULL


def test_a_record_may_leave_out_optional_fields_but_not_required_ones():
    assert Source.from_record({"id": "s", "title": "T", "archive": "a.txt"}) == Source(
        "s", "T", "a.txt"
    )
    assert Source.from_record({**FULL.as_record(), "published_approximate": 1}) == FULL
    with pytest.raises(KeyError, match="title"):
        Source.from_record({"id": "s", "archive": "a.txt"})
