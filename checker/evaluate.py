"""Evaluate a project against the matrix: profile + call sites -> findings. Pure: no I/O.

After the rules ran: one finding per place and problem (the platforms gathered into it), the
unknowns summarised (one note per platform and cause) unless asked for per site, and the rules
selected as ``--select`` / ``--ignore`` and the ``ignore:`` setting say.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date

from checker.findings import Args, Finding, Severity, group_platforms, sort_key
from checker.model import Matrix, Platform
from checker.project.profile import Note, ProjectProfile
from checker.rules import (
    matches,
    rule_for,
    tc010_file_not_scanned,
    tc011_libversion_below_requirement,
    tc013_vendored_not_scanned,
    tc016_source_not_utf8,
    tc108_no_data,
    tc111_global_missing,
)
from checker.rules.context import Context
from checker.rules.engine import findings_for_use, runs_on
from checker.rules.rule import DEFAULT_VARIANT
from checker.scan.functions import function_label
from checker.scan.sites import CAPABILITY_GUARDS, DECODED, PLATFORM_GUARDS, CallSite, ComponentUse, FileScan, Guard, GuardKind, ScanNote
from checker.targets.model import Target
from checker.targets.resolve import ResolvedTargets
from checker.versions import TaroVersion, Version

__all__ = ["ProjectResult", "Selection", "Use", "component_id", "evaluate", "guard_platforms", "note_finding", "scan_note_finding"]



@dataclass(frozen=True, slots=True)
class Use:
    """A call site or component use of something the matrix knows, with the platforms each guard covers."""

    site: CallSite | ComponentUse
    api: str  # the matrix id
    guard_platforms: tuple[tuple[str, ...], ...]


@dataclass(frozen=True, slots=True)
class Selection:
    """Which rules report (codes, prefixes or slugs, as linters select them) and how unknowns are told."""

    select: tuple[str, ...] = ()  # empty: every rule
    ignore: tuple[str, ...] = ()
    strict_unknown: bool = False  # every unknown per site, as an error (it fails the gate)
    summarise_unknown: bool = True  # False: per site at the rule's severity (a plan compares sites)

    def keeps(self, code: str) -> bool:
        return (not self.select or matches(code, self.select)) and not matches(code, self.ignore)


@dataclass(frozen=True, slots=True)
class ProjectResult:
    profile: ProjectProfile
    findings: tuple[Finding, ...]
    requirements: dict[str, str]
    call_sites: tuple[Use, ...] = ()
    components: tuple[Use, ...] = ()
    scanned_files: int | None = None  # None: --no-scan
    lowest: Mapping[str, Version] | None = None  # the requirements as versions (platform or "taro" -> lowest)
    targets: tuple[Target, ...] = ()  # as the targets stage resolved them


def note_finding(note: Note) -> Finding:
    """A project note as a finding: its template variant rides in its arguments, as the renderer reads it."""
    where = note.location
    args = note.args if note.variant == DEFAULT_VARIANT else Args.of(note.args, variant=note.variant)
    return Finding(note.code, note.severity, where.path or None, where.line, where.column, args=args)


def scan_note_finding(file: str, note: ScanNote) -> Finding:
    """A note of the scanner as a finding: TC016 for a file decoded from another encoding and scanned whole, else TC010
    (skipped, or only partly parsed); its kind is the template variant."""
    rule = (tc016_source_not_utf8 if note.kind in DECODED else tc010_file_not_scanned).RULE
    return Finding(rule.code, rule.severity, file, args=Args.of(note.args(), variant=note.kind.value))


def component_id(use: ComponentUse) -> str:
    """The matrix id of a component use: button.open-type.chooseAvatar."""
    return f"{use.component}.{use.attribute}.{use.value}"


def guard_platforms(guard: Guard, targets: tuple[Target, ...], platforms: Mapping[str, Platform]) -> list[str]:
    """The target platforms on which the guarded code can run."""
    target_ids = [t.platform for t in targets]
    if guard.kind in PLATFORM_GUARDS:
        named = {p for p in target_ids if platforms[p].taro_env in guard.envs}
        return sorted(set(target_ids) - named) if guard.negated else sorted(named)
    if guard.kind in CAPABILITY_GUARDS:
        if guard.receiver not in (None, "taro"):
            return sorted(p for p in target_ids if guard.receiver in platforms[p].native_globals)
        return sorted(p for p in target_ids if guard.kind is not GuardKind.VERSION or platforms[p].runtime)
    return []


def _in_platform_folder(site: CallSite | ComponentUse, envs: frozenset[str]) -> CallSite | ComponentUse:
    """Code in a folder named after a platform (iconfont/alipay/alipay.js, picked by index.alipay.js) runs
    there only, as a platform file does: a guard says so, and the code is not judged elsewhere."""
    folders = [part for part in site.file.split("/")[:-1] if part in envs]
    if not folders:
        return site
    return replace(site, guards=(Guard(GuardKind.PLATFORM_FILE, 1, envs=(folders[-1],)),) + site.guards)


def evaluate(matrix: Matrix, profile: ProjectProfile, scans: tuple[FileScan, ...] = (), *, targets: ResolvedTargets,
             today: date | None = None, selection: Selection | None = None, vendored: tuple[str, ...] = ()) -> ProjectResult:
    """Findings for one project; call sites of APIs the matrix does not know are left out.

    :param today: the day of the check; the publish date defaults to it (date-bound rules need one).
    :param vendored: project files left out of the scan as vendored or minified (one note says so).
    """
    selection = selection or Selection()
    findings = [note_finding(note) for note in profile.notes + targets.notes]

    envs = frozenset(p.taro_env for p in matrix.platforms.values())

    def use(site: CallSite | ComponentUse, api: str) -> Use:
        site = _in_platform_folder(site, envs)
        return Use(site, api, tuple(tuple(guard_platforms(g, targets.targets, matrix.platforms)) for g in site.guards))

    sites = tuple(use(site, site.api) for scan in scans for site in scan.call_sites if site.api in matrix)
    components = tuple(use(c, component_id(c)) for scan in scans for c in scan.components if component_id(c) in matrix)
    for scan in scans:  # skipped or partly parsed (TC010); decoded from another encoding, scanned whole (TC016)
        skipped = (scan.skipped,) if scan.skipped else ()
        findings += [scan_note_finding(scan.file, note) for note in (*scan.problems, *skipped, *scan.notes)]
    findings += tc013_vendored_not_scanned.note(vendored)
    day = today or date.today()
    context = Context(
        matrix=matrix,
        targets=targets.targets,
        taro=TaroVersion.parse(profile.taro.resolved) if profile.taro.resolved else None,
        published=profile.published or day,
        today=day,
        package_globals=package_globals(matrix, profile),
    )
    for used in sites + components:
        found = findings_for_use(context, used.site, matrix.api(used.api), used.guard_platforms)
        how = _how(used.site)
        findings += [replace(f, args=Args.of(f.args.as_dict(), **how)) for f in found] if how else found
    findings += _unlisted_natives(matrix, targets.targets, scans, context.package_globals)
    lowest = _requirements(matrix, targets.targets, sites + components)
    hint = targets.lib_version
    if hint is not None:
        findings += tc011_libversion_below_requirement.check(
            hint, lowest.get(hint.platform), matrix.runtime_catalogue(hint.platform) is not None)
    shaped = _shape(group_platforms(findings), selection)
    requirements = {key: f">={version}" for key, version in sorted(lowest.items())}
    return ProjectResult(profile, tuple(sorted(set(shaped), key=sort_key)), requirements, sites, components,
                         len(scans) if scans else None, lowest, targets.targets)


_ELSEWHERE = 5  # other call sites a gathered finding names


def _gather(findings: list[Finding]) -> list[Finding]:
    """The findings of gathered rules: one per API and problem, at the first site, naming the others."""
    groups: dict[tuple[object, ...], list[Finding]] = {}
    kept = []
    for finding in findings:
        found = rule_for(finding.code)
        if found is None or not found.gathered or finding.file is None:
            kept.append(finding)
            continue
        key = (finding.code, finding.severity, finding.api, finding.args, finding.platforms, finding.sources)
        groups.setdefault(key, []).append(finding)
    for members in groups.values():
        members.sort(key=sort_key)
        first, others = members[0], members[1:]
        if not others:
            kept.append(first)
            continue
        elsewhere = tuple(dict.fromkeys(f"{f.file}:{f.line}" for f in others))
        more = len(elsewhere) - _ELSEWHERE
        kept.append(replace(first, args=Args.of(first.args, gathered=len(members), elsewhere=elsewhere[:_ELSEWHERE],
                                                 more_sites=more if more > 0 else None)))
    return kept


def _how(site: CallSite | ComponentUse) -> dict[str, str]:
    """How the call is reached when not directly: a library's export, or a project function's caller."""
    if not isinstance(site, CallSite):
        return {}
    how = {"through": site.wrapper} if site.wrapper else {}
    return how | ({"within": function_label(site.within or ""), "caller": site.caller} if site.caller else {})


def package_globals(matrix: Matrix, profile: ProjectProfile) -> dict[str, frozenset[str]]:
    """Per platform, the globals a dependency of this project provides there (weixin-js-sdk: wx on h5)."""
    depended = {package for package, _ in profile.libraries}
    found = {platform.id: frozenset(name for name, packages in platform.package_globals if depended.intersection(packages))
             for platform in matrix.platforms.values()}
    return {key: names for key, names in found.items() if names}


def _unlisted_natives(matrix: Matrix, targets: tuple[Target, ...], scans: tuple[FileScan, ...],
                      provided: Mapping[str, frozenset[str]]) -> list[Finding]:
    """``my.scan()`` built for a platform without ``my``: the global alone decides, whether or not the matrix lists the member."""
    found = []
    for scan in scans:
        for site in scan.call_sites:
            if site.via == "taro" or site.api in matrix or site.suppression is not None:
                continue
            if any(g.kind in CAPABILITY_GUARDS and not g.negated and g.receiver == site.via for g in site.guards):
                continue  # tested first (typeof my !== 'undefined', my.x &&): runs only where the global is
            covered = tuple(tuple(guard_platforms(g, targets, matrix.platforms)) for g in site.guards)
            for target in targets:
                platform = matrix.platforms[target.platform]
                has_global = site.via in platform.native_globals or site.via in provided.get(platform.id, ())
                if not has_global and runs_on(target.platform, site.guards, covered):
                    found.append(tc111_global_missing.check_unlisted(site, platform))
    return found


def _shape(findings: list[Finding], selection: Selection) -> list[Finding]:
    """Gathered rules once per API; unknowns summarised (or, strict, per site as errors); then the selection."""
    if selection.summarise_unknown:
        findings = _gather(findings)
    code = tc108_no_data.RULE.code
    unknown = [f for f in findings if f.code == code]
    rest = [f for f in findings if f.code != code]
    if selection.strict_unknown:
        told = [replace(f, severity=Severity.ERROR) for f in unknown]
    elif not selection.summarise_unknown:
        told = unknown
    else:
        told = group_platforms(tc108_no_data.summarise(unknown))  # platforms with the same unknowns: one note
    return [f for f in rest + told if selection.keeps(f.code)]


def _requirements(matrix: Matrix, targets: tuple[Target, ...], uses: tuple[Use, ...]) -> dict[str, Version]:
    """The lowest runtime (per target) and Taro versions under which every unguarded use works."""
    lowest: dict[str, Version] = {}
    for used in uses:
        if any(g.kind in CAPABILITY_GUARDS and not g.negated for g in used.site.guards):
            continue
        api = matrix.api(used.api)
        native = isinstance(used.site, CallSite) and used.site.via != "taro"
        for target in targets:
            support = api.support.get(target.platform)
            if support is None or not runs_on(target.platform, used.site.guards, used.guard_platforms):
                continue  # no data, or the code never runs there (TARO_ENV, name.weapp.ts)
            axes = [("runtime", target.platform)] + ([] if native else [("taro", "taro")])
            for axis, key in axes:
                low = support.lowest(axis)
                if low is not None and (key not in lowest or low > lowest[key]):  # type: ignore[operator]
                    lowest[key] = low
    return lowest
