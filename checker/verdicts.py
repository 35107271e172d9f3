"""One use of a known API on one target platform -> findings. Pure functions over the model.

The rules (Android Lint's NewApi is the model): a call that cannot work where the project
ships is an error; a guard that covers the platform turns it into information; a guard that
cannot protect, a gap above the minimum, a behaviour change or missing data is a warning.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from checker.findings import Finding
from checker.model import Api, Catalogue, Matrix, Outcome, Param, Source, Statement, Status
from checker.targets.model import Target
from checker.scan.sites import CallSite, ComponentUse, Guard
from checker.support import Resolution, resolve
from checker.versions import RuntimeVersion, TaroVersion, Version

__all__ = ["Context", "findings_for_use", "runs_on"]

_CAPABILITY = ("can_i_use", "exists", "version")


@dataclass(frozen=True, slots=True)
class Context:
    matrix: Matrix
    targets: tuple[Target, ...]
    taro: TaroVersion | None  # the resolved Taro version; None: cannot tell
    published: date
    today: date
    # (api, platform, minimum) -> the versions above the minimum that lack it: the same for every call
    gaps: dict[tuple[str, str, str], list[tuple[Version, Statement]]] = field(default_factory=dict)
    # (api, change, platform, minimum) -> whether a base library the users may run meets the change's condition
    reach: dict[tuple[str, str, str, str], bool] = field(default_factory=dict)


def _cite(sources: Iterable[Source]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(source.cite() for source in sources))


def _where(site: CallSite | ComponentUse) -> dict[str, object]:
    return {"file": site.file, "line": site.line, "column": site.column}


def findings_for_use(
    context: Context, site: CallSite | ComponentUse, api: Api, guard_platforms: tuple[tuple[str, ...], ...]
) -> list[Finding]:
    """Every finding for one use, on every target platform where its code can run."""
    running = [t for t in context.targets if runs_on(t.platform, site.guards, guard_platforms)]
    if isinstance(site, CallSite) and site.suppression is not None:
        reason = site.suppression.reason or "no reason given"
        return [Finding("TC123", "info", f"{api.id}: suppressed ({reason})", api=api.id, **_where(site))]  # type: ignore[arg-type]
    found: list[Finding] = []
    for target in running:
        found += _on_platform(context, site, api, target, guard_platforms)
    if isinstance(site, CallSite) and site.arguments:
        found += _options(context, site, api, running)
    return found


def runs_on(platform: str, guards: tuple[Guard, ...], covered: tuple[tuple[str, ...], ...]) -> bool:
    """Platform guards (TARO_ENV, name.weapp.ts) keep the code off the other platforms."""
    return all(platform in platforms for guard, platforms in zip(guards, covered) if guard.kind in ("taro_env", "platform_file"))


def _capability_guard(site: CallSite | ComponentUse, covered: tuple[tuple[str, ...], ...], platform: str, api: Api) -> Guard | None:
    """A canIUse or existence test of this very API that covers ``platform`` (a test of another API proves nothing)."""
    for guard, platforms in zip(site.guards, covered):
        if guard.negated or platform not in platforms:
            continue
        if guard.kind == "exists" and guard.api == api.id:
            return guard
        if guard.kind == "can_i_use" and guard.schema is not None and (guard.schema == api.id or guard.schema.startswith(api.id + ".")):
            return guard
    return None


def _version_guard(site: CallSite | ComponentUse, covered: tuple[tuple[str, ...], ...], platform: str) -> RuntimeVersion | None:
    """compareVersion(SDKVersion, 'X') >= 0 around the call: the code runs on X and later only."""
    versions = [RuntimeVersion.parse(g.version) for g, p in zip(site.guards, covered)
                if g.kind == "version" and not g.negated and g.version and platform in p and _dotted(g.version)]
    return max(versions) if versions else None


def _dotted(text: str) -> bool:
    try:
        RuntimeVersion.parse(text)
    except ValueError:
        return False
    return True


def _on_platform(
    context: Context, site: CallSite | ComponentUse, api: Api, target: Target, covered: tuple[tuple[str, ...], ...]
) -> list[Finding]:
    matrix = context.matrix
    platform = matrix.platforms[target.platform]
    native = isinstance(site, CallSite) and site.via != "taro"
    where = _where(site)
    if native and platform.native_global != site.via:  # type: ignore[union-attr]
        if _capability_guard(site, covered, target.platform, api) is None:
            has = f"its global is {platform.native_global}" if platform.native_global else "it has no native global"
            return [Finding("TC111", "error", f"{site.via}.{api.id} on {target.platform}: there is no {site.via} there ({has});"  # type: ignore[union-attr]
                            f" call Taro.{api.id}, or keep this code to its platform", api=api.id, platform=target.platform, **where)]  # type: ignore[arg-type]
        return []
    catalogue = matrix.runtime_catalogue(target.platform)
    runtime = RuntimeVersion.parse(target.min_version) if target.min_version and catalogue else None

    def judge(minimum: RuntimeVersion | None) -> tuple[Resolution, list[Finding]]:
        resolution = resolve(api, target.platform, taro=None if native else context.taro, runtime=minimum,
                             has_runtime_axis=catalogue is not None, published=context.published, today=context.today, native=native)
        problems = _verdict(resolution, api, target, catalogue, where, context.gaps)
        if isinstance(site, CallSite) and site.promise_style:
            problems += _promise(resolution, api, target, where)
        return resolution, problems

    resolution, problems = judge(runtime)
    raised = _version_guard(site, covered, target.platform)
    if raised is not None and runtime is not None and raised > runtime:
        _, within = judge(raised)  # the guarded code runs on the guard's version and later only
        if problems and not any(f.severity == "error" for f in within):
            return [Finding("TC120", "info", f"{api.id} on {target.platform}: guarded by a base library check (>= {raised})",
                            api=api.id, platform=target.platform, **where)] + within + _changes(resolution, api, target, catalogue, context, where)  # type: ignore[arg-type]
    changes = _changes(resolution, api, target, catalogue, context, where)  # a guard does not change what the call returns
    guard = _capability_guard(site, covered, target.platform, api)
    if guard is not None:
        return _guarded(resolution, api, target, guard, problems, site) + changes
    return problems + changes


def _statement_sources(resolution: Resolution) -> tuple[str, ...]:
    return _cite(s for answer in resolution.axes if answer.statement for s in answer.statement.sources)


def _verdict(resolution: Resolution, api: Api, target: Target, catalogue: Catalogue | None, where: dict[str, object],
             gaps: dict[tuple[str, str, str], list[tuple[Version, Statement]]]) -> list[Finding]:
    name, platform = api.id, target.platform
    sources = _statement_sources(resolution)
    if resolution.support is None:
        return [Finding("TC108", "warning", f"{name} on {platform}: no data; unknown is not a pass", api=name, platform=platform, **where)]  # type: ignore[arg-type]
    found: list[Finding] = []
    if not resolution.axes:  # a native call where the platform has no runtime catalogue: nothing to decide with
        return [Finding("TC108", "warning", f"{name} on {platform}: no runtime versions are known for this platform; unknown is not a pass",
                        api=name, platform=platform, **where)]  # type: ignore[arg-type]
    for answer in resolution.axes:
        statement = answer.statement
        if answer.status is None:
            if answer.axis == "taro":
                found.append(Finding("TC108", "warning", f"{name} on {platform}: the Taro version cannot be told, so Taro's support is unknown"
                                     + (f" (it works in Taro {answer.requirement})" if answer.requirement else ""),
                                     api=name, platform=platform, required=answer.requirement, **where))  # type: ignore[arg-type]
            continue
        if answer.status is Status.UNSUPPORTED:
            found.append(_unsupported(name, platform, answer.axis, answer.version, answer.requirement, target, statement, where))
        elif answer.status is Status.STUB and statement is not None:
            found.append(_stub(name, platform, statement, where))
        elif answer.status is Status.UNKNOWN:
            detail = f" ({statement.note})" if statement and statement.note else ""
            found.append(Finding("TC108", "warning", f"{name} on {platform}: unknown for {_axis(answer.axis, target)} {answer.version}{detail}",
                                 api=name, platform=platform, required=answer.requirement, sources=_cite(statement.sources) if statement else (), **where))  # type: ignore[arg-type]
        elif answer.status is Status.PARTIAL and statement is not None:
            found.append(Finding("TC109", "warning", f"{name} on {platform}: partial in {_axis(answer.axis, target)} {answer.version}: {statement.note}",
                                 api=name, platform=platform, sources=_cite(statement.sources), **where))  # type: ignore[arg-type]
        if answer.axis == "runtime" and answer.status in (Status.SUPPORTED, Status.PARTIAL) and catalogue is not None:
            found += _gap(resolution, name, platform, answer.version, catalogue, where, gaps)  # type: ignore[arg-type]
    deprecated = resolution.support.deprecated
    if deprecated is not None:
        found.append(Finding("TC107", "warning", f"{name} on {platform}: deprecated: {deprecated.note}", api=name, platform=platform,
                             sources=_cite(deprecated.sources), **where))  # type: ignore[arg-type]
    if found and not any(f.sources for f in found):
        found = [Finding(f.code, f.severity, f.message, f.file, f.line, f.column, f.api, f.platform, f.required, sources) for f in found]
    return found


def _axis(axis: str, target: Target) -> str:
    return "Taro" if axis == "taro" else f"{target.platform} base library"


def _unsupported(name: str, platform: str, axis: str, version: Version | None, requirement: str | None,
                 target: Target, statement: Statement | None, where: dict[str, object]) -> Finding:
    sources = _cite(statement.sources) if statement else ()
    if requirement is None:
        return Finding("TC101", "error", f"{name} is not supported on {platform}" + (f": {statement.note}" if statement and statement.note else ""),
                       api=name, platform=platform, sources=sources, **where)  # type: ignore[arg-type]
    if axis == "runtime":
        return Finding("TC102", "error", f"{name} needs {platform} base library {requirement}; the declared minimum is {version} ({target.source})",
                       api=name, platform=platform, required=requirement, sources=sources, **where)  # type: ignore[arg-type]
    return Finding("TC103", "error", f"{name} on {platform} needs Taro {requirement}; the project has {version}",
                   api=name, platform=platform, required=requirement, sources=sources, **where)  # type: ignore[arg-type]


def _stub(name: str, platform: str, statement: Statement, where: dict[str, object]) -> Finding:
    behaviour = statement.stub
    if behaviour is not None and behaviour.production is Outcome.RESOLVES:
        how = "a stub that rejects in development and resolves silently in production: the user sees no error and gets no data"
    elif behaviour is not None and behaviour.production is Outcome.UNKNOWN:
        how = f"a stub that {behaviour.development.value} in development; what it does in production is not known"
    else:
        how = f"a stub that {behaviour.production.value if behaviour else 'fails'}"
    return Finding("TC104", "error", f"{name} on {platform} is {how}", api=name, platform=platform, sources=_cite(statement.sources), **where)  # type: ignore[arg-type]


def _gap(resolution: Resolution, name: str, platform: str, minimum: RuntimeVersion, catalogue: Catalogue, where: dict[str, object],
         gaps: dict[tuple[str, str, str], list[tuple[Version, Statement]]]) -> list[Finding]:
    """Versions above the declared minimum that lack the API (2.10.4 works, 2.11 to 2.15 do not)."""
    support = resolution.support
    assert support is not None
    key = (name, platform, minimum.text)
    if key not in gaps:
        found = []
        for version in catalogue.versions:
            if version <= minimum:  # type: ignore[operator]
                continue
            statement = next((s for s in support.runtime if version in s.versions), None)
            if statement is not None and statement.status is Status.UNSUPPORTED:
                found.append((version, statement))
        gaps[key] = found
    missing = gaps[key]
    if not missing:
        return []
    first, last = missing[0][0], missing[-1][0]
    statement = missing[0][1]
    return [Finding("TC105", "warning", f"{name} on {platform}: base libraries {first} to {last} above the minimum {minimum} lack it"
                    f" ({statement.confidence.value}); feature-detect it or raise the minimum",
                    api=name, platform=platform, required=f">{last}", sources=_cite(statement.sources), **where)]  # type: ignore[arg-type]


def _promise(resolution: Resolution, api: Api, target: Target, where: dict[str, object]) -> list[Finding]:
    for answer in resolution.axes:
        if answer.statement is not None and answer.statement.promise is False:
            return [Finding("TC110", "error", f"{api.id} on {target.platform} does not return a Promise here ({_axis(answer.axis, target)} {answer.version});"
                            " await gets no result and .then throws; pass success and fail callbacks", api=api.id, platform=target.platform, sources=_cite(answer.statement.sources), **where)]  # type: ignore[arg-type]
    return []


def _guarded(resolution: Resolution, api: Api, target: Target, guard: Guard, problems: list[Finding], site: CallSite | ComponentUse) -> list[Finding]:
    name, platform = api.id, target.platform
    where = _where(site)
    support = resolution.support
    stub = resolution.verdict is Status.STUB
    if guard.kind == "can_i_use" and stub and support is not None and support.can_i_use is not None and support.can_i_use.answers:
        return [Finding("TC121", "warning", f"{name} on {platform}: canIUse answers true for Taro's stub, so this guard lets the call through"
                        " (test the platform with process.env.TARO_ENV instead)", api=name, platform=platform,
                        sources=_cite(support.can_i_use.sources), **where)]  # type: ignore[arg-type]
    if not problems and resolution.verdict is Status.SUPPORTED:
        # one finding per guard, at the guard: the code it wraps can lose the condition
        return [Finding("TC122", "info", f"{name} on {platform}: this {guard.kind} guard is obsolete: the declared minimums already have it",
                        site.file, guard.line, 0, api=name, platform=platform)]
    codes = ", ".join(sorted({f.verdict for f in problems})) or (resolution.verdict.value if resolution.verdict else "unknown")
    return [Finding("TC120", "info", f"{name} on {platform}: guarded by {guard.kind} on line {guard.line} ({codes} without it)",
                    api=name, platform=platform, **where)]  # type: ignore[arg-type]


def _changes(resolution: Resolution, api: Api, target: Target, catalogue: Catalogue | None, context: Context,
             where: dict[str, object]) -> list[Finding]:
    """Behaviour changes for the users of this release: its publish date, and every base library
    from the declared minimum up (a rule for >= 2.27.1 hits the users on newer clients)."""
    found = []
    for match in resolution.changes:
        change = match.change
        if change.published_after is not None and context.published <= change.published_after:
            continue
        if change.in_effect_from is not None and context.today < change.in_effect_from:
            continue
        if change.taro is not None and (context.taro is None or context.taro not in change.taro):
            continue
        who = ""
        if change.runtime is not None:
            if catalogue is None:
                continue
            key = (api.id, change.id, target.platform, target.min_version or "")
            if key not in context.reach:
                minimum = RuntimeVersion.parse(target.min_version) if target.min_version else None
                context.reach[key] = any((minimum is None or v >= minimum) and v in change.runtime for v in catalogue.versions)  # type: ignore[operator]
            if not context.reach[key]:
                continue
            who = f" for users on base library {change.runtime}"
        instead = f"; use instead: {', '.join(change.replacement)}" if change.replacement else ""
        found.append(Finding("TC106", "warning", f"{api.id} on {target.platform}{who}: {str(change.summary).rstrip('.')}{instead}",
                             api=api.id, platform=target.platform, sources=_cite(change.sources), **where))  # type: ignore[arg-type]
    return found


def _options(context: Context, site: CallSite, api: Api, running: list[Target]) -> list[Finding]:
    """Options of an object-literal argument, checked against the matrix's parameters."""
    given = {argument.key: argument for argument in site.arguments}
    where = _where(site)
    found = []
    for param in api.params:
        argument = given.get(param.name)
        if argument is None:
            if param.required:
                found.append(Finding("TC130", "error", f"{api.id}: the required option '{param.name}' is missing", api=api.id,
                                     sources=_cite(param.sources), **where))  # type: ignore[arg-type]
            continue
        found += _option_value(api, param, argument.value, argument.literal, where)
        found += _option_platforms(context, api, param, running, where)
    return found


def _option_value(api: Api, param: Param, value: object, literal: bool, where: dict[str, object]) -> list[Finding]:
    if not literal:
        return []
    if param.max_length is not None and isinstance(value, str) and len(value) > param.max_length:
        return [Finding("TC131", "error", f"{api.id}: '{param.name}' is {len(value)} characters; at most {param.max_length}", api=api.id,
                        sources=_cite(param.sources), **where)]  # type: ignore[arg-type]
    if param.enum and value not in param.enum:
        allowed = ", ".join(str(v) for v in param.enum)
        return [Finding("TC132", "error", f"{api.id}: '{param.name}' is {value!r}; one of {allowed}", api=api.id,
                        sources=_cite(param.sources), **where)]  # type: ignore[arg-type]
    return []


def _option_platforms(context: Context, api: Api, param: Param, running: list[Target], where: dict[str, object]) -> list[Finding]:
    if not param.platforms:
        return []
    found = []
    elsewhere = [t.platform for t in running if t.platform not in param.platforms]
    if elsewhere:
        only = ", ".join(sorted(param.platforms))
        found.append(Finding("TC133", "warning", f"{api.id}: option '{param.name}' exists on {only} only; {', '.join(elsewhere)} ignore it",
                             api=api.id, sources=_cite(param.sources), **where))  # type: ignore[arg-type]
    for target in running:
        if target.platform not in param.platforms:
            continue
        versions = param.platforms[target.platform]
        if versions is not None and target.min_version and RuntimeVersion.parse(target.min_version) not in versions:
            found.append(Finding("TC133", "warning", f"{api.id}: option '{param.name}' needs {target.platform} base library {versions};"
                                 f" the declared minimum is {target.min_version}", api=api.id, platform=target.platform,
                                 required=str(versions), sources=_cite(param.sources), **where))  # type: ignore[arg-type]
    return found

