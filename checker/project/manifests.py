"""package.json, lock files and platform project files -> plain facts with their origins."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from checker.errors import Location, ProjectError
from checker.names import TARO_PACKAGE
from checker.project.evidence import BuildCommand, script_builds
from checker.project.jsonfile import read_json
from checker.project.lockfiles import LOCKFILE_NAMES, Locked, read_lockfile
from checker.project.profile import Note, TaroVersionInfo
from checker.project.specs import SpecKind, classify

__all__ = ["PLATFORM_PLUGIN_PREFIX", "Package", "read_package", "resolve_taro"]

TARO = TARO_PACKAGE
PLATFORM_PLUGIN_PREFIX = "@tarojs/plugin-platform-"
_CORE = ("@tarojs/cli", "@tarojs/shared", "@tarojs/api", "@tarojs/runtime", "@tarojs/components")
_DEPENDENCY_KEYS = ("dependencies", "devDependencies", "optionalDependencies", "peerDependencies")
# the package manager a packageManager field names -> its lock file
_LOCK_OF_MANAGER = {"pnpm": "pnpm-lock.yaml", "yarn": "yarn.lock", "npm": "package-lock.json"}


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
        notes.append(Note("TC003", "warning", "comments or trailing commas: npm and Taro's CLI would reject this file", Location(display, 1, 1)))
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


def resolve_taro(
    package: Package, directory: Path, scan_root: Path, display_of: Any, plugins: Iterable[str] = ()
) -> tuple[TaroVersionInfo, list[Note], dict[str, Locked]]:
    """The declared and the resolved Taro version (the lock file wins over the range), and the locked
    versions of the given platform plugins that the project depends on."""
    notes: list[Note] = []
    declared = package.dependencies[TARO]
    declared_at = Location(package.display, package.lines.get(TARO, 0))
    spec = classify(declared)
    wanted = {name: spec_text for name, spec_text in package.dependencies.items() if name == TARO or name in set(plugins)}
    others = {n: s for n, s in package.dependencies.items() if n in _CORE or n.startswith(PLATFORM_PLUGIN_PREFIX)}
    differing = sorted(f"{name} {s}" for name, s in others.items() if classify(s).range not in (spec.range, None) and s != declared)
    if differing:
        notes.append(Note("TC004", "warning", f"{TARO} is {declared} but {', '.join(differing)}: Taro packages should share one version", declared_at))
    lock = _lock_directory(directory, scan_root)
    locked: dict[str, Locked] = {}
    used: str | None = None
    if lock is not None:
        importer = directory.relative_to(lock).as_posix() or "."
        results = {}
        for name in LOCKFILE_NAMES:
            path = lock / name
            if path.is_file():
                results[name] = read_lockfile(path, display_of(path), wanted, importer=importer)
        found = {name: r[TARO] for name, r in results.items() if TARO in r}
        if found:
            preferred = _LOCK_OF_MANAGER.get(package.package_manager or "")
            used = preferred if preferred in found else next(n for n in ("pnpm-lock.yaml", "yarn.lock", "package-lock.json", "npm-shrinkwrap.json") if n in found)
            locked = {**results[used], TARO: found[used]}
            versions = {entry.version for entry in found.values()}
            if len(versions) > 1:
                listed = ", ".join(f"{entry.lockfile} {entry.version}" for entry in found.values())
                notes.append(Note("TC005", "warning", f"lock files disagree on {TARO} ({listed}); using {found[used].lockfile}", Location(found[used].lockfile, found[used].line)))
    plugin_versions = {name: entry for name, entry in locked.items() if name != TARO}
    if TARO in locked:
        entry = locked[TARO]
        return TaroVersionInfo(declared, declared_at, entry.version, entry.lockfile, resolved_at=Location(entry.lockfile, entry.line)), notes, plugin_versions
    if spec.kind is SpecKind.EXACT:
        return TaroVersionInfo(declared, declared_at, spec.range, f"{package.display} (exact version)"), notes, plugin_versions
    reason = "no lock file resolves it" if spec.comparable else spec.note
    notes.append(Note("TC002", "warning", f"cannot tell the Taro version: {TARO} {declared!r} is {spec.note}, and {reason}; the check treats it as unknown", declared_at))
    return TaroVersionInfo(declared, declared_at, None, reason, allows=spec.range), notes, plugin_versions


def _lock_directory(directory: Path, scan_root: Path) -> Path | None:
    """The nearest folder, from the project up to the checked path, that holds a lock file."""
    current = directory
    while True:
        if any((current / name).is_file() for name in LOCKFILE_NAMES):
            return current
        if current == scan_root or current.parent == current:
            return None
        current = current.parent
