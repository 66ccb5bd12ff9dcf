"""What goes wrong reading a file, said once: the file, where in it, the field, and why."""

from __future__ import annotations

from pathlib import Path


class FormatError(ValueError):
    """A file this app cannot read as the format it claims to be."""

    def __init__(
        self, path: Path | str, problem: str, where: str | None = None, field: str | None = None
    ) -> None:
        self.path, self.problem, self.where, self.field = Path(path), problem, where, field
        place = ", ".join(part for part in (where, f"field “{field}”" if field else None) if part)
        super().__init__(f"{path}: {place + ': ' if place else ''}{problem}")


class ImportCancelled(Exception):
    """The user stopped an import; nothing was created."""
