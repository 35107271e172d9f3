"""Questions asked of the matrix alone: what a target set can use, since when an API works,
and what changes between two Taro versions. Pure functions returning typed answers."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import NamedTuple

from checker.model import Api, Matrix, Status
from checker.support import combine, resolve, statement_for, versions_lacking
from checker.targets.model import Target
from checker.usage import minimum_for_share, share_at_or_above
from checker.versions import TaroVersion

__all__ = ["ApiSince", "DiffRow", "TargetsAnswer", "TaroDiff", "api_since", "diff_taro", "usable_under"]

_USABLE = (Status.SUPPORTED, Status.PARTIAL)


@dataclass(frozen=True, slots=True)
class TargetsAnswer:
    targets: tuple[Target, ...]
    on_all: tuple[str, ...]  # usable on every target
    on_some: tuple[tuple[str, tuple[str, ...]], ...]  # (api, the targets where it is usable)
    on_none: tuple[str, ...]
    verdicts: Mapping[str, Mapping[str, str]]  # api -> platform -> status
    coverage: Mapping[str, float]  # platform -> share of users at or above its minimum
    gaps: Mapping[str, Mapping[str, str]] = field(default_factory=dict)  # api -> platform -> versions above the minimum that lack it


def usable_under(matrix: Matrix, targets: tuple[Target, ...], api_ids: tuple[str, ...] | None = None) -> TargetsAnswer:
    """Which APIs work on all, some or none of the targets (at their minimums; any Taro version that has them)."""
    verdicts: dict[str, dict[str, str]] = {}
    gaps: dict[str, dict[str, str]] = {}
    on_all, on_some, on_none = [], [], []
    for api_id in api_ids or matrix.api_ids():
        api = matrix.api(api_id)
        row: dict[str, str] = {}
        for target in targets:
            catalogue = matrix.runtime_catalogue(target.platform)
            runtime = target.minimum if catalogue else None
            resolution = resolve(api, target.platform, runtime=runtime, has_runtime_axis=catalogue is not None)
            if resolution.support is None:
                row[target.platform] = Status.UNKNOWN.value
                continue
            statuses = [a.status for a in resolution.axes if a.status is not None]
            if resolution.support.taro:
                statuses.append(_taro_best(resolution.support.taro))  # no Taro version named: the best one
            verdict = combine(statuses) if statuses else Status.UNKNOWN
            lacking = versions_lacking(resolution.support, catalogue, runtime) if catalogue and runtime else []
            if lacking and verdict in _USABLE:  # works at the minimum, not on every version above it (check says TC105)
                verdict = Status.PARTIAL
                gaps.setdefault(api_id, {})[target.platform] = f"{lacking[0][0]} to {lacking[-1][0]}"
            row[target.platform] = verdict.value
        verdicts[api_id] = row
        usable = tuple(p for p, status in row.items() if Status(status) in _USABLE)
        if len(usable) == len(targets):
            on_all.append(api_id)
        elif usable:
            on_some.append((api_id, usable))
        else:
            on_none.append(api_id)
    coverage = {}
    for target in targets:
        share = matrix.usage.get(matrix.platforms[target.platform].runtime or "")
        minimum = target.minimum
        if share is not None and minimum is not None:
            coverage[target.platform] = share_at_or_above(share, minimum)
    return TargetsAnswer(targets, tuple(on_all), tuple(on_some), tuple(on_none), verdicts, coverage, gaps)


def _taro_best(statements) -> Status:  # type: ignore[no-untyped-def]
    """With no Taro version named: the best any Taro version offers."""
    statuses = {s.status for s in statements}
    for status in (Status.SUPPORTED, Status.PARTIAL, Status.STUB, Status.UNKNOWN, Status.UNSUPPORTED):
        if status in statuses:
            return status
    return Status.UNKNOWN


@dataclass(frozen=True, slots=True)
class ApiSince:
    api: str
    runtime: Mapping[str, str]  # platform -> where the native API works, e.g. "2.10.4 || >=2.16.0"
    lowest_runtime: Mapping[str, str]  # platform -> its lowest working version
    taro_lines: Mapping[str, Mapping[str, str]]  # platform -> Taro release line (3.1) -> lowest working version
    cover: Mapping[str, tuple[str, float]]  # platform -> (minimum reaching the asked share, the share it reaches)


def api_since(matrix: Matrix, api: Api, cover: float | None = None) -> ApiSince:
    runtime, lowest, lines, covered = {}, {}, {}, {}
    for platform, support in sorted(api.support.items()):
        usable = [s for s in support.runtime if s.status in _USABLE]
        if usable:
            runtime[platform] = " || ".join(str(s.versions) for s in usable)
            low = min((s.versions.lowest() for s in usable if s.versions.lowest() is not None), default=None)  # type: ignore[type-var]
            if low is not None:
                lowest[platform] = low.text
        per_line: dict[str, str] = {}
        for version in matrix.taro_catalogue().versions:
            assert isinstance(version, TaroVersion)
            if version.is_prerelease or version.release_line in per_line:
                continue
            statement = statement_for(support.taro, version)
            if statement is not None and statement.status in _USABLE:
                per_line[version.release_line] = version.text
        if per_line:
            lines[platform] = per_line
        share = matrix.usage.get(matrix.platforms[platform].runtime or "")
        if cover is not None and share is not None:
            minimum, reached = minimum_for_share(share, cover)
            covered[platform] = (minimum.text, reached)
    return ApiSince(api.id, runtime, lowest, lines, covered)


def _describe(statement) -> str:  # type: ignore[no-untyped-def]
    if statement is None:
        return Status.UNKNOWN.value
    if statement.stub is not None:
        return f"stub (development {statement.stub.development.value}, production {statement.stub.production.value})"
    if statement.promise is False:
        return f"{statement.status.value} (no Promise)"
    return statement.status.value


class DiffRow(NamedTuple):
    """One change between two Taro versions (a tuple too, for scripts that index it)."""

    api: str
    platform: str  # a platform id, or several joined by commas for a behaviour change
    kind: str  # gained | lost | became a stub | changed | behaviour change | unknown
    before: str  # the status (or change id) before
    after: str


@dataclass(frozen=True, slots=True)
class TaroDiff:
    before: str
    after: str
    changes: tuple[DiffRow, ...]


def diff_taro(matrix: Matrix, before: TaroVersion, after: TaroVersion) -> TaroDiff:
    """APIs gained, lost, turned into stubs or otherwise changed on the Taro axis, per platform."""
    found = []
    for api in matrix.apis():
        for platform, support in sorted(api.support.items()):
            old, new = statement_for(support.taro, before), statement_for(support.taro, after)
            old_status = old.status if old else Status.UNKNOWN
            new_status = new.status if new else Status.UNKNOWN
            if old_status == new_status and (old is None or new is None or old.stub == new.stub and old.promise == new.promise):
                continue
            if new_status is Status.UNKNOWN or old_status is Status.UNKNOWN:
                kind = "unknown"
            elif new_status in _USABLE and old_status not in _USABLE:
                kind = "gained"
            elif new_status is Status.STUB and old_status is not Status.STUB:
                kind = "became a stub"
            elif old_status in _USABLE and new_status not in _USABLE:
                kind = "lost"
            else:
                kind = "changed"
            found.append(DiffRow(api.id, platform, kind, _describe(old), _describe(new)))
        for change in api.changes:
            if change.taro is not None and (before in change.taro) != (after in change.taro):
                found.append(DiffRow(api.id, ",".join(change.platforms), "behaviour change", change.id if before in change.taro else "-",
                                     change.id if after in change.taro else "-"))
    return TaroDiff(before.text, after.text, tuple(found))
