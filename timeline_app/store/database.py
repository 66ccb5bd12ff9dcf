"""Opening a timeline database: checks, pragmas, and migrations to the schema this app knows."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager, suppress
from pathlib import Path

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from timeline_app.store.errors import (
    DatabaseMissing,
    DatabaseTooNew,
    NotADatabase,
    StoreError,
    explain_sqlite_error,
)

# Every migration this app ships, oldest first; tests check this against the migration scripts.
KNOWN_REVISIONS = ("0001",)
HEAD_REVISION = KNOWN_REVISIONS[-1]
SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 3000  # how long to wait for another program's write before calling it locked


class Database:
    """One open timeline database."""

    def __init__(self, path: Path, engine: Engine) -> None:
        self.path = path
        self.engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session that commits on success, and turns sqlite's errors into StoreErrors."""
        try:
            with self._sessions() as session, session.begin():
                yield session
        except DBAPIError as error:
            raise explain_sqlite_error(error, self.path) from error

    def close(self) -> None:
        self.engine.dispose()


def open_database(path: Path | str, *, create: bool = False) -> Database:
    """Open (or with create=True, make) a timeline database, migrating it if it is older."""
    path = Path(path)
    _check_file(path, create)
    engine = create_engine(f"sqlite:///{path}")
    event.listen(engine, "connect", _on_connect)
    try:
        revision = _revision(engine, path)
        if revision != HEAD_REVISION:
            if revision is not None:
                _backup(path, revision)
            migrate(engine)
        _use_write_ahead_log(engine)
    except DBAPIError as error:
        engine.dispose()
        raise explain_sqlite_error(error, path) from error
    except StoreError:
        engine.dispose()
        raise
    return Database(path, engine)


def migrate(engine: Engine) -> None:
    """Bring the schema to HEAD_REVISION with Alembic (imported here: start-up rarely needs it)."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(Path(__file__).parent / "migrations"))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


def _check_file(path: Path, create: bool) -> None:
    if path.is_dir():
        raise NotADatabase(f"{path} is a folder, not a timeline database.")
    if not path.exists():
        if create:
            return
        raise DatabaseMissing(f"There is no file at {path}.")
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_MAGIC))
    except OSError as error:
        raise StoreError(f"{path} cannot be read: {error.strerror}.") from error
    if header == b"" and create:
        return
    if header != SQLITE_MAGIC:
        raise NotADatabase(f"{path} is not a timeline database (it is not an SQLite file).")


def _on_connect(connection: sqlite3.Connection, _record: object) -> None:
    cursor = connection.cursor()
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cursor.close()


def _use_write_ahead_log(engine: Engine) -> None:
    """WAL lets readers and a writer work at once; it persists, so set it once the file is ours."""
    # A read-only folder cannot hold the WAL files; the default journal still reads.
    with engine.connect() as connection, suppress(DBAPIError):
        connection.exec_driver_sql("PRAGMA journal_mode = WAL")


def _revision(engine: Engine, path: Path) -> str | None:
    """The schema revision stamped in the file; None for an empty database."""
    with engine.connect() as connection:
        tables = {
            row[0]
            for row in connection.exec_driver_sql(
                "SELECT name FROM sqlite_master WHERE type = 'table'"
            )
        }
        if not tables:
            return None
        if "alembic_version" not in tables or "events" not in tables:
            raise NotADatabase(f"{path} is an SQLite database, but not a timeline.")
        revision = connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
    if revision not in KNOWN_REVISIONS:
        raise DatabaseTooNew(
            f"{path} was written by a newer version of this app (schema {revision}). "
            "Update the app to open it; the file has not been changed."
        )
    return revision


def _backup(path: Path, revision: str) -> None:
    """Keep a copy of the file as it was before a migration changes it."""
    backup = path.with_name(f"{path.name}.before-migration-from-{revision}")
    if backup.exists():
        return
    # sqlite's backup API, not a file copy: it includes what is still in the write-ahead log.
    with closing(sqlite3.connect(path)) as source, closing(sqlite3.connect(backup)) as target:
        source.backup(target)
