"""ruff over the tree, and ruff's stricter rules plus mypy --strict over the modules held to them.

A module joins STRICT when it is written or rewritten; the list only grows.
"""

from __future__ import annotations

import subprocess
import sys

from conftest import REPO

STRICT = [
    "checker/rules", "checker/findings.py", "checker/evaluate.py", "checker/report.py", "checker/support.py",
    "checker/atomic.py", "checker/output.py", "checker/vendored.py", "checker/baseline.py", "checker/render/words.py",
    "checker/render/rules_doc.py", "checker/render/statistics.py", "checker/render/fmt_json.py",
    "checker/commands/rules.py", "checker/commands/check.py",
]


def run(*argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *argv], cwd=REPO, capture_output=True, text=True, check=False)


def test_ruff_over_the_tree() -> None:
    done = run("ruff", "check", "--no-cache", "checker", "tests", "benchmarks")
    assert done.returncode == 0, done.stdout + done.stderr


def test_ruff_strict_rules_over_the_strict_modules() -> None:
    done = run("ruff", "check", "--no-cache", "--extend-select", "I,B,UP,E501", *STRICT)
    assert done.returncode == 0, done.stdout + done.stderr


def test_mypy_strict_over_the_strict_modules() -> None:
    done = run("mypy", "--strict", "--no-incremental", *STRICT)
    assert done.returncode == 0, done.stdout + done.stderr
