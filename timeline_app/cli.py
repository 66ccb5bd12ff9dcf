"""The command line: list, themes, verify-quotes, build-db, import, export; else the window.

Only the window and the PDF export import Qt; listing and checking stay light and fast.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from timeline_app import __version__, paths
from timeline_app.formats.names import EXPORT_FORMATS, IMPORT_FORMATS, export_format_of
from timeline_app.logs import log, log_file_hint, setup_logging
from timeline_app.store.errors import StoreError
from timeline_app.timeline.filter import TimelineFilter
from timeline_app.timeline.phrases import english


class UsageError(Exception):
    """The command line's words are off; the message says how."""


class CommandError(Exception):
    """Something outside the command line's words stops the command; the message says what."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one clear line, not a usage dump
        raise UsageError(f"{message} (see '{self.prog} --help')")


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the process exit code."""
    setup_logging()
    try:
        parser = _parser()
        args = parser.parse_args(_file_as_db(parser, sys.argv[1:] if argv is None else argv))
        return args.run(args)
    except UsageError as error:
        _say_error(str(error))
        return 2
    except (StoreError, CommandError) as error:
        _say_error(str(error))
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    except Exception:  # a bug: the user gets a line and the log gets the traceback
        log.exception("unexpected error")
        _say_error(f"an unexpected error stopped the command; details are in {log_file_hint()}")
        return 70


def _file_as_db(parser: argparse.ArgumentParser, argv: list[str]) -> list[str]:
    """`timeline-app FILE` (as a file manager runs it) means `timeline-app --db FILE`."""
    commands = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    words = [(i, word) for i, word in enumerate(argv) if not word.startswith("-")]
    if not words or words[0][1] in commands.choices:
        return argv
    i, word = words[0]
    if i > 0 and argv[i - 1] == "--db":
        return argv
    return [*argv[:i], "--db", word, *argv[i + 1 :]]


def _say_error(message: str) -> None:
    print(f"timeline-app: {message}", file=sys.stderr)


def _year(text: str) -> int:
    if not text.strip().isdigit() or not 1 <= int(text) <= 9999:
        raise argparse.ArgumentTypeError(
            f"“{text}” is not a year; write it as four digits, e.g. 2006"
        )
    return int(text)


def _filter_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--theme",
        action="append",
        default=[],
        metavar="T",
        help="only events with this theme (name or slug); repeat for any of several",
    )
    parser.add_argument(
        "--from",
        dest="first_year",
        type=_year,
        metavar="YEAR",
        help="only events that reach this year or later",
    )
    parser.add_argument(
        "--to",
        dest="last_year",
        type=_year,
        metavar="YEAR",
        help="only events that start in this year or earlier",
    )
    parser.add_argument(
        "--search",
        default="",
        metavar="TEXT",
        help="full-text search over titles, summaries and quotes",
    )


def _db_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db",
        type=Path,
        default=argparse.SUPPRESS,
        metavar="PATH",
        help="the timeline database to open (default: the bundled one, read-only)",
    )


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="timeline-app", description=__doc__.splitlines()[0])
    parser.add_argument("--version", action="version", version=f"timeline-app {__version__}")
    _db_option(parser)
    parser.set_defaults(run=_run_window)
    commands = parser.add_subparsers(title="commands", metavar="COMMAND", parser_class=_Parser)

    listing = commands.add_parser("list", help="print the events that pass a filter")
    _filter_options(listing)
    listing.add_argument("--format", choices=("table", "json"), default="table")
    _db_option(listing)
    listing.set_defaults(run=_run_list)

    themes = commands.add_parser("themes", help="print the themes with their event counts")
    _db_option(themes)
    themes.set_defaults(run=_run_themes)

    verify = commands.add_parser(
        "verify-quotes", help="check every quote against the archived copies of its sources"
    )
    verify.add_argument(
        "archive", type=Path, metavar="DIR", nargs="?", default=None,
        help="a folder of the sources' documents, named as each source's archive says "
        "(default: the archived texts stored in the timeline file)",
    )  # fmt: skip
    _db_option(verify)
    verify.set_defaults(run=_run_verify)

    build = commands.add_parser("build-db", help="rebuild a database from the timeline's TOML text")
    build.add_argument(
        "--from-text",
        type=Path,
        default=None,
        metavar="DIR",
        help="folder holding themes.toml, sources.toml, events.toml",
    )
    build.add_argument(
        "--out",
        type=Path,
        default=None,
        metavar="PATH",
        help="the database to write (default: --db, or data.db in the current folder)",
    )
    build.add_argument(
        "--archive", type=Path, default=None, metavar="DIR",
        help="the sources' documents, to record each quote found in them "
        "(default: ../shared/seeds beside the source checkout, when it is there)",
    )  # fmt: skip
    _db_option(build)
    build.set_defaults(run=_run_build)

    export = commands.add_parser(
        "export", help="export the filtered timeline to a PDF, TimelineJS or the app's JSON"
    )
    export.add_argument("out", type=Path, metavar="OUT")
    export.add_argument(
        "--format",
        choices=tuple(EXPORT_FORMATS),
        default=None,
        help="pdf, timelinejs, csv (a TimelineJS sheet) or json (this app's, lossless); "
        "default from OUT's extension (.timelinejs.json for TimelineJS)",
    )
    _filter_options(export)
    export.add_argument("--page-size", choices=("A4", "Letter"), default=None, help="PDF only")
    export.add_argument("--landscape", action="store_true", help="PDF only")
    export.add_argument("--title", default=None, help="PDF only")
    _db_option(export)
    export.set_defaults(run=_run_export)
    _import_command(commands)
    return parser


def _import_command(commands) -> None:
    importing = commands.add_parser(
        "import", help="make a new timeline file from TimelineJS, Timeline or CSV"
    )
    importing.add_argument("source", type=Path, metavar="SOURCE")
    importing.add_argument(
        "--out", type=Path, required=True, metavar="NEW_FILE",
        help="the timeline file to create (never replaced if it exists)",
    )  # fmt: skip
    importing.add_argument(
        "--format", choices=tuple(IMPORT_FORMATS), default=None,
        help="the source's format; default from its name and content",
    )  # fmt: skip
    importing.add_argument(
        "--map", default=None, metavar="FIELD=COLUMN,…",
        help="for any CSV: which column holds what, e.g. title=Name,start=Date,themes=Tags",
    )  # fmt: skip
    importing.set_defaults(run=_run_import)


def _open(args: argparse.Namespace):
    from timeline_app.store.database import open_database
    from timeline_app.store.default_timeline import default_timeline

    path = getattr(args, "db", None)
    if path is not None:
        return open_database(path)
    default = default_timeline(paths.user_data_dir(), paths.bundled_database())
    return open_database(default.path, read_only=default.read_only)


def _filter(args: argparse.Namespace, db) -> TimelineFilter:
    from timeline_app.store import queries

    if args.first_year and args.last_year and args.first_year > args.last_year:
        raise UsageError(f"--from {args.first_year} is after --to {args.last_year}")
    return TimelineFilter(
        themes=queries.resolve_themes(db, args.theme) if args.theme else frozenset(),
        first_year=args.first_year,
        last_year=args.last_year,
        search=args.search,
    )


def _run_list(args: argparse.Namespace) -> int:
    from timeline_app.store import queries

    db = _open(args)
    events = queries.filtered_events(db, _filter(args, db))
    if args.format == "json":
        document = {
            "title": queries.timeline_title(db),
            "total": len(events),
            "timeline_events": queries.total_events(db),
            "events": [_event_json(e) for e in events],
        }
        print(json.dumps(document, ensure_ascii=False, indent=2))
    else:
        from timeline_app.wording.dates import span_label

        dates = [span_label(event.when) for event in events]
        width = max(map(len, dates), default=4)
        for date, event in zip(dates, events, strict=True):
            themes = ", ".join(t.name for t in event.themes)
            print(f"{date:<{width}}  {event.title}  [{themes}]")
        print(f"{len(events)} of {queries.total_events(db)} events")
    return 0


def _event_json(event) -> dict:
    return {
        "id": event.key,
        "start": event.when.start.iso(),
        "end": event.when.end.iso() if event.when.end else None,
        "approximate": event.when.approximate,
        "date_basis": event.date_basis,
        "importance": None if event.importance is None else event.importance.word,
        "title": event.title,
        "summary": event.summary,
        "themes": [t.name for t in event.themes],
        "independent_sources": event.independent_sources,
        "citations": [
            {
                "quote": c.quote,
                "source": c.source.as_record(),
            }
            for c in event.citations
        ],
    }


def _run_themes(args: argparse.Namespace) -> int:
    from timeline_app.store import queries

    db = _open(args)
    counts = queries.theme_counts(db, TimelineFilter())
    for theme in queries.themes(db):
        print(f"{counts[theme.slug]:>6}  {theme.name} ({theme.slug})")
    return 0


def _run_verify(args: argparse.Namespace) -> int:
    if args.archive is not None and not args.archive.is_dir():
        raise UsageError(f"{args.archive} is not a folder of archived source documents")
    db = _open(args)
    if args.archive is None:
        return _verify_in_file(db)
    return _verify_in_folder(db, args.archive)


def _verify_in_folder(db, folder: Path) -> int:
    from timeline_app.store import queries
    from timeline_app.timeline.quotes import is_verbatim

    documents: dict[str, str | None] = {}
    checked, failures = 0, []
    for event in queries.filtered_events(db, TimelineFilter()):
        for citation in event.citations:
            source = citation.source
            if not citation.quote:  # a source cited without a quote (a link, a credit)
                continue
            checked += 1
            if not source.archive:
                failures.append(f"{event.key}: source {source.id} has no archived copy to check")
                continue
            if source.archive not in documents:
                documents[source.archive] = _read_archive(folder / source.archive)
            document = documents[source.archive]
            if document is None:
                failures.append(
                    f"{event.key}: source {source.id}: archive {source.archive} "
                    "is missing or unreadable"
                )
            elif not is_verbatim(citation.quote, document):
                failures.append(
                    f"{event.key}: source {source.id}: quote not found: “{citation.quote[:60]}…”"
                )
    for failure in failures:
        print(failure)
    if failures:
        print(f"{len(failures)} of {checked} quotes do not match their archived sources.")
        return 1
    print(f"All {checked} quotes match their archived sources ({len(documents)} documents).")
    return 0


def _verify_in_file(db) -> int:
    """Each quote against its source's archived text stored in the file; where none is stored,
    what the file recorded when the quote was last checked."""
    from timeline_app.store import queries
    from timeline_app.store.editing import archived_text
    from timeline_app.timeline.quotes import VERIFIED, is_verbatim

    texts: dict[str, str | None] = {}
    found = recorded = 0
    missing, unverifiable = [], []
    for event in queries.filtered_events(db, TimelineFilter()):
        for citation in event.citations:
            if not citation.quote:
                continue
            source = citation.source
            if source.id not in texts:
                texts[source.id] = archived_text(db, source.id)
            text = texts[source.id]
            where = f"{event.key}: source {source.id}"
            if text is not None:
                if is_verbatim(citation.quote, text):
                    found += 1
                else:
                    missing.append(f"{where}: quote not found: “{citation.quote[:60]}…”")
            elif citation.status == VERIFIED:
                recorded += 1
            else:
                unverifiable.append(f"{where}: no archived text stored to check “"
                                    f"{citation.quote[:40]}…” against")  # fmt: skip
    for line in missing + unverifiable:
        print(line)
    print(
        f"{english('%Ln quote(s)', found)} found in the archived texts stored in the file, "
        f"{len(missing)} not found; {recorded} recorded as found in a document kept outside it; "
        f"{len(unverifiable)} unverifiable (no archived text)."
    )
    return 1 if missing else 0


def _read_archive(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def _run_build(args: argparse.Namespace) -> int:
    from timeline_app.store.build import build_database
    from timeline_app.timeline.text_sources import TextSourceError

    folder = args.from_text or paths.bundled_text_folder()
    out = _build_target(args)
    archive = args.archive or paths.archive_folder_beside_checkout()
    if archive is not None and not archive.is_dir():
        raise UsageError(f"{archive} is not a folder of archived source documents")
    try:
        count = build_database(folder, out, archive)
    except TextSourceError as error:
        raise UsageError(f"the timeline text in {folder} is not valid: {error}") from error
    except OSError as error:
        raise UsageError(f"cannot write {out}: {error.strerror}") from error
    print(f"Wrote {count} events to {out}")
    if args.archive is not None:  # said when asked for; the default folder is used quietly
        print(f"Each quote found in its source's document in {archive} records the document.")
    return 0


def _build_target(args: argparse.Namespace) -> Path:
    """--out, or --db (the global option names the database every command works on)."""
    db = getattr(args, "db", None)
    if args.out is not None and db is not None and args.out.resolve() != db.resolve():
        raise UsageError(f"--db {db} and --out {args.out} name different files; give one")
    return args.out or db or Path("data.db")


def _run_export(args: argparse.Namespace) -> int:
    format_name = args.format or export_format_of(args.out.name)
    if format_name is None:
        names = ", ".join(EXPORT_FORMATS)
        raise UsageError(
            f"cannot tell the format from the name {args.out.name}: end it in .pdf, .csv, .json "
            f"or .timelinejs.json, or give --format ({names})"
        )
    if format_name != "pdf":
        given = [o for o, v in (("--page-size", args.page_size), ("--landscape", args.landscape),
                                ("--title", args.title)) if v]  # fmt: skip
        if given:
            raise UsageError(f"{', '.join(given)} only apply to a PDF, not to {format_name}")
    args.page_size = args.page_size or "A4"
    db = _open(args)
    if format_name != "pdf":
        from timeline_app.export.other_formats import export_from_command_line as export_text

        return export_text(db, _filter(args, db), args.out, format_name)
    from timeline_app.export.cli_export import export_from_command_line

    return export_from_command_line(db, _filter(args, db), args)


def _run_import(args: argparse.Namespace) -> int:
    from timeline_app.formats.command_line import import_file

    if getattr(args, "db", None) is not None:
        raise UsageError("import makes a new file, named by --out; --db does not apply to it")
    return import_file(args.source, args.out, args.format, args.map)


def _run_window(args: argparse.Namespace) -> int:
    from timeline_app.ui.launch import launch

    return launch(getattr(args, "db", None))
