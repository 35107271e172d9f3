"""A platform whose runtime provides a second native global (QQ also answers to wx): no TC111 for it there."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from checker.evaluate import Selection, evaluate
from checker.kb import load_matrix
from checker.model import Matrix
from checker.project.profile import ProjectProfile, TaroVersionInfo
from checker.render.words import word
from checker.scan.sites import CallSite, FileScan
from checker.targets.model import Target
from checker.targets.resolve import ResolvedTargets

# a test platform file in place of the bundled qq one: own global qq, wx as well
PLATFORM = """\
id: qq
name: {en: "Test QQ"}
taro_env: qq
native_global: qq
native_globals_also:
  - global: wx
    sources: [doc]
    confidence: community
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
  weapp:
    runtime:
      - versions: ">=2.0.0"
        status: supported
        confidence: official
        sources: [doc]
sources:
  doc:
    url: "https://example.com/doc"
"""


def _matrix(make_matrix: Callable[..., Path]) -> Matrix:
    return load_matrix(make_matrix({"gamma": GAMMA}, extra={"platforms/qq.yaml": PLATFORM}), use_cache=False)


def _findings(matrix: Matrix, *apis: str) -> list:
    sites = tuple(CallSite(api=api, file="a.js", line=i + 1, column=1, callee=f"wx.{api}", via="wx", called=True, promise_style=False)
                  for i, api in enumerate(apis))
    taro = TaroVersionInfo(declared="3.6.26", declared_at=None, resolved="3.6.26", source="test")
    targets = ResolvedTargets((Target("qq", None, "test"), Target("tt", None, "test")))
    result = evaluate(matrix, ProjectProfile(root=".", name="t", taro=taro), (FileScan("a.js", call_sites=sites),), targets=targets,
                      selection=Selection())
    return list(result.findings)


def test_the_second_global_is_loaded_after_the_own_one(make_matrix: Callable[..., Path]) -> None:
    assert _matrix(make_matrix).platforms["qq"].native_globals == ("qq", "wx")


def test_wx_on_qq_is_no_error_and_its_support_there_is_an_unknown(make_matrix: Callable[..., Path]) -> None:
    found = _findings(_matrix(make_matrix), "gamma", "notlisted")
    assert [(f.code, f.severity.value, f.line, f.platform_ids) for f in found] == [
        ("TC108", "warning", 0, ("qq",)),  # one summary: qq has no data for gamma
        ("TC111", "error", 1, ("tt",)),
        ("TC111", "error", 2, ("tt",)),
    ]
    assert word(found[1]) == "wx.gamma: there is no wx on tt (its global is tt); call Taro.gamma, or keep this code to its platform"
