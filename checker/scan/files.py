"""Which source files of a project to scan: extensions, skipped folders, include/exclude globs."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from functools import cache
from pathlib import Path

__all__ = ["SOURCE_SUFFIXES", "glob_matches", "source_files"]

SOURCE_SUFFIXES = frozenset({".js", ".jsx", ".ts", ".tsx", ".mjs", ".cjs", ".mts", ".cts", ".vue"})
_SKIPPED_DIRS = frozenset({"node_modules", "dist", "build", "output", "out", "coverage", "release", ".git"})


@cache
def _glob(pattern: str) -> re.Pattern[str]:
    """A glob with ``**`` (any folders), ``*`` and ``?`` (within one folder), as .gitignore reads them."""
    out, i = [], 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif pattern.startswith("**", i):
            out.append(".*")
            i += 2
        elif pattern[i] == "*":
            out.append("[^/]*")
            i += 1
        elif pattern[i] == "?":
            out.append("[^/]")
            i += 1
        else:
            out.append(re.escape(pattern[i]))
            i += 1
    return re.compile("".join(out) + "(?:/.*)?")


def glob_matches(relative: str, patterns: Iterable[str]) -> bool:
    return any(_glob(pattern.removeprefix("./")).fullmatch(relative) for pattern in patterns)


def source_files(
    root: Path, *, include: tuple[str, ...] = (), exclude: tuple[str, ...] = (), skip_dirs: Iterable[str] = ()
) -> tuple[list[tuple[Path, str]], list[str]]:
    """(path, display) of every source file, sorted, and notes about what could not be walked.

    ``skip_dirs`` are project-relative folders to leave out (build output, nested projects).
    Symlinked folders are not followed, so a link loop cannot trap the walk.
    """
    skipped = {s.strip("/") for s in skip_dirs if s}
    found: list[tuple[Path, str]] = []
    notes: list[str] = []
    stack = [root]
    while stack:
        directory = stack.pop()
        try:
            entries = list(os.scandir(directory))
        except OSError as error:
            notes.append(f"{Path(os.path.relpath(directory, root)).as_posix()}: cannot list: {error.strerror}")
            continue
        for entry in entries:
            relative = Path(os.path.relpath(entry.path, root)).as_posix()
            if entry.is_dir(follow_symlinks=False):
                if entry.name in _SKIPPED_DIRS or entry.name.startswith(".") or relative in skipped:
                    continue
                if exclude and glob_matches(relative, exclude):
                    continue
                stack.append(Path(entry.path))
                continue
            suffix = os.path.splitext(entry.name)[1]
            if suffix not in SOURCE_SUFFIXES or entry.name.endswith((".d.ts", ".d.mts", ".d.cts")):
                continue
            if include and not glob_matches(relative, include):
                continue
            if exclude and glob_matches(relative, exclude):
                continue
            found.append((Path(entry.path), relative))
    return sorted(found, key=lambda item: item[1]), notes
