"""Guessed targets the app's own entry contradicts: between the scan and evaluation. Pure.

A guessed target (no declaration) is dropped when ``src/app.*``, the file Taro starts from, calls
another platform's native global with no guard at all: that build would fail at launch, so the
guess is wrong, and one warning says so instead of one error per call site. Declared targets stay.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping

from checker.errors import Location
from checker.model import Platform
from checker.project.profile import Note
from checker.scan.sites import CallSite, FileScan
from checker.targets.resolve import ResolvedTargets

__all__ = ["drop_contradicted", "is_entry"]

_ENTRY = "src/app"  # Taro's entry module, whatever its script extension
_ENTRY_SUFFIXES = (".js", ".jsx", ".ts", ".tsx", ".vue")


def is_entry(path: str) -> bool:
    stem, dot, suffix = path.rpartition(".")
    return bool(dot) and stem == _ENTRY and f".{suffix}" in _ENTRY_SUFFIXES


def drop_contradicted(resolved: ResolvedTargets, scans: tuple[FileScan, ...], platforms: Mapping[str, Platform]) -> ResolvedTargets:
    """The targets without the guessed ones the entry's unguarded native calls rule out (all kept when none would be left)."""
    if not resolved.guessed:
        return resolved
    owned = {name for platform in platforms.values() for name in platform.native_globals}
    calls = [site for scan in scans if is_entry(scan.file) for site in scan.call_sites
             if site.via in owned and not site.guards and site.suppression is None]
    dropped: dict[str, CallSite] = {}
    for target in resolved.targets:
        if not target.guessed:
            continue
        against = next((site for site in calls if site.via not in platforms[target.platform].native_globals), None)
        if against is not None:
            dropped[target.platform] = against
    kept = tuple(t for t in resolved.targets if t.platform not in dropped)
    if not dropped or not kept:
        return resolved
    notes = tuple(_note(platform, site) for platform, site in sorted(dropped.items()))
    return dataclasses.replace(resolved, targets=kept, notes=resolved.notes + notes)


def _note(platform: str, site: CallSite) -> Note:
    message = (f"{platform} was guessed as a target, but the app's entry calls {site.callee}() unguarded at {site.file}:{site.line},"
               f" which that build could not run: {platform} left out of the guessed targets;"
               " declare the targets (taro-compat init --targets ...) if it is one")
    return Note("TC007", "warning", message, Location(site.file, site.line, site.column))
