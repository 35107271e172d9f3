"""package.json and platform project files -> plain facts with their origins (lock files: resolve.py)."""

from __future__ import annotations

import re
import shlex
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from checker.errors import Location, ProjectError
from checker.model import Platform
from checker.project.jsonfile import read_json
from checker.project.profile import Note

__all__ = ["TARO", "Package", "PlatformConfig", "read_package", "read_platform_config"]

TARO = "@tarojs/taro"
_DEPENDENCY_KEYS = ("dependencies", "devDependencies", "optionalDependencies", "peerDependencies")


@dataclass(frozen=True, slots=True)
class Package:
    display: str
    name: str | None
    dependencies: dict[str, str]
    lines: dict[str, int]  # dependency name -> line in package.json
    build_types: tuple[str, ...]  # the X of every "taro build --type X" script
    settings: Any  # the "taroCompat" value, if any
    package_manager: str | None
    notes: tuple[Note, ...] = ()


def read_package(directory: Path, display: str) -> Package:
    manifest = read_json(directory / "package.json", display)
    data = manifest.data
    if not isinstance(data, dict):
        raise ProjectError("package.json must hold a JSON object", Location(display, 1, 1))
    dependencies: dict[str, str] = {}
    for key in _DEPENDENCY_KEYS:
        section = data.get(key)
        if isinstance(section, dict):
            for name, spec in section.items():
                if isinstance(spec, str):
                    dependencies.setdefault(name, spec)
    if TARO not in dependencies:
        raise ProjectError(f"does not depend on {TARO}: not a Taro project", Location(display, 1, 1))
    notes = []
    if manifest.lenient:
        notes.append(Note("TC003", "warning", "comments or trailing commas: npm and Taro's CLI would reject this file", Location(display, 1, 1)))
    scripts = data.get("scripts") if isinstance(data.get("scripts"), dict) else {}
    manager = data.get("packageManager")
    return Package(
        display=display,
        name=data.get("name") if isinstance(data.get("name"), str) else None,
        dependencies=dependencies,
        lines={name: manifest.line_of(name) for name in dependencies if name.startswith("@tarojs/")},
        build_types=tuple(sorted(set(_build_types(s for s in scripts.values() if isinstance(s, str))))),
        settings=data.get("taroCompat"),
        package_manager=manager.split("@")[0] if isinstance(manager, str) else None,
        notes=tuple(notes),
    )


def _build_types(scripts: Iterable[str]) -> Iterable[str]:
    for script in scripts:
        for command in script.replace("&&", ";").replace("||", ";").split(";"):
            try:
                words = shlex.split(command)
            except ValueError:
                continue
            if "taro" not in words or "build" not in words:
                continue
            for index, word in enumerate(words):
                if word == "--type" and index + 1 < len(words):
                    yield words[index + 1]
                elif word.startswith("--type="):
                    yield word.removeprefix("--type=")


@dataclass(frozen=True, slots=True)
class PlatformConfig:
    lib_version: str | None = None
    lib_version_at: Location | None = None
    lib_version_platform: str | None = None
    appid: str | None = None
    miniprogram_root: str | None = None
    files: tuple[str, ...] = ()
    notes: tuple[Note, ...] = field(default=())


_DOTTED = re.compile(r"\d+(?:\.\d+){1,3}")
# Taro's default name for a platform project file; config.projectConfigName renames it (weapp plugin 4.2.1)
_DEFAULT_PROJECT_FILE = "project.config.json"


def read_platform_config(directory: Path, display_of: Any, platforms: Mapping[str, Platform], config_name: str | None) -> PlatformConfig:
    """Each platform's project files (a later one overrides an earlier one, as WeChat's private file does)."""
    files: list[str] = []
    notes: list[Note] = []
    found: dict[str, dict[str, tuple[str, Location]]] = {}
    for platform in sorted(platforms.values(), key=lambda p: p.id):
        for name in platform.project_files:
            if name == _DEFAULT_PROJECT_FILE and config_name:
                name = config_name
            path = directory / name
            if not path.is_file():
                continue
            display = display_of(path)
            if display not in files:
                files.append(display)
            parsed = read_json(path, display)
            if parsed.lenient:
                notes.append(Note("TC003", "warning", "comments or trailing commas: Taro's CLI reads this file with JSON.parse and would fail", Location(display, 1, 1)))
            if isinstance(parsed.data, dict):
                for key in ("libVersion", "appid", "miniprogramRoot"):
                    value = parsed.data.get(key)
                    if not isinstance(value, str):
                        continue
                    at = Location(display, parsed.line_of(key))
                    if key == "libVersion" and not _DOTTED.fullmatch(value):  # the devtools also accept "latest"
                        notes.append(Note("TC001", "info", f"libVersion {value!r} is not a base-library version: not used as a hint", at))
                        continue
                    found.setdefault(platform.id, {})[key] = (value, at)
    lib = next(((pid, values["libVersion"]) for pid, values in sorted(found.items()) if "libVersion" in values), None)
    first = {key: value for values in found.values() for key, value in values.items()}
    return PlatformConfig(
        lib_version=lib[1][0] if lib else None,
        lib_version_at=lib[1][1] if lib else None,
        lib_version_platform=lib[0] if lib else None,
        appid=first["appid"][0] if "appid" in first else None,
        miniprogram_root=first["miniprogramRoot"][0] if "miniprogramRoot" in first else None,
        files=tuple(files),
        notes=tuple(notes),
    )
