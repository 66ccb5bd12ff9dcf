"""Known problems with a database, told apart from bugs; each says in words what went wrong."""

from __future__ import annotations


class StoreError(Exception):
    """A problem the user can act on: the message is written for them."""


class DatabaseMissing(StoreError):
    pass


class NotADatabase(StoreError):
    pass


class DatabaseLocked(StoreError):
    pass


class DatabaseCorrupt(StoreError):
    pass


class DatabaseTooNew(StoreError):
    pass


class DatabaseNotWritable(StoreError):
    pass


class UnknownTheme(StoreError):
    def __init__(self, name: str, known: list[str]) -> None:
        super().__init__(f"Unknown theme “{name}”. Known themes: {', '.join(known)}.")
        self.name = name
        self.known = known


def explain_sqlite_error(error: BaseException, path: object) -> StoreError:
    """Turn sqlite's terse messages into one a reader understands."""
    text = str(getattr(error, "orig", None) or error).lower()
    if "locked" in text or "busy" in text:
        return DatabaseLocked(f"{path} is locked by another program. Close it and try again.")
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return DatabaseCorrupt(
            f"{path} is damaged and cannot be read ({text}). Open a backup or another file."
        )
    if "readonly" in text or "read-only" in text or "unable to open" in text:
        return DatabaseNotWritable(f"{path} cannot be opened for writing ({text}).")
    return StoreError(f"{path} could not be read: {text}.")
