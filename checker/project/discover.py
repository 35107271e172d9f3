"""Find every Taro project below a path: each package.json that depends on @tarojs/taro."""

from __future__ import annotations

import json
import os
from pathlib import Path

from checker.names import SKIPPED_DIRS, TARO_PACKAGE

__all__ = ["SKIPPED_DIRS", "discover"]

# dependency folders and build output never hold a project of their own
_DEPENDENCY_KEYS = ("dependencies", "devDependencies", "peerDependencies", "optionalDependencies")


def discover(path: Path) -> list[Path]:
    """Project directories below ``path`` (itself included), sorted; symlinked folders are not followed."""
    found = []
    stack = [path]
    while stack:
        directory = stack.pop()
        manifest = directory / "package.json"
        if manifest.is_file() and _depends_on_taro(manifest):
            found.append(directory)
        try:
            with os.scandir(directory) as entries:
                for entry in entries:
                    if entry.is_dir(follow_symlinks=False) and entry.name not in SKIPPED_DIRS and not entry.name.startswith("."):
                        stack.append(Path(entry.path))
        except OSError:
            continue  # unreadable folder: nothing to find there
    return sorted(found)


def _depends_on_taro(manifest: Path) -> bool:
    """A cheap look: a broken package.json counts as a project, so that reading it reports the error."""
    try:
        raw = manifest.read_bytes()
    except OSError:
        return True
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            raw = raw.decode("utf-16").encode("utf-8")  # read_json accepts UTF-16 with a BOM too
        except UnicodeDecodeError:
            return True
    if TARO_PACKAGE.encode() not in raw:
        return False
    try:
        data = json.loads(raw)
    except (ValueError, RecursionError):
        return True
    if not isinstance(data, dict):
        return True
    return any(isinstance(data.get(key), dict) and TARO_PACKAGE in data[key] for key in _DEPENDENCY_KEYS)
