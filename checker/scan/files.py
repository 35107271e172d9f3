"""Which source files of a project to scan: extensions, skipped folders, include/exclude globs."""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from checker.globs import glob_regex
from checker.names import SKIPPED_DIRS

__all__ = ["SOURCE_SUFFIXES", "SourceFile", "glob_matches", "source_files"]

SOURCE_SUFFIXES = frozenset({".js", ".jsx", ".ts", ".tsx", ".mjs", ".cjs", ".mts", ".cts", ".vue"})
_SKIPPED_DIRS = SKIPPED_DIRS


def glob_matches(relative: str, patterns: Iterable[str]) -> bool:
    return any(glob_regex(pattern.removeprefix("./"), with_contents=True).fullmatch(relative) for pattern in patterns)


@dataclass(frozen=True, slots=True)
class SourceFile:
    path: str
    display: str  # relative to the project root, POSIX
    size: int
    mtime_ns: int


def source_files(
    root: Path, *, include: tuple[str, ...] = (), exclude: tuple[str, ...] = (), skip_dirs: Iterable[str] = ()
) -> tuple[list[SourceFile], list[str]]:
    """Every source file with its size and modification time (one stat, during the walk), sorted,
    and notes about what could not be walked.

    ``skip_dirs`` are project-relative folders to leave out (build output, nested projects).
    Symlinked folders are not followed, so a link loop cannot trap the walk.
    """
    skipped = {s.strip("/") for s in skip_dirs if s}
    found: list[SourceFile] = []
    notes: list[str] = []
    stack: list[tuple[str, str]] = [(str(root), "")]  # (path, relative prefix)
    while stack:
        directory, prefix = stack.pop()
        try:
            with os.scandir(directory) as listing:
                entries = list(listing)
        except OSError as error:
            notes.append(f"{prefix.rstrip('/') or '.'}: cannot list: {error.strerror}")
            continue
        for entry in entries:
            name = entry.name
            relative = prefix + name
            if entry.is_dir(follow_symlinks=False):
                if name in _SKIPPED_DIRS or name.startswith(".") or relative in skipped:
                    continue
                if exclude and glob_matches(relative, exclude):
                    continue
                stack.append((entry.path, relative + "/"))
                continue
            dot = name.rfind(".")
            if dot < 0 or name[dot:] not in SOURCE_SUFFIXES or name.endswith((".d.ts", ".d.mts", ".d.cts")):
                continue
            if include and not glob_matches(relative, include):
                continue
            if exclude and glob_matches(relative, exclude):
                continue
            try:
                stat = entry.stat()
            except OSError as error:
                notes.append(f"{relative}: cannot read: {error.strerror}")
                continue
            found.append(SourceFile(entry.path, relative, stat.st_size, stat.st_mtime_ns))
    found.sort(key=lambda item: item.display)
    return found, notes
