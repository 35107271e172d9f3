"""kb lint: the repository's matrix is clean, and each rule catches its planted defect."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from checker.kb import load_documents
from checker.kb.rules import lint
from conftest import MATRIX, MINIMAL_API


def lint_messages(root: Path) -> list[str]:
    return [str(problem) for problem in lint(load_documents(root))]


def test_the_curated_matrix_is_clean() -> None:
    assert lint_messages(MATRIX) == []


def test_minimal_matrix_is_clean(make_matrix: Callable[..., Path]) -> None:
    assert lint_messages(make_matrix()) == []


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        pytest.param(
            ('">=2.10.4"', '">=2.10.5"'),
            "matrix/apis/sample.yaml:13:9: KB101 weapp runtime: 2.10.5 is not a release in catalogues/weapp-baselib.yaml",
            id="runtime version not in catalogue",
        ),
        pytest.param(
            ('">=3.3.0"', '">=3.0.28"'),
            "matrix/apis/sample.yaml:8:9: KB101 weapp taro: 3.0.28 is not a release in catalogues/taro.yaml",
            id="taro version not in catalogue",
        ),
        pytest.param(
            ('      - versions: ">=2.10.4"', '      - versions: ">=2.16.0"\n        status: supported\n        confidence: official\n        sources: [doc]\n      - versions: ">=2.10.4"'),
            "matrix/apis/sample.yaml:17:9: KB102 weapp runtime: '>=2.10.4' overlaps '>=2.16.0'",
            id="overlapping statements",
        ),
        pytest.param(
            ('      - versions: ">=2.10.4"', '      - versions: ">=2.16.0"\n        status: supported\n        confidence: official\n        sources: [doc]\n      - versions: "<2.10.4"'),
            "matrix/apis/sample.yaml:17:9: KB102 weapp runtime: '<2.10.4' comes before '>=2.16.0': list statements from old to new",
            id="statements out of order",
        ),
        pytest.param(
            ("        status: supported\n        confidence: verified", "        status: partial\n        confidence: verified"),
            "matrix/apis/sample.yaml:8:9: KB103 weapp taro '>=3.3.0': a partial statement needs a note",
            id="partial without a note",
        ),
        pytest.param(
            ("        status: supported\n        confidence: verified", "        status: stub\n        note: n\n        confidence: verified"),
            "matrix/apis/sample.yaml:8:9: KB104 weapp taro '>=3.3.0': a stub needs 'stub: {development: ..., production: ...}'",
            id="stub without its behaviour",
        ),
        pytest.param(
            ("sources:\n  doc:", "sources:\n  spare:\n    url: \"https://example.com/x\"\n  doc:"),
            "matrix/apis/sample.yaml:18:3: KB105 source 'spare' is defined but never cited",
            id="unused source",
        ),
        pytest.param(
            ("id: sample", "id: other"),
            "matrix/apis/sample.yaml:1:5: KB106 file name 'sample' differs from its id 'other'",
            id="file name differs from id",
        ),
        pytest.param(
            ("sources:\n  doc:", "see_also: [nothing]\nsources:\n  doc:"),
            "matrix/apis/sample.yaml:17:12: KB107 'nothing' is not an API or component of the matrix",
            id="dangling reference",
        ),
    ],
)
def test_each_rule_catches_its_defect(make_matrix: Callable[..., Path], edit: tuple[str, str], expected: str) -> None:
    old, new = edit
    assert old in MINIMAL_API
    assert lint_messages(make_matrix({"sample": MINIMAL_API.replace(old, new, 1)})) == [expected]


def test_unknown_statement_without_note(make_matrix: Callable[..., Path]) -> None:
    text = MINIMAL_API.replace("  weapp:", "  qq:\n    taro:\n      - {versions: '*', status: unknown, confidence: inferred, sources: [doc]}\n  weapp:")
    assert lint_messages(make_matrix({"sample": text})) == [
        "matrix/apis/sample.yaml:8:9: KB103 qq taro '*': a unknown statement needs a note"
    ]


def test_prerelease_floor_of_a_real_release_is_accepted(make_matrix: Callable[..., Path]) -> None:
    text = MINIMAL_API.replace('">=3.3.0"', '">=3.3.0-0"')
    assert lint_messages(make_matrix({"sample": text})) == []


def test_a_wrapper_names_apis_and_platforms_that_exist(make_matrix: Callable[..., Path]) -> None:
    wrapper = """\
        id: lib@1
        package: lib
        versions: ">=1.0.0"
        confidence: verified
        sources:
          es: {package: "lib@1.0.0", file: "es/index.js"}
        exports:
          useIt:
            - {api: sample, platforms: [weapp], file: "es/a.js", line: 3}
            - {api: nothing, platforms: [nowhere], file: "es/a.js", line: 4}
        """
    assert lint_messages(make_matrix(extra={"wrappers/lib@1.yaml": wrapper})) == [
        "matrix/wrappers/lib@1.yaml:10:7: KB107 'nothing' is not an API of the matrix",
        "matrix/wrappers/lib@1.yaml:10:7: KB107 platform 'nowhere' does not exist",
    ]
