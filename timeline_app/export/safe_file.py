"""Writing the export beside its target and moving it into place only once it is complete."""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from timeline_app.part_files import (
    move_into_place,
    part_prefix,
    refuse_read_only,
    remove_abandoned_parts,
)
from timeline_app.wording.translation import translate


def tr(text: str, **values: object) -> str:
    """The export's words (the context export.words uses), without loading Qt: the command
    line writes other formats through this module and must stay free of Qt."""
    return translate("", text).format(**values)


class ExportError(Exception):
    """An export that could not be written; the message says why, in the user's words."""


@contextlib.contextmanager
def replacing(target: Path) -> Iterator[Path]:
    """Yield a temporary path beside target; on success it replaces target, on failure it goes.

    A failed or cancelled export leaves no partial file and does not touch an existing one; a
    read-only target is refused. The new file gets the mode a new file gets from the user's
    umask, or the mode of the file it replaces.
    """
    target = Path(target)
    if target.is_dir():
        raise ExportError(
            tr("{target} is a folder; choose a file name for the PDF.", target=target)
        )
    try:
        refuse_read_only(target)
    except PermissionError:
        raise ExportError(
            tr(
                "{target} is read-only; choose another name, or make it writable first. "
                "No file was changed.",
                target=target,
            )
        ) from None
    if _is_database(target):
        raise ExportError(
            tr(
                "{target} is a timeline database; an export never replaces one. Choose another "
                "name. No file was changed.",
                target=target,
            )
        )
    remove_abandoned_parts(target.parent)
    try:
        handle, name = tempfile.mkstemp(
            prefix=part_prefix(target), suffix=".part", dir=target.parent
        )
    except OSError as error:
        raise explain(error, target) from error
    os.close(handle)
    temporary = Path(name)
    try:
        yield temporary
        move_into_place(temporary, target)
    except OSError as error:
        raise explain(error, target) from error
    finally:
        with contextlib.suppress(FileNotFoundError):
            temporary.unlink()


def _is_database(target: Path) -> bool:
    """Whether target is an SQLite file: a timeline, perhaps the one open (never exported over)."""
    try:
        with target.open("rb") as handle:
            return handle.read(16) == b"SQLite format 3\x00"
    except OSError:
        return False


def explain(error: OSError, target: Path) -> ExportError:
    """Say in words why the file cannot be written."""
    folder = target.parent
    reasons = {
        errno.ENOENT: tr("the folder {folder} does not exist", folder=folder),
        errno.ENOTDIR: tr("{folder} is not a folder", folder=folder),
        errno.EACCES: tr("you may not write to the folder {folder}", folder=folder),
        errno.EPERM: tr("you may not write to the folder {folder}", folder=folder),
        errno.EROFS: tr("the folder {folder} is on a read-only disk", folder=folder),
        errno.ENOSPC: tr("the disk is full"),
        errno.EDQUOT: tr("your disk quota is used up"),
        errno.EISDIR: tr("{target} is a folder", target=target),
        errno.ENAMETOOLONG: tr("the file name is too long"),
    }
    reason = reasons.get(error.errno) or (error.strerror or str(error)).lower()
    return ExportError(
        tr("Cannot write {target}: {reason}. No file was changed.", target=target, reason=reason)
    )
