"""The first check on a fresh CI runner, and a warm one, against ripgrep on the largest corpus project.

    python3 benchmarks/fresh_runner.py                     # builds the wheel, installs it in a new venv
    python3 benchmarks/fresh_runner.py --before /work/venvs/main/bin/taro-compat --runs 5

It builds the wheel (isolated, so the build hook that compiles the matrix cache runs as it does for a
user), installs it with its dependencies into a new virtualenv, and times, in the same run:
ripgrep over the project's source files (the baseline), ``taro-compat check`` with an empty cache
directory (a fresh runner: no matrix cache, no scan cache), and the same check again with a warm one.
``--before`` times another command the same way (e.g. an install without a shipped cache).
Standard library only (plus corpus_run.py beside it); medians of ``--runs`` runs.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import venv
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus_run import SKIPPED_DIRS, SOURCE_GLOB, time_against_rg  # noqa: E402

REPO = Path(__file__).resolve().parent.parent


def largest_project(corpus: Path) -> Path:
    """The corpus project with the most source files the scanner reads (as ripgrep lists them)."""
    globs = [a for d in SKIPPED_DIRS for a in ("-g", f"!{d}/")]

    def count(project: Path) -> int:
        done = subprocess.run(["rg", "--files", "--no-ignore", *globs, "-g", SOURCE_GLOB, str(project)], capture_output=True, text=True)
        return len(done.stdout.splitlines())

    return max((p for p in corpus.iterdir() if p.is_dir() and not p.name.startswith(".")), key=count)


def install_wheel(where: Path) -> Path:
    """Build the wheel (isolated) and install it with its dependencies into a new virtualenv."""
    dist = where / "dist"
    subprocess.run([sys.executable, "-m", "build", "--wheel", "--outdir", str(dist), str(REPO)], check=True, capture_output=True)
    (wheel,) = dist.glob("taro_compat-*.whl")
    env = where / "venv"
    venv.EnvBuilder(with_pip=False).create(env)
    subprocess.run([sys.executable, "-m", "pip", "--python", str(env / "bin" / "python"), "install", "--quiet", str(wheel)],
                   check=True, capture_output=True)
    return env / "bin" / "taro-compat"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", default="/work/corpus")
    parser.add_argument("--project", help="a project folder (default: the corpus project with the most source files)")
    parser.add_argument("--before", help="another taro-compat command to time the same way")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    project = Path(args.project) if args.project else largest_project(Path(args.corpus))
    with tempfile.TemporaryDirectory(prefix="fresh-runner-") as scratch:
        commands = {"wheel (shipped matrix cache)": [str(install_wheel(Path(scratch)))]}
        if args.before:
            commands = {"before": [args.before], **commands}
        results = {}
        for label, command in commands.items():
            timing = time_against_rg(command, project, args.runs)
            results[label] = timing
            print(f"{label}: {timing['project']} ({timing['files']} source files), median of {timing['runs']} runs: "
                  f"rg {timing['rg_ms']:.0f} ms; fresh runner {timing['cold_ms']:.0f} ms = {timing['cold_ms'] / timing['rg_ms']:.1f}x rg; "
                  f"warm {timing['warm_ms']:.0f} ms = {timing['warm_ms'] / timing['rg_ms']:.1f}x rg")
    print(json.dumps(results, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
