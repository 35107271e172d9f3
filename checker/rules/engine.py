"""One use of a known API on every target platform -> findings, by the rules of this package. Pure.

The order of the rules (Android Lint's NewApi is the model): a call that cannot work where the
project ships is an error; a guard that covers the platform turns it into information; a guard
that cannot protect, a gap above the minimum, a behaviour change or missing data is a warning.
"""

from __future__ import annotations

from checker.findings import Finding, Severity
from checker.model import Api, Status
from checker.rules import (
    tc101_unsupported,
    tc102_needs_newer_runtime,
    tc103_needs_newer_taro,
    tc104_stub,
    tc105_minimum_crosses_gap,
    tc106_behaviour_change,
    tc107_deprecated,
    tc108_no_data,
    tc109_partial,
    tc110_no_promise,
    tc111_global_missing,
    tc120_guarded,
    tc121_guard_cannot_protect,
    tc122_guard_obsolete,
    tc123_suppressed,
    tc130_option_missing,
    tc131_option_too_long,
    tc132_option_invalid,
    tc133_option_not_on_platform,
)
from checker.rules.context import Case, Context, Site, minimum_of
from checker.scan.sites import PLATFORM_GUARDS, CallSite, Guard, GuardKind
from checker.support import resolve
from checker.targets.model import Target
from checker.versions import RuntimeVersion

__all__ = ["findings_for_use", "runs_on"]

Covered = tuple[tuple[str, ...], ...]


def findings_for_use(context: Context, site: Site, api: Api, covered: Covered) -> list[Finding]:
    """Every finding for one use, on every target platform where its code can run."""
    if isinstance(site, CallSite):
        suppressed = tc123_suppressed.check(site, api.id)
        if suppressed is not None:
            return [suppressed]
    running = [t for t in context.targets if runs_on(t.platform, site.guards, covered)]
    found: list[Finding] = []
    obsolete: list[Finding] = []
    for target in running:
        on_platform = _on_platform(context, site, api, target, covered)
        obsolete += [f for f in on_platform if f.code == tc122_guard_obsolete.RULE.code]
        found += [f for f in on_platform if f.code != tc122_guard_obsolete.RULE.code]
    found += _obsolete_everywhere(obsolete, found)
    if isinstance(site, CallSite) and site.arguments:
        found += _options(site, api, running)
    return found


def runs_on(platform: str, guards: tuple[Guard, ...], covered: Covered) -> bool:
    """Platform guards (TARO_ENV, name.weapp.ts) keep the code off the other platforms; so does a test that
    a native global exists, off the platforms without that global, whatever it calls through it."""
    return all(platform in platforms for guard, platforms in zip(guards, covered, strict=True)
               if guard.kind in PLATFORM_GUARDS or _needs_global(guard))


def _needs_global(guard: Guard) -> bool:
    """``typeof my !== 'undefined'``, ``window.my``: true only where ``my`` exists. Not ``my.x &&`` nor
    ``my.canIUse()``: where ``my`` is missing the test itself throws, so it protects nothing there."""
    return guard.kind is GuardKind.EXISTS and guard.api is None and not guard.negated and guard.receiver not in (None, "taro")


def _obsolete_everywhere(obsolete: list[Finding], others: list[Finding]) -> list[Finding]:
    """A guard is obsolete only where it protects nothing: not while it guards the call on another platform."""
    protecting = {f.platform for f in others if f.code == tc120_guarded.RULE.code or f.code == tc121_guard_cannot_protect.RULE.code}
    return [f for f in obsolete if not protecting]


def _capability_guard(site: Site, covered: Covered, platform: str, api: Api) -> Guard | None:
    """A canIUse or existence test of this very API that covers ``platform`` (a test of another API proves nothing)."""
    for guard, platforms in zip(site.guards, covered, strict=True):
        if guard.negated or platform not in platforms:
            continue
        if guard.kind is GuardKind.EXISTS and guard.api == api.id:
            return guard
        tested = guard.schema
        if guard.kind is GuardKind.CAN_I_USE and tested is not None and (tested == api.id or tested.startswith(api.id + ".")):
            return guard
    return None


def _version_guard(site: Site, covered: Covered, platform: str) -> RuntimeVersion | None:
    """compareVersion(SDKVersion, 'X') >= 0 around the call: the code runs on X and later only."""
    versions = []
    for guard, platforms in zip(site.guards, covered, strict=True):
        if guard.kind is GuardKind.VERSION and not guard.negated and guard.version and platform in platforms:
            try:
                versions.append(RuntimeVersion.parse(guard.version))
            except ValueError:
                continue
    return max(versions) if versions else None


def _case(context: Context, site: Site, api: Api, target: Target, minimum: RuntimeVersion | None, native: bool) -> Case:
    catalogue = context.matrix.runtime_catalogue(target.platform)
    resolution = resolve(api, target.platform, taro=None if native else context.taro, runtime=minimum if catalogue else None,
                         has_runtime_axis=catalogue is not None, published=context.published, today=context.today, native=native)
    return Case(context, site, api, target, minimum if catalogue else None, catalogue, resolution, native)


def _on_platform(context: Context, site: Site, api: Api, target: Target, covered: Covered) -> list[Finding]:
    platform = context.matrix.platforms[target.platform]
    native = isinstance(site, CallSite) and site.via != "taro"
    if isinstance(site, CallSite) and native and site.via not in platform.native_globals \
            and site.via not in context.package_globals.get(platform.id, ()):
        if _capability_guard(site, covered, target.platform, api) is None:
            return [tc111_global_missing.check(site, api, platform)]
        return []
    memo = context.memo.minimums
    if target.platform not in memo:
        memo[target.platform] = minimum_of(target)
    case = _case(context, site, api, target, memo[target.platform], native)
    problems = _verdict(case)
    raised = _version_guard(site, covered, target.platform)
    changes = tc106_behaviour_change.check(case)  # a guard does not change what the call returns
    if raised is not None and case.minimum is not None and raised > case.minimum:
        within = _verdict(_case(context, site, api, target, raised, native))  # the guarded code runs there and later only
        if problems and not any(f.severity is Severity.ERROR for f in within):
            return [tc120_guarded.by_version(case, raised)] + within + changes
    guard = _capability_guard(site, covered, target.platform, api)
    if guard is not None:
        return _guarded(case, guard, problems) + changes
    return problems + changes


def _verdict(case: Case) -> list[Finding]:
    resolution = case.resolution
    if resolution.support is None:
        return [tc108_no_data.no_data(case, "no-data")]
    if not resolution.axes:  # a native call where the platform has no runtime catalogue: nothing to decide with
        return [tc108_no_data.no_data(case, "no-catalogue")]
    found: list[Finding] = []
    for answer in resolution.axes:
        statement = answer.statement
        if answer.status is None:
            if answer.axis == "taro":
                found.append(tc108_no_data.unknown_axis(case, answer))
            continue
        if answer.status is Status.UNSUPPORTED:
            for rule in (tc101_unsupported, tc102_needs_newer_runtime, tc103_needs_newer_taro):
                problem = rule.check(case, answer)
                if problem is not None:
                    found.append(problem)
                    break
        elif answer.status is Status.STUB and statement is not None:
            found.append(tc104_stub.check(case, statement))
        elif answer.status is Status.UNKNOWN:
            found.append(tc108_no_data.unknown_axis(case, answer))
        elif answer.status is Status.PARTIAL:
            partial = tc109_partial.check(case, answer)
            found += [partial] if partial is not None else []
        if answer.axis == "runtime" and answer.status in (Status.SUPPORTED, Status.PARTIAL) and isinstance(answer.version, RuntimeVersion):
            gap = tc105_minimum_crosses_gap.check(case, answer.version)
            found += [gap] if gap is not None else []
    deprecated = tc107_deprecated.check(case)
    found += [deprecated] if deprecated is not None else []
    promise = tc110_no_promise.check(case)
    found += [promise] if promise is not None else []
    if any(f.severity is Severity.ERROR for f in found):  # it cannot work: that the data is silent elsewhere adds nothing
        found = [f for f in found if f.code != tc108_no_data.RULE.code]
    return found


def _guarded(case: Case, guard: Guard, problems: list[Finding]) -> list[Finding]:
    resolution = case.resolution
    if guard.kind is GuardKind.CAN_I_USE and resolution.verdict is Status.STUB:
        cannot = tc121_guard_cannot_protect.check(case)
        if cannot is not None:
            return [cannot]
    if not problems and resolution.verdict is Status.SUPPORTED:
        return [tc122_guard_obsolete.check(case, guard)]  # at the guard: the code it wraps can lose the condition
    without = tuple(sorted({f.code for f in problems})) or (resolution.verdict.value if resolution.verdict else "unknown",)
    return [tc120_guarded.by_guard(case, guard, without)]


def _options(site: CallSite, api: Api, running: list[Target]) -> list[Finding]:
    """Options of an object-literal argument, checked against the matrix's parameters."""
    given = {argument.key: argument for argument in site.arguments}
    found: list[Finding] = []
    for param in api.params:
        argument = given.get(param.name)
        if argument is None:
            if param.required:
                found.append(tc130_option_missing.check(site, api, param))
            continue
        if argument.literal:
            value = (tc131_option_too_long.check(site, api, param, argument.value)
                     or tc132_option_invalid.check(site, api, param, argument.value))
            found += [value] if value is not None else []
        found += tc133_option_not_on_platform.check(site, api, param, running)
    return found
