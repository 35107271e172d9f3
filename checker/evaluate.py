"""Evaluate a project against the matrix: profile + call sites -> findings. Pure: no I/O."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from checker.findings import Finding, sort_key
from checker.model import Matrix, Platform
from checker.project.profile import ProjectProfile
from checker.project.targets import Target
from checker.scan.sites import CallSite, ComponentUse, FileScan, Guard

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


def evaluate(matrix: Matrix, profile: ProjectProfile, scans: tuple[FileScan, ...] = ()) -> ProjectResult:
    """Findings for one project; call sites of APIs the matrix does not know are left out."""
    findings = [
        Finding(note.code, note.severity, note.message, note.location.path or None, note.location.line, note.location.column)
        for note in profile.notes
    ]
    def use(site: CallSite | ComponentUse, api: str) -> Use:
        return Use(site, api, tuple(tuple(guard_platforms(g, profile.targets, matrix.platforms)) for g in site.guards))

    sites = tuple(use(site, site.api) for scan in scans for site in scan.call_sites if site.api in matrix)
    components = tuple(use(c, component_id(c)) for scan in scans for c in scan.components if component_id(c) in matrix)
    for scan in scans:
        for note in scan.problems + ((scan.skipped,) if scan.skipped else ()):
            findings.append(Finding("TC010", "warning", note, scan.file))
    return ProjectResult(profile, tuple(sorted(findings, key=sort_key)), {}, sites, components, len(scans) if scans else None)
