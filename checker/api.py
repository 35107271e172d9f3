"""The same answers as the command line, from Python (scripts, notebooks). Typed results, no printing.

>>> import checker
>>> checker.query_api("getUserProfile", platform="h5", taro="3.6.26").verdict.value
'stub'
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path

from checker.errors import Location, UsageError
from checker.contradicted import drop_contradicted
from checker.evaluate import ProjectResult, evaluate
from checker.kb import load_matrix
from checker.model import Matrix
from checker.planning import Plan, PlanRequest, make_plan
from checker.project.discover import discover
from checker.project.read import read_project
from checker.targets.query import parse_targets
from checker.targets.resolve import default_minimum, resolve_targets
from checker.queries import ApiSince, TargetsAnswer, TaroDiff, api_since, diff_taro, usable_under
from checker.resources import matrix_root
from checker.pipeline import scan_project
from checker.support import Resolution, resolve
from checker.versions import RuntimeVersion, TaroVersion

__all__ = ["check", "diff", "load", "plan", "query", "query_api", "query_since", "query_targets"]


def load(matrix: Path | None = None) -> Matrix:
    """The knowledge base (the bundled one by default)."""
    return load_matrix(matrix or matrix_root())


def query_api(name: str, *, platform: str, taro: str | None = None, runtime: str | None = None,
              published: date | None = None, native: bool = False, matrix: Matrix | None = None) -> Resolution:
    m = matrix or load()
    return resolve(m.api(name), platform, taro=TaroVersion.parse(taro) if taro else None,
                   runtime=RuntimeVersion.parse(runtime) if runtime else None,
                   has_runtime_axis=m.runtime_catalogue(platform) is not None, published=published,
                   today=published or date.today(), native=native)


query = query_api  # checker.query("getUserProfile", platform="weapp", taro="3.1.4", runtime="2.16.0")


def query_since(name: str, *, cover: float | None = None, matrix: Matrix | None = None) -> ApiSince:
    m = matrix or load()
    return api_since(m, m.api(name), cover)


def query_targets(query: str, *, apis: Sequence[str] | None = None, matrix: Matrix | None = None) -> TargetsAnswer:
    m = matrix or load()
    targets = parse_targets(query, platforms=m.platforms, usage=m.usage, source="query", location=Location("query"), catalogues=m.catalogues)
    return usable_under(m, targets, tuple(apis) if apis else None)


def diff(before: str, after: str, *, matrix: Matrix | None = None) -> TaroDiff:
    return diff_taro(matrix or load(), TaroVersion.parse(before), TaroVersion.parse(after))


def _projects(path: Path, m: Matrix, targets: str | None):  # type: ignore[no-untyped-def]
    root = Path(path).resolve()
    projects = discover(root)
    if not projects:
        raise UsageError(f"{path}: no Taro project found")
    for directory in projects:
        profile = read_project(directory, scan_root=root, targets_override=targets)
        resolved = resolve_targets(profile, m.platforms, m.usage, m.catalogues)
        scans = scan_project(directory, profile, m, projects)
        yield profile, drop_contradicted(resolved, scans, m.platforms, lambda t: default_minimum(t, m.platforms, m.usage)), scans


def check(path: Path | str, *, targets: str | None = None, matrix: Matrix | None = None, today: date | None = None) -> list[ProjectResult]:
    """Every project below ``path``, evaluated (raises ProjectError on input it cannot trust)."""
    m = matrix or load()
    return [evaluate(m, profile, scans, targets=resolved, today=today) for profile, resolved, scans in _projects(Path(path), m, targets)]


def plan(path: Path | str, *, raise_to: Mapping[str, str] | None = None, taro: str | None = None,
         add_targets: Sequence[str] = (), drop_targets: Sequence[str] = (), targets: str | None = None,
         matrix: Matrix | None = None, today: date | None = None) -> list[Plan]:
    """What raising minimums, upgrading Taro or changing targets does to every project below ``path``."""
    m = matrix or load()
    request = PlanRequest(dict(raise_to or {}), taro, tuple(add_targets), tuple(drop_targets))
    return [make_plan(m, profile, resolved, scans, request, today=today or date.today())
            for profile, resolved, scans in _projects(Path(path), m, targets)]
