"""Guessed targets the app's own entry contradicts: between the scan and evaluation. Pure.

A guessed target (no declaration) is dropped when ``src/app.*``, the file Taro starts from, calls
another platform's native global with no guard at all: that build would fail at launch, so the
guess is wrong, and one warning says so instead of one error per call site. A target guessed from
build scripts alone (or a template's project file) is dropped, too, when the source is written for another platform: files that
call that platform's global unguarded (``my.getAuthCode()`` in ``_MANY_FILES`` files or more) and
not one call of the target's own global anywhere; when that leaves no target, the platform the
source is written for (the owner of that global) takes its place. Declared targets stay.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Mapping

from checker.errors import Location
from checker.findings import Args, Severity
from checker.model import Platform
from checker.project.profile import Note
from checker.scan.sites import CallSite, FileScan
from checker.targets.model import Detail, Evidence, EvidenceKind, Said, Target, detail_args, details_of
from checker.targets.resolve import ResolvedTargets

__all__ = ["drop_contradicted", "is_entry"]

_ENTRY = "src/app"  # Taro's entry module, whatever its script extension
_ENTRY_SUFFIXES = (".js", ".jsx", ".ts", ".tsx", ".vue")
_MANY_FILES = 3  # files of unguarded calls of another platform's global that outweigh build scripts


def is_entry(path: str) -> bool:
    stem, dot, suffix = path.rpartition(".")
    return bool(dot) and stem == _ENTRY and f".{suffix}" in _ENTRY_SUFFIXES


def drop_contradicted(
    resolved: ResolvedTargets, scans: tuple[FileScan, ...], platforms: Mapping[str, Platform],
    settle: Callable[[Target], tuple[Target, Note | None]] | None = None,
) -> ResolvedTargets:
    """The targets without the guessed ones the source rules out. When none would be left and the source is
    written for one platform (its global called unguarded in many files), that platform replaces them,
    its minimum settled by ``settle`` (the targets stage's default); else all are kept."""
    if not resolved.guessed:
        return resolved
    owned = {name for platform in platforms.values() for name in platform.native_globals}
    unguarded = [site for scan in scans for site in scan.call_sites if site.via in owned and not site.guards and site.suppression is None]
    in_entry = [site for site in unguarded if is_entry(site.file)]
    used = {site.via for scan in scans for site in scan.call_sites}  # every native global called, guarded or not
    notes: dict[str, Note] = {}
    written_for: dict[str, list[CallSite]] = {}  # the global the source is written for -> its first call in each file
    for target in resolved.targets:
        if not target.guessed:
            continue
        own = platforms[target.platform].native_globals
        against = next((site for site in in_entry if site.via not in own), None)
        if against is not None:
            notes[target.platform] = _note(target.platform, against)
        elif _weak_evidence_only(target) and not used & set(own):
            files = _files_by_global(site for site in unguarded if site.via not in own)
            via, sites = max(files.items(), key=lambda item: (len(item[1]), item[0]), default=("", []))
            if len(sites) >= _MANY_FILES:
                notes[target.platform] = _source_note(target.platform, via, sites, own)
                written_for[via] = sites
    kept = tuple(t for t in resolved.targets if t.platform not in notes)
    added: list[Note] = []
    if notes and not kept and len(written_for) == 1 and len(notes) == len(resolved.targets):
        ((via, sites),) = written_for.items()
        replacement = _platform_of(via, platforms)
        if replacement is not None:
            target, minimum = _from_source(replacement, via, sites, settle)
            kept, added = (target,), [minimum] if minimum is not None else []
    if not notes or not kept:
        return resolved
    earlier = tuple(_without(note, set(notes), kept) for note in resolved.notes)
    return dataclasses.replace(resolved, targets=kept, notes=(*(n for n in earlier if n is not None), *added,
                                                              *(notes[p] for p in sorted(notes))))


def _platform_of(via: str, platforms: Mapping[str, Platform]) -> str | None:
    """The one platform whose own global ``via`` is (``my`` -> alipay)."""
    found = [p.id for p in platforms.values() if p.native_global == via]
    return found[0] if len(found) == 1 else None


def _from_source(
    platform: str, via: str, sites: list[CallSite], settle: Callable[[Target], tuple[Target, Note | None]] | None,
) -> tuple[Target, Note | None]:
    first = sites[0]
    where = Location(first.file, first.line, first.column)
    said = Evidence(EvidenceKind.SOURCE_CALLS, platform, where, Detail(Said.SOURCE_CALLS, Args.of(count=len(sites), via=via)), True)
    target = Target(platform, None, "evidence", where, guessed=True, evidence=(said,))
    return settle(target) if settle is not None else (target, None)


def _without(note: Note, dropped: set[str], kept: tuple[Target, ...]) -> Note | None:
    """A targets-stage note as it reads once ``dropped`` are left out: no assumed minimum for them, not among the guessed."""
    values = note.args.as_dict()
    if note.code == "TC006" and values.get("platform") in dropped:
        return None
    if note.code == "TC007" and note.variant == "guessed":
        chosen = value if isinstance(value := values.get("chosen"), tuple) else ()
        pairs = [(p, d) for p, d in zip(chosen, details_of(values), strict=False) if p not in dropped]
        pairs += [(t.platform, t.evidence[0].detail) for t in kept if t.evidence and t.platform not in chosen]
        rest = {key: value for key, value in values.items() if key != "evidence" and not key.startswith("evidence_")}
        return dataclasses.replace(note, args=Args.of(rest | detail_args([d for _, d in pairs]), chosen=tuple(p for p, _ in pairs)))
    return note


def _weak_evidence_only(target: Target) -> bool:
    """Nothing but build scripts, or a project file as the template writes it (``touristappid``), says it ships there."""
    return all(e.kind is EvidenceKind.BUILD_SCRIPT or not e.strong for e in target.evidence)


def _files_by_global(sites: Iterable[CallSite]) -> dict[str, list[CallSite]]:
    """Native global -> the first unguarded call in each file that calls it."""
    first: dict[tuple[str, str], CallSite] = {}
    for site in sites:
        first.setdefault((site.via, site.file), site)
    found: dict[str, list[CallSite]] = {}
    for (via, _), site in sorted(first.items()):
        found.setdefault(via, []).append(site)
    return found


def _note(platform: str, site: CallSite) -> Note:
    return Note("TC007", Severity.WARNING, Location(site.file, site.line, site.column), "contradicted",
                Args.of(platform=platform, callee=site.callee, site_file=site.file, site_line=site.line))


def _source_note(platform: str, via: str, sites: list[CallSite], own: tuple[str, ...]) -> Note:
    first = sites[0]
    return Note("TC007", Severity.WARNING, Location(first.file, first.line, first.column), "sourced",
                Args.of(platform=platform, count=len(sites), via=via, callee=first.callee, site_file=first.file, site_line=first.line,
                        own=own))
