"""Writing reports: atomically (see ``checker.atomic``), with a one-line error for the user."""

from __future__ import annotations

from pathlib import Path

from checker.atomic import replace_atomically
from checker.errors import UsageError

__all__ = ["write_atomic"]


def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` so that a reader sees the old file or the new one, never a part."""
    try:
        replace_atomically(path, text)
    except OSError as error:
        raise UsageError(f"taro-compat: cannot write {path}: {error.strerror}") from None
