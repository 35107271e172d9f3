"""Evaluate a project against the matrix: profile + call sites -> findings. Pure: no I/O."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from checker.errors import InvalidVersion
from checker.findings import Finding, sort_key
from checker.model import Matrix, Platform, Status
from checker.project.profile import ProjectProfile
from checker.scan.sites import CallSite, ComponentUse, FileScan, Guard
from checker.targets.model import Target
from checker.targets.resolve import ResolvedTargets
from checker.verdicts import Context, findings_for_use, runs_on
from checker.versions import RuntimeVersion, TaroVersion, Version

__all__ = ["ProjectResult", "component_id", "evaluate", "guard_platforms"]


@dataclass(frozen=True, slots=True)
class Use:
    """A call site or component use of something the matrix knows, with the platforms each guard covers."""

    site: CallSite | ComponentUse
    api: str  # the matrix id
    guard_platforms: tuple[tuple[str, ...], ...]


@dataclass(frozen=True, slots=True)
class ProjectResult:
    profile: ProjectProfile
    findings: tuple[Finding, ...]
    requirements: dict[str, str]
    call_sites: tuple[Use, ...] = ()
    components: tuple[Use, ...] = ()
    scanned_files: int | None = None  # None: --no-scan
    targets: tuple[Target, ...] = ()  # as the targets stage resolved them


def component_id(use: ComponentUse) -> str:
    """The matrix id of a component use: button.open-type.chooseAvatar."""
    return f"{use.component}.{use.attribute}.{use.value}"


def guard_platforms(guard: Guard, targets: tuple[Target, ...], platforms: Mapping[str, Platform]) -> list[str]:
    """The target platforms on which the guarded code can run."""
    target_ids = [t.platform for t in targets]
    if guard.kind in ("taro_env", "platform_file"):
        named = {p for p in target_ids if platforms[p].taro_env in guard.envs}
        return sorted(set(target_ids) - named) if guard.negated else sorted(named)
    if guard.kind in ("can_i_use", "exists", "version"):
        if guard.receiver not in (None, "taro"):
            return sorted(p for p in target_ids if platforms[p].native_global == guard.receiver)
        return sorted(p for p in target_ids if guard.kind != "version" or platforms[p].runtime)
    return []


def evaluate(
    matrix: Matrix, profile: ProjectProfile, scans: tuple[FileScan, ...] = (), *, targets: ResolvedTargets, today: date | None = None
) -> ProjectResult:
    """Findings for one project; call sites of APIs the matrix does not know are left out.

    :param today: the day of the check; the publish date defaults to it (date-bound rules need one).
    """
    findings = [
        Finding(note.code, note.severity, note.message, note.location.path or None, note.location.line, note.location.column)
        for note in profile.notes + targets.notes
    ]
    def use(site: CallSite | ComponentUse, api: str) -> Use:
        return Use(site, api, tuple(tuple(guard_platforms(g, targets.targets, matrix.platforms)) for g in site.guards))

    sites = tuple(use(site, site.api) for scan in scans for site in scan.call_sites if site.api in matrix)
    components = tuple(use(c, component_id(c)) for scan in scans for c in scan.components if component_id(c) in matrix)
    for scan in scans:
        for note in scan.problems + ((scan.skipped,) if scan.skipped else ()):
            findings.append(Finding("TC010", "warning", note, scan.file))
    day = today or date.today()
    context = Context(
        matrix=matrix,
        targets=targets.targets,
        taro=TaroVersion.parse(profile.taro.resolved) if profile.taro.resolved else None,
        published=profile.published or day,
        today=day,
    )
    for used in sites + components:
        findings += findings_for_use(context, used.site, matrix.api(used.api), used.guard_platforms)
    requirements = _requirements(matrix, targets.targets, sites + components)
    findings += _lib_version(matrix, targets, requirements)
    return ProjectResult(profile, tuple(sorted(set(findings), key=sort_key)), requirements, sites, components,
                         len(scans) if scans else None, targets.targets)


def _lib_version(matrix: Matrix, targets: ResolvedTargets, requirements: dict[str, str]) -> list[Finding]:
    """libVersion older than what the unguarded calls need: the devtools then debug a library the code cannot run on."""
    hint = targets.lib_version
    if hint is None or hint.platform not in requirements or matrix.runtime_catalogue(hint.platform) is None:
        return []
    platform = hint.platform
    needed = RuntimeVersion.parse(requirements[platform].removeprefix(">="))
    try:
        if RuntimeVersion.parse(hint.version) >= needed:
            return []
    except InvalidVersion:
        return []  # not a version: nothing to compare
    where = hint.location
    return [Finding("TC011", "warning", f"libVersion {hint.version} is below {needed}, which the unguarded calls need on {platform}:"
                    " the devtools debug with a library this code cannot run on", where.path if where else None,
                    where.line if where else 0, platform=platform, required=f">={needed}")]


def _requirements(matrix: Matrix, targets: tuple[Target, ...], uses: tuple[Use, ...]) -> dict[str, str]:
    """The lowest runtime (per target) and Taro versions under which every unguarded use works."""
    lowest: dict[str, Version] = {}
    for used in uses:
        if any(g.kind in ("can_i_use", "exists", "version") and not g.negated for g in used.site.guards):
            continue
        api = matrix.api(used.api)
        native = isinstance(used.site, CallSite) and used.site.via != "taro"
        for target in targets:
            support = api.support.get(target.platform)
            if support is None or not runs_on(target.platform, used.site.guards, used.guard_platforms):
                continue  # no data, or the code never runs there (TARO_ENV, name.weapp.ts)
            axes = [("runtime", target.platform, support.runtime)]
            if not native:
                axes.append(("taro", "taro", support.taro))
            for _, key, statements in axes:
                versions = [s.versions.lowest() for s in statements if s.status in (Status.SUPPORTED, Status.PARTIAL)]
                found = [v for v in versions if v is not None]
                if found:
                    low = min(found)  # type: ignore[type-var]
                    if key not in lowest or low > lowest[key]:  # type: ignore[operator]
                        lowest[key] = low
    return {key: f">={version}" for key, version in sorted(lowest.items())}
