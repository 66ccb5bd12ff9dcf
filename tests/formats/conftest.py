from pathlib import Path

import pytest

from timeline_app.timeline.document import TimelineInfo
from timeline_app.timeline.events import Event

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def fixture_path():
    return lambda name: FIXTURES / name


def split(records):
    """(info, events by title, other records) of a stream."""
    records = list(records)
    info = [r for r in records if isinstance(r, TimelineInfo)]
    events = {r.title: r for r in records if isinstance(r, Event)}
    assert len(info) == 1
    return info[0], events, records
