"""Opening a timeline database: checks, pragmas, and migrations to the schema this app knows.

Opening and the window's reads use sqlite3 directly; SQLAlchemy (slow to import: about half a
second here) is loaded only when something asks for a session or a migration.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager, suppress
from pathlib import Path
from typing import TYPE_CHECKING, Any

from timeline_app.store.errors import (
    DatabaseMissing,
    DatabaseNotWritable,
    DatabaseTooNew,
    EditConflict,
    NotADatabase,
    StoreError,
    explain_sqlite_error,
)

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine
    from sqlalchemy.orm import Session

# Every migration this app ships, oldest first; tests check this against the migration scripts.
KNOWN_REVISIONS = ("0001", "0002", "0003", "0004")
HEAD_REVISION = KNOWN_REVISIONS[-1]
SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 3000  # how long to wait for another program's write before calling it locked

# Which file a connection reads: (st_dev, st_ino). A file another program renames over the path
# is a different file, though the app's own connection still reads the one it opened.
FileIdentity = tuple[int, int]

# Called with the Database before the app writes to it. The search started ahead registers
# here (it is above this module): its read would hold off the write's commit in a file with a
# rollback journal, and the write would then be blamed on another program.
_before_writing: list[Callable[[Database], None]] = []


def before_each_write(hook: Callable[[Database], None]) -> None:
    """Have `hook(db)` called at the start of every write through a Database."""
    if hook not in _before_writing:
        _before_writing.append(hook)


class Database:
    """One open timeline database."""

    def __init__(self, path: Path, *, read_only: bool = False) -> None:
        self.path = path
        self.read_only = read_only  # opened so that nothing can write to it (the bundled file)
        self._connection = _connect(path, read_only)
        self.identity = _identity(path)  # the file the connection just opened
        self._lock = threading.Lock()
        self._engine: Engine | None = None
        self._sessions: Any = None
        self.generation = 0  # counts changes made through this app; cached reads compare it
        self._data_version = self._read_data_version()

    def read(self, sql: str, parameters: tuple | list = ()) -> list[tuple]:
        """Rows of one read-only statement, straight from sqlite3."""
        try:
            with self._lock:
                return self._connection.execute(sql, parameters).fetchall()
        except sqlite3.Error as error:
            raise explain_sqlite_error(error, self.path) from error

    def reading_connection(self) -> sqlite3.Connection:
        """A read-only connection of its own to the same file, for a thread that reads while
        the window goes on (the caller closes it)."""
        return reading_connection(self.path, self.identity)

    def write(self, sql: str, parameters: tuple | list = ()) -> None:
        """Run one statement and commit it, straight from sqlite3."""
        self._about_to_write()
        try:
            with self._lock, self._connection:
                self._connection.execute(sql, parameters)
        except sqlite3.Error as error:
            raise explain_sqlite_error(error, self.path) from error

    @contextmanager
    def transaction(self, *, edit: bool = True) -> Iterator[sqlite3.Connection]:
        """One write transaction on the app's connection, committed when the block ends and
        rolled back if it raises. It takes the write lock at once (BEGIN IMMEDIATE), so a file
        another program is writing waits BUSY_TIMEOUT_MS, then is DatabaseLocked.

        edit=False for a writer that brings everything it refers to (an import): a foreign
        key refused there is a bug of ours, not an edit meeting another program's change."""
        if self.read_only:
            raise DatabaseNotWritable(
                f"{self.path} is open read-only: save a copy of it to make changes."
            )
        self._about_to_write()
        try:
            with self._lock:
                connection = self._connection
                connection.execute("BEGIN IMMEDIATE")
                try:
                    yield connection
                    connection.commit()
                except BaseException:
                    connection.rollback()
                    raise
        except sqlite3.IntegrityError as error:
            # Checked at commit, a foreign key fails when a row a change refers to went since
            # it was planned (another program deleted it): a conflict. Any other refusal is a
            # bug, said as one rather than blamed on another program.
            if edit and error.sqlite_errorname == "SQLITE_CONSTRAINT_FOREIGNKEY":
                raise EditConflict() from error
            raise explain_sqlite_error(error, self.path) from error
        except sqlite3.Error as error:
            raise explain_sqlite_error(error, self.path) from error

    def _about_to_write(self) -> None:
        for hook in _before_writing:
            hook(self)

    def changed(self) -> None:
        """Call after writing: what was read and kept from the file is read again."""
        self.generation += 1

    def changed_elsewhere(self) -> bool:
        """True when another connection or program committed a change to the file since the
        last call (PRAGMA data_version); then what was kept from it is read again, as after
        changed()."""
        version = self._read_data_version()
        if version == self._data_version:
            return False
        self._data_version = version
        self.changed()
        return True

    def _read_data_version(self) -> int:
        return self.read("PRAGMA data_version")[0][0]

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            from sqlalchemy import create_engine, event

            url = f"sqlite:///{self.path}"
            if self.read_only:
                url = f"sqlite:///{_read_only_uri(self.path)}&uri=true"
            self._engine = create_engine(url)
            event.listen(self._engine, "connect", _on_connect)
        return self._engine

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session that commits on success, and turns sqlite's errors into StoreErrors."""
        from sqlalchemy.exc import DBAPIError
        from sqlalchemy.orm import sessionmaker

        if self._sessions is None:
            self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        # The session writes through a connection of its own, which data_version counts as
        # another program's; its commit is taken as this app's own unless another program
        # had committed before it began (that one is still to be noticed).
        own = self._read_data_version() == self._data_version
        self._about_to_write()
        try:
            with self._sessions() as session, session.begin():
                yield session
        except DBAPIError as error:
            raise explain_sqlite_error(error, self.path) from error
        if own:
            self._data_version = self._read_data_version()

    def build_unseen(self, cache_mib: int = 64) -> None:
        """Write this new file as quickly as SQLite can, for a file no one sees until it is
        whole (an import's part, moved into place only when complete, removed on failure):
        its journal in memory, no waiting for the disk until the file is finished
        (compact_to_one_file), and a page cache big enough for the indexes being filled."""
        with self._lock:
            self._connection.execute("PRAGMA journal_mode = MEMORY")
            self._connection.execute("PRAGMA synchronous = OFF")
            self._connection.execute(f"PRAGMA cache_size = -{cache_mib * 1024}")

    def close(self) -> None:
        with self._lock:
            self._connection.close()
        if self._engine is not None:
            self._engine.dispose()


def open_database(path: Path | str, *, create: bool = False, read_only: bool = False) -> Database:
    """Open (or with create=True, make) a timeline database, migrating it if it is older.

    read_only opens it so that nothing can be written (an older schema is then refused)."""
    path = Path(path)
    _check_file(path, create and not read_only)
    try:
        with closing(_connect(path, read_only)) as connection:
            revision = _revision(connection, path)
            if revision != HEAD_REVISION and read_only:
                raise DatabaseNotWritable(
                    f"{path} needs updating to this version of the app, but it is open read-only."
                )
            if revision != HEAD_REVISION:
                if revision is not None:
                    _backup(connection, path, revision)
                migrate(path)
            if create:
                use_write_ahead_log(connection)
    except sqlite3.Error as error:
        raise explain_sqlite_error(error, path) from error
    return Database(path, read_only=read_only)


def migrate(path: Path) -> None:
    """Bring the schema to HEAD_REVISION with Alembic (imported here: start-up rarely needs it)."""
    from alembic import command
    from alembic.config import Config
    from sqlalchemy import create_engine, event
    from sqlalchemy.exc import DBAPIError

    engine = create_engine(f"sqlite:///{path}")
    event.listen(engine, "connect", _on_connect)
    config = Config()
    config.set_main_option("script_location", str(Path(__file__).parent / "migrations"))
    try:
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
    except DBAPIError as error:
        raise explain_sqlite_error(error, path) from error
    finally:
        engine.dispose()


def use_write_ahead_log(connection: sqlite3.Connection) -> None:
    """WAL lets readers and a writer work at once. It persists in the file, so it is set once,
    on databases this app makes (new ones, the user's copy), not on every file it opens."""
    with suppress(sqlite3.OperationalError):  # a read-only folder cannot hold the WAL files
        connection.execute("PRAGMA journal_mode = WAL")


def _connect(path: Path, read_only: bool = False) -> sqlite3.Connection:
    if read_only:
        connection = sqlite3.connect(_read_only_uri(path), uri=True, check_same_thread=False)
    else:
        connection = sqlite3.connect(path, check_same_thread=False)
    _on_connect(connection, None)
    # Not through a memory map (PRAGMA mmap_size): a page of 50 scattered list rows of a 3.3 GB
    # file read 2-10 ms faster that way, but a file another program truncates or rewrites in
    # place, or a disk that goes away, then stops the program with SIGBUS where a read gives
    # an error the window can tell, with any typing in a form lost.
    return connection


def reading_connection(path: Path, identity: FileIdentity) -> sqlite3.Connection:
    """A read-only connection to the file at `path`, refused (StoreError) when that is no longer
    the file with `identity`: another program has put a different file in its place, which the
    window's own connection does not read."""
    try:
        connection = sqlite3.connect(_read_only_uri(path), uri=True, check_same_thread=False)
    except sqlite3.Error as error:
        raise explain_sqlite_error(error, path) from error
    # SQLite opens the file in connect(): a stat now sees the file it opened, unless the path
    # changes in between, which is refused too.
    try:
        same = _identity(path) == identity
    except OSError:
        same = False
    if not same:
        connection.close()
        raise StoreError(f"{path} has been replaced by another file since it was opened.")
    return connection


def _identity(path: Path) -> FileIdentity:
    status = os.stat(path)
    return (status.st_dev, status.st_ino)


def _read_only_uri(path: Path) -> str:
    return f"{path.resolve().as_uri()}?mode=ro"


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


def _revision(connection: sqlite3.Connection, path: Path) -> str | None:
    """The schema revision stamped in the file; None for an empty database."""
    tables = {
        row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
    }
    if not tables:
        return None
    if "alembic_version" not in tables or "events" not in tables:
        raise NotADatabase(f"{path} is an SQLite database, but not a timeline.")
    row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    revision = row[0] if row else None
    if revision not in KNOWN_REVISIONS:
        raise DatabaseTooNew(
            f"{path} was written by a newer version of this app (schema {revision}). "
            "Update the app to open it; the file has not been changed."
        )
    return revision


def _backup(connection: sqlite3.Connection, path: Path, revision: str) -> None:
    """Keep a copy of the file as it was before a migration changes it."""
    backup = path.with_name(f"{path.name}.before-migration-from-{revision}")
    if backup.exists():
        return
    # sqlite's backup API, not a file copy: it includes what is still in the write-ahead log.
    with closing(sqlite3.connect(backup)) as target:
        connection.backup(target)
