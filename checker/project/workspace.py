"""The workspace a project belongs to: the folder whose lock file installs it, and pnpm's catalogs.

A package manager installs a workspace member from the workspace root: pnpm from the folder with
``pnpm-workspace.yaml``, npm and yarn from the one whose package.json has ``workspaces``, lerna from
the one with ``lerna.json``. Checking an app folder directly must still find that root, so the walk
goes up past the checked path, and a root counts only if its member globs take the app in.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from checker.errors import Location
from checker.findings import Args, Severity
from checker.globs import glob_regex
from checker.project.profile import Note
from checker.yamlread import YamlMap, YamlProblem, read_documents

__all__ = ["Workspace", "find_workspace"]

PNPM_WORKSPACE = "pnpm-workspace.yaml"
_MAX_MANIFEST_BYTES = 4 * 1024 * 1024
_LERNA_DEFAULT = ("packages/*",)  # lerna's own default when lerna.json names no packages


@dataclass(frozen=True, slots=True)
class Workspace:
    root: Path
    declared_by: str  # "pnpm-workspace.yaml", "package.json workspaces", "lerna.json"
    member: str  # the project's folder relative to the root, POSIX; "." for the root itself
    catalogs: Mapping[str, Mapping[str, str]] = field(default_factory=dict)  # "default" -> {package: range}
    notes: tuple[Note, ...] = ()

    def catalog_range(self, package: str, spec: str) -> str | None:
        """``catalog:`` / ``catalog:default`` / ``catalog:name`` -> the range the catalog gives the package."""
        name = spec.removeprefix("catalog:").strip() or "default"
        return self.catalogs.get(name, {}).get(package)


def find_workspace(directory: Path, display_of: object = None) -> Workspace | None:
    """The nearest workspace root at or above ``directory`` whose members include it."""
    directory = directory.resolve()
    for folder in (directory, *directory.parents):
        member = directory.relative_to(folder).as_posix() or "."
        for declared_by, globs, catalogs, notes in _markers(folder, display_of):
            if member == "." or _included(member, globs):
                return Workspace(folder, declared_by, member, catalogs, notes)
    return None


def _markers(folder: Path, display_of: object) -> Iterable[tuple[str, tuple[str, ...], dict[str, dict[str, str]], tuple[Note, ...]]]:
    display = display_of if callable(display_of) else (lambda path: path.as_posix())
    pnpm = folder / PNPM_WORKSPACE
    if pnpm.is_file():
        yield (PNPM_WORKSPACE, *_read_pnpm_workspace(pnpm, display(pnpm)))
    package = folder / "package.json"
    if package.is_file():
        data = _json(package)
        workspaces = data.get("workspaces") if isinstance(data, dict) else None
        if isinstance(workspaces, dict):  # yarn 1's {"packages": [...], "nohoist": [...]}
            workspaces = workspaces.get("packages")
        if isinstance(workspaces, list):
            yield "package.json workspaces", tuple(g for g in workspaces if isinstance(g, str)), {}, ()
    lerna = folder / "lerna.json"
    if lerna.is_file():
        data = _json(lerna)
        packages = data.get("packages") if isinstance(data, dict) else None
        globs = tuple(g for g in packages if isinstance(g, str)) if isinstance(packages, list) else _LERNA_DEFAULT
        yield "lerna.json", globs, {}, ()


def _read_pnpm_workspace(path: Path, display: str) -> tuple[tuple[str, ...], dict[str, dict[str, str]], tuple[Note, ...]]:
    try:
        text = path.read_bytes()[:_MAX_MANIFEST_BYTES].decode("utf-8")
        documents = read_documents(text, typed=False, max_depth=16)
    except (OSError, UnicodeDecodeError, YamlProblem) as error:
        where = Location(display, getattr(error, "line", 0), getattr(error, "column", 0))
        reason = getattr(error, "message", None) or getattr(error, "strerror", None)
        note = Note("TC015", Severity.WARNING, where, "workspace" if reason else "workspace_not_utf8", Args.of(detail=reason))
        return ("**",), {}, (note,)
    root = documents[-1] if documents and isinstance(documents[-1], YamlMap) else YamlMap()
    packages = root.get("packages")
    globs = tuple(g for g in packages if isinstance(g, str)) if isinstance(packages, list) else ("**",)
    catalogs: dict[str, dict[str, str]] = {}
    if isinstance(root.get("catalog"), YamlMap):
        catalogs["default"] = _ranges(root["catalog"])
    named = root.get("catalogs")
    if isinstance(named, YamlMap):
        for name, entries in named.items():
            if isinstance(entries, YamlMap):
                catalogs.setdefault(name, {}).update(_ranges(entries))
    return globs, catalogs, ()


def _ranges(entries: YamlMap) -> dict[str, str]:
    return {name: value for name, value in entries.items() if isinstance(value, str)}


def _json(path: Path) -> object:
    try:
        raw = path.read_bytes()
        return json.loads(raw[:_MAX_MANIFEST_BYTES]) if len(raw) <= _MAX_MANIFEST_BYTES else None
    except (OSError, ValueError, RecursionError):
        return None  # a broken root manifest is reported when that folder is itself checked


def _included(member: str, globs: Iterable[str]) -> bool:
    """pnpm, npm, yarn and lerna member globs; ``!glob`` excludes, the last match decides."""
    included = False
    for pattern in globs:
        negated = pattern.startswith("!")
        body = pattern.removeprefix("!").removeprefix("./").rstrip("/")
        if body and glob_regex(body).fullmatch(member):
            included = not negated
    return included
