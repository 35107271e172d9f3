"""What a rule's check reads: the run's context, and one use of a known API on one target platform."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date

from checker.findings import Arg, Args, Finding, PlatformDetail, Requirement, Severity
from checker.model import Api, Catalogue, Matrix, Source, Statement
from checker.rules.rule import Rule
from checker.scan.sites import CallSite, ComponentUse
from checker.support import Resolution
from checker.targets.model import Target
from checker.versions import RuntimeVersion, TaroVersion, Version

__all__ = ["Case", "Context", "Memo", "Site", "cite", "detail", "make", "minimum_of"]

Site = CallSite | ComponentUse


class Memo:
    """Answers that are the same for every call of an API in a run (computed once, on first use)."""

    def __init__(self) -> None:
        # (api, platform, minimum) -> the versions above the minimum that lack it
        self.gaps: dict[tuple[str, str, str], list[tuple[Version, Statement]]] = {}
        # (api, change, platform, minimum) -> whether a base library the users may run meets the change's condition
        self.reach: dict[tuple[str, str, str, str], bool] = {}
        self.minimums: dict[str, RuntimeVersion | None] = {}


@dataclass(frozen=True, slots=True)
class Context:
    matrix: Matrix
    targets: tuple[Target, ...]
    taro: TaroVersion | None  # the resolved Taro version; None: cannot tell
    published: date
    today: date
    memo: Memo = field(default_factory=Memo, compare=False)
    # globals the project's dependencies provide, per platform (the WeChat JS-SDK's wx on h5)
    package_globals: Mapping[str, frozenset[str]] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Case:
    """One use of a known API on one target platform, resolved."""

    context: Context
    site: Site
    api: Api
    target: Target
    minimum: RuntimeVersion | None  # the target's declared runtime minimum, where it has a runtime axis
    catalogue: Catalogue | None
    resolution: Resolution
    native: bool  # through the native global (wx.x), not Taro


def minimum_of(target: Target) -> RuntimeVersion | None:
    """The target's minimum as a version (parsed once per run in the memo of callers)."""
    return target.minimum


def cite(sources: Iterable[Source]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(source.cite() for source in sources))


def detail(platform: str, *, required: Requirement | None = None, sources: tuple[str, ...] = (), **args: Arg) -> PlatformDetail:
    return PlatformDetail(platform, Args.of(args), required, sources)


def make(rule: Rule, site: Site | None, api: str | None, *, platform: PlatformDetail | None = None,
         severity: Severity | None = None, line: int | None = None, sources: tuple[str, ...] = (), **args: Arg) -> Finding:
    """A finding of ``rule`` at ``site`` (the rule's default severity unless told)."""
    return Finding(
        rule.code,
        severity or rule.severity,
        site.file if site is not None else None,
        site.line if line is None and site is not None else (line or 0),
        site.column if line is None and site is not None else 0,
        api,
        Args.of(args),
        (platform,) if platform is not None else (),
        sources,
    )
