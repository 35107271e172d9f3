"""Located, typed errors: every problem says where it comes from (``file:line:col``)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "CompatError",
    "InvalidVersion",
    "InvalidRange",
    "KnowledgeBaseError",
    "KnowledgeBaseErrors",
    "Location",
    "ProjectError",
    "UsageError",
]


@dataclass(frozen=True, slots=True)
class Location:
    """A place in a file; ``line`` and ``column`` are 1-based, 0 when unknown."""

    path: str
    line: int = 0
    column: int = 0

    def __str__(self) -> str:
        if self.line and self.column:
            return f"{self.path}:{self.line}:{self.column}"
        if self.line:
            return f"{self.path}:{self.line}"
        return self.path

    @classmethod
    def of(cls, path: Path | str, line: int = 0, column: int = 0) -> Location:
        return cls(Path(path).as_posix() if isinstance(path, Path) else path, line, column)


class CompatError(Exception):
    """Base of every error this package raises on purpose."""


class InvalidVersion(CompatError, ValueError):
    """A version string that its scheme cannot parse."""


class InvalidRange(CompatError, ValueError):
    """A version range outside the matrix's range grammar."""


class UsageError(CompatError):
    """Bad command-line input (exit code 2)."""


class ProjectError(CompatError):
    """An unreadable or invalid project file (exit code 2), with where it is."""

    def __init__(self, message: str, location: Location) -> None:
        super().__init__(message)
        self.message = message
        self.location = location

    def __str__(self) -> str:
        return f"{self.location}: {self.message}"


class KnowledgeBaseError(CompatError):
    """One problem in ``matrix/``, with its location and a stable code."""

    def __init__(self, message: str, location: Location, code: str = "KB000") -> None:
        super().__init__(message)
        self.message = message
        self.location = location
        self.code = code

    def __str__(self) -> str:
        return f"{self.location}: {self.code} {self.message}"


class KnowledgeBaseErrors(CompatError):
    """Every problem found in one run over ``matrix/`` (exit code 3)."""

    def __init__(self, errors: list[KnowledgeBaseError]) -> None:
        ordered = sorted(errors, key=lambda e: (e.location.path, e.location.line, e.location.column, e.code))
        super().__init__(f"{len(ordered)} problem(s) in the knowledge base")
        self.errors = tuple(ordered)
