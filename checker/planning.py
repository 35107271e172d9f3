"""Release planning: what changes for one project if a minimum is raised, Taro is upgraded, or a
platform is added or dropped. Pure: two evaluations of the same call sites, and their difference."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date

from checker.evaluate import ProjectResult, Selection, evaluate
from checker.findings import Finding, Severity
from checker.model import Change, Matrix, UsageShare
from checker.project.profile import ProjectProfile, TaroVersionInfo
from checker.scan.sites import FileScan
from checker.targets.model import Target
from checker.targets.resolve import ResolvedTargets
from checker.usage import share_at_or_above
from checker.versions import RuntimeVersion

__all__ = ["CrossedChange", "Plan", "PlanRequest", "UsersLost", "make_plan"]


@dataclass(frozen=True, slots=True)
class PlanRequest:
    raise_to: Mapping[str, str]  # platform -> new minimum runtime version
    taro: str | None = None  # a Taro version to upgrade to
    add_targets: tuple[str, ...] = ()
    drop_targets: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class UsersLost:
    platform: str
    before: str | None
    after: str
    usage_date: date
    total: float  # percent of users below the new minimum who could open the app before
    ios: float | None
    android: float | None


@dataclass(frozen=True, slots=True)
class CrossedChange:
    api: str
    platform: str
    change: Change
    files: tuple[str, ...]  # where the project calls the API


@dataclass(frozen=True, slots=True)
class Plan:
    request: PlanRequest
    before: ProjectResult
    after: ProjectResult
    fixed: tuple[Finding, ...]  # errors and warnings that disappear
    introduced: tuple[Finding, ...]  # errors and warnings that appear
    obsolete_guards: tuple[Finding, ...]  # guards that become removable
    crossed: tuple[CrossedChange, ...]  # behaviour changes that now reach every user
    users_lost: tuple[UsersLost, ...]
    recommendations: tuple[str, ...]


_OBSOLETE = "TC122"  # guard-obsolete


def _per_platform(result: ProjectResult) -> list[Finding]:
    """Findings one per platform: a plan compares what happens on each platform."""
    return [single for finding in result.findings for single in finding.per_platform()]


def _key(finding: Finding) -> tuple[object, ...]:
    return (finding.code, finding.api, finding.platform, finding.file, finding.line, finding.column)


def _planned(profile: ProjectProfile, resolved: ResolvedTargets, request: PlanRequest) -> tuple[ProjectProfile, ResolvedTargets]:
    targets = {t.platform: t for t in resolved.targets}
    for platform in request.drop_targets:
        targets.pop(platform, None)
    for platform in request.add_targets:
        targets.setdefault(platform, Target(platform, None, "plan --add-target"))
    for platform, version in request.raise_to.items():
        old = targets.get(platform)
        targets[platform] = Target(platform, version, "plan --raise", old.location if old else None)
    taro = profile.taro
    if request.taro is not None:
        taro = TaroVersionInfo(taro.declared, taro.declared_at, request.taro, "plan --taro")
    return replace(profile, taro=taro), replace(resolved, targets=tuple(targets[p] for p in sorted(targets)))


def make_plan(
    matrix: Matrix, profile: ProjectProfile, targets: ResolvedTargets, scans: tuple[FileScan, ...], request: PlanRequest, *,
    today: date, usage: Mapping[str, UsageShare] | None = None
) -> Plan:
    current = {t.platform: t for t in targets.targets}
    not_raised = tuple((platform, version, current[platform].min_version or "") for platform, version in sorted(request.raise_to.items())
                       if platform in current and _at_or_below(version, current[platform].min_version))
    if not_raised:  # --raise weapp=2.27.1 under an assumed 2.27.3 is no raise: say so, do not plan it
        request = replace(request, raise_to={p: v for p, v in request.raise_to.items() if p not in {n[0] for n in not_raised}})
    per_site = Selection(summarise_unknown=False)  # what changes at each site, unknowns included
    before = evaluate(matrix, profile, scans, targets=targets, today=today, selection=per_site)
    planned_profile, planned_targets = _planned(profile, targets, request)
    after = evaluate(matrix, planned_profile, scans, targets=planned_targets, today=today, selection=per_site)
    serious = (Severity.ERROR, Severity.WARNING)
    old = {_key(f): f for f in _per_platform(before) if f.severity in serious}
    new = {_key(f): f for f in _per_platform(after) if f.severity in serious}
    fixed = tuple(f for k, f in old.items() if k not in new)
    introduced = tuple(f for k, f in new.items() if k not in old)
    guards_before = {_key(f) for f in _per_platform(before) if f.code == _OBSOLETE}
    obsolete = tuple(f for f in _per_platform(after) if f.code == _OBSOLETE and _key(f) not in guards_before)
    crossed = _crossed(matrix, targets.targets, after, request)
    lost = _users_lost(matrix, targets.targets, request, usage or matrix.usage)
    plan = Plan(request, before, after, fixed, introduced, obsolete, crossed, lost, ())
    said = tuple(f"{platform} is already at {old} ({current[platform].source}): {asked} is not a raise; nothing to plan for it."
                 for platform, asked, old in not_raised)
    return replace(plan, recommendations=said + _recommend(plan))


def _at_or_below(version: str, minimum: str | None) -> bool:
    if minimum is None:
        return False
    try:
        return RuntimeVersion.parse(version) <= RuntimeVersion.parse(minimum)
    except ValueError:
        return False


def _crossed(matrix: Matrix, current: tuple[Target, ...], after: ProjectResult, request: PlanRequest) -> tuple[CrossedChange, ...]:
    """Changes keyed on the runtime whose condition the new minimum meets: every user then gets them."""
    found = []
    before_targets = {t.platform: t for t in current}
    for platform, version in sorted(request.raise_to.items()):
        minimum = RuntimeVersion.parse(version)
        old = before_targets.get(platform)
        old_minimum = old.minimum if old else None
        uses: dict[str, set[str]] = {}
        for use in after.call_sites + after.components:
            uses.setdefault(use.api, set()).add(use.site.file)
        for api_id, files in sorted(uses.items()):
            for change in matrix.api(api_id).changes:
                if platform not in change.platforms or change.runtime is None or minimum not in change.runtime:
                    continue
                if old_minimum is not None and old_minimum in change.runtime:
                    continue  # it reached every user already
                found.append(CrossedChange(api_id, platform, change, tuple(sorted(files))))
    return tuple(found)


def _users_lost(matrix: Matrix, current: tuple[Target, ...], request: PlanRequest, usage: Mapping[str, UsageShare]) -> tuple[UsersLost, ...]:
    lost = []
    targets = {t.platform: t for t in current}
    for platform, version in sorted(request.raise_to.items()):
        share = usage.get(matrix.platforms[platform].runtime or "")
        if share is None:
            continue
        old = targets.get(platform)
        old_text = old.min_version if old else None
        new_minimum = RuntimeVersion.parse(version)

        def loss(client: str) -> float | None:
            rows = {"total": share.total, "ios": share.ios, "android": share.android}[client]
            if not rows:
                return None
            before = share_at_or_above(share, RuntimeVersion.parse(old_text), client) if old_text else round(sum(s for _, s in rows), 4)
            return round(max(0.0, before - share_at_or_above(share, new_minimum, client)), 4)

        lost.append(UsersLost(platform, old_text, version, share.date, loss("total") or 0.0, loss("ios"), loss("android")))
    return tuple(lost)


def _recommend(plan: Plan) -> tuple[str, ...]:
    lines = []
    errors_fixed = sum(f.severity == "error" for f in plan.fixed)
    errors_added = sum(f.severity == "error" for f in plan.introduced)
    for lost in plan.users_lost:
        verdict = "worth it" if errors_fixed and lost.total < 1 else ("costly" if lost.total >= 1 else "no gain in errors")
        lines.append(f"Raise {lost.platform} to {lost.after}: fixes {errors_fixed} error(s), adds {errors_added}, "
                     f"locks out {lost.total}% of users (data of {lost.usage_date.isoformat()}): {verdict}.")
    for crossed in plan.crossed:
        summary = str(crossed.change.summary).rstrip(".")
        if crossed.change.replacement:
            lines.append(f"Before raising {crossed.platform}, move {crossed.api} to {', '.join(crossed.change.replacement)}: "
                         f"for every user it then {summary[:1].lower() + summary[1:]}.")
        else:
            lines.append(f"After raising {crossed.platform}, for every user of {crossed.api}: {summary}.")
    if plan.obsolete_guards:
        lines.append(f"{len(plan.obsolete_guards)} guard(s) become obsolete: the code behind them can lose the condition.")
    if plan.request.taro:
        lines.append(f"Taro {plan.request.taro}: fixes {errors_fixed} error(s), adds {errors_added}.")
    for platform in plan.request.add_targets:
        added = sum(f.platform == platform and f.severity == "error" for f in plan.introduced)
        lines.append(f"Adding {platform}: {added} error(s) to fix first.")
    for platform in plan.request.drop_targets:
        gone = sum(f.platform == platform for f in plan.fixed)
        lines.append(f"Dropping {platform}: {gone} finding(s) go away with it.")
    return tuple(lines)
