"""Shared fixtures: the repository's matrix, and small matrices built in a temp dir."""

from __future__ import annotations

import shutil
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
MATRIX = REPO / "matrix"


@pytest.fixture(autouse=True, scope="session")
def _isolated_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Tests never read or write the user's cache; they share one of their own (a cold load of the full
    matrix costs a second, and each cache test makes its own directory anyway)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("TARO_COMPAT_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
        yield


MINIMAL_API = """\
id: sample
kind: api
category: base
summary: A sample API for tests.
support:
  weapp:
    taro:
      - versions: ">=3.3.0"
        status: supported
        confidence: verified
        sources: [pkg]
    runtime:
      - versions: ">=2.10.4"
        status: supported
        confidence: official
        sources: [doc]
sources:
  doc:
    url: "https://example.com/doc"
  pkg:
    package: "@tarojs/taro@3.3.0"
    file: "types/index.d.ts"
"""


@pytest.fixture
def make_matrix(tmp_path: Path) -> Callable[..., Path]:
    """A copy of the real platforms, catalogues, usage and schemas, with the given API files."""

    def make(apis: dict[str, str] | None = None, *, extra: dict[str, str] | None = None) -> Path:
        root = tmp_path / "matrix"
        if root.exists():
            shutil.rmtree(root)
        for part in ("schema", "platforms", "catalogues", "usage"):
            shutil.copytree(MATRIX / part, root / part)
        shutil.copy(MATRIX / "_meta.yaml", root / "_meta.yaml")
        (root / "apis").mkdir()
        for name, text in (apis if apis is not None else {"sample": MINIMAL_API}).items():
            (root / "apis" / f"{name}.yaml").write_text(textwrap.dedent(text), encoding="utf-8")
        for relative, text in (extra or {}).items():
            target = root / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(textwrap.dedent(text), encoding="utf-8")
        return root

    return make
