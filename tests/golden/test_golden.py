"""Every report format on the demo project, byte for byte (UPDATE_GOLDEN=1 rewrites the files)."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest

from checker import __version__
from checker.cli import main
from conftest import REPO

DEMO = REPO / "examples" / "demo-shop"
EXPECTED = Path(__file__).parent / "expected"
SUFFIX = {"text": "txt", "json": "json", "markdown": "md", "html": "html", "sarif": "sarif", "github": "github"}


@pytest.fixture(autouse=True)
def _from_the_repository(monkeypatch: pytest.MonkeyPatch) -> None:
    """Paths are printed relative to the current directory and the repository: run from its root, off CI's variables."""
    monkeypatch.chdir(REPO)
    for name in ("GITHUB_SERVER_URL", "GITHUB_REPOSITORY", "GITHUB_SHA", "GITHUB_RUN_ID", "GITHUB_WORKSPACE", "GITHUB_STEP_SUMMARY", "NO_COLOR"):
        monkeypatch.delenv(name, raising=False)


def run_check(*argv: str) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(["check", str(DEMO), *argv], stdout=out, stderr=err)
    assert err.getvalue() == ""
    return code, out.getvalue()


def normalise(text: str) -> str:
    """The matrix digest and the tool version change with every data edit and release: not the subject here."""
    report = io.StringIO()
    code = main(["check", str(DEMO), "--format", "json", "--no-scan"], stdout=report, stderr=io.StringIO())
    assert code in (0, 1)
    digest = json.loads(report.getvalue())["matrix"]["digest"]
    text = text.replace(digest, "<digest>").replace(digest[:12], "<digest>").replace(__version__, "<version>")
    return text.replace(REPO.as_uri() + "/", "file:///<repository>/")


@pytest.mark.parametrize("fmt", sorted(SUFFIX))
def test_format_matches_its_golden_file(fmt: str) -> None:
    code, output = run_check("--format", fmt)
    assert code == 1  # the demo has errors
    output = normalise(output)
    golden = EXPECTED / f"demo-shop.{SUFFIX[fmt]}"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(output, encoding="utf-8")
    assert output == golden.read_text(encoding="utf-8")


def test_output_is_deterministic() -> None:
    assert run_check("--format", "json") == run_check("--format", "json")
