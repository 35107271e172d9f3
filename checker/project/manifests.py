"""package.json -> plain facts with their origins (the Taro version from lock files: resolve.py)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from checker.errors import Location, ProjectError
from checker.findings import Severity
from checker.names import TARO_PACKAGE
from checker.project.evidence import BuildCommand, script_builds
from checker.project.jsonfile import read_json
from checker.project.profile import Note

__all__ = ["PLATFORM_PLUGIN_PREFIX", "TARO", "Package", "read_package"]

TARO = TARO_PACKAGE
PLATFORM_PLUGIN_PREFIX = "@tarojs/plugin-platform-"
_DEPENDENCY_KEYS = ("dependencies", "devDependencies", "optionalDependencies", "peerDependencies")


@dataclass(frozen=True, slots=True)
class Package:
    display: str
    name: str | None
    dependencies: dict[str, str]
    lines: dict[str, int]  # dependency name -> line in package.json
    scripts: dict[str, str]
    builds: tuple[BuildCommand, ...]  # every "taro build --type X" a script runs
    settings: Any  # the "taroCompat" value, if any
    settings_at: Location
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
        notes.append(Note("TC003", Severity.WARNING, Location(display, 1, 1), "package"))
    raw_scripts = data.get("scripts") if isinstance(data.get("scripts"), dict) else {}
    scripts = {name: script for name, script in raw_scripts.items() if isinstance(script, str)}
    manager = data.get("packageManager")
    return Package(
        display=display,
        name=data.get("name") if isinstance(data.get("name"), str) else None,
        dependencies=dependencies,
        lines={name: manifest.line_of(name) for name in dependencies if name.startswith("@tarojs/")},
        scripts=scripts,
        builds=script_builds(scripts, manifest, display),
        settings=data.get("taroCompat"),
        settings_at=Location(display, manifest.line_of("taroCompat") or 1),
        package_manager=manager.split("@")[0] if isinstance(manager, str) else None,
        notes=tuple(notes),
    )
