from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from checker.errors import KnowledgeBaseErrors
from checker.kb import load_documents, load_matrix
from conftest import MINIMAL_API


def problems(root: Path) -> list[str]:
    with pytest.raises(KnowledgeBaseErrors) as caught:
        load_documents(root)
    return [str(e) for e in caught.value.errors]


def test_minimal_matrix_loads(make_matrix: Callable[..., Path]) -> None:
    matrix = load_documents(make_matrix()).matrix
    assert matrix.api_ids() == ("sample",)
    assert [str(s.versions) for s in matrix.api("sample").support["weapp"].runtime] == [">=2.10.4"]


def test_unquoted_version_is_named_with_its_quote_fix(make_matrix: Callable[..., Path]) -> None:
    root = make_matrix({"sample": MINIMAL_API.replace('">=2.10.4"', "2.10")})
    assert problems(root) == [
        'matrix/apis/sample.yaml:13:19: KB002 support/weapp/runtime/0/versions: 2.10 was read as a float; quote it: "2.10"'
    ]


def test_unknown_key_points_at_the_key(make_matrix: Callable[..., Path]) -> None:
    root = make_matrix({"sample": MINIMAL_API.replace("        status: supported\n        confidence: official", "        status: supported\n        sincee: x\n        confidence: official")})
    (message,) = problems(root)
    assert message.startswith("matrix/apis/sample.yaml:15:9: KB002 unknown key 'sincee' in support/weapp/runtime/0 (allowed: ")


def test_wrong_type_and_bad_enum_are_all_reported(make_matrix: Callable[..., Path]) -> None:
    text = MINIMAL_API.replace("status: supported\n        confidence: verified", "status: yes\n        confidence: verified").replace(
        "kind: api", "kind: [api]"
    )
    found = problems(make_matrix({"sample": text}))
    assert len(found) == 2
    assert found[0].startswith("matrix/apis/sample.yaml:2:7: KB002 kind: ['api'] is not one of")
    assert found[1].startswith("matrix/apis/sample.yaml:9:17: KB002 support/weapp/taro/0/status: 'yes' is not one of")


def test_bad_range_and_unknown_source_and_platform(make_matrix: Callable[..., Path]) -> None:
    text = (
        MINIMAL_API.replace('">=3.3.0"', '"^3.3.0"')
        .replace("sources: [doc]", "sources: [docs]")
        .replace("support:\n  weapp:", "support:\n  wepp:\n    taro:\n      - {versions: '*', status: unknown, confidence: inferred, sources: [doc], note: n}\n  weapp:")
    )
    assert problems(make_matrix({"sample": text})) == [
        "matrix/apis/sample.yaml:6:3: KB007 unknown platform 'wepp' (did you mean 'weapp'?)",
        "matrix/apis/sample.yaml:11:19: KB004 bad version range: '^3.3.0': '^3.3.0' is not a semver version (MAJOR.MINOR.PATCH[-pre])",
        "matrix/apis/sample.yaml:19:19: KB005 source 'docs' is not defined under 'sources' in this file (did you mean 'doc'?)",
    ]


def test_runtime_axis_on_a_platform_without_one(make_matrix: Callable[..., Path]) -> None:
    text = MINIMAL_API.replace("  weapp:", "  h5:")
    assert problems(make_matrix({"sample": text})) == [
        "matrix/apis/sample.yaml:12:5: KB008 platform 'h5' has no runtime version axis: remove 'runtime'"
    ]


def test_missing_meta(make_matrix: Callable[..., Path]) -> None:
    root = make_matrix()
    (root / "_meta.yaml").unlink()
    assert problems(root) == ["matrix/_meta.yaml: KB001 _meta.yaml is missing"]


def test_a_stray_file_is_an_error(make_matrix: Callable[..., Path]) -> None:
    root = make_matrix(extra={"notes/todo.yaml": "a: 1\n"})
    assert problems(root) == [
        "matrix/notes/todo.yaml: KB001 file outside the known folders (apis/, platforms/, catalogues/, usage/, reports/, wrappers/)"
    ]


def test_every_problem_of_every_file_is_collected(make_matrix: Callable[..., Path]) -> None:
    broken = {"a": "id: a\nkind: api\nkind: api\n", "b": "id: [\n", "c": MINIMAL_API.replace("id: sample", "id: c").replace("kind: api", "kind: apii")}
    found = problems(make_matrix(broken))
    assert [line.split(" ")[0] for line in found] == [
        "matrix/apis/a.yaml:3:1:",
        "matrix/apis/b.yaml:2:1:",
        "matrix/apis/c.yaml:2:7:",
    ]


def test_warm_load_reads_the_cache_and_gives_the_same_answers(make_matrix: Callable[..., Path], tmp_path: Path) -> None:
    root = make_matrix()
    cache = tmp_path / "c"
    cold = load_matrix(root, cache_dir=cache)
    files = list(cache.iterdir())
    assert len(files) == 1
    warm = load_matrix(root, cache_dir=cache)
    assert warm.digest == cold.digest
    assert warm.api("sample") == cold.api("sample")


def test_a_corrupt_cache_is_rebuilt_not_trusted(make_matrix: Callable[..., Path], tmp_path: Path) -> None:
    root = make_matrix()
    cache = tmp_path / "c"
    load_matrix(root, cache_dir=cache)
    (cached,) = cache.iterdir()
    cached.write_bytes(cached.read_bytes().replace(b">=2.10.4", b">=2.99.9"))
    matrix = load_matrix(root, cache_dir=cache)
    assert str(matrix.api("sample").support["weapp"].runtime[0].versions) == ">=2.10.4"  # read from the YAML
    assert not cached.exists()  # the damaged cache is dropped ...
    load_matrix(root, cache_dir=cache)
    assert b">=2.10.4" in cached.read_bytes()  # ... and rebuilt by the next run


def test_a_truncated_cache_index_is_rebuilt(make_matrix: Callable[..., Path], tmp_path: Path) -> None:
    root = make_matrix()
    cache = tmp_path / "c"
    load_matrix(root, cache_dir=cache)
    (cached,) = cache.iterdir()
    whole = cached.read_bytes()
    cached.write_bytes(whole[: len(whole) // 3])
    matrix = load_matrix(root, cache_dir=cache)
    assert str(matrix.api("sample").support["weapp"].runtime[0].versions) == ">=2.10.4"
    assert cached.read_bytes() == whole


def test_an_edit_to_the_matrix_changes_the_digest(make_matrix: Callable[..., Path], tmp_path: Path) -> None:
    root = make_matrix()
    first = load_matrix(root, cache_dir=tmp_path / "c")
    (root / "apis" / "sample.yaml").write_text(MINIMAL_API.replace(">=2.10.4", ">=2.16.0"), encoding="utf-8")
    second = load_matrix(root, cache_dir=tmp_path / "c")
    assert first.digest != second.digest
    assert str(second.api("sample").support["weapp"].runtime[0].versions) == ">=2.16.0"


def test_an_unwritable_cache_only_costs_speed(make_matrix: Callable[..., Path], tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    matrix = load_matrix(make_matrix(), cache_dir=blocker / "sub")
    assert matrix.api_ids() == ("sample",)
