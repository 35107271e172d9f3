"""CI runs the README's test command verbatim, and that command gives the suite a fresh environment."""

from __future__ import annotations

import re
import shlex

from conftest import REPO


def readme_test_command() -> str:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    quick_start = readme.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    commands = re.findall(r"```sh\n(.+?)\n```", quick_start, flags=re.S)
    (command,) = [c for c in commands if "pytest" in c]
    return command


def test_ci_runs_the_readme_test_command_as_its_last_line() -> None:
    lines = [line for line in (REPO / ".ci" / "run").read_text(encoding="utf-8").splitlines() if line.strip()]
    assert lines[-1] == readme_test_command()


def test_the_test_command_makes_a_fresh_virtualenv_and_tests_in_it() -> None:
    steps = [shlex.split(step) for step in readme_test_command().split(" && ")]
    (make_venv,) = [step for step in steps if step[:3] == ["python3", "-m", "venv"]]
    assert "--clear" in make_venv and "--system-site-packages" not in make_venv
    where = make_venv[-1]
    install, test = steps[-2], steps[-1]
    assert install[:4] == [f"{where}/bin/python", "-m", "pip", "install"] and "-U" in install and "-e" in install
    assert install[-1] == ".[test]"
    assert test[:3] == [f"{where}/bin/python", "-m", "pytest"]
