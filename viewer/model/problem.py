"""Problems found in a file, printed one per line as ``FILE:WHERE: message``."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from viewer.wording import visible_controls


class Severity(enum.Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    """One finding about a file; ``where`` is a JSON path (``features[3].geometry``) or ``line:col``."""

    file: str
    where: str
    message: str
    severity: Severity = Severity.ERROR

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def __str__(self) -> str:
        place = f"{self.file}:{self.where}" if self.where else self.file
        label = "warning: " if self.severity is Severity.WARNING else ""
        return visible_controls(f"{place}: {label}{self.message}")  # one line, whatever a file's names hold


class BundleError(Exception):
    """A file that cannot be opened at all; carries every problem found, the first one being the message."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__(str(problems[0]) if problems else "unreadable file")
