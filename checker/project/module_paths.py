"""How the project's import specifiers map to its folders: tsconfig/jsconfig ``baseUrl`` and ``paths``.

TypeScript resolves ``paths`` against ``baseUrl`` (or, without one, the config's folder); Taro's
webpack config reads the same file through tsconfig-paths-webpack-plugin in Taro 3.  One ``extends``
inside the project is followed. A file that does not parse costs the imports through it, with a note.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from checker.errors import ProjectError
from checker.findings import Args, Severity
from checker.project.jsonfile import read_json
from checker.project.profile import Note

__all__ = ["ModulePaths", "read_module_paths"]

_CONFIG_FILES = ("tsconfig.json", "jsconfig.json")


@dataclass(frozen=True, slots=True)
class ModulePaths:
    aliases: tuple[tuple[str, str], ...] = ()  # ("@", "src"): '@/x' is 'src/x'
    base_url: str | None = None
    notes: tuple[Note, ...] = ()


def read_module_paths(directory: Path) -> ModulePaths:
    name = next((n for n in _CONFIG_FILES if (directory / n).is_file()), None)
    if name is None:
        return ModulePaths()
    try:
        options = _compiler_options(directory, name, depth=0)
    except ProjectError as error:
        return ModulePaths(notes=(Note("TC010", Severity.WARNING, error.location, "module_paths", Args.of(detail=error.message)),))
    base = options.get("baseUrl")
    base_url = _inside(base) if isinstance(base, str) else None
    aliases = []
    paths = options.get("paths")
    for pattern, targets in (paths.items() if isinstance(paths, dict) else ()):
        if not isinstance(pattern, str) or not isinstance(targets, list) or not targets or not isinstance(targets[0], str):
            continue
        key, target = pattern.removesuffix("/*").removesuffix("*"), targets[0].removesuffix("/*").removesuffix("*")
        folder = _inside(posixpath.join(base_url or ".", target))
        if key and folder is not None:
            aliases.append((key, folder))
    return ModulePaths(tuple(aliases), base_url if base_url not in (None, ".") else None)


def _compiler_options(directory: Path, name: str, depth: int) -> dict[str, Any]:
    data = read_json(directory / name, name).data
    if not isinstance(data, dict):
        return {}
    options = data.get("compilerOptions") if isinstance(data.get("compilerOptions"), dict) else {}
    parent = data.get("extends")
    if isinstance(parent, str) and parent.startswith(".") and depth < 1:
        relative = _inside(parent if parent.endswith(".json") else parent + ".json")
        if relative is not None and (directory / relative).is_file():
            return {**_compiler_options(directory, relative, depth + 1), **options}
    return dict(options)


def _inside(path: str) -> str | None:
    relative = posixpath.normpath(path)
    return None if relative.startswith(("/", "..")) else relative
