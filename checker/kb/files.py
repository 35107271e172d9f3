"""Which files make up a matrix directory, what kind each is, their fingerprint and digest."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from checker.errors import KnowledgeBaseError, Location

__all__ = ["MatrixFile", "digest", "fingerprint", "list_files"]

_KIND_BY_DIR = {"platforms": "platform", "catalogues": "catalogue", "usage": "usage", "apis": "api", "reports": "report",
                "wrappers": "wrapper"}


@dataclass(frozen=True, slots=True)
class MatrixFile:
    path: Path
    display: str  # relative to the matrix's parent, POSIX
    kind: str  # meta, platform, catalogue, usage, api, wrapper; "schema" for the JSON Schemas
    size: int
    mtime_ns: int

    def read(self) -> bytes:
        return self.path.read_bytes()


def list_files(root: Path) -> tuple[list[MatrixFile], list[KnowledgeBaseError]]:
    """Every data and schema file below ``root``, sorted; files that fit no kind are errors."""
    files: list[MatrixFile] = []
    errors: list[KnowledgeBaseError] = []
    if not root.is_dir():
        return [], [KnowledgeBaseError("matrix directory not found", Location(str(root)), "KB001")]
    base = root.parent
    for path, stat in sorted(_walk(root)):
        display = path.relative_to(base).as_posix()
        relative = path.relative_to(root)
        if path.suffix == ".md":
            continue  # the format description
        if relative.parts[0] == "schema":
            if path.suffix == ".json":
                files.append(MatrixFile(path, display, "schema", stat.st_size, stat.st_mtime_ns))
            continue
        if path.suffix != ".yaml":
            errors.append(KnowledgeBaseError("unexpected file: matrix data files end in .yaml", Location(display), "KB001"))
            continue
        if relative.parts == ("_meta.yaml",):
            kind: str | None = "meta"
        else:
            kind = _KIND_BY_DIR.get(relative.parts[0]) if len(relative.parts) > 1 else None
            if kind is not None and kind != "api" and len(relative.parts) > 2:
                kind = None
        if kind is None:
            errors.append(
                KnowledgeBaseError(
                    "file outside the known folders (apis/, platforms/, catalogues/, usage/, reports/, wrappers/)", Location(display), "KB001"
                )
            )
            continue
        files.append(MatrixFile(path, display, kind, stat.st_size, stat.st_mtime_ns))
    return files, errors


def _walk(root: Path) -> list[tuple[Path, os.stat_result]]:
    found = []
    stack = [root]
    while stack:
        directory = stack.pop()
        with os.scandir(directory) as entries:
            for entry in entries:
                if entry.name.startswith("."):
                    continue
                if entry.is_dir(follow_symlinks=False):
                    stack.append(Path(entry.path))
                elif entry.is_file():
                    found.append((Path(entry.path), entry.stat()))
    return found


def fingerprint(files: list[MatrixFile]) -> list[list[object]]:
    """Names, sizes and modification times: a stat-only check that nothing changed (as git's index)."""
    return [[f.display, f.size, f.mtime_ns] for f in files]


def digest(files: list[MatrixFile], tool_version: str) -> str:
    """sha256 over the tool version and every file's name and bytes: what the cache is keyed by."""
    hasher = hashlib.sha256(tool_version.encode())
    for file in files:
        raw = file.read()
        name = file.display.encode()
        hasher.update(len(name).to_bytes(4, "big") + name + len(raw).to_bytes(8, "big") + raw)
    return hasher.hexdigest()
