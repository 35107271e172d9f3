"""Which files make up a matrix directory, what kind each is, and their digest."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from checker.errors import KnowledgeBaseError, Location

__all__ = ["MatrixFile", "list_files", "digest"]

_KIND_BY_DIR = {"platforms": "platform", "catalogues": "catalogue", "usage": "usage", "apis": "api"}


@dataclass(frozen=True, slots=True)
class MatrixFile:
    path: Path
    display: str  # relative to the matrix's parent, POSIX
    kind: str
    raw: bytes


def list_files(root: Path) -> tuple[list[MatrixFile], list[KnowledgeBaseError]]:
    """Every data file below ``root``, sorted, with its bytes; files that fit no kind are errors."""
    files: list[MatrixFile] = []
    errors: list[KnowledgeBaseError] = []
    if not root.is_dir():
        return [], [KnowledgeBaseError("matrix directory not found", Location(str(root)), "KB001")]
    base = root.parent
    for path in sorted(_walk(root)):
        display = path.relative_to(base).as_posix()
        relative = path.relative_to(root)
        if relative.parts[0] == "schema" or path.suffix == ".md":
            continue  # the schemas and the format description are not data
        if path.suffix != ".yaml":
            errors.append(KnowledgeBaseError("unexpected file: matrix data files end in .yaml", Location(display), "KB001"))
            continue
        if relative.parts == ("_meta.yaml",):
            kind = "meta"
        else:
            kind = _KIND_BY_DIR.get(relative.parts[0]) if len(relative.parts) > 1 else None
            if kind is None or (kind != "api" and len(relative.parts) > 2):
                errors.append(
                    KnowledgeBaseError(
                        "file outside the known folders (apis/, platforms/, catalogues/, usage/)", Location(display), "KB001"
                    )
                )
                continue
        try:
            raw = path.read_bytes()
        except OSError as error:
            errors.append(KnowledgeBaseError(f"cannot read: {error.strerror}", Location(display), "KB001"))
            continue
        files.append(MatrixFile(path, display, kind, raw))
    return files, errors


def _walk(root: Path) -> list[Path]:
    found = []
    stack = [root]
    while stack:
        directory = stack.pop()
        for entry in directory.iterdir():
            if entry.name.startswith("."):
                continue
            if entry.is_dir() and not entry.is_symlink():
                stack.append(entry)
            elif entry.is_file():
                found.append(entry)
    return found


def digest(files: list[MatrixFile], schema_dir: Path, tool_version: str) -> str:
    """sha256 over the tool version, the schemas and every data file (path and bytes)."""
    hasher = hashlib.sha256(tool_version.encode())
    extra = sorted(schema_dir.glob("*.json")) if schema_dir.is_dir() else []
    for name, raw in [(f.display, f.raw) for f in files] + [(p.name, p.read_bytes()) for p in extra]:
        hasher.update(len(name).to_bytes(4, "big") + name.encode() + len(raw).to_bytes(8, "big") + raw)
    return hasher.hexdigest()
