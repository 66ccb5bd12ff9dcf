"""Write a realistic synthetic timeline file through the app's own import path, streaming.

    python benchmarks/make_dataset.py --events 100000 --out /tmp/big.tldb [--seed 7]

Dates run from 1900 to 2025 with day, month and year precision, some periods and approximate
dates; every theme is used; each event cites one to three of a few hundred sources with quotes
of realistic length. The same seed gives the same database. The events are made one at a time
and handed to the importer's writer (formats.into_database) as they are made, so even a million
events never sit in memory together, and the file is built, indexed and compacted exactly as
`timeline-app import` builds one.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import random
import sys
from collections.abc import Iterator
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make the project importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from timeline_app.formats.into_database import create_timeline
from timeline_app.timeline.dates import DateSpan, PartialDate
from timeline_app.timeline.document import Record, TimelineInfo
from timeline_app.timeline.events import Citation, Event, Source, Theme

THEMES = (
    Theme("diplomacy", "Diplomacy", "#0072B2"),
    Theme("energy", "Energy", "#E69F00"),
    Theme("defense-security", "Defence & Security", "#D55E00"),
    Theme("trade-economy", "Trade & Economy", "#009E73"),
    Theme("culture-community", "Culture & Community", "#CC79A7"),
    Theme("education-science", "Education & Science", "#56B4E9"),
)
_WORDS = [
    "agreement",
    "minister",
    "pipeline",
    "delegation",
    "embassy",
    "exports",
    "contract",
    "visit",
    "summit",
    "oil",
    "gas",
    "trade",
    "office",
    "programme",
    "university",
    "drones",
    "cooperation",
    "security",
    "conference",
    "report",
    "ministry",
    "talks",
    "treaty",
    "shipment",
    "licence",
    "museum",
    "community",
    "festival",
    "exchange",
    "students",
    "research",
    "harbour",
    "railway",
    "memorandum",
    "council",
    "parliament",
    "envoy",
    "grain",
    "water",
    "technology",
    "cyber",
    "fund",
    "loan",
]
_PLACES = [
    "Baku",
    "Jerusalem",
    "Tel",
    "Aviv",
    "Ganja",
    "Haifa",
    "Quba",
    "Sumqayıt",
    "Şəki",
    "Lənkəran",
    "Ceyhan",
    "Tbilisi",
]
FIRST = dt.date(1900, 1, 1).toordinal()
LAST = dt.date(2025, 12, 31).toordinal()


def make_dataset(events: int, out: Path, seed: int = 1) -> None:
    """Create `out` (which must not exist) holding `events` synthetic events."""
    if out.exists():
        raise FileExistsError(f"{out} exists; choose a new path")
    create_timeline(_records(events, seed), out)


def _records(events: int, seed: int) -> Iterator[Record]:
    """The whole timeline as the stream of records an import reads from a file."""
    rng = random.Random(seed)
    sources = [_source(rng, i) for i in range(max(20, min(400, events // 50)))]
    yield TimelineInfo(f"Synthetic timeline ({events:,} events)")
    yield from THEMES
    yield from sources
    yield from _events(rng, events, sources)


def _source(rng: random.Random, index: int) -> Source:
    year = rng.randint(1990, 2025)
    return Source(
        id=f"source-{index:04d}",
        title=" ".join(rng.choice(_WORDS).capitalize() for _ in range(rng.randint(3, 8))),
        archive=f"archive-{index:04d}.txt",
        publisher=rng.choice(("Daily Record", "Caspian Review", "Levant Weekly", None)),
        author=rng.choice(("A. Məmmədova", "D. Cohen", "R. Əliyev", None)),
        published=f"{year}-{rng.randint(1, 12):02d}",
        url=f"https://example.org/articles/{index}" if rng.random() < 0.3 else None,
    )


def _events(rng: random.Random, count: int, sources: list[Source]) -> Iterator[Event]:
    for index in range(count):
        when = _when(rng)
        themes = tuple(rng.sample(THEMES, rng.choice((1, 1, 1, 2, 2, 3))))
        yield Event(
            key=f"event-{index:06d}",
            when=when,
            title=_sentence(rng, 4, 10),
            summary=_sentence(rng, 15, 45),
            themes=themes,
            citations=tuple(
                Citation(_sentence(rng, 12, 50), rng.choice(sources))
                for _ in range(rng.randint(1, 3))
            ),
        )


def _when(rng: random.Random) -> DateSpan:
    day = dt.date.fromordinal(rng.randint(FIRST, LAST))
    precision = rng.choices(("day", "month", "year"), weights=(6, 3, 1))[0]
    start = _cut(day, precision)
    end = None
    if rng.random() < 0.1:
        length = rng.choice((5, 40, 400, 2000))
        end_day = dt.date.fromordinal(min(day.toordinal() + rng.randint(1, length), LAST))
        end = _cut(end_day, precision)
        if end.first_day() <= start.last_day():
            end = None
    return DateSpan(start, end, approximate=rng.random() < 0.08)


def _cut(day: dt.date, precision: str) -> PartialDate:
    if precision == "year":
        return PartialDate(day.year)
    if precision == "month":
        return PartialDate(day.year, day.month)
    return PartialDate(day.year, day.month, day.day)


_SYLLABLES = [
    "ba",
    "ku",
    "lə",
    "şa",
    "mi",
    "ro",
    "te",
    "an",
    "el",
    "ız",
    "da",
    "ne",
    "sa",
    "ol",
    "ir",
    "ma",
    "ka",
    "li",
    "tu",
    "ge",
    "va",
    "re",
    "nu",
    "çi",
    "ğa",
]


class _Vocabulary:
    """Words drawn with Zipf's law, as in real text: a few very common, most rare. The topic
    words (pipeline, embassy, …) sit at middling ranks, so a search for one matches a few
    percent of events, as in a news archive, not nearly all of them."""

    def __init__(self, rng: random.Random, size: int = 4000) -> None:
        made: list[str] = []
        seen = set(_WORDS)
        while len(made) < size:
            word = "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(1, 4)))
            if word not in seen:
                seen.add(word)
                made.append(word)
        for rank, word in zip(range(60, 60 + 12 * len(_WORDS), 12), _WORDS, strict=True):
            made.insert(rank, word)
        self.words = made
        total, self.cumulative = 0.0, []
        for rank in range(1, len(made) + 1):
            total += 1 / rank
            self.cumulative.append(total)

    def draw(self, rng: random.Random, count: int) -> list[str]:
        return rng.choices(self.words, cum_weights=self.cumulative, k=count)


@functools.cache
def _vocabulary() -> _Vocabulary:
    return _Vocabulary(random.Random(0))  # the same words for every seed and size


def _sentence(rng: random.Random, shortest: int, longest: int) -> str:
    words = _vocabulary().draw(rng, rng.randint(shortest, longest))
    words.insert(rng.randrange(len(words)), rng.choice(_PLACES))
    return " ".join(words).capitalize() + "."


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    make_dataset(args.events, args.out, args.seed)
    print(f"Wrote {args.events:,} events to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
