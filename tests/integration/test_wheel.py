"""The wheel carries matrix/ and reports/, and the installed command finds them."""

from __future__ import annotations

import json
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

from conftest import REPO


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(out), str(REPO)],
        check=True,
        capture_output=True,
    )
    (built,) = out.glob("taro_compat-*.whl")
    return built


def test_wheel_contains_the_matrix_and_the_templates(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    matrix_files = sorted(p.relative_to(REPO).as_posix() for p in (REPO / "matrix").rglob("*") if p.is_file())
    for relative in matrix_files:
        assert f"checker/_data/{relative}" in names
    assert "checker/_data/reports/README.md" in names
    assert "checker/_data/docs/findings.md" in names  # SARIF rules quote it
    assert "checker/cli.py" in names
    assert not any(name.startswith("tests/") for name in names)


def test_installed_wheel_answers_from_its_own_data(wheel: Path, tmp_path: Path) -> None:
    env = tmp_path / "venv"
    venv.EnvBuilder(system_site_packages=True, with_pip=False).create(env)
    python = env / "bin" / "python"
    subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "--quiet", str(wheel)],
        check=True,
        capture_output=True,
    )
    where = subprocess.run(
        [str(python), "-c", "import checker.resources as r; print(r.matrix_root())"],
        check=True, capture_output=True, text=True, cwd=tmp_path,
    ).stdout.strip()
    assert where.startswith(str(env)) and where.endswith("checker/_data/matrix")
    result = subprocess.run(
        [str(env / "bin" / "taro-compat"), "query", "api", "getUserProfile", "--platform", "h5", "--taro", "3.6.26", "--format", "json"],
        capture_output=True, text=True, cwd=tmp_path, env={"TARO_COMPAT_CACHE_DIR": str(tmp_path / "cache"), "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["verdict"] == "stub"
