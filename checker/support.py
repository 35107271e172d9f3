"""Resolve what one API does on one platform for given versions: pure functions over the model.

Two axes decide a call through Taro: the Taro version (does ``Taro.<api>``
reach a working implementation?) and the platform's runtime version (does
the native API exist?). A call through the native global (``wx.<api>``)
skips the Taro axis. An axis whose version is not given is not evaluated;
a version that no statement covers is unknown, never a pass.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date

from checker.model import Api, Catalogue, Change, PlatformSupport, Statement, Status
from checker.versions import Version, union_text

__all__ = [
    "AxisAnswer",
    "ChangeMatch",
    "Applicability",
    "Resolution",
    "combine",
    "requirement",
    "resolve",
    "statement_for",
    "versions_lacking",
]

# Worst first: a call that cannot work on one axis cannot work at all.
_PRECEDENCE = (Status.UNSUPPORTED, Status.STUB, Status.UNKNOWN, Status.PARTIAL, Status.SUPPORTED)


class Applicability(enum.Enum):
    APPLIES = "applies"
    MAY_APPLY = "may-apply"  # a condition depends on an input that was not given
    DOES_NOT_APPLY = "does-not-apply"


@dataclass(frozen=True, slots=True)
class AxisAnswer:
    axis: str  # "taro" or "runtime"
    version: Version | None  # None: not given, so not evaluated
    status: Status | None
    statement: Statement | None
    requirement: str | None  # the versions where this axis works, in range syntax


@dataclass(frozen=True, slots=True)
class ChangeMatch:
    change: Change
    applicability: Applicability


@dataclass(frozen=True, slots=True)
class Resolution:
    api: Api
    platform: str
    verdict: Status | None  # None when no version was given on any axis
    native: bool
    support: PlatformSupport | None
    axes: tuple[AxisAnswer, ...]
    changes: tuple[ChangeMatch, ...]
    published: date | None = None


def statement_for(statements: tuple[Statement, ...], version: Version) -> Statement | None:
    """The statement whose range holds ``version`` (the first, if data overlaps)."""
    for statement in statements:
        if version in statement.versions:
            return statement
    return None


def versions_lacking(support: PlatformSupport, catalogue: Catalogue, minimum: Version) -> list[tuple[Version, Statement]]:
    """Released versions above ``minimum`` where the API is unsupported (a gap: 2.10.4 works, 2.11 to 2.15 do not).

    The one computation ``check`` (TC105) and ``query targets`` share, so they cannot disagree.
    """
    found = []
    for version in catalogue.versions:
        if version <= minimum:  # type: ignore[operator]
            continue
        statement = next((s for s in support.runtime if version in s.versions), None)
        if statement is not None and statement.status is Status.UNSUPPORTED:
            found.append((version, statement))
    return found


def requirement(statements: tuple[Statement, ...]) -> str | None:
    """Where the axis works (supported or partial), e.g. ``2.10.4 || >=2.16.0``."""
    usable = [s.versions for s in statements if s.status in (Status.SUPPORTED, Status.PARTIAL)]
    return union_text(usable) if usable else None


def combine(statuses: list[Status]) -> Status:
    """The verdict of several axes: the worst of them."""
    return min(statuses, key=_PRECEDENCE.index)


def _axis(axis: str, statements: tuple[Statement, ...], version: Version | None) -> AxisAnswer:
    if version is None:
        return AxisAnswer(axis, None, None, None, requirement(statements))
    statement = statement_for(statements, version)
    status = statement.status if statement else Status.UNKNOWN
    return AxisAnswer(axis, version, status, statement, requirement(statements))


def resolve(
    api: Api,
    platform: str,
    *,
    taro: Version | None = None,
    runtime: Version | None = None,
    has_runtime_axis: bool,
    published: date | None = None,
    today: date | None = None,
    native: bool = False,
) -> Resolution:
    """What ``api`` does on ``platform`` for the given versions.

    :param has_runtime_axis: whether the platform has a runtime catalogue.
    :param published: the app version's publish date, for rules keyed on it.
    :param today: the reference day for server-side changes (defaults to ``published``).
    :param native: the call goes through the native global, not through Taro.
    """
    support = api.support.get(platform)
    if support is None:
        given = (taro is not None and not native) or runtime is not None
        return Resolution(api, platform, Status.UNKNOWN if given else None, native, None, (), (), published)
    axes = []
    if not native:
        axes.append(_axis("taro", support.taro, taro))
    taro_statement = axes[0].statement if axes else None
    # Taro's own API has no runtime axis; when the Taro version is unknown, it is Taro's own if every line says so
    framework = bool(taro_statement.framework) if taro_statement is not None else (
        not native and bool(support.taro) and all(s.framework for s in support.taro))
    if has_runtime_axis and not framework:
        axes.append(_axis("runtime", support.runtime, runtime))
    elif taro_statement is not None and taro_statement.forwarded:
        # no runtime catalogue: whether the native global has the API now decides a forwarded call (no data: unknown)
        presence = support.native_api
        present = Status.UNKNOWN if presence is None else Status.SUPPORTED if presence.present else Status.UNSUPPORTED
        axes.append(AxisAnswer("runtime", None, present, None, None))
    evaluated = [answer.status for answer in axes if answer.status is not None]
    verdict = combine(evaluated) if evaluated else None
    changes = tuple(
        ChangeMatch(change, _applies(change, taro=taro, runtime=runtime, published=published, today=today or published))
        for change in api.changes
        if platform in change.platforms
    )
    return Resolution(api, platform, verdict, native, support, tuple(axes), changes, published)


def _applies(
    change: Change, *, taro: Version | None, runtime: Version | None, published: date | None, today: date | None
) -> Applicability:
    results = []
    if change.published_after is not None:
        results.append(None if published is None else published > change.published_after)
    if change.in_effect_from is not None:
        results.append(None if today is None else today >= change.in_effect_from)
    if change.runtime is not None:
        results.append(None if runtime is None else runtime in change.runtime)
    if change.taro is not None:
        results.append(None if taro is None else taro in change.taro)
    if any(result is False for result in results):
        return Applicability.DOES_NOT_APPLY
    if any(result is None for result in results):
        return Applicability.MAY_APPLY
    return Applicability.APPLIES
