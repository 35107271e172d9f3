"""Which Taro version a project installs: its declaration, its workspace, and the lock files that agree.

A lock file never drops a project: one that cannot be read is a warning at its location (TC015) and
the version comes from another lock file, else from package.json. A lock file is stale when what it
recorded of the declaration differs from package.json (the next install resolves again); one that
agrees wins over it, and TC005 says which was used and why.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import nodesemver

from checker.errors import Location
from checker.findings import Args, Severity
from checker.project.lockfiles import LOCKFILE_NAMES, Locked, LockfileError, read_lockfile
from checker.project.manifests import PLATFORM_PLUGIN_PREFIX, TARO, Package
from checker.project.profile import Note, TaroVersionInfo
from checker.project.specs import Spec, SpecKind, classify
from checker.project.workspace import Workspace, find_workspace

__all__ = ["resolve_taro"]

_CORE = ("@tarojs/cli", "@tarojs/shared", "@tarojs/api", "@tarojs/runtime", "@tarojs/components")
# the package manager a packageManager field names -> its lock file
_LOCK_OF_MANAGER = {"pnpm": "pnpm-lock.yaml", "yarn": "yarn.lock", "npm": "package-lock.json"}
_ORDER = ("pnpm-lock.yaml", "yarn.lock", "package-lock.json", "npm-shrinkwrap.json")


@dataclass(frozen=True, slots=True)
class _Candidate:
    lockfile: str  # file name
    entry: Locked
    stale: str | None  # why the lock file no longer matches package.json (for the resolved version's source)
    usable: bool  # its version is one package.json allows
    stale_kind: str = ""  # the same, as TC002/TC005 word it: "records" (stale_value: its specifier) or "resolves" (its version)
    stale_value: str = ""


def resolve_taro(
    package: Package, directory: Path, scan_root: Path, display_of: Callable[[Path], str], plugins: Iterable[str] = ()
) -> tuple[TaroVersionInfo, list[Note], dict[str, Locked]]:
    """The declared and the resolved Taro version (a lock file that agrees wins over the range), and the
    locked versions of the given platform plugins that the project depends on."""
    workspace = find_workspace(directory, display_of)
    notes: list[Note] = list(workspace.notes) if workspace else []
    declared = package.dependencies[TARO]
    declared_at = Location(package.display, package.lines.get(TARO, 0))
    spec = _spec(declared, TARO, workspace)
    plugin_names = set(plugins)
    wanted = {name: text for name, text in package.dependencies.items() if name == TARO or name in plugin_names}
    others = {n: s for n, s in package.dependencies.items() if n in _CORE or n.startswith(PLATFORM_PLUGIN_PREFIX)}
    differing = sorted(f"{name} {s}" for name, s in others.items() if _spec(s, name, workspace).range not in (spec.range, None) and s != declared)
    if differing:
        notes.append(Note("TC004", Severity.WARNING, declared_at, args=Args.of(package=TARO, declared=declared, differing=tuple(differing))))

    results: dict[str, dict[str, Locked]] = {}
    unreadable: list[LockfileError] = []
    lock = _lock_directory(directory, scan_root, workspace)
    if lock is not None:
        importer = directory.resolve().relative_to(lock.resolve()).as_posix() or "."
        for name in LOCKFILE_NAMES:
            path = lock / name
            if path.is_file():
                try:
                    results[name] = read_lockfile(path, display_of(path), wanted, importer=importer)
                except LockfileError as error:
                    unreadable.append(error)
    candidates = [_candidate(name, results[name][TARO], declared, spec) for name in _order(package) if TARO in results.get(name, {})]
    chosen = next((c for c in candidates if c.stale is None), None) or next((c for c in candidates if c.usable), None)
    notes += _lock_notes(candidates, chosen, declared)

    if chosen is not None:
        locked = results[chosen.lockfile]
        plugin_versions = {name: entry for name, entry in locked.items() if name != TARO}
        entry = chosen.entry
        notes += [_unreadable_note(error, "using_lock", lockfile=entry.lockfile, version=entry.version) for error in unreadable]
        return TaroVersionInfo(declared, declared_at, entry.version, entry.lockfile, resolved_at=Location(entry.lockfile, entry.line)), notes, plugin_versions
    if spec.kind is SpecKind.EXACT:
        notes += [_unreadable_note(error, "using_exact", range=spec.range) for error in unreadable]
        return TaroVersionInfo(declared, declared_at, spec.range, f"{package.display} (exact version)"), notes, {}
    if unreadable:
        notes += [_unreadable_note(error, "using_range", declared=declared) for error in unreadable]
        reason = f"{' and '.join(e.location.path for e in unreadable)} cannot be read"
        told = Args.of(unreadable=tuple(e.location.path for e in unreadable))
        variant = "unreadable"
    elif candidates:
        reason = "every lock file is stale: " + "; ".join(f"{c.entry.lockfile} {c.stale}" for c in candidates)
        told = Args.of(stale_files=tuple(c.entry.lockfile for c in candidates), stale_kinds=tuple(c.stale_kind for c in candidates),
                       stale_values=tuple(c.stale_value for c in candidates))
        variant = "stale"
    else:
        reason = "no lock file resolves it" if spec.comparable else spec.note
        told, variant = Args(), "no_lock" if spec.comparable else "spec"
    notes.append(Note("TC002", Severity.WARNING, declared_at, variant, Args.of(told, package=TARO, declared=declared, **spec.args())))
    return TaroVersionInfo(declared, declared_at, None, reason, allows=spec.range), notes, {}


def _spec(text: str, package: str, workspace: Workspace | None) -> Spec:
    """The declaration, with a pnpm ``catalog:`` reference replaced by the catalog's range."""
    spec = classify(text)
    if spec.kind is not SpecKind.CATALOG:
        return spec
    catalog = text.removeprefix("catalog:").strip() or "default"
    found = workspace.catalog_range(package, text) if workspace else None
    if found is None:
        in_file = workspace is not None and workspace.declared_by == "pnpm-workspace.yaml"
        where = "pnpm-workspace.yaml has no such entry" if in_file else "no pnpm-workspace.yaml above the project"
        return Spec(text, SpecKind.CATALOG, None, f"a pnpm catalog reference ({catalog}) that cannot be followed: {where}",
                    (("spec", "catalog_missing"), ("spec_catalog", catalog), ("spec_where", "no_entry" if in_file else "no_workspace")))
    inner = classify(found)
    words = {**inner.args(), "spec": "catalog", "spec_inner": inner.args().get("spec", ""), "spec_catalog": catalog}
    return Spec(text, inner.kind, inner.range, f"{inner.note} (pnpm catalog {catalog!r} in pnpm-workspace.yaml)", tuple(sorted(words.items())))


def _order(package: Package) -> list[str]:
    preferred = _LOCK_OF_MANAGER.get(package.package_manager or "")
    return sorted(_ORDER, key=lambda name: (name != preferred, _ORDER.index(name)))


def _candidate(lockfile: str, entry: Locked, declared: str, spec: Spec) -> _Candidate:
    usable = spec.range is None or _satisfies(entry.version, spec.range)
    if entry.specifier is not None and _normal(entry.specifier) != _normal(declared):
        return _Candidate(lockfile, entry, f"records {TARO} {entry.specifier!r} where package.json says {declared!r}", usable,
                          "records", entry.specifier)
    if not usable:
        return _Candidate(lockfile, entry, f"resolves {entry.version}, outside package.json's {declared!r}", usable, "resolves", entry.version)
    return _Candidate(lockfile, entry, None, usable)


def _normal(spec: str) -> str:
    return spec.strip().removeprefix("npm:")


def _satisfies(version: str, range_: str) -> bool:
    try:
        return bool(nodesemver.satisfies(version, range_, loose=False, include_prerelease=True))
    except (ValueError, TypeError):
        return True  # a range nodesemver cannot read says nothing against the lock file


def _lock_notes(candidates: list[_Candidate], chosen: _Candidate | None, declared: str) -> list[Note]:
    if chosen is None or (len({c.entry.version for c in candidates}) == 1 and chosen.stale is None):
        return []
    at = Location(chosen.entry.lockfile, chosen.entry.line)
    set_aside = [c for c in candidates if c is not chosen and c.stale is not None]
    said = Args.of(package=TARO, declared=declared, lockfile=chosen.entry.lockfile, aside_files=tuple(c.entry.lockfile for c in set_aside),
                   aside_kinds=tuple(c.stale_kind for c in set_aside), aside_values=tuple(c.stale_value for c in set_aside))
    if chosen.stale is not None:
        return [Note("TC005", Severity.WARNING, at, "stale_chosen",
                     Args.of(said, version=chosen.entry.version, stale=chosen.stale_kind, stale_value=chosen.stale_value))]
    listed = tuple(f"{c.entry.lockfile} {c.entry.version}" for c in sorted(candidates, key=lambda c: LOCKFILE_NAMES.index(c.lockfile)))
    return [Note("TC005", Severity.WARNING, at, "disagree", Args.of(said, listed=listed, agrees=True if set_aside else None))]


def _unreadable_note(error: LockfileError, variant: str, **fallback: str | None) -> Note:
    return Note("TC015", Severity.WARNING, error.location, variant, Args.of(fallback, detail=error.message))


def _lock_directory(directory: Path, scan_root: Path, workspace: Workspace | None) -> Path | None:
    """The nearest folder, from the project up to the checked path, that holds a lock file; else the
    root of the workspace the project belongs to (above the checked path when an app folder is checked)."""
    current = directory
    while True:
        if any((current / name).is_file() for name in LOCKFILE_NAMES):
            return current
        if current == scan_root or current.parent == current:
            break
        current = current.parent
    if workspace is not None and any((workspace.root / name).is_file() for name in LOCKFILE_NAMES):
        return workspace.root
    return None
