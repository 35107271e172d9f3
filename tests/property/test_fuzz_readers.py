"""Property tests: readers and the scanner never raise anything but their own located errors, on
random and mutated input. Bounded here (CI); fuzz/run.py runs the same properties much longer."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).parent))

from strategies import LOCK_SEEDS, mutated, source_bytes  # noqa: E402

from checker.errors import KnowledgeBaseError, ProjectError  # noqa: E402
from checker.kb._yaml import read_yaml  # noqa: E402
from checker.project.jsonfile import read_json  # noqa: E402
from checker.project.lockfiles import LockfileError, read_lockfile  # noqa: E402
from checker.scan.runner import ScanOptions, scan_one  # noqa: E402

OPTIONS = ScanOptions(frozenset({"wx", "tt", "my"}), frozenset({"weapp", "h5"}), frozenset({"__TARO_ENV"}))
# bounded for CI; fuzz/run.py sets TARO_COMPAT_FUZZ_EXAMPLES for the long run
FAST = settings(max_examples=int(os.environ.get("TARO_COMPAT_FUZZ_EXAMPLES", "150")), deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])


@FAST
@given(source_bytes, st.sampled_from(["a.ts", "b.tsx", "c.js", "d.vue"]))
def test_scanner_never_raises_and_lines_stay_in_the_file(tmp_path_factory, source: bytes, name: str) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path_factory.mktemp("fuzz") / name
    path.write_bytes(source)
    result = scan_one(str(path), name, OPTIONS)
    lines = source.count(b"\n") + 1
    for site in result.call_sites:
        assert 1 <= site.line <= lines and site.column >= 1
    for use in result.components:
        assert 1 <= use.line <= lines


@FAST
@given(st.one_of(st.binary(max_size=300), st.text(max_size=300).map(str.encode), mutated([b'{"dependencies": {"@tarojs/taro": "3.6.8"}, "scripts": {"b": "taro build --type weapp"}}'])))
def test_json_manifest_reader_raises_only_project_errors(tmp_path_factory, raw: bytes) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path_factory.mktemp("json") / "package.json"
    path.write_bytes(raw)
    try:
        read_json(path, "package.json")
    except ProjectError as error:
        assert str(error).startswith("package.json")


@FAST
@given(st.sampled_from(LOCK_SEEDS).flatmap(lambda seed: mutated([seed[1]]).map(lambda raw: (seed[0], raw))))
def test_lock_file_readers_raise_only_lockfile_errors(tmp_path_factory, case: tuple[str, bytes]) -> None:  # type: ignore[no-untyped-def]
    name, raw = case
    if name not in ("package-lock.json", "npm-shrinkwrap.json", "yarn.lock", "pnpm-lock.yaml"):
        return
    path = tmp_path_factory.mktemp("lock") / name
    path.write_bytes(raw)
    try:
        read_lockfile(path, name, {"@tarojs/taro": "^3.6.0"}, importer=".")
    except LockfileError as error:
        assert str(error).startswith(name)


SEED_YAML = (Path(__file__).resolve().parents[2] / "matrix" / "apis" / "getUserProfile.yaml").read_bytes()[:3000]


@FAST
@given(st.one_of(mutated([SEED_YAML]), st.binary(max_size=300), st.text(max_size=300).map(str.encode)))
def test_matrix_yaml_reader_raises_only_located_errors(raw: bytes) -> None:
    try:
        read_yaml(raw, "matrix/apis/x.yaml")
    except KnowledgeBaseError as error:
        assert str(error).startswith("matrix/apis/x.yaml")
