"""Resolve a project's targets: its declaration wins; without one, the evidence of where it ships.

Runs after the manifests are read and before evaluation. A runtime minimum nobody stated defaults as
browserslist's ``defaults`` does: the oldest version that still reaches :data:`DEFAULT_COVERAGE` percent
of users in the bundled usage data (matrix/usage/), said in a TC006 note.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

from checker.errors import InvalidVersion, Location
from checker.findings import Args, Severity
from checker.known_versions import KnownVersion
from checker.model import Catalogue, Platform, UsageShare
from checker.project.profile import Note, ProjectProfile
from checker.targets.evidence import platform_evidence, platform_of_file, unknown_build_types
from checker.targets.model import Evidence, EvidenceKind, Target, detail_args
from checker.targets.query import parse_targets
from checker.usage import minimum_for_share
from checker.versions import TaroVersion

__all__ = ["DEFAULT_COVERAGE", "INIT_COMMAND", "LibVersionHint", "ResolvedTargets", "default_minimum", "infer_targets", "resolve_targets"]

DEFAULT_COVERAGE = 99.5  # percent of users a runtime minimum must reach when the project states none
INIT_COMMAND = "taro-compat init"  # the command that writes a declaration


@dataclass(frozen=True, slots=True)
class LibVersionHint:
    """libVersion of a target platform's project file: the devtools' debug library, not a minimum."""

    platform: str
    version: str
    location: Location | None


@dataclass(frozen=True, slots=True)
class ResolvedTargets:
    targets: tuple[Target, ...]
    notes: tuple[Note, ...] = ()
    lib_version: LibVersionHint | None = None

    @property
    def guessed(self) -> bool:
        return any(t.guessed for t in self.targets)


def resolve_targets(
    profile: ProjectProfile,
    platforms: Mapping[str, Platform],
    usage: Mapping[str, UsageShare],
    catalogues: Mapping[str, Catalogue] | None = None,
) -> ResolvedTargets:
    """The targets of one read project; raises :class:`TargetQueryError` on a declaration it cannot read."""
    notes: list[Note] = []
    declared = profile.declared_targets
    if declared is not None:
        def warn(clause: str, checked: KnownVersion) -> None:
            name = checked.catalogue
            notes.append(Note("TC014", Severity.WARNING, declared.location, checked.caveat or "newer", Args.of(
                clause=clause, catalogue=str(name), catalogue_zh=name.zh if name else None, version=checked.version.text,
                newest=checked.newest, dated=checked.dated)))

        targets = parse_targets(declared.query, platforms=platforms, usage=usage, source=declared.source,
                                location=declared.location, catalogues=catalogues, warn=warn)
    else:
        targets = infer_targets(profile, platforms, usage, notes)
    notes += _unknown_build_types(profile, platforms, declared is None)
    notes += _plugins_behind_or_ahead(profile, platforms, targets)
    hint = _lib_version(profile, platforms)
    if hint is not None:
        notes.append(Note("TC001", Severity.INFO, hint.location or Location("package.json"),
                          args=Args.of(version=hint.version, platform=hint.platform)))
    return ResolvedTargets(targets, tuple(notes), hint)


def infer_targets(profile: ProjectProfile, platforms: Mapping[str, Platform], usage: Mapping[str, UsageShare],
                  notes: list[Note]) -> tuple[Target, ...]:
    """Targets from the evidence alone: platforms with strong evidence; else those with a project file; else
    the platform the usage data is about. Every one is marked guessed."""
    evidence = platform_evidence(profile, platforms)
    chosen = {p: items for p, items in evidence.items() if any(e.strong for e in items)}
    default = _default_platform(platforms, usage)
    with_files = {p: items for p, items in evidence.items() if any(e.kind is EvidenceKind.PROJECT_FILE for e in items)}
    if not chosen:
        # Taro's template writes WeChat's project file (and Douyin's): alone they say only "made from the template"
        chosen = {default: with_files[default]} if default in with_files else with_files
    where = Location("package.json")
    if not chosen:
        if default is None:
            return ()
        notes.append(Note("TC007", Severity.WARNING, where, "assumed", Args.of(platform=default, command=INIT_COMMAND)))
        chosen = {default: []}
    else:
        notes.append(Note("TC007", Severity.INFO, where, "guessed", Args.of(
            detail_args([items[0].detail for items in chosen.values()]), chosen=tuple(chosen), command=INIT_COMMAND)))
    targets = []
    for platform, items in chosen.items():
        target = Target(platform, None, "evidence" if items else "default", _first_location(items), guessed=True, evidence=tuple(items))
        targets.append(_default_minimum(target, platforms, usage, notes))
    return tuple(targets)


def _default_platform(platforms: Mapping[str, Platform], usage: Mapping[str, UsageShare]) -> str | None:
    """The platform the bundled usage data is about: the one most Taro projects ship to."""
    catalogue = min(usage.values(), key=lambda u: u.id).catalogue if usage else None
    return next((p.id for p in sorted(platforms.values(), key=lambda p: p.id) if p.runtime == catalogue), None)


def default_minimum(target: Target, platforms: Mapping[str, Platform], usage: Mapping[str, UsageShare]) -> tuple[Target, Note | None]:
    """The target with the default minimum of its runtime (browserslist's ``defaults``), and the note that says so."""
    notes: list[Note] = []
    target = _default_minimum(target, platforms, usage, notes)
    return target, notes[0] if notes else None


def _default_minimum(target: Target, platforms: Mapping[str, Platform], usage: Mapping[str, UsageShare], notes: list[Note]) -> Target:
    share = usage.get(platforms[target.platform].runtime or "")
    if share is None:
        return target
    minimum, reached = minimum_for_share(share, DEFAULT_COVERAGE)
    notes.append(Note("TC006", Severity.INFO, Location("package.json"),
                      args=Args.of(platform=target.platform, minimum=minimum.text, coverage=reached, date=share.date.isoformat())))
    return replace(target, min_version=minimum.text, coverage=reached,
                   minimum_source=f"default: cover {DEFAULT_COVERAGE}% in {target.platform} (usage data of {share.date.isoformat()})")


def _first_location(items: list[Evidence]) -> Location | None:
    return items[0].location if items else None


def _unknown_build_types(profile: ProjectProfile, platforms: Mapping[str, Platform], inferring: bool) -> list[Note]:
    if not inferring:
        return []
    return [Note("TC008", Severity.INFO, location, args=Args.of(build_type=build_type))
            for build_type, location in unknown_build_types(profile, platforms)]


def _plugins_behind_or_ahead(profile: ProjectProfile, platforms: Mapping[str, Platform], targets: tuple[Target, ...]) -> list[Note]:
    """A target platform's plugin at another version than Taro: the platform's runtime behaviour (which
    APIs are promisified, forwarded or stubbed) follows the plugin, while the checks assume Taro's version."""
    taro = profile.taro
    if taro.resolved is None:
        return []
    try:
        taro_version = TaroVersion.parse(taro.resolved)
    except InvalidVersion:
        return []
    plugins = {p.plugin: p.id for p in platforms.values() if p.plugin}
    wanted = {t.platform for t in targets}
    found = []
    for name, entry in profile.plugin_versions:
        if plugins.get(name) not in wanted:
            continue
        try:
            plugin_version = TaroVersion.parse(entry.version)
        except InvalidVersion:
            continue
        if plugin_version != taro_version:
            relation = "older" if taro_version < plugin_version else "newer"
            found.append(Note("TC012", Severity.WARNING, Location(entry.lockfile, entry.line), args=Args.of(
                taro=taro.resolved, relation=relation, plugin=name, plugin_version=entry.version, lockfile=entry.lockfile,
                platform=plugins[name])))
    return found


def _lib_version(profile: ProjectProfile, platforms: Mapping[str, Platform]) -> LibVersionHint | None:
    """The libVersion of a project file whose platform has a runtime catalogue (the last file wins, as the
    private project file overrides the shared one)."""
    for file in reversed(profile.project_files):
        platform = platform_of_file(file.name, platforms)
        if file.lib_version and platform is not None and platforms[platform].runtime:
            return LibVersionHint(platform, file.lib_version, file.lib_version_at)
    return None
