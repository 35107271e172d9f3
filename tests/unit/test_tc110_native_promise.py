"""TC110 on a small matrix built here: synchronous APIs and natives that return a Promise themselves are no defect when awaited."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from checker.evaluate import evaluate
from checker.kb import load_matrix
from checker.model import Matrix
from checker.project.profile import ProjectProfile, TaroVersionInfo
from checker.scan.sites import CallSite, FileScan
from checker.targets.model import Target
from checker.targets.resolve import ResolvedTargets
from conftest import MATRIX

# the platform's conventions, written for the test (not the bundled values): "Now" names synchronous APIs,
# natives return a Promise from 2.15.0 except taskApi
CONVENTIONS = """\
sync_suffix:
  suffix: Now
  sources: [test-conventions]
  confidence: official
native_promise:
  from: "2.15.0"
  except: [taskApi]
  sources: [test-conventions]
  confidence: official
"""


def api(name: str) -> str:
    return f"""\
id: {name}
kind: api
category: base
summary: {name}, for tests.
support:
  weapp:
    taro:
      - versions: ">=3.3.0"
        status: supported
        confidence: computed
        sources: [pkg]
        promise: false
        forwarded: true
    runtime:
      - versions: ">=2.10.0"
        status: supported
        confidence: official
        sources: [doc]
sources:
  doc:
    url: "https://example.com/doc"
  pkg:
    package: "@tarojs/shared@3.6.26"
    file: "dist/index.js"
"""


def weapp_platform() -> str:
    """The real weapp platform file with the test's conventions in place of its own."""
    text = (MATRIX / "platforms" / "weapp.yaml").read_text(encoding="utf-8")
    text = re.sub(r"^(sync_suffix|native_promise):\n(?:[ ]+.*\n)+", "", text, flags=re.M)
    text = text.replace("\nsources:\n", "\n" + CONVENTIONS + "sources:\n  test-conventions:\n    url: \"https://example.com/conventions\"\n", 1)
    return text


@pytest.fixture
def matrix(make_matrix: Callable[..., Path]) -> Matrix:
    apis = {name: api(name) for name in ("readNow", "later", "taskApi")}
    return load_matrix(make_matrix(apis, extra={"platforms/weapp.yaml": weapp_platform()}), use_cache=False)


def no_promise_codes(matrix: Matrix, name: str, minimum: str) -> list[str]:
    site = CallSite(api=name, file="a.ts", line=1, column=1, callee=f"Taro.{name}", via="taro", called=True, promise_style=True)
    taro = TaroVersionInfo(declared="3.6.26", declared_at=None, resolved="3.6.26", source="test")
    result = evaluate(matrix, ProjectProfile(root=".", name="t", taro=taro), (FileScan("a.ts", call_sites=(site,)),),
                      targets=ResolvedTargets((Target("weapp", minimum, "test"),)))
    return [f.code for f in result.findings if f.code == "TC110"]


def test_an_awaited_synchronous_api_is_no_defect(matrix: Matrix) -> None:
    assert no_promise_codes(matrix, "readNow", "2.10.4") == []


def test_a_forwarded_native_returns_a_promise_from_the_platforms_version(matrix: Matrix) -> None:
    assert no_promise_codes(matrix, "later", "2.15.0") == []
    assert no_promise_codes(matrix, "later", "2.14.9") == ["TC110"]  # users below 2.15.0 get no Promise


def test_a_native_that_returns_a_task_is_never_promised(matrix: Matrix) -> None:
    assert no_promise_codes(matrix, "taskApi", "2.20.0") == ["TC110"]
