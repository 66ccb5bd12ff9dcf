"""Files written beside their target under a hidden name, moved into place only when whole.

".out.pdf.<pid>.<8 characters>.part" (and SQLite's "-wal", "-shm", "-journal" beside it): the
process id lets a later export or import tell the parts of a killed one (its process is gone)
from those of one still running, and remove them.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import secrets
import stat
from pathlib import Path

_PART = re.compile(r"^\..+\.(\d+)\.[a-z0-9_]{8}\.part(?:-wal|-shm|-journal)?$")


def part_prefix(target: Path) -> str:
    """The start of a part's name for target, for tempfile.mkstemp's prefix (suffix ".part")."""
    return f".{target.name}.{os.getpid()}."


def new_part(target: Path) -> Path:
    """A name for a part of target that no file has yet (for writers that create it themselves)."""
    return target.with_name(f"{part_prefix(target)}{secrets.token_hex(4)}.part")


def refuse_read_only(target: Path) -> None:
    """PermissionError when target is a file marked read-only: a part never replaces one (root
    may write anything, but a file marked read-only is not one to overwrite silently)."""
    try:
        mode = target.stat().st_mode
    except OSError:
        return
    if not os.access(target, os.W_OK) or not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH):
        raise PermissionError(errno.EACCES, "the file is read-only", str(target))


def move_into_place(part: Path, target: Path) -> None:
    """Replace target with the finished part, giving it target's mode, or for a new file the
    mode the user's umask gives (a part is made private, 0600)."""
    try:
        mode = stat.S_IMODE(target.stat().st_mode)
    except FileNotFoundError:
        mode = 0o666 & ~_umask()
    os.chmod(part, mode)
    os.replace(part, target)


def _umask() -> int:
    # Reading the umask means setting it; no other thread of this app creates files meanwhile.
    current = os.umask(0o022)
    os.umask(current)
    return current


def remove_abandoned_parts(folder: Path) -> list[Path]:
    """Delete the partial files of exports and imports whose process died before it could
    (killed, or the machine went down); returns them."""
    removed = []
    with contextlib.suppress(OSError):
        for entry in os.scandir(folder):
            match = _PART.match(entry.name)
            if match and entry.is_file(follow_symlinks=False) and not _alive(int(match[1])):
                with contextlib.suppress(OSError):
                    os.unlink(entry.path)
                    removed.append(Path(entry.path))
    return removed


def _alive(pid: int) -> bool:
    if pid == os.getpid() or os.name == "nt":  # Windows' os.kill would end the process
        return True
    try:
        os.kill(pid, 0)  # signal 0 only asks whether the process exists
    except ProcessLookupError:
        return False
    except (OSError, OverflowError):
        return True  # it exists (another user's), or we cannot tell: leave its file alone
    return True
