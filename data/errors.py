"""Error type raised when the data package does not validate."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Issue:
    """One problem found in one place: a file, a row (line number, header = 1) and a reason."""

    file: str
    row: int | None
    reason: str

    def __str__(self) -> str:
        where = f"{self.file}, row {self.row}" if self.row is not None else self.file
        return f"{where}: {self.reason}"


class DataValidationError(ValueError):
    """Raised by the loader so that malformed or inconsistent data never loads silently."""

    def __init__(self, issues: list[Issue]) -> None:
        self.issues = list(issues)
        shown = "\n".join(str(i) for i in self.issues[:50])
        more = f"\n... and {len(self.issues) - 50} more" if len(self.issues) > 50 else ""
        super().__init__(f"{len(self.issues)} data problem(s):\n{shown}{more}")
