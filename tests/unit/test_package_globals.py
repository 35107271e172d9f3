"""A global a dependency provides (the WeChat JS-SDK's wx on h5): no TC111 in a project that depends on it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from checker.evaluate import Selection, evaluate, package_globals
from checker.kb import load_matrix
from checker.model import Matrix
from checker.project.profile import ProjectProfile, TaroVersionInfo
from checker.scan.sites import CallSite, FileScan
from checker.targets.model import Target
from checker.targets.resolve import ResolvedTargets

PLATFORM = """\
id: h5
name: {en: "Test web"}
taro_env: h5
native_global: null
package_globals:
  - global: wx
    packages: [some-sdk]
    sources: [doc]
    confidence: official
runtime: null
plugin: null
sources:
  doc:
    url: "https://example.com/doc"
"""

GAMMA = """\
id: gamma
kind: api
category: base
summary: Gamma, for tests.
support:
  h5:
    taro:
      - versions: ">=3.0.0"
        status: unsupported
        confidence: verified
        sources: [doc]
sources:
  doc:
    url: "https://example.com/doc"
"""


def _matrix(make_matrix: Callable[..., Path]) -> Matrix:
    return load_matrix(make_matrix({"gamma": GAMMA}, extra={"platforms/h5.yaml": PLATFORM}), use_cache=False)


def _profile(*libraries: str) -> ProjectProfile:
    taro = TaroVersionInfo(declared="3.6.26", declared_at=None, resolved="3.6.26", source="test")
    return ProjectProfile(root=".", name="t", taro=taro, libraries=tuple((name, "1.6.0") for name in libraries))


def _codes(matrix: Matrix, profile: ProjectProfile) -> list[tuple[str, str, int, tuple[str, ...]]]:
    sites = tuple(CallSite(api=api, file="a.js", line=i + 1, column=1, callee=f"wx.{api}", via="wx", called=True, promise_style=False)
                  for i, api in enumerate(("gamma", "config")))
    targets = ResolvedTargets((Target("h5", None, "test"),))
    result = evaluate(matrix, profile, (FileScan("a.js", call_sites=sites),), targets=targets, selection=Selection())
    return [(f.code, f.severity.value, f.line, f.platform_ids) for f in result.findings]


def test_the_dependency_provides_the_global(make_matrix: Callable[..., Path]) -> None:
    matrix = _matrix(make_matrix)
    assert package_globals(matrix, _profile("some-sdk", "lodash")) == {"h5": frozenset({"wx"})}
    assert package_globals(matrix, _profile("lodash")) == {}


def test_with_the_sdk_wx_members_are_unknown_not_errors(make_matrix: Callable[..., Path]) -> None:
    assert _codes(_matrix(make_matrix), _profile("some-sdk")) == [("TC108", "warning", 0, ("h5",))]


def test_without_it_wx_on_h5_is_still_missing(make_matrix: Callable[..., Path]) -> None:
    assert _codes(_matrix(make_matrix), _profile()) == [("TC111", "error", 1, ("h5",)), ("TC111", "error", 2, ("h5",))]
