"""The wheel carries matrix/ and reports/, and the installed command finds them."""

from __future__ import annotations

import importlib.metadata
import json
import re
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
    assert "checker/_data/matrix.cache" in names  # built at wheel-build time (hatch_build.py)
    assert "checker/cli.py" in names
    assert not any(name.startswith("tests/") for name in names)


FIRST_LOAD = """
import sys
from pathlib import Path
import checker.kb as kb
from checker.kb.cache import prebuilt_file, read_index
from checker.resources import matrix_root

def parsed(*args, **kwargs):
    raise SystemExit("the matrix was parsed")

kb.load_documents = parsed
matrix = kb.load_matrix(matrix_root(), cache_dir=Path(sys.argv[1]))
assert matrix.digest == read_index(prebuilt_file(matrix_root())).digest
print("prebuilt")
"""


def _pins_of_this_environment() -> str:
    """``name==version`` for every distribution installed here, so the wheel's own environment resolves to the
    releases this run already has (pip's cache serves them) and the test checks the declared dependencies,
    not a network's mood."""
    pins: dict[str, str] = {}
    for dist in importlib.metadata.distributions():  # in sys.path order: the first is the one imported
        name = dist.metadata["Name"]
        key = re.sub(r"[-_.]+", "-", name or "").lower()
        if key and key != "taro-compat" and key not in pins:
            pins[key] = f"{name}=={dist.version}"
    return "\n".join(sorted(pins.values())) + "\n"


def test_installed_wheel_answers_from_its_own_data(wheel: Path, tmp_path: Path) -> None:
    # its own environment: no system site-packages, the wheel's declared dependencies and nothing else
    env = tmp_path / "venv"
    venv.EnvBuilder(system_site_packages=False, with_pip=False).create(env)
    python = env / "bin" / "python"
    pins = tmp_path / "pins.txt"
    pins.write_text(_pins_of_this_environment())
    installed = subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "--quiet", "--disable-pip-version-check",
         "--constraint", str(pins), str(wheel)],
        capture_output=True, text=True,
    )
    assert installed.returncode == 0, installed.stderr
    isolated = subprocess.run([str(python), "-c", "import pytest"], capture_output=True, cwd=tmp_path)
    assert isolated.returncode == 1  # nothing leaks in from the environment running the tests
    where = subprocess.run(
        [str(python), "-c", "import checker.resources as r; print(r.matrix_root())"],
        check=True, capture_output=True, text=True, cwd=tmp_path,
    ).stdout.strip()
    assert where.startswith(str(env)) and where.endswith("checker/_data/matrix")
    # a fresh runner (empty cache directory) reads the shipped cache: the matrix is never parsed
    first_load = subprocess.run(
        [str(python), "-c", FIRST_LOAD, str(tmp_path / "fresh-cache")], capture_output=True, text=True, cwd=tmp_path,
    )
    assert (first_load.returncode, first_load.stdout, first_load.stderr) == (0, "prebuilt\n", "")
    result = subprocess.run(
        [str(env / "bin" / "taro-compat"), "query", "api", "getUserProfile", "--platform", "h5", "--taro", "3.6.26", "--format", "json"],
        capture_output=True, text=True, cwd=tmp_path, env={"TARO_COMPAT_CACHE_DIR": str(tmp_path / "cache"), "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["verdict"] == "stub"
